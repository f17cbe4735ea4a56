"""The scan API routes (shared/spec/API.md).

Every path is served under ``/api/static`` and, for released clients that send a double slash,
under ``/api//static`` without a redirect. Checks run in the order API.md fixes: rate limit
(middleware), key, scope, body, quota, repository; slow steps (the remote look-up) run outside
any database transaction.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from ridgeline.api.runtime import ServerRuntime
from ridgeline.domain.errors import ForbiddenError, InvalidRequest, RidgelineError
from ridgeline.domain.scan import ScanStatus
from ridgeline.output.markdown import render_markdown
from ridgeline.output.sarif import render_sarif
from ridgeline.services import credentials, keys, quotas, scans
from ridgeline.wire import api_schema as schema

_FORMATS = ("json", "md", "sarif")

_RATE_HEADERS = {
    "x-ratelimit-limit": {"schema": {"type": "integer"}, "description": "Requests allowed per window."},
    "x-ratelimit-remaining": {"schema": {"type": "integer"}, "description": "Requests left in the window."},
    "x-ratelimit-reset": {"schema": {"type": "integer"}, "description": "Seconds until the window frees up."},
    "x-request-id": {"schema": {"type": "string"}, "description": "Identifies the request in server logs."},
}
_DESCRIPTIONS = {
    400: "Malformed request",
    401: "Missing, unknown, revoked or expired API key",
    403: "Key without scan scope, or quota exhausted",
    404: "Not found (or another account's)",
    413: "Request body larger than 1 MiB",
    429: "Rate limit exceeded",
    500: "Unexpected error",
    504: "Repository host did not respond",
}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        model: type[BaseModel] = schema.Error
        entry: dict[str, Any] = {"description": _DESCRIPTIONS[code], "model": model, "headers": _RATE_HEADERS}
        if code == 403:
            entry["content"] = {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/Error"},
                            {"$ref": "#/components/schemas/QuotaError"},
                        ]
                    }
                }
            }
        if code == 429:
            entry["headers"] = {**_RATE_HEADERS, "retry-after": {"schema": {"type": "integer"}}}
        out[code] = entry
    return out


def _ok(model: type[BaseModel], description: str = "OK") -> dict[int | str, dict[str, Any]]:
    return {200: {"model": model, "description": description, "headers": _RATE_HEADERS}}


_SECURITY: list[dict[str, list[str]]] = [{"ApiKey": []}]


MAX_BODY_BYTES = 1 << 20


class BodyTooLarge(RidgelineError):
    http_status = 413
    public_message = "Request body is too large (the limit is 1 MiB)."


async def _bounded_body(request: Request) -> bytes | None:
    """The request body, or None when it exceeds MAX_BODY_BYTES (read no further than that)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _principal(runtime: ServerRuntime, api_key: str | None) -> keys.Principal:
    with runtime.sessions.begin() as session:
        return keys.authenticate(session, runtime.server_secret, api_key)


def build_router() -> APIRouter:
    router = APIRouter()

    @router.post(
        "/scan",
        summary="Trigger a scan",
        response_model=None,
        responses={**_ok(schema.ScanAccepted), **_errors(400, 401, 403, 404, 413, 429, 500, 504)},
        openapi_extra={
            "security": _SECURITY,
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ScanRequest"}}},
            },
        },
    )
    async def trigger_scan(request: Request) -> JSONResponse:
        runtime: ServerRuntime = request.app.state.runtime
        api_key = request.headers.get("x-api-key")
        raw = await _bounded_body(request)
        principal = await run_in_threadpool(_principal, runtime, api_key)
        if not principal.can_scan():
            raise ForbiddenError()
        if raw is None:
            raise BodyTooLarge()
        try:
            body: object = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise InvalidRequest() from None
        submission = scans.parse_submission(body, runtime.providers)

        def check_quota_and_credentials() -> str | None:
            with runtime.sessions.begin() as session:
                quotas.check_quota(session, principal.account_id, submission.mode)
                if submission.token:
                    return submission.token
                return credentials.linked_token(
                    session, runtime.cipher, principal.account_id, submission.target.provider
                )

        token = await run_in_threadpool(check_quota_and_credentials)
        remote = runtime.providers.remote_for(submission.target, token)
        del token
        await run_in_threadpool(runtime.check_remote, remote, submission.target.branch_name)

        def record() -> str:
            with runtime.sessions.begin() as session:
                return scans.record_scan(session, principal, submission, runtime.cipher).id

        scan_id = await run_in_threadpool(record)
        runtime.queue.enqueue(scan_id)
        return JSONResponse({"success": True, "scan_id": scan_id})

    @router.get(
        "/scan",
        summary="Status and results of one scan",
        response_model=None,
        responses={
            200: {
                "description": "The scan: status, and results once completed (SARIF 2.1.0 for format=sarif)",
                "headers": _RATE_HEADERS,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/ScanResult"}},
                    "application/sarif+json": {"schema": {"type": "object"}},
                },
            },
            **_errors(400, 401, 404, 429, 500),
        },
        openapi_extra={"security": _SECURITY},
    )
    async def get_scan(request: Request, scan_id: str | None = None, format: str | None = None) -> Response:
        runtime: ServerRuntime = request.app.state.runtime
        api_key = request.headers.get("x-api-key")

        def load() -> dict[str, Any]:
            with runtime.sessions.begin() as session:
                principal = keys.authenticate(session, runtime.server_secret, api_key)
                if not scan_id:
                    raise InvalidRequest("Missing required parameter: scan_id")
                if format is not None and format not in _FORMATS:
                    raise InvalidRequest('Invalid parameter: format (expected "json", "md" or "sarif")')
                return scans.scan_envelope(scans.scan_for(session, principal, scan_id))

        envelope = await run_in_threadpool(load)
        if envelope["status"] != ScanStatus.COMPLETED.value or format in (None, "json"):
            return JSONResponse(envelope)
        if format == "md":
            envelope["markdown"] = render_markdown(envelope)
            del envelope["vulnerabilities"]
            return JSONResponse(envelope)
        return JSONResponse(render_sarif(envelope), media_type="application/sarif+json")

    @router.get(
        "/usage",
        summary="Quota of the key's account",
        response_model=None,
        responses={**_ok(schema.Usage), **_errors(401, 429, 500)},
        openapi_extra={"security": _SECURITY},
    )
    async def get_usage(request: Request) -> JSONResponse:
        runtime: ServerRuntime = request.app.state.runtime
        api_key = request.headers.get("x-api-key")

        def load() -> dict[str, Any]:
            with runtime.sessions.begin() as session:
                principal = keys.authenticate(session, runtime.server_secret, api_key)
                return quotas.usage(session, principal.account_id)

        return JSONResponse(await run_in_threadpool(load))

    @router.get(
        "/scans",
        summary="The account's scans, newest first",
        response_model=None,
        responses={**_ok(schema.ScanList), **_errors(400, 401, 429, 500)},
        openapi_extra={"security": _SECURITY},
    )
    async def get_scans(
        request: Request, limit: str | None = None, offset: str | None = None
    ) -> JSONResponse:
        runtime: ServerRuntime = request.app.state.runtime
        api_key = request.headers.get("x-api-key")

        def load() -> dict[str, Any]:
            with runtime.sessions.begin() as session:
                principal = keys.authenticate(session, runtime.server_secret, api_key)
                return scans.list_scans(session, principal, limit, offset)

        return JSONResponse(await run_in_threadpool(load))

    return router
