"""Rust ``Cargo.lock``: packages with a ``source`` (registry or git); workspace members have none."""

from __future__ import annotations

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import header_lines, load_toml
from ridgeline.domain.packages import CRATES_IO, Package


class CargoLockExtractor:
    name = "Cargo.lock"
    ecosystem = CRATES_IO

    def matches(self, path: str) -> bool:
        return basename(path) == "Cargo.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_toml(text)
        entries = data.get("package", [])
        if not isinstance(entries, list):
            raise UnparsableLockfile("package is not an array of tables")
        lines = header_lines(text, "package")
        packages = []
        for index, entry in enumerate(entries):
            if "source" not in entry:
                continue
            line = lines[index] if index < len(lines) else 0
            packages.append(
                Package(CRATES_IO, entry["name"], str(entry.get("version", "")), False, path, line)
            )
        return packages
