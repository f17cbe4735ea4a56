"""The operator's settings as analyzers see them: one mapping for the server's worker and for
``ridgeline check``, so both run the same analysis (extra secret rules, advisory source)."""

from __future__ import annotations

from ridgeline.analyzers.base import AnalyzerOptions
from ridgeline.config import Settings


def analyzer_options(settings: Settings) -> AnalyzerOptions:
    return AnalyzerOptions(
        data_dir=settings.data_dir,
        osv_api_url=settings.osv_api_url,
        use_online_advisories=settings.osv_online,
        secret_rules_file=settings.secret_rules,
    )
