"""One mirror of the whole shared advisory bundle, imported once for the vulndb tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ridgeline.vulndb.local import ImportResult, LocalMirror

ADVISORIES = Path("/work/shared/advisories")


@pytest.fixture(scope="session")
def bundle_import(tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalMirror, ImportResult]:
    if not ADVISORIES.is_dir():
        pytest.skip("shared advisory bundle not present")
    mirror = LocalMirror(tmp_path_factory.mktemp("mirror"))
    return mirror, mirror.import_path(ADVISORIES)


@pytest.fixture(scope="session")
def mirror(bundle_import: tuple[LocalMirror, ImportResult]) -> LocalMirror:
    return bundle_import[0]
