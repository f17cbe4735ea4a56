"""Outermost ASGI middleware: a request id on every response, and the fixed 500 for crashes.

It sits outside every other layer so that even an unexpected exception is answered with the
documented body and the ``x-request-id`` header, and is logged with that id (never the body).
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

log = logging.getLogger("ridgeline.api")

INTERNAL_ERROR = {"error": "An unexpected error occurred."}

Scope = dict[str, Any]


class RequestIdMiddleware:
    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = False

        async def send_with_id(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode("ascii")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception(
                "unexpected error (request id %s) on %s %s",
                request_id,
                scope.get("method"),
                scope.get("path"),
            )
            if started:
                raise
            body = json.dumps(INTERNAL_ERROR).encode("utf-8")
            await send(
                {
                    "type": "http.response.start",
                    "status": 500,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode("ascii")),
                        (b"x-request-id", request_id.encode("ascii")),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
