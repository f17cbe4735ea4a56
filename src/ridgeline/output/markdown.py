"""A Markdown report a developer or an AI coding assistant can work through, top to bottom:
summary by severity and category, then each finding with location, snippet (secrets redacted),
why it matters and the fix; dependency findings grouped by package with the upgrade to make."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ridgeline.output.sanitize import code_span, visible

SEVERITIES = ("critical", "high", "medium", "low")
_SUPPRESSED_LISTED = 20
CATEGORIES = (("secret", "Secrets"), ("sast", "Code"), ("dependency", "Dependencies"))


def _cell(value: object) -> str:
    return visible(str(value)).replace("|", "\\|").replace("<", "&lt;")


def _fence(text: str) -> str:
    longest, run = 2, 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return "`" * (longest + 1)


def _summary(findings: list[dict[str, Any]]) -> list[str]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for finding in findings:
        counts[(finding["severity"], finding["category"])] += 1
    lines = ["| severity | " + " | ".join(name for _, name in CATEGORIES) + " | total |", "|---" * 5 + "|"]
    for severity in SEVERITIES:
        row = [counts[(severity, category)] for category, _ in CATEGORIES]
        lines.append(f"| {severity} | " + " | ".join(str(n) for n in row) + f" | {sum(row)} |")
    totals = [sum(counts[(s, c)] for s in SEVERITIES) for c, _ in CATEGORIES]
    lines.append("| **total** | " + " | ".join(f"**{n}**" for n in totals) + f" | **{sum(totals)}** |")
    return lines


def _finding(number: int, finding: dict[str, Any]) -> list[str]:
    where = f"{finding['file']}:{finding['line']}"
    rule = code_span(finding["rule_id"]) + (f" ({finding['cwe']})" if finding.get("cwe") else "")
    lines = [
        f"### {number}. [{finding['severity'].upper()}] {_text(finding['title'])}",
        "",
        f"- **Where:** {code_span(where)}",
        f"- **Rule:** {rule}, confidence {finding.get('confidence', 'high')}",
    ]
    if finding.get("message"):
        lines.append(f"- **What:** {_text(finding['message'])}")
    lines.append("")
    snippet = visible(finding.get("snippet") or "")
    if snippet:
        fence = _fence(snippet)
        lines += [fence, snippet, fence, ""]
    if finding.get("description"):
        lines += [f"**Why it matters:** {_text(finding['description'])}", ""]
    if finding.get("suggestion"):
        lines += [f"**Fix:** {_text(finding['suggestion'])}", ""]
    return lines


def _text(value: str) -> str:
    """Prose from rules and advisories: one paragraph, no raw HTML, no control characters."""
    text = visible(" ".join(value.split())).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("`", "\\`")


def _dependencies(findings: list[dict[str, Any]]) -> list[str]:
    by_package: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        by_package[
            (finding.get("ecosystem", ""), finding.get("package", ""), finding.get("version", ""))
        ].append(finding)
    lines = ["## Vulnerable dependencies", ""]
    ordered = sorted(by_package.items(), key=lambda kv: (SEVERITIES.index(kv[1][0]["severity"]), kv[0]))
    for (ecosystem, package, version), items in ordered:
        worst = items[0]["severity"]
        files = sorted({f"{f['file']}:{f['line']}" for f in items})
        upgrades = [f["suggestion"] for f in items if f.get("suggestion")]
        lines += [
            f"### {_text(package)} {_text(version)} ({ecosystem}) — {len(items)} advisor{'y' if len(items) == 1 else 'ies'}, "
            f"worst {worst}",
            "",
            f"- **Pinned in:** {', '.join(code_span(f) for f in files)}",
        ]
        if upgrades:
            # every finding of a package names the one version that fixes them all (deps analyzer)
            advice = min(upgrades, key=len)
            lines.append(f"- **Upgrade:** {_text(advice)}")
        lines.append("")
        lines += ["| advisory | severity | title | fixed in |", "|---|---|---|---|"]
        for item in items:
            ids = ", ".join(item.get("advisory_ids") or [item["rule_id"]])
            fixed = ", ".join(item.get("fixed_versions") or []) or "no fix yet"
            lines.append(f"| {_cell(ids)} | {item['severity']} | {_cell(item['title'])} | {_cell(fixed)} |")
        lines.append("")
    return lines


def render_markdown(envelope: dict[str, Any]) -> str:
    """Render the completed-scan envelope of the API (``vulnerabilities``, ``summary``, …)."""
    findings = list(envelope.get("vulnerabilities") or [])
    suppressed = list(envelope.get("suppressed") or [])
    branch = envelope.get("branch_name") or ""
    heading = f"# Ridgeline scan report: {_text(envelope.get('repository_name', ''))}"
    lines = [
        heading + (f" @ {_text(branch)}" if branch else ""),
        "",
        (
            f"- Scan: `{envelope['scan_id']}` ({envelope.get('scan_mode', 'fast')} mode)"
            if envelope.get("scan_id")
            else f"- Local check ({envelope.get('scan_mode', 'fast')} mode)"
        ),
    ]
    if envelope.get("commit_sha"):
        lines.append(f"- Commit: `{envelope['commit_sha']}`")
    lines += [
        f"- Finished: {envelope.get('scan_date', '')}",
        "",
        "## Summary",
        "",
        *_summary(findings),
        "",
    ]
    analyzers = envelope.get("analyzers") or []
    if analyzers:
        lines += ["| analyzer | status | files | time | notes |", "|---|---|---|---|---|"]
        for run in analyzers:
            notes = run.get("reason") or ""
            skipped = run.get("skipped") or {}
            if skipped:
                listed = ", ".join(
                    f"{count} {reason.replace('_', ' ')}" for reason, count in sorted(skipped.items())
                )
                notes = (notes + f" skipped files: {listed}").strip()
            if run.get("errors"):
                notes = (notes + f" {len(run['errors'])} file error(s)").strip()
            lines.append(
                f"| {_cell(run['name'])} | {_cell(run['status'])} | {run.get('files', 0)} | "
                f"{run.get('duration_ms', 0)} ms | {_cell(notes)} |"
            )
        lines.append("")
        errors = [(run["name"], e) for run in analyzers for e in run.get("errors") or []]
        if errors:
            lines += ["Files that could not be analysed:", ""]
            lines += [
                f"- {name}: {code_span(e.get('file') or '-')} — {_text(e['error'])}" for name, e in errors
            ]
            lines.append("")
    for notice in envelope.get("notices") or []:
        lines += [f"> Note: {_text(notice)}", ""]
    if not findings:
        lines += ["No findings.", ""]
    code_findings = [f for f in findings if f["category"] != "dependency"]
    if code_findings:
        lines += ["## Findings", ""]
        for number, finding in enumerate(code_findings, start=1):
            lines += _finding(number, finding)
    dependency_findings = [f for f in findings if f["category"] == "dependency"]
    if dependency_findings:
        lines += _dependencies(dependency_findings)
    if suppressed:
        lines += [f"## Suppressed ({len(suppressed)})", ""]
        reasons: dict[str, int] = defaultdict(int)
        for finding in suppressed:
            reasons[finding.get("suppressed_reason", "")] += 1
        if len(suppressed) > _SUPPRESSED_LISTED:
            lines += ["| reason | findings |", "|---|---|"]
            lines += [
                f"| {_cell(reason)} | {count} |"
                for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1])
            ]
            lines += ["", f"The first {_SUPPRESSED_LISTED} (the JSON and SARIF reports list them all):", ""]
        lines += ["| where | rule | reason |", "|---|---|---|"]
        for finding in suppressed[:_SUPPRESSED_LISTED]:
            lines.append(
                f"| {_cell(code_span(finding['file'] + ':' + str(finding['line'])))} | {_cell(code_span(finding['rule_id']))} | "
                f"{_cell(finding.get('suppressed_reason', ''))} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
