"""The scan job against a real SQLite store and real git, without the HTTP layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ridgeline.api.runtime import build_runtime
from ridgeline.config import load_settings
from ridgeline.domain.scan import ScanMode, ScanTarget
from ridgeline.services.accounts import create_account
from ridgeline.services.keys import Principal
from ridgeline.services.scans import ScanSubmission, record_scan
from ridgeline.store.repositories import ScanRepository
from ridgeline.worker.job import run_scan_job
from tests.support.repos import make_repo


@pytest.fixture
def runtime(tmp_path: Path):  # type: ignore[no-untyped-def]
    settings = load_settings(
        data_dir=tmp_path / "data", local_repos=tmp_path / "repos", clone_max_bytes=200_000
    )
    (tmp_path / "repos").mkdir()
    return build_runtime(settings)


def _queue_scan(runtime, name: str, token: str | None = None) -> str:  # type: ignore[no-untyped-def]
    with runtime.sessions.begin() as session:
        account = create_account(session, f"acct-{name.replace('/', '-')}")
        submission = ScanSubmission(ScanTarget("local", name, "main"), ScanMode.FAST, token)
        return record_scan(session, Principal(account.id, 0, "scan"), submission, runtime.cipher).id


def _row(runtime, scan_id: str):  # type: ignore[no-untyped-def]
    with runtime.sessions.begin() as session:
        row = ScanRepository(session).get(scan_id)
        session.expunge(row)
        return row


def test_job_completes_and_wipes_the_token(runtime, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sha = make_repo(tmp_path / "repos" / "acme" / "ok", {"a.py": "x = 1\n"})
    scan_id = _queue_scan(runtime, "acme/ok", token="tok-123")
    assert _row(runtime, scan_id).token_ciphertext is not None
    run_scan_job(scan_id, runtime=_worker(runtime))
    row = _row(runtime, scan_id)
    assert row.status == "completed"
    assert row.commit_sha == sha
    assert row.token_ciphertext is None
    assert json.loads(row.report)["summary"]["total"] == 0
    # idempotent: a second delivery of the same job changes nothing
    run_scan_job(scan_id, runtime=_worker(runtime))
    assert _row(runtime, scan_id).report == row.report


def test_missing_repository_fails_with_reason(runtime) -> None:  # type: ignore[no-untyped-def]
    scan_id = _queue_scan(runtime, "acme/gone")
    run_scan_job(scan_id, runtime=_worker(runtime))
    row = _row(runtime, scan_id)
    assert row.status == "failed"
    assert row.error == "Repository not found or access denied."


def test_oversized_repository_fails_with_the_limit(runtime, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os

    make_repo(tmp_path / "repos" / "acme" / "big", {"blob.bin": os.urandom(600_000)})
    scan_id = _queue_scan(runtime, "acme/big")
    run_scan_job(scan_id, runtime=_worker(runtime))
    row = _row(runtime, scan_id)
    assert row.status == "failed"
    assert row.error == "The repository exceeds the 195.3 KiB clone limit."


def _worker(runtime):  # type: ignore[no-untyped-def]
    from ridgeline.worker.job import WorkerRuntime

    return WorkerRuntime(
        runtime.settings, runtime.sessions, runtime.providers, runtime.cipher, runtime.server_secret
    )
