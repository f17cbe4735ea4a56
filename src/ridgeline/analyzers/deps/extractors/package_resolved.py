"""SwiftPM ``Package.resolved`` v1 (``object.pins``) and v2/v3 (``pins``). Packages are named by
their repository URL as OSV's ``SwiftURL`` ecosystem does; pins to a branch are unpinned."""

from __future__ import annotations

import json
import re

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.analyzers.deps.extractors.parsing import LineIndex, load_json
from ridgeline.domain.packages import SWIFT, Package, normalise_name

_SCHEME = re.compile(r"^(?:[a-z+]+://)?(?:[^@/]+@)?")


def swift_name(url: str) -> str:
    """A clone URL (https or scp-like, with or without .git) → ``github.com/apple/swift-nio``."""
    stripped = _SCHEME.sub("", url.strip())
    if ":" in stripped.split("/", 1)[0]:
        stripped = stripped.replace(":", "/", 1)
    return normalise_name(SWIFT, stripped.rstrip("/"))


class PackageResolvedExtractor:
    name = "Package.resolved"
    ecosystem = SWIFT

    def matches(self, path: str) -> bool:
        return basename(path) == "Package.resolved"

    def extract(self, text: str, path: str) -> list[Package]:
        data = load_json(text)
        if not isinstance(data, dict):
            raise UnparsableLockfile("not a Package.resolved object")
        pins = data.get("pins")
        if pins is None and isinstance(data.get("object"), dict):
            pins = data["object"].get("pins")
        if not isinstance(pins, list):
            raise UnparsableLockfile("no pins")
        lines = LineIndex(text)
        packages = []
        for pin in pins:
            if not isinstance(pin, dict):
                continue
            url = pin.get("location") or pin.get("repositoryURL")
            if not isinstance(url, str):
                continue
            state = pin.get("state")
            version = (state.get("version") if isinstance(state, dict) else None) or ""
            packages.append(
                Package(SWIFT, swift_name(url), str(version), False, path, lines.find_next(json.dumps(url)))
            )
        return packages
