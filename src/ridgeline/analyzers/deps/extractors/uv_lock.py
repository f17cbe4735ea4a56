"""uv ``uv.lock``: the project's own (editable/virtual) packages are skipped; a package reached only
through ``dev-dependencies`` is dev."""

from __future__ import annotations

from typing import Any

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import header_lines, load_toml
from ridgeline.domain.packages import PYPI, Package, normalise_name

_LOCAL_SOURCES = ("editable", "virtual", "directory", "path")


def _names(groups: Any) -> list[str]:
    names: list[str] = []
    if isinstance(groups, dict):
        for deps in groups.values():
            names.extend(_names(deps))
    elif isinstance(groups, list):
        names.extend(normalise_name(PYPI, d["name"]) for d in groups if isinstance(d, dict) and "name" in d)
    return names


class UvLockExtractor:
    name = "uv.lock"
    ecosystem = PYPI

    def matches(self, path: str) -> bool:
        return basename(path) == "uv.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_toml(text)
        entries = data.get("package", [])
        if not isinstance(entries, list):
            raise UnparsableLockfile("package is not an array of tables")
        by_name = {normalise_name(PYPI, e["name"]): e for e in entries}
        roots = [e for e in entries if any(k in (e.get("source") or {}) for k in _LOCAL_SOURCES)]
        production = self._reachable(
            [
                n
                for r in roots
                for n in _names(r.get("dependencies")) + _names(r.get("optional-dependencies"))
            ],
            by_name,
        )
        lines = header_lines(text, "package")
        packages = []
        for index, entry in enumerate(entries):
            if entry in roots:
                continue
            name = normalise_name(PYPI, entry["name"])
            dev = bool(roots) and name not in production
            line = lines[index] if index < len(lines) else 0
            packages.append(Package(PYPI, name, str(entry.get("version", "")), dev, path, line))
        return packages

    @staticmethod
    def _reachable(start: list[str], by_name: dict[str, dict[str, Any]]) -> set[str]:
        seen: set[str] = set()
        stack = list(start)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            entry = by_name.get(name) or {}
            stack.extend(_names(entry.get("dependencies")) + _names(entry.get("optional-dependencies")))
        return seen
