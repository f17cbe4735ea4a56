"""Yarn ``yarn.lock``, classic (v1, its own syntax) and Berry (v2+, YAML-like) — read line by line,
so neither needs a YAML parser. Dev dependencies are not recorded in yarn.lock."""

from __future__ import annotations

import re

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename, dedupe
from ridgeline.domain.packages import NPM, Package

_VERSION = re.compile(r'^\s+version:?\s+"?([^"\s]+)"?\s*$')
_RESOLUTION = re.compile(r'^\s+resolution:\s+"?([^"]+)"?\s*$')


def _name_of(spec: str) -> str:
    spec = spec.strip().strip('"')
    at = spec.find("@", 1)
    name = spec if at < 0 else spec[:at]
    rest = spec[at + 1 :] if at >= 0 else ""
    if rest.startswith("npm:") and "@" in rest[5:]:
        # "alias@npm:real@^1" → real
        target = rest[4:]
        at = target.find("@", 1)
        if at > 0:
            return target[:at]
    return name


class YarnLockExtractor:
    name = "yarn.lock"
    ecosystem = NPM

    def matches(self, path: str) -> bool:
        return basename(path) == "yarn.lock"

    def extract(self, text: str, path: str) -> list[Package]:
        packages: list[Package] = []
        header: str | None = None
        header_line = 0
        version = resolution = ""

        def flush() -> None:
            if header is None or header.startswith("__metadata"):
                return
            specs = header.rstrip(":").split(",")
            name = _name_of(specs[0])
            if resolution:
                if "@workspace:" in resolution or "@link:" in resolution or "@portal:" in resolution:
                    return
                name = _name_of(resolution)
            elif any("@workspace:" in s or "@file:" in s or "@link:" in s for s in specs):
                return
            packages.append(Package(NPM, name, version, False, path, header_line))

        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line[0].isspace():
                if not line.rstrip().endswith(":"):
                    raise UnparsableLockfile(f"unexpected line {number}")
                flush()
                header, header_line, version, resolution = line.strip(), number, "", ""
                continue
            if header is None:
                raise UnparsableLockfile(f"indented line {number} before any entry")
            match = _VERSION.match(line)
            if match and line.startswith("  ") and not line.startswith("   "):
                version = match.group(1)
                continue
            match = _RESOLUTION.match(line)
            if match:
                resolution = match.group(1)
        flush()
        return dedupe(packages)
