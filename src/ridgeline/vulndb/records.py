"""OSV JSON → ``Advisory``, tolerant of the variations real databases publish.

Both advisory sources build their records here, so the same JSON always becomes the same Advisory.
A record that is not usable raises ``MalformedAdvisory``; importers count it and go on.
"""

from __future__ import annotations

import json
from typing import Any

from ridgeline.domain.packages import (
    Advisory,
    AffectedPackage,
    AffectedRange,
    RangeEvent,
    SeverityScore,
    normalise_name,
)

_EVENT_KINDS = ("introduced", "fixed", "last_affected", "limit")
MAX_RECORD_BYTES = 8 << 20


class MalformedAdvisory(ValueError):
    """An OSV record without the fields matching needs."""


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def _severity_label(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("severity")
    return value.strip().upper() if isinstance(value, str) else ""


def score_label(score: float) -> str:
    """CVSS qualitative rating of a base score (v3/v4 bands; v2 scores use the same bands here)."""
    if score >= 9.0:
        return "CRITICAL"
    if score >= 7.0:
        return "HIGH"
    if score >= 4.0:
        return "MEDIUM"
    if score > 0:
        return "LOW"
    return ""


def _database_severity(value: Any) -> str:
    """A database's own severity: a label, else a numeric score it publishes (rubysec, NSWG)."""
    label = _severity_label(value)
    if label or not isinstance(value, dict):
        return label
    for key in ("cvss_v4", "cvss_v3", "cvss_score", "cvss_v2"):
        score = value.get(key)
        if isinstance(score, int | float) and not isinstance(score, bool):
            return score_label(float(score))
    return ""


def _affected(entry: Any) -> AffectedPackage | None:
    if not isinstance(entry, dict):
        return None
    package = entry.get("package")
    if not isinstance(package, dict):
        return None
    ecosystem, name = package.get("ecosystem"), package.get("name")
    if not isinstance(ecosystem, str) or not isinstance(name, str) or not name:
        return None
    ranges = []
    for raw_range in entry.get("ranges") or ():
        if not isinstance(raw_range, dict) or not isinstance(raw_range.get("type"), str):
            continue
        events = []
        for raw_event in raw_range.get("events") or ():
            if not isinstance(raw_event, dict):
                continue
            for kind in _EVENT_KINDS:
                value = raw_event.get(kind)
                if isinstance(value, str):
                    events.append(RangeEvent(kind, value))
        ranges.append(AffectedRange(raw_range["type"], tuple(events)))
    severity = _severity_label(entry.get("database_specific")) or _severity_label(
        entry.get("ecosystem_specific")
    )
    return AffectedPackage(
        ecosystem=ecosystem,
        name=normalise_name(ecosystem, name),
        ranges=tuple(ranges),
        versions=_strings(entry.get("versions")),
        severity=severity,
    )


def advisory_from_osv(data: Any) -> Advisory:
    if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
        raise MalformedAdvisory("an OSV record needs an id")
    affected = tuple(a for a in map(_affected, data.get("affected") or ()) if a is not None)
    severity = tuple(
        SeverityScore(s["type"], s["score"])
        for s in data.get("severity") or ()
        if isinstance(s, dict) and isinstance(s.get("type"), str) and isinstance(s.get("score"), str)
    )
    references = tuple(
        r["url"]
        for r in data.get("references") or ()
        if isinstance(r, dict) and isinstance(r.get("url"), str)
    )

    def text(key: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) else ""

    return Advisory(
        id=data["id"],
        modified=text("modified"),
        summary=text("summary"),
        details=text("details"),
        aliases=tuple(a for a in _strings(data.get("aliases")) if a != data["id"]),
        severity=severity,
        database_severity=_database_severity(data.get("database_specific")),
        affected=affected,
        withdrawn=text("withdrawn"),
        published=text("published"),
        references=references,
    )


def advisory_from_json(raw: bytes | str) -> Advisory:
    if len(raw) > MAX_RECORD_BYTES:
        raise MalformedAdvisory("record too large")
    try:
        return advisory_from_osv(json.loads(raw))
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, MalformedAdvisory):
            raise
        raise MalformedAdvisory(f"not JSON: {exc}") from None
