"""Bundler ``Gemfile.lock`` (and ``gems.locked``): the ``specs`` of the GEM and GIT sections;
PATH gems are the project's own and skipped. Platform suffixes (``-x86_64-linux``) are dropped."""

from __future__ import annotations

import re

from ridgeline.analyzers.deps.extractors.base import UnparsableLockfile, basename, dedupe
from ridgeline.domain.packages import RUBYGEMS, Package

_SPEC = re.compile(r"^    ([^\s(]+) \(([^)]+)\)\s*$")
_SECTIONS = {
    "GEM",
    "GIT",
    "PATH",
    "PLATFORMS",
    "DEPENDENCIES",
    "BUNDLED WITH",
    "RUBY VERSION",
    "CHECKSUMS",
    "PLUGIN SOURCE",
}


class GemfileLockExtractor:
    name = "Gemfile.lock"
    ecosystem = RUBYGEMS

    def matches(self, path: str) -> bool:
        return basename(path) in ("Gemfile.lock", "gems.locked")

    def extract(self, text: str, path: str) -> list[Package]:
        packages = []
        section = ""
        saw_section = False
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            if not line[0].isspace():
                section = line.strip()
                saw_section = saw_section or section in _SECTIONS
                continue
            if section not in ("GEM", "GIT"):
                continue
            match = _SPEC.match(line)
            if match:
                version = match.group(2).split("-", 1)[0]
                packages.append(Package(RUBYGEMS, match.group(1), version, False, path, number))
        if text.strip() and not saw_section:
            raise UnparsableLockfile("no Gemfile.lock sections")
        return dedupe(packages)
