"""``ridgeline check`` and ``ridgeline secrets``: the server's pipeline on a local folder, no server.

Exit codes (CLI.md): 0 clean, 1 findings at or above ``--fail-on``, 2 error.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

SEVERITY_ORDER = ("low", "medium", "high", "critical")
FORMATS = ("text", "json", "md", "sarif")
KNOWN = {"secrets": ["secrets"], "deps": ["deps"], "sast": []}


def _error(message: str) -> typer.Exit:
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(2)


def _analyzer_names(only: str | None) -> tuple[list[str], list[str]]:
    if not only:
        return ["secrets", "deps"], []
    names: list[str] = []
    notices: list[str] = []
    for part in (p.strip() for p in only.split(",")):
        if part not in KNOWN:
            raise _error(f"--only takes sast, secrets, deps (not {part!r}).")
        if not KNOWN[part]:
            notices.append(f"{part}: no analyzer of this kind is installed in this version")
        names += [n for n in KNOWN[part] if n not in names]
    return names, notices


def run_check(path: Path, **options: Any) -> None:
    """Exit 2 (CLI.md: error) for anything unexpected, never 1, which means findings."""
    try:
        _run_check(path, **options)
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as exc:
        typer.echo(f"Error: the check could not finish ({type(exc).__name__}: {str(exc)[:200]})", err=True)
        raise typer.Exit(2) from None


def _run_check(
    path: Path,
    *,
    mode: str,
    fmt: str | None,
    only: str | None,
    fail_on: str,
    baseline: Path | None,
    write_baseline: Path | None,
    staged: bool,
    diff: str | None,
    out: Path | None,
    all_files: bool = False,
    history: bool = False,
) -> None:
    from ridgeline.analyzers.base import AnalysisContext
    from ridgeline.analyzers.registry import build_analyzers
    from ridgeline.cli import changes as git_changes
    from ridgeline.config import load_settings
    from ridgeline.domain.scan import ScanMode
    from ridgeline.output.json import report_to_dict
    from ridgeline.pipeline.options import analyzer_options
    from ridgeline.pipeline.suppression import apply_suppressions, baseline_document, load_baseline

    fmt = fmt or "text"
    if fmt not in FORMATS:
        raise _error(f"--format must be one of {', '.join(FORMATS)}.")
    if fail_on not in SEVERITY_ORDER:
        raise _error("--fail-on must be critical, high, medium or low.")
    if mode not in ("fast", "plus"):
        raise _error("--mode must be fast or plus.")
    if staged and diff:
        raise _error("--staged and --diff cannot be combined.")
    root = path.resolve()
    if not root.is_dir():
        raise _error(f"{path} is not a directory.")
    names, notices = _analyzer_names(only)
    try:
        known = load_baseline(baseline) if baseline else frozenset()
    except (OSError, ValueError) as exc:
        raise _error(f"cannot read the baseline: {exc}") from None

    settings = load_settings()
    options = analyzer_options(settings)
    change_set = None
    scan_root = root
    workdir: tempfile.TemporaryDirectory[str] | None = None
    try:
        if staged or diff:
            change_set = (
                git_changes.staged_changes(root) if staged else git_changes.diff_changes(root, diff or "")
            )
            if staged:
                workdir = tempfile.TemporaryDirectory(prefix="ridgeline-staged-")
                git_changes.export_index(root, sorted(change_set.lines), Path(workdir.name))
                scan_root = Path(workdir.name)
        include = change_set.includes_file if change_set is not None else None
        if include is None and not all_files:
            listed = git_changes.tracked_and_unignored(root)
            include = listed.__contains__ if listed is not None else None
        analyzers = build_analyzers(names, options)
        ctx = AnalysisContext(root=scan_root, mode=ScanMode(mode))
        report = _run(
            scan_root, analyzers, ctx, settings.max_file_bytes, settings.max_lockfile_bytes, include
        )
        if history:
            from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
            from ridgeline.pipeline.history import with_history

            if not (root / ".git").exists():
                raise _error("--history needs a git repository.")
            secrets = next(a for a in analyzers if isinstance(a, SecretsAnalyzer))
            report = with_history(report, root, secrets, ctx, None, max_blob_bytes=settings.max_file_bytes)
        report = apply_suppressions(report, scan_root, baseline=known)
    except git_changes.GitError as exc:
        raise _error(f"git: {exc}") from None
    finally:
        if workdir is not None:
            workdir.cleanup()

    at_top = git_changes.is_work_tree_top(root)
    if change_set is not None:
        kept = tuple(f for f in report.findings if change_set.includes(f.file, f.line, f.end_line))
        report = dataclasses.replace(report, findings=kept)
    report = _with_notices(report, notices)
    if only is None or "sast" in only:
        from ridgeline.pipeline.passes import unavailable_passes

        extra = unavailable_passes(ScanMode(mode), {run.name for run in report.analyzers})
        report = dataclasses.replace(report, analyzers=report.analyzers + tuple(extra))

    envelope: dict[str, Any] = {
        "status": "completed",
        "scan_id": None,
        "repository_name": root.name,
        "branch_name": git_changes.current_branch(root) if at_top else "",
        "scan_mode": mode,
        "scan_date": datetime.now(UTC).isoformat(timespec="milliseconds"),
        **report_to_dict(report),
    }
    envelope["commit_sha"] = git_changes.head_commit(root) if at_top else ""
    if write_baseline is not None:
        current = [f for f in report.findings if f.suppressed_reason in (None, "baseline")]
        write_baseline.write_text(json.dumps(baseline_document(current), indent=2) + "\n", encoding="utf-8")
        typer.echo(f"Baseline with {len(current)} fingerprints written to {write_baseline}", err=True)
    _emit(envelope, fmt, out)
    threshold = SEVERITY_ORDER.index(fail_on)
    if any(SEVERITY_ORDER.index(f.severity.label) >= threshold for f in report.reported):
        raise typer.Exit(1)


def _with_notices(report, notices: list[str]):  # type: ignore[no-untyped-def]
    return dataclasses.replace(report, notices=tuple(notices) + tuple(report.notices)) if notices else report


def _run(root, analyzers, ctx, max_bytes, max_lock, include):  # type: ignore[no-untyped-def]
    """The pipeline, with a progress line on a terminal (stderr) and silent otherwise."""
    from ridgeline.pipeline.runner import run_pipeline

    if not sys.stderr.isatty():
        return run_pipeline(
            root, analyzers, ctx, max_file_bytes=max_bytes, max_lockfile_bytes=max_lock, include=include
        )
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True, console=None
    ) as progress:
        task = progress.add_task("Scanning", total=None)
        count = 0

        def seen(path: str) -> None:
            nonlocal count
            count += 1
            if count % 50 == 0:
                progress.update(task, description=f"Scanning: {count} files")

        return run_pipeline(
            root,
            analyzers,
            ctx,
            max_file_bytes=max_bytes,
            max_lockfile_bytes=max_lock,
            include=include,
            on_file=seen,
        )


def _emit(envelope: dict[str, Any], fmt: str, out: Path | None) -> None:
    from ridgeline.output.markdown import render_markdown
    from ridgeline.output.sarif import render_sarif
    from ridgeline.output.text import render_text

    if fmt == "json":
        text = json.dumps(envelope, indent=2)
    elif fmt == "md":
        text = render_markdown(envelope)
    elif fmt == "sarif":
        text = json.dumps(render_sarif(envelope), indent=2)
    else:
        text = render_text(envelope, colour=out is None and sys.stdout.isatty())
    if out is not None:
        out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


PathArg = Annotated[Path, typer.Argument(help="Folder or repository to scan.")]
FailOn = Annotated[
    str, typer.Option("--fail-on", help="Exit 1 for findings at or above: critical, high, medium, low.")
]
Staged = Annotated[
    bool, typer.Option("--staged", help="Only staged changes (the index), e.g. in a pre-commit hook.")
]
Diff = Annotated[str | None, typer.Option("--diff", help="Only files and lines changed since REF.")]
Out = Annotated[Path | None, typer.Option("--out", help="Write the report to this file.")]
AllFiles = Annotated[bool, typer.Option("--all-files", help="Also scan files that .gitignore excludes.")]
Format = Annotated[str | None, typer.Option("--format", "-f", help="text, json, md or sarif (default text).")]


def check_command(
    path: PathArg = Path("."),
    mode: Annotated[str, typer.Option("--mode", "-m", help="fast or plus.")] = "fast",
    fmt: Format = None,
    only: Annotated[str | None, typer.Option("--only", help="Comma-separated: sast, secrets, deps.")] = None,
    fail_on: FailOn = "high",
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report only findings not in this baseline.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option("--write-baseline", help="Write the current findings as a baseline.")
    ] = None,
    staged: Staged = False,
    diff: Diff = None,
    out: Out = None,
    all_files: AllFiles = False,
) -> None:
    """Scan a local folder with the same pipeline as the server (no server needed).

    In a git work tree, files git ignores (.gitignore) are skipped unless --all-files is given.
    """
    run_check(path, mode=mode, fmt=fmt, only=only, fail_on=fail_on, baseline=baseline,
              write_baseline=write_baseline, staged=staged, diff=diff, out=out, all_files=all_files)  # fmt: skip


def secrets_command(
    path: PathArg = Path("."),
    fmt: Format = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="Exit 1 at or above this severity.")] = "low",
    staged: Staged = False,
    diff: Diff = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Report only findings not in this baseline.")
    ] = None,
    out: Out = None,
    all_files: AllFiles = False,
    history: Annotated[
        bool,
        typer.Option("--history", help="Also scan every commit of the current branch for deleted secrets."),
    ] = False,
) -> None:
    """Secrets only: the shortcut for pre-commit hooks (exit 1 on any secret by default)."""
    run_check(path, mode="fast", fmt=fmt, only="secrets", fail_on=fail_on, baseline=baseline,
              write_baseline=None, staged=staged, diff=diff, out=out, all_files=all_files, history=history)  # fmt: skip
