"""Where a repository lives: provider name → remote URL and credentials.

Only operator configuration decides hosts; a request chooses among them by provider name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ridgeline.domain.errors import InvalidRequest, RepositoryNotFound
from ridgeline.domain.scan import ScanTarget
from ridgeline.workspace.git import RemoteRepository, basic_auth_header


@dataclass(frozen=True, slots=True)
class HostedProvider:
    """A git host reached over HTTP(S) at ``base_url`` (``https://github.com`` by default)."""

    name: str
    base_url: str
    token_username: str = "x-access-token"

    def remote_for(self, target: ScanTarget, token: str | None) -> RemoteRepository:
        base = self.base_url.rstrip("/")
        scheme = urlsplit(base).scheme
        header = basic_auth_header(self.token_username, token) if token else None
        return RemoteRepository(f"{base}/{target.repository_name}.git", scheme, header)


@dataclass(frozen=True, slots=True)
class LocalProvider:
    """Git repositories under an operator-chosen root folder: ``owner/repo`` → ``<root>/owner/repo``."""

    root: Path
    name: str = "local"

    def remote_for(self, target: ScanTarget, token: str | None) -> RemoteRepository:
        root = self.root.resolve()
        for candidate in (target.repository_name, f"{target.repository_name}.git"):
            path = (root / candidate).resolve()
            # The name is validated already; resolving also defeats symlinks leading out of root.
            if path.is_relative_to(root) and path.is_dir():
                return RemoteRepository(path.as_uri(), "file")
        raise RepositoryNotFound()


Provider = HostedProvider | LocalProvider


class ProviderRegistry:
    """Explicit name → provider map built from settings."""

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
