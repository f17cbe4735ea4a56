"""Shared fixtures for the secrets analyzer tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ridgeline.analyzers.base import AnalysisContext
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer


@pytest.fixture(scope="session", autouse=True)
def _hyperscan_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Compiled databases go to a temporary cache, never the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RIDGELINE_HYPERSCAN_CACHE", str(tmp_path_factory.mktemp("hs-cache")))
        yield


@pytest.fixture(scope="session")
def analyzer(_hyperscan_cache: None) -> SecretsAnalyzer:
    return SecretsAnalyzer.from_packaged_rules()


@pytest.fixture(scope="session")
def find_analyzer() -> SecretsAnalyzer:
    return SecretsAnalyzer.from_packaged_rules(engine="find")


@pytest.fixture
def ctx(tmp_path: Path) -> AnalysisContext:
    return AnalysisContext(root=tmp_path, secret_salt=b"test-salt")
