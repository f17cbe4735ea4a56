"""Server configuration: one settings class, built by ``load_settings()``, never at import time.

Values come from ``RIDGELINE_*`` environment variables, or a ``.env``-style file named by
``RIDGELINE_CONFIG``. The embedded default needs none of them.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ridgeline.domain.errors import ConfigurationError

_SECRET_FILE = "server-secret"


class ProviderSpec(BaseModel):
    """An operator-defined git host: its kind decides how tokens are sent."""

    kind: str
    url: str
    allowed_hosts: list[str] = Field(default_factory=list)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RIDGELINE_", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("ridgeline", appauthor=False)))
    database_url: str | None = None
    secret_key: str | None = Field(default=None, repr=False)
    broker_url: str | None = None
    redis_url: str | None = None

    github_url: str = "https://github.com"
    gitlab_url: str = "https://gitlab.com"
    gitea_url: str = "https://gitea.com"
    bitbucket_url: str = "https://bitbucket.org"
    # Extra hosts a request's repo_url may name, per provider: {"gitea": ["codeberg.org"]}.
    allowed_hosts: dict[str, list[str]] = Field(default_factory=dict)
    # Operator-defined providers: {"corp": {"kind": "gitlab", "url": "https://git.corp.example"}}.
    providers: dict[str, ProviderSpec] = Field(default_factory=dict)
    local_repos: Path | None = None
    # RIDGELINE_SECRET_RULES: an operator's extra secret rules in gitleaks/Betterleaks TOML format.
    secret_rules: Path | None = None

    rate_limit: str = "100/minute"
    trusted_proxies: str | None = None

    workers: int = 2
    max_concurrent_scans_per_account: int | None = 2
    ls_remote_timeout: float = 15.0
    clone_timeout: float = 300.0
    clone_max_bytes: int = 1 << 30
    max_file_bytes: int = 2 << 20
    max_lockfile_bytes: int = 64 << 20
    scan_timeout_fast: float = 1800.0
    scan_timeout_plus: float = 7200.0
    log_level: str = "INFO"

    osv_api_url: str = "https://api.osv.dev"
    osv_export_url: str = "https://osv-vulnerabilities.storage.googleapis.com"
    osv_online: bool = False

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'ridgeline.db'}"

    @property
    def is_embedded(self) -> bool:
        return self.database_url is None or self.database_url.startswith("sqlite")


def load_settings(**overrides: object) -> Settings:
    env_file = os.environ.get("RIDGELINE_CONFIG")
    settings = Settings(_env_file=env_file, **overrides)  # type: ignore[call-arg]
    settings.data_dir = settings.data_dir.expanduser()
    return settings


def ensure_data_dir(settings: Settings) -> Path:
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    return settings.data_dir


def server_secret(settings: Settings) -> bytes:
    """The server secret: configured, or generated once into the data directory (embedded only)."""
    if settings.secret_key:
        if len(settings.secret_key) < 32:
            raise ConfigurationError("RIDGELINE_SECRET_KEY must be at least 32 characters long.")
        return settings.secret_key.encode("utf-8")
    if not settings.is_embedded:
        raise ConfigurationError(
            "RIDGELINE_SECRET_KEY is required when RIDGELINE_DATABASE_URL points to a shared database."
        )
    path = ensure_data_dir(settings) / _SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        value = path.read_text(encoding="ascii").strip()
        if len(value) < 32:
            raise ConfigurationError(
                f"The server secret file in the data directory is damaged: {_SECRET_FILE}"
            ) from None
        return value.encode("ascii")
    value = secrets.token_urlsafe(48)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(value + "\n")
    return value.encode("ascii")
