from __future__ import annotations

import os
from pathlib import Path

from ridgeline.workspace.walker import WalkStats, walk


def test_walk_skips_symlinks_binaries_large_files_and_git(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("print(1)\n")
    (tmp_path / "b.txt").write_text("hello\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00binary")
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n")
    os.symlink("/etc/passwd", tmp_path / "passwd")
    os.symlink("../..", tmp_path / "src" / "up")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("do not read\n")
    os.symlink(outside, tmp_path / "linked-dir")
    os.mkfifo(tmp_path / "fifo")

    stats = WalkStats()
    paths = [f.path for f in walk(tmp_path, max_file_bytes=1000, stats=stats)]
    assert paths == ["b.txt", "src/a.py"]
    assert stats.files == 2
    assert stats.skipped == {"symlink": 3, "binary": 1, "too_large": 1, "special": 1}


def test_read_refuses_a_file_swapped_for_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("fine\n")
    [source] = list(walk(tmp_path, max_file_bytes=1000))
    (tmp_path / "a.txt").unlink()
    os.symlink("/etc/passwd", tmp_path / "a.txt")
    try:
        source.read_bytes()
    except OSError:
        return
    raise AssertionError("followed a symlink")


def test_large_limit_admits_chosen_files_only(tmp_path: Path) -> None:
    (tmp_path / "package-lock.json").write_text("{" + " " * 3000 + "}")
    (tmp_path / "big.js").write_text("x" * 3000)
    (tmp_path / "huge-lock.json").write_text("x" * 9000)
    stats = WalkStats()
    chosen = (5000, lambda path: path.endswith("lock.json"))
    paths = [f.path for f in walk(tmp_path, max_file_bytes=1000, stats=stats, large_limit=chosen)]
    assert paths == ["package-lock.json"]
    assert stats.skipped == {"too_large": 2}
