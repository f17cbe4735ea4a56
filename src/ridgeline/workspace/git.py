"""Hardened git: remote look-ups and shallow clones of repositories chosen by strangers.

Rules (DESIGN.md, safety): no hooks, no submodules, no LFS smudge, no credential prompts, only the
one protocol the remote needs, user and system git configuration ignored, credentials passed as an
HTTP header through git's environment-config mechanism (never argv, URL, file or log), options
ended with ``--``, a wall-clock limit that kills the whole process group, and a size limit enforced
while the clone runs.
"""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ridgeline.domain.errors import RepositoryHostTimeout, RepositoryNotFound, ScanFailure
from ridgeline.workspace.cleanup import tree_size

_POLL_SECONDS = 0.2


@dataclass(frozen=True, slots=True)
class RemoteRepository:
    """A resolved remote. ``auth_header`` is secret: it is excluded from ``repr``."""

    url: str
    protocol: str
    auth_header: str | None = field(default=None, repr=False)


def basic_auth_header(username: str, token: str) -> str:
    raw = base64.b64encode(f"{username}:{token}".encode()).decode("ascii")
    return f"Authorization: Basic {raw}"


def format_bytes(size: int) -> str:
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
        if size >= factor:
            return f"{size / factor:.1f} {unit}"
    return f"{size} bytes"


def git_environment(remote: RemoteRepository, home: str) -> dict[str, str]:
    """The complete environment git runs with: nothing inherited but PATH."""
    config: list[tuple[str, str]] = [
        ("protocol.allow", "never"),
        (f"protocol.{remote.protocol}.allow", "always"),
        ("core.hooksPath", os.devnull),
        ("core.fsmonitor", "false"),
        ("core.protectNTFS", "true"),
        ("core.protectHFS", "true"),
        ("credential.helper", ""),
        ("submodule.recurse", "false"),
        ("filter.lfs.smudge", ""),
        ("filter.lfs.process", ""),
        ("filter.lfs.required", "false"),
        ("http.lowSpeedLimit", "1000"),
        ("http.lowSpeedTime", "30"),
        ("advice.detachedHead", "false"),
    ]
    if remote.auth_header:
        config.append(("http.extraHeader", remote.auth_header))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "LC_ALL": "C",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_ASKPASS": "",
        "SSH_ASKPASS": "",
        "GIT_LFS_SKIP_SMUDGE": "1",
        "GIT_PROTOCOL_FROM_USER": "0",
        "GIT_CONFIG_COUNT": str(len(config)),
    }
    for index, (key, value) in enumerate(config):
        env[f"GIT_CONFIG_KEY_{index}"] = key
        env[f"GIT_CONFIG_VALUE_{index}"] = value
    return env


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def ls_remote_branch(remote: RemoteRepository, branch: str, *, timeout: float) -> str:
    """Return the commit id at ``branch`` or raise RepositoryNotFound / RepositoryHostTimeout."""
    with tempfile.TemporaryDirectory(prefix="ridgeline-home-") as home:
        process = subprocess.Popen(
            ["git", "ls-remote", "--heads", "--", remote.url, f"refs/heads/{branch}"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=git_environment(remote, home),
            start_new_session=True,
        )
        try:
            out, _err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            raise RepositoryHostTimeout() from None
    if process.returncode != 0:
        raise RepositoryNotFound()
    for line in out.decode("utf-8", "replace").splitlines():
        sha, _, ref = line.partition("\t")
        if ref == f"refs/heads/{branch}":
            return sha
    raise RepositoryNotFound()


def _run_bounded(argv: list[str], env: dict[str, str], *, watch: Path, timeout: float, max_bytes: int,
                 what: str) -> int:  # fmt: skip
    """Run git until it ends, killing its whole process group past ``timeout`` seconds or as soon
    as ``watch`` grows beyond ``max_bytes``. Returns git's exit status."""
    process = subprocess.Popen(
        argv,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    started = time.monotonic()
    last_size_check = 0.0
    while process.poll() is None:
        time.sleep(_POLL_SECONDS)
        now = time.monotonic()
        if now - started > timeout:
            _kill_group(process)
            raise ScanFailure(f"{what} exceeded the {timeout:g} s time limit.")
        if now - last_size_check >= 1.0:
            last_size_check = now
            if watch.exists() and tree_size(watch) > max_bytes:
                _kill_group(process)
                raise ScanFailure(f"The repository exceeds the {format_bytes(max_bytes)} clone limit.")
    if tree_size(watch) > max_bytes:
        raise ScanFailure(f"The repository exceeds the {format_bytes(max_bytes)} clone limit.")
    return process.returncode


def shallow_clone(
    remote: RemoteRepository,
    branch: str,
    destination: Path,
    *,
    timeout: float,
    max_bytes: int,
) -> str:
    """Clone one branch at depth 1 into ``destination`` and return the commit SHA checked out."""
    with tempfile.TemporaryDirectory(prefix="ridgeline-home-") as home:
        env = git_environment(remote, home)
        argv = [
            "git", "clone", "--quiet", "--depth", "1", "--single-branch", "--no-tags", "--no-checkout",
            "--no-recurse-submodules", "--branch", branch, "--", remote.url, str(destination),
        ]  # fmt: skip
        started = time.monotonic()
        status = _run_bounded(
            argv, env, watch=destination, timeout=timeout, max_bytes=max_bytes, what="Cloning the repository"
        )
        if status != 0:
            if destination.exists() and tree_size(destination) > max_bytes:
                raise ScanFailure(f"The repository exceeds the {format_bytes(max_bytes)} clone limit.")
            raise ScanFailure("The repository or branch could not be cloned (not found or access denied).")
        # Check out the exact bytes git stores: the repository's own .gitattributes must not
        # re-encode (working-tree-encoding), convert line ends or run filters on what we scan.
        # $GIT_DIR/info/attributes takes precedence over every in-tree .gitattributes file.
        info = destination / ".git" / "info"
        info.mkdir(parents=True, exist_ok=True)
        (info / "attributes").write_text("* -text -eol -working-tree-encoding -filter -ident -diff -merge\n")
        remaining = max(1.0, timeout - (time.monotonic() - started))
        status = _run_bounded(
            ["git", "-C", str(destination), "checkout", "--quiet", "--force", "HEAD", "--"],
            env, watch=destination, timeout=remaining, max_bytes=max_bytes, what="Cloning the repository",
        )  # fmt: skip
        if status != 0:
            raise ScanFailure(
                "The branch could not be checked out (its tree may be too deep or contain names "
                "this system cannot store)."
            )
        result = subprocess.run(
            ["git", "-C", str(destination), "rev-parse", "HEAD"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=env,
            timeout=30,
            check=False,
        )
    sha = result.stdout.decode("ascii", "replace").strip()
    if result.returncode != 0 or len(sha) != 40:
        raise ScanFailure("The cloned repository has no readable commit.")
    return sha


def deepen(remote: RemoteRepository, branch: str, checkout: Path, *, timeout: float, max_bytes: int) -> None:
    """Fetch the whole history of ``branch`` into a shallow clone (plus mode's history pass), under
    the same time and size limits as the clone."""
    with tempfile.TemporaryDirectory(prefix="ridgeline-home-") as home:
        env = git_environment(remote, home)
        argv = [
            "git", "-C", str(checkout), "fetch", "--quiet", "--unshallow", "--no-tags",
            "--no-recurse-submodules", "--", remote.url, f"+refs/heads/{branch}:refs/remotes/origin/{branch}",
        ]  # fmt: skip
        status = _run_bounded(
            argv, env, watch=checkout, timeout=timeout, max_bytes=max_bytes, what="Fetching the history"
        )
    if status != 0:
        raise ScanFailure("The history of the branch could not be fetched.")
