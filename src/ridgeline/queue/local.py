"""The embedded queue: a pool of worker threads inside the server process.

Scans spend most of their time in git subprocesses and regex matching; a thread pool keeps the
embedded default to one process. On start, scans left queued or processing by a previous run of
this server (the only process using the embedded database) are run again.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from ridgeline.queue.base import JobDeferred

log = logging.getLogger(__name__)


class LocalJobQueue:
    def __init__(self, job: Callable[[str], None], workers: int,
                 recover: Callable[[], list[str]] | None = None) -> None:  # fmt: skip
        self._job = job
        self._workers = max(1, workers)
        self._recover = recover
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self.retry_delay = 2.0

    def start(self) -> None:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="ridgeline-scan")
        if self._recover is not None:
            for scan_id in self._recover():
                log.info("resuming scan %s left unfinished by a previous run", scan_id)
                self.enqueue(scan_id)

    def enqueue(self, scan_id: str) -> None:
        with self._lock:
            if self._pool is None:
                raise RuntimeError("queue not started")
            self._pool.submit(self._run, scan_id)

    def _run(self, scan_id: str) -> None:
        try:
            self._job(scan_id)
        except JobDeferred:
            timer = threading.Timer(self.retry_delay, self._redeliver, args=(scan_id,))
            timer.daemon = True
            timer.start()
        except Exception:
            log.exception("scan job %s crashed", scan_id)

    def _redeliver(self, scan_id: str) -> None:
        try:
            self.enqueue(scan_id)
        except RuntimeError:
            pass  # shutting down: the scan stays queued and is resumed on the next start

    def shutdown(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=False)

    def healthy(self) -> bool:
        return self._pool is not None
