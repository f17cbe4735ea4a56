"""PDM ``pdm.lock``: a package outside the ``default`` group is dev."""

from __future__ import annotations

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import header_lines, load_toml
from ridgeline.domain.packages import PYPI, Package, normalise_name


class PdmLockExtractor:
    name = "pdm.lock"
    ecosystem = PYPI

    def matches(self, path: str) -> bool:
        return basename(path) == "pdm.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_toml(text)
        entries = data.get("package", [])
        if not isinstance(entries, list):
            raise UnparsableLockfile("package is not an array of tables")
        lines = header_lines(text, "package")
        packages = []
        for index, entry in enumerate(entries):
            groups = entry.get("groups")
            dev = isinstance(groups, list) and bool(groups) and "default" not in groups
            line = lines[index] if index < len(lines) else 0
            packages.append(
                Package(
                    PYPI, normalise_name(PYPI, entry["name"]), str(entry.get("version", "")), dev, path, line
                )
            )
        return packages
