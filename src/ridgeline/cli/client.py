"""HTTP client of a Ridgeline (or Rafter-compatible) server. Speaks ``wire`` only."""

from __future__ import annotations

from typing import Any

import httpx

from ridgeline import __version__
from ridgeline.wire.models import ErrorBody, ScanAccepted

DEFAULT_API_URL = "http://127.0.0.1:8000"


class ApiError(Exception):
    """A non-2xx answer; ``exit_code`` follows CLI.md."""

    def __init__(self, status: int, body: ErrorBody | None, retry_after: float | None = None) -> None:
        self.status = status
        self.body = body
        self.retry_after = retry_after
        super().__init__(body.error if body else f"HTTP {status}")

    @property
    def exit_code(self) -> int:
        if self.status == 404:
            return 2
        if self.status == 429 or (self.status == 403 and self.body is not None and self.body.scan_mode):
            return 3
        if self.status == 403:
            return 4
        return 1


class RidgelineClient:
    def __init__(self, api_url: str, api_key: str, *, timeout: float = 60.0) -> None:
        self._http = httpx.Client(
            base_url=api_url.rstrip("/"),
            headers={"x-api-key": api_key, "user-agent": f"ridgeline-cli/{__version__}"},
            timeout=timeout,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RidgelineClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check(self, response: httpx.Response) -> Any:
        if response.status_code >= 400:
            try:
                body = ErrorBody.model_validate(response.json())
            except (ValueError, TypeError):
                body = None
            retry = response.headers.get("retry-after")
            raise ApiError(response.status_code, body, float(retry) if retry and retry.isdigit() else None)
        return response.json()

    def trigger_scan(self, payload: dict[str, Any]) -> str:
        data = self._check(self._http.post("/api/static/scan", json=payload))
        return ScanAccepted.model_validate(data).scan_id

    def get_scan(self, scan_id: str, fmt: str = "json") -> dict[str, Any]:
        result: dict[str, Any] = self._check(
            self._http.get("/api/static/scan", params={"scan_id": scan_id, "format": fmt})
        )
        return result

    def usage(self) -> dict[str, Any]:
        result: dict[str, Any] = self._check(self._http.get("/api/static/usage"))
        return result
