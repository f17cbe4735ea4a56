"""Rules and allow-lists in the gitleaks/Betterleaks TOML format, as an extra rule source.

Why: teams already keep a ``.gitleaks.toml``; accepting it lets them bring their own rules and
allow-lists without rewriting them. Two sources use it:

* the operator (``RIDGELINE_SECRET_RULES``): extra rules added to the built-in set;
* the scanned repository (``.gitleaks.toml`` at its root): extra rules and allow-lists only.

Neither can disable or replace a built-in rule: ``[extend]``, ``disabledRules`` and rules whose id
is a built-in id are ignored (and reported in ``errors``). A global ``[allowlist]`` /
``[[allowlists]]`` of these files does not drop findings either: the analyzer keeps them as
*suppressed* findings with the reason, so a hostile repository cannot hide a leaked key from the
operator. Loading never raises: a rule with an invalid regex is skipped with an error naming it.

User regexes are compiled with RE2 (``google-re2``): the engine and syntax gitleaks itself uses,
and linear-time, so a repository's own rule file cannot stall the scanner with a catastrophic
pattern. Where RE2 is not available, Python's ``re`` is used after translating Go syntax (POSIX
classes, ``\\z``, flag groups in the middle of a pattern), and patterns shaped for exponential
backtracking (a repeat or an alternation inside a repeat) are refused.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre_constants  # the parser of re itself: its public aliases are deprecated
from re import _parser as sre_parse
from typing import Any

from ridgeline.analyzers.secrets.rules import Allowlist, SecretRule
from ridgeline.domain.findings import Confidence, Severity

MAX_RULE_FILE_BYTES = 1 << 20

_POSIX_CLASSES = {
    "[:alnum:]": "a-zA-Z0-9",
    "[:alpha:]": "a-zA-Z",
    "[:digit:]": "0-9",
    "[:lower:]": "a-z",
    "[:upper:]": "A-Z",
    "[:space:]": r"\s",
    "[:xdigit:]": "0-9A-Fa-f",
    "[:word:]": r"\w",
    "[:punct:]": r"!-/:-@\[-`{-~",
}
_FLAG_GROUP = re.compile(r"\(\?([imsU]+)\)")


@dataclass(frozen=True, slots=True)
class RuleSource:
    """What one gitleaks-format file contributed: usable rules, global allow-lists, and errors."""

    rules: tuple[SecretRule, ...] = ()
    allowlists: tuple[Allowlist, ...] = ()
    errors: tuple[str, ...] = ()


def re2_available() -> bool:
    """Whether the RE2 engine (``google-re2``) can be used on this platform."""
    try:
        import re2  # noqa: F401
    except Exception:  # ImportError, or a native library that does not load here
        return False
    return True


def go_regex_to_python(pattern: str) -> str:
    """Translate the Go (RE2) constructs Python's ``re`` spells differently."""
    for posix, python in _POSIX_CLASSES.items():
        pattern = pattern.replace(posix, python)
    pattern = pattern.replace(r"\z", r"\Z")
    flags = set()
    for found in _FLAG_GROUP.finditer(pattern):
        flags.update(found.group(1).replace("U", ""))
    if flags:
        pattern = _FLAG_GROUP.sub("", pattern)
        pattern = f"(?{''.join(sorted(flags))})" + pattern
    return pattern


def _backtracking_risk(tokens: Any, inside_repeat: bool = False) -> bool:
    """A repeat inside a repeat, or an alternation inside a repeat: the shapes of regex that
    backtrack exponentially (``(a+)+``, ``(a|a)*``). Go's RE2 runs them in linear time; Python's
    ``re`` does not, and a repository's own rule file must not be able to stall the scanner."""
    for op, arg in tokens:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            _low, high, sub = arg
            repeats = high > 1
            if repeats and inside_repeat:
                return True
            if _backtracking_risk(sub, inside_repeat or repeats):
                return True
        elif op is sre_constants.BRANCH:
            if inside_repeat:
                return True
            if any(_backtracking_risk(branch, inside_repeat) for branch in arg[1]):
                return True
        elif op is sre_constants.SUBPATTERN:
            if _backtracking_risk(arg[-1], inside_repeat):
                return True
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            if _backtracking_risk(arg[1], inside_repeat):
                return True
    return False


def _re2_options() -> Any:
    import re2

    options = re2.Options()
    options.log_errors = False
    return options


def _compile(pattern: object, what: str) -> re.Pattern[str]:
    """RE2 when available (linear time, and the syntax gitleaks rules are written in); else
    Python's ``re`` after translation, refusing patterns shaped for exponential backtracking."""
    if not isinstance(pattern, str):
        raise ValueError(f"{what}: not a string")
    if re2_available():
        import re2

        try:
            return re2.compile(pattern, _re2_options())  # type: ignore[no-any-return]
        except re2.error as exc:
            message = (
                exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else exc
            )
            raise ValueError(f"{what}: invalid regex ({message})") from None
    try:
        compiled = re.compile(go_regex_to_python(pattern))
        risky = _backtracking_risk(sre_parse.parse(compiled.pattern, compiled.flags))
    except (re.error, OverflowError, RecursionError) as exc:
        raise ValueError(f"{what}: invalid regex ({exc})") from None
    if risky:
        raise ValueError(
            f"{what}: nested repetition or alternation inside a repetition (exponential backtracking)"
        )
    return compiled


def _strings(raw: Any, what: str) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValueError(f"{what}: expected a list of strings")
    return raw


def _allowlist(raw: Any, what: str) -> Allowlist:
    if not isinstance(raw, dict):
        raise ValueError(f"{what}: allowlist must be a table")
    target = str(raw.get("regexTarget", "secret")).lower()
    if target not in ("secret", "match", "line"):
        raise ValueError(f"{what}: unknown regexTarget {target!r}")
    return Allowlist(
        regexes=tuple(_compile(p, what) for p in _strings(raw.get("regexes"), what)),
        stopwords=tuple(w.lower() for w in _strings(raw.get("stopwords"), what)),
        paths=tuple(_compile(p, what) for p in _strings(raw.get("paths"), what)),
        regex_target=target,
        description=str(raw.get("description", "")),
    )


def _allowlists(table: dict[str, Any], what: str) -> list[Allowlist]:
    found: list[Allowlist] = []
    if "allowlist" in table:
        found.append(_allowlist(table["allowlist"], what))
    plural = table.get("allowlists")
    if plural is not None:
        if not isinstance(plural, list):
            raise ValueError(f"{what}: allowlists must be an array of tables")
        found.extend(_allowlist(item, what) for item in plural)
    return found


def _rule(raw: Any, index: int, source: str) -> SecretRule:
    if not isinstance(raw, dict):
        raise ValueError(f"rule #{index}: not a table")
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise ValueError(f"rule #{index}: missing id")
    what = f"rule {rule_id}"
    if "regex" not in raw:
        raise ValueError(f"{what}: path-only rules are not supported")
    regex = _compile(raw["regex"], what)
    group = raw.get("secretGroup", 1) or 1
    if not isinstance(group, int) or group < 0:
        raise ValueError(f"{what}: secretGroup must be a non-negative integer")
    entropy = raw.get("entropy")
    if entropy is not None and not isinstance(entropy, int | float):
        raise ValueError(f"{what}: entropy must be a number")
    allowlists = _allowlists(raw, what)
    description = str(raw.get("description") or rule_id)
    return SecretRule(
        id=rule_id.strip(),
        title=description.splitlines()[0][:120],
        description=description,
        severity=Severity.HIGH,
        keywords=tuple(k.lower() for k in _strings(raw.get("keywords"), what)),
        regex=regex,
        secret_group=group,
        entropy=float(entropy) if entropy else None,
        confidence=Confidence.MEDIUM,
        allowlist=allowlists[0] if allowlists else Allowlist(),
        more_allowlists=tuple(allowlists[1:]),
        family="custom",
        window=1024,
        window_before=1024,
        source=source,
    )


def parse_gitleaks_rules(text: str, *, source: str, reserved_ids: Collection[str] = ()) -> RuleSource:
    """Rules and global allow-lists of one gitleaks-format document. Never raises."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return RuleSource(errors=(f"{source}: not valid TOML ({exc})",))
    errors: list[str] = []
    if "extend" in document:
        errors.append(f"{source}: [extend] is ignored (built-in rules always apply)")
    rules: list[SecretRule] = []
    seen = set(reserved_ids)
    raw_rules = document.get("rules", [])
    if not isinstance(raw_rules, list):
        raw_rules = []
        errors.append(f"{source}: rules must be an array of tables")
    for index, raw in enumerate(raw_rules, start=1):
        try:
            rule = _rule(raw, index, source)
        except ValueError as exc:
            errors.append(f"{source}: {exc}; skipped")
            continue
        if rule.id in seen:
            errors.append(f"{source}: rule {rule.id}: id already in use (built-in or repeated); skipped")
            continue
        seen.add(rule.id)
        rules.append(rule)
    try:
        allowlists = _allowlists(document, "global allowlist")
    except ValueError as exc:
        allowlists = []
        errors.append(f"{source}: {exc}; ignored")
    return RuleSource(tuple(rules), tuple(allowlists), tuple(errors))


def load_gitleaks_file(path: Path, *, source: str, reserved_ids: Collection[str] = ()) -> RuleSource:
    """Read a gitleaks-format file: a regular file (no symlink) of at most 1 MiB. Never raises."""
    try:
        if path.is_symlink() or not path.is_file():
            return RuleSource(errors=(f"{source}: not a regular file",))
        if path.stat().st_size > MAX_RULE_FILE_BYTES:
            return RuleSource(errors=(f"{source}: larger than {MAX_RULE_FILE_BYTES} bytes; ignored",))
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        return RuleSource(errors=(f"{source}: unreadable ({exc.strerror})",))
    return parse_gitleaks_rules(text, source=source, reserved_ids=reserved_ids)
