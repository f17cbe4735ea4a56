"""The FastAPI application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ridgeline import __version__
from ridgeline.api.middleware import RequestIdMiddleware, UnexpectedErrorMiddleware
from ridgeline.api.rate_limit import RateLimitMiddleware, parse_trusted
from ridgeline.api.routes import build_router
from ridgeline.api.runtime import ServerRuntime
from ridgeline.domain.errors import RidgelineError
from ridgeline.wire import api_schema

log = logging.getLogger("ridgeline.api")


def create_app(runtime: ServerRuntime) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        runtime.queue.start()
        try:
            yield
        finally:
            runtime.queue.shutdown()

    app = FastAPI(
        title="Ridgeline scan API",
        version=__version__,
        description="Wire-compatible with the Rafter static-scan API.",
        lifespan=lifespan,
        redirect_slashes=False,  # clients carrying a key refuse redirects (API.md)
        docs_url=None,  # served below from packaged assets: a self-hosted server may be offline
        redoc_url=None,
    )
    _mount_docs(app)
    app.state.runtime = runtime

    @app.exception_handler(RidgelineError)
    async def ridgeline_error(_request: Request, exc: RidgelineError) -> JSONResponse:
        if exc.http_status >= 500 and exc.http_status != 504:
            log.error("request failed: %s", type(exc).__name__)
        return JSONResponse({"error": exc.message, **exc.extra}, status_code=exc.http_status)

    router = build_router()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        texts = {404: "Not found.", 405: "Method not allowed."}
        text = texts.get(exc.status_code, "The request could not be handled.")
        headers = {k: v for k, v in (getattr(exc, "headers", None) or {}).items() if k.lower() != "allow"}
        if exc.status_code == 405:  # every method served at this path, not only the first route's
            methods = {
                method
                for route in router.routes
                if request.url.path in (f"/api/static{route.path}", f"/api//static{route.path}")  # type: ignore[attr-defined]
                for method in (getattr(route, "methods", None) or ())
            }
            headers["allow"] = ", ".join(sorted(methods))
        return JSONResponse({"error": text}, status_code=exc.status_code, headers=headers or None)

    app.include_router(router, prefix="/api/static")
    app.include_router(router, prefix="/api//static", include_in_schema=False)

    @app.get("/healthz", summary="Liveness", response_model=api_schema.Health)
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get(
        "/readyz",
        summary="Readiness: database and queue reachable",
        response_model=None,
        responses={
            200: {"model": api_schema.Health},
            503: {"model": api_schema.Health, "description": "Not ready"},
        },
    )
    async def readyz() -> JSONResponse:
        ready = runtime.database_ready() and runtime.queue.healthy()
        return JSONResponse({"status": "ok" if ready else "unavailable"}, status_code=200 if ready else 503)

    original_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original_openapi()
            components = schema.setdefault("components", {})
            schemas = components.setdefault("schemas", {})
            for model in (api_schema.ScanRequest, api_schema.QuotaError, api_schema.ScanResult):
                definition = model.model_json_schema(ref_template="#/components/schemas/{model}")
                schemas.update(definition.pop("$defs", {}))
                schemas[model.__name__] = definition
            for path_item in schema.get("paths", {}).values():
                for operation in path_item.values():
                    operation.get("responses", {}).pop("422", None)  # query values are validated by hand
            components["securitySchemes"] = {
                "ApiKey": {"type": "apiKey", "in": "header", "name": "x-api-key"}
            }
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    settings = runtime.settings
    app.add_middleware(UnexpectedErrorMiddleware)
    app.add_middleware(
        RateLimitMiddleware,
        limit=settings.rate_limit,
        storage_url=settings.redis_url or "memory://",
        trusted_proxies=parse_trusted(settings.trusted_proxies),
    )
    app.add_middleware(RequestIdMiddleware)
    return app


def _mount_docs(app: FastAPI) -> None:
    """``/docs`` with Swagger UI from the ``swagger-ui-bundle`` package instead of a CDN."""
    import swagger_ui_bundle
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.responses import HTMLResponse
    from fastapi.staticfiles import StaticFiles

    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Ridgeline scan API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )
