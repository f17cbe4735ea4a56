"""The one interface every advisory source implements, and the matching core they share.

Sources only decide where candidate records come from (a local mirror, the OSV API); whether a
record affects a package is decided here, once, so that every source gives the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ridgeline.domain.packages import Advisory, Package, normalise_name
from ridgeline.vulndb.versions import is_affected


class VulnerabilitySource(Protocol):
    name: str

    def available(self) -> str | None:
        """None when the source can answer; otherwise why not and the command that fixes it."""

    def query(self, packages: list[Package]) -> dict[Package, list[Advisory]]:
        """Advisories affecting each pinned package, in one batch. Packages unaffected are absent."""


def affecting(package: Package, candidates: Iterable[Advisory]) -> list[Advisory]:
    """The candidate advisories that really affect ``package`` at its version (withdrawn ignored)."""
    if not package.version:
        return []
    name = normalise_name(package.ecosystem, package.name)
    found: dict[str, Advisory] = {}
    for advisory in candidates:
        if advisory.is_withdrawn or advisory.id in found:
            continue
        for entry in advisory.affected_entries(package.ecosystem, name):
            if is_affected(package.version, entry):
                found[advisory.id] = advisory
                break
    return sorted(found.values(), key=lambda a: a.id)
