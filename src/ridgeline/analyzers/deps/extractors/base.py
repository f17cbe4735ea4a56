"""The extractor interface and the value an extraction yields.

Extractors read text only: they never resolve, install or build anything from the repository. A file
they cannot parse becomes an ``Extraction`` with an error, which the analyzer reports as that file's
error — one broken lockfile never ends the scan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ridgeline.domain.packages import Package

IncludeReader = Callable[[str, str], "tuple[str, str] | None"]
"""(including file, relative path) → (repository path, text) of an include inside the repo, or None."""


def basename(path: str) -> str:
    """The file name of a repository path (always ``/``-separated): ``matches`` runs for every file."""
    return path.rpartition("/")[2]


class UnparsableLockfile(ValueError):
    """Raised inside an extractor; turned into an ``Extraction`` error by ``extract_packages``."""


@dataclass(frozen=True, slots=True)
class Extraction:
    packages: tuple[Package, ...] = ()
    error: str = ""


class LockfileExtractor(Protocol):
    name: str
    ecosystem: str

    def matches(self, path: str) -> bool:
        """Path-only decision: is this file in the extractor's format?"""

    def extract(self, text: str, path: str) -> list[Package]:
        """Every package the file pins, in file order. Raises ``UnparsableLockfile``."""


def extract_packages(
    extractor: LockfileExtractor, text: str, path: str, reader: IncludeReader | None = None
) -> Extraction:
    """Run one extractor, turning any parse failure into a value."""
    try:
        if reader is not None and hasattr(extractor, "extract_with_includes"):
            packages = extractor.extract_with_includes(text, path, reader)
        else:
            packages = extractor.extract(text, path)
    except UnparsableLockfile as exc:
        return Extraction(error=f"{extractor.name}: {exc}")
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        return Extraction(error=f"{extractor.name}: unexpected structure ({type(exc).__name__})")
    return Extraction(tuple(packages))


def dedupe(packages: list[Package]) -> list[Package]:
    """One package per (name, version) in a file: first line kept; dev only if every copy is dev."""
    seen: dict[tuple[str, str], Package] = {}
    for package in packages:
        key = (package.name, package.version)
        first = seen.get(key)
        if first is None:
            seen[key] = package
        elif first.dev and not package.dev:
            seen[key] = Package(first.ecosystem, first.name, first.version, False, first.file, first.line)
    return list(seen.values())
