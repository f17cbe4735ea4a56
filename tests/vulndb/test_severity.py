"""Severity from CVSS vectors (scored by the specification's formula) or the database's rating."""

from __future__ import annotations

from ridgeline.analyzers.deps.analyzer import finding_for, merge_aliases
from ridgeline.domain.findings import Severity
from ridgeline.domain.packages import (
    Advisory,
    AffectedPackage,
    AffectedRange,
    Package,
    RangeEvent,
    SeverityScore,
)
from ridgeline.vulndb.records import advisory_from_osv
from ridgeline.vulndb.severity import advisory_severity, cvss_score


def test_cvss_vectors_are_scored() -> None:
    assert cvss_score("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H") == 9.8
    assert cvss_score("CVSS_V3", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H") == 7.4
    assert cvss_score("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N") == 9.3
    assert cvss_score("CVSS_V3", "not a vector") is None


def test_v4_preferred_then_database_rating_then_medium() -> None:
    both = Advisory(
        "X-1",
        severity=(
            SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            SeverityScore("CVSS_V4", "CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N"),
        ),
    )
    assert advisory_severity(both)[0] is Severity.LOW
    assert advisory_severity(Advisory("X-2", database_severity="MODERATE")) == (Severity.MEDIUM, None)
    assert advisory_severity(Advisory("X-3"), "CRITICAL") == (Severity.CRITICAL, None)
    assert advisory_severity(Advisory("X-4")) == (Severity.MEDIUM, None)
    rubysec = advisory_from_osv({"id": "x_R", "database_specific": {"cvss_v3": 9.1}})
    assert advisory_severity(rubysec) == (Severity.CRITICAL, None)


def _advisory(identifier: str, aliases: tuple[str, ...], fixed: str | None) -> Advisory:
    events = (RangeEvent("introduced", "0"),) + ((RangeEvent("fixed", fixed),) if fixed else ())
    return Advisory(
        identifier,
        aliases=aliases,
        affected=(AffectedPackage("npm", "left-pad", (AffectedRange("SEMVER", events),)),),
    )


def test_alias_groups_and_suggestions() -> None:
    advisories = [
        _advisory("x_NSWG-1", ("CVE-1",), "1.3.0"),
        _advisory("GHSA-aaaa", ("CVE-1",), "1.2.0"),
        _advisory("GHSA-bbbb", (), None),
    ]
    groups = merge_aliases(advisories)
    assert [[a.id for a in g] for g in groups] == [["x_NSWG-1", "GHSA-aaaa"], ["GHSA-bbbb"]]
    package = Package("npm", "left-pad", "1.1.0", file="yarn.lock", line=4)
    merged = finding_for(package, groups[0])
    assert merged.rule_id == "GHSA-aaaa"
    assert merged.details.advisory_ids == ("CVE-1", "GHSA-aaaa", "x_NSWG-1")  # type: ignore[union-attr]
    assert merged.suggestion == "Upgrade left-pad to 1.2.0 or later."
    unfixed = finding_for(package, groups[1])
    assert "No fixed version of left-pad is known" in unfixed.suggestion
    assert (merged.file, merged.line) == ("yarn.lock", 4)
