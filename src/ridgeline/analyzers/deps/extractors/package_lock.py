"""npm ``package-lock.json`` / ``npm-shrinkwrap.json`` v1 (nested ``dependencies``) and v2/v3
(flat ``packages`` keyed by ``node_modules`` path, workspaces as links, ``npm:`` aliases)."""

from __future__ import annotations

import json
from typing import Any

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename, dedupe
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, load_json
from ridgeline.domain.packages import NPM, Package

_MAX_NESTING = 200


def split_alias(name: str, version: str) -> tuple[str, str]:
    """``npm:real-name@1.2.3`` (an alias) → (real-name, 1.2.3)."""
    if version.startswith("npm:"):
        target = version[4:]
        at = target.rfind("@")
        if at > 0:
            return target[:at], target[at + 1 :]
    return name, version


class PackageLockExtractor:
    name = "package-lock.json"
    ecosystem = NPM

    def matches(self, path: str) -> bool:
        return basename(path) in (
            "package-lock.json",
            "npm-shrinkwrap.json",
        ) and "node_modules" not in path.split("/")

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_json(text)
        if not isinstance(data, dict):
            raise UnparsableLockfile("not a package-lock object")
        lines = LineIndex(text)
        if isinstance(data.get("packages"), dict):
            packages = self._from_packages(data["packages"], lines, path)
        elif isinstance(data.get("dependencies"), dict):
            packages = []
            self._from_dependencies(data["dependencies"], lines, path, packages, 0)
        elif "lockfileVersion" in data:
            packages = []
        else:
            raise UnparsableLockfile("neither packages nor dependencies")
        return dedupe(packages)

    @staticmethod
    def _from_packages(entries: dict[str, Any], lines: LineIndex, path: str) -> list[Package]:
        packages = []
        for key, entry in entries.items():
            if not isinstance(entry, dict) or entry.get("link") or "node_modules/" not in key:
                continue
            name = entry.get("name") or key.rsplit("node_modules/", 1)[1]
            version = str(entry.get("version", ""))
            name, version = split_alias(name, version)
            line = lines.find_next(json.dumps(key) + ":")
            packages.append(Package(NPM, name, version, bool(entry.get("dev")), path, line))
        return packages

    def _from_dependencies(
        self, entries: dict[str, Any], lines: LineIndex, path: str, out: list[Package], depth: int
    ) -> None:
        if depth > _MAX_NESTING:
            raise UnparsableLockfile("dependencies nested too deep")
        for key, entry in entries.items():
            if not isinstance(entry, dict):
                continue
            name, version = split_alias(key, str(entry.get("version", "")))
            if version.startswith("file:"):
                continue
            line = lines.find_next(json.dumps(key) + ":")
            out.append(Package(NPM, name, version, bool(entry.get("dev")), path, line))
            nested = entry.get("dependencies")
            if isinstance(nested, dict):
                self._from_dependencies(nested, lines, path, out, depth + 1)
