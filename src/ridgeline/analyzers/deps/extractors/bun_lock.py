"""Bun's text lockfile ``bun.lock`` (JSONC). The binary ``bun.lockb`` is not read."""

from __future__ import annotations

import json

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename, dedupe
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, load_json, strip_json_extras
from ridgeline.domain.packages import NPM, Package


class BunLockExtractor:
    name = "bun.lock"
    ecosystem = NPM

    def matches(self, path: str) -> bool:
        return basename(path) == "bun.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_json(strip_json_extras(text))
        if not isinstance(data, dict) or not isinstance(data.get("packages", {}), dict):
            raise UnparsableLockfile("not a bun.lock object")
        workspaces = data.get("workspaces") or {}
        prod: set[str] = set()
        dev: set[str] = set()
        for workspace in workspaces.values() if isinstance(workspaces, dict) else ():
            if isinstance(workspace, dict):
                for field in ("dependencies", "optionalDependencies", "peerDependencies"):
                    prod.update(workspace.get(field) or {})
                dev.update(workspace.get("devDependencies") or {})
        lines = LineIndex(text)
        lines.seek('"packages"')
        packages = []
        for key, entry in data.get("packages", {}).items():
            if not isinstance(entry, list) or not entry or not isinstance(entry[0], str):
                continue
            spec = entry[0]
            at = spec.rfind("@")
            if at <= 0:
                continue
            name, version = spec[:at], spec[at + 1 :]
            if ":" in version:  # workspace:, link:, file:, github: …
                continue
            packages.append(
                Package(
                    NPM,
                    name,
                    version,
                    name in dev and name not in prod,
                    path,
                    lines.find_next(json.dumps(key) + ":"),
                )
            )
        return dedupe(packages)
