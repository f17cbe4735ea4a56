"""NuGet ``packages.lock.json``: the resolved package per target framework (project references skipped)."""

from __future__ import annotations

import json

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename, dedupe
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, load_json
from ridgeline.domain.packages import NUGET, Package, normalise_name


class NugetPackagesLockExtractor:
    name = "packages.lock.json"
    ecosystem = NUGET

    def matches(self, path: str) -> bool:
        return basename(path) == "packages.lock.json"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_json(text)
        if not isinstance(data, dict) or not isinstance(data.get("dependencies", {}), dict):
            raise UnparsableLockfile("not a packages.lock.json object")
        lines = LineIndex(text)
        packages = []
        for framework, entries in data.get("dependencies", {}).items():
            if not isinstance(entries, dict):
                continue
            lines.seek(json.dumps(framework) + ":")
            for name, entry in entries.items():
                if not isinstance(entry, dict) or entry.get("type") == "Project" or "resolved" not in entry:
                    continue
                line = lines.find_next(json.dumps(name) + ":")
                packages.append(
                    Package(NUGET, normalise_name(NUGET, name), str(entry["resolved"]), False, path, line)
                )
        return dedupe(packages)
