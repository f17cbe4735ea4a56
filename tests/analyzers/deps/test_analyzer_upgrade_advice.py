"""One upgrade that fixes every advisory of a pinned version, against the real advisory bundle."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.advisories import SKIP_REASON, advisory_bundle

BUNDLE = advisory_bundle() or Path("/nonexistent")


@pytest.mark.skipif(advisory_bundle() is None, reason=SKIP_REASON)
def test_every_finding_names_the_version_that_fixes_them_all(tmp_path: Path) -> None:
    env = {**os.environ, "RIDGELINE_DATA_DIR": str(tmp_path / "data")}
    subprocess.run([sys.executable, "-m", "ridgeline", "advisories", "import", str(BUNDLE / "PyPI")],
                   env=env, check=True, capture_output=True)  # fmt: skip
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "requirements.txt").write_text("requests==2.19.0\n")
    result = subprocess.run(
        [sys.executable, "-m", "ridgeline", "check", str(tmp_path / "app"), "--only", "deps", "--format", "json"],
        env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    findings = json.loads(result.stdout)["vulnerabilities"]
    assert len(findings) >= 2
    targets = {f["suggestion"].split(" or later")[0] for f in findings}
    assert targets == {"Upgrade requests to 2.31.0"}, targets
