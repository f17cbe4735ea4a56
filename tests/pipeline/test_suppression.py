"""Every suppression form moves the finding to ``suppressed`` with its reason; nothing is dropped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ridgeline.analyzers.base import AnalysisContext
from ridgeline.analyzers.registry import build_analyzers
from ridgeline.domain.findings import Category, Finding, Severity
from ridgeline.pipeline.runner import run_pipeline
from ridgeline.pipeline.suppression import (
    apply_suppressions,
    baseline_document,
    inline_reason,
    load_baseline,
    load_policy,
)

KEY = "ghp_LzFZioAyNM6k9FSUtHnekcJikRvU8nt0SmnW"


def _scan(root: Path, **kwargs):  # type: ignore[no-untyped-def]
    report = run_pipeline(root, build_analyzers(["secrets"]), AnalysisContext(root), max_file_bytes=1 << 20)
    return apply_suppressions(report, root, **kwargs)


def _finding(rule: str = "python.sqli", category: Category = Category.SAST, line: int = 1) -> Finding:
    return Finding(rule, "SQL injection", Severity.HIGH, category, "a.py", line)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (f'token = "{KEY}"  # ridgeline:ignore', "inline ridgeline:ignore (same line)"),
        (f'token = "{KEY}"  # ridgeline:ignore[github-pat]', "inline ridgeline:ignore (same line)"),
        (f'token = "{KEY}"  # gitleaks:allow', "inline gitleaks:allow"),
        (f'token = "{KEY}"  # pragma: allowlist secret', "inline pragma: allowlist secret"),
        (f'token = "{KEY}"  # nosec', "inline # nosec"),
        (f'token = "{KEY}"  # nosemgrep', "inline nosemgrep (same line)"),
    ],
)
def test_inline_markers_on_real_secret_findings(tmp_path: Path, line: str, reason: str) -> None:
    (tmp_path / "config.py").write_text(f"import os\n{line}\n")
    report = _scan(tmp_path)
    assert report.reported == ()
    [suppressed] = report.suppressed
    assert suppressed.rule_id == "github-pat" and suppressed.line == 2
    assert suppressed.suppressed_reason == reason


def test_marker_for_another_rule_does_not_suppress(tmp_path: Path) -> None:
    (tmp_path / "config.py").write_text(f'token = "{KEY}"  # ridgeline:ignore[aws-access-key-id]\n')
    report = _scan(tmp_path)
    assert [f.rule_id for f in report.reported] == ["github-pat"]


def test_marker_on_the_line_above() -> None:
    finding = _finding(line=2)
    assert (
        inline_reason(finding, "cursor.execute(q % x)", "# ridgeline:ignore")
        == "inline ridgeline:ignore (line above)"
    )
    assert (
        inline_reason(finding, "cursor.execute(q % x)", "# nosemgrep: python.sqli")
        == "inline nosemgrep (line above)"
    )
    assert inline_reason(finding, "cursor.execute(q % x)", "# nosemgrep: other.rule") is None
    # secret-only markers do not silence code findings
    assert inline_reason(finding, "cursor.execute(q % x)  # gitleaks:allow") is None
    # dependency findings are not silenced by code markers
    dependency = _finding(rule="GHSA-xxxx", category=Category.DEPENDENCY)
    assert inline_reason(dependency, "django==2.2  # nosec") is None


@pytest.mark.parametrize("name", [".rafter.yml", ".rafter.yaml", ".rafter/config.yml", ".ridgeline.yml"])
def test_policy_files_ignore_by_path_rule_id_and_title(tmp_path: Path, name: str) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "example.md").write_text(f"Use a token like {KEY}\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text(f'TOKEN = "{KEY}"\n')
    (tmp_path / "src" / "other.py").write_text('AWS = "AKIAICLTRTFXIF34J3TL"\n')
    policy = tmp_path / name
    policy.parent.mkdir(exist_ok=True)
    policy.write_text(
        "ignore:\n"
        "  - paths: ['docs/**']\n"
        "    reason: documentation examples\n"
        "  - paths: ['src/*.py']\n"
        "    rules: ['AWS ACCESS KEY ID']\n"
        "    reason: rotated in 2025\n"
    )
    report = _scan(tmp_path)
    assert [(f.file, f.rule_id) for f in report.reported] == [("src/app.py", "github-pat")]
    reasons = {f.file: f.suppressed_reason for f in report.suppressed}
    assert reasons == {
        "docs/example.md": f"{name}: documentation examples",
        "src/other.py": f"{name}: rotated in 2025",
    }


def test_exclude_paths_with_gitignore_semantics(tmp_path: Path) -> None:
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "out.js").write_text(f"t='{KEY}'\n")
    (tmp_path / "keep.js").write_text(f"t='{KEY}'\n")
    (tmp_path / ".rafter.yml").write_text("exclude_paths:\n  - build/\n")
    report = _scan(tmp_path)
    assert [f.file for f in report.reported] == ["keep.js"]
    assert [(f.file, f.suppressed_reason) for f in report.suppressed] == [
        ("build/out.js", ".rafter.yml: exclude_paths")
    ]


def test_hostile_policy_files_are_reported_not_obeyed(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(f't = "{KEY}"\n')
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    (tmp_path / ".rafter.yml").write_text(laughs + "ignore:\n  - reason: all\n")
    outside = tmp_path.parent / f"{tmp_path.name}-policy.yml"
    outside.write_text("ignore:\n  - reason: everything\n")
    os.symlink(outside, tmp_path / ".ridgeline.yml")
    (tmp_path / ".rafter.yaml").write_text("ignore: 12\n")
    policy = load_policy(tmp_path)
    assert policy.ignores == ()
    assert len(policy.errors) == 3
    report = _scan(tmp_path)
    assert [f.rule_id for f in report.reported] == ["github-pat"]
    assert len(report.notices) == 3


def test_baseline_round_trip(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(f't = "{KEY}"\n')
    first = _scan(tmp_path)
    baseline = tmp_path.parent / f"{tmp_path.name}-baseline.json"
    import json

    baseline.write_text(json.dumps(baseline_document(first.reported)))
    (tmp_path / "b.py").write_text('aws = "AKIAICLTRTFXIF34J3TL"\n')
    second = _scan(tmp_path, baseline=load_baseline(baseline))
    assert [f.file for f in second.reported] == ["b.py"]
    assert [(f.file, f.suppressed_reason) for f in second.suppressed] == [("a.py", "baseline")]


def test_fingerprint_survives_moving_the_finding_down(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(f'import os\nt = "{KEY}"\n')
    [before] = _scan(tmp_path).reported
    (tmp_path / "a.py").write_text("# new line\n" * 10 + f'import os\nt = "{KEY}"\n')
    [after] = _scan(tmp_path).reported
    assert after.line == before.line + 10
    assert after.fingerprint == before.fingerprint


def test_the_secrets_analyzer_uses_the_same_marker_rules() -> None:
    """History blobs are marked inside the analyzer; the reasons must match the pipeline's."""
    from ridgeline.domain.suppression import inline_marker_reason

    assert (
        inline_marker_reason("github-pat", Category.SECRET, "x  # ridgeline:ignore[aws-access-key-id]")
        is None
    )
    assert (
        inline_marker_reason("github-pat", Category.SECRET, "x  # gitleaks:allow") == "inline gitleaks:allow"
    )


def test_deeply_nested_or_oversized_policy_entries_are_notices(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(f't = "{KEY}"\n')
    (tmp_path / ".ridgeline.yml").write_text("ignore: " + "[" * 20000 + "]" * 20000 + "\n")
    (tmp_path / ".rafter.yml").write_text('exclude_paths: ["' + "a" * 5000 + '"]\n')
    (tmp_path / ".rafter.yaml").write_text("ignore:\n" + "".join("  " * i + "- a:\n" for i in range(1, 60)))
    policy = load_policy(tmp_path)
    assert policy.ignores == () and policy.exclude == ()
    assert len(policy.errors) == 3
    assert [f.rule_id for f in _scan(tmp_path).reported] == ["github-pat"]
