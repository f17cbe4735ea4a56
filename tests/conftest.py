"""Shared fixtures: a git smart-HTTP host on loopback and the real Ridgeline server beside it."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.git_http import GitHttpServer
from tests.support.repos import make_bare_copy, make_repo
from tests.support.server import RidgelineServer


@pytest.fixture(scope="session")
def git_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("git-host")


@pytest.fixture(scope="session")
def git_host(git_root: Path) -> Iterator[GitHttpServer]:
    with GitHttpServer(git_root) as server:
        yield server


@pytest.fixture(scope="session")
def publish(git_root: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Publish a repository on the git host: ``publish("owner/repo", {path: content}) -> sha``."""

    def _publish(name: str, files: dict[str, str | bytes], branch: str = "main") -> str:
        work = tmp_path_factory.mktemp("work") / name.replace("/", "__")
        sha = make_repo(work, files, branch=branch)
        make_bare_copy(work, git_root / f"{name}.git")
        return sha

    return _publish


@pytest.fixture(scope="session")
def ridgeline(tmp_path_factory: pytest.TempPathFactory, git_host: GitHttpServer,
              git_root: Path) -> Iterator[RidgelineServer]:  # fmt: skip
    base = tmp_path_factory.mktemp("ridgeline")
    server = RidgelineServer(
        base / "data",
        env={
            "RIDGELINE_GITHUB_URL": git_host.url,
            "RIDGELINE_LOCAL_REPOS": str(git_root),
            # the shared server serves the whole suite from one IP; rate limits have their own servers
            "RIDGELINE_RATE_LIMIT": "100000/minute",
        },
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def scan_key(ridgeline: RidgelineServer) -> str:
    return ridgeline.create_key("acme", "scan")


@pytest.fixture(scope="session")
def read_key(ridgeline: RidgelineServer) -> str:
    return ridgeline.create_key("acme", "read")


@pytest.fixture(scope="session")
def other_key(ridgeline: RidgelineServer) -> str:
    return ridgeline.create_key("globex", "scan")


@pytest.fixture
def random_stripe_key() -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "sk_live_" + "".join(secrets.choice(alphabet) for _ in range(24))
