"""HTTP client of a Ridgeline (or Rafter-compatible) server. Speaks ``wire`` only.

Each error knows its CLI exit code (CLI.md): what an answer means depends on the request — a 404
on submit is a repository the server cannot read (1), on a scan read it is an unknown scan (2); a
429 on submit is a quota answer (3), while reading it is only a reason to wait.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from ridgeline import __version__
from ridgeline.wire.models import ErrorBody, ScanAccepted

TRANSIENT_STATUSES = frozenset({500, 502, 503, 504})


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class ApiError(Exception):
    """A non-2xx answer; ``exit_code`` follows CLI.md."""

    def __init__(
        self,
        status: int,
        body: ErrorBody | None,
        retry_after: float | None = None,
        *,
        submit: bool = False,
    ) -> None:
        self.status = status
        self.body = body
        self.retry_after = retry_after
        self.submit = submit
        super().__init__(body.error if body else f"HTTP {status}")

    @property
    def transient(self) -> bool:
        return self.status in TRANSIENT_STATUSES

    @property
    def exit_code(self) -> int:
        if self.status == 403:
            return 3 if self.body is not None and self.body.scan_mode else 4
        if self.status == 429 and self.submit:
            return 3
        if self.status == 404 and not self.submit:
            return 2
        return 1


class RidgelineClient:
    def __init__(self, api_url: str, api_key: str, *, timeout: float = 60.0) -> None:
        self.api_url = api_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.api_url,
            headers={"x-api-key": api_key, "user-agent": f"ridgeline-cli/{__version__}"},
            timeout=httpx.Timeout(timeout, connect=10.0),
            follow_redirects=False,  # a redirect would carry the key to another place
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RidgelineClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def _check(response: httpx.Response, *, submit: bool = False) -> Any:
        if response.status_code >= 300:
            try:
                body: ErrorBody | None = ErrorBody.model_validate(response.json())
            except (ValueError, TypeError):
                body = None
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            raise ApiError(response.status_code, body, retry_after, submit=submit)
        try:
            return response.json()
        except ValueError:
            raise ApiError(
                response.status_code, ErrorBody(error="The server sent a body that is not JSON.")
            ) from None

    def trigger_scan(self, payload: dict[str, Any]) -> str:
        data = self._check(self._http.post("/api/static/scan", json=payload), submit=True)
        return ScanAccepted.model_validate(data).scan_id

    def get_scan(self, scan_id: str, fmt: str = "json") -> dict[str, Any]:
        result: dict[str, Any] = self._check(
            self._http.get("/api/static/scan", params={"scan_id": scan_id, "format": fmt})
        )
        return result

    def usage(self) -> dict[str, Any]:
        result: dict[str, Any] = self._check(self._http.get("/api/static/usage"))
        return result
