# Sourced by the web scripts: puts the project's tools on PATH.
# npm's binaryen provides the wasm-opt that Trunk.toml pins (version_132).
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$REPO_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
