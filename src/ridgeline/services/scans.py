"""Scan requests: validation in the order API.md fixes, acceptance, and the result envelopes."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from ridgeline.domain.errors import InvalidRequest, NotFound
from ridgeline.domain.scan import (
    ScanMode,
    ScanStatus,
    ScanTarget,
    normalise_repository_name,
    validate_branch_name,
)
from ridgeline.services.keys import Principal
from ridgeline.services.quotas import charge_quota
from ridgeline.services.token_cipher import TokenCipher
from ridgeline.store.repositories import ScanRepository
from ridgeline.store.tables import ScanRow, utcnow
from ridgeline.workspace.providers import ProviderRegistry

_MAX_TOKEN = 1024


@dataclass(frozen=True, slots=True)
class ScanSubmission:
    target: ScanTarget
    mode: ScanMode
    token: str | None


def _optional_string(body: dict[str, Any], field: str) -> str | None:
    value = body.get(field)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InvalidRequest(f"Invalid field: {field} (expected a string)")
    return value


def _required_string(body: dict[str, Any], field: str) -> str:
    value = _optional_string(body, field)
    if value is None:
        raise InvalidRequest(f"Missing required field: {field}")
    return value


def parse_submission(body: object, providers: ProviderRegistry) -> ScanSubmission:
    """Validate a POST body; raise InvalidRequest with the exact texts of API.md."""
    if not isinstance(body, dict):
        raise InvalidRequest()
    repository = _required_string(body, "repository_name")
    branch = _required_string(body, "branch_name")
    repository = normalise_repository_name(repository)
    branch = validate_branch_name(branch)
    mode_raw = body.get("scan_mode")
    if mode_raw is None or mode_raw == "":
        mode = ScanMode.FAST
    elif mode_raw in ("fast", "plus"):
        mode = ScanMode(mode_raw)
    else:
        raise InvalidRequest('Invalid field: scan_mode (expected "fast" or "plus")')
    token = _optional_string(body, "github_token")
    if token is not None and (len(token) > _MAX_TOKEN or not token.isprintable() or " " in token):
        raise InvalidRequest("Invalid field: github_token (expected a token)")
    provider_name = _optional_string(body, "provider") or "github"
    provider = providers.get(provider_name)
    repo_url = _optional_string(body, "repo_url")
    target = ScanTarget(provider.name, repository, branch, repo_url)
    provider.validate(target)  # repo_url against the provider's allowed hosts: 400 if not allowed
    return ScanSubmission(target=target, mode=mode, token=token)


def record_scan(session: Session, principal: Principal, submission: ScanSubmission,
                cipher: TokenCipher) -> ScanRow:  # fmt: skip
    """Charge the quota and store the accepted scan as queued. The caller commits, then enqueues."""
    period = charge_quota(session, principal.account_id, submission.mode)
    row = ScanRow(
        id=str(uuid.uuid4()),
        account_id=principal.account_id,
        repository_name=submission.target.repository_name,
        branch_name=submission.target.branch_name,
        scan_mode=submission.mode.value,
        provider=submission.target.provider,
        repo_url=submission.target.repo_url,
        status=ScanStatus.QUEUED.value,
        token_ciphertext=cipher.encrypt(submission.token) if submission.token else None,
        attempts=0,
        created_at=utcnow(),
        quota_period=period,
        quota_charged=True,
    )
    return ScanRepository(session).add(row)


_CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def parse_scan_id(value: str) -> str:
    """Only the canonical 8-4-4-4-12 form names a scan; anything else is simply not found."""
    if not isinstance(value, str) or not _CANONICAL_UUID.fullmatch(value):
        raise NotFound()
    return value.lower()


def scan_for(session: Session, principal: Principal, scan_id: str) -> ScanRow:
    """The principal's own scan; another account's id answers exactly like an unknown one."""
    row = ScanRepository(session).get_for_account(parse_scan_id(scan_id), principal.account_id)
    if row is None:
        raise NotFound()
    return row


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite hands back naive datetimes; they are stored in UTC
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


def scan_envelope(row: ScanRow) -> dict[str, Any]:
    """The JSON answer for a scan in any status (``format=json``)."""
    base: dict[str, Any] = {
        "status": row.status,
        "scan_id": row.id,
        "repository_name": row.repository_name,
        "branch_name": row.branch_name,
        "scan_mode": row.scan_mode,
    }
    if row.status == ScanStatus.FAILED.value:
        base["error"] = row.error or "The scan failed."
        return base
    if row.status != ScanStatus.COMPLETED.value or row.report is None:
        return base
    report = json.loads(row.report)
    base["scan_date"] = _iso(row.finished_at)
    base["commit_sha"] = row.commit_sha
    base["summary"] = report["summary"]
    base["analyzers"] = report["analyzers"]
    base["vulnerabilities"] = report["vulnerabilities"]
    base["suppressed"] = report.get("suppressed", [])
    if report.get("notices"):
        base["notices"] = report["notices"]
    return base


_MAX_PAGE = 100


def _int_param(value: str | None, name: str, default: int, low: int, high: int) -> int:
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise InvalidRequest(f"Invalid parameter: {name} (expected an integer from {low} to {high})")
    return number


def list_scans(
    session: Session, principal: Principal, limit: str | None, offset: str | None
) -> dict[str, Any]:
    """The account's scans, newest first (GET /api/static/scans)."""
    size = _int_param(limit, "limit", 20, 1, _MAX_PAGE)
    start = _int_param(offset, "offset", 0, 0, 10**9)
    repo = ScanRepository(session)
    rows = repo.page_for_account(principal.account_id, size, start)
    items = []
    for row in rows:
        item: dict[str, Any] = {
            "scan_id": row.id,
            "status": row.status,
            "repository_name": row.repository_name,
            "branch_name": row.branch_name,
            "scan_mode": row.scan_mode,
            "created_at": _iso(row.created_at),
            "scan_date": _iso(row.finished_at) if row.status in ("completed", "failed") else None,
        }
        if row.status == ScanStatus.COMPLETED.value and row.report:
            item["summary"] = json.loads(row.report)["summary"]
        items.append(item)
    return {
        "scans": items,
        "limit": size,
        "offset": start,
        "total": repo.count_for_account(principal.account_id),
    }
