"""ruff lint and format, as CI runs them (DESIGN.md, style)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _ruff() -> list[str]:
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("ruff is not installed in the test environment (it is a test dependency)")
    return [exe]


def test_ruff_lint() -> None:
    result = subprocess.run([*_ruff(), "check", "src", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = subprocess.run(
        [*_ruff(), "format", "--check", "src", "tests"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_on_domain_wire_services() -> None:
    """DESIGN.md: mypy strict on the pure and business layers."""
    exe = shutil.which("mypy", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("mypy is not installed in the test environment (it is a test dependency)")
    result = subprocess.run(
        [exe, "--strict", "--no-incremental", "src/ridgeline/domain", "src/ridgeline/wire", "src/ridgeline/services"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
