"""One mirror of the whole shared advisory bundle, imported once for the vulndb tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ridgeline.vulndb.local import ImportResult, LocalMirror
from tests.support.advisories import SKIP_REASON, advisory_bundle

ADVISORIES = advisory_bundle() or Path("/nonexistent/shared/advisories")


@pytest.fixture(scope="session")
def bundle_import(tmp_path_factory: pytest.TempPathFactory) -> tuple[LocalMirror, ImportResult]:
    if not ADVISORIES.is_dir():
        pytest.skip(SKIP_REASON)
    mirror = LocalMirror(tmp_path_factory.mktemp("mirror"))
    return mirror, mirror.import_path(ADVISORIES)


@pytest.fixture(scope="session")
def mirror(bundle_import: tuple[LocalMirror, ImportResult]) -> LocalMirror:
    return bundle_import[0]
