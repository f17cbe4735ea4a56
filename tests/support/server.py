"""Starting the real Ridgeline server as a subprocess on loopback, as users run it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RidgelineServer:
    def __init__(self, data_dir: Path, env: dict[str, str] | None = None, workers: int = 2) -> None:
        self.data_dir = data_dir
        self.port = free_port()
        self.log_path = data_dir.parent / f"server-{self.port}.log"
        self.env = {
            **os.environ,
            "RIDGELINE_DATA_DIR": str(data_dir),
            "RIDGELINE_LOG_LEVEL": "INFO",
            **(env or {}),
        }
        self.workers = workers
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli_argv(self) -> list[str]:
        return [sys.executable, "-m", "ridgeline"]

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.cli_argv(), *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=check,
            timeout=120,
        )

    def create_key(self, account: str, scope: str = "scan") -> str:
        existing = self.cli("admin", "account", "create", account, check=False)
        assert existing.returncode == 0 or "already exists" in existing.stderr, existing.stderr
        return self.cli("admin", "key", "create", "--account", account, "--scope", scope).stdout.strip()

    def start(self) -> RidgelineServer:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "ridgeline",
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log_path.read_text()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server did not start within 60 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_finished(self, key: str, scan_id: str, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            response = httpx.get(
                f"{self.url}/api/static/scan", params={"scan_id": scan_id}, headers={"x-api-key": key}
            )
            body = response.json()
            if body.get("status") in ("completed", "failed"):
                return body
            time.sleep(0.3)
        raise AssertionError(f"scan {scan_id} did not finish in {timeout} s")
