//! Mangled SQL must come back as errors, never as panics: every fixture
//! statement is cut, spliced and sprinkled with punctuation, then executed.
mod common;

use common::{fixture_files, parse, Record};
use relplay_store::{Database, Params, Value};

#[test]
fn mangled_sql_never_panics() {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let junk = [
        "(",
        ")",
        ",",
        "'",
        "?",
        "NULL",
        " SELECT ",
        " IN ",
        "*",
        "||",
        " AND ",
        ";",
        " ORDER BY 1",
        " x'0",
        "--",
        "\"",
        "9e999",
    ];
    let mut runs = 0;
    for path in fixture_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut db = Database::new();
        let stmts: Vec<(String, Vec<Value>)> = parse(&text)
            .into_iter()
            .filter_map(|r| match r {
                Record::Sql { sql, params, .. } => Some((sql, params)),
                Record::Reset => None,
            })
            .collect();
        for (sql, params) in stmts.iter().take(400) {
            let p = if params.is_empty() {
                Params::None
            } else {
                Params::Positional(params.clone())
            };
            let _ = db.execute(sql, &p);
            for _ in 0..4 {
                let chars: Vec<char> = sql.chars().collect();
                let cut = next(chars.len() + 1);
                let mut m: String = chars[..cut].iter().collect();
                if next(2) == 0 {
                    m.push_str(junk[next(junk.len())]);
                    m.extend(chars[cut..].iter());
                }
                let _ = db.execute(&m, &p);
                let _ = db.execute(&m, &Params::None);
                runs += 2;
            }
        }
    }
    println!("{runs} mangled statements executed without a panic");
}
