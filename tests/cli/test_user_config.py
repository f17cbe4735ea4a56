"""The user config file: written 0600 in a 0700 folder, refused when others can read it, never taken
from the scanned repository, and below flags and environment variables in precedence."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.support.repos import make_repo
from tests.support.server import RidgelineServer, free_port


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_set_writes_0600_and_show_masks_the_key(cli: Cli) -> None:
    key = "rdgl_0123456789abcdefghijklmnopqrstuvwxyz"
    assert cli("config", "set", "api_key", "-", stdin=key + "\n").returncode == 0
    assert cli("config", "set", "api_url", "https://scan.example:8443").returncode == 0
    assert cli("config", "set", "plus_requires_approval", "yes").returncode == 0
    path = cli.config_file
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    assert tomllib.loads(path.read_text()) == {
        "api_key": key,
        "api_url": "https://scan.example:8443",
        "plus_requires_approval": True,
    }
    shown = cli("config", "show")
    assert shown.returncode == 0, shown.stderr
    assert key not in shown.stdout + shown.stderr
    assert "api_key: rdgl_…wxyz (config file)" in shown.stdout
    assert "api_url: https://scan.example:8443 (config file)" in shown.stdout
    assert "plus_requires_approval: true" in shown.stdout
    env_shown = cli("config", "show", env={"RAFTER_API_KEY": "rafter_key_0123456789abcdef"})
    assert "(RAFTER_API_KEY)" in env_shown.stdout

    assert cli("config", "unset", "api_url").returncode == 0
    assert "api_url" not in tomllib.loads(path.read_text())
    assert _mode(path) == 0o600


def test_xdg_config_home_is_respected(cli: Cli, tmp_path: Path) -> None:
    xdg = tmp_path / "xdg"
    assert (
        cli("config", "set", "api_url", "http://127.0.0.1:1", env={"XDG_CONFIG_HOME": str(xdg)}).returncode
        == 0
    )
    assert (xdg / "ridgeline" / "config.toml").is_file()
    assert not cli.config_file.exists()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [("token", "x", "unknown key"), ("api_url", "ftp://x", "http(s)"),
     ("plus_requires_approval", "maybe", "true or false"), ("api_key", "a\tb", "control characters")],
)  # fmt: skip
def test_set_refuses_bad_values(cli: Cli, key: str, value: str, message: str) -> None:
    result = cli("config", "set", key, value)
    assert result.returncode == 1
    assert message in result.stderr
    assert not cli.config_file.exists()


def test_a_file_others_can_read_is_refused(cli: Cli) -> None:
    cli("config", "set", "api_key", "rdgl_secret_key_value_123456")
    cli.config_file.chmod(0o644)
    result = cli("usage", "--api-url", f"http://127.0.0.1:{free_port()}")
    assert result.returncode == 1
    assert "accessible by other users (mode 0644)" in result.stderr
    assert f"chmod 600 {cli.config_file}" in result.stderr
    shown = cli("config", "show")  # show still works, and warns
    assert shown.returncode == 0 and "Warning:" in shown.stderr
    cli("config", "set", "api_url", "http://127.0.0.1:1")  # rewriting repairs the mode
    assert _mode(cli.config_file) == 0o600


def test_broken_toml_is_a_clear_error(cli: Cli) -> None:
    cli.config_file.parent.mkdir(parents=True)
    cli.config_file.write_text("api_key = \n")
    cli.config_file.chmod(0o600)
    result = cli("usage")
    assert result.returncode == 1
    assert "is not valid TOML" in result.stderr


@pytest.mark.e2e
def test_precedence(cli: Cli, ridgeline: RidgelineServer, scan_key: str) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    cli("config", "set", "api_key", scan_key)
    cli("config", "set", "api_url", ridgeline.url)
    # the config file alone is enough
    assert cli("usage").returncode == 0
    # key: flag > RIDGELINE_API_KEY > RAFTER_API_KEY > config file
    invalid = "Invalid or inactive API key."
    assert invalid in cli("usage", env={"RAFTER_API_KEY": "rdgl_bad_rafter"}).stderr
    assert cli("usage", env={"RIDGELINE_API_KEY": scan_key, "RAFTER_API_KEY": "rdgl_bad"}).returncode == 0
    assert invalid in cli("usage", env={"RIDGELINE_API_KEY": "rdgl_bad", "RAFTER_API_KEY": scan_key}).stderr
    assert cli("usage", "-k", scan_key, env={"RIDGELINE_API_KEY": "rdgl_bad"}).returncode == 0
    # server: flag > RIDGELINE_API_URL > config file
    assert "cannot reach the server" in cli("usage", env={"RIDGELINE_API_URL": dead}).stderr
    assert cli("usage", "--api-url", ridgeline.url, env={"RIDGELINE_API_URL": dead}).returncode == 0
    cli("config", "set", "api_url", dead)
    assert cli("usage", env={"RIDGELINE_API_URL": ridgeline.url}).returncode == 0
    cli("config", "unset", "api_url")
    # default: http://127.0.0.1:8000
    assert "api_url: http://127.0.0.1:8000 (default)" in cli("config", "show").stdout


def test_never_from_a_file_inside_the_scanned_repository(cli: Cli, tmp_path: Path) -> None:
    # A CI job whose HOME is the checkout: the repository could plant a config with its own api_url.
    checkout = tmp_path / "checkout"
    make_repo(checkout, {"README.md": "hi\n"})
    planted = checkout / ".config" / "ridgeline" / "config.toml"
    planted.parent.mkdir(parents=True)
    planted.write_text('api_key = "rdgl_planted"\napi_url = "http://127.0.0.1:9"\n')
    planted.chmod(0o600)
    result = cli("run", "-r", "a/b", "-b", "main", env={"HOME": str(checkout)}, cwd=checkout)
    assert result.returncode == 1
    assert "inside the repository" in result.stderr
    assert "no API key" in result.stderr
