"""Which repository and branch ``ridgeline run`` scans when ``-r``/``-b`` are not given.

CI variables first (they name what the job is about), then the ``origin`` remote and the current
branch of the git repository in the current directory. git runs with an argument list, a timeout,
no prompt and no shell; a remote URL may carry a token (``https://user:token@host/…``), so the raw
URL is never printed.

The server scans the remote, so the detected host decides the provider the way the Rafter CLI
does: github.com → github, gitlab.com → gitlab, bitbucket.org → bitbucket, codeberg.org → gitea,
with ``repo_url`` sent for the non-github ones; any other host is treated as the server's github
provider (an operator's own host behind ``RIDGELINE_GITHUB_URL``) with no ``repo_url``, unless the
user names a provider.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from urllib.parse import urlsplit

KNOWN_HOSTS = {
    "github.com": "github",
    "gitlab.com": "gitlab",
    "bitbucket.org": "bitbucket",
    "codeberg.org": "gitea",
}
_GIT_TIMEOUT = 10.0
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_PULL_MERGE_REF = re.compile(r"^\d+/merge$")


class DetectionError(Exception):
    """Auto-detection could not decide; the message says which flag to pass."""


@dataclass(frozen=True, slots=True)
class Remote:
    """An ``origin`` remote reduced to what a scan request needs (never its credentials)."""

    scheme: str  # https, http or ssh
    host: str  # lower-case host name
    port: int | None  # kept only for http(s)
    slug: str  # owner/repo

    @property
    def provider(self) -> str | None:
        return KNOWN_HOSTS.get(self.host)

    def https_url(self) -> str:
        if self.scheme in ("http", "https"):
            netloc = self.host if self.port is None else f"{self.host}:{self.port}"
            return f"{self.scheme}://{netloc}/{self.slug}"
        return f"https://{self.host}/{self.slug}"


@dataclass(frozen=True, slots=True)
class Target:
    repository: str
    branch: str
    provider: str | None = None
    repo_url: str | None = None
    detected: bool = False


def parse_remote(url: str) -> Remote:
    """``https://[user[:token]@]host[:port]/owner/repo(.git)``, ``ssh://[user@]host[:port]/owner/repo``
    or scp-like ``[user@]host:owner/repo(.git)``."""
    url = url.strip()
    if _SCHEME.match(url):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("https", "http", "ssh", "git+ssh", "ssh+git"):
            raise DetectionError(f"the origin remote uses {scheme}://, which a server cannot clone")
        host = parts.hostname or ""
        try:
            port = parts.port if scheme in ("https", "http") else None
        except ValueError:
            raise DetectionError("the origin remote has an invalid port") from None
        path = parts.path
        scheme = scheme if scheme in ("https", "http") else "ssh"
    elif ":" in url and "/" not in url.split(":", 1)[0]:
        head, _, path = url.partition(":")
        host = head.rsplit("@", 1)[-1]
        scheme, port = "ssh", None
    else:
        raise DetectionError("the origin remote is not a URL of a git host (a local path?)")
    host = host.lower()
    segments = [s for s in path.strip("/").split("/") if s]
    if segments and segments[-1].endswith(".git"):
        segments[-1] = segments[-1][:-4]
    segments = [s for s in segments if s]
    if not host or len(segments) < 2:
        raise DetectionError("cannot read owner/repo from the origin remote")
    if host in KNOWN_HOSTS and len(segments) != 2:
        raise DetectionError(
            f"the origin remote names a nested project on {host}; a scan names owner/repo only"
        )
    return Remote(scheme, host, port, "/".join(segments[-2:]))


def _git(*args: str) -> str | None:
    """Run git in the current directory; None when it fails or is missing."""
    try:
        result = subprocess.run(
            ["git", "-c", "core.fsmonitor=false", *args],
            capture_output=True,
            text=True,
            timeout=_GIT_TIMEOUT,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None


def repository_from_env() -> str | None:
    return os.environ.get("GITHUB_REPOSITORY") or os.environ.get("CI_REPOSITORY") or None


def branch_from_env() -> str | None:
    ref_name = os.environ.get("GITHUB_REF_NAME")
    # On pull_request events GITHUB_REF_NAME is "<number>/merge", not a branch; the PR's branch is
    # in GITHUB_HEAD_REF.
    if ref_name and _PULL_MERGE_REF.match(ref_name) and os.environ.get("GITHUB_HEAD_REF"):
        return os.environ["GITHUB_HEAD_REF"]
    return ref_name or os.environ.get("CI_COMMIT_BRANCH") or os.environ.get("CI_BRANCH") or None


def _origin_remote() -> Remote:
    if _git("rev-parse", "--is-inside-work-tree") != "true":
        raise DetectionError("not inside a git repository; pass --repo and --branch")
    url = _git("remote", "get-url", "origin")
    if not url:
        raise DetectionError("the git repository has no origin remote; pass --repo")
    try:
        return parse_remote(url)
    except DetectionError as exc:
        raise DetectionError(f"{exc}; pass --repo") from None


def _current_branch() -> str:
    branch = _git("symbolic-ref", "--quiet", "--short", "HEAD")
    if not branch:
        raise DetectionError("cannot tell the current branch (detached HEAD?); pass --branch")
    return branch


def resolve_target(
    repository: str | None,
    branch: str | None,
    provider: str | None = None,
    repo_url: str | None = None,
) -> Target:
    """Fill in what the flags left out. Flags always win over anything detected."""
    detected = not (repository and branch)
    remote: Remote | None = None
    if not repository:
        repository = repository_from_env()
        if not repository:
            remote = _origin_remote()
            repository = remote.slug
    if not branch:
        branch = branch_from_env() or _current_branch()
    if remote is not None:
        if provider is None:
            provider = remote.provider
            if provider is not None and provider != "github" and repo_url is None:
                repo_url = remote.https_url()
        elif provider not in ("github", "local") and repo_url is None:
            repo_url = remote.https_url()
    return Target(repository, branch, provider, repo_url, detected)
