"""One walk over a checkout.

Symlinks are never followed (a link to ``/etc/passwd`` or ``../..`` is skipped and counted), the
``.git`` folder is not descended into, and files over the size limit or that look binary are
skipped and counted by reason, so the analyzer report can say what was not read.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

_BINARY_SNIFF = 8192
_SKIP_DIRS = frozenset({".git", ".hg", ".svn"})


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A regular file inside the workspace. ``path`` is relative and ``/``-separated."""

    path: str
    absolute: Path
    size: int

    def read_bytes(self) -> bytes:
        # O_NOFOLLOW: if the file was swapped for a symlink after the walk, refuse to open it.
        fd = os.open(self.absolute, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            return handle.read()

    def read_text(self) -> str:
        return self.read_bytes().decode("utf-8", errors="replace")


@dataclass(slots=True)
class WalkStats:
    files: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def looks_binary(head: bytes) -> bool:
    """A NUL byte in the first block is the same test git uses."""
    return b"\x00" in head


def walk(
    root: Path,
    *,
    max_file_bytes: int,
    stats: WalkStats | None = None,
    large_limit: tuple[int, Callable[[str], bool]] | None = None,
) -> Iterator[SourceFile]:
    """Yield every regular, text, size-bounded file under ``root`` in a stable order.

    ``large_limit`` = (bytes, predicate on the relative path) raises the size limit for chosen
    files, e.g. lockfiles, which are routinely larger than source files.
    """
    stats = stats if stats is not None else WalkStats()
    root = root.resolve()
    stack = [root]
    while stack:
        directory = stack.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name, reverse=True)
        except OSError:
            stats.skipped["unreadable"] += 1
            continue
        subdirs: list[Path] = []
        for entry in reversed(entries):
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                stats.skipped["unreadable"] += 1
                continue
            if stat.S_ISLNK(info.st_mode):
                stats.skipped["symlink"] += 1
                continue
            if stat.S_ISDIR(info.st_mode):
                if entry.name not in _SKIP_DIRS:
                    subdirs.append(Path(entry.path))
                continue
            if not stat.S_ISREG(info.st_mode):
                stats.skipped["special"] += 1
                continue
            absolute = Path(entry.path)
            if info.st_size > max_file_bytes:
                relative = absolute.relative_to(root).as_posix()
                if not (large_limit and info.st_size <= large_limit[0] and large_limit[1](relative)):
                    stats.skipped["too_large"] += 1
                    continue
            if _is_binary(absolute):
                stats.skipped["binary"] += 1
                continue
            stats.files += 1
            yield SourceFile(absolute.relative_to(root).as_posix(), absolute, info.st_size)
        stack.extend(reversed(subdirs))


def _is_binary(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return True
    with os.fdopen(fd, "rb") as handle:
        return looks_binary(handle.read(_BINARY_SNIFF))


_VENDOR_DIRS = frozenset(
    {"node_modules", "vendor", "vendors", "third_party", "third-party", "bower_components", "site-packages",
     ".venv", "venv", "Pods", "Carthage", "jspm_packages", "dist-packages"}
)  # fmt: skip
_MINIFIED_SUFFIXES = (".min.js", ".min.css", ".min.mjs", "-min.js", ".bundle.js")
_MINIFIED_LINE = 1000


def is_vendored(path: str) -> bool:
    """Third-party code copied into the repository: not the repository's own weaknesses (SAST)."""
    return any(part in _VENDOR_DIRS for part in path.split("/")[:-1])


def looks_minified(path: str, text: str) -> bool:
    """Minified or bundled code: by name, or by an average line length no person writes."""
    if path.endswith(_MINIFIED_SUFFIXES):
        return True
    if not path.endswith((".js", ".mjs", ".cjs", ".css")) or len(text) < 4 * _MINIFIED_LINE:
        return False
    return len(text) / (text.count("\n") + 1) > _MINIFIED_LINE


def sast_skip_reason(path: str, text: str) -> str | None:
    """Why a SAST analyzer should not look at this file (counted in its report), or None."""
    if is_vendored(path):
        return "vendored"
    if looks_minified(path, text):
        return "minified"
    return None
