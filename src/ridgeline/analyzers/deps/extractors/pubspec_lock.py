"""Dart ``pubspec.lock``: hosted and git packages (SDK and path packages skipped); ``direct dev`` is dev."""

from __future__ import annotations

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, load_yaml
from ridgeline.domain.packages import PUB, Package, normalise_name


class PubspecLockExtractor:
    name = "pubspec.lock"
    ecosystem = PUB

    def matches(self, path: str) -> bool:
        return basename(path) == "pubspec.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_yaml(text)
        if data is None:
            return []
        if not isinstance(data, dict) or not isinstance(data.get("packages") or {}, dict):
            raise UnparsableLockfile("not a pubspec.lock mapping")
        lines = LineIndex(text)
        lines.seek("packages:")
        packages = []
        for name, entry in (data.get("packages") or {}).items():
            if not isinstance(entry, dict) or entry.get("source") in ("sdk", "path"):
                continue
            dev = str(entry.get("dependency", "")) == "direct dev"
            line = lines.find_next(f"  {name}:")
            packages.append(
                Package(PUB, normalise_name(PUB, str(name)), str(entry.get("version", "")), dev, path, line)
            )
        return packages
