#!/usr/bin/env bash
# Installs the tools (if missing), builds the page and serves it with live
# rebuilds on http://127.0.0.1:8080/ (PORT=... to change).
#   scripts/serve.sh          release build, as users get it (a rebuild after an edit takes ~1-2 min: LTO)
#   scripts/serve.sh --dev    debug build: faster rebuilds, much bigger and slower wasm
# Extra arguments go to `trunk serve`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
bash scripts/install-tools.sh
profile=(--release)
if [ "${1:-}" = "--dev" ]; then
  profile=()
  shift
fi
# Its own dist dir, so dist/ keeps the release build that the tests and bench use.
exec trunk serve "${profile[@]}" --address 127.0.0.1 --port "${PORT:-8080}" --dist target/serve-dist "$@"
