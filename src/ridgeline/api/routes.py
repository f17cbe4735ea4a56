"""The scan API routes (shared/spec/API.md). Every path is served under ``/api/static`` and,
for released clients that send a double slash, under ``/api//static`` without a redirect."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ridgeline.api.runtime import ServerRuntime
from ridgeline.domain.errors import ForbiddenError, InvalidRequest
from ridgeline.domain.scan import ScanStatus
from ridgeline.output.markdown import render_markdown
from ridgeline.output.sarif import render_sarif
from ridgeline.services import keys, scans

_FORMATS = ("json", "md", "sarif")
_ERROR = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"description": "Error", "content": _ERROR} for code in codes}


def build_router() -> APIRouter:
    router = APIRouter()

    @router.post(
        "/scan",
        summary="Trigger a scan",
        responses=_errors(400, 401, 403, 404, 429, 500, 504),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ScanRequest"}}},
            }
        },
    )
    async def trigger_scan(request: Request) -> JSONResponse:
        runtime: ServerRuntime = request.app.state.runtime
        api_key = request.headers.get("x-api-key")
        raw = await request.body()
        principal = await run_in_threadpool(_authenticate, runtime, api_key)

        if not principal.can_scan():
            raise ForbiddenError()
        try:
            body: object = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise InvalidRequest() from None
        submission = await run_in_threadpool(
            scans.prepare_submission,
            principal,
            body,
            providers=runtime.providers,
            check_remote=runtime.check_remote,
        )

        def record() -> str:
            with runtime.sessions.begin() as session:
                return scans.record_scan(session, principal, submission, runtime.cipher).id

        scan_id = await run_in_threadpool(record)
        runtime.queue.enqueue(scan_id)
        return JSONResponse({"success": True, "scan_id": scan_id})

    @router.get(
        "/scan",
        summary="Status and results of one scan",
        responses=_errors(400, 401, 404, 429, 500),
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

    return router


def _authenticate(runtime: ServerRuntime, api_key: str | None) -> keys.Principal:
    with runtime.sessions.begin() as session:
        return keys.authenticate(session, runtime.server_secret, api_key)
