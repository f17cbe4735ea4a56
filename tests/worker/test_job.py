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
from tests.support.repos import git, make_repo


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


def test_crash_of_ours_fails_the_scan_and_gives_the_quota_back(runtime, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A fault inside Ridgeline (simulated by a pipeline that raises) refunds the unit; a repository
    fault (see test_missing_repository_fails_with_reason) does not."""
    from ridgeline.services.quotas import period_of
    from ridgeline.store.repositories import QuotaRepository
    from ridgeline.store.tables import utcnow
    from ridgeline.worker import job

    make_repo(tmp_path / "repos" / "acme" / "crash", {"a.py": "x = 1\n"})
    scan_id = _queue_scan(runtime, "acme/crash")
    account_id = _row(runtime, scan_id).account_id
    period = period_of(utcnow())
    with runtime.sessions.begin() as session:
        assert QuotaRepository(session).used(account_id, "fast", period) == 1

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(job, "run_pipeline", explode)
    run_scan_job(scan_id, runtime=_worker(runtime))
    row = _row(runtime, scan_id)
    assert row.status == "failed"
    assert row.error == job.INTERNAL_FAILURE
    assert "boom" not in row.error
    with runtime.sessions.begin() as session:
        assert QuotaRepository(session).used(account_id, "fast", period) == 0
    # refunds happen once even if the failure is recorded twice
    job._fail(_worker(runtime), scan_id, "again", our_fault=True)
    with runtime.sessions.begin() as session:
        assert QuotaRepository(session).used(account_id, "fast", period) == 0


def test_repository_fault_keeps_the_quota_charged(runtime) -> None:  # type: ignore[no-untyped-def]
    from ridgeline.services.quotas import period_of
    from ridgeline.store.repositories import QuotaRepository
    from ridgeline.store.tables import utcnow

    scan_id = _queue_scan(runtime, "acme/nothing-here")
    run_scan_job(scan_id, runtime=_worker(runtime))
    row = _row(runtime, scan_id)
    assert row.status == "failed"
    with runtime.sessions.begin() as session:
        assert QuotaRepository(session).used(row.account_id, "fast", period_of(utcnow())) == 1


def test_a_repository_nested_deeper_than_the_recursion_limit(runtime, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A hostile tree must neither crash the scan (refunding the quota) nor survive in TMPDIR."""
    import tempfile

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    from ridgeline.workspace.cleanup import remove_tree
    from tests.workspace.test_cleanup import make_deep

    repo = tmp_path / "repos" / "acme" / "deep"
    try:
        (make_deep(repo, 1100) / "deep.py").write_text('KEY = "AKIAQ2LNOPRSTUVWX4YZ"\n')
        make_repo(repo, {"README.md": "deep\n"})
        scan_id = _queue_scan(runtime, "acme/deep")
        run_scan_job(scan_id, runtime=_worker(runtime))
    finally:
        remove_tree(repo / "d")  # pytest's own clean-up of tmp_path recurses and would fail
    row = _row(runtime, scan_id)
    assert row.status == "completed", row.error
    [finding] = json.loads(row.report)["vulnerabilities"]
    assert finding["rule_id"] == "aws-access-key-id" and finding["file"].endswith("/deep.py")
    assert list(scratch.iterdir()) == []


def test_the_embedded_database_is_private(runtime) -> None:  # type: ignore[no-untyped-def]
    import stat

    data_dir = runtime.settings.data_dir
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    for path in data_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name


def test_an_account_at_its_concurrency_limit_waits_queued(runtime, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import threading

    from ridgeline.queue.base import JobDeferred
    from ridgeline.queue.local import LocalJobQueue

    make_repo(tmp_path / "repos" / "acme" / "busy", {"a.py": "x = 1\n"})
    with runtime.sessions.begin() as session:
        account = create_account(session, "busy-co")
        principal = Principal(account.id, 0, "scan")
        ids = [
            record_scan(session, principal, ScanSubmission(ScanTarget("local", "acme/busy", "main"), ScanMode.FAST, None),
                        runtime.cipher).id
            for _ in range(3)
        ]  # fmt: skip
        for scan_id in ids[:2]:  # two already processing: the default cap
            ScanRepository(session).get(scan_id).status = "processing"
    worker = _worker(runtime)
    with pytest.raises(JobDeferred):
        run_scan_job(ids[2], runtime=worker)
    assert _row(runtime, ids[2]).status == "queued"

    # through the queue: redelivered until a slot frees up, then it runs
    done = threading.Event()

    def job(scan_id: str) -> None:
        run_scan_job(scan_id, runtime=worker)
        if _row(runtime, scan_id).status == "completed":
            done.set()

    queue = LocalJobQueue(job, workers=1)
    queue.retry_delay = 0.1
    queue.start()
    try:
        queue.enqueue(ids[2])
        assert not done.wait(0.5)
        with runtime.sessions.begin() as session:
            ScanRepository(session).get(ids[0]).status = "failed"
        assert done.wait(30), "the deferred scan never ran"
    finally:
        queue.shutdown()


def test_gitattributes_cannot_hide_a_file_from_the_scan(runtime, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """working-tree-encoding would turn the file into UTF-16 (then skipped as binary) on checkout."""
    repo = tmp_path / "repos" / "acme" / "enc"
    make_repo(repo, {"a.txt": 'KEY = "AKIAQ2LNOPRSTUVWX4YZ"\n'})  # stored as UTF-8 ...
    (repo / ".gitattributes").write_text("a.txt working-tree-encoding=UTF-16\n")  # ... then re-encoded
    git(repo, "add", ".gitattributes")
    git(repo, "commit", "-q", "-m", "attributes")
    scan_id = _queue_scan(runtime, "acme/enc")
    run_scan_job(scan_id, runtime=_worker(runtime))
    row = _row(runtime, scan_id)
    assert row.status == "completed", row.error
    assert [f["file"] for f in json.loads(row.report)["vulnerabilities"]] == ["a.txt"]
