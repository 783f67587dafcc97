//! Hostile scripts (`tests/hostile/*.py`): endless loops, unbounded
//! recursion, deep nesting, huge allocations, null bytes, bad UTF-8, sandbox
//! escapes. Each must end on its own with exit status 1, a Python-style error
//! whose last line contains the text of the script's `# expect:` header, and
//! no panic. The timeout is a guard against hangs, not a speed target.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const GUARD: Duration = Duration::from_secs(60);

fn expectation(bytes: &[u8]) -> String {
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    String::from_utf8_lossy(first)
        .strip_prefix("# expect: ")
        .expect("hostile script starts with '# expect: '")
        .trim()
        .to_string()
}

#[test]
fn hostile_scripts_end_with_a_python_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/hostile");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/hostile")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let mut failures = Vec::new();
    for path in &paths {
        let expect = expectation(&std::fs::read(path).expect("read"));
        let start = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_relplay"))
            .arg("run")
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn relplay");
        // Drain stderr while the script runs: a long traceback would
        // otherwise fill the pipe and block the child.
        let mut pipe = child.stderr.take().expect("stderr pipe");
        let reader = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = pipe.read_to_string(&mut text);
            text
        });
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait") {
                break Some(status);
            }
            if start.elapsed() > GUARD {
                let _ = child.kill();
                break None;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let stderr = reader.join().unwrap_or_default();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let last = stderr.trim_end().lines().last().unwrap_or("").to_string();
        println!("{name}: {:.2}s: {last}", start.elapsed().as_secs_f64());
        match status {
            None => failures.push(format!("{name}: still running after {GUARD:?}")),
            Some(s) if s.code() != Some(1) => {
                failures.push(format!("{name}: exit {:?}, stderr: {stderr}", s.code()))
            }
            Some(_) if stderr.contains("panicked") => {
                failures.push(format!("{name}: panic: {stderr}"))
            }
            Some(_) if !last.contains(&expect) => failures.push(format!(
                "{name}: last stderr line {last:?} lacks {expect:?}"
            )),
            Some(_) => {}
        }
    }
    assert!(
        failures.is_empty(),
        "hostile scripts:\n{}",
        failures.join("\n")
    );
}
