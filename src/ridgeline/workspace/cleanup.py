"""Removing a workspace, however deep or strange the tree a repository put in it.

``shutil.rmtree`` and ``os.walk`` recurse in Python and fail on a repository of a few thousand
nested folders; these walk with an explicit stack, never follow symlinks, and make unreadable
folders writable before emptying them.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)


def tree_size(root: Path) -> int:
    """Bytes of regular files under ``root`` (symlinks counted as themselves, never followed)."""
    total = 0
    stack = [str(root)]
    while stack:
        directory = stack.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if stat.S_ISDIR(info.st_mode):
                stack.append(entry.path)
            else:
                total += info.st_size
    return total


def remove_tree(root: Path) -> bool:
    """Delete ``root`` and everything below it; True when nothing is left."""
    if not os.path.lexists(root):
        return True
    if os.path.islink(root) or not os.path.isdir(root):
        os.unlink(root)
        return True
    # Post-order without recursion: a directory is removed after its children.
    stack: list[tuple[str, bool]] = [(str(root), False)]
    while stack:
        directory, emptied = stack.pop()
        if emptied:
            try:
                os.rmdir(directory)
            except OSError as exc:
                log.debug("could not remove a workspace folder: %s", exc.strerror)
            continue
        try:
            os.chmod(directory, 0o700)
            entries = list(os.scandir(directory))
        except OSError as exc:
            log.debug("could not list a workspace folder: %s", exc.strerror)
            continue
        stack.append((directory, True))
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, False))
                else:
                    os.unlink(entry.path)
            except OSError as exc:
                log.debug("could not remove a workspace file: %s", exc.strerror)
    if os.path.lexists(root):
        # Paths longer than PATH_MAX (a few thousand nested folders) defeat path-based calls;
        # GNU rm walks with directory file descriptors and removes them.
        subprocess.run(
            ["rm", "-rf", "--one-file-system", "--", str(root)],
            stdin=subprocess.DEVNULL, capture_output=True, timeout=600, check=False,
        )  # fmt: skip
    left = os.path.lexists(root)
    if left:
        log.error("a workspace could not be removed completely")
    return not left
