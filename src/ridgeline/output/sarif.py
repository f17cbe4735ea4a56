"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

One run; the driver lists every rule that produced a result (help in Markdown, ``security`` and
CWE tags, ``security-severity``); results carry relative locations under ``%SRCROOT%``, redacted
snippets, ``partialFingerprints`` and, for suppressed findings, ``suppressions``. Rendered from the
API's JSON envelope so the server and the CLI produce the same document.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ridgeline import __version__

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}
_PRECISION = {"high": "high", "medium": "medium", "low": "low"}
_PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "note": "recommendation"}


def _rule_name(title: str) -> str:
    words = [w for w in "".join(c if c.isalnum() else " " for c in title).split() if w]
    return "".join(w[:1].upper() + w[1:] for w in words) or "Finding"


def _help_markdown(finding: dict[str, Any]) -> str:
    parts = [f"**{finding['title']}**", ""]
    if finding.get("description"):
        parts += [finding["description"], ""]
    if finding.get("suggestion"):
        parts += [f"**Fix:** {finding['suggestion']}", ""]
    if finding.get("cwe"):
        number = finding["cwe"].split("-")[-1]
        parts.append(f"[{finding['cwe']}](https://cwe.mitre.org/data/definitions/{number}.html)")
    return "\n".join(parts).strip()


def _rule(finding: dict[str, Any]) -> dict[str, Any]:
    tags = ["security", finding["category"]]
    if finding.get("cwe"):
        tags.append(f"external/cwe/{finding['cwe'].lower()}")
    category_help = finding.get("suggestion") or finding["title"]
    return {
        "id": finding["rule_id"],
        "name": "VulnerableDependency"
        if finding["category"] == "dependency"
        else _rule_name(finding["title"])[:80],
        "shortDescription": {"text": finding["title"]},
        "fullDescription": {"text": finding.get("description") or finding["title"]},
        "help": {"text": category_help, "markdown": _help_markdown(finding)},
        "defaultConfiguration": {"level": finding["level"]},
        "properties": {
            "tags": tags,
            "security-severity": _SECURITY_SEVERITY[finding["severity"]],
            "precision": _PRECISION.get(finding.get("confidence", "high"), "high"),
            "problem.severity": _PROBLEM_SEVERITY[finding["level"]],
        },
    }


def _result(finding: dict[str, Any], rule_index: int) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": max(1, int(finding["line"])),
        "startColumn": max(1, int(finding.get("column") or 1)),
        "endLine": max(int(finding["line"]), int(finding.get("end_line") or finding["line"])),
    }
    if finding.get("snippet"):
        region["snippet"] = {"text": finding["snippet"]}
    properties: dict[str, Any] = {
        "severity": finding["severity"],
        "category": finding["category"],
        "confidence": finding.get("confidence", "high"),
    }
    for key in ("package", "version", "ecosystem", "fixed_versions", "advisory_ids", "commit", "in_tip"):
        if key in finding:
            properties[key] = finding[key]
    result: dict[str, Any] = {
        "ruleId": finding["rule_id"],
        "ruleIndex": rule_index,
        "level": finding["level"],
        "message": {"text": finding.get("message") or finding["title"]},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {
                        "uri": quote(finding["file"] or ".", safe="/"),
                        "uriBaseId": "%SRCROOT%",
                    },
                    "region": region,
                }
            }
        ],
        "partialFingerprints": {"ridgeline/v1": finding["fingerprint"]},
        "properties": properties,
    }
    if finding.get("suppressed_reason"):
        kind = "inSource" if finding["suppressed_reason"].startswith("inline") else "external"
        result["suppressions"] = [{"kind": kind, "justification": finding["suppressed_reason"]}]
    return result


def render_sarif(envelope: dict[str, Any]) -> dict[str, Any]:
    """A SARIF log for a completed scan envelope (``vulnerabilities`` and ``suppressed``)."""
    findings = list(envelope.get("vulnerabilities") or []) + list(envelope.get("suppressed") or [])
    rule_index: dict[str, int] = {}
    rules: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for finding in findings:
        if finding["rule_id"] not in rule_index:
            rule_index[finding["rule_id"]] = len(rules)
            rules.append(_rule(finding))
        results.append(_result(finding, rule_index[finding["rule_id"]]))
    notifications = [
        {
            "level": "warning",
            "message": {"text": f"{run['name']}: {error.get('file') or '-'}: {error['error']}"},
        }
        for run in envelope.get("analyzers") or []
        for error in run.get("errors") or []
    ]
    notifications += [
        {"level": "note", "message": {"text": f"{run['name']} skipped: {run.get('reason', '')}"}}
        for run in envelope.get("analyzers") or []
        if run.get("status") == "skipped"
    ]
    notifications += [
        {"level": "note", "message": {"text": notice}} for notice in envelope.get("notices") or []
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "Ridgeline",
                "semanticVersion": __version__,
                "version": __version__,
                "informationUri": "https://github.com/ridgeline-security/ridgeline",
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The root of the scanned repository."}}},
        "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notifications}],
        "results": results,
        "properties": {
            "repository": envelope.get("repository_name", ""),
            "branch": envelope.get("branch_name", ""),
            "commit": envelope.get("commit_sha") or "",
        },
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
