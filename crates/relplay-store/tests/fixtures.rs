//! Runs every `tests/sql/*.test` fixture (format: tests/common/mod.rs) against the store.
mod common;

use common::{fixture_files, parse, render_row, Expect, Record};
use relplay_store::{Database, Params};

#[test]
fn sql_fixtures() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in fixture_files() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut db = Database::new();
        for rec in parse(&text) {
            let (sql, params, expect, line) = match rec {
                Record::Reset => {
                    db = Database::new();
                    continue;
                }
                Record::Sql { sql, params, expect, line } => (sql, params, expect, line),
            };
            count += 1;
            let p = if params.is_empty() {
                Params::None
            } else {
                Params::Positional(params)
            };
            let got = db.execute(&sql, &p);
            let problem = match (&expect, &got) {
                (Expect::Ok, Ok(_)) => None,
                (Expect::Error(m), Err(e)) if &e.message == m => None,
                (Expect::Rows { rows, rowsort }, Ok(r)) => {
                    let mut actual: Vec<String> = r.rows.iter().map(|r| render_row(r)).collect();
                    let mut want = rows.clone();
                    if *rowsort {
                        actual.sort();
                        want.sort();
                    }
                    (actual != want).then(|| format!("rows differ\n  want: {want:?}\n  got:  {actual:?}"))
                }
                (_, Err(e)) => Some(format!("unexpected error: {e}")),
                (Expect::Error(m), Ok(_)) => Some(format!("expected error {m:?}, got success")),
            };
            if let Some(p) = problem {
                failures.push(format!("{name}:{line}: {}\n  {p}", sql.lines().next().unwrap_or("")));
            }
        }
    }
    println!("{count} fixture records, {} failures", failures.len());
    for f in failures.iter().take(40) {
        println!("{f}");
    }
    assert!(failures.is_empty(), "{} fixture failures", failures.len());
}
