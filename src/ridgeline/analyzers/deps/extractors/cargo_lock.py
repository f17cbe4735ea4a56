"""Rust ``Cargo.lock``: packages with a ``source`` (registry or git); workspace members have none."""

from __future__ import annotations

from ridgeline.analyzers.deps.extractors.base import basename
from ridgeline.analyzers.deps.extractors.parsing import toml_package_tables
from ridgeline.domain.packages import CRATES_IO, Package


class CargoLockExtractor:
    name = "Cargo.lock"
    ecosystem = CRATES_IO

    def matches(self, path: str) -> bool:
        return basename(path) == "Cargo.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        packages = []
        for entry, line in toml_package_tables(text):
            if "source" not in entry:
                continue
            packages.append(
                Package(CRATES_IO, entry["name"], str(entry.get("version", "")), False, path, line)
            )
        return packages
