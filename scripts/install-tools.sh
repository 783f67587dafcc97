#!/usr/bin/env bash
# Installs everything the web build and the browser tests need, skipping what
# is already there at the right version. Idempotent; safe to run in CI.
#   wasm32 target · trunk 0.21.14 · wasm-bindgen-cli (= Cargo.lock's wasm-bindgen)
#   npm deps (esbuild, CodeMirror, binaryen's wasm-opt, playwright-core)
#   Debian chromium + chromium-driver
# Only package registries are used (crates.io, npm, Debian); nothing downloads
# a browser or a prebuilt binary of its own.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$REPO_ROOT"

TRUNK_VERSION=0.21.14
log() { printf '[install-tools] %s\n' "$*"; }

# wasm-bindgen-cli must match the wasm-bindgen crate exactly: read Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "install-tools: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if ! grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml; then
  echo "install-tools: Trunk.toml [tools] wasm_bindgen must be \"$WASM_BINDGEN_VERSION\" (Cargo.lock)" >&2
  exit 1
fi

# 1. Rust target
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  log "wasm32-unknown-unknown: present"
else
  log "adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. trunk
if command -v trunk >/dev/null && trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "trunk $TRUNK_VERSION: present"
else
  log "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# 3. wasm-bindgen-cli
if command -v wasm-bindgen >/dev/null && wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "wasm-bindgen $WASM_BINDGEN_VERSION: present"
else
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install --locked wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" \
    || cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 4. npm deps (esbuild + CodeMirror for the editor bundle, binaryen for
#    wasm-opt, playwright-core for the browser tests)
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
  && [ -x node_modules/.bin/esbuild ] && [ -x node_modules/.bin/wasm-opt ]; then
  log "node_modules: up to date"
else
  log "npm ci"
  npm ci --no-audit --no-fund
fi

# 5. Chromium and its driver, from Debian
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  log "chromium: present ($(chromium --version 2>/dev/null | head -1))"
else
  log "installing chromium + chromium-driver from Debian"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver
fi

log "done"
