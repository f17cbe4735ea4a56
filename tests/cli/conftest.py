"""Running the ``ridgeline`` client as users do: a subprocess with a clean environment of its own.

Each test gets its own HOME (so the user config file is the test's), a working directory outside
any git repository, and ``RIDGELINE_POLL_INTERVAL`` set low so that waiting takes fractions of a
second. Nothing of the developer's environment (keys, CI variables) leaks in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

POLL_INTERVAL = "0.1"


class Cli:
    def __init__(self, root: Path) -> None:
        self.home = root / "home"
        self.cwd = root / "cwd"
        self.home.mkdir(parents=True, exist_ok=True)
        self.cwd.mkdir(parents=True, exist_ok=True)
        self.env: dict[str, str] = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "HOME": str(self.home),
            "LANG": "C.UTF-8",
            "NO_COLOR": "1",
            "GIT_CONFIG_NOSYSTEM": "1",
            "RIDGELINE_POLL_INTERVAL": POLL_INTERVAL,
        }

    @property
    def config_file(self) -> Path:
        return self.home / ".config" / "ridgeline" / "config.toml"

    def __call__(
        self,
        *args: str,
        env: Mapping[str, str | None] | None = None,
        cwd: Path | None = None,
        stdin: str | None = None,
        timeout: float = 180,
    ) -> subprocess.CompletedProcess[str]:
        full_env = dict(self.env)
        for name, value in (env or {}).items():
            if value is None:
                full_env.pop(name, None)
            else:
                full_env[name] = value
        return subprocess.run(
            [sys.executable, "-m", "ridgeline", *args],
            capture_output=True,
            text=True,
            env=full_env,
            cwd=cwd or self.cwd,
            input=stdin,
            timeout=timeout,
            check=False,
        )


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)
