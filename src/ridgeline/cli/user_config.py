"""The user's own settings for the client commands, and where each setting comes from.

The file is ``$XDG_CONFIG_HOME/ridgeline/config.toml`` (else ``~/.config/ridgeline/config.toml``).
It holds an API key, so it is written with mode 0600 in a 0700 folder, and a file that other users
could read or change is refused rather than trusted: a world-writable file could point ``api_url``
at someone else's server and walk the key out of the environment.

The key is never read from the repository being scanned: a config path that lies inside the git
work tree of the current directory (a CI job whose ``HOME`` is the checkout) is ignored, because the
repository's content is not the user's.

Precedence (CLI.md section 1): flag, ``RIDGELINE_*``, ``RAFTER_*`` (key and token only), this file,
default.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import typer

DEFAULT_API_URL = "http://127.0.0.1:8000"
KEYS = ("api_key", "api_url", "plus_requires_approval")
_MAX_BYTES = 64 * 1024

config_app = typer.Typer(
    help="The user config file (~/.config/ridgeline/config.toml): API key, server, plus approval.",
    no_args_is_help=True,
)


class ConfigError(Exception):
    """The config file cannot be used; the message says what to do."""


@dataclass(frozen=True, slots=True)
class UserConfig:
    path: Path
    api_key: str | None = None
    api_url: str | None = None
    plus_requires_approval: bool = False


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME")
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "ridgeline" / "config.toml"


def _inside_current_repository(path: Path) -> bool:
    """Is ``path`` inside the git work tree of the current directory (the repository scanned)?"""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    top = result.stdout.strip()
    if result.returncode != 0 or not top:
        return False
    return path.resolve().is_relative_to(Path(top).resolve())


def _check_permissions(path: Path) -> None:
    if os.name != "posix":
        return
    info = path.stat()
    if info.st_uid != os.getuid():
        raise ConfigError(f"{path} belongs to another user; refusing to read it.")
    if info.st_mode & 0o077:
        mode = stat.S_IMODE(info.st_mode)
        raise ConfigError(
            f"{path} is accessible by other users (mode {mode:04o}); it holds an API key. "
            f"Run: chmod 600 {path}"
        )


def _parse(path: Path) -> dict[str, Any]:
    raw = path.read_bytes()
    if len(raw) > _MAX_BYTES:
        raise ConfigError(f"{path} is larger than {_MAX_BYTES // 1024} KiB; not a ridgeline config.")
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def load_user_config(*, check_permissions: bool = True) -> UserConfig:
    """Read the config file; a missing file is an empty config. Raises ``ConfigError``."""
    path = config_path()
    if not path.is_file():
        return UserConfig(path)
    if _inside_current_repository(path):
        typer.echo(
            f"Warning: ignoring {path}: it is inside the repository in the current directory.",
            err=True,
        )
        return UserConfig(path)
    if check_permissions:
        _check_permissions(path)
    data = _parse(path)
    values: dict[str, Any] = {}
    for key in KEYS:
        if key not in data:
            continue
        value = data[key]
        expected = bool if key == "plus_requires_approval" else str
        if not isinstance(value, expected):
            raise ConfigError(f"{path}: {key} must be a {'boolean' if expected is bool else 'string'}.")
        values[key] = value
    return UserConfig(path, **values)


def resolve_api_key(option: str | None, config: UserConfig) -> str | None:
    return option or os.environ.get("RIDGELINE_API_KEY") or os.environ.get("RAFTER_API_KEY") or config.api_key


def resolve_api_url(option: str | None, config: UserConfig) -> str:
    return option or os.environ.get("RIDGELINE_API_URL") or config.api_url or DEFAULT_API_URL


def resolve_github_token(option: str | None) -> str | None:
    return option or os.environ.get("RIDGELINE_GITHUB_TOKEN") or os.environ.get("RAFTER_GITHUB_TOKEN")


def confirmation_given(yes: bool) -> bool:
    return yes or any(
        os.environ.get(name, "").strip().lower() in ("1", "true", "yes")
        for name in ("RIDGELINE_CONFIRM", "RAFTER_CONFIRM")
    )


# --- writing -------------------------------------------------------------------------------------


def _toml_value(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    # A JSON string without ASCII escaping is a valid TOML basic string once control characters,
    # which set() refuses, are out of the way.
    return json.dumps(value, ensure_ascii=False)


def _validated(key: str, value: str) -> str | bool:
    if key not in KEYS:
        raise ConfigError(f"unknown key {key!r}; known keys: {', '.join(KEYS)}.")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        raise ConfigError(f"{key}: control characters are not allowed.")
    if key == "plus_requires_approval":
        lowered = value.strip().lower()
        if lowered in ("true", "1", "yes", "on"):
            return True
        if lowered in ("false", "0", "no", "off"):
            return False
        raise ConfigError("plus_requires_approval must be true or false.")
    if key == "api_url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError("api_url must be an http(s):// URL.")
    if not value.strip():
        raise ConfigError(f"{key} must not be empty.")
    return value.strip()


def write_user_config(values: dict[str, Any]) -> Path:
    """Write the file atomically: 0700 folder, 0600 file (created so, never widened first)."""
    path = config_path()
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    lines = ["# ridgeline client settings (ridgeline config set KEY VALUE)"]
    for key, value in values.items():
        if isinstance(value, str | bool):
            lines.append(f"{key} = {_toml_value(value)}")
    text = "\n".join(lines) + "\n"
    temporary = folder / f".config.toml.{os.getpid()}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o600)
    return path


def _existing_values() -> dict[str, Any]:
    path = config_path()
    if not path.is_file():
        return {}
    return {k: v for k, v in _parse(path).items() if isinstance(v, str | bool)}


def _mask(key: str) -> str:
    return key[:5] + "…" + key[-4:] if len(key) > 16 else "…"


@config_app.command("set")
def config_set(
    key: Annotated[str, typer.Argument(help="api_key, api_url or plus_requires_approval.")],
    value: Annotated[str, typer.Argument(help="The value; `-` reads it from stdin (for api_key).")],
) -> None:
    """Set one value in the user config file (written with mode 0600)."""
    try:
        if value == "-":
            value = sys.stdin.readline().rstrip("\r\n")
        values = _existing_values()
        values[key] = _validated(key, value)
        path = write_user_config(values)
    except ConfigError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Set {key} in {path}", err=True)


@config_app.command("unset")
def config_unset(key: Annotated[str, typer.Argument(help="The key to remove.")]) -> None:
    """Remove one value from the user config file."""
    try:
        values = _existing_values()
        if values.pop(key, None) is None:
            typer.echo(f"{key} is not set.", err=True)
            return
        path = write_user_config(values)
    except ConfigError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Removed {key} from {path}", err=True)


@config_app.command("show")
def config_show() -> None:
    """Print the settings in force and where each comes from (the key masked)."""
    try:
        config = load_user_config(check_permissions=False)
    except ConfigError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"config file: {config.path}{'' if config.path.is_file() else ' (absent)'}")
    if config.path.is_file():
        try:
            _check_permissions(config.path)
        except ConfigError as exc:
            typer.echo(f"Warning: {exc}", err=True)

    def source(option_env: tuple[str, ...], from_file: object) -> str:
        for name in option_env:
            if os.environ.get(name):
                return name
        return "config file" if from_file else "default"

    key = resolve_api_key(None, config)
    key_source = source(("RIDGELINE_API_KEY", "RAFTER_API_KEY"), config.api_key)
    typer.echo(f"api_key: {_mask(key) + ' (' + key_source + ')' if key else '(not set)'}")
    url_source = source(("RIDGELINE_API_URL",), config.api_url)
    typer.echo(f"api_url: {resolve_api_url(None, config)} ({url_source})")
    typer.echo(f"plus_requires_approval: {'true' if config.plus_requires_approval else 'false'}")
