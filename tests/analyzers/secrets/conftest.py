"""Shared fixtures for the secrets analyzer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ridgeline.analyzers.base import AnalysisContext
from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer


@pytest.fixture(scope="session")
def analyzer() -> SecretsAnalyzer:
    return SecretsAnalyzer.from_packaged_rules()


@pytest.fixture(scope="session")
def find_analyzer() -> SecretsAnalyzer:
    return SecretsAnalyzer.from_packaged_rules(engine="find")


@pytest.fixture
def ctx(tmp_path: Path) -> AnalysisContext:
    return AnalysisContext(root=tmp_path, secret_salt=b"test-salt")
