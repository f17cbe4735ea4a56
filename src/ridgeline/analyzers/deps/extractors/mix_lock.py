"""Elixir ``mix.lock``: an Elixir map literal, read with a line pattern (never evaluated);
``:hex`` entries only — git dependencies have no release version."""

from __future__ import annotations

import re

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.domain.packages import HEX, Package, normalise_name

_HEX = re.compile(r'^\s*"?([\w-]+)"?:\s*\{:hex,\s*:"?([\w-]+)"?,\s*"([^"]+)"')


class MixLockExtractor:
    name = "mix.lock"
    ecosystem = HEX

    def matches(self, path: str) -> bool:
        return basename(path) == "mix.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        stripped = text.strip()
        if stripped and not (stripped.startswith("%{") and stripped.endswith("}")):
            raise UnparsableLockfile("not an Elixir map")
        packages = []
        for number, line in enumerate(text.splitlines(), 1):
            match = _HEX.match(line)
            if match:
                packages.append(
                    Package(HEX, normalise_name(HEX, match.group(2)), match.group(3), False, path, number)
                )
        return packages
