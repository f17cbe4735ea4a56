"""Where results go: stdout or --out, in md, json or sarif; everything else on stderr."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest

from tests.cli.conftest import Cli
from tests.support.server import RidgelineServer

pytestmark = pytest.mark.e2e

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


@pytest.fixture(scope="module")
def repo(publish) -> str:
    publish("acme/cli-output", {"config/prod.env": "GITLAB_TOKEN=glpat-QpghLfl41qrccyCKv--v\n"})
    return "acme/cli-output"


@pytest.fixture(scope="module")
def finished_scan(ridgeline: RidgelineServer, scan_key: str, repo: str) -> str:
    response = httpx.post(
        f"{ridgeline.url}/api/static/scan",
        json={"repository_name": repo, "branch_name": "main"},
        headers={"x-api-key": scan_key},
        timeout=30,
    )
    scan_id = response.json()["scan_id"]
    assert ridgeline.wait_finished(scan_key, scan_id)["status"] == "completed"
    return scan_id


def _server_body(server: RidgelineServer, key: str, scan_id: str, fmt: str) -> dict:
    return httpx.get(
        f"{server.url}/api/static/scan",
        params={"scan_id": scan_id, "format": fmt},
        headers={"x-api-key": key},
    ).json()


def test_run_formats_and_out(cli: Cli, ridgeline: RidgelineServer, scan_key: str, repo: str,
                             tmp_path: Path) -> None:  # fmt: skip
    base = ("run", "-r", repo, "-b", "main", "--api-url", ridgeline.url, "-k", scan_key)
    md = cli(*base)
    assert md.returncode == 0, md.stderr
    scan_id = md.stderr.split("Scan id:")[1].split()[0]
    assert md.stdout.rstrip("\n") == _server_body(ridgeline, scan_key, scan_id, "md")["markdown"].rstrip("\n")
    assert "Status: " in md.stderr and "Scan completed in" in md.stderr  # non-terminal: one line each

    as_json = cli(*base, "-f", "json")
    body = json.loads(as_json.stdout)
    assert body["status"] == "completed" and body["vulnerabilities"][0]["file"] == "config/prod.env"

    out = tmp_path / "report.sarif"
    sarif = cli(*base, "-f", "sarif", "--out", str(out))
    assert sarif.returncode == 0, sarif.stderr
    assert sarif.stdout == ""
    assert f"Results written to {out}" in sarif.stderr
    log = json.loads(out.read_text())
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"][0]["ruleId"] == body["vulnerabilities"][0]["rule_id"]

    quiet = cli(*base, "--quiet", "-f", "json")
    assert quiet.returncode == 0
    assert quiet.stderr == ""
    assert json.loads(quiet.stdout)["status"] == "completed"


def test_skip_interactive(cli: Cli, ridgeline: RidgelineServer, scan_key: str, repo: str) -> None:
    base = ("run", "-r", repo, "-b", "main", "--api-url", ridgeline.url, "-k", scan_key, "--skip-interactive")
    as_json = cli(*base, "--format", "json")
    assert as_json.returncode == 0, as_json.stderr
    started = json.loads(as_json.stdout)
    assert list(started) == ["scan_id"] and UUID.match(started["scan_id"])
    assert f"Scan id: {started['scan_id']}" in as_json.stderr

    bare = cli(*base)
    assert UUID.match(bare.stdout.strip())
    assert bare.stdout.strip() in bare.stderr

    quiet = cli(*base, "--quiet")
    assert UUID.match(quiet.stdout.strip()) and quiet.stderr == ""


def test_get_formats_and_out(cli: Cli, ridgeline: RidgelineServer, scan_key: str, finished_scan: str,
                             tmp_path: Path) -> None:  # fmt: skip
    base = ("get", finished_scan, "--api-url", ridgeline.url, "-k", scan_key)
    md = cli(*base)
    assert md.returncode == 0, md.stderr
    assert md.stdout.rstrip("\n") == _server_body(ridgeline, scan_key, finished_scan, "md")[
        "markdown"
    ].rstrip("\n")
    assert json.loads(cli(*base, "-f", "json").stdout) == _server_body(
        ridgeline, scan_key, finished_scan, "json"
    )
    sarif = cli(*base, "--format", "sarif")
    assert json.loads(sarif.stdout) == _server_body(ridgeline, scan_key, finished_scan, "sarif")

    out = tmp_path / "nested" / "report.md"
    missing_folder = cli(*base, "--out", str(out))
    assert missing_folder.returncode == 1
    assert f"cannot write {out}" in missing_folder.stderr
    out.parent.mkdir()
    written = cli(*base, "--out", str(out), "--interactive")
    assert written.returncode == 0 and written.stdout == ""
    assert out.read_text() == md.stdout


def test_bad_choices_are_refused(cli: Cli) -> None:
    for args in (("-f", "xml"), ("-m", "slow"), ("--fail-on", "severe")):
        result = cli("run", "-r", "a/b", "-b", "main", "-k", "k", *args)
        assert result.returncode == 1
        assert "must be one of" in result.stderr


def test_live_progress_on_a_terminal(cli: Cli, ridgeline: RidgelineServer, scan_key: str, repo: str,
                                     tmp_path: Path) -> None:  # fmt: skip
    pty = pytest.importorskip("pty")
    import os
    import subprocess
    import sys

    out = tmp_path / "report.json"
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "ridgeline", "run", "-r", repo, "-b", "main", "--api-url", ridgeline.url,
         "-k", scan_key, "-f", "json", "--out", str(out)],
        stdin=secondary, stdout=secondary, stderr=secondary, cwd=cli.cwd, env={**cli.env, "TERM": "xterm"},
    )  # fmt: skip
    os.close(secondary)
    screen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    os.close(primary)
    assert process.wait(timeout=120) == 0
    text = screen.decode("utf-8", "replace")
    scan_id = json.loads(out.read_text())["scan_id"]
    assert f"Scan {scan_id}: completed · " in text  # the rich status line, redrawn in place
    assert "\r" in text and "Status: " not in text  # not the line-per-change output of pipes
    assert "Scan completed in" in text
