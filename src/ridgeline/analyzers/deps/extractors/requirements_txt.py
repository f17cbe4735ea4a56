"""pip ``requirements*.txt``: pins with ``==``/``===``; everything else is reported unpinned.

Includes (``-r``/``-c``) are followed only inside the repository and only through the reader the
analyzer provides; continuations, hashes, markers and extras are understood, never executed.
"""

from __future__ import annotations

import re

from packaging.requirements import InvalidRequirement, Requirement

from ridgeline.analyzers.deps.extractors.base import IncludeReader
from ridgeline.domain.packages import PYPI, Package, normalise_name

_COMMENT = re.compile(r"(^|\s)#.*$")
_OPTION_WITH_VALUE = re.compile(r"\s--?(hash|config-settings|global-option|install-option)[= ]\S+")
_EGG = re.compile(r"#egg=([A-Za-z0-9][A-Za-z0-9._-]*)")
_INCLUDE = re.compile(r"^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)")
_EDITABLE = re.compile(r"^(-e|--editable)(?:\s*=\s*|\s+)(\S+)")
MAX_INCLUDE_DEPTH = 8


def logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, joined content) with comments dropped and ``\\`` continuations joined."""
    result: list[tuple[int, str]] = []
    buffer: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        if not buffer:
            start = number
        line = _COMMENT.sub("", raw)
        if line.endswith("\\"):
            buffer.append(line[:-1])
            continue
        buffer.append(line)
        joined = " ".join(part.strip() for part in buffer).strip()
        buffer = []
        if joined:
            result.append((start, joined))
    if buffer:
        joined = " ".join(part.strip() for part in buffer).strip()
        if joined:
            result.append((start, joined))
    return result


def _pinned_version(requirement: Requirement) -> str:
    specifiers = list(requirement.specifier)
    if len(specifiers) == 1 and specifiers[0].operator in ("==", "===") and "*" not in specifiers[0].version:
        return specifiers[0].version
    return ""


class RequirementsTxtExtractor:
    """``requirements*.txt``, ``*requirements.txt`` (``dev-requirements.txt``) and ``requirements/*.txt``."""

    name = "requirements.txt"
    ecosystem = PYPI

    def matches(self, path: str) -> bool:
        if not path.endswith(".txt"):
            return False
        parent, _, name = path.rpartition("/")
        return (
            name.startswith("requirements")
            or name.endswith("requirements.txt")
            or parent.rpartition("/")[2] == "requirements"
        )

    def extract(self, text: str, path: str) -> list[Package]:
        return self._extract(text, path, None, set(), 0)

    def extract_with_includes(self, text: str, path: str, reader: IncludeReader) -> list[Package]:
        return self._extract(text, path, reader, {path}, 0)

    def _extract(
        self, text: str, path: str, reader: IncludeReader | None, seen: set[str], depth: int
    ) -> list[Package]:
        packages: list[Package] = []
        for number, line in logical_lines(text):
            include = _INCLUDE.match(line)
            if include:
                if reader is not None and depth < MAX_INCLUDE_DEPTH:
                    packages.extend(self._include(path, include.group(2), reader, seen, depth))
                continue
            editable = _EDITABLE.match(line)
            if editable:
                egg = _EGG.search(editable.group(2))
                if egg:
                    packages.append(
                        Package(PYPI, normalise_name(PYPI, egg.group(1)), "", False, path, number)
                    )
                continue
            if line.startswith("-"):
                continue
            if "://" in line.split("@", 1)[0] or line.startswith((".", "/")):
                egg = _EGG.search(line)
                if egg:
                    packages.append(
                        Package(PYPI, normalise_name(PYPI, egg.group(1)), "", False, path, number)
                    )
                continue
            cleaned = _OPTION_WITH_VALUE.sub("", " " + line).strip()
            try:
                requirement = Requirement(cleaned)
            except InvalidRequirement:
                continue
            version = "" if requirement.url else _pinned_version(requirement)
            packages.append(
                Package(PYPI, normalise_name(PYPI, requirement.name), version, False, path, number)
            )
        return packages

    def _include(
        self, path: str, target: str, reader: IncludeReader, seen: set[str], depth: int
    ) -> list[Package]:
        found = reader(path, target)
        if found is None:
            return []
        included_path, included_text = found
        if included_path in seen or self.matches(included_path):
            # already being read, or the walk hands it to the analyzer on its own
            return []
        seen.add(included_path)
        return self._extract(included_text, included_path, reader, seen, depth + 1)
