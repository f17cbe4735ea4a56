#!/usr/bin/env bash
# The main job, end to end on the embedded default: start the server on a free port, create an
# account and a key, serve a git repository through the `local` provider (this repository by
# default, or the path given), trigger a scan over the HTTP API with the CLI, print the report,
# and stop the server.
#
# Usage: scripts/demo.sh [PATH_TO_A_GIT_REPOSITORY_OR_FOLDER] [--format md|json|sarif]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET="$ROOT"
FORMAT=md
while [ $# -gt 0 ]; do
  case "$1" in
    --format) FORMAT="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) TARGET="$1"; shift ;;
  esac
done
TARGET="$(cd "$TARGET" && pwd)"

# shellcheck source=bootstrap.sh
source "$ROOT/scripts/bootstrap.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ridgeline-demo.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export RIDGELINE_DATA_DIR="$WORK/data"
export RIDGELINE_LOCAL_REPOS="$WORK/repos"
NAME="$(basename "$TARGET" | tr -c 'A-Za-z0-9_.\n-' '-')"
NAME="${NAME#.}"; NAME="${NAME:-repo}"
mkdir -p "$RIDGELINE_LOCAL_REPOS/demo"

# Serve the repository as a git host would: a bare copy under the local provider's root.
if git -C "$TARGET" rev-parse --verify -q HEAD >/dev/null 2>&1; then
  BRANCH="$(git -C "$TARGET" symbolic-ref --short -q HEAD || echo main)"
  git clone --quiet --bare --no-local "$TARGET" "$RIDGELINE_LOCAL_REPOS/demo/$NAME.git"
  if [ "$BRANCH" = "HEAD" ] || ! git -C "$RIDGELINE_LOCAL_REPOS/demo/$NAME.git" rev-parse -q --verify "refs/heads/$BRANCH" >/dev/null; then
    BRANCH=ridgeline-demo
    git -C "$RIDGELINE_LOCAL_REPOS/demo/$NAME.git" update-ref "refs/heads/$BRANCH" "$(git -C "$TARGET" rev-parse HEAD)"
  fi
  echo "Scanning the last commit of $TARGET (branch $BRANCH); uncommitted changes are not part of it." >&2
else
  # Not a git repository: snapshot the folder into one commit.
  BRANCH=main
  SNAP="$WORK/snapshot"
  cp -a "$TARGET" "$SNAP"
  rm -rf "$SNAP/.git"
  git -C "$SNAP" init -q -b main
  git -C "$SNAP" add -A
  git -C "$SNAP" -c user.name=ridgeline -c user.email=demo@ridgeline.invalid commit -q -m snapshot --allow-empty
  git clone --quiet --bare "$SNAP" "$RIDGELINE_LOCAL_REPOS/demo/$NAME.git"
  echo "Scanning a snapshot of $TARGET." >&2
fi

# Advisory data for the dependency checks: the offline OSV bundle beside the checkout when present,
# else `ridgeline advisories sync` (needs network); without either the deps run reports "skipped".
ADVISORIES="${RIDGELINE_DEMO_ADVISORIES:-$ROOT/../shared/advisories}"
if [ -d "$ADVISORIES" ]; then
  ridgeline advisories import "$ADVISORIES" >/dev/null
  echo "Imported OSV advisories from $ADVISORIES" >&2
fi

PORT="$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
ridgeline admin account create demo >/dev/null
KEY="$(ridgeline admin key create --account demo --scope scan)"
ridgeline serve --host 127.0.0.1 --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if python -c "import httpx,sys; sys.exit(0 if httpx.get('http://127.0.0.1:$PORT/healthz').status_code==200 else 1)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log" >&2; exit 1; fi
  sleep 0.2
done
echo "Ridgeline server on http://127.0.0.1:$PORT (data in a temporary directory)" >&2

set +e
ridgeline run --repo "demo/$NAME" --branch "$BRANCH" --provider local \
  --api-url "http://127.0.0.1:$PORT" --api-key "$KEY" --format "$FORMAT"
STATUS=$?
set -e
if [ $STATUS -ne 0 ]; then
  echo "--- server log ---" >&2
  tail -n 40 "$WORK/server.log" >&2
fi
exit $STATUS
