"""Gradle dependency locking ``gradle.lockfile`` (and ``buildscript-gradle.lockfile``):
``group:artifact:version=configurations``; a package only in test configurations is dev."""

from __future__ import annotations

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename
from ridgeline.domain.packages import MAVEN, Package


class GradleLockfileExtractor:
    name = "gradle.lockfile"
    ecosystem = MAVEN

    def matches(self, path: str) -> bool:
        return basename(path).endswith("gradle.lockfile")

    def extract(self, text: str, path: str) -> list[Package]:
        packages = []
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#") or line.startswith("empty="):
                continue
            coordinates, _, configurations = line.partition("=")
            parts = coordinates.split(":")
            if len(parts) != 3:
                raise UnparsableLockfile(f"line {number} is not group:artifact:version")
            group, artifact, version = parts
            names = [c for c in configurations.split(",") if c]
            dev = bool(names) and all("test" in c.lower() for c in names)
            packages.append(Package(MAVEN, f"{group}:{artifact}", version, dev, path, number))
        return packages
