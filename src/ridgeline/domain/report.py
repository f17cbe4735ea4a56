"""The result of one scan: analyzer runs and their findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from ridgeline.domain.findings import Finding, Severity


class AnalyzerStatus(enum.StrEnum):
    SUCCEEDED = "succeeded"
    PARTIALLY_SUCCEEDED = "partially_succeeded"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class FileError:
    file: str
    error: str


@dataclass(frozen=True, slots=True)
class AnalyzerRun:
    name: str
    version: str
    status: AnalyzerStatus
    files: int = 0
    duration_ms: int = 0
    errors: tuple[FileError, ...] = ()
    skipped: dict[str, int] = field(default_factory=dict)
    reason: str = ""


@dataclass(frozen=True, slots=True)
class ScanReport:
    findings: tuple[Finding, ...]
    analyzers: tuple[AnalyzerRun, ...]
    commit_sha: str = ""
    notices: tuple[str, ...] = ()

    @property
    def reported(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.suppressed_reason is None)

    @property
    def suppressed(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.suppressed_reason is not None)

    def summary(self) -> dict[str, int]:
        """Counts of reported (not suppressed) findings by severity."""
        counts = {s.label: 0 for s in sorted(Severity, reverse=True)}
        findings = self.reported
        for finding in findings:
            counts[finding.severity.label] += 1
        counts["total"] = len(findings)
        return counts
