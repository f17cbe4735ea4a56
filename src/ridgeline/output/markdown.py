"""A Markdown report a developer or an AI coding assistant can work through."""

from __future__ import annotations

from typing import Any

_ORDER = ("critical", "high", "medium", "low")


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _fence(text: str) -> str:
    longest = 2
    run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return "`" * (longest + 1)


def render_markdown(envelope: dict[str, Any]) -> str:
    """Render the completed-scan envelope of the API (``vulnerabilities`` and ``summary``)."""
    summary = envelope.get("summary", {})
    findings = envelope.get("vulnerabilities", [])
    lines = [
        f"# Ridgeline scan report: {envelope.get('repository_name', '')} @ {envelope.get('branch_name', '')}",
        "",
        f"- Scan: `{envelope.get('scan_id', '')}` ({envelope.get('scan_mode', 'fast')} mode)",
        f"- Commit: `{envelope.get('commit_sha', '')}`",
        f"- Finished: {envelope.get('scan_date', '')}",
        "",
        "## Summary",
        "",
        "| severity | findings |",
        "|---|---|",
    ]
    lines += [f"| {level} | {summary.get(level, 0)} |" for level in _ORDER]
    lines += [f"| **total** | **{summary.get('total', len(findings))}** |", ""]
    analyzers = envelope.get("analyzers") or []
    if analyzers:
        lines += ["| analyzer | status | files | time |", "|---|---|---|---|"]
        for run in analyzers:
            lines.append(
                f"| {_cell(run['name'])} | {_cell(run['status'])} | {run.get('files', 0)} | "
                f"{run.get('duration_ms', 0)} ms |"
            )
        lines.append("")
    if not findings:
        lines += ["No findings.", ""]
        return "\n".join(lines)
    lines += ["## Findings", ""]
    for number, finding in enumerate(findings, start=1):
        where = f"{finding['file']}:{finding['line']}"
        lines += [
            f"### {number}. [{finding['severity'].upper()}] {finding['title']}",
            "",
            f"- **Where:** `{where}`",
            f"- **Rule:** `{finding['rule_id']}`"
            + (f" ({finding['cwe']})" if finding.get("cwe") else "")
            + f", confidence {finding.get('confidence', 'high')}",
        ]
        if finding.get("message"):
            lines.append(f"- **What:** {finding['message']}")
        lines.append("")
        snippet = finding.get("snippet") or ""
        if snippet:
            fence = _fence(snippet)
            lines += [fence, snippet, fence, ""]
        if finding.get("description"):
            lines += [f"**Why it matters:** {finding['description']}", ""]
        if finding.get("suggestion"):
            lines += [f"**Fix:** {finding['suggestion']}", ""]
    return "\n".join(lines)
