"""Explicit name → factory map of analyzers. No import-time registration, no duplicates."""

from __future__ import annotations

from collections.abc import Callable

from ridgeline.analyzers.base import Analyzer

AnalyzerFactory = Callable[[], Analyzer]


def _secrets() -> Analyzer:
    from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer

    return SecretsAnalyzer.from_packaged_rules()


_FACTORIES: dict[str, AnalyzerFactory] = {
    "secrets": _secrets,
}


def analyzer_names() -> list[str]:
    return list(_FACTORIES)


def build_analyzers(names: list[str] | None = None) -> list[Analyzer]:
    chosen = names if names is not None else analyzer_names()
    unknown = [name for name in chosen if name not in _FACTORIES]
    if unknown:
        raise ValueError(f"unknown analyzers: {', '.join(unknown)}")
    return [_FACTORIES[name]() for name in chosen]
