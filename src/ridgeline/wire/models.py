"""The bodies of the scan API as the client reads them. Unknown fields are kept, not rejected,
so a newer server never breaks an older client."""

from __future__ import annotations

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
