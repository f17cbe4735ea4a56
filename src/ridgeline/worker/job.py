"""One scan job, idempotent: a second run of the same scan replaces nothing it should not.

1. claim the scan (queued → processing) and wipe the stored token in the same commit;
2. clone into a throw-away directory that is always deleted;
3. run the pipeline; store the report and ``completed`` in one transaction.
Failures become ``failed`` with a reason a user can act on; crashes of ours say so.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import logging
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from ridgeline.analyzers.base import AnalysisContext
from ridgeline.analyzers.registry import build_analyzers
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer
from ridgeline.config import Settings
from ridgeline.domain.errors import RidgelineError, ScanFailure
from ridgeline.domain.scan import ScanMode, ScanStatus, ScanTarget
from ridgeline.output.json import report_to_dict
from ridgeline.pipeline.history import with_history
from ridgeline.pipeline.options import analyzer_options
from ridgeline.pipeline.passes import unavailable_passes
from ridgeline.pipeline.runner import run_pipeline
from ridgeline.pipeline.suppression import apply_suppressions
from ridgeline.queue.base import JobDeferred
from ridgeline.services.credentials import linked_token
from ridgeline.services.quotas import refund_scan
from ridgeline.services.token_cipher import TokenCipher
from ridgeline.store.repositories import ScanRepository
from ridgeline.store.tables import utcnow
from ridgeline.workspace.cleanup import remove_tree
from ridgeline.workspace.git import deepen, shallow_clone
from ridgeline.workspace.providers import ProviderRegistry

log = logging.getLogger(__name__)

INTERNAL_FAILURE = (
    "The scan stopped because of an internal error in Ridgeline; it did not count against your quota."
)


@dataclass(frozen=True)
class WorkerRuntime:
    settings: Settings
    sessions: sessionmaker[Session]
    providers: ProviderRegistry
    cipher: TokenCipher
    server_secret: bytes

    @property
    def secret_salt(self) -> bytes:
        return hmac.new(self.server_secret, b"ridgeline secret fingerprint salt", hashlib.sha256).digest()


def run_scan_job(scan_id: str, runtime: WorkerRuntime) -> None:
    with runtime.sessions.begin() as session:
        repo = ScanRepository(session)
        cap = runtime.settings.max_concurrent_scans_per_account
        if not repo.claim(scan_id, (ScanStatus.QUEUED.value,), utcnow(), cap):
            row = repo.get(scan_id)
            if row is not None and row.status == ScanStatus.QUEUED.value:
                raise JobDeferred()  # the account is at its concurrency limit: try again shortly
            return
        row = repo.get(scan_id)
        assert row is not None
        target = ScanTarget(row.provider, row.repository_name, row.branch_name, row.repo_url)
        mode = ScanMode(row.scan_mode)
        token = runtime.cipher.decrypt(row.token_ciphertext) if row.token_ciphertext else None
        if token is None:
            token = linked_token(session, runtime.cipher, row.account_id, row.provider)
        row.token_ciphertext = None
    try:
        report = _scan(target, mode, token, runtime)
        token = None
    except ScanFailure as exc:
        _fail(runtime, scan_id, exc.message, our_fault=exc.our_fault)
        return
    except RidgelineError as exc:
        _fail(runtime, scan_id, exc.message, our_fault=exc.http_status >= 500)
        return
    except Exception:
        log.exception("scan %s crashed", scan_id)
        _fail(runtime, scan_id, INTERNAL_FAILURE, our_fault=True)
        return
    with runtime.sessions.begin() as session:
        row = ScanRepository(session).get(scan_id)
        if row is None:
            return
        row.report = json.dumps(report_to_dict(report), separators=(",", ":"))
        row.commit_sha = report.commit_sha
        row.status = ScanStatus.COMPLETED.value
        row.finished_at = utcnow()
        row.error = None
    log.info("scan %s completed: %d findings", scan_id, len(report.findings))


def _duration(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{int(seconds // 3600)} h"
    if seconds >= 60 and seconds % 60 == 0:
        return f"{int(seconds // 60)} min"
    return f"{seconds:g} s"


def _scan(target: ScanTarget, mode: ScanMode, token: str | None, runtime: WorkerRuntime):  # type: ignore[no-untyped-def]
    settings = runtime.settings
    limit = settings.scan_timeout_plus if mode is ScanMode.PLUS else settings.scan_timeout_fast
    deadline = time.monotonic() + limit

    def over_time() -> ScanFailure:
        return ScanFailure(f"The scan exceeded its {_duration(limit)} time limit ({mode.value} mode).")

    remote = runtime.providers.remote_for(target, token)
    workdir = Path(tempfile.mkdtemp(prefix="ridgeline-scan-"))
    try:
        checkout = workdir / "checkout"
        commit_sha = shallow_clone(
            remote,
            target.branch_name,
            checkout,
            timeout=min(settings.clone_timeout, max(1.0, deadline - time.monotonic())),
            max_bytes=settings.clone_max_bytes,
        )
        ctx = AnalysisContext(root=checkout, mode=mode, secret_salt=runtime.secret_salt)
        analyzers = build_analyzers(options=analyzer_options(settings))
        report = run_pipeline(
            checkout,
            analyzers,
            ctx,
            max_file_bytes=settings.max_file_bytes,
            commit_sha=commit_sha,
            deadline=deadline,
            on_deadline=over_time,
            max_lockfile_bytes=settings.max_lockfile_bytes,
        )
        if mode is ScanMode.PLUS:
            secrets = next(a for a in analyzers if isinstance(a, SecretsAnalyzer))

            def fetch_history() -> None:
                deepen(
                    remote,
                    target.branch_name,
                    checkout,
                    timeout=min(settings.clone_timeout, max(1.0, deadline - time.monotonic())),
                    max_bytes=settings.clone_max_bytes,
                )

            report = with_history(
                report, checkout, secrets, ctx, fetch_history, max_blob_bytes=settings.max_file_bytes
            )
        report = dataclasses.replace(
            report,
            analyzers=report.analyzers
            + tuple(unavailable_passes(mode, {run.name for run in report.analyzers})),
        )
        return apply_suppressions(report, checkout)
    finally:
        remove_tree(workdir)


def _fail(runtime: WorkerRuntime, scan_id: str, reason: str, *, our_fault: bool) -> None:
    with runtime.sessions.begin() as session:
        row = ScanRepository(session).get(scan_id)
        if row is None:
            return
        if our_fault:
            refund_scan(session, row)
        row.status = ScanStatus.FAILED.value
        row.error = reason
        row.finished_at = utcnow()
    log.info("scan %s failed: %s", scan_id, reason)
