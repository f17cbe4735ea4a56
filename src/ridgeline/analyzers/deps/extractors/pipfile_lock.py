"""Pipenv ``Pipfile.lock``: ``default`` and ``develop`` sections of ``==`` pins."""

from __future__ import annotations

import json

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, load_json
from ridgeline.domain.packages import PYPI, Package, normalise_name


class PipfileLockExtractor:
    name = "Pipfile.lock"
    ecosystem = PYPI

    def matches(self, path: str) -> bool:
        return basename(path) == "Pipfile.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_json(text)
        if not isinstance(data, dict):
            raise UnparsableLockfile("not a Pipfile.lock object")
        lines = LineIndex(text)
        packages: list[Package] = []
        for section, dev in (("default", False), ("develop", True)):
            entries = data.get(section) or {}
            if not isinstance(entries, dict):
                raise UnparsableLockfile(f"{section} is not an object")
            lines.seek(f'"{section}"')
            for name, entry in entries.items():
                if not isinstance(entry, dict):
                    continue
                version = entry.get("version") or ""
                version = version[2:] if isinstance(version, str) and version.startswith("==") else ""
                line = lines.find_next(json.dumps(name) + ":")
                packages.append(Package(PYPI, normalise_name(PYPI, name), version, dev, path, line))
        return packages
