"""Golden files for every output format and for the CLI's stdout, on a fixed fixture repository.

Regenerate after an intended change with one command:

    RIDGELINE_UPDATE_GOLDEN=1 scripts/test.sh tests/output/test_golden.py

Times, durations and the version are normalised; everything else must match byte for byte.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "golden-repo"
ADVISORIES = ROOT / "tests" / "fixtures" / "advisories"
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("RIDGELINE_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    data = tmp_path_factory.mktemp("golden-data")
    environment = {**os.environ, "RIDGELINE_DATA_DIR": str(data), "NO_COLOR": "1"}
    subprocess.run(
        [sys.executable, "-m", "ridgeline", "advisories", "import", str(ADVISORIES)],
        env=environment, check=True, capture_output=True,
    )  # fmt: skip
    return environment


def normalise(text: str) -> str:
    from ridgeline import __version__

    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", "<DATE>", text)
    text = re.sub(r'"duration_ms": \d+', '"duration_ms": 0', text)
    text = re.sub(r"\| \d+ ms \|", "| 0 ms |", text)
    return text.replace(f'"{__version__}"', '"<VERSION>"')


@pytest.mark.parametrize(("fmt", "name"), [("text", "check.txt"), ("json", "check.json"), ("md", "check.md"),
                                           ("sarif", "check.sarif")])  # fmt: skip
def test_check_output_matches_golden(env: dict[str, str], fmt: str, name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ridgeline", "check", str(FIXTURE), "--format", fmt, "--fail-on", "critical"],
        env=env, capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr  # critical findings present
    actual = normalise(result.stdout)
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), (
        f"missing golden file {name}: run RIDGELINE_UPDATE_GOLDEN=1 scripts/test.sh {__file__}"
    )
    assert actual == path.read_text(encoding="utf-8")


def test_golden_files_carry_no_plaintext_secret() -> None:
    for path in GOLDEN.iterdir():
        text = path.read_text(encoding="utf-8")
        for secret in (
            "AKIAQ2LNOPRSTUVWX4YZ",
            "sk_live_vRQFPBnUmQSI7cseZMl8kLx5",
            "lgJKjvXwyYIzHd6ssldxeTwl",
        ):
            assert secret not in text, (path.name, secret)
