"""Version ordering and OSV range evaluation per ecosystem.

Every ecosystem orders versions its own way (PEP 440, SemVer, Go pseudo-versions, Gem::Version,
Maven's ComparableVersion, Composer stabilities, NuGet); a wrong order means a missed or a false
vulnerability, so each has its own key. A version that cannot be parsed yields ``None`` and the
range is then judged only by an advisory's explicit ``versions`` list, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from packaging.version import InvalidVersion, Version

from ridgeline.domain import packages as eco
from ridgeline.domain.packages import AffectedPackage, AffectedRange

VersionKey = Any

_SEMVER = re.compile(
    r"^v?(?P<major>0|[1-9]\d*|\d+)(?:\.(?P<minor>\d+))?(?:\.(?P<patch>\d+))?"
    r"(?:-(?P<pre>[0-9A-Za-z.-]+))?(?:\+(?P<build>[0-9A-Za-z.-]+))?$"
)
_NUGET = re.compile(
    r"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$"
)
_TOKENS = re.compile(r"\d+|[a-zA-Z]+")


def _identifiers(pre: str, *, fold: bool = False) -> tuple[tuple[int, int, str], ...]:
    parts = []
    for part in pre.split("."):
        if part.isdigit():
            parts.append((0, int(part), ""))
        else:
            parts.append((1, 0, part.lower() if fold else part))
    return tuple(parts)


def semver_key(text: str) -> VersionKey | None:
    """SemVer 2.0 precedence; build metadata ignored; a leading ``v`` accepted (Go)."""
    match = _SEMVER.match(text.strip())
    if match is None:
        return None
    numbers = tuple(int(match.group(g) or 0) for g in ("major", "minor", "patch"))
    pre = match.group("pre")
    return (*numbers, (0, _identifiers(pre)) if pre else (1, ()))


def nuget_key(text: str) -> VersionKey | None:
    """NuGet: up to four numeric parts, case-insensitive pre-release labels."""
    match = _NUGET.match(text.strip())
    if match is None:
        return None
    numbers = tuple(int(g or 0) for g in match.groups()[:4])
    pre = match.group(5)
    return (*numbers, (0, _identifiers(pre, fold=True)) if pre else (1, ()))


def pep440_key(text: str) -> VersionKey | None:
    try:
        return Version(text.strip())
    except InvalidVersion:
        return None


# Token ordering for the qualifier-style ecosystems: numbers compare as numbers; a missing part equals
# zero; pre-release words sort below it, post-release words just above the same release.
_PAD = (3, 0, "")

_MAVEN_QUALIFIERS = {"alpha": 1, "a": 1, "beta": 2, "b": 2, "milestone": 3, "m": 3, "rc": 4, "cr": 4}
_MAVEN_RELEASE = {"ga", "final", "release"}
_COMPOSER_QUALIFIERS = {"dev": 0, "alpha": 1, "a": 1, "beta": 2, "b": 2, "rc": 3}
_COMPOSER_POST = {"patch", "pl", "p"}


def _token_key(text: str, classify: Callable[[str], tuple[int, int, str] | None]) -> VersionKey | None:
    tokens = _TOKENS.findall(text)
    if not tokens or not tokens[0].isdigit():
        return None
    keyed: list[tuple[int, int, str]] = []
    for token in tokens:
        if token.isdigit():
            keyed.append((3, int(token), ""))
            continue
        word = classify(token.lower())
        if word is not None:
            keyed.append(word)
    while keyed and keyed[-1] == _PAD:
        keyed.pop()
    return _Padded(tuple(keyed))


class _Padded:
    """A token tuple compared as if padded with zeros, so ``1.0`` equals ``1`` and ``1.0.0``."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: tuple[tuple[int, int, str], ...]) -> None:
        self.tokens = tokens

    def _pair(self, other: _Padded) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        width = max(len(self.tokens), len(other.tokens))
        return (
            self.tokens + (_PAD,) * (width - len(self.tokens)),
            other.tokens + (_PAD,) * (width - len(other.tokens)),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Padded):
            return NotImplemented
        left, right = self._pair(other)
        return left == right

    def __hash__(self) -> int:
        return hash(self.tokens)

    def __lt__(self, other: _Padded) -> bool:
        left, right = self._pair(other)
        return left < right

    def __le__(self, other: _Padded) -> bool:
        left, right = self._pair(other)
        return left <= right

    def __gt__(self, other: _Padded) -> bool:
        return other < self

    def __ge__(self, other: _Padded) -> bool:
        return other <= self


def rubygems_key(text: str) -> VersionKey | None:
    """Gem::Version: any letter segment makes a pre-release, letters compare as strings."""
    return _token_key(text, lambda word: (1, 0, word))


def maven_key(text: str) -> VersionKey | None:
    def classify(word: str) -> tuple[int, int, str] | None:
        if word in _MAVEN_RELEASE:
            return None
        if word in _MAVEN_QUALIFIERS:
            return (1, _MAVEN_QUALIFIERS[word], "")
        if word == "snapshot":
            return (1, 5, "")
        if word == "sp":
            return (3, 0, "sp")
        return (1, 6, word)

    return _token_key(text, classify)


def composer_key(text: str) -> VersionKey | None:
    if text.strip().lower().startswith("dev-"):
        return None

    def classify(word: str) -> tuple[int, int, str] | None:
        if word == "v" or word == "stable":
            return None
        if word in _COMPOSER_QUALIFIERS:
            return (1, _COMPOSER_QUALIFIERS[word], "")
        if word in _COMPOSER_POST:
            return (3, 0, "p")
        return (1, 4, word)

    return _token_key(text.strip().lstrip("vV"), classify)


def generic_key(text: str) -> VersionKey | None:
    """The fallback: numeric parts in order, any word a pre-release."""
    return _token_key(text, lambda word: (1, 0, word))


_ECOSYSTEM_KEYS: dict[str, Callable[[str], VersionKey | None]] = {
    eco.PYPI: pep440_key,
    eco.NPM: semver_key,
    eco.GO: semver_key,
    eco.CRATES_IO: semver_key,
    eco.PUB: semver_key,
    eco.HEX: semver_key,
    eco.SWIFT: semver_key,
    eco.RUBYGEMS: rubygems_key,
    eco.MAVEN: maven_key,
    eco.PACKAGIST: composer_key,
    eco.NUGET: nuget_key,
}


@lru_cache(maxsize=1 << 16)
def version_key(ecosystem: str, version: str) -> VersionKey | None:
    """A sortable key of ``version`` in ``ecosystem``'s order, or None if it is not a version there.

    Cached: advisories list the same versions again and again, and keys are immutable."""
    return _ECOSYSTEM_KEYS.get(ecosystem, generic_key)(version)


_cached_semver_key = lru_cache(maxsize=1 << 16)(semver_key)


def _range_key(range_type: str, ecosystem: str) -> Callable[[str], VersionKey | None]:
    if range_type == "SEMVER":
        return _cached_semver_key
    return lambda version: version_key(ecosystem, version)


def _in_range(version: str, affected_range: AffectedRange, ecosystem: str) -> bool | None:
    """OSV's algorithm: walk the events in version order; None when the range cannot be judged."""
    key_of = _range_key(affected_range.type, ecosystem)
    current = key_of(version)
    if current is None:
        return None
    events: list[tuple[int, Any, str]] = []
    for event in affected_range.events:
        if event.kind == "introduced" and event.version in ("0", ""):
            events.append((0, None, "introduced"))
            continue
        key = key_of(event.version)
        if key is None:
            return None
        events.append((1, key, event.kind))
    affected = False
    ordered = [e for e in events if e[0] == 0] + sorted(
        (e for e in events if e[0] == 1), key=lambda e: _SortBox(e[1])
    )
    for _, key, kind in ordered:
        if kind == "introduced":
            if key is None or current >= key:
                affected = True
        elif kind in ("fixed", "limit"):
            if current >= key:
                affected = False
        elif kind == "last_affected" and current > key:
            affected = False
    return affected


class _SortBox:
    """Lets ``sorted`` use keys that define only rich comparisons (stable for equal keys)."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _SortBox) -> bool:
        return bool(self.key < other.key)


def is_affected(version: str, affected: AffectedPackage) -> bool:
    """Whether ``version`` of the package lies in the advisory's listed versions or ranges.

    GIT ranges name commits, not releases, and are ignored; explicit ``versions`` always count.
    """
    if not version:
        return False
    if affected.versions:
        if version in affected.versions:
            return True
        current = version_key(affected.ecosystem, version)
        if current is not None and any(
            version_key(affected.ecosystem, v) == current for v in affected.versions
        ):
            return True
    for affected_range in affected.ranges:
        if affected_range.type == "GIT":
            continue
        if _in_range(version, affected_range, affected.ecosystem):
            return True
    return False


def smallest_fixed_above(ecosystem: str, version: str, fixed: tuple[str, ...] | list[str]) -> str | None:
    """The lowest fixed version greater than ``version``: what to upgrade to."""
    current = version_key(ecosystem, version)
    if current is None:
        return None
    candidates = []
    for candidate in fixed:
        key = version_key(ecosystem, candidate)
        if key is not None and key > current:
            candidates.append((_SortBox(key), candidate))
    if not candidates:
        return None
    return min(candidates, key=lambda pair: pair[0])[1]
