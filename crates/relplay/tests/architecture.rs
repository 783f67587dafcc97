//! ARCHITECTURE.md's code map and "where to look" table name real paths:
//! this test fails when one of them no longer exists, so the map cannot rot.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// Backticked spans that look like repo paths: `crates/...`, `web/...`,
/// `tests/...`, `scripts/...`, or a top-level file such as `Trunk.toml`.
fn named_paths(doc: &str) -> Vec<String> {
    let roots = ["crates/", "web/", "tests/", "scripts/", "public/", ".ci/"];
    let top = ["Cargo.toml", "Trunk.toml", "README.md", "rust-toolchain.toml", "package.json"];
    doc.split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.split_whitespace().next().unwrap_or("").trim_end_matches(['.', ',', ':']))
        .filter(|s| roots.iter().any(|r| s.starts_with(r)) || top.contains(s))
        .filter(|s| !s.contains(['*', '{', '<']))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_path_named_in_architecture_md_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let paths = named_paths(&doc);
    assert!(paths.len() > 20, "the code map names too few paths: {paths:?}");
    let missing: Vec<_> = paths.iter().filter(|p| !root.join(p).exists()).collect();
    assert!(missing.is_empty(), "ARCHITECTURE.md names paths that do not exist: {missing:?}");
}
