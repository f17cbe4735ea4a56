"""Version ordering per ecosystem and OSV range evaluation, on hand-made cases."""

from __future__ import annotations

import pytest

from ridgeline.domain.packages import AffectedPackage, AffectedRange, RangeEvent
from ridgeline.vulndb.versions import is_affected, smallest_fixed_above, version_key


def _ordered(ecosystem: str, versions: list[str]) -> None:
    keys = [version_key(ecosystem, v) for v in versions]
    assert all(k is not None for k in keys), versions
    for low, high, lv, hv in zip(keys, keys[1:], versions, versions[1:], strict=False):
        assert low < high, f"{lv} < {hv} in {ecosystem}"


@pytest.mark.parametrize(
    ("ecosystem", "versions"),
    [
        ("PyPI", ["1.0.dev1", "1.0a1", "1.0rc1", "1.0", "1.0.post1", "1.0.1", "1!0.1"]),
        (
            "npm",
            [
                "1.0.0-alpha",
                "1.0.0-alpha.1",
                "1.0.0-alpha.beta",
                "1.0.0-beta.2",
                "1.0.0-beta.11",
                "1.0.0-rc.1",
                "1.0.0",
                "1.0.1",
                "1.10.0",
            ],
        ),
        (
            "Go",
            [
                "v0.0.0-20190108225652-1e06a53dbb7e",
                "0.0.0-20200101000000-abcdefabcdef",
                "v0.1.0",
                "v1.2.3-pre",
                "v1.2.3",
                "2.0.0+incompatible",
                "v2.0.1",
            ],
        ),
        ("crates.io", ["0.0.0-0", "0.0.0", "0.1.0", "1.0.0-alpha.1", "1.0.0"]),
        ("RubyGems", ["1.0.a", "1.0.b1", "1.0", "1.0.0.1", "1.0.1", "1.10"]),
        (
            "Maven",
            [
                "1.0-alpha-1",
                "1.0-beta",
                "1.0-M1",
                "1.0-rc1",
                "1.0-SNAPSHOT",
                "1.0",
                "1.0-sp1",
                "1.0.1",
                "2.15.0",
            ],
        ),
        (
            "Packagist",
            [
                "1.0.0-dev",
                "1.0.0-alpha1",
                "1.0.0-beta2",
                "1.0.0-RC1",
                "1.0.0",
                "1.0.0-patch1",
                "1.0.1",
                "v1.1",
            ],
        ),
        ("NuGet", ["1.0.0-Alpha", "1.0.0-beta", "1.0.0", "1.0.0.1", "1.0.1"]),
        ("Hex", ["1.0.0-rc.0", "1.0.0", "1.11.0"]),
        ("Unknown", ["1.0a", "1.0", "1.2", "1.10"]),
    ],
)
def test_orders_versions(ecosystem: str, versions: list[str]) -> None:
    _ordered(ecosystem, versions)


@pytest.mark.parametrize(
    ("ecosystem", "left", "right"),
    [
        ("PyPI", "1.0", "1.0.0"),
        ("RubyGems", "1.0", "1"),
        ("Maven", "1.0", "1.0.0"),
        ("Maven", "1.0-ga", "1.0"),
        ("npm", "1.0.0+build.1", "1.0.0"),
        ("NuGet", "1.0.0-BETA", "1.0.0-beta"),
        ("Packagist", "v2.0.0", "2.0.0"),
    ],
)
def test_equal_spellings(ecosystem: str, left: str, right: str) -> None:
    assert version_key(ecosystem, left) == version_key(ecosystem, right)


def test_unparsable_version_has_no_key() -> None:
    assert version_key("npm", "not-a-version") is None
    assert version_key("Packagist", "dev-master") is None
    assert version_key("PyPI", "latest") is None


def _entry(
    ecosystem: str, *events: tuple[str, str], versions: tuple[str, ...] = (), kind: str = "ECOSYSTEM"
) -> AffectedPackage:
    return AffectedPackage(
        ecosystem, "pkg", (AffectedRange(kind, tuple(RangeEvent(k, v) for k, v in events)),), versions
    )


def test_introduced_fixed() -> None:
    entry = _entry("PyPI", ("introduced", "1.0"), ("fixed", "1.5"), ("introduced", "2.0"), ("fixed", "2.0.3"))
    assert [
        v
        for v in ["0.9", "1.0", "1.4.9", "1.5", "1.9", "2.0", "2.0.2", "2.0.3", "3"]
        if is_affected(v, entry)
    ] == ["1.0", "1.4.9", "2.0", "2.0.2"]


def test_last_affected_and_limit() -> None:
    entry = _entry("npm", ("introduced", "0"), ("last_affected", "1.2.3"), kind="SEMVER")
    assert is_affected("1.2.3", entry) and not is_affected("1.2.4", entry) and is_affected("0.0.1", entry)
    limited = _entry("Go", ("introduced", "1.0.0"), ("limit", "1.5.0"), kind="SEMVER")
    assert is_affected("1.4.9", limited) and not is_affected("1.5.0", limited)


def test_explicit_versions_list_and_git_ranges() -> None:
    entry = AffectedPackage(
        "PyPI",
        "pkg",
        (AffectedRange("GIT", (RangeEvent("introduced", "0"), RangeEvent("fixed", "abc.patch"))),),
        ("0.9", "1.0"),
    )
    assert is_affected("1.0.0", entry) and is_affected("0.9", entry) and not is_affected("1.1", entry)


def test_unparsable_range_is_not_guessed() -> None:
    entry = _entry("npm", ("introduced", "0"), ("fixed", "garbage"), kind="SEMVER")
    assert not is_affected("1.0.0", entry)
    assert not is_affected("", _entry("npm", ("introduced", "0")))


def test_pseudo_versions_in_go_ranges() -> None:
    entry = _entry("Go", ("introduced", "0"), ("fixed", "0.0.0-20200101000000-abcdefabcdef"), kind="SEMVER")
    assert is_affected("v0.0.0-20190108225652-1e06a53dbb7e", entry)
    assert not is_affected("v0.1.0", entry)


def test_smallest_fixed_above() -> None:
    assert smallest_fixed_above("Maven", "2.14.1", ["2.3.1", "2.12.2", "2.15.0", "2.16.0"]) == "2.15.0"
    assert smallest_fixed_above("npm", "4.17.15", ["4.17.20", "4.17.19"]) == "4.17.19"
    assert smallest_fixed_above("PyPI", "9.0", ["1.0"]) is None
