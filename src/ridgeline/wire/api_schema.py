"""Response and request bodies of the scan API as pydantic models, used to publish an accurate
OpenAPI document. Extra fields are allowed: the API may add fields, never remove them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Error(Open):
    error: str


class QuotaError(Error):
    scan_mode: Literal["fast", "plus"]
    used: int
    limit: int


class ScanRequest(Open):
    repository_name: str = Field(description="owner/repo; a trailing .git is stripped")
    branch_name: str = Field(description="a branch name valid under git check-ref-format --branch")
    scan_mode: Literal["fast", "plus"] | None = "fast"
    github_token: str | None = Field(
        default=None, description="used for this scan only, never stored in clear"
    )
    provider: str | None = Field(default="github")
    repo_url: str | None = None


class ScanAccepted(Open):
    success: Literal[True]
    scan_id: str


class Finding(Open):
    rule_id: str
    level: Literal["error", "warning", "note"]
    severity: Literal["critical", "high", "medium", "low"]
    title: str
    file: str
    line: int
    column: int
    end_line: int
    message: str
    description: str
    suggestion: str
    category: Literal["sast", "secret", "dependency"]
    cwe: str | None
    confidence: Literal["high", "medium", "low"]
    fingerprint: str
    snippet: str


class Summary(Open):
    critical: int
    high: int
    medium: int
    low: int
    total: int


class AnalyzerRun(Open):
    name: str
    status: Literal["succeeded", "partially_succeeded", "failed", "skipped"]
    files: int
    duration_ms: int
    errors: list[dict[str, str]]


class ScanResult(Open):
    """A scan in any status; the result fields are present once it is completed."""

    status: Literal["pending", "queued", "processing", "completed", "failed"]
    scan_id: str
    repository_name: str | None = None
    branch_name: str | None = None
    scan_mode: Literal["fast", "plus"] | None = None
    error: str | None = Field(default=None, description="failed scans: a reason the user can act on")
    scan_date: str | None = None
    commit_sha: str | None = None
    summary: Summary | None = None
    analyzers: list[AnalyzerRun] | None = None
    vulnerabilities: list[Finding] | None = Field(default=None, description="format=json")
    markdown: str | None = Field(default=None, description="format=md")


class QuotaPool(Open):
    used: int
    limit: int | None
    remaining: int | None


class Quota(Open):
    fast: QuotaPool
    plus: QuotaPool
    quota_reset_date: str
    can_scan: bool
    remaining_scans: int | None
    scans_limit: int | None
    period: str
    reset_date: str


class Usage(Open):
    quota: Quota


class ScanListItem(Open):
    scan_id: str
    status: Literal["pending", "queued", "processing", "completed", "failed"]
    repository_name: str
    branch_name: str
    scan_mode: Literal["fast", "plus"]
    created_at: str | None
    scan_date: str | None
    summary: Summary | None = None


class ScanList(Open):
    scans: list[ScanListItem]
    limit: int
    offset: int
    total: int


class Health(Open):
    status: Literal["ok", "unavailable"]
