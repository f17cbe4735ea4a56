"""The passes of each scan mode (API.md, "Scan modes") that this version cannot run yet.

They are reported as ``skipped`` runs with the reason, so a report never suggests that code was
checked by a pass that did not run.
"""

from __future__ import annotations

from ridgeline.domain.report import AnalyzerRun, AnalyzerStatus
from ridgeline.domain.scan import ScanMode

_FAST = (("sast", "no SAST analyzer is installed in this version of Ridgeline"),)
_PLUS = (
    ("sast.dataflow", "cross-file data-flow analysis is not available in this version"),
    ("deps.reachability", "reachability of vulnerable dependencies is not available in this version"),
    ("agent-review", "no language model is configured (RIDGELINE_LLM_PROVIDER)"),
)


def unavailable_passes(mode: ScanMode, present: set[str]) -> list[AnalyzerRun]:
    """Skipped runs for the mode's passes that are not among ``present`` analyzer names."""
    wanted = _FAST + (_PLUS if mode is ScanMode.PLUS else ())
    return [
        AnalyzerRun(name=name, version="-", status=AnalyzerStatus.SKIPPED, reason=reason)
        for name, reason in wanted
        if name not in present
    ]
