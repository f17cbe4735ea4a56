"""What changed in a git working tree: files and line ranges for ``--staged`` and ``--diff REF``."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    pass


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"},
    )
    if result.returncode != 0:
        raise GitError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed")
    return result.stdout


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


def parse_unified_diff(diff: str) -> ChangeSet:
    changes = ChangeSet()
    current: str | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            current = target[2:] if target.startswith("b/") else None
            if current is not None:
                changes.lines.setdefault(current, set())
        elif current is not None:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                changes.lines[current].update(range(start, start + count))
    return changes


def staged_changes(root: Path) -> ChangeSet:
    return parse_unified_diff(
        _git(root, "diff", "--cached", "-U0", "--no-color", "--no-ext-diff", "--diff-filter=ACMR")
    )


def diff_changes(root: Path, ref: str) -> ChangeSet:
    if ref.startswith("-"):
        raise GitError("REF must not start with '-'")
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    changes = parse_unified_diff(
        _git(root, "diff", "-U0", "--no-color", "--no-ext-diff", "--diff-filter=ACMR", ref, "--")
    )
    for name in _git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0"):
        if name:  # untracked files are new: every line counts
            changes.lines[name] = set(range(1, 10**7))
    return changes


def export_index(root: Path, paths: list[str], destination: Path) -> None:
    """Write the staged (index) version of ``paths`` under ``destination``."""
    if not paths:
        return
    subprocess.run(
        ["git", "-C", str(root), "checkout-index", f"--prefix={destination}/", "-z", "--stdin"],
        input="\0".join(paths).encode(),
        capture_output=True,
        timeout=120,
        check=True,
    )


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
