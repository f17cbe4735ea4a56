"""Plus mode's history pass: secrets committed earlier on the branch, even if deleted since.

Findings still present at the tip are already reported by the tree scan, so only the ones that
are no longer there are added (each names the commit that introduced it). The pass reports as its
own analyzer run, ``secrets.history``; a failure there fails the pass, not the scan.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from pathlib import Path

from ridgeline.analyzers.base import AnalysisContext
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
from ridgeline.analyzers.secrets.history import HistoryError, scan_history
from ridgeline.domain.errors import ScanFailure
from ridgeline.domain.findings import SecretDetails
from ridgeline.domain.report import AnalyzerRun, AnalyzerStatus, ScanReport
from ridgeline.pipeline.runner import display_path

log = logging.getLogger(__name__)
NAME = "secrets.history"


def with_history(
    report: ScanReport,
    repo_dir: Path,
    analyzer: SecretsAnalyzer,
    ctx: AnalysisContext,
    fetch_history: Callable[[], None] | None,
    *,
    max_blob_bytes: int,
) -> ScanReport:
    """``report`` plus the history pass's run and its findings that are gone from the tip."""
    started = time.perf_counter()
    try:
        if fetch_history is not None:
            fetch_history()
        scan = scan_history(repo_dir, "HEAD", analyzer, ctx, max_blob_bytes=max_blob_bytes)
    except (HistoryError, ScanFailure, OSError) as exc:
        reason = exc.message if isinstance(exc, ScanFailure) else "git could not read the branch's history"
        log.info("history pass failed: %s", reason)
        run = AnalyzerRun(NAME, analyzer.version, AnalyzerStatus.FAILED, reason=reason,
                          duration_ms=int((time.perf_counter() - started) * 1000))  # fmt: skip
        return dataclasses.replace(report, analyzers=(*report.analyzers, run))
    gone = tuple(
        dataclasses.replace(f, file=display_path(f.file))
        for f in scan.findings
        if isinstance(f.details, SecretDetails) and f.details.in_tip is False
    )
    run = AnalyzerRun(
        NAME,
        analyzer.version,
        AnalyzerStatus.SUCCEEDED,
        files=scan.blobs_scanned,
        duration_ms=int((time.perf_counter() - started) * 1000),
        skipped={"too_large_or_binary": scan.blobs_skipped} if scan.blobs_skipped else {},
        reason="the clone is shallow: only part of the history was scanned" if scan.shallow else "",
    )
    findings = tuple(sorted((*report.findings, *gone), key=lambda f: f.sort_key))
    return dataclasses.replace(report, findings=findings, analyzers=(*report.analyzers, run))
