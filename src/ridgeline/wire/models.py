"""The bodies of the scan API as the client reads them. Unknown fields are kept, not rejected,
so a newer server never breaks an older client."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class WireModel(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(WireModel):
    error: str
    scan_mode: str | None = None
    used: int | None = None
    limit: int | None = None


class ScanAccepted(WireModel):
    success: bool
    scan_id: str


class ScanStatusBody(WireModel):
    status: str
    scan_id: str
    repository_name: str | None = None
    branch_name: str | None = None
    scan_mode: str | None = None
    error: str | None = None
    summary: dict[str, int] | None = None
    vulnerabilities: list[dict[str, Any]] | None = None
    markdown: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in ("completed", "failed")
