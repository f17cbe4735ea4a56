#!/usr/bin/env bash
# Sets up .venv with the test dependencies and runs the whole test suite.
# Extra arguments go to pytest (e.g. scripts/test.sh -k secrets).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
source "$ROOT/scripts/bootstrap.sh" test
cd "$ROOT"
exec python -m pytest "$@"
