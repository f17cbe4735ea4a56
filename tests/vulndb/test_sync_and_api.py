"""``sync`` and the OSV API against loopback servers; both agree with the local mirror."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from ridgeline.analyzers.base import AnalysisContext
from ridgeline.analyzers.deps.analyzer import DepsAnalyzer
from ridgeline.domain.packages import Package
from ridgeline.vulndb.local import LocalMirror
from ridgeline.vulndb.osv_api import AdvisoryApiError, OsvApiSource

from .conftest import ADVISORIES
from .osv_server import OsvData, serve

ECOSYSTEMS = {"npm": "npm", "crates.io": "crates.io", "Maven": "Maven"}


@pytest.fixture(scope="module")
def osv_data() -> OsvData:
    data = OsvData()
    for folder, ecosystem in ECOSYSTEMS.items():
        data.add_folder(ADVISORIES / folder, ecosystem)
    return data


def test_sync_downloads_only_when_changed(tmp_path: Path, osv_data: OsvData) -> None:
    mirror = LocalMirror(tmp_path)
    with serve(osv_data) as base:
        first = mirror.sync(base, ["npm", "Maven"])
        assert [(r.ecosystem, r.changed, r.imported.imported, r.error) for r in first] == [
            ("npm", True, 469, ""),
            ("Maven", True, 178, ""),
        ]
        second = mirror.sync(base, ["npm", "Maven"])
        assert [(r.changed, r.error) for r in second] == [(False, ""), (False, "")]
        # upstream drops every npm record but one: the ecosystem is replaced, not merged
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.write(ADVISORIES / "npm/GHSA-p6mc-m468-83gw.json", "GHSA-p6mc-m468-83gw.json")
        original = osv_data.exports["npm"]
        osv_data.set_export("npm", buffer.getvalue())
        try:
            third = mirror.sync(base, ["npm"])
        finally:
            osv_data.set_export("npm", original)
        missing = mirror.sync(base, ["NoSuchEcosystem"])
    assert third[0].changed and third[0].imported.imported == 1
    counts = {row.ecosystem: row.advisories for row in mirror.status().ecosystems}
    assert counts == {"npm": 1, "Maven": 178}
    assert missing[0].error.startswith("HTTP 404")


PACKAGES = [
    Package("npm", "lodash", "4.17.15", file="package-lock.json", line=3),
    Package("npm", "minimist", "1.2.5", file="package-lock.json", line=9),
    Package("npm", "lodash", "4.17.21", file="package-lock.json", line=12),
    Package("npm", "backbone", "0.3.3", file="yarn.lock", line=1),
    Package("crates.io", "failure", "0.1.8", file="Cargo.lock", line=5),
    Package("crates.io", "smallvec", "1.6.0", file="Cargo.lock", line=9),
    Package("crates.io", "tower-http", "0.1.0", file="Cargo.lock", line=20),
    Package("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", file="pom.xml", line=7),
    Package("Maven", "org.apache.santuario:xmlsec", "1.4.2", file="pom.xml", line=30),
]


def _findings(source: object, packages: list[Package]) -> list[tuple]:
    analyzer = DepsAnalyzer(lambda: source)  # type: ignore[arg-type,return-value]
    analyzer._packages.extend(packages)
    findings = list(analyzer.finish(AnalysisContext(root=Path("."))))
    return [(f.fingerprint, f.rule_id, f.severity, f.suggestion, f.details) for f in findings]


def test_osv_api_and_mirror_give_identical_findings(tmp_path: Path, osv_data: OsvData) -> None:
    mirror = LocalMirror(tmp_path / "mirror")
    for folder in ECOSYSTEMS:
        mirror.import_path(ADVISORIES / folder)
    expected = _findings(mirror, PACKAGES)
    assert len(expected) >= 6
    with serve(osv_data) as base:
        osv_data.fail_next = 2  # two 503s: retried with backoff
        source = OsvApiSource(base, batch_size=4, backoff=0.01, cache_dir=tmp_path / "cache")
        assert _findings(source, PACKAGES) == expected
        requests = len(osv_data.requests)
        # a second query is served from the record cache: only querybatch calls go out
        assert _findings(source, PACKAGES) == expected
        assert all("querybatch" in r for r in osv_data.requests[requests:])
        fresh = OsvApiSource(base, backoff=0.01, cache_dir=tmp_path / "cache")
        assert _findings(fresh, PACKAGES) == expected
        assert sum("/v1/vulns/" in r for r in osv_data.requests[requests:]) == 0


def test_osv_api_gives_up_after_retries(osv_data: OsvData) -> None:
    with serve(osv_data) as base:
        osv_data.fail_next = 10
        source = OsvApiSource(base, retries=2, backoff=0.0)
        with pytest.raises(AdvisoryApiError, match="after 3 attempts"):
            source.query(PACKAGES[:1])
        osv_data.fail_next = 0
        assert source.requests == 3


def test_api_records_are_matched_locally_not_trusted(osv_data: OsvData) -> None:
    # the stand-in server answers every advisory of a package regardless of version
    with serve(osv_data) as base:
        source = OsvApiSource(base, backoff=0.0)
        fixed = Package("npm", "lodash", "4.17.21")
        assert source.query([fixed]) == {}
        assert json.dumps(osv_data.records["GHSA-p6mc-m468-83gw"])  # records were available


def test_sync_honours_last_modified_without_etag(tmp_path: Path) -> None:
    data = OsvData(last_modified_only=True)
    data.add_folder(ADVISORIES / "Maven", "Maven")
    mirror = LocalMirror(tmp_path)
    with serve(data) as base:
        first = mirror.sync(base, ["Maven"])
        second = mirror.sync(base, ["Maven"])
    assert (first[0].changed, first[0].imported.imported) == (True, 178)
    assert (second[0].changed, second[0].error) == (False, "")
    downloads = [r for r in data.requests if r.endswith("/all.zip")]
    assert len(downloads) == 2
