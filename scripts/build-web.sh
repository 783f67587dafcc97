#!/usr/bin/env bash
# Release build of the page into dist/: cargo profile `wasm-release`
# (opt-level z, LTO) then wasm-opt -Os --low-memory-unused (web/index.html),
# CodeMirror bundled by esbuild.
# Needs the tools from scripts/install-tools.sh.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"
trunk build --release "$@"
echo "[build-web] dist/:"
ls -l dist
