"""The secrets analyzer: one multi-pattern pass, regex confirmation, filters, then redaction.

Only the redacted text and a salted hash of a secret leave this module: every secret found in a
file is redacted in every snippet of that file, so a snippet never carries another finding's
plaintext, and messages carry the redaction only.

Duplicates: one finding per (rule, file, secret). The same secret twice in one file is one finding
at its first occurrence (the message counts the others); the same secret in 40 files is 40
findings — each file is a place to clean up — that share ``SecretDetails.secret_hash``, so a report
or a user can group them as one credential to rotate. The fingerprint is (rule, file, secret hash),
stable when lines move. When a generic rule and a provider rule match the same text, only the
provider rule's finding is kept.

Suppression: a ``gitleaks:allow``, ``pragma: allowlist secret`` or ``ridgeline:ignore`` comment on
the line, or a global allow-list of the repository's ``.gitleaks.toml`` (or the operator's rule
file), does not drop a finding: it is yielded with ``suppressed_reason`` set, kept apart by the
report and not counted.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ridgeline.analyzers.base import AnalysisContext, FileInput
from ridgeline.analyzers.secrets import filters
from ridgeline.analyzers.secrets.gitleaks import RuleSource, load_gitleaks_file
from ridgeline.analyzers.secrets.matcher import Matcher, RawMatch, matcher_for
from ridgeline.analyzers.secrets.redaction import redact, secret_hash
from ridgeline.analyzers.secrets.rules import Allowlist, SecretRule, packaged_rules
from ridgeline.domain.findings import Category, Confidence, Finding, SecretDetails
from ridgeline.domain.suppression import inline_marker_reason

log = logging.getLogger(__name__)

_SNIPPET_MAX = 240
_SNIPPET_BEFORE = 80
_MARKER_REACH = 4096
_CWE = "CWE-798"
_SUGGESTION = (
    "Revoke and rotate this credential now, then remove it from the code and load it from a secret "
    "store or environment variable at run time. Deleting it from the latest commit is not enough: it "
    "stays in the git history."
)
REPOSITORY_RULES_FILE = ".gitleaks.toml"


@dataclass(frozen=True, slots=True)
class _Extra:
    """Rules and allow-lists a scanned repository added through its ``.gitleaks.toml``."""

    matcher: Matcher | None
    allowlists: tuple[Allowlist, ...]
    errors: tuple[str, ...]


def reject_reason(match: RawMatch, text: str, path: str) -> str | None:
    """Why a confirmed regex match is not a credential, or None when it is reported."""
    rule, secret = match.rule, match.secret
    line_start = text.rfind("\n", max(0, match.start - _MARKER_REACH), match.start) + 1
    line_end = text.find("\n", match.end, match.end + _MARKER_REACH)
    line = text[line_start : line_end if line_end != -1 else match.end + _MARKER_REACH]
    matched = text[match.match_start : match.match_end]
    if filters.allowed_by_rule(rule, secret, path, matched, line):
        return "rule allow-list"
    if filters.is_documented_example(secret):
        return "documented example"
    if filters.is_template_reference(secret):
        return "template reference"
    if filters.is_placeholder(secret):
        return "placeholder"
    if filters.is_integrity_hash(secret):
        return "integrity hash"
    if filters.below_entropy(rule, secret):
        return "low entropy"
    if rule.generic:
        if filters.is_lock_or_hash_file(path):
            return "lock file"
        if filters.looks_like_identifier(secret, text[match.end : match.end + 4]):
            return "identifier"
        if filters.is_url_or_path(secret):
            return "url or path"
    return None


class SecretsAnalyzer:
    """Finds credentials with the packaged rules plus the operator's and the repository's."""

    name = "secrets"
    version = "0.2.0"

    def __init__(
        self,
        rules: Sequence[SecretRule],
        *,
        engine: str = "auto",
        extra_allowlists: tuple[Allowlist, ...] = (),
        load_errors: tuple[str, ...] = (),
        repository_rules: bool = True,
    ) -> None:
        self.rules = tuple(rules)
        self.matcher = matcher_for(self.rules, engine)
        self.engine = engine
        self.extra_allowlists = extra_allowlists
        self.load_errors: list[str] = list(load_errors)
        self.repository_rules = repository_rules
        self._extras: dict[Path, _Extra] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_packaged_rules(
        cls, *, extra_rules_file: Path | None = None, engine: str = "auto"
    ) -> SecretsAnalyzer:
        rules = list(packaged_rules())
        allowlists: tuple[Allowlist, ...] = ()
        errors: tuple[str, ...] = ()
        if extra_rules_file is not None:
            source = load_gitleaks_file(
                extra_rules_file, source="operator rules", reserved_ids={r.id for r in rules}
            )
            rules.extend(source.rules)
            allowlists, errors = source.allowlists, source.errors
            for error in errors:
                log.warning("secret rules: %s", error)
        return cls(rules, engine=engine, extra_allowlists=allowlists, load_errors=errors)

    def wants(self, path: str) -> bool:
        return True

    def finish(self, ctx: AnalysisContext) -> Iterator[Finding]:
        return iter(())

    def _repository_extra(self, root: Path) -> _Extra:
        with self._lock:
            cached = self._extras.get(root)
            if cached is not None:
                return cached
            path = root / REPOSITORY_RULES_FILE
            source = RuleSource()
            if self.repository_rules and (path.exists() or path.is_symlink()):
                source = load_gitleaks_file(
                    path, source=REPOSITORY_RULES_FILE, reserved_ids={r.id for r in self.rules}
                )
                self.load_errors.extend(source.errors)
            repo_rules = tuple(dataclasses.replace(r, source="repository") for r in source.rules)
            extra = _Extra(
                Matcher(repo_rules, self.engine) if repo_rules else None, source.allowlists, source.errors
            )
            self._extras[root] = extra
            return extra

    def candidates(self, text: str, path: str, root: Path | None = None) -> list[RawMatch]:
        """Confirmed, filtered matches of one text (plaintext inside: never leaves this module)."""
        matches = self.matcher.find(text)
        if root is not None:
            extra = self._repository_extra(root)
            if extra.matcher is not None:
                matches.extend(extra.matcher.find(text))
        kept = [m for m in matches if reject_reason(m, text, path) is None]
        spans = _provider_spans(kept)
        return [m for m in kept if not m.rule.generic or not _covered(m, spans)]

    def analyze(self, file: FileInput, ctx: AnalysisContext) -> Iterator[Finding]:
        text = file.text
        hits = self.candidates(text, file.path, ctx.root)
        if not hits:
            return
        allowlists = self.extra_allowlists + self._repository_extra(ctx.root).allowlists
        spans = sorted({(h.start, h.end, redact(h.secret)) for h in hits})
        longest = max(end - start for start, end, _redacted in spans)
        in_tests = filters.is_test_path(file.path)
        groups: dict[tuple[str, str], list[tuple[RawMatch, str | None]]] = {}
        for hit in hits:
            groups.setdefault((hit.rule.id, hit.secret), []).append(
                (hit, _suppression(hit, text, file.path, allowlists))
            )
        locator = _LineLocator(text)
        for occurrences in groups.values():
            active = [(h, r) for h, r in occurrences if r is None]
            hit, reason = (active or occurrences)[0]
            yield self._finding(
                hit, reason, len(occurrences), text, file.path, locator, (spans, longest), in_tests, ctx
            )

    def _finding(
        self,
        hit: RawMatch,
        reason: str | None,
        count: int,
        text: str,
        path: str,
        locator: _LineLocator,
        redactions: tuple[list[tuple[int, int, str]], int],
        in_tests: bool,
        ctx: AnalysisContext,
    ) -> Finding:
        spans, longest = redactions
        line, line_start, line_end = locator.locate(hit.start)
        end_line = line + text.count("\n", hit.start, hit.end)
        confidence = hit.rule.confidence
        if in_tests:
            confidence = Confidence(max(Confidence.LOW, confidence - 1))
        redacted = redact(hit.secret)
        more = f" ({count - 1} more occurrence{'s' if count > 2 else ''} in this file)" if count > 1 else ""
        return Finding(
            rule_id=hit.rule.id,
            title=hit.rule.title,
            severity=hit.rule.severity,
            category=Category.SECRET,
            file=path,
            line=line,
            column=hit.start - line_start + 1,
            end_line=end_line,
            message=f"{hit.rule.title} found: {redacted}{more}",
            description=hit.rule.description,
            suggestion=_SUGGESTION,
            cwe=_CWE,
            confidence=confidence,
            snippet=redacted_snippet(text, line_start, line_end, hit.start, spans, longest),
            details=SecretDetails(redacted=redacted, secret_hash=secret_hash(hit.secret, ctx.secret_salt)),
            suppressed_reason=reason,
        )


def _suppression(hit: RawMatch, text: str, path: str, allowlists: tuple[Allowlist, ...]) -> str | None:
    line_start = text.rfind("\n", max(0, hit.start - _MARKER_REACH), hit.start) + 1
    line_end = text.find("\n", hit.end, hit.end + _MARKER_REACH)
    line = text[line_start : line_end if line_end != -1 else hit.end + _MARKER_REACH]
    marker = inline_marker_reason(hit.rule.id, Category.SECRET, line)
    if marker is not None:
        return marker
    matched = text[hit.match_start : hit.match_end]
    for allowlist in allowlists:
        if filters.allowed_by_allowlist(allowlist, hit.secret, path, matched, line):
            return "allow-list of the repository or operator rule file"
    return None


def _provider_spans(matches: list[RawMatch]) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in matches if not m.rule.generic]


def _covered(match: RawMatch, spans: list[tuple[int, int]]) -> bool:
    """Whether a provider match overlaps this (generic) match; ``spans`` sorted by start."""
    index = bisect.bisect_left(spans, (match.end, -1))
    return any(end > match.start for _start, end in spans[max(0, index - 64) : index])


class _LineLocator:
    """Line numbers of increasing offsets without scanning the file more than once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._offset = 0
        self._line = 1

    def locate(self, offset: int) -> tuple[int, int, int]:
        """(1-based line, line start, line end) of ``offset``."""
        if offset < self._offset:
            self._offset, self._line = 0, 1
        self._line += self.text.count("\n", self._offset, offset)
        self._offset = offset
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return self._line, start, len(self.text) if end == -1 else end


def redacted_snippet(
    text: str,
    line_start: int,
    line_end: int,
    at: int,
    spans: list[tuple[int, int, str]],
    longest: int | None = None,
) -> str:
    """At most ``_SNIPPET_MAX`` characters of the line around ``at``, every secret span redacted.

    A span that crosses the snippet's edge is replaced by its redaction or ``…``, never cut."""
    start = max(line_start, at - _SNIPPET_BEFORE)
    end = min(line_end, start + _SNIPPET_MAX)
    pieces: list[str] = ["…"] if start > line_start else []
    cursor = start
    longest = max((e - s for s, e, _r in spans), default=0) if longest is None else longest
    first = bisect.bisect_left(spans, (start - longest,))
    last = bisect.bisect_left(spans, (end,))
    for span_start, span_end, redacted in spans[first:last]:
        if span_end <= start or span_start >= end:
            continue
        if span_start > cursor:
            pieces.append(text[cursor:span_start])
        pieces.append(redacted if span_start >= cursor else "…")
        cursor = max(cursor, span_end)
    if cursor < end:
        pieces.append(text[cursor:end])
    if end < line_end:
        pieces.append("…")
    line = "".join(pieces).strip()
    if len(line) > _SNIPPET_MAX:
        line = line[: _SNIPPET_MAX - 1] + "…"
    return line
