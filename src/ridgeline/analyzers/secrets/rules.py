"""Secret rules as data: loading and validating the packaged TOML rule files.

A rule file holds ``[[rules]]`` tables with: ``id``, ``title``, ``description``, ``severity``,
``keywords`` (lower-case literals, at least one must occur in a file for the rule to run),
``regex`` (the secret in ``secret_group``, default 1, or the whole match when the regex has no
group), optional ``entropy`` (minimum Shannon bits per character of the secret), optional
``[rules.allowlist]`` (``regexes`` on the secret, ``stopwords``, ``paths``), and ``examples`` /
``counter_examples`` that the test suite checks.

Optional fields: ``confidence`` (default high), ``generic`` (true for the assignment-style
detectors: they get the low-entropy, placeholder and identifier filters at full strength and are
not run on lock files), ``window`` (how far a match can reach past its keyword, default 512
characters) and ``window_before`` (how far it can start before it, default 64: most keywords are a
token's prefix or an assignment's name); the matcher only runs the regex in that window around each
keyword occurrence, which bounds the work on huge single-line files. ``anchored = true`` says
every match starts exactly at a keyword (the regex begins with its keywords, as assignment and
context rules do): the regex is then only tried at keyword positions, never scanned through a
window, which keeps dense files (every line says ``token``) cheap. Results are the same as a scan.
An anchored rule may add ``prefilter``: a Hyperscan-compatible relaxation of the start of its
regex (matched case-insensitively), used instead of the keywords when Hyperscan is available.
A rule's *family* is its ``family`` field, else the name of its file.

Every regex quantifier in packaged rules is bounded (``{m,n}``), so confirmation is linear in the
window size; the test suite checks this.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from ridgeline.domain.findings import Confidence, Severity


@dataclass(frozen=True, slots=True)
class Allowlist:
    """Values, words and paths a rule never reports. ``regex_target`` is what ``regexes`` test:
    the secret (default), the whole match, or the line (gitleaks's ``regexTarget``)."""

    regexes: tuple[re.Pattern[str], ...] = ()
    stopwords: tuple[str, ...] = ()
    paths: tuple[re.Pattern[str], ...] = ()
    regex_target: str = "secret"
    description: str = ""


@dataclass(frozen=True, slots=True)
class SecretRule:
    id: str
    title: str
    description: str
    severity: Severity
    keywords: tuple[str, ...]
    regex: re.Pattern[str]
    secret_group: int = 1
    entropy: float | None = None
    confidence: Confidence = Confidence.HIGH
    allowlist: Allowlist = field(default_factory=Allowlist)
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    family: str = "core"
    generic: bool = False
    window: int = 512
    window_before: int = 64
    anchored: bool = False
    prefilter: str | None = None
    source: str = "builtin"
    more_allowlists: tuple[Allowlist, ...] = ()

    def secret_of(self, match: re.Match[str]) -> tuple[str, int, int]:
        """The secret text and its span within the scanned text.

        The secret is group ``secret_group``; when that group did not take part in the match (a
        regex with alternatives, one group per quoting style), the next group that did; with no
        groups at all, the whole match."""
        if self.regex.groups < self.secret_group:
            return match.group(0), match.start(0), match.end(0)
        for group in range(self.secret_group, self.regex.groups + 1):
            if match.group(group) is not None:
                return match.group(group), match.start(group), match.end(group)
        return "", match.start(0), match.start(0)


class RuleError(ValueError):
    """A rule file or rule that cannot be used; the message names the rule, never a secret."""


def _compile(pattern: str, rule_id: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise RuleError(f"rule {rule_id}: invalid regex: {exc}") from None


def parse_rule(raw: dict[str, object], family: str = "core") -> SecretRule:
    rule_id = str(raw.get("id", "")).strip()
    if not rule_id:
        raise RuleError("rule without id")
    allow_raw = raw.get("allowlist") or {}
    if not isinstance(allow_raw, dict):
        raise RuleError(f"rule {rule_id}: allowlist must be a table")
    unknown = set(allow_raw) - {"regexes", "stopwords", "paths", "description", "regex_target"}
    if unknown:
        # A key written after ``[rules.allowlist]`` lands in it: catch misplaced examples.
        raise RuleError(f"rule {rule_id}: unknown allowlist keys {sorted(unknown)}")
    allowlist = Allowlist(
        regexes=tuple(_compile(p, rule_id) for p in allow_raw.get("regexes", [])),
        stopwords=tuple(str(w).lower() for w in allow_raw.get("stopwords", [])),
        paths=tuple(_compile(p, rule_id) for p in allow_raw.get("paths", [])),
        regex_target=str(allow_raw.get("regex_target", "secret")),
    )
    keywords = tuple(str(k).lower() for k in raw.get("keywords", []))  # type: ignore[union-attr]
    if not keywords:
        raise RuleError(f"rule {rule_id}: at least one keyword is required")
    entropy = raw.get("entropy")
    return SecretRule(
        id=rule_id,
        title=str(raw.get("title") or rule_id),
        description=str(raw.get("description") or ""),
        severity=Severity.parse(str(raw.get("severity", "high"))),
        keywords=keywords,
        regex=_compile(str(raw["regex"]), rule_id),
        secret_group=int(raw.get("secret_group", 1)),  # type: ignore[call-overload]
        entropy=float(entropy) if entropy is not None else None,  # type: ignore[arg-type]
        confidence=Confidence.parse(str(raw.get("confidence", "high"))),
        allowlist=allowlist,
        examples=tuple(raw.get("examples", [])),  # type: ignore[arg-type]
        counter_examples=tuple(raw.get("counter_examples", [])),  # type: ignore[arg-type]
        family=str(raw.get("family", family)),
        generic=bool(raw.get("generic", False)),
        window=int(raw.get("window", 512)),  # type: ignore[call-overload]
        window_before=int(raw.get("window_before", 64)),  # type: ignore[call-overload]
        anchored=bool(raw.get("anchored", False)),
        prefilter=str(raw["prefilter"]) if raw.get("prefilter") else None,
    )


def parse_rules(text: str, family: str = "core") -> list[SecretRule]:
    document = tomllib.loads(text)
    rules = [parse_rule(raw, family) for raw in document.get("rules", [])]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"duplicate rule id {rule.id}")
        seen.add(rule.id)
    return rules


@functools.cache
def packaged_rules() -> tuple[SecretRule, ...]:
    """The packaged rules, parsed once per process."""
    return tuple(load_packaged_rules())


def load_packaged_rules() -> list[SecretRule]:
    """Every ``*.toml`` file under ``ridgeline/analyzers/secrets/rules``, ids unique across files."""
    folder = resources.files("ridgeline.analyzers.secrets") / "rules"
    rules: list[SecretRule] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            rules.extend(parse_rules(entry.read_text(encoding="utf-8"), entry.name.removesuffix(".toml")))
    ids = [rule.id for rule in rules]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RuleError(f"duplicate rule ids: {', '.join(sorted(duplicates))}")
    return rules
