"""One multi-pattern pass per file, then bounded regex confirmation.

Why two stages: running 200+ regexes over every file is what makes regex-only scanners slow.
Instead every rule's keywords (case-insensitive literals) are compiled once per process into one
Hyperscan database; one scan of a file reports every keyword occurrence of every rule. Python ``re``
then runs only for rules whose keyword occurred, and only inside a window of ``rule.window``
characters around each occurrence (windows of one rule merged). Work is therefore bounded by the
number of keyword occurrences times the window, never by the file length times the rule count, and
a multi-megabyte minified line costs no more than the same text split into lines.

The Hyperscan pass runs over the file in chunks of ``CHUNK_CHARS`` characters that overlap by the
longest keyword, so no keyword is missed at a chunk boundary and the bytes handed to Hyperscan stay
bounded. Text is handed over as ASCII with every other character replaced by one ``?`` byte, so
byte offsets are character offsets (keywords are ASCII).

If Hyperscan cannot be imported (or compiled) on a platform, ``KeywordFindEngine`` finds the same
keyword occurrences with ``bytes.find``: the same windows, so the same results, only slower.

A rule without keywords (possible in imported gitleaks rules) is confirmed over the whole file.
Per rule and file at most ``MAX_WINDOWS`` windows are examined; a hostile file repeating a keyword
millions of times cannot cost more than that.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ridgeline.analyzers.secrets.rules import SecretRule

log = logging.getLogger(__name__)

CHUNK_CHARS = 1 << 20
MAX_WINDOWS = 20_000


@dataclass(frozen=True, slots=True)
class RawMatch:
    """A confirmed regex match: the rule, the secret and its span, and the span of the whole match.
    Holds plaintext: it never leaves the secrets analyzer."""

    rule: SecretRule
    secret: str
    start: int
    end: int
    match_start: int
    match_end: int


class KeywordEngine(Protocol):
    """Finds occurrences of fixed patterns: lower-case ASCII literals, case-insensitively (and, for
    Hyperscan, optional prefilter regexes of anchored rules)."""

    name: str

    def occurrences(self, data: bytes) -> list[tuple[int, int, int]]:
        """(pattern index, start offset or -1 when unknown, end offset) of every occurrence."""


class KeywordFindEngine:
    """The portable engine: ``bytes.find`` per keyword on lower-cased data."""

    name = "find"

    def __init__(self, keywords: Sequence[bytes]) -> None:
        self.keywords = tuple(keywords)

    def occurrences(self, data: bytes) -> list[tuple[int, int, int]]:
        lowered = data.lower()
        found: list[tuple[int, int, int]] = []
        for index, keyword in enumerate(self.keywords):
            size = len(keyword)
            position = lowered.find(keyword)
            while position != -1:
                found.append((index, position, position + size))
                position = lowered.find(keyword, position + 1)
        return found


class HyperscanEngine:
    """All keywords (and prefilter regexes) in one Hyperscan block-mode database; one scratch per
    thread. Prefilters are compiled with start-of-match reporting, literals without (cheaper)."""

    name = "hyperscan"

    def __init__(self, keywords: Sequence[bytes], prefilters: Sequence[bytes] = ()) -> None:
        import hyperscan

        self._hs = hyperscan
        self.keywords = tuple(keywords)
        self.database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        expressions = [re.escape(k.decode("ascii")).encode("ascii") for k in self.keywords]
        flags = [hyperscan.HS_FLAG_CASELESS] * len(expressions)
        expressions.extend(prefilters)
        flags.extend([hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SOM_LEFTMOST] * len(prefilters))
        self._literals = len(self.keywords)
        self.database.compile(
            expressions=expressions, ids=list(range(len(expressions))), elements=len(expressions), flags=flags
        )
        self._local = threading.local()

    def _scratch(self) -> Any:
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._hs.Scratch(self.database)
            self._local.scratch = scratch
        return scratch

    def occurrences(self, data: bytes) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        append = found.append
        literals = self._literals

        def on_match(ident: int, start: int, end: int, _flags: int, _ctx: object) -> None:
            append((ident, start if ident >= literals else -1, end))

        self.database.scan(data, match_event_handler=on_match, scratch=self._scratch())
        return found


def hyperscan_available() -> bool:
    try:
        import hyperscan  # noqa: F401
    except Exception:  # ImportError, or a broken native library on this platform
        return False
    return True


def _to_ascii_bytes(text: str) -> bytes:
    """One byte per character: non-ASCII characters become ``?`` so offsets stay aligned."""
    if text.isascii():
        return text.encode("ascii")
    return text.encode("ascii", errors="replace")


class Matcher:
    """The compiled form of a rule set. Build once per process (see ``matcher_for``).

    With Hyperscan, an anchored rule that has a ``prefilter`` (a Hyperscan-compatible relaxation
    of the start of its regex) is tried only where the prefilter matched, instead of at every
    keyword occurrence: in code that says ``token`` on every line but assigns few, that is most of
    the work saved. The prefilter is a necessary condition for a match at the same start, so the
    results are those of the keyword engine."""

    def __init__(self, rules: Sequence[SecretRule], engine: str = "auto") -> None:
        self.rules = tuple(rules)
        self._always = [i for i, r in enumerate(self.rules) if not _ascii_keywords(r)]
        use_hyperscan = engine in ("auto", "hyperscan") and (engine == "hyperscan" or hyperscan_available())
        prefiltered = (
            [i for i, r in enumerate(self.rules) if r.anchored and r.prefilter and _ascii_keywords(r)]
            if use_hyperscan
            else []
        )
        try:
            self._build(prefiltered, use_hyperscan)
        except Exception as exc:
            if engine == "hyperscan":
                raise
            log.warning("hyperscan unavailable (%s); using the keyword-find engine", type(exc).__name__)
            self._build([], False)

    def _build(self, prefiltered: list[int], use_hyperscan: bool) -> None:
        keyword_index: dict[str, int] = {}
        pattern_rules: list[list[int]] = []
        skip = set(prefiltered)
        for rule_index, rule in enumerate(self.rules):
            if rule_index in skip:
                continue
            for keyword in _ascii_keywords(rule):
                if keyword not in keyword_index:
                    keyword_index[keyword] = len(keyword_index)
                    pattern_rules.append([])
                if rule_index not in pattern_rules[keyword_index[keyword]]:
                    pattern_rules[keyword_index[keyword]].append(rule_index)
        self.keywords = [k.encode("ascii") for k in keyword_index]
        prefilters = [str(self.rules[i].prefilter).encode("ascii") for i in prefiltered]
        pattern_rules.extend([i] for i in prefiltered)
        self._pattern_rules = pattern_rules
        self._pattern_lengths = [len(k) for k in self.keywords] + [0] * len(prefilters)
        self._overlap = max([*self._pattern_lengths, 1024 if prefilters else 1])
        self._has_patterns = bool(self.keywords or prefilters)
        if use_hyperscan and self._has_patterns:
            self.engine: KeywordEngine = HyperscanEngine(self.keywords, prefilters)
        else:
            self.engine = KeywordFindEngine(self.keywords)

    def keyword_starts(self, text: str) -> dict[int, list[int]]:
        """Per pattern index, the start offsets of its occurrences in ``text``."""
        length = len(text)
        starts: dict[int, list[int]] = {}
        if not self._has_patterns:
            return starts
        lengths = self._pattern_lengths
        for chunk_start in range(0, max(length, 1), CHUNK_CHARS):
            own_end = chunk_start + CHUNK_CHARS
            data = _to_ascii_bytes(text[chunk_start : own_end + self._overlap - 1])
            for pattern, start, end in self.engine.occurrences(data):
                start = chunk_start + (start if start >= 0 else end - lengths[pattern])
                if start < own_end:  # else found again, as its own, by the next chunk
                    starts.setdefault(pattern, []).append(start)
        return starts

    def candidate_windows(self, text: str) -> dict[int, list[tuple[int, int]]]:
        """Per rule index, the merged windows of ``text`` its regex must be tried in.

        For an anchored rule each window is ``(keyword start, limit)``: the regex is only tried
        at the window's start."""
        length = len(text)
        raw: dict[int, list[tuple[int, int]]] = {}
        for pattern, positions in self.keyword_starts(text).items():
            size = self._pattern_lengths[pattern]
            for rule_index in self._pattern_rules[pattern]:
                rule = self.rules[rule_index]
                before = 0 if rule.anchored else rule.window_before
                after = rule.window + size
                spans = raw.setdefault(rule_index, [])
                room = MAX_WINDOWS - len(spans)
                if room > 0:
                    spans.extend(
                        (s - before if s > before else 0, s + after if s + after < length else length)
                        for s in positions[:room]
                    )
        windows: dict[int, list[tuple[int, int]]] = {}
        for rule_index, spans in raw.items():
            if self.rules[rule_index].anchored:
                windows[rule_index] = sorted(set(spans))
            else:
                windows[rule_index] = _merge(spans)
        for rule_index in self._always:
            windows[rule_index] = [(0, length)]
        return windows

    def find(self, text: str) -> list[RawMatch]:
        """Every confirmed match in ``text``, ordered by position then rule."""
        matches: list[RawMatch] = []
        length = len(text)
        for rule_index, windows in self.candidate_windows(text).items():
            rule = self.rules[rule_index]
            if rule.anchored and rule_index not in self._always:
                found = _anchored_matches(rule, text, windows)
            else:
                found = (m for start, end in windows for m in _window_matches(rule, text, start, end, length))
            for match in found:
                secret, start, end = rule.secret_of(match)
                if secret:
                    matches.append(RawMatch(rule, secret, start, end, match.start(), match.end()))
        matches.sort(key=lambda m: (m.start, m.end, m.rule.id))
        return matches


def _window_matches(
    rule: SecretRule, text: str, start: int, end: int, length: int
) -> Iterator[re.Match[str]]:
    for match in rule.regex.finditer(text, start, end):
        if match.end() == end < length and end > start:
            continue  # may be cut short by the window: not a whole token
        yield match


def _anchored_matches(rule: SecretRule, text: str, windows: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """What ``finditer`` would find, given that every match starts at a keyword: try each keyword
    position in order, skipping those inside the previous match."""
    length = len(text)
    cursor = -1
    for start, end in windows:
        if start < cursor:
            continue
        match = rule.regex.match(text, start, end)
        if match is None or (match.end() == end < length):
            continue
        cursor = match.end() if match.end() > start else start + 1
        yield match


def _ascii_keywords(rule: SecretRule) -> list[str]:
    return [k for k in rule.keywords if k and k.isascii()]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


@functools.cache
def matcher_for(rules: tuple[SecretRule, ...], engine: str = "auto") -> Matcher:
    """The process-wide compiled matcher of a rule set (compiled on first use, then reused)."""
    return Matcher(rules, engine)
