"""Where a repository lives: provider name → remote URL and credentials.

Only operator configuration decides hosts. A request picks a provider by name and may name a
``repo_url``, which is accepted only when its host is one the operator allows for that provider:
https only (or exactly the scheme of the operator's own base URL), no user-info, no query, and no IP
literal unless the operator listed that address. Request forgery against internal services through
these fields is therefore impossible.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ridgeline.domain.errors import InvalidRequest, RepositoryNotFound
from ridgeline.domain.scan import ScanTarget
from ridgeline.workspace.git import RemoteRepository, basic_auth_header

# How each kind of host expects a token over git's smart HTTP (Basic user:token).
TOKEN_USERNAMES = {
    "github": "x-access-token",
    "gitlab": "oauth2",
    "gitea": "oauth2",
    "bitbucket": "x-token-auth",
}
PUBLIC_HOSTS = {
    "github": "https://github.com",
    "gitlab": "https://gitlab.com",
    "gitea": "https://gitea.com",
    "bitbucket": "https://bitbucket.org",
}

_INVALID_URL = "Invalid field: repo_url (expected https://<allowed host>/<owner>/<repo>)"


def _is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class HostedProvider:
    """A git host reached over HTTP(S) at ``base_url``, plus any extra hosts the operator allows."""

    name: str
    kind: str
    base_url: str
    allowed_hosts: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.kind not in TOKEN_USERNAMES:
            raise ValueError(f"provider {self.name}: unknown kind {self.kind!r}")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise ValueError(f"provider {self.name}: base URL must be http(s)://host[/path]")

    @property
    def base_host(self) -> str:
        return (urlsplit(self.base_url).netloc or "").lower()

    def hosts(self) -> set[str]:
        return {self.base_host, *(h.lower() for h in self.allowed_hosts)}

    def check_repo_url(self, repo_url: str, repository: str) -> str:
        """Return the clone base (scheme://host[/prefix]) for ``repo_url`` or raise InvalidRequest."""
        if any(ch.isspace() or not ch.isprintable() for ch in repo_url) or "\\" in repo_url:
            raise InvalidRequest(_INVALID_URL)  # urlsplit would silently drop tabs and newlines
        try:
            parts = urlsplit(repo_url)
            host = (parts.hostname or "").lower()
            port = parts.port
        except ValueError:
            raise InvalidRequest(_INVALID_URL) from None
        netloc = parts.netloc.lower()
        if parts.username is not None or parts.password is not None or "@" in parts.netloc:
            raise InvalidRequest(_INVALID_URL)
        if parts.query or parts.fragment or not host:
            raise InvalidRequest(_INVALID_URL)
        if netloc not in self.hosts():
            raise InvalidRequest(_INVALID_URL)
        base = urlsplit(self.base_url)
        same_as_base = netloc == self.base_host
        if parts.scheme != "https" and not (same_as_base and parts.scheme == base.scheme):
            raise InvalidRequest(_INVALID_URL)
        if (
            _is_ip_literal(host)
            and netloc not in (h.lower() for h in self.allowed_hosts)
            and not same_as_base
        ):
            raise InvalidRequest(_INVALID_URL)
        del port
        prefix = base.path.rstrip("/") if same_as_base else ""
        path = parts.path.rstrip("/").removesuffix(".git")
        if path.lower() != f"{prefix}/{repository}".lower():
            raise InvalidRequest(_INVALID_URL)
        return f"{parts.scheme}://{netloc}{prefix}"

    def validate(self, target: ScanTarget) -> None:
        if target.repo_url:
            self.check_repo_url(target.repo_url, target.repository_name)

    def remote_for(self, target: ScanTarget, token: str | None) -> RemoteRepository:
        base = self.base_url.rstrip("/")
        if target.repo_url:
            base = self.check_repo_url(target.repo_url, target.repository_name)
        scheme = urlsplit(base).scheme
        header = basic_auth_header(TOKEN_USERNAMES[self.kind], token) if token else None
        return RemoteRepository(f"{base}/{target.repository_name}.git", scheme, header)


@dataclass(frozen=True, slots=True)
class LocalProvider:
    """Git repositories under an operator-chosen root folder: ``owner/repo`` → ``<root>/owner/repo``."""

    root: Path
    name: str = "local"

    def validate(self, target: ScanTarget) -> None:
        if target.repo_url:
            raise InvalidRequest(_INVALID_URL)

    def remote_for(self, target: ScanTarget, token: str | None) -> RemoteRepository:
        self.validate(target)
        root = self.root.resolve()
        for candidate in (target.repository_name, f"{target.repository_name}.git"):
            path = (root / candidate).resolve()
            # The name is validated already; resolving also defeats symlinks leading out of root.
            if path.is_relative_to(root) and path.is_dir():
                return RemoteRepository(path.as_uri(), "file")
        raise RepositoryNotFound()


Provider = HostedProvider | LocalProvider


class ProviderRegistry:
    """Explicit name → provider map built from settings; duplicate names are an error."""

    def __init__(self, providers: list[Provider]) -> None:
        self._providers: dict[str, Provider] = {}
        for provider in providers:
            if provider.name in self._providers:
                raise ValueError(f"duplicate provider {provider.name!r}")
            self._providers[provider.name] = provider

    def names(self) -> list[str]:
        return sorted(self._providers)

    def get(self, name: str) -> Provider:
        try:
            return self._providers[name]
        except KeyError:
            raise InvalidRequest(
                f"Invalid field: provider (expected one of: {', '.join(self.names())})"
            ) from None

    def remote_for(self, target: ScanTarget, token: str | None) -> RemoteRepository:
        return self.get(target.provider).remote_for(target, token)
