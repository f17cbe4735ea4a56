"""Explicit name → factory map of analyzers. No import-time registration, no duplicates."""

from __future__ import annotations

from collections.abc import Callable

from ridgeline.analyzers.base import Analyzer, AnalyzerOptions

AnalyzerFactory = Callable[[AnalyzerOptions], Analyzer]


def _secrets(options: AnalyzerOptions) -> Analyzer:
    from ridgeline.analyzers.secrets.analyzer import SecretsAnalyzer

    return SecretsAnalyzer.from_packaged_rules(extra_rules_file=options.secret_rules_file)


def _deps(options: AnalyzerOptions) -> Analyzer:
    from ridgeline.analyzers.deps.analyzer import DepsAnalyzer, source_from_options

    return DepsAnalyzer(
        lambda: source_from_options(options.data_dir, options.osv_api_url, options.use_online_advisories)
    )


_FACTORIES: dict[str, AnalyzerFactory] = {
    "secrets": _secrets,
    "deps": _deps,
}


def analyzer_names() -> list[str]:
    return list(_FACTORIES)


def build_analyzers(names: list[str] | None = None, options: AnalyzerOptions | None = None) -> list[Analyzer]:
    chosen = names if names is not None else analyzer_names()
    unknown = [name for name in chosen if name not in _FACTORIES]
    if unknown:
        raise ValueError(f"unknown analyzers: {', '.join(unknown)}")
    options = options or AnalyzerOptions()
    return [_FACTORIES[name](options) for name in chosen]
