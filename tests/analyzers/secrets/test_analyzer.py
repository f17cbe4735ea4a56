"""The analyzer end to end: suppression, redaction, duplicates, confidence, lock files, output."""

from __future__ import annotations

import dataclasses
import random
import string
import time
from pathlib import Path

import pytest

from ridgeline.analyzers.base import AnalysisContext, AnalyzerOptions, FileInput
from ridgeline.analyzers.registry import build_analyzers
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
from ridgeline.analyzers.secrets.rules import packaged_rules
from ridgeline.domain.findings import Confidence, Finding, SecretDetails
from ridgeline.domain.report import ScanReport
from ridgeline.output.json import report_to_dict

GITHUB = "ghp_LzFZioAyNM6k9FSUtHnekcJikRvU8nt0SmnW"
STRIPE = "sk_live_vRQFPBnUmQSI7cseZMl8kLx5"


def _run(
    analyzer: SecretsAnalyzer, ctx: AnalysisContext, text: str, path: str = "src/app.py"
) -> list[Finding]:
    return list(analyzer.analyze(FileInput(path, text), ctx))


@pytest.mark.parametrize("marker", ["# gitleaks:allow", "# pragma: allowlist secret", "// ridgeline:ignore"])
def test_inline_suppression_keeps_the_finding_apart(
    analyzer: SecretsAnalyzer, ctx: AnalysisContext, marker: str
) -> None:
    [finding] = _run(analyzer, ctx, f'token = "{GITHUB}"  {marker}\n')
    assert finding.rule_id == "github-pat"
    assert finding.suppressed_reason is not None and marker.split(" ", 1)[1] in finding.suppressed_reason


def test_marker_on_another_line_does_not_suppress(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    [finding] = _run(analyzer, ctx, f'# gitleaks:allow\ntoken = "{GITHUB}"\n')
    assert finding.suppressed_reason is None


def test_suppressed_findings_are_reported_apart_and_not_counted(
    analyzer: SecretsAnalyzer, ctx: AnalysisContext
) -> None:
    findings = _run(analyzer, ctx, f'a = "{GITHUB}"  # gitleaks:allow\nb = "{STRIPE}"\n')
    data = report_to_dict(ScanReport(findings=tuple(findings), analyzers=()))
    assert [v["rule_id"] for v in data["vulnerabilities"]] == ["stripe-live-secret-key"]
    assert [v["rule_id"] for v in data["suppressed"]] == ["github-pat"]
    assert data["summary"]["total"] == 1


def _strings(finding: Finding) -> list[str]:
    values: list[str] = []
    for field in dataclasses.fields(finding):
        value = getattr(finding, field.name)
        if isinstance(value, str):
            values.append(value)
        elif isinstance(value, SecretDetails):
            values.extend(v for v in dataclasses.astuple(value) if isinstance(v, str))
    return values


def test_no_plaintext_secret_in_any_finding_field(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    text = "\n".join(example for rule in packaged_rules() for example in rule.examples)
    secrets = {m.secret for m in analyzer.candidates(text, "src/app.py")}
    findings = _run(analyzer, ctx, text)
    assert len(findings) > 300
    for finding in findings:
        assert isinstance(finding.details, SecretDetails) and len(finding.details.secret_hash) == 64
        for value in _strings(finding):
            for secret in secrets:
                if len(secret) >= 10:
                    assert secret not in value, (finding.rule_id, secret[:4])


def test_redaction_keeps_at_most_four_and_four(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    [finding] = _run(analyzer, ctx, f'token = "{GITHUB}"')
    assert finding.details == SecretDetails(redacted="ghp_…SmnW", secret_hash=finding.details.secret_hash)
    assert finding.snippet == 'token = "ghp_…SmnW"'


def test_same_secret_twice_in_a_file_is_one_finding(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    [finding] = _run(analyzer, ctx, f'a = "{GITHUB}"\nb = "{GITHUB}"\n')
    assert finding.line == 1 and "1 more occurrence" in finding.message


def test_same_secret_in_two_files_shares_the_hash_not_the_fingerprint(
    analyzer: SecretsAnalyzer, ctx: AnalysisContext
) -> None:
    [one] = _run(analyzer, ctx, f'a = "{GITHUB}"', "a.py")
    [two] = _run(analyzer, ctx, f'\n\nb = "{GITHUB}"', "b.py")
    assert isinstance(one.details, SecretDetails) and isinstance(two.details, SecretDetails)
    assert one.details.secret_hash == two.details.secret_hash
    assert one.fingerprint != two.fingerprint


def test_fingerprint_ignores_line_moves(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    [one] = _run(analyzer, ctx, f'a = "{GITHUB}"')
    [two] = _run(analyzer, ctx, f'\n\n\na = "{GITHUB}"')
    assert one.fingerprint == two.fingerprint and one.line != two.line


def test_test_paths_lower_confidence_but_keep_the_finding(
    analyzer: SecretsAnalyzer, ctx: AnalysisContext
) -> None:
    [finding] = _run(analyzer, ctx, f'a = "{GITHUB}"', "tests/fixtures/config.py")
    assert finding.confidence is Confidence.MEDIUM


def test_lock_file_hashes_are_not_secrets(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    lock = (
        '{"packages": {"node_modules/a": {"version": "1.0.0", "integrity": '
        '"sha512-Qm3xV8nE2kPzAbLk8Qz3Vx7Wm2Rt9Np4Bs6Yd1Lk8Qz3Vx7Wm2Rt9Np4Bs6Yd1Qm3xV8nE2kPzAb+/Xz==", '
        '"resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz"}}}'
    )
    assert _run(analyzer, ctx, lock, "package-lock.json") == []
    gosum = "github.com/x/y v1.2.3 h1:Qm3xV8nE2kPzAbLk8Qz3Vx7Wm2Rt9Np4Bs6Yd1Lk8Q=\n"
    assert _run(analyzer, ctx, gosum, "go.sum") == []
    yarn = 'a@^1.0.0:\n  version "1.0.0"\n  integrity sha512-Qm3xV8nE2kPzAbLk8Qz3Vx7Wm2Rt9Np4Bs6Yd1Lk8Q==\n'
    assert _run(analyzer, ctx, yarn, "yarn.lock") == []


def test_provider_rule_wins_over_generic(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    findings = _run(analyzer, ctx, f'api_key = "{STRIPE}"')
    assert [f.rule_id for f in findings] == ["stripe-live-secret-key"]


@pytest.mark.parametrize(
    "text",
    ["password = get_password()", "token = self.token", "password: ${DB_PASSWORD}",
     'api_key = os.environ["API_KEY"]', "secret = process.env.SECRET", 'token = "{{ token }}"',
     'password = "<password>"', 'api_key = "your-api-key"',
     'aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"', 'password = "xxxxxxxxxxxx"'],
)  # fmt: skip
def test_decoys_are_not_reported(analyzer: SecretsAnalyzer, ctx: AnalysisContext, text: str) -> None:
    assert _run(analyzer, ctx, text) == []


def test_snippet_of_a_long_line_is_bounded_and_redacted(
    analyzer: SecretsAnalyzer, ctx: AnalysisContext
) -> None:
    text = "x=1;" * 5000 + f'k="{GITHUB}";' + f's="{STRIPE}";' + "y=2;" * 5000
    findings = _run(analyzer, ctx, text, "app.min.js")
    assert {f.rule_id for f in findings} == {"github-pat", "stripe-live-secret-key"}
    for finding in findings:
        assert len(finding.snippet) <= 240
        assert GITHUB not in finding.snippet and STRIPE not in finding.snippet


OPERATOR_RULES = """
[[rules]]
id = "acme-internal-token"
description = "ACME internal token"
regex = '''\\b(acme_[a-z0-9]{24})\\b'''
keywords = ["acme_"]
"""


def test_operator_rules_through_the_registry(tmp_path: Path, ctx: AnalysisContext) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(OPERATOR_RULES)
    [analyzer] = build_analyzers(["secrets"], AnalyzerOptions(secret_rules_file=path))
    assert isinstance(analyzer, SecretsAnalyzer)
    findings = list(analyzer.analyze(FileInput("a.py", 't = "acme_k3v9q2x7m4l8p1z6r5t0w2y4"'), ctx))
    assert [f.rule_id for f in findings] == ["acme-internal-token"]


def test_repository_gitleaks_file_adds_rules_and_suppresses(tmp_path: Path) -> None:
    (tmp_path / ".gitleaks.toml").write_text(
        OPERATOR_RULES
        + """
[[rules]]
id = "github-pat"
regex = '''.'''

[[rules]]
id = "broken"
regex = '''(unclosed'''

[allowlist]
paths = ['''^legacy/''']
"""
    )
    analyzer = SecretsAnalyzer.from_packaged_rules()
    ctx = AnalysisContext(root=tmp_path)
    found = list(analyzer.analyze(FileInput("a.py", 't = "acme_k3v9q2x7m4l8p1z6r5t0w2y4"'), ctx))
    assert [f.rule_id for f in found] == ["acme-internal-token"]
    [legacy] = list(analyzer.analyze(FileInput("legacy/a.py", f'k = "{GITHUB}"'), ctx))
    assert legacy.rule_id == "github-pat" and legacy.suppressed_reason is not None
    assert any("github-pat" in e and "already in use" in e for e in analyzer.load_errors)
    assert any("broken" in e and "invalid regex" in e for e in analyzer.load_errors)


def test_many_secrets_in_one_file_stay_cheap(analyzer: SecretsAnalyzer, ctx: AnalysisContext) -> None:
    rng = random.Random(2)
    tokens = ["ghp_" + "".join(rng.choice(string.ascii_letters) for _ in range(36)) for _ in range(5000)]
    text = "\n".join(f'api_key = "{token}"' for token in tokens)
    started = time.perf_counter()
    findings = _run(analyzer, ctx, text, "dump.py")
    assert len(findings) == 5000 and {f.rule_id for f in findings} == {"github-pat"}
    assert time.perf_counter() - started < 30
