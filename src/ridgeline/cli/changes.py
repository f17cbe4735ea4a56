"""What changed in a git working tree: files and line ranges for ``--staged`` and ``--diff REF``."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    pass


# The folder being checked may carry a hostile .git/config: nothing git runs on our behalf may come
# from it. These settings switch off every configured command git would otherwise run for the
# read-only operations used here; filter and diff drivers are neutralised by name below.
_SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.untrackedCache=false",
    "diff.external=",
    "credential.helper=",
    "protocol.allow=never",
)
_DRIVER_KEY = re.compile(r"^(filter\.[^\n]+\.(?:clean|smudge|process)|diff\.[^\n]+\.(?:command|textconv))$")


def _environment() -> dict[str, str]:
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_PAGER": "cat",
        "GIT_EXTERNAL_DIFF": "",
        "LC_ALL": "C",
    }


def _decode(data: bytes) -> str:
    """Bytes from git as the str that ``os.scandir`` would give for the same names (no newline
    translation: a name may contain a carriage return)."""
    return data.decode("utf-8", "surrogateescape")


def _run(
    root: Path, args: list[str], overrides: list[str], stdin: bytes | None = None
) -> tuple[int, str, str]:
    argv = ["git", "-C", str(root)]
    for setting in overrides:
        argv += ["-c", setting]
    result = subprocess.run(
        [*argv, *args], input=stdin, capture_output=True, timeout=120, check=False, env=_environment()
    )
    return result.returncode, _decode(result.stdout), result.stderr.decode("utf-8", "replace")


def _driver_overrides(root: Path) -> list[str]:
    """Empty every filter/diff driver command the repository configures (reading config runs nothing)."""
    _status, listed, _err = _run(root, ["config", "--name-only", "--list", "-z"], list(_SAFE_CONFIG))
    names = {name.strip() for name in listed.split("\0") if name.strip()}
    return [f"{name}=" for name in sorted(names) if _DRIVER_KEY.match(name)]


def _git(root: Path, *args: str, stdin: bytes | None = None) -> str:
    status, out, err = _run(root, list(args), [*_SAFE_CONFIG, *_driver_overrides(root)], stdin)
    if status != 0:
        detail = err.strip().splitlines()[-1] if err.strip() else "git failed"
        raise GitError(detail.removeprefix("fatal: "))
    return out


@dataclass(slots=True)
class ChangeSet:
    """Changed files and, per file, the added or modified line numbers (new side)."""

    lines: dict[str, set[int]] = field(default_factory=dict)

    def includes_file(self, path: str) -> bool:
        return path in self.lines

    def includes(self, path: str, start: int, end: int) -> bool:
        changed = self.lines.get(path)
        if changed is None:
            return False
        return any(line in changed for line in range(start, max(start, end) + 1))


def hunk_lines(patch: str) -> set[int]:
    """Added or modified line numbers (new side) of one file's ``-U0`` patch."""
    lines: set[int] = set()
    for line in patch.split("\n"):
        match = _HUNK.match(line)
        if match:
            start, count = int(match.group(1)), int(match.group(2) or 1)
            lines.update(range(start, start + count))
    return lines


_DIFF_ARGS = ("diff", "--no-color", "--no-ext-diff", "--no-textconv", "--diff-filter=ACMR")


def _changes(root: Path, *selector: str) -> ChangeSet:
    """Exact names from ``--name-only -z`` (patch headers quote and tab-terminate odd names), then
    each file's hunks; the patch lists files in the same order as the names."""
    names = [n for n in _git(root, *_DIFF_ARGS, "--name-only", "-z", *selector, "--").split("\0") if n]
    patch = _git(root, *_DIFF_ARGS, "-U0", *selector, "--")
    sections = [s for s in ("\n" + patch).split("\ndiff --git ") if s.strip()]
    changes = ChangeSet()
    if len(sections) == len(names):
        for name, section in zip(names, sections, strict=True):
            changes.lines[name] = hunk_lines(section)
        return changes
    for name in names:  # odd output: ask file by file
        changes.lines[name] = hunk_lines(_git(root, *_DIFF_ARGS, "-U0", *selector, "--", name))
    return changes


def staged_changes(root: Path) -> ChangeSet:
    return _changes(root, "--cached")


def diff_changes(root: Path, ref: str) -> ChangeSet:
    if ref.startswith("-"):
        raise GitError("REF must not start with '-'")
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"{ref!r} is not a commit in this repository") from None
    changes = _changes(root, ref)
    for name in _git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0"):
        if name:  # untracked files are new: every line counts
            changes.lines[name] = set(range(1, 10**7))
    return changes


def export_index(root: Path, paths: list[str], destination: Path) -> None:
    """Write the staged (index) version of ``paths`` under ``destination`` (no smudge filters)."""
    if paths:
        names = b"\0".join(p.encode("utf-8", "surrogateescape") for p in paths)
        _git(root, "checkout-index", f"--prefix={destination}/", "-z", "--stdin", stdin=names)


def current_branch(root: Path) -> str:
    try:
        return _git(root, "symbolic-ref", "--short", "-q", "HEAD").strip()
    except GitError:
        return ""


def head_commit(root: Path) -> str:
    try:
        return _git(root, "rev-parse", "-q", "--verify", "HEAD").strip()
    except GitError:
        return ""


def is_work_tree_top(root: Path) -> bool:
    try:
        top = _git(root, "rev-parse", "--show-toplevel").strip()
    except GitError:
        return False
    return Path(top).resolve() == root.resolve()


def tracked_and_unignored(root: Path) -> set[str] | None:
    """Files git would consider part of the work tree (tracked, or untracked but not ignored);
    None when ``root`` is not the top of a git work tree."""
    if not is_work_tree_top(root):
        return None
    listed = _git(root, "ls-files", "--cached", "--others", "--exclude-standard", "-z")
    return {name for name in listed.split("\0") if name}
