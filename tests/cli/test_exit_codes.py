"""Every exit code of CLI.md (0–5), each caused for real against a live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.support.git_http import GitHttpServer
from tests.support.server import RidgelineServer, free_port

pytestmark = pytest.mark.e2e

CLEAN = {"README.md": "# nothing to see\n"}
LEAKY = {"deploy.sh": "export GITLAB_TOKEN=glpat-QpghLfl41qrccyCKv--v\n"}


@pytest.fixture(scope="module")
def clean_repo(publish) -> str:
    publish("acme/cli-clean", CLEAN)
    return "acme/cli-clean"


@pytest.fixture(scope="module")
def leaky_repo(publish) -> str:
    publish("acme/cli-leaky", LEAKY)
    return "acme/cli-leaky"


def _run(cli: Cli, server: RidgelineServer, key: str, *args: str, **kw):  # type: ignore[no-untyped-def]
    return cli("run", "--api-url", server.url, "-k", key, *args, **kw)


def test_exit_0_on_completed_scan(
    cli: Cli, ridgeline: RidgelineServer, scan_key: str, clean_repo: str
) -> None:
    result = _run(cli, ridgeline, scan_key, "-r", clean_repo, "-b", "main")
    assert result.returncode == 0, result.stderr
    assert "# Ridgeline scan report: acme/cli-clean @ main" in result.stdout


def test_findings_alone_do_not_fail_but_fail_on_does(cli: Cli, ridgeline: RidgelineServer, scan_key: str,
                                                     leaky_repo: str) -> None:  # fmt: skip
    plain = _run(cli, ridgeline, scan_key, "-r", leaky_repo, "-b", "main", "-f", "json")
    assert plain.returncode == 0, plain.stderr
    # the secret is critical: at or above high → 1, and the results are still written
    failing = _run(cli, ridgeline, scan_key, "-r", leaky_repo, "-b", "main", "--fail-on", "high")
    assert failing.returncode == 1
    assert "deploy.sh:1" in failing.stdout
    assert "1 finding(s) at or above high" in failing.stderr
    # the scan id from `run` can be checked again with `get --fail-on`
    scan_id = failing.stderr.split("Scan id:")[1].split()[0]
    got = cli(
        "get", scan_id, "--api-url", ridgeline.url, "-k", scan_key, "--fail-on", "critical", "-f", "sarif"
    )
    assert got.returncode == 1
    assert '"version": "2.1.0"' in got.stdout
    clean = _run(cli, ridgeline, scan_key, "-r", "acme/cli-clean", "-b", "main", "--fail-on", "low")
    assert clean.returncode == 0, clean.stderr


def test_exit_1_on_bad_key_and_unreadable_repository(
    cli: Cli, ridgeline: RidgelineServer, scan_key: str
) -> None:
    bad_key = _run(cli, ridgeline, "rdgl_nope", "-r", "acme/cli-clean", "-b", "main")
    assert bad_key.returncode == 1
    assert "Invalid or inactive API key." in bad_key.stderr
    # a 404 on submit is a repository the server cannot read, not a missing scan (2)
    missing = _run(cli, ridgeline, scan_key, "-r", "acme/does-not-exist", "-b", "main")
    assert missing.returncode == 1
    assert "Repository not found or access denied." in missing.stderr
    unreachable = cli(
        "run", "-r", "a/b", "-b", "main", "-k", "k", "--api-url", f"http://127.0.0.1:{free_port()}"
    )
    assert unreachable.returncode == 1
    assert "cannot reach the server" in unreachable.stderr


@pytest.fixture(scope="module")
def small_clone_server(tmp_path_factory: pytest.TempPathFactory,
                       git_host: GitHttpServer) -> Iterator[RidgelineServer]:  # fmt: skip
    server = RidgelineServer(
        tmp_path_factory.mktemp("small-clone") / "data",
        env={"RIDGELINE_GITHUB_URL": git_host.url, "RIDGELINE_CLONE_MAX_BYTES": "2000"},
    ).start()
    try:
        yield server
    finally:
        server.stop()


def test_exit_1_on_failed_scan(cli: Cli, small_clone_server: RidgelineServer, publish) -> None:
    publish("acme/cli-too-big", {"blob.bin": os.urandom(64 * 1024)})
    key = small_clone_server.create_key("acme")
    result = _run(cli, small_clone_server, key, "-r", "acme/cli-too-big", "-b", "main")
    assert result.returncode == 1
    assert "scan failed: The repository exceeds the" in result.stderr
    assert result.stdout == ""


def test_exit_2_on_unknown_scan(cli: Cli, ridgeline: RidgelineServer, scan_key: str) -> None:
    result = cli("get", "00000000-0000-4000-8000-000000000000", "--api-url", ridgeline.url, "-k", scan_key)
    assert result.returncode == 2
    assert "Scan not found." in result.stderr
    waiting = cli("get", "not-a-uuid", "--interactive", "--api-url", ridgeline.url, "-k", scan_key)
    assert waiting.returncode == 2


def test_exit_3_when_quota_is_exhausted(cli: Cli, ridgeline: RidgelineServer, clean_repo: str) -> None:
    ridgeline.cli("admin", "plan", "set", "cli-none", "--fast", "0", "--plus", "0")
    ridgeline.cli("admin", "account", "create", "cli-broke", "--plan", "cli-none")
    key = ridgeline.create_key("cli-broke")
    for mode, label in (("fast", "Fast"), ("plus", "Plus")):
        result = _run(cli, ridgeline, key, "-r", clean_repo, "-b", "main", "-m", mode)
        assert result.returncode == 3, result.stderr
        assert f"You have reached your {label} scan limit for this billing period." in result.stderr


def test_exit_4_when_the_key_cannot_scan(cli: Cli, ridgeline: RidgelineServer, read_key: str,
                                         clean_repo: str) -> None:  # fmt: skip
    result = _run(cli, ridgeline, read_key, "-r", clean_repo, "-b", "main")
    assert result.returncode == 4
    assert "API key does not have scan scope." in result.stderr
    # the same key may still read
    assert cli("usage", "--api-url", ridgeline.url, "-k", read_key).returncode == 0


def test_exit_5_when_a_plus_scan_is_not_confirmed(cli: Cli, tmp_path: Path) -> None:
    config_home = tmp_path / "xdg"
    env = {"XDG_CONFIG_HOME": str(config_home)}
    assert cli("config", "set", "plus_requires_approval", "true", env=env).returncode == 0
    assert (config_home / "ridgeline" / "config.toml").is_file()
    # nothing listens there: 5 (not 1) proves the check comes before any network call
    dead = f"http://127.0.0.1:{free_port()}"
    args = ("run", "-r", "acme/x", "-b", "main", "-m", "plus", "-k", "k", "--api-url", dead)
    refused = cli(*args, env=env)
    assert refused.returncode == 5, refused.stderr
    assert "--yes" in refused.stderr and "RIDGELINE_CONFIRM=1" in refused.stderr
    # fast scans need no confirmation; --yes and RIDGELINE_CONFIRM=1 both confirm
    for extra_args, extra_env in (((), {}), (("--yes",), {}), ((), {"RIDGELINE_CONFIRM": "1"})):
        argv = list(args) + list(extra_args)
        if not extra_args and not extra_env:
            argv[argv.index("plus")] = "fast"
        passed = cli(*argv, env={**env, **extra_env})
        assert passed.returncode == 1, passed.stderr
        assert "cannot reach the server" in passed.stderr
    # without the setting, plus needs nothing
    assert cli(*args, env={"XDG_CONFIG_HOME": str(tmp_path / "empty")}).returncode == 1
