//! The step-trace corpus (`tests/trace/*.py`): each script's traced run,
//! rendered compactly, must equal `tests/trace/NAME.trace`. These are our own
//! facts about SQLAlchemy's attribute machinery (not oracle recordings), so
//! `UPDATE_EXPECT=1 cargo test -p relplay --test trace` re-blesses them; the
//! diff is then reviewed like code.
//!
//! Also: tracing never panics on hostile scripts, and never changes what a
//! gallery scenario prints.

use std::path::{Path, PathBuf};

use relplay::trace::ObjectSnapshot;
use relplay::Run;

fn scripts(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests")
        .join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    paths
}

/// Runs on a large stack, as the CLI and the page's worker do.
fn on_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic")
}

fn object_line(o: &ObjectSnapshot) -> String {
    let mut parts = vec![format!("{} {}", o.id, o.state)];
    for (k, v) in &o.columns {
        parts.push(format!("{k}={v}"));
    }
    for r in &o.relationships {
        let v = if !r.loaded {
            "<unloaded>".to_string()
        } else if r.collection {
            format!("[{}]", r.value.join(", "))
        } else {
            r.value.first().cloned().unwrap_or_else(|| "None".into())
        };
        parts.push(format!("{}={v}", r.attr));
    }
    parts.join(" ")
}

/// One block per step: the source line, its SQL statements (first line,
/// with cause), its changes, and the objects whose snapshot changed.
fn render(src: &str, run: &Run) -> String {
    let lines: Vec<&str> = src.lines().collect();
    let Some(trace) = &run.trace else {
        return "no trace\n".into();
    };
    let mut out = String::new();
    let mut prev: Vec<String> = Vec::new();
    for step in &trace.steps {
        let text = lines
            .get(step.line.saturating_sub(1) as usize)
            .map(|l| l.trim())
            .unwrap_or("");
        let mut body = Vec::new();
        for &i in &step.events {
            let e = &run.events[i];
            if e.stream != "sql" || e.text.starts_with('[') {
                continue;
            }
            let first = e.text.trim().lines().next().unwrap_or("").trim();
            match &e.cause {
                Some(c) => body.push(format!("  sql ({c}): {first}")),
                None => body.push(format!("  sql: {first}")),
            }
        }
        for c in &step.changes {
            let target = if c.attr.is_empty() {
                c.object.clone()
            } else {
                format!("{}.{}", c.object, c.attr)
            };
            let mut s = format!("  ~ {target} {}", c.op);
            if !c.value.is_empty() {
                s.push_str(&format!(" {}", c.value.join(", ")));
            }
            if let Some(v) = &c.via {
                s.push_str(&format!("  ({v})"));
            }
            body.push(s);
        }
        let now: Vec<String> = step.objects.iter().map(object_line).collect();
        for o in &now {
            if !prev.contains(o) {
                body.push(format!("  = {o}"));
            }
        }
        prev = now;
        if body.is_empty() {
            continue;
        }
        out.push_str(&format!("{:>3}: {text}\n", step.line));
        for b in body {
            out.push_str(&b);
            out.push('\n');
        }
    }
    if trace.truncated {
        out.push_str("truncated\n");
    }
    if run.exit != 0 {
        let last = run.stderr.trim().lines().last().unwrap_or("");
        out.push_str(&format!("exit {}: {last}\n", run.exit));
    }
    out
}

#[test]
fn trace_corpus_matches_expectations() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let paths = scripts("trace");
    assert!(!paths.is_empty());
    for path in paths {
        let src = std::fs::read_to_string(&path).expect("read");
        let p = path.display().to_string();
        let s2 = src.clone();
        let run = on_big_stack(move || relplay::run_traced(&s2, &p));
        let got = render(&src, &run);
        let expect_path = path.with_extension("trace");
        if update {
            std::fs::write(&expect_path, &got).expect("write");
            continue;
        }
        let want = std::fs::read_to_string(&expect_path).unwrap_or_default();
        if got != want {
            failures.push(format!("--- {}\n{got}", expect_path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn tracing_hostile_scripts_never_panics() {
    // In parallel: most of these run to the step budget.
    let runs: Vec<_> = scripts("hostile")
        .into_iter()
        .filter_map(|path| {
            let src = String::from_utf8(std::fs::read(&path).expect("read")).ok()?;
            let p = path.display().to_string();
            let h = std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn(move || relplay::run_traced(&src, &p))
                .expect("spawn");
            Some((path, h))
        })
        .collect();
    for (path, h) in runs {
        let run = h.join().expect("no panic");
        assert_eq!(run.exit, 1, "{}", path.display());
        let trace = run.trace.expect("trace");
        assert!(trace.steps.len() <= 2_000, "{}", path.display());
    }
}

#[test]
fn tracing_never_changes_gallery_output() {
    for path in scripts("gallery") {
        let src = std::fs::read_to_string(&path).expect("read");
        let p = path.display().to_string();
        let (plain, traced) =
            on_big_stack(move || (relplay::run(&src, &p), relplay::run_traced(&src, &p)));
        assert_eq!(plain.stdout, traced.stdout, "{}", path.display());
        assert_eq!(plain.stderr, traced.stderr, "{}", path.display());
        assert_eq!(plain.exit, traced.exit, "{}", path.display());
        assert_eq!(plain.events, traced.events, "{}", path.display());
        // the web reads the whole run through serde
        let json = serde_json::to_string(&traced).expect("serialize");
        assert!(json.contains("\"steps\""), "{}", path.display());
    }
}
