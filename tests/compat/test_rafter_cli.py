"""The official Rafter CLI (``rafter-cli`` from PyPI, written by others) against the live server.

It has no base-URL option, so the test process points its API base constant at our server before
running its command-line app; everything else is the released client, unchanged.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.server import RidgelineServer

pytest.importorskip("rafter_cli", reason="rafter-cli is a test dependency: pip install -e '.[test]'")

LAUNCH = (
    "import sys; import rafter_cli.utils.api as api; api.API_BASE = sys.argv.pop(1); "
    "from rafter_cli.__main__ import app; sys.argv[0] = 'rafter'; app()"
)


def rafter(server: RidgelineServer, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", LAUNCH, f"{server.url}/api/", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=home,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rafter-home")


@pytest.fixture(scope="module")
def repo(publish) -> str:
    publish(
        "acme/rafter-compat",
        {"config/prod.env": "SLACK_BOT_TOKEN=xoxb-917147374834-7761013415570-aLGEJGUuMWGhuW0U76AWxQFO\n"},
    )
    return "acme/rafter-compat"


def test_rafter_run_waits_and_prints_markdown(ridgeline: RidgelineServer, scan_key: str, home: Path,
                                              repo: str) -> None:  # fmt: skip
    result = rafter(ridgeline, home, "run", "-r", repo, "-b", "main", "-k", scan_key, "--format", "md")
    assert result.returncode == 0, result.stderr
    assert "config/prod.env:1" in result.stdout
    assert "slack-bot-token" in result.stdout
    assert "aLGEJGUuMWGhuW0U76AWxQFO" not in result.stdout


def test_rafter_run_json_then_get(ridgeline: RidgelineServer, scan_key: str, home: Path, repo: str) -> None:
    started = rafter(ridgeline, home, "run", "-r", repo, "-b", "main", "-k", scan_key, "--skip-interactive")
    assert started.returncode == 0, started.stderr
    scan_id = started.stderr.split("Scan ID:")[1].split()[0]
    ridgeline.wait_finished(scan_key, scan_id)
    fetched = rafter(ridgeline, home, "get", scan_id, "-k", scan_key, "--format", "json")
    assert fetched.returncode == 0, fetched.stderr
    body = json.loads(fetched.stdout)
    assert body["status"] == "completed"
    assert body["vulnerabilities"][0]["rule_id"] == "slack-bot-token"


def test_rafter_get_unknown_scan_exits_2(ridgeline: RidgelineServer, scan_key: str, home: Path) -> None:
    result = rafter(ridgeline, home, "get", "00000000-0000-4000-8000-000000000000", "-k", scan_key)
    assert result.returncode == 2, result.stderr


def test_rafter_usage(ridgeline: RidgelineServer, scan_key: str, home: Path) -> None:
    result = rafter(ridgeline, home, "usage", "-k", scan_key)
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout)["quota"]) >= {
        "fast",
        "plus",
        "can_scan",
        "remaining_scans",
        "reset_date",
    }


def test_rafter_quota_exhausted_exits_3(ridgeline: RidgelineServer, home: Path, repo: str) -> None:
    ridgeline.cli("admin", "plan", "set", "no-plus", "--fast", "10", "--plus", "0")
    ridgeline.cli("admin", "account", "create", "rafter-quota", "--plan", "no-plus")
    key = ridgeline.cli("admin", "key", "create", "--account", "rafter-quota").stdout.strip()
    result = rafter(ridgeline, home, "run", "-r", repo, "-b", "main", "-k", key, "--mode", "plus", "--yes")
    assert result.returncode == 3, result.stderr
    assert "Plus scan limit reached (0/0" in result.stderr


def test_rafter_read_only_key_exits_4(
    ridgeline: RidgelineServer, read_key: str, home: Path, repo: str
) -> None:
    result = rafter(ridgeline, home, "run", "-r", repo, "-b", "main", "-k", read_key)
    assert result.returncode == 4, result.stderr
    assert "read access" in result.stderr
