"""NuGet ``packages.config`` (legacy): ``<package id version developmentDependency>``."""

from __future__ import annotations

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, parse_xml
from ridgeline.domain.packages import NUGET, Package, normalise_name


class PackagesConfigExtractor:
    name = "packages.config"
    ecosystem = NUGET

    def matches(self, path: str) -> bool:
        return basename(path) == "packages.config"

    def extract(self, text: str, path: str) -> list[Package]:
        root = parse_xml(text)
        if root.tag != "packages":
            raise UnparsableLockfile("root element is not <packages>")
        lines = LineIndex(text)
        cursor = 0
        packages = []
        for element in root.iter("package"):
            name, version = element.get("id"), element.get("version", "")
            if not name:
                continue
            offset = lines.offset(f'"{name}"', cursor)
            cursor = offset + 1 if offset >= 0 else cursor
            dev = element.get("developmentDependency", "").lower() == "true"
            line = lines.line_at(offset) if offset >= 0 else 0
            packages.append(Package(NUGET, normalise_name(NUGET, name), version, dev, path, line))
        return packages
