"""The whole path: POST over HTTP → git clone from a loopback git host → secrets → stored report."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.support.server import RidgelineServer

pytestmark = pytest.mark.e2e

SETTINGS_PY = """\
import os

DEBUG = False
ALLOWED_HOSTS = ["example.org"]
DATABASE_URL = os.environ["DATABASE_URL"]

STRIPE_KEY = "{secret}"
"""


def _all_bytes_under(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_scan_finds_planted_secret_and_never_stores_plaintext(
    ridgeline: RidgelineServer, scan_key: str, publish, random_stripe_key: str
) -> None:
    sha = publish(
        "acme/webapp",
        {
            "README.md": "# webapp\n",
            "app/settings.py": SETTINGS_PY.format(secret=random_stripe_key),
            "app/__init__.py": "",
        },
    )
    headers = {"x-api-key": scan_key}
    response = httpx.post(
        f"{ridgeline.url}/api/static/scan",
        json={"repository_name": "acme/webapp", "branch_name": "main"},
        headers=headers,
        timeout=30,
    )
    assert response.status_code == 200, response.text
    accepted = response.json()
    assert accepted["success"] is True
    scan_id = accepted["scan_id"]

    result = ridgeline.wait_finished(scan_key, scan_id)
    assert result["status"] == "completed", result
    assert result["commit_sha"] == sha
    assert result["scan_date"].endswith("+00:00")
    assert result["summary"] == {"critical": 1, "high": 0, "medium": 0, "low": 0, "total": 1}
    [finding] = result["vulnerabilities"]
    redacted = f"{random_stripe_key[:4]}…{random_stripe_key[-4:]}"
    assert finding["rule_id"] == "stripe-live-secret-key"
    assert finding["file"] == "app/settings.py"
    assert finding["line"] == 7
    assert finding["column"] == 15
    assert finding["severity"] == "critical"
    assert finding["level"] == "error"
    assert finding["category"] == "secret"
    assert finding["cwe"] == "CWE-798"
    assert finding["snippet"] == f'STRIPE_KEY = "{redacted}"'
    runs = {run["name"]: run for run in result["analyzers"]}
    assert set(runs) == {"secrets", "deps", "sast"}
    assert runs["sast"]["status"] == "skipped" and runs["sast"]["reason"]
    assert runs["secrets"]["status"] == "succeeded"
    assert runs["secrets"]["files"] == 3
    assert runs["deps"]["status"] == "succeeded" and runs["deps"]["files"] == 0  # no lockfiles here

    bodies = [response.text]
    for fmt in ("json", "md", "sarif"):
        r = httpx.get(
            f"{ridgeline.url}/api/static/scan", params={"scan_id": scan_id, "format": fmt}, headers=headers
        )
        assert r.status_code == 200
        bodies.append(r.text)
    md = httpx.get(
        f"{ridgeline.url}/api/static/scan", params={"scan_id": scan_id, "format": "md"}, headers=headers
    ).json()
    assert "vulnerabilities" not in md
    assert "app/settings.py:7" in md["markdown"]
    assert redacted in md["markdown"]

    secret = random_stripe_key.encode()
    for body in bodies:
        assert random_stripe_key not in body
    assert secret not in _all_bytes_under(ridgeline.data_dir), "plaintext secret reached the data directory"
    assert random_stripe_key not in ridgeline.log(), "plaintext secret reached the server log"


def test_cli_run_waits_and_prints_markdown(ridgeline: RidgelineServer, scan_key: str, publish) -> None:
    publish("acme/cli-demo", {"deploy.sh": "export GITLAB_TOKEN=glpat-QpghLfl41qrccyCKv--v\n"})
    result = ridgeline.cli(
        "run", "-r", "acme/cli-demo", "-b", "main", "--api-url", ridgeline.url, "-k", scan_key, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "# Ridgeline scan report: acme/cli-demo @ main" in result.stdout
    assert "deploy.sh:1" in result.stdout
    assert "glpat-QpghLfl41qrccyCKv--v" not in result.stdout
    assert "Scan id:" in result.stderr

    scan_id = result.stderr.split("Scan id:")[1].split()[0]
    fetched = ridgeline.cli("get", scan_id, "--format", "json", "--api-url", ridgeline.url, "-k", scan_key)
    assert '"status": "completed"' in fetched.stdout


def test_cli_exit_codes(ridgeline: RidgelineServer, scan_key: str, publish) -> None:
    missing = ridgeline.cli(
        "get", "00000000-0000-4000-8000-000000000000", "--api-url", ridgeline.url, "-k", scan_key, check=False
    )
    assert missing.returncode == 2
    assert "Scan not found." in missing.stderr
    bad_key = ridgeline.cli(
        "run", "-r", "acme/none", "-b", "main", "--api-url", ridgeline.url, "-k", "rdgl_nope", check=False
    )
    assert bad_key.returncode == 1
    assert "Invalid or inactive API key." in bad_key.stderr


def test_local_provider_scans_repository_folder(ridgeline: RidgelineServer, scan_key: str, publish) -> None:
    publish("acme/local-one", {"a.txt": "nothing here\n"})
    response = httpx.post(
        f"{ridgeline.url}/api/static/scan",
        json={"repository_name": "acme/local-one", "branch_name": "main", "provider": "local"},
        headers={"x-api-key": scan_key},
    )
    assert response.status_code == 200, response.text
    result = ridgeline.wait_finished(scan_key, response.json()["scan_id"])
    assert result["status"] == "completed"
    assert result["summary"]["total"] == 0


def test_plus_mode_finds_a_secret_deleted_from_the_branch(ridgeline: RidgelineServer, scan_key: str,
                                                          git_root: Path, tmp_path: Path) -> None:  # fmt: skip
    from tests.support.repos import git, make_bare_copy, make_repo

    key = "AKIAQ2LNOPRSTUVWX4YZ"
    work = tmp_path / "history"
    introduced = make_repo(
        work, {"deploy/creds.sh": f"export AWS_ACCESS_KEY_ID={key}\n", "app.py": "x = 1\n"}
    )
    (work / "deploy" / "creds.sh").write_text("export AWS_ACCESS_KEY_ID=$FROM_VAULT\n")
    make_repo(work, {"app.py": "x = 2\n"}, message="remove the key")
    assert "AKIA" not in git(work, "show", "HEAD:deploy/creds.sh")
    make_bare_copy(work, git_root / "acme/history.git")
    headers = {"x-api-key": scan_key}
    results = {}
    for mode in ("fast", "plus"):
        response = httpx.post(
            f"{ridgeline.url}/api/static/scan",
            json={"repository_name": "acme/history", "branch_name": "main", "scan_mode": mode},
            headers=headers,
        )
        results[mode] = ridgeline.wait_finished(scan_key, response.json()["scan_id"])
    assert results["fast"]["vulnerabilities"] == []
    plus = results["plus"]
    assert plus["status"] == "completed", plus
    [finding] = plus["vulnerabilities"]
    assert finding["rule_id"] == "aws-access-key-id"
    assert finding["file"] == "deploy/creds.sh"
    assert finding["commit"] == introduced
    assert finding["in_tip"] is False
    runs = {run["name"]: run for run in plus["analyzers"]}
    assert runs["secrets.history"]["status"] == "succeeded" and runs["secrets.history"]["files"] >= 3
    assert key not in json.dumps(plus)
