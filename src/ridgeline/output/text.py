"""Plain text for terminals: one block per finding; colour only when writing to a TTY."""

from __future__ import annotations

from typing import Any

from ridgeline.output.sanitize import visible

_COLOURS = {"critical": "\033[1;35m", "high": "\033[1;31m", "medium": "\033[33m", "low": "\033[36m"}
_RESET = "\033[0m"
_DIM = "\033[2m"


def render_text(envelope: dict[str, Any], *, colour: bool = False) -> str:
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if colour else text

    findings = list(envelope.get("vulnerabilities") or [])
    lines: list[str] = []
    for finding in findings:
        severity = finding["severity"]
        lines.append(
            f"{paint(severity.upper().ljust(8), _COLOURS[severity])} {visible(finding['file'])}:{finding['line']}  "
            f"{visible(finding['title'])} [{visible(finding['rule_id'])}]"
        )
        if finding.get("snippet"):
            lines.append(paint(f"         {visible(finding['snippet'])}", _DIM))
        if finding.get("suggestion"):
            lines.append(f"         fix: {visible(finding['suggestion'])}")
    summary = envelope.get("summary") or {}
    counts = ", ".join(f"{summary.get(s, 0)} {s}" for s in ("critical", "high", "medium", "low"))
    if lines:
        lines.append("")
    lines.append(f"{summary.get('total', len(findings))} findings ({counts})")
    suppressed = envelope.get("suppressed") or []
    if suppressed:
        lines.append(f"{len(suppressed)} suppressed (inline markers, policy files or baseline)")
    for run in envelope.get("analyzers") or []:
        unread = {k: v for k, v in (run.get("skipped") or {}).items() if k in ("unreadable", "too_large")}
        if unread:
            counts = ", ".join(
                f"{count} {reason.replace('_', ' ')}" for reason, count in sorted(unread.items())
            )
            lines.append(f"{run['name']}: files not analysed: {counts}")
        if run.get("status") != "succeeded":
            reason = f": {run['reason']}" if run.get("reason") else ""
            lines.append(f"{run['name']}: {run['status']}{visible(reason)}")
        for error in run.get("errors") or []:
            lines.append(f"  {visible(error.get('file') or '-')}: {visible(error['error'])}")
    for notice in envelope.get("notices") or []:
        lines.append(f"note: {visible(notice)}")
    return "\n".join(lines) + "\n"
