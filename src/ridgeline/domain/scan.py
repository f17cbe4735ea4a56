"""Scan requests, statuses and the validation rules of their fields.

The validators are pure and strict: a repository or branch name that passes them is safe to hand to
git as a single argument after ``--``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from ridgeline.domain.errors import InvalidRequest


class ScanStatus(enum.StrEnum):
    PENDING = "pending"
    QUEUED = "queued"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"

    @property
    def finished(self) -> bool:
        return self in (ScanStatus.COMPLETED, ScanStatus.FAILED)


class ScanMode(enum.StrEnum):
    FAST = "fast"
    PLUS = "plus"


_NAME_PART = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")
_MAX_BRANCH = 255


def normalise_repository_name(value: str) -> str:
    """Return ``owner/repo`` with a trailing ``.git`` stripped, or raise InvalidRequest."""
    parts = value.split("/")
    if len(parts) != 2:
        raise InvalidRequest('Invalid field: repository_name (expected "owner/repo")')
    owner, repo = parts
    if repo.endswith(".git"):
        repo = repo[: -len(".git")]
        if repo.endswith(".git"):  # "x.git.git": hosts do not allow names ending in .git
            raise InvalidRequest('Invalid field: repository_name (expected "owner/repo")')
    for part in (owner, repo):
        if not _NAME_PART.fullmatch(part) or ".." in part or part.startswith((".", "-")):
            raise InvalidRequest('Invalid field: repository_name (expected "owner/repo")')
    return f"{owner}/{repo}"


def validate_branch_name(value: str) -> str:
    """Apply the rules of ``git check-ref-format --branch`` without running git."""
    invalid = InvalidRequest("Invalid field: branch_name (not a valid git branch name)")
    if not value or len(value) > _MAX_BRANCH or value.startswith("-"):
        raise invalid
    if value in ("@", "HEAD") or value.startswith("/") or value.endswith(("/", ".", ".lock")):
        raise invalid
    if ".." in value or "//" in value or "@{" in value:
        raise invalid
    for ch in value:
        if ord(ch) < 0x20 or ord(ch) == 0x7F or ch in " ~^:?*[\\":
            raise invalid
    for component in value.split("/"):
        if component.startswith(".") or component.endswith(".lock"):
            raise invalid
    return value


@dataclass(frozen=True, slots=True)
class ScanTarget:
    """What to scan: where the repository lives and which branch."""

    provider: str
    repository_name: str
    branch_name: str
    repo_url: str | None = None
