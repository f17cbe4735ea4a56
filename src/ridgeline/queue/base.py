"""The JobQueue interface shared by the in-process pool and the distributed (Celery) queue."""

from __future__ import annotations

from typing import Protocol


class JobDeferred(Exception):
    """Raised by a job that cannot start yet (its account has as many scans processing as it may):
    the queue delivers it again later, and the scan stays ``queued``."""


class JobQueue(Protocol):
    def enqueue(self, scan_id: str) -> None:
        """Schedule the scan. Called only after the scan row is committed."""

    def start(self) -> None:
        """Begin running jobs (and pick up jobs whose worker died)."""

    def shutdown(self) -> None:
        """Stop taking jobs and wait for running ones."""

    def healthy(self) -> bool:
        """Whether jobs can be accepted now."""
