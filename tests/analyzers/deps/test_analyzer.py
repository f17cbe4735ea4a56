"""The ``deps`` analyzer end to end through the pipeline on a temporary repository."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ridgeline.analyzers.base import AnalysisContext, AnalyzerOptions
from ridgeline.analyzers.deps.analyzer import DepsAnalyzer
from ridgeline.analyzers.registry import analyzer_names, build_analyzers
from ridgeline.domain.findings import Category, DependencyDetails, Severity
from ridgeline.domain.report import AnalyzerStatus
from ridgeline.output.json import report_to_dict
from ridgeline.pipeline.runner import run_pipeline
from ridgeline.vulndb.local import LocalMirror
from tests.support.advisories import SKIP_REASON, advisory_bundle

ADVISORIES = advisory_bundle() or Path("/nonexistent/shared/advisories")
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ADVISORIES.is_dir():
        pytest.skip(SKIP_REASON)
    directory = tmp_path_factory.mktemp("data")
    mirror = LocalMirror(directory)
    for folder in ("npm", "Maven", "crates.io"):
        mirror.import_path(ADVISORIES / folder)
    return directory


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "web").mkdir(parents=True)
    shutil.copy(FIXTURES / "npm/package-lock-v3-workspaces.json", repo / "package-lock.json")
    shutil.copy(FIXTURES / "maven/pom-properties.xml", repo / "web/pom.xml")
    shutil.copy(FIXTURES / "cargo/Cargo-workspaces.lock", repo / "Cargo.lock")
    (repo / "yarn.lock").write_text("this is not\na lockfile\n")
    (repo / "README.md").write_text("hello\n")
    return repo


def _run(repo: Path, options: AnalyzerOptions):  # type: ignore[no-untyped-def]
    return run_pipeline(
        repo, build_analyzers(["deps"], options), AnalysisContext(root=repo), max_file_bytes=2 << 20
    )


def test_deps_is_registered() -> None:
    assert "deps" in analyzer_names()


def test_vulnerable_lockfiles_end_to_end(tmp_path: Path, data_dir: Path) -> None:
    report = _run(_repo(tmp_path), AnalyzerOptions(data_dir=data_dir))
    run = report.analyzers[0]
    assert run.name == "deps"
    assert run.status is AnalyzerStatus.PARTIALLY_SUCCEEDED
    assert run.files == 4
    assert [(e.file, e.error) for e in run.errors] == [("yarn.lock", "yarn.lock: unexpected line 1")]
    by_rule = {(f.file, f.rule_id): f for f in report.findings}
    log4shell = by_rule[("web/pom.xml", "GHSA-jfh8-c2jp-5v3q")]
    assert log4shell.category is Category.DEPENDENCY
    assert log4shell.severity is Severity.CRITICAL
    assert log4shell.line == 15
    assert log4shell.suggestion == "Upgrade org.apache.logging.log4j:log4j-core to 2.15.0 or later."
    assert log4shell.details == DependencyDetails(
        package="org.apache.logging.log4j:log4j-core",
        version="2.14.1",
        ecosystem="Maven",
        fixed_versions=("2.15.0", "2.3.1", "2.12.2"),
        advisory_ids=("CVE-2021-44228", "GHSA-jfh8-c2jp-5v3q"),
    )
    lodash = [f for f in report.findings if f.details.package == "lodash"]  # type: ignore[union-attr]
    # lodash 4.17.21 at the root is fixed; the nested workspace copy 4.17.15 is not
    assert {f.details.version for f in lodash} == {"4.17.15"}  # type: ignore[union-attr]
    assert {f.rule_id for f in lodash} == {"GHSA-p6mc-m468-83gw", "x_NSWG-ECO-516"}
    assert all(f.line == 33 and f.file == "package-lock.json" for f in lodash)
    ghsa = next(f for f in lodash if f.rule_id == "GHSA-p6mc-m468-83gw")
    assert ghsa.severity is Severity.HIGH
    assert ghsa.suggestion.startswith(
        "Upgrade lodash to 4.17.20 or later"
    )  # the version fixing both advisories
    assert ("Cargo.lock", "RUSTSEC-2021-0003") in by_rule
    body = report_to_dict(report)
    assert json.dumps(body)
    assert len({f.fingerprint for f in report.findings}) == len(report.findings)


def test_no_advisory_data_is_a_skipped_run_with_the_fix(tmp_path: Path) -> None:
    report = _run(_repo(tmp_path), AnalyzerOptions(data_dir=tmp_path / "empty-data"))
    run = report.analyzers[0]
    assert run.status is AnalyzerStatus.SKIPPED
    assert "ridgeline advisories import PATH" in run.reason and "ridgeline advisories sync" in run.reason
    assert report.findings == ()
    bare = _run(_repo(tmp_path / "again"), AnalyzerOptions())
    assert bare.analyzers[0].status is AnalyzerStatus.SKIPPED


def test_repository_without_lockfiles_succeeds_quietly(tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text("print(1)\n")
    report = _run(tmp_path, AnalyzerOptions())
    assert report.analyzers[0].status is AnalyzerStatus.SUCCEEDED
    assert report.findings == ()


def test_state_is_reset_between_scans(tmp_path: Path, data_dir: Path) -> None:
    analyzer = DepsAnalyzer(lambda: LocalMirror(data_dir))
    repo = _repo(tmp_path)
    ctx = AnalysisContext(root=repo)
    first = run_pipeline(repo, [analyzer], ctx, max_file_bytes=2 << 20)
    second = run_pipeline(repo, [analyzer], ctx, max_file_bytes=2 << 20)
    assert [f.fingerprint for f in first.findings] == [f.fingerprint for f in second.findings]
