"""``ridgeline advisories import/status/sync`` and the light client side."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ridgeline.cli.main import app
from tests.support.advisories import advisory_bundle

ADVISORIES = advisory_bundle() or Path("/nonexistent/shared/advisories")


def test_import_then_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RIDGELINE_DATA_DIR", str(tmp_path))
    runner = CliRunner()
    before = runner.invoke(app, ["advisories", "status"])
    assert before.exit_code == 0 and "0 advisories" in before.output and "advisories import" in before.output
    imported = runner.invoke(app, ["advisories", "import", str(ADVISORIES / "crates.io")])
    assert imported.exit_code == 0, imported.output
    assert "Imported 1206 advisories" in imported.output
    after = runner.invoke(app, ["advisories", "status"])
    assert "1206 advisories" in after.output and "crates.io" in after.output
    missing = runner.invoke(app, ["advisories", "import", str(tmp_path / "nope")])
    assert missing.exit_code == 2


def test_sync_uses_the_configured_export_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.vulndb.osv_server import OsvData, serve

    data = OsvData()
    data.add_folder(ADVISORIES / "npm", "npm")
    monkeypatch.setenv("RIDGELINE_DATA_DIR", str(tmp_path))
    with serve(data) as base:
        monkeypatch.setenv("RIDGELINE_OSV_EXPORT_URL", base)
        runner = CliRunner()
        first = runner.invoke(app, ["advisories", "sync", "--ecosystem", "npm"])
        second = runner.invoke(app, ["advisories", "sync", "-e", "npm"])
    assert first.exit_code == 0 and "npm: imported 469" in first.output
    assert second.exit_code == 0 and "npm: unchanged" in second.output


def test_cli_import_stays_light() -> None:
    code = (
        "import sys, ridgeline.cli.main; "
        "prefixes = ('ridgeline.vulndb', 'ridgeline.analyzers.deps', 'yaml', 'cvss'); "
        "heavy = [m for m in sys.modules if m.startswith(prefixes)]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
