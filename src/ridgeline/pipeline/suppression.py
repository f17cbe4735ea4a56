"""Suppression: inline markers, repository policy files and baselines.

A suppressed finding is never dropped: it keeps its place in the report with ``suppressed_reason``
set, and renderers list it apart (``suppressed`` in JSON, ``suppressions`` in SARIF). A repository
can only suppress findings this way; nothing it writes changes analyzers' limits or server settings.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pathspec
import yaml

from ridgeline.domain.findings import Finding
from ridgeline.domain.report import ScanReport
from ridgeline.domain.suppression import inline_marker_reason

POLICY_FILES = (".ridgeline.yml", ".ridgeline.yaml", ".rafter.yml", ".rafter.yaml", ".rafter/config.yml")
_POLICY_MAX_BYTES = 64 * 1024
_POLICY_MAX_ALIASES = 50
_POLICY_MAX_ENTRIES = 500
_POLICY_MAX_DEPTH = 20
# libyaml's parser is iterative and fast; the pure-Python one recurses on deep flow collections.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_POLICY_MAX_PATTERN = 1000
_SOURCE_MAX_BYTES = 64 * 1024 * 1024


def inline_reason(finding: Finding, line: str, previous: str = "") -> str | None:
    """The inline marker on the finding's line (or a comment line just above) that suppresses it."""
    return inline_marker_reason(finding.rule_id, finding.category, line, previous)


@dataclass(frozen=True, slots=True)
class IgnoreEntry:
    paths: pathspec.PathSpec | None
    rules: frozenset[str]
    reason: str
    source: str

    def matches(self, finding: Finding) -> bool:
        if self.paths is not None and not self.paths.match_file(finding.file):
            return False
        if (
            self.rules
            and finding.rule_id.lower() not in self.rules
            and finding.title.lower() not in self.rules
        ):
            return False
        return True


@dataclass(frozen=True, slots=True)
class RepositoryPolicy:
    exclude: tuple[tuple[pathspec.PathSpec, str], ...] = ()
    ignores: tuple[IgnoreEntry, ...] = ()
    errors: tuple[str, ...] = ()

    def reason_for(self, finding: Finding) -> str | None:
        for spec, source in self.exclude:
            if spec.match_file(finding.file):
                return f"{source}: exclude_paths"
        for entry in self.ignores:
            if entry.matches(finding):
                return f"{entry.source}: {entry.reason}" if entry.reason else f"{entry.source}: ignore"
        return None


def _safe_read(root: Path, relative: str, limit: int) -> str | None:
    """Read a file inside ``root`` without following symlinks, or None."""
    path = root / relative
    try:
        if any(p.is_symlink() for p in [path, *path.parents] if p.is_relative_to(root) and p != root):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        return None
    return data.decode("utf-8", errors="replace")


def _bounded_yaml(text: str) -> object:
    """safe_load, after refusing documents with many aliases (no 'billion laughs') or deep nesting
    (the constructor recurses). libyaml's event parser is iterative and fast."""
    aliases = depth = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > _POLICY_MAX_ALIASES:
                raise ValueError(f"more than {_POLICY_MAX_ALIASES} YAML aliases")
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > _POLICY_MAX_DEPTH:
                raise ValueError(f"nested deeper than {_POLICY_MAX_DEPTH} levels")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - _LOADER is a safe loader


def _string_list(value: object, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{what} must be a list of strings")
    if len(value) > _POLICY_MAX_ENTRIES:
        raise ValueError(f"{what} has more than {_POLICY_MAX_ENTRIES} entries")
    if any(len(v) > _POLICY_MAX_PATTERN for v in value):
        raise ValueError(f"{what} has an entry longer than {_POLICY_MAX_PATTERN} characters")
    return value


def load_policy(root: Path) -> RepositoryPolicy:
    """Read every policy file present at the repository root; problems become ``errors``."""
    exclude: list[tuple[pathspec.PathSpec, str]] = []
    ignores: list[IgnoreEntry] = []
    errors: list[str] = []
    for name in POLICY_FILES:
        if not (root / name).exists() and not (root / name).is_symlink():
            continue
        text = _safe_read(root, name, _POLICY_MAX_BYTES)
        if text is None:
            errors.append(f"{name}: ignored (a symlink, unreadable or larger than 64 KiB)")
            continue
        try:
            document = _bounded_yaml(text) or {}
            if not isinstance(document, dict):
                raise ValueError("the top level must be a mapping")
            paths = _string_list(document.get("exclude_paths"), "exclude_paths")
            if paths:
                exclude.append((pathspec.GitIgnoreSpec.from_lines(paths), name))
            raw_ignores = document.get("ignore") or []
            if not isinstance(raw_ignores, list):
                raise ValueError("ignore must be a list")
            for entry in raw_ignores[:_POLICY_MAX_ENTRIES]:
                if not isinstance(entry, dict):
                    raise ValueError("each ignore entry must be a mapping")
                entry_paths = _string_list(entry.get("paths"), "ignore.paths")
                rules = frozenset(r.lower() for r in _string_list(entry.get("rules"), "ignore.rules"))
                reason = entry.get("reason") or ""
                ignores.append(
                    IgnoreEntry(
                        pathspec.GitIgnoreSpec.from_lines(entry_paths) if entry_paths else None,
                        rules,
                        str(reason)[:200],
                        name,
                    )
                )
        except Exception as exc:  # a repository file must never fail the scan: report it instead
            detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            errors.append(f"{name}: ignored ({detail})")
    return RepositoryPolicy(tuple(exclude), tuple(ignores), tuple(errors))


def load_baseline(path: Path) -> frozenset[str]:
    """Fingerprints of a baseline written by ``ridgeline check --write-baseline``."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise ValueError("not a Ridgeline baseline (nested too deeply)") from None
    if not isinstance(document, dict) or not isinstance(document.get("fingerprints"), list):
        raise ValueError('not a Ridgeline baseline (expected {"fingerprints": [...]})')
    return frozenset(str(f) for f in document["fingerprints"])


def baseline_document(findings: Iterable[Finding]) -> dict[str, object]:
    return {"version": 1, "tool": "ridgeline", "fingerprints": sorted({f.fingerprint for f in findings})}


def apply_suppressions(report: ScanReport, root: Path, *, policy: RepositoryPolicy | None = None,
                       baseline: frozenset[str] = frozenset()) -> ScanReport:  # fmt: skip
    """Mark findings suppressed by inline markers, the repository policy, then the baseline."""
    policy = policy if policy is not None else load_policy(root)
    lines_of: dict[str, list[str] | None] = {}
    marked: list[Finding] = []
    for finding in report.findings:
        reason = finding.suppressed_reason
        if reason is None:
            if finding.file not in lines_of:
                text = _safe_read(root, finding.file, _SOURCE_MAX_BYTES) if finding.file else None
                lines_of[finding.file] = text.splitlines() if text is not None else None
            lines = lines_of[finding.file]
            if lines and 0 < finding.line <= len(lines):
                previous = lines[finding.line - 2] if finding.line >= 2 else ""
                reason = inline_reason(finding, lines[finding.line - 1], previous)
        if reason is None:
            reason = policy.reason_for(finding)
        if reason is None and finding.fingerprint in baseline:
            reason = "baseline"
        marked.append(
            finding
            if reason == finding.suppressed_reason
            else dataclasses.replace(finding, suppressed_reason=reason)
        )
    notices = tuple(report.notices) + policy.errors
    return dataclasses.replace(report, findings=tuple(marked), notices=notices)
