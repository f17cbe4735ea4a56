"""The API's JSON shape of findings and reports (shared/spec/API.md)."""

from __future__ import annotations

from typing import Any

from ridgeline.domain.findings import DependencyDetails, Finding, SecretDetails
from ridgeline.domain.report import AnalyzerRun, ScanReport


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule_id": finding.rule_id,
        "level": finding.severity.sarif_level,
        "severity": finding.severity.label,
        "title": finding.title,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "message": finding.message,
        "description": finding.description,
        "suggestion": finding.suggestion,
        "category": finding.category.value,
        "cwe": finding.cwe,
        "confidence": finding.confidence.label,
        "fingerprint": finding.fingerprint,
        "snippet": finding.snippet,
    }
    if finding.suppressed_reason is not None:
        data["suppressed_reason"] = finding.suppressed_reason
    if isinstance(finding.details, SecretDetails):
        if finding.details.commit is not None:
            data["commit"] = finding.details.commit
        if finding.details.in_tip is not None:
            data["in_tip"] = finding.details.in_tip
    if isinstance(finding.details, DependencyDetails):
        details = finding.details
        data.update(
            package=details.package,
            version=details.version,
            ecosystem=details.ecosystem,
            fixed_versions=list(details.fixed_versions),
            advisory_ids=list(details.advisory_ids),
        )
    return data


def analyzer_run_to_dict(run: AnalyzerRun) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": run.name,
        "version": run.version,
        "status": run.status.value,
        "files": run.files,
        "duration_ms": run.duration_ms,
        "errors": [{"file": e.file, "error": e.error} for e in run.errors],
        "skipped": dict(run.skipped),
    }
    if run.reason:
        data["reason"] = run.reason
    return data


def report_to_dict(report: ScanReport) -> dict[str, Any]:
    """The stored form of a report and the body of a completed scan (without the envelope)."""
    data: dict[str, Any] = {
        "commit_sha": report.commit_sha,
        "summary": report.summary(),
        "analyzers": [analyzer_run_to_dict(run) for run in report.analyzers],
        "vulnerabilities": [finding_to_dict(f) for f in report.reported],
        "suppressed": [finding_to_dict(f) for f in report.suppressed],
    }
    if report.notices:
        data["notices"] = list(report.notices)
    return data
