"""ASGI middleware around the app.

Order, outermost first: ``RequestIdMiddleware`` (an ``x-request-id`` on every response),
``RateLimitMiddleware`` (``api/rate_limit.py``), ``UnexpectedErrorMiddleware`` (the fixed 500 for
crashes, logged with the request id, never the body). A crash's 500 thus still carries the request
id and the rate-limit headers.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from starlette.requests import ClientDisconnect

log = logging.getLogger("ridgeline.api")

INTERNAL_ERROR = {"error": "An unexpected error occurred."}

Scope = dict[str, Any]


async def send_json(
    send: Any, status: int, body: dict[str, Any], headers: list[tuple[bytes, bytes]] = ()
) -> None:  # type: ignore[assignment]
    payload = json.dumps(body).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode("ascii")),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class RequestIdMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id

        async def send_with_id(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), (b"x-request-id", request_id.encode("ascii"))]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_id)


class UnexpectedErrorMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ClientDisconnect:
            log.debug("client went away before sending the whole request")
        except Exception:
            request_id = scope.get("state", {}).get("request_id", "-")
            log.exception(
                "unexpected error (request id %s) on %s %s",
                request_id,
                scope.get("method"),
                scope.get("path"),
            )
            if not started:
                await send_json(send, 500, INTERNAL_ERROR)
