#!/usr/bin/env bash
# Runs every test of the project, installing what it needs first:
#   formatting and lints (native and wasm32), the native test suites
#   (unit tests, the recorded conformance corpus, the store's fixtures and
#   differential tests), the core crates' tests compiled to wasm32 in headless
#   Chromium, and the browser tests of the built page.
# Usage: scripts/test.sh            (everything)
#        SKIP_WEB=1 scripts/test.sh (no page build / browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

stage() { printf '\n==> %s\n' "$*"; }

stage "install tools"
bash scripts/install-tools.sh

stage "cargo fmt --check"
cargo fmt --all -- --check

stage "clippy (native)"
cargo clippy --workspace --exclude relplay-web --all-targets --locked -- -D warnings

stage "clippy (wasm32)"
cargo clippy --workspace --exclude relplay-cli --target wasm32-unknown-unknown --locked -- -D warnings

stage "native tests"
cargo test --workspace --exclude relplay-web --locked --no-fail-fast
# The page's pure logic (share-link codec, query parameters, SQL grouping).
cargo test --locked -p relplay-web

stage "wasm32 tests in headless Chromium"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT=120
# Release, as the page ships it; the facade's wasm test drives all core crates.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --release --target wasm32-unknown-unknown -p relplay --test wasm

if [ "${SKIP_WEB:-0}" != 1 ] && [ -d web ]; then
    stage "page build (trunk, release)"
    bash scripts/build-web.sh
    stage "browser tests (headless Chromium)"
    (cd tests/browser && node --test)
fi
stage "all tests passed"
