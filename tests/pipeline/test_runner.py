from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ridgeline.analyzers.base import AnalysisContext, AnalyzerSkipped, FileInput
from ridgeline.domain.findings import Category, Finding, Severity
from ridgeline.pipeline.runner import run_pipeline
from ridgeline.workspace.walker import is_vendored, looks_minified, sast_skip_reason


class _Sast:
    """A stand-in SAST analyzer: flags ``eval(`` and uses the SAST skip rules."""

    name = "sast.test"
    version = "0"
    skip_reason = staticmethod(sast_skip_reason)

    def wants(self, path: str) -> bool:
        return path.endswith(".js")

    def analyze(self, file: FileInput, ctx: AnalysisContext) -> Iterator[Finding]:
        if "crash" in file.text:
            raise ValueError("boom")
        for number, line in enumerate(file.text.splitlines(), 1):
            if "eval(" in line:
                yield Finding(
                    "js.eval", "eval", Severity.HIGH, Category.SAST, file.path, number, snippet=line
                )

    def finish(self, ctx: AnalysisContext) -> Iterator[Finding]:
        return iter(())


class _Skipping(_Sast):
    name = "needs-data"

    def finish(self, ctx: AnalysisContext) -> Iterator[Finding]:
        raise AnalyzerSkipped("no advisory data: run `ridgeline advisories import PATH`")


def test_skips_are_counted_per_analyzer_and_crashes_are_file_errors(tmp_path: Path) -> None:
    (tmp_path / "node_modules" / "lib").mkdir(parents=True)
    (tmp_path / "node_modules" / "lib" / "x.js").write_text("eval(a)\n")
    (tmp_path / "app.min.js").write_text("eval(b)\n")
    (tmp_path / "app.js").write_text("ok()\neval(c)\n")
    (tmp_path / "bad.js").write_text("crash\n")
    report = run_pipeline(tmp_path, [_Sast(), _Skipping()], AnalysisContext(tmp_path), max_file_bytes=10_000)
    sast, skipping = report.analyzers
    assert sast.status.value == "partially_succeeded"
    assert sast.skipped == {"vendored": 1, "minified": 1}
    assert sast.files == 1
    assert [(e.file, e.error) for e in sast.errors] == [("bad.js", "analyzer error: ValueError")]
    assert skipping.status.value == "skipped"
    assert skipping.reason.startswith("no advisory data")
    assert [(f.file, f.line) for f in report.findings] == [("app.js", 2), ("app.js", 2)]


def test_scan_deadline_is_enforced_between_files(tmp_path: Path) -> None:
    (tmp_path / "a.js").write_text("x\n")

    class Late(Exception):
        pass

    try:
        run_pipeline(tmp_path, [_Sast()], AnalysisContext(tmp_path), max_file_bytes=100, deadline=0.0,
                     on_deadline=Late)  # fmt: skip
    except Late:
        return
    raise AssertionError("deadline ignored")


def test_vendored_and_minified_classification() -> None:
    assert is_vendored("node_modules/react/index.js")
    assert is_vendored("src/vendor/jquery.js")
    assert not is_vendored("src/vendors.js")
    assert looks_minified("static/app.min.js", "")
    assert looks_minified("static/bundle.js", "x" * 5000)
    assert not looks_minified("static/app.js", "a\n" * 5000)
