"""PEP 751 ``pylock.toml`` / ``pylock.<name>.toml``: a package whose marker names dependency groups is dev."""

from __future__ import annotations

import re

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import header_lines, load_toml
from ridgeline.domain.packages import PYPI, Package, normalise_name

_NAME = re.compile(r"^pylock\.([^.]+\.)?toml$")


class PylockTomlExtractor:
    name = "pylock.toml"
    ecosystem = PYPI

    def matches(self, path: str) -> bool:
        return bool(_NAME.match(basename(path)))

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_toml(text)
        entries = data.get("packages", [])
        if not isinstance(entries, list):
            raise UnparsableLockfile("packages is not an array of tables")
        lines = header_lines(text, "packages")
        packages = []
        for index, entry in enumerate(entries):
            if "directory" in entry:
                continue
            marker = str(entry.get("marker", ""))
            dev = "dependency_groups" in marker and "'default'" not in marker
            line = lines[index] if index < len(lines) else 0
            packages.append(
                Package(
                    PYPI, normalise_name(PYPI, entry["name"]), str(entry.get("version", "")), dev, path, line
                )
            )
        return packages
