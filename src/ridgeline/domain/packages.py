"""Packages pinned by a repository and the advisories that may affect them.

These records are shared by the lockfile extractors, the advisory sources and the matching core, so
that every source speaks the same language; they hold data only and import nothing of ridgeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# OSV ecosystem names, exactly as OSV spells them.
PYPI = "PyPI"
NPM = "npm"
GO = "Go"
CRATES_IO = "crates.io"
RUBYGEMS = "RubyGems"
PACKAGIST = "Packagist"
MAVEN = "Maven"
NUGET = "NuGet"
PUB = "Pub"
HEX = "Hex"
SWIFT = "SwiftURL"

_PEP503 = re.compile(r"[-_.]+")
_CASE_INSENSITIVE = frozenset({PACKAGIST, NUGET, PUB, HEX})


def normalise_name(ecosystem: str, name: str) -> str:
    """The form of a package name under which an ecosystem considers two spellings the same."""
    name = name.strip()
    if ecosystem == PYPI:
        return _PEP503.sub("-", name).lower()
    if ecosystem in _CASE_INSENSITIVE:
        return name.lower()
    if ecosystem == SWIFT:
        return name.lower().removesuffix(".git")
    return name


@dataclass(frozen=True, slots=True)
class Package:
    """One pinned package as a lockfile states it. ``version`` is empty when the file pins none."""

    ecosystem: str
    name: str
    version: str
    dev: bool = False
    file: str = ""
    line: int = 0

    @property
    def is_pinned(self) -> bool:
        return bool(self.version)


@dataclass(frozen=True, slots=True)
class RangeEvent:
    """One OSV range event: ``kind`` is introduced, fixed, last_affected or limit."""

    kind: str
    version: str


@dataclass(frozen=True, slots=True)
class AffectedRange:
    type: str
    events: tuple[RangeEvent, ...] = ()


@dataclass(frozen=True, slots=True)
class AffectedPackage:
    """The part of an advisory about one package: its ranges and explicitly listed versions."""

    ecosystem: str
    name: str
    ranges: tuple[AffectedRange, ...] = ()
    versions: tuple[str, ...] = ()
    severity: str = ""

    @property
    def fixed_versions(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for affected_range in self.ranges:
            if affected_range.type == "GIT":
                continue
            for event in affected_range.events:
                if event.kind == "fixed":
                    seen.setdefault(event.version)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class SeverityScore:
    type: str
    score: str


@dataclass(frozen=True, slots=True)
class Advisory:
    """An OSV record reduced to what matching and reporting need."""

    id: str
    modified: str = ""
    summary: str = ""
    details: str = ""
    aliases: tuple[str, ...] = ()
    severity: tuple[SeverityScore, ...] = ()
    database_severity: str = ""
    affected: tuple[AffectedPackage, ...] = ()
    withdrawn: str = ""
    published: str = ""
    references: tuple[str, ...] = field(default=())

    @property
    def is_withdrawn(self) -> bool:
        return bool(self.withdrawn)

    def affected_entries(self, ecosystem: str, name: str) -> tuple[AffectedPackage, ...]:
        return tuple(a for a in self.affected if a.ecosystem == ecosystem and a.name == name)
