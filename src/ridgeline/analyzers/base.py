"""The Analyzer protocol and what the pipeline hands to analyzers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ridgeline.domain.findings import Finding
from ridgeline.domain.scan import ScanMode


@dataclass(frozen=True, slots=True)
class FileInput:
    """One file's decoded text, read once by the pipeline and shared by every analyzer."""

    path: str
    text: str


@dataclass(frozen=True, slots=True)
class AnalysisContext:
    """Per-scan facts analyzers may use. ``secret_salt`` keys the hashes kept of secrets."""

    root: Path
    mode: ScanMode = ScanMode.FAST
    secret_salt: bytes = b"ridgeline-local"


@dataclass(frozen=True, slots=True)
class AnalyzerOptions:
    """Operator configuration analyzers may need, handed to their factories by the registry.

    ``data_dir`` holds server-side data such as the advisory mirror; None for a bare local run.
    ``osv_api_url`` is consulted only when ``use_online_advisories`` is set: scans stay offline
    unless the operator asked for the online API.
    ``secret_rules_file`` is an operator's extra secret rules in gitleaks/Betterleaks TOML format
    (``RIDGELINE_SECRET_RULES``); they add to the built-in rules, never replace them.
    """

    data_dir: Path | None = None
    osv_api_url: str = "https://api.osv.dev"
    use_online_advisories: bool = False
    secret_rules_file: Path | None = None


class AnalyzerSkipped(Exception):
    """Raised by ``finish`` when the analyzer could not run at all; ``reason`` tells the user why
    and how to fix it. The run is reported as ``skipped``, never as a clean result."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FileRejected(Exception):
    """Raised by ``analyze`` for an expected per-file failure (e.g. an unparsable lockfile): the
    pipeline records ``reason`` as that file's error verbatim and the scan goes on."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Analyzer(Protocol):
    name: str
    version: str

    def wants(self, path: str) -> bool:
        """Cheap, path-only decision whether ``analyze`` should see this file."""

    def analyze(self, file: FileInput, ctx: AnalysisContext) -> Iterator[Finding]:
        """Findings of one file. An exception here becomes a file error; the scan goes on."""

    def finish(self, ctx: AnalysisContext) -> Iterator[Finding]:
        """Whole-repository findings after every file was seen (may yield nothing)."""

    # Optional: ``skip_reason(path, text) -> str | None``. When present and it returns a reason
    # (e.g. ``workspace.walker.sast_skip_reason``: "vendored", "minified"), the file is not analysed
    # and the skip is counted under that reason in this analyzer's report.
