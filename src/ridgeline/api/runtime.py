"""The server's long-lived parts, assembled once from settings (the composition root)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import partial

from limits import parse as parse_rate_limit
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from ridgeline.api.rate_limit import parse_trusted
from ridgeline.config import Settings, ensure_data_dir, server_secret
from ridgeline.domain.errors import ConfigurationError
from ridgeline.queue.base import JobQueue
from ridgeline.services.token_cipher import TokenCipher
from ridgeline.store.database import make_engine, make_session_factory
from ridgeline.store.migrate import upgrade
from ridgeline.store.repositories import ScanRepository
from ridgeline.workspace.git import RemoteRepository, ls_remote_branch
from ridgeline.workspace.providers import HostedProvider, LocalProvider, Provider, ProviderRegistry

log = logging.getLogger(__name__)


def build_providers(settings: Settings) -> ProviderRegistry:
    """Built-in hosts at their configured base URLs, operator-defined ones, and ``local`` if set."""
    try:
        return ProviderRegistry(_providers(settings))
    except ValueError as exc:
        raise ConfigurationError(f"Provider configuration: {exc}") from None


def _providers(settings: Settings) -> list[Provider]:
    extra = settings.allowed_hosts
    providers: list[Provider] = [
        HostedProvider(kind, kind, url, tuple(extra.get(kind, ())))
        for kind, url in (
            ("github", settings.github_url),
            ("gitlab", settings.gitlab_url),
            ("gitea", settings.gitea_url),
            ("bitbucket", settings.bitbucket_url),
        )
    ]
    for name, spec in settings.providers.items():
        providers.append(HostedProvider(name, spec.kind, spec.url, tuple(spec.allowed_hosts)))
    if settings.local_repos is not None:
        providers.append(LocalProvider(settings.local_repos.expanduser()))
    return providers


@dataclass
class ServerRuntime:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    providers: ProviderRegistry
    cipher: TokenCipher
    server_secret: bytes
    queue: JobQueue

    def check_remote(self, remote: RemoteRepository, branch: str) -> None:
        ls_remote_branch(remote, branch, timeout=self.settings.ls_remote_timeout)

    def database_ready(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False


def open_store(settings: Settings) -> tuple[Engine, sessionmaker[Session]]:
    if settings.is_embedded and settings.database_url is None:
        # The database holds key hashes, encrypted tokens and reports: private to this user.
        os.umask(0o077)
        data_dir = ensure_data_dir(settings)
        os.chmod(data_dir, 0o700)
        for name in ("ridgeline.db", "ridgeline.db-wal", "ridgeline.db-shm"):
            if (data_dir / name).exists():
                os.chmod(data_dir / name, 0o600)
    engine = make_engine(settings.effective_database_url)
    return engine, make_session_factory(engine)


def build_runtime(settings: Settings, *, migrate: bool = True) -> ServerRuntime:
    from ridgeline.queue.local import LocalJobQueue
    from ridgeline.worker.job import WorkerRuntime, run_scan_job

    try:
        parse_rate_limit(settings.rate_limit)
        parse_trusted(settings.trusted_proxies)
    except ValueError:
        raise ConfigurationError(
            "RIDGELINE_RATE_LIMIT must look like '100/minute' and RIDGELINE_TRUSTED_PROXIES like "
            "'10.0.0.1,10.1.0.0/16'."
        ) from None
    secret = server_secret(settings)
    engine, sessions = open_store(settings)
    if migrate:
        upgrade(engine)
    providers = build_providers(settings)
    cipher = TokenCipher(secret)
    worker_runtime = WorkerRuntime(settings, sessions, providers, cipher, secret)

    def recover() -> list[str]:
        with sessions.begin() as session:
            repo = ScanRepository(session)
            ids = repo.unfinished_ids()
            for scan_id in ids:
                row = repo.get(scan_id)
                if row is not None and row.status == "processing":
                    row.status = "queued"
        return ids

    queue = LocalJobQueue(partial(run_scan_job, runtime=worker_runtime), settings.workers, recover)
    return ServerRuntime(settings, engine, sessions, providers, cipher, secret, queue)
