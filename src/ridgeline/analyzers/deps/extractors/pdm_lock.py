"""PDM ``pdm.lock``: a package outside the ``default`` group is dev."""

from __future__ import annotations

from ridgeline.analyzers.deps.extractors.base import basename
from ridgeline.analyzers.deps.extractors.parsing import toml_package_tables
from ridgeline.domain.packages import PYPI, Package, normalise_name


class PdmLockExtractor:
    name = "pdm.lock"
    ecosystem = PYPI

    def matches(self, path: str) -> bool:
        return basename(path) == "pdm.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        packages = []
        for entry, line in toml_package_tables(text):
            groups = entry.get("groups")
            dev = isinstance(groups, list) and bool(groups) and "default" not in groups
            packages.append(
                Package(
                    PYPI, normalise_name(PYPI, entry["name"]), str(entry.get("version", "")), dev, path, line
                )
            )
        return packages
