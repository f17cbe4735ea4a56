"""The secrets analyzer: keyword prefilter, regex confirmation, filters, then redaction.

Every secret found in a file is redacted in every snippet of that file, so a finding's snippet can
never carry another finding's plaintext. Only the redacted text and a salted hash leave here.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from ridgeline.analyzers.base import AnalysisContext, FileInput
from ridgeline.analyzers.secrets.filters import allowed_by_rule, below_entropy, is_test_path
from ridgeline.analyzers.secrets.redaction import redact, secret_hash
from ridgeline.analyzers.secrets.rules import SecretRule, load_packaged_rules
from ridgeline.domain.findings import Category, Confidence, Finding, SecretDetails

_SNIPPET_MAX = 240
_CWE = "CWE-798"


@dataclass(frozen=True, slots=True)
class _Hit:
    rule: SecretRule
    secret: str
    start: int
    end: int


class SecretsAnalyzer:
    name = "secrets"
    version = "0.1.0"

    def __init__(self, rules: list[SecretRule]) -> None:
        self.rules = rules

    @classmethod
    def from_packaged_rules(cls) -> SecretsAnalyzer:
        return cls(load_packaged_rules())

    def wants(self, path: str) -> bool:
        return True

    def finish(self, ctx: AnalysisContext) -> Iterator[Finding]:
        return iter(())

    def find_hits(self, text: str, path: str) -> list[_Hit]:
        lowered = text.lower()
        hits: list[_Hit] = []
        for rule in self.rules:
            if not any(keyword in lowered for keyword in rule.keywords):
                continue
            for match in rule.regex.finditer(text):
                secret, start, end = rule.secret_of(match)
                if not secret or allowed_by_rule(rule, secret, path) or below_entropy(rule, secret):
                    continue
                hits.append(_Hit(rule, secret, start, end))
        return hits

    def analyze(self, file: FileInput, ctx: AnalysisContext) -> Iterator[Finding]:
        text = file.text
        hits = self.find_hits(text, file.path)
        if not hits:
            return
        line_starts = [0]
        line_starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        spans = sorted(((h.start, h.end, redact(h.secret)) for h in hits), key=lambda s: s[0])
        in_tests = is_test_path(file.path)
        seen: set[tuple[str, int]] = set()
        for hit in hits:
            if (hit.rule.id, hit.start) in seen:
                continue
            seen.add((hit.rule.id, hit.start))
            line_index = bisect.bisect_right(line_starts, hit.start) - 1
            line_start = line_starts[line_index]
            end_index = bisect.bisect_right(line_starts, max(hit.end - 1, hit.start)) - 1
            line_end = text.find("\n", line_start)
            line_end = len(text) if line_end == -1 else line_end
            confidence = hit.rule.confidence
            if in_tests:
                confidence = Confidence(max(Confidence.LOW, confidence - 1))
            redacted = redact(hit.secret)
            yield Finding(
                rule_id=hit.rule.id,
                title=hit.rule.title,
                severity=hit.rule.severity,
                category=Category.SECRET,
                file=file.path,
                line=line_index + 1,
                column=hit.start - line_start + 1,
                end_line=end_index + 1,
                message=f"{hit.rule.title} found: {redacted}",
                description=hit.rule.description,
                suggestion=(
                    "Revoke and rotate this credential now, then remove it from the code and load it "
                    "from a secret store or environment variable at run time. Deleting it from the "
                    "latest commit is not enough: it stays in the git history."
                ),
                cwe=_CWE,
                confidence=confidence,
                snippet=_redacted_line(text, line_start, line_end, spans),
                details=SecretDetails(
                    redacted=redacted, secret_hash=secret_hash(hit.secret, ctx.secret_salt)
                ),
            )


def _redacted_line(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> str:
    """The line ``text[start:end]`` with every secret span replaced by its redaction."""
    pieces: list[str] = []
    cursor = start
    for span_start, span_end, redacted in spans:
        if span_end <= start or span_start >= end:
            continue
        if span_start > cursor:
            pieces.append(text[cursor:span_start])
        if span_start >= cursor:
            pieces.append(redacted)
        elif not pieces or pieces[-1] != redacted:
            pieces.append("…")
        cursor = max(cursor, min(span_end, end))
    if cursor < end:
        pieces.append(text[cursor:end])
    line = "".join(pieces).strip()
    if len(line) > _SNIPPET_MAX:
        line = line[: _SNIPPET_MAX - 1] + "…"
    return line
