"""pnpm ``pnpm-lock.yaml`` v5 (``/name/version``), v6 (``/name@version``) and v9 (``name@version``
plus ``snapshots`` and ``importers``). Peer-dependency suffixes are stripped."""

from __future__ import annotations

import re
from typing import Any

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename, dedupe
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, load_yaml
from ridgeline.domain.packages import NPM, Package

_V5_PEER = re.compile(r"_.*$")


def parse_key(key: str, lockfile_version: float) -> tuple[str, str] | None:
    key = key.strip()
    if lockfile_version < 9:
        key = key.lstrip("/")
    paren = key.find("(")
    if paren > 0:
        key = key[:paren]
    if lockfile_version < 6:
        name, _, version = key.rpartition("/")
        version = _V5_PEER.sub("", version)
    else:
        at = key.rfind("@")
        if at <= 0:
            return None
        name, version = key[:at], key[at + 1 :]
    if not name or not version or ":" in version or "/" in name.lstrip("@").split("/", 1)[-1]:
        return None
    return name, version


def _importer_names(importers: Any, field: str) -> set[str]:
    names: set[str] = set()
    if isinstance(importers, dict):
        for importer in importers.values():
            deps = importer.get(field) if isinstance(importer, dict) else None
            if isinstance(deps, dict):
                names.update(deps)
    return names


class PnpmLockExtractor:
    name = "pnpm-lock.yaml"
    ecosystem = NPM

    def matches(self, path: str) -> bool:
        return basename(path) in ("pnpm-lock.yaml", "shrinkwrap.yaml")

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_yaml(text)
        if data is None:
            return []
        if not isinstance(data, dict):
            raise UnparsableLockfile("not a pnpm lockfile mapping")
        try:
            lockfile_version = float(str(data.get("lockfileVersion", "5")).split(".")[0] or 5)
        except ValueError:
            raise UnparsableLockfile("unknown lockfileVersion") from None
        entries = data.get("packages") or {}
        if not isinstance(entries, dict):
            raise UnparsableLockfile("packages is not a mapping")
        importers = data.get("importers") or {".": data}
        dev_only = (
            _importer_names(importers, "devDependencies")
            - _importer_names(importers, "dependencies")
            - _importer_names(importers, "optionalDependencies")
        )
        lines = LineIndex(text)
        lines.seek("\npackages:")
        packages = []
        for key, entry in entries.items():
            parsed = parse_key(str(key), lockfile_version)
            if parsed is None:
                continue
            name, version = parsed
            entry = entry if isinstance(entry, dict) else {}
            if "name" in entry and "version" in entry:
                name, version = str(entry["name"]), str(entry["version"])
            dev = bool(entry["dev"]) if "dev" in entry else name in dev_only
            packages.append(Package(NPM, name, version, dev, path, lines.find_next(str(key))))
        return dedupe(packages)
