"""Per-client-IP rate limiting of ``/api/static/*`` with the ``limits`` library (moving window).

In-memory storage on the embedded default; Redis when ``RIDGELINE_REDIS_URL`` is set, so that
every API process of a deployment shares one budget. The client is the socket peer, unless the
peer is a trusted proxy: then the right-most ``X-Forwarded-For`` address that is not itself a
trusted proxy.
"""

from __future__ import annotations

import ipaddress
import math
import time
from typing import Any

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from ridgeline.api.middleware import send_json
from ridgeline.domain.errors import RateLimited

LIMITED_PREFIXES = ("/api/static/", "/api//static/")

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_trusted(value: str | None) -> list[Network]:
    networks: list[Network] = []
    for part in (value or "").split(","):
        part = part.strip()
        if part:
            networks.append(ipaddress.ip_network(part, strict=False))
    return networks


def client_address(peer: str | None, forwarded_for: str | None, trusted: list[Network]) -> str:
    def is_trusted(address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in trusted)

    client = peer or "unknown"
    if not trusted or not is_trusted(client) or not forwarded_for:
        return client
    for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return client  # a malformed hop: do not trust anything further left
        if not is_trusted(hop):
            return hop
        client = hop
    return client


class RateLimitMiddleware:
    def __init__(self, app: Any, *, limit: str, storage_url: str, trusted_proxies: list[Network]) -> None:
        self.app = app
        self.item: RateLimitItem = parse(limit)
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage_url))
        self.trusted = trusted_proxies

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(LIMITED_PREFIXES):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        peer = scope.get("client")[0] if scope.get("client") else None
        client = client_address(peer, headers.get("x-forwarded-for"), self.trusted)
        allowed = self.limiter.hit(self.item, "ridgeline-api", client)
        reset_at, remaining = self.limiter.get_window_stats(self.item, "ridgeline-api", client)
        now = time.time()
        reset_in = max(1, math.ceil(reset_at - now))
        extra = [
            (b"x-ratelimit-limit", str(self.item.amount).encode()),
            (b"x-ratelimit-remaining", str(max(0, remaining)).encode()),
            (b"x-ratelimit-reset", str(reset_in).encode()),
        ]
        if not allowed:
            headers = [(b"retry-after", str(reset_in).encode()), *extra]
            await send_json(send, RateLimited.http_status, {"error": RateLimited.public_message}, headers)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
