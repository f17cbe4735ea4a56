"""Waiting for a scan: Retry-After honoured while polling, transient failures retried, then given up."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.cli.conftest import Cli
from tests.cli.flaky_proxy import DROP, FORWARD, FlakyProxy
from tests.support.git_http import GitHttpServer
from tests.support.server import RidgelineServer, free_port

pytestmark = pytest.mark.e2e

SCAN = "/api/static/scan"
WINDOW_SECONDS = 4


@pytest.fixture(scope="module")
def repo(publish) -> str:
    publish("acme/cli-polling", {"app.py": "print('hello')\n"})
    return "acme/cli-polling"


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory, git_host: GitHttpServer) -> Iterator[RidgelineServer]:
    server = RidgelineServer(
        tmp_path_factory.mktemp("cli-rate") / "data",
        env={"RIDGELINE_GITHUB_URL": git_host.url, "RIDGELINE_RATE_LIMIT": f"2/{WINDOW_SECONDS} seconds"},
    ).start()
    try:
        yield server
    finally:
        server.stop()


def _wait_for_a_fresh_window() -> None:
    time.sleep(WINDOW_SECONDS + 0.5)


def test_429_while_polling_waits_retry_after_and_goes_on(
    cli: Cli, limited: RidgelineServer, repo: str
) -> None:
    key = limited.create_key("acme")
    _wait_for_a_fresh_window()
    # POST and the first poll use the budget of 2; every later poll, and the SARIF fetch after
    # completion, meets a 429 with Retry-After and must wait it out.
    result = cli("run", "-r", repo, "-b", "main", "--api-url", limited.url, "-k", key, "-f", "sarif")
    assert result.returncode == 0, result.stderr
    assert "Rate limited by the server; waiting" in result.stderr
    waited = [float(line.split("waiting ")[1].split(" s")[0]) for line in result.stderr.splitlines()
              if "Rate limited" in line]  # fmt: skip
    assert all(0 < seconds <= WINDOW_SECONDS for seconds in waited)
    assert json.loads(result.stdout)["version"] == "2.1.0"


def test_429_on_submit_is_exit_3(cli: Cli, limited: RidgelineServer, repo: str) -> None:
    key = limited.create_key("acme")
    _wait_for_a_fresh_window()
    for _ in range(2):
        httpx.get(f"{limited.url}/api/static/usage", headers={"x-api-key": key})
    result = cli("run", "-r", repo, "-b", "main", "--api-url", limited.url, "-k", key, "--skip-interactive")
    assert result.returncode == 3, result.stderr
    assert "Rate limit exceeded. Please try again later." in result.stderr


def test_transient_errors_while_polling_are_retried(cli: Cli, ridgeline: RidgelineServer, scan_key: str,
                                                    repo: str) -> None:  # fmt: skip
    # the first reads meet a 503, a dropped connection and a 502, then the server answers
    script = {0: 503, 1: DROP, 2: 502}

    def flaky(method: str, path: str, seen: int) -> str | int:
        return script.get(seen, FORWARD) if (method, path) == ("GET", SCAN) else FORWARD

    with FlakyProxy(ridgeline.url, flaky) as proxy:
        result = cli("run", "-r", repo, "-b", "main", "--api-url", proxy.url, "-k", scan_key, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "completed"
    retries = [line for line in result.stderr.splitlines() if line.startswith("Transient error")]
    assert len(retries) == 3, result.stderr
    assert "HTTP 503: Service temporarily unavailable." in retries[0]
    assert "RemoteProtocolError" in retries[1]


def test_persistent_errors_give_up_with_exit_1(cli: Cli, ridgeline: RidgelineServer, scan_key: str,
                                               repo: str) -> None:  # fmt: skip
    def broken(method: str, path: str, seen: int) -> str | int:
        return 503 if (method, path) == ("GET", SCAN) else FORWARD

    with FlakyProxy(ridgeline.url, broken) as proxy:
        result = cli("run", "-r", repo, "-b", "main", "--api-url", proxy.url, "-k", scan_key)
        reads = sum(1 for r in proxy.requests if r["method"] == "GET")
    assert result.returncode == 1
    scan_id = result.stderr.split("Scan id:")[1].split()[0]
    assert f"Error: could not read scan {scan_id} after 6 attempts (last: HTTP 503" in result.stderr
    assert f"ridgeline get {scan_id}" in result.stderr
    assert reads == 6


def test_unreachable_server_while_waiting_gives_up(cli: Cli) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    result = cli("get", "00000000-0000-4000-8000-000000000000", "--interactive", "--api-url", dead, "-k", "k")
    assert result.returncode == 1
    assert "ConnectError" in result.stderr and "after 6 attempts" in result.stderr
    assert time.monotonic() - started < 30


def test_non_transient_errors_are_not_retried(cli: Cli, ridgeline: RidgelineServer, scan_key: str) -> None:
    with FlakyProxy(ridgeline.url, lambda *_: FORWARD) as proxy:
        result = cli("get", "00000000-0000-4000-8000-000000000000", "--interactive", "--api-url", proxy.url,
                     "-k", scan_key)  # fmt: skip
        assert len(proxy.requests) == 1
    assert result.returncode == 2
