//! The store's own parser against sqlparser's `Parser` (SQLiteDialect), its
//! oracle: for every statement of the fixtures, of the recorded SQLAlchemy
//! logs and traces, and of the differential tests' random generator, both
//! must build equal ASTs, or both must reject the statement.
#![cfg(not(target_arch = "wasm32"))]
mod common;

use common::gen::{gen_query, GenTable, Rng};
use common::{fixture_files, parse, Record};
use sqlparser::ast::Statement;
use sqlparser::dialect::SQLiteDialect;
use sqlparser::parser::Parser;
use std::path::{Path, PathBuf};

/// sqlparser's reading of one statement, or `None` where it has none.
fn oracle(sql: &str) -> Option<Statement> {
    let mut stmts = Parser::new(&SQLiteDialect {})
        .with_recursion_limit(40)
        .try_with_sql(sql)
        .ok()?
        .parse_statements()
        .ok()?;
    (stmts.len() == 1).then(|| stmts.remove(0))
}

/// Statements the store handles before parsing (transactions, PRAGMA).
fn skipped(sql: &str) -> bool {
    let head = sql.trim_start().split_whitespace().next().unwrap_or("").to_ascii_uppercase();
    ["BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA"].contains(&head.as_str())
        || sql.trim().trim_end_matches(';').trim().is_empty()
}

#[derive(Default)]
struct Tally {
    compared: usize,
    both_reject: usize,
    /// We reject what the translator would reject anyway: "not supported".
    unsupported: usize,
    mismatches: Vec<String>,
}

impl Tally {
    fn check(&mut self, origin: &str, sql: &str) {
        if skipped(sql) {
            return;
        }
        let ours = relplay_store::parse_ast(sql);
        let theirs = oracle(sql);
        match (ours, theirs) {
            (Ok(a), Some(b)) if a == b => self.compared += 1,
            (Err(_), None) => self.both_reject += 1,
            (Err(e), Some(_)) if e.message.starts_with("not supported by relplay-store") => self.unsupported += 1,
            (a, b) => self.mismatches.push(format!("{origin}: {sql}\n  ours:   {a:?}\n  theirs: {b:?}")),
        }
    }
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// Statements of an echo log (`*.expected`), read as `tests/sql/extract_traces.py`
/// reads them: a statement runs from its first line starting with an SQL
/// keyword up to its `[generated in ...]` parameter line.
fn log_statements(text: &str) -> Vec<String> {
    const KEYWORDS: &[&str] = &[
        "SELECT",
        "INSERT",
        "UPDATE",
        "DELETE",
        "CREATE",
        "DROP",
        "PRAGMA",
        "SAVEPOINT",
        "RELEASE",
        "ROLLBACK TO",
        "WITH",
    ];
    const PARAMS: &[&str] = &[
        "[generated in",
        "[cached since",
        "[raw sql",
        "[no key",
        "[insertmanyvalues",
        "[dialect",
    ];
    let mut out = Vec::new();
    let mut buf: Vec<&str> = Vec::new();
    for line in text.lines() {
        if PARAMS.iter().any(|p| line.starts_with(p)) {
            if let Some(start) = buf
                .iter()
                .position(|l| KEYWORDS.iter().any(|k| l.trim_start().to_ascii_uppercase().starts_with(k)))
            {
                out.push(buf[start..].join("\n").trim_matches('\n').to_string());
            }
            buf.clear();
        } else if ["BEGIN (implicit)", "COMMIT", "ROLLBACK"].contains(&line) {
            buf.clear();
        } else {
            buf.push(line);
        }
    }
    out
}

#[test]
fn store_parser_builds_sqlparsers_ast() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut t = Tally::default();
    for f in fixture_files() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        for rec in parse(&std::fs::read_to_string(&f).unwrap()) {
            if let Record::Sql { sql, line, .. } = rec {
                t.check(&format!("{name}:{line}"), &sql);
            }
        }
    }
    let mut logs = Vec::new();
    files(&root.join("tests"), "expected", &mut logs);
    files(&root.join("../shared/conformance"), "expected", &mut logs);
    for f in &logs {
        for sql in log_statements(&std::fs::read_to_string(f).unwrap_or_default()) {
            t.check(&f.display().to_string(), &sql);
        }
    }
    let mut traces = Vec::new();
    files(&root.join("tests"), "trace", &mut traces);
    files(&root.join("../shared/conformance"), "trace", &mut traces);
    for f in &traces {
        for line in std::fs::read_to_string(f).unwrap_or_default().lines() {
            if let Some(sql) = line.trim_start().strip_prefix("sql: ") {
                t.check(&f.display().to_string(), sql);
            }
        }
    }
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let tables: Vec<GenTable> = (0..3)
        .map(|k| GenTable {
            name: format!("t{k}"),
            cols: (0..4).map(|c| format!("c{c}")).collect(),
        })
        .collect();
    for _ in 0..3000 {
        let (sql, _) = gen_query(&mut r, &tables);
        t.check("random", &sql);
    }
    eprintln!(
        "parser oracle: {} equal ASTs, {} rejected by both, {} unsupported by the store only, {} mismatches",
        t.compared,
        t.both_reject,
        t.unsupported,
        t.mismatches.len()
    );
    for m in t.mismatches.iter().take(8) {
        eprintln!("{m}\n");
    }
    assert!(t.mismatches.is_empty(), "{} statements parse differently", t.mismatches.len());
    assert!(t.compared > 1000, "too few statements compared: {}", t.compared);
}
