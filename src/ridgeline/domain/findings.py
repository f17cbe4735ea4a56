"""Findings and their typed details.

A finding is immutable once an analyzer yields it. Secret findings carry only the redacted form of
the secret and a salted hash of it; the plaintext never leaves the analyzer.
"""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``max()`` and sorting work: higher is worse."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def sarif_level(self) -> str:
        if self >= Severity.HIGH:
            return "error"
        if self is Severity.MEDIUM:
            return "warning"
        return "note"

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[value.strip().upper()]


class Confidence(enum.IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Confidence:
        return cls[value.strip().upper()]


class Category(enum.StrEnum):
    SAST = "sast"
    SECRET = "secret"
    DEPENDENCY = "dependency"


@dataclass(frozen=True, slots=True)
class SecretDetails:
    """What is kept of a secret: the redacted text and a salted hash for de-duplication.

    ``commit`` and ``in_tip`` are set by the history pass only: the commit that introduced the
    secret and whether it is still present at the tip of the scanned branch.
    """

    redacted: str
    secret_hash: str
    commit: str | None = None
    in_tip: bool | None = None


@dataclass(frozen=True, slots=True)
class SastDetails:
    matched: str = ""


@dataclass(frozen=True, slots=True)
class DependencyDetails:
    package: str
    version: str
    ecosystem: str
    fixed_versions: tuple[str, ...] = ()
    advisory_ids: tuple[str, ...] = ()


Details = SecretDetails | SastDetails | DependencyDetails


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    title: str
    severity: Severity
    category: Category
    file: str
    line: int
    column: int = 1
    end_line: int = 0
    message: str = ""
    description: str = ""
    suggestion: str = ""
    cwe: str | None = None
    confidence: Confidence = Confidence.HIGH
    snippet: str = ""
    details: Details | None = None
    fingerprint: str = field(default="")
    # Why the finding is suppressed (inline marker, policy file, baseline); None = reported.
    # Suppressed findings are kept and listed separately, never dropped. Not part of the fingerprint.
    suppressed_reason: str | None = None

    def __post_init__(self) -> None:
        if self.end_line < self.line:
            object.__setattr__(self, "end_line", self.line)
        if not self.fingerprint:
            object.__setattr__(self, "fingerprint", compute_fingerprint(self))

    @property
    def sort_key(self) -> tuple[int, str, int, int, str]:
        return (-int(self.severity), self.file, self.line, self.column, self.rule_id)


def compute_fingerprint(finding: Finding) -> str:
    """Hash of (rule id, file, normalised matched content) — never the line number.

    This is a compatibility contract: the same weakness keeps its fingerprint when lines move.
    """
    details = finding.details
    if isinstance(details, SecretDetails):
        content = details.secret_hash
    elif isinstance(details, DependencyDetails):
        content = f"{details.package}@{details.version}+{','.join(sorted(details.advisory_ids))}"
    elif isinstance(details, SastDetails) and details.matched:
        content = " ".join(details.matched.split())
    else:
        content = " ".join(finding.snippet.split())
    raw = "\x1f".join((finding.rule_id, finding.file, content))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]
