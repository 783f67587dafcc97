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
    let head = sql.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
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
            (Err(e), Some(_)) if e.message.starts_with("not supported by relplay-store") => {
                self.unsupported += 1;
                eprintln!("unsupported by the store only: {sql}: {}", e.message);
            }
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

/// The grammar the store supports, beyond what the recordings happen to use.
const EXTRA: &[&str] = &[
    "SELECT DISTINCT a, b AS x, c y, t.* FROM t",
    "SELECT ALL * FROM t AS a, u b WHERE a.x = b.y",
    "SELECT a FROM t LEFT JOIN u ON t.id = u.t_id LEFT OUTER JOIN v ON v.id = u.v_id INNER JOIN w ON 1 CROSS JOIN z",
    "SELECT a FROM t JOIN u ON t.a = u.a JOIN (SELECT 1 AS one) AS s ON s.one = t.a",
    "SELECT a FROM (t JOIN u ON t.a = u.a)",
    "SELECT a FROM (SELECT a FROM t) x",
    "SELECT a FROM ((SELECT a FROM t))",
    "SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1 ORDER BY a DESC NULLS LAST, 2 ASC NULLS FIRST LIMIT 10 OFFSET 5",
    "SELECT a FROM t LIMIT 5, 10",
    "SELECT a FROM t LIMIT -1 OFFSET ?",
    "SELECT a FROM t UNION SELECT b FROM u UNION ALL SELECT c FROM v EXCEPT SELECT d FROM w INTERSECT SELECT e FROM x ORDER BY 1",
    "(SELECT 1) UNION (SELECT 2)",
    "VALUES (1, 'a'), (2, 'b')",
    "SELECT * FROM (VALUES (1), (2))",
    "WITH c AS (SELECT 1) SELECT * FROM c",
    "SELECT 0x1F, 1e10, 1.5E-3, .5, 'it''s', X'00ff', x'', NULL, TRUE, FALSE, CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME",
    "SELECT ?, ?1, ?23, :name, :name, @v, $x FROM t WHERE a = :a AND b = ?",
    "SELECT \"quoted col\", `back`, [bracket], main.t.a FROM main.t",
    "SELECT -a, +a, NOT a, ~a, - - 1, -(1), NOT NOT a FROM t",
    "SELECT a OR b AND c, NOT a = b, a = b == c != d <> e, a < b = c, a IS b IS NOT c, a & b | c << d >> e FROM t",
    "SELECT a + b - c * d / e % f || g || h COLLATE NOCASE, a COLLATE \"binary\" = b FROM t",
    "SELECT a IS NULL, a ISNULL, a NOTNULL, a NOT NULL, a IS NOT NULL, a IS TRUE, a IS NOT FALSE FROM t",
    "SELECT a IS DISTINCT FROM b, a IS NOT DISTINCT FROM b FROM t",
    "SELECT a IN (1, 2), a NOT IN (SELECT b FROM u), a IN (), (a, b) IN (VALUES (1, 2)), a IN t, a IN ((SELECT 1), 2) FROM t",
    "SELECT a BETWEEN 1 AND 2, a NOT BETWEEN b + 1 AND c * 2 AND d, a BETWEEN b = c AND d FROM t",
    "SELECT a LIKE 'x%', a NOT LIKE b ESCAPE '\\', a GLOB 'x*', a REGEXP 'y', a MATCH 'z', a NOT REGEXP 'q' FROM t",
    "SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END, CASE WHEN a > 1 THEN b END FROM t",
    "SELECT CAST(a AS INTEGER), CAST(b AS VARCHAR(30)), CAST(c AS NUMERIC(10, 2)), CAST(d AS DOUBLE PRECISION), CAST(e AS TEXT), CAST(f AS) FROM t",
    "SELECT EXISTS (SELECT 1), NOT EXISTS (SELECT 1 FROM t), (SELECT max(a) FROM t) FROM u",
    "SELECT count(*), count(DISTINCT a), count(ALL a), sum(a), group_concat(a, ','), coalesce(a, b, c), f() FROM t",
    "SELECT substr(a, 1, 2), substring(a, 2), trim(a), trim(a, 'x'), ltrim(a), upper(lower(a)), main.f(1) FROM t",
    "SELECT (1, 2) = (3, 4), ((1)), (a) FROM t",
    "SELECT count(a) FILTER (WHERE a > 1) FROM t",
    "SELECT a FROM t WHERE a = -1 AND b = 'x' OR c IS NULL",
    "SELECT a AS \"from\", b 'str alias' FROM t",
    "SELECT a FROM t INDEXED BY ix_a WHERE 1",
    "INSERT INTO t (a, b) VALUES (1, 2), (3, 4)",
    "INSERT INTO t VALUES (1, 'x') RETURNING id, a AS x, *",
    "INSERT OR IGNORE INTO t (a) SELECT b FROM u",
    "INSERT OR REPLACE INTO t DEFAULT VALUES",
    "INSERT OR ABORT INTO main.t (\"a\") VALUES (?)",
    "INSERT INTO t (SELECT 1)",
    "REPLACE INTO t (a) VALUES (1)",
    "INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING",
    "UPDATE t SET a = 1, b = b + 1 WHERE id = ? RETURNING a",
    "UPDATE t AS x SET a == 2",
    "UPDATE OR IGNORE t SET a = 1",
    "UPDATE t SET (a, b) = (1, 2)",
    "UPDATE t SET a = 1 FROM u WHERE t.id = u.id",
    "DELETE FROM t WHERE a IN (SELECT b FROM u) RETURNING *",
    "DELETE FROM main.t",
    "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(30) NOT NULL UNIQUE, price NUMERIC(10, 2) DEFAULT 0.0, r DOUBLE PRECISION, d REAL DEFAULT -1, created DATETIME DEFAULT CURRENT_TIMESTAMP, flag BOOLEAN CHECK (flag IN (0, 1)), c TEXT COLLATE NOCASE, u_id INTEGER REFERENCES u (id) ON DELETE CASCADE ON UPDATE SET NULL, x)",
    "CREATE TABLE IF NOT EXISTS \"t\" (a INT, b BLOB, c CHAR(3), d CHARACTER VARYING(5), e DECIMAL(5), f FLOAT, g BIGINT, h SMALLINT, i TINYINT, j DATE, k TIMESTAMP, l TIME, m JSON, n NVARCHAR(4), o BOOL, p INTEGER(8), q MyType, r unsigned big int, s VARCHAR(-1))",
    "CREATE TABLE t (a INTEGER, b INTEGER, CONSTRAINT pk PRIMARY KEY (a, b), UNIQUE (b), CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) ON DELETE SET DEFAULT, CHECK (a > 0), CONSTRAINT ck CHECK (b < 5))",
    "CREATE TABLE t (a INTEGER CONSTRAINT nn NOT NULL CONSTRAINT d DEFAULT (1 + 2), b TEXT NULL DEFAULT 'x', c INTEGER PRIMARY KEY DESC, d INTEGER UNIQUE ON CONFLICT REPLACE, e DEFAULT (1 NOT NULL) NOT NULL)",
    "CREATE TABLE t (a INTEGER) WITHOUT ROWID, STRICT",
    "CREATE TEMP TABLE t (a)",
    "CREATE TABLE t (a INTEGER REFERENCES u DEFERRABLE INITIALLY DEFERRED, b INTEGER NOT NULL PRIMARY KEY ASC)",
    "CREATE INDEX ix ON t (a)",
    "CREATE UNIQUE INDEX IF NOT EXISTS ix ON t (a DESC, b COLLATE NOCASE, lower(c)) WHERE a > 0",
    "DROP TABLE t",
    "DROP TABLE IF EXISTS main.t",
    "DROP INDEX IF EXISTS ix",
    "DROP VIEW v",
    "SELECT",
    "SELECT 1 +",
    "SELECT * FROM",
    "SELECT a FROM t WHERE",
    "SELECT (1",
    "SELECT 1)",
    "INSERT INTO t VALUES",
    "CREATE TABLE t (a INTEGER,)",
    "CREATE TABLE t (",
    "SELECT a FROM t GROUP a",
    "SELECT CASE END",
    "SELECT a NOT GLOB b",
    "UPDATE t SET a",
    "DELETE t",
    "SELECT 1 UNION",
    "SELECT a FROM t ORDER BY",
    "SELECT a, FROM t",
    "SELECT ALL DISTINCT a FROM t",
];

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
    for sql in EXTRA {
        t.check("extra", sql);
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
