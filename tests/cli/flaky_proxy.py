"""A loopback HTTP proxy in front of the real server that can misbehave on cue.

It records every request (method, path, JSON body) and, per request, either forwards it to the
upstream Ridgeline server or answers itself with a scripted failure: an HTTP status with a JSON
error body, or a dropped connection. It fakes nothing of the server's behaviour; it only stands
for the unreliable network and load balancers between a CI job and the server.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from typing import Any

import httpx

from tests.support.loopback import LoopbackHTTPServer

DROP = "drop"
FORWARD = "forward"

# Given (method, path, number of earlier requests with the same method and path) → what to do:
# FORWARD, DROP or an HTTP status to answer with.
Script = Callable[[str, str, int], "str | int"]


class FlakyProxy(LoopbackHTTPServer):
    def __init__(self, upstream: str, script: Script) -> None:
        self.upstream = upstream.rstrip("/")
        self.script = script
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                path = self.path.partition("?")[0]
                with proxy._lock:
                    seen = sum(1 for r in proxy.requests if (r["method"], r["path"]) == (self.command, path))
                    proxy.requests.append(
                        {"method": self.command, "path": path, "body": json.loads(body) if body else None}
                    )
                action = proxy.script(self.command, path, seen)
                if action == DROP:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if action == FORWARD:
                    headers = {
                        k: v for k, v in self.headers.items() if k.lower() in ("x-api-key", "content-type")
                    }
                    upstream = httpx.request(
                        self.command, proxy.upstream + self.path, headers=headers, content=body, timeout=60
                    )
                    self._answer(upstream.status_code, upstream.content, upstream.headers.get("content-type"))
                    return
                payload = json.dumps({"error": "Service temporarily unavailable."}).encode()
                self._answer(int(action), payload, "application/json")

            def _answer(self, status: int, payload: bytes, content_type: str | None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type or "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self._serve(Handler)
