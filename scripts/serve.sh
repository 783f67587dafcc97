#!/usr/bin/env bash
# Serves the playground with live rebuilds at http://127.0.0.1:8080/
# (debug build: quick to rebuild, big wasm). For the release bundle:
#   scripts/serve.sh --release
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
# Its own dist dir, so dist/ keeps the release build that the tests and bench use.
exec trunk serve --address 127.0.0.1 --port "${PORT:-8080}" --dist target/serve-dist "$@"
