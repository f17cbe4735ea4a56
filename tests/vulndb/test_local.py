"""The SQLite mirror filled from the shared OSV bundle, matched against known versions."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from ridgeline.analyzers.deps.analyzer import merge_aliases
from ridgeline.domain.packages import Package
from ridgeline.vulndb.local import ImportResult, LocalMirror

from .conftest import ADVISORIES

SCHEMA_FAILING = [
    "PYSEC-2017-27",
    "PYSEC-2019-155",
    "PYSEC-2021-371",
    "PYSEC-2021-424",
    "PYSEC-2021-425",
    "PYSEC-2021-436",
    "PYSEC-2023-80",
]


def _ids(mirror: LocalMirror, ecosystem: str, name: str, version: str) -> set[str]:
    package = Package(ecosystem, name, version)
    return {a.id for a in mirror.query([package]).get(package, [])}


def test_whole_bundle_imports_without_rejections(bundle_import: tuple[LocalMirror, ImportResult]) -> None:
    mirror, result = bundle_import
    assert result.imported == 11629 and result.rejected == 0
    status = mirror.status()
    counts = {row.ecosystem: row.advisories for row in status.ecosystems}
    assert counts == {
        "Go": 4291,
        "Maven": 178,
        "Packagist": 1592,
        "PyPI": 2661,
        "RubyGems": 1232,
        "crates.io": 1206,
        "npm": 469,
    }
    assert mirror.available() is None


def test_schema_failing_pypi_records_are_stored(mirror: LocalMirror) -> None:
    for advisory_id in SCHEMA_FAILING:
        data = json.loads((ADVISORIES / "PyPI" / f"{advisory_id}.json").read_text())
        package = data["affected"][0]["package"]["name"]
        found = mirror.candidates([("PyPI", package.lower().replace("_", "-").replace(".", "-"))])
        assert any(a.id == advisory_id for group in found.values() for a in group), advisory_id


@pytest.mark.parametrize(
    ("ecosystem", "name", "version", "expected", "absent"),
    [
        ("npm", "lodash", "4.17.15", {"GHSA-p6mc-m468-83gw", "x_NSWG-ECO-516"}, set()),
        ("npm", "lodash", "4.17.20", set(), {"GHSA-p6mc-m468-83gw"}),
        ("npm", "minimist", "1.2.5", {"GHSA-xvch-5gv4-984h"}, set()),
        ("npm", "minimist", "1.2.6", set(), {"GHSA-xvch-5gv4-984h"}),
        ("PyPI", "Trac", "0.10", {"PYSEC-2007-2"}, set()),
        ("PyPI", "trac", "0.10.3.1", set(), {"PYSEC-2007-2"}),
        ("Maven", "org.apache.logging.log4j:log4j-core", "2.14.1", {"GHSA-jfh8-c2jp-5v3q"}, set()),
        ("Maven", "org.apache.logging.log4j:log4j-core", "2.15.0", set(), {"GHSA-jfh8-c2jp-5v3q"}),
        ("Maven", "org.apache.logging.log4j:log4j-core", "2.12.2", set(), {"GHSA-jfh8-c2jp-5v3q"}),
        ("crates.io", "smallvec", "1.6.0", {"RUSTSEC-2021-0003"}, set()),
        ("crates.io", "smallvec", "1.6.1", set(), {"RUSTSEC-2021-0003"}),
    ],
)
def test_known_vulnerable_and_fixed_versions(
    mirror: LocalMirror, ecosystem: str, name: str, version: str, expected: set[str], absent: set[str]
) -> None:
    ids = _ids(mirror, ecosystem, name, version)
    assert expected <= ids
    assert not (absent & ids)


def test_last_affected(mirror: LocalMirror) -> None:
    assert "PYSEC-2022-42969" in _ids(mirror, "PyPI", "py", "1.11.0")
    assert "x_NSWG-ECO-108" in _ids(mirror, "npm", "backbone", "0.3.3")
    assert "x_NSWG-ECO-108" not in _ids(mirror, "npm", "backbone", "0.3.4")
    assert "x_VICTIMS-CVE-2009-0217" in _ids(mirror, "Maven", "org.apache.santuario:xmlsec", "1.4.2")
    assert "x_VICTIMS-CVE-2009-0217" not in _ids(mirror, "Maven", "org.apache.santuario:xmlsec", "1.4.3")


def test_withdrawn_records_are_ignored(mirror: LocalMirror) -> None:
    assert "PYSEC-2019-144" not in _ids(mirror, "PyPI", "arrayfire", "3.0.20150914")
    assert "RUSTSEC-2021-0135" not in _ids(mirror, "crates.io", "tower-http", "0.1.0")
    assert "GO-2024-2730" not in _ids(mirror, "Go", "github.com/gorilla/sessions", "1.2.1")


def test_go_rubygems_packagist_matching(mirror: LocalMirror) -> None:
    net = _ids(mirror, "Go", "golang.org/x/net", "0.0.0-20190108225652-1e06a53dbb7e")
    assert len(net) > 5
    assert not _ids(mirror, "Go", "golang.org/x/net", "99.0.0")
    assert _ids(mirror, "RubyGems", "actionpack", "5.2.0")
    assert _ids(mirror, "Packagist", "symfony/http-kernel", "4.4.0")
    assert _ids(mirror, "Packagist", "Symfony/HTTP-Kernel", "4.4.0") == _ids(
        mirror, "Packagist", "symfony/http-kernel", "4.4.0"
    )


def test_aliases_merge_into_one_finding(mirror: LocalMirror) -> None:
    package = Package("crates.io", "failure", "0.1.8")
    advisories = mirror.query([package])[package]
    ids = {a.id for a in advisories}
    assert {"RUSTSEC-2019-0036", "RUSTSEC-2020-0036"} <= ids
    groups = merge_aliases(advisories)
    merged = [g for g in groups if {"RUSTSEC-2019-0036", "RUSTSEC-2020-0036"} <= {a.id for a in g}]
    assert len(merged) == 1


def test_zip_import_and_missing_data(tmp_path: Path) -> None:
    empty = LocalMirror(tmp_path / "empty")
    assert empty.status().advisories == 0
    assert empty.available() == "no advisory data has been imported"  # the analyzer adds the fix; no path
    archive = tmp_path / "all.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for file in sorted((ADVISORIES / "npm").glob("*.json")):
            zipped.write(file, file.name)
        zipped.writestr("broken.json", "{not json")
        zipped.writestr("no-id.json", "{}")
    mirror = LocalMirror(tmp_path / "zip")
    result = mirror.import_path(archive)
    assert (result.imported, result.rejected) == (469, 2)
    assert "GHSA-p6mc-m468-83gw" in _ids(mirror, "npm", "lodash", "4.17.15")
