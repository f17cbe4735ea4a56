"""PHP ``composer.lock``: ``packages`` and ``packages-dev`` (dev). ``v1.2.3`` is reported as ``1.2.3``."""

from __future__ import annotations

import json
import re

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, load_json
from ridgeline.domain.packages import PACKAGIST, Package, normalise_name

_V_PREFIX = re.compile(r"^[vV](?=\d)")


class ComposerLockExtractor:
    name = "composer.lock"
    ecosystem = PACKAGIST

    def matches(self, path: str) -> bool:
        return basename(path) == "composer.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_json(text)
        if not isinstance(data, dict):
            raise UnparsableLockfile("not a composer.lock object")
        lines = LineIndex(text)
        packages = []
        for section, dev in (("packages", False), ("packages-dev", True)):
            entries = data.get(section) or []
            if not isinstance(entries, list):
                raise UnparsableLockfile(f"{section} is not a list")
            lines.seek(f'"{section}"')
            for entry in entries:
                if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                    continue
                version = _V_PREFIX.sub("", str(entry.get("version", "")))
                line = lines.find_next(f'"name": {json.dumps(entry["name"])}')
                packages.append(
                    Package(PACKAGIST, normalise_name(PACKAGIST, entry["name"]), version, dev, path, line)
                )
        return packages
