"""Inline suppression markers: the comments users already put in their code.

Pure rules shared by the pipeline's suppression pass and by analyzers that see content that is not
on disk (git history blobs).
"""

from __future__ import annotations

import re

from ridgeline.domain.findings import Category

_IGNORE = re.compile(r"ridgeline:ignore(?:\[(?P<rules>[^\]\n]*)\])?", re.IGNORECASE)
_NOSEMGREP = re.compile(r"nosemgrep(?::\s*(?P<rules>[\w.\-/]+(?:\s*,\s*[\w.\-/]+)*))?", re.IGNORECASE)
_NOSEC = re.compile(r"#\s*nosec\b", re.IGNORECASE)
_SECRET_MARKERS = re.compile(r"gitleaks:allow|pragma:\s*allowlist[ -]secret", re.IGNORECASE)


def _rule_matches(rule_id: str, listed: str | None) -> bool:
    if listed is None:
        return True
    wanted = {r.strip().lower() for r in listed.split(",") if r.strip()}
    rule = rule_id.lower()
    return any(rule == w or rule.endswith("." + w) for w in wanted)


def inline_marker_reason(rule_id: str, category: Category, line: str, previous: str = "") -> str | None:
    """The inline marker on a finding's line (or a comment line just above) that suppresses it:
    ``ridgeline:ignore[ids]``, ``nosemgrep[: ids]``, ``# nosec``, and for secrets ``gitleaks:allow``
    and ``pragma: allowlist secret``."""
    for text, where in ((line, "same line"), (previous, "line above")):
        if not text:
            continue
        match = _IGNORE.search(text)
        if match and _rule_matches(rule_id, match.group("rules")):
            return f"inline ridgeline:ignore ({where})"
        match = _NOSEMGREP.search(text)
        if match and category is not Category.DEPENDENCY and _rule_matches(rule_id, match.group("rules")):
            return f"inline nosemgrep ({where})"
    if _NOSEC.search(line) and category is not Category.DEPENDENCY:
        return "inline # nosec"
    if category is Category.SECRET:
        match = _SECRET_MARKERS.search(line)
        if match:
            return f"inline {match.group(0).lower()}"
    return None
