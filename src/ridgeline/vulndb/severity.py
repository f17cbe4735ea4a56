"""Severity of an advisory: its CVSS vector scored by the specification's formula (v4, then v3, then
v2), else the database's own rating, else medium — unknown is not the same as harmless."""

from __future__ import annotations

from ridgeline.domain.findings import Severity
from ridgeline.domain.packages import Advisory
from ridgeline.vulndb.records import score_label

_LABELS = {
    "CRITICAL": Severity.CRITICAL,
    "HIGH": Severity.HIGH,
    "MODERATE": Severity.MEDIUM,
    "MEDIUM": Severity.MEDIUM,
    "LOW": Severity.LOW,
}


def cvss_score(vector_type: str, vector: str) -> float | None:
    """The base score of a CVSS vector, or None if the vector is not valid."""
    from cvss import CVSS2, CVSS3, CVSS4
    from cvss.exceptions import CVSSError

    try:
        if vector_type == "CVSS_V4":
            return float(CVSS4(vector).base_score)
        if vector_type == "CVSS_V3":
            return float(CVSS3(vector).base_score)
        if vector_type == "CVSS_V2":
            return float(CVSS2(vector).base_score)
    except (CVSSError, ValueError, KeyError, IndexError):
        return None
    return None


def advisory_severity(advisory: Advisory, entry_severity: str = "") -> tuple[Severity, float | None]:
    """(severity, CVSS base score if one was computed)."""
    order = {"CVSS_V4": 0, "CVSS_V3": 1, "CVSS_V2": 2}
    for score in sorted(advisory.severity, key=lambda s: order.get(s.type, 9)):
        value = cvss_score(score.type, score.score)
        if value is not None:
            label = score_label(value)
            return (_LABELS.get(label, Severity.LOW), value)
    for label in (advisory.database_severity, entry_severity):
        if label in _LABELS:
            return _LABELS[label], None
    return Severity.MEDIUM, None
