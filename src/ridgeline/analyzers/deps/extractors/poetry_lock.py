"""Poetry ``poetry.lock`` v1 (``category``) and v2 (``groups``)."""

from __future__ import annotations

from ridgeline.analyzers.deps.extractors.base import basename
from ridgeline.analyzers.deps.extractors.parsing import toml_package_tables
from ridgeline.domain.packages import PYPI, Package, normalise_name


class PoetryLockExtractor:
    name = "poetry.lock"
    ecosystem = PYPI

    def matches(self, path: str) -> bool:
        return basename(path) == "poetry.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        packages = []
        for entry, line in toml_package_tables(text):
            source = entry.get("source") or {}
            if isinstance(source, dict) and source.get("type") in ("directory", "file"):
                continue
            groups = entry.get("groups")
            if isinstance(groups, list) and groups:
                dev = "main" not in groups
            else:
                dev = entry.get("category") == "dev"
            packages.append(
                Package(
                    PYPI, normalise_name(PYPI, entry["name"]), str(entry.get("version", "")), dev, path, line
                )
            )
        return packages
