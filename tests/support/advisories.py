"""Where the offline OSV bundle (shared/advisories) is: beside the checkout, as CI lays it out;
else ``RIDGELINE_TEST_ADVISORIES``; else the workplace's /work/shared."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def advisory_bundle() -> Path | None:
    candidates = [ROOT.parent / "shared" / "advisories", Path("/work/shared/advisories")]
    if os.environ.get("RIDGELINE_TEST_ADVISORIES"):
        candidates.insert(0, Path(os.environ["RIDGELINE_TEST_ADVISORIES"]))
    return next((path for path in candidates if (path / "PyPI").is_dir()), None)


SKIP_REASON = (
    "THE OFFLINE ADVISORY BUNDLE IS MISSING: put shared/advisories beside the checkout or set "
    "RIDGELINE_TEST_ADVISORIES; the dependency-matching tests against real advisories did not run"
)
