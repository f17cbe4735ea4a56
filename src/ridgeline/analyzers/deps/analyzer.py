"""The ``deps`` analyzer: lockfiles in, one batched advisory query at the end, findings out.

``analyze`` only extracts packages (a lockfile on its own proves nothing); ``finish`` asks the
advisory source about all of them at once, merges advisories that are aliases of one another into one
finding per package, and names the smallest fixed version above the pinned one. Without advisory
data the run is ``skipped`` with the command that fixes it — never an empty, clean-looking result.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from ridgeline.analyzers.base import AnalysisContext, AnalyzerSkipped, FileInput, FileRejected
from ridgeline.analyzers.deps.extractors.base import extract_packages
from ridgeline.analyzers.deps.extractors.registry import ExtractorRegistry, default_extractors
from ridgeline.domain.findings import Category, Confidence, DependencyDetails, Finding
from ridgeline.domain.packages import Advisory, Package, normalise_name
from ridgeline.vulndb.base import VulnerabilitySource
from ridgeline.vulndb.severity import advisory_severity
from ridgeline.vulndb.versions import smallest_fixed_above, version_key

MAX_INCLUDE_BYTES = 2 << 20


def repository_reader(root: Path) -> Callable[[str, str], tuple[str, str] | None]:
    """Reads an included file named relative to its includer, refusing anything outside ``root``."""
    resolved_root = root.resolve()

    def read(including: str, target: str) -> tuple[str, str] | None:
        if "://" in target or target.startswith("~"):
            return None
        candidate = (resolved_root / os.path.dirname(including) / target).resolve()
        try:
            relative = candidate.relative_to(resolved_root)
        except ValueError:
            return None
        if not candidate.is_file() or candidate.stat().st_size > MAX_INCLUDE_BYTES:
            return None
        try:
            return relative.as_posix(), candidate.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None

    return read


def _primary(advisories: list[Advisory]) -> Advisory:
    """Prefer an official database id over a locally converted ``x_`` one, then the oldest id."""
    return min(advisories, key=lambda a: (a.id.startswith("x_"), a.id))


def merge_aliases(advisories: list[Advisory]) -> list[list[Advisory]]:
    """Group advisories that share an id or alias (CVE, GHSA, PYSEC …): each group is one finding."""
    parent = list(range(len(advisories)))

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[str, int] = {}
    for index, advisory in enumerate(advisories):
        for identifier in (advisory.id, *advisory.aliases):
            if identifier in owner:
                parent[find(index)] = find(owner[identifier])
            else:
                owner[identifier] = index
    groups: dict[int, list[Advisory]] = {}
    for index, advisory in enumerate(advisories):
        groups.setdefault(find(index), []).append(advisory)
    return sorted(groups.values(), key=lambda group: _primary(group).id)


_SNIPPET_MAX = 240
_TITLE_MAX = 160


def _shorten(text: str) -> str:
    """One line of at most _TITLE_MAX characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= _TITLE_MAX:
        return text
    return text[: _TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def finding_for(package: Package, group: list[Advisory]) -> Finding:
    primary = _primary(group)
    name = normalise_name(package.ecosystem, package.name)
    severities = []
    fixed: dict[str, None] = {}
    for advisory in group:
        entries = advisory.affected_entries(package.ecosystem, name)
        entry_severity = entries[0].severity if entries else ""
        severities.append(advisory_severity(advisory, entry_severity))
        for entry in entries:
            for version in entry.fixed_versions:
                fixed.setdefault(version)
    severity, score = max(severities, key=lambda pair: (pair[0], pair[1] or 0.0))
    identifiers = sorted({i for a in group for i in (a.id, *a.aliases)})
    upgrade = smallest_fixed_above(package.ecosystem, package.version, list(fixed))
    if upgrade:
        suggestion = f"Upgrade {package.name} to {upgrade} or later."
    elif fixed:
        suggestion = f"No fixed version above {package.version} is known; fixed in {', '.join(fixed)}."
    else:
        suggestion = f"No fixed version of {package.name} is known; consider replacing it."
    summary = _shorten(next((a.summary for a in group if a.summary), "") or primary.details.split("\n", 1)[0])
    title = f"{package.name}@{package.version}: {summary or primary.id}"
    scored = f" (CVSS {score:.1f})" if score is not None else ""
    return Finding(
        rule_id=primary.id,
        title=title,
        severity=severity,
        category=Category.DEPENDENCY,
        file=package.file,
        line=max(package.line, 1),
        message=f"{package.ecosystem} package {package.name} {package.version} is affected by "
        f"{', '.join(identifiers)}{scored}.",
        description=primary.details or primary.summary,
        suggestion=suggestion,
        confidence=Confidence.HIGH,
        snippet=f"{package.name}@{package.version}",
        details=DependencyDetails(
            package=package.name,
            version=package.version,
            ecosystem=package.ecosystem,
            fixed_versions=tuple(fixed),
            advisory_ids=tuple(identifiers),
        ),
    )


def with_package_upgrade(package: Package, findings: list[Finding]) -> list[Finding]:
    """When a pinned version has several advisories, each suggestion names the one version that
    fixes them all (the highest of their smallest fixes), so following any single finding's
    advice does not leave the others open."""
    if len(findings) < 2:
        return findings
    upgrades = []
    for finding in findings:
        assert isinstance(finding.details, DependencyDetails)
        upgrade = smallest_fixed_above(
            package.ecosystem, package.version, list(finding.details.fixed_versions)
        )
        if upgrade is None:
            return findings  # one advisory has no fix: per-advisory advice is all we can give
        upgrades.append(upgrade)
    target = max(upgrades, key=lambda v: version_key(package.ecosystem, v) or ())
    advice = f"Upgrade {package.name} to {target} or later: it fixes all {len(findings)} advisories for {package.version}."
    return [
        dataclasses.replace(
            finding, suggestion=advice if own == target else f"{advice} (This one alone is fixed in {own}.)"
        )
        for finding, own in zip(findings, upgrades, strict=True)
    ]


class DepsAnalyzer:
    """Extracts pinned packages from every lockfile, then matches them in one batch."""

    name = "deps"
    version = "0.1.0"

    def __init__(
        self,
        source_factory: Callable[[], VulnerabilitySource | None],
        extractors: ExtractorRegistry | None = None,
    ) -> None:
        self._source_factory = source_factory
        self._extractors = extractors or default_extractors()
        self._packages: list[Package] = []
        self._lines: dict[tuple[str, int], str] = {}

    @property
    def packages(self) -> list[Package]:
        return list(self._packages)

    def wants(self, path: str) -> bool:
        return self._extractors.for_path(path) is not None

    def wants_large(self, path: str) -> bool:
        """Lockfiles may exceed the source-file size limit (RIDGELINE_MAX_LOCKFILE_BYTES)."""
        return self.wants(path)

    def analyze(self, file: FileInput, ctx: AnalysisContext) -> Iterator[Finding]:
        extractor = self._extractors.for_path(file.path)
        if extractor is None:
            return iter(())
        extraction = extract_packages(extractor, file.text, file.path, repository_reader(ctx.root))
        if extraction.error:
            raise FileRejected(extraction.error)
        self._packages.extend(extraction.packages)
        wanted = {p.line for p in extraction.packages if p.file == file.path and p.line > 0}
        if wanted:
            for number, line in enumerate(file.text.splitlines(), start=1):
                if number in wanted:
                    self._lines[(file.path, number)] = line.strip()[:_SNIPPET_MAX]
        return iter(())

    def finish(self, ctx: AnalysisContext) -> Iterator[Finding]:
        packages, self._packages = self._packages, []
        pinned = [p for p in packages if p.version]
        if not pinned:
            self._lines = {}
            return iter(())
        source = self._source_factory()
        reason = "no advisory source is configured" if source is None else source.available()
        if source is None or reason:
            raise AnalyzerSkipped(
                f"dependency check skipped: {reason or 'no advisory data'}; the operator fixes this with "
                "`ridgeline advisories import PATH` (a folder or all.zip of OSV records) or `ridgeline advisories sync`"
            )
        results = source.query(pinned)
        lines, self._lines = self._lines, {}
        findings = []
        for package in pinned:
            snippet = lines.get((package.file, package.line))
            package_findings = [
                dataclasses.replace(finding, snippet=snippet) if snippet else finding
                for finding in (
                    finding_for(package, group) for group in merge_aliases(results.get(package, []))
                )
            ]
            findings += with_package_upgrade(package, package_findings)
        findings.sort(key=lambda f: (f.file, f.line, f.rule_id))
        return iter(findings)


def source_from_options(data_dir: Path | None, osv_api_url: str, online: bool) -> VulnerabilitySource | None:
    """The operator's choice: the online API only when enabled, else the local mirror."""
    if online:
        from ridgeline.vulndb.osv_api import OsvApiSource

        cache_dir = data_dir / "osv-cache" if data_dir is not None else None
        return OsvApiSource(osv_api_url, cache_dir=cache_dir)
    if data_dir is None:
        return None
    from ridgeline.vulndb.local import LocalMirror

    return LocalMirror(data_dir)
