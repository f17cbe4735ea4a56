"""SARIF 2.1.0 rendering of a completed scan (first version: rules, results, fingerprints)."""

from __future__ import annotations

from typing import Any

from ridgeline import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0"}


def render_sarif(envelope: dict[str, Any]) -> dict[str, Any]:
    findings = envelope.get("vulnerabilities", [])
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for finding in findings:
        rule_id = finding["rule_id"]
        if rule_id not in rules:
            tags = ["security", finding["category"]]
            if finding.get("cwe"):
                tags.append(f"external/cwe/{finding['cwe'].lower()}")
            rules[rule_id] = {
                "id": rule_id,
                "name": rule_id,
                "shortDescription": {"text": finding["title"]},
                "fullDescription": {"text": finding.get("description") or finding["title"]},
                "help": {
                    "text": finding.get("suggestion") or finding["title"],
                    "markdown": finding.get("suggestion") or finding["title"],
                },
                "properties": {
                    "tags": tags,
                    "security-severity": _SECURITY_SEVERITY[finding["severity"]],
                },
            }
        results.append(
            {
                "ruleId": rule_id,
                "level": finding["level"],
                "message": {"text": finding.get("message") or finding["title"]},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": finding["file"], "uriBaseId": "%SRCROOT%"},
                            "region": {
                                "startLine": finding["line"],
                                "startColumn": finding.get("column", 1),
                                "endLine": finding.get("end_line", finding["line"]),
                            },
                        }
                    }
                ],
                "partialFingerprints": {"ridgeline/v1": finding["fingerprint"]},
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "Ridgeline",
                        "version": __version__,
                        "informationUri": "https://github.com/ridgeline",
                        "rules": list(rules.values()),
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The repository root."}}},
                "versionControlProvenance": [
                    {
                        "repositoryUri": envelope.get("repository_name", ""),
                        "revisionId": envelope.get("commit_sha") or "",
                        "branch": envelope.get("branch_name", ""),
                    }
                ],
                "results": results,
            }
        ],
    }
