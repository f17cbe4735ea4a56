from __future__ import annotations

import os
import sys
from pathlib import Path

from ridgeline.workspace.cleanup import remove_tree, tree_size
from ridgeline.workspace.walker import walk

DEPTH = sys.getrecursionlimit() + 200


def make_deep(root: Path, depth: int) -> Path:
    """``depth`` nested folders, made one level at a time (pathlib and os.makedirs recurse)."""
    leaf = root
    leaf.mkdir(parents=True, exist_ok=True)
    for _ in range(depth):
        leaf = leaf / "d"
        os.mkdir(leaf)
    return leaf


def _deep(root: Path) -> Path:
    leaf = make_deep(root, DEPTH)
    (leaf / "deep.py").write_text("x = 1\n")
    os.chmod(root / "d", 0o500)  # a read-only folder must not stop the removal
    return leaf


def test_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    try:
        _check_deep_tree(root)
    finally:
        remove_tree(root)  # pytest's own clean-up of tmp_path recurses and would fail


def _check_deep_tree(root: Path) -> None:
    _deep(root)
    (root / "link").symlink_to("/etc")
    assert tree_size(root) == len("x = 1\n") + len("/etc")
    assert [f.path.count("/") for f in walk(root, max_file_bytes=100)] == [DEPTH]
    assert remove_tree(root)
    assert not root.exists()
    assert Path("/etc/passwd").exists()  # the symlink was removed, never followed


def test_paths_longer_than_path_max_are_removed(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    leaf = root
    leaf.mkdir()
    fd = os.open(leaf, os.O_RDONLY)
    try:
        for _ in range(2500):  # 2 × 2500 characters: beyond PATH_MAX (4096)
            os.mkdir("d", dir_fd=fd)
            inner = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        with open(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fd), "w") as handle:
            handle.write("x\n")
    finally:
        os.close(fd)
    assert remove_tree(root)
    assert not root.exists()
