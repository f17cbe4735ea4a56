"""One walk over a workspace, each file read once and handed to every analyzer that wants it.

A crash of an analyzer on one file is recorded as that analyzer's file error and the scan goes on.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ridgeline.analyzers.base import AnalysisContext, Analyzer, AnalyzerSkipped, FileInput, FileRejected
from ridgeline.domain.findings import Finding
from ridgeline.domain.report import AnalyzerRun, AnalyzerStatus, FileError, ScanReport
from ridgeline.workspace.walker import WalkStats, walk

log = logging.getLogger(__name__)

_MAX_ERRORS_KEPT = 50


@dataclass(slots=True)
class _RunState:
    files: int = 0
    seconds: float = 0.0
    errors: list[FileError] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    error_count: int = 0
    findings: list[Finding] = field(default_factory=list)


def run_pipeline(
    root: Path,
    analyzers: list[Analyzer],
    ctx: AnalysisContext,
    *,
    max_file_bytes: int,
    commit_sha: str = "",
    on_file: Callable[[str], None] | None = None,
    deadline: float | None = None,
    on_deadline: Callable[[], Exception] | None = None,
    max_lockfile_bytes: int | None = None,
    include: Callable[[str], bool] | None = None,
) -> ScanReport:
    """Run every analyzer over one walk of ``root`` (only paths ``include`` accepts, if given).

    ``deadline`` (a ``time.monotonic()`` value) is checked between files; past it, the exception
    made by ``on_deadline`` is raised so the caller can fail the scan with its own message.
    """
    states = {a.name: _RunState() for a in analyzers}
    stats = WalkStats()
    # Analyzers with ``wants_large(path)`` (lockfiles) may read files up to ``max_lockfile_bytes``.
    large = [a.wants_large for a in analyzers if hasattr(a, "wants_large")]
    large_limit = None
    if max_lockfile_bytes and large:
        large_limit = (max_lockfile_bytes, lambda path: any(wants(path) for wants in large))
    for source in walk(root, max_file_bytes=max_file_bytes, stats=stats, large_limit=large_limit):
        if deadline is not None and time.monotonic() > deadline:
            raise on_deadline() if on_deadline is not None else TimeoutError("scan time limit")
        if include is not None and not include(source.path):
            continue
        interested = [a for a in analyzers if a.wants(source.path)]
        if on_file is not None:
            on_file(source.path)
        if not interested:
            continue
        try:
            text = source.read_text()
        except OSError as exc:
            for analyzer in interested:
                _record_error(states[analyzer.name], display_path(source.path), f"unreadable: {exc.strerror}")
            continue
        file_input = FileInput(display_path(source.path), text)
        for analyzer in interested:
            state = states[analyzer.name]
            skip_reason = getattr(analyzer, "skip_reason", None)
            reason = skip_reason(source.path, text) if skip_reason is not None else None
            if reason:
                state.skipped[reason] += 1
                continue
            started = time.perf_counter()
            try:
                state.findings.extend(analyzer.analyze(file_input, ctx))
                state.files += 1
            except FileRejected as rejected:
                state.files += 1
                _record_error(state, file_input.path, rejected.reason)
            except Exception as exc:  # one file's failure must not end the scan
                log.warning("analyzer %s failed on a file: %s", analyzer.name, type(exc).__name__)
                _record_error(state, file_input.path, f"analyzer error: {type(exc).__name__}")
            state.seconds += time.perf_counter() - started
    runs: list[AnalyzerRun] = []
    findings: list[Finding] = []
    for analyzer in analyzers:
        state = states[analyzer.name]
        started = time.perf_counter()
        status = AnalyzerStatus.SUCCEEDED
        reason = ""
        try:
            state.findings.extend(analyzer.finish(ctx))
        except AnalyzerSkipped as skipped:
            status, reason = AnalyzerStatus.SKIPPED, skipped.reason
        except Exception as exc:
            log.warning("analyzer %s failed to finish: %s", analyzer.name, type(exc).__name__)
            _record_error(state, "", f"analyzer error: {type(exc).__name__}")
            status = AnalyzerStatus.FAILED
        state.seconds += time.perf_counter() - started
        if status is AnalyzerStatus.SUCCEEDED and state.error_count:
            status = AnalyzerStatus.PARTIALLY_SUCCEEDED
        runs.append(
            AnalyzerRun(
                name=analyzer.name,
                version=analyzer.version,
                status=status,
                files=state.files,
                duration_ms=int(state.seconds * 1000),
                errors=tuple(state.errors),
                skipped=dict(stats.skipped + state.skipped),
                reason=reason,
            )
        )
        findings.extend(state.findings)
    findings.sort(key=lambda f: f.sort_key)
    return ScanReport(findings=tuple(findings), analyzers=tuple(runs), commit_sha=commit_sha)


def display_path(path: str) -> str:
    """A path as reports show it: bytes that are not UTF-8 (kept by the OS as surrogates) become
    ``\\xNN`` escapes, so every report is valid UTF-8 JSON."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _record_error(state: _RunState, path: str, message: str) -> None:
    state.error_count += 1
    if len(state.errors) < _MAX_ERRORS_KEPT:
        state.errors.append(FileError(path, message))
