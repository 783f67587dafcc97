//! The data-driven conformance corpus: every scenario `X.py` beside a
//! recorded `X.expected` (CPython + SQLAlchemy 2.1.9, via tests/record.sh)
//! runs through the real `relplay` binary, and its normalized trace must be
//! identical to the recording.
//!
//! Suites: the project's own `tests/python`, `tests/orm`, `tests/gallery`, and the shared
//! conformance scenarios (`../shared/conformance/scenarios`, when present).
//! `tests/known-failures.txt` lists scenarios that do not pass yet; the test
//! fails when one of them starts passing, so the list can only shrink.

mod support;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

/// Scenario paths relative to the repo root (shared ones as `../shared/...`).
fn scenarios(root: &Path) -> Vec<String> {
    let mut dirs: Vec<String> = ["tests/python", "tests/orm", "tests/gallery"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if root.join("../shared/conformance/scenarios").is_dir() {
        dirs.push("../shared/conformance/scenarios".into());
    }
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".py") {
                if root.join(&dir).join(format!("{stem}.expected")).exists() {
                    out.push(format!("{dir}/{name}"));
                }
            }
        }
    }
    out.sort();
    out
}

fn known_failures(root: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(root.join("tests/known-failures.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Runs one scenario the way `oracle.py check` does: absolute path, an empty
/// working directory, no stdin.
fn trace(root: &Path, rel: &str, workdir: &Path) -> String {
    let path = root.join(rel).canonicalize().expect("scenario path");
    let out = Command::new(env!("CARGO_BIN_EXE_relplay"))
        .arg("run")
        .arg(&path)
        .current_dir(workdir)
        .stdin(Stdio::null())
        .output()
        .expect("run relplay");
    let exit = out
        .status
        .code()
        .map_or("signal".to_string(), |c| c.to_string());
    support::normalize::normalize(
        &String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n"),
        &String::from_utf8_lossy(&out.stderr).replace("\r\n", "\n"),
        &exit,
        &path.to_string_lossy(),
    )
}

#[test]
fn corpus_matches_recorded_traces() {
    let root = repo_root();
    let all = scenarios(&root);
    let known = known_failures(&root);
    let workdir = std::env::temp_dir().join(format!("relplay-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&workdir).expect("workdir");

    let results = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().expect("lock");
                    *n += 1;
                    *n - 1
                };
                let Some(rel) = all.get(i) else { break };
                let expected_path = root.join(rel.replace(".py", ".expected"));
                let expected = std::fs::read_to_string(expected_path).expect("expected");
                let actual = trace(&root, rel, &workdir);
                let diff = (actual != expected).then(|| first_difference(&expected, &actual));
                results.lock().expect("lock").push((rel.clone(), diff));
            });
        }
    });
    let _ = std::fs::remove_dir_all(&workdir);

    let mut results = results.into_inner().expect("results");
    results.sort();
    let mut unexpected = Vec::new();
    let mut stale = Vec::new();
    let (mut passed, mut failed) = (0, 0);
    for (rel, diff) in &results {
        match diff {
            None => {
                passed += 1;
                if known.contains(rel) {
                    stale.push(rel.clone());
                }
            }
            Some(d) => {
                failed += 1;
                if !known.contains(rel) {
                    unexpected.push(format!("{rel}: {d}"));
                }
            }
        }
    }
    println!(
        "corpus: {passed} passed, {failed} failed ({} known failures listed) of {} scenarios",
        known.len(),
        results.len()
    );
    assert!(!results.is_empty(), "no scenarios found");
    assert!(
        unexpected.is_empty(),
        "scenarios failing that are not in tests/known-failures.txt:\n{}",
        unexpected.join("\n")
    );
    assert!(
        stale.is_empty(),
        "scenarios now pass: remove them from tests/known-failures.txt:\n{}",
        stale.join("\n")
    );
}

fn first_difference(expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.split('\n').collect();
    let a: Vec<&str> = actual.split('\n').collect();
    for i in 0..e.len().max(a.len()) {
        let el = e.get(i).copied().unwrap_or("<end of trace>");
        let al = a.get(i).copied().unwrap_or("<end of trace>");
        if el != al {
            return format!("line {}: expected {el:?}, got {al:?}", i + 1);
        }
    }
    "traces differ".into()
}
