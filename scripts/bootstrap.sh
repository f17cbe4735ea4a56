#!/usr/bin/env bash
# Creates .venv (if missing) with Python >= 3.11 and installs Ridgeline into it.
# Usage: source scripts/bootstrap.sh [extra]   (extra: "test" installs the test dependencies too)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
  echo "Ridgeline needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)." >&2
  exit 2
fi
VENV="${RIDGELINE_VENV:-$ROOT/.venv}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
EXTRA="${1:-}"
SPEC="$ROOT"
[ -n "$EXTRA" ] && SPEC="$ROOT[$EXTRA]"
STAMP="$VENV/.ridgeline-installed-${EXTRA:-base}"
if [ ! -f "$STAMP" ] || [ "$ROOT/pyproject.toml" -nt "$STAMP" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$SPEC" 2>&1 | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -c "import ridgeline" || { echo "installation failed" >&2; exit 2; }
  touch "$STAMP"
fi
export PATH="$VENV/bin:$PATH"
