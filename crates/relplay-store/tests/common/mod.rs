//! The `tests/sql/*.test` fixture format (sqllogictest-like), shared by the
//! fixture runner and the differential test against real SQLite.
//!
//! ```text
//! # comment                       (also blank lines between records)
//! reset                           start over with an empty database
//! statement ok                    the SQL must succeed (any rows are ignored)
//! statement error <message>       the SQL must fail with exactly this message
//! query [rowsort]                 the SQL must return exactly these rows;
//! <sql, one or more lines>        rowsort compares them sorted
//! ?? 1, 'a', NULL, 2.5, x'00ff'   optional positional parameters
//! ----                            (query only) then one line per row:
//! 1 | 'text' | NULL | 1.5         values separated by " | ", each written with
//!                                 its storage class: integers bare, reals with
//!                                 SQLite's %!.15g form (always a '.' or 'e'),
//!                                 text in single quotes ('' escapes), blobs x'..'
//! ```
//! A record ends at a blank line.
#![allow(dead_code)]

pub mod gen;

use relplay_store::Value;
use std::path::PathBuf;
use std::rc::Rc;

#[derive(Debug, Clone)]
pub enum Expect {
    Ok,
    Error(String),
    Rows { rows: Vec<String>, rowsort: bool },
}

#[derive(Debug, Clone)]
pub enum Record {
    Reset,
    Sql {
        sql: String,
        params: Vec<Value>,
        expect: Expect,
        line: usize,
    },
}

pub fn sql_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/sql")
}

pub fn fixture_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(sql_dir())
        .expect("tests/sql exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "test"))
        .collect();
    v.sort();
    v
}

/// SQLite's `%!.15g` rendering of a real.
pub fn real(f: f64) -> String {
    if f == 0.0 {
        return "0.0".into();
    }
    let s = format!("{:.14e}", f);
    let (mant, exp) = s.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if neg { "-" } else { "" };
    if !(-5..15).contains(&exp) {
        let (a, b) = digits.split_at(1);
        let b = if b.is_empty() { "0" } else { b };
        format!("{sign}{a}.{b}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
    } else if exp < 0 {
        format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
    } else {
        let il = exp as usize + 1;
        if digits.len() <= il {
            format!("{sign}{digits}{}.0", "0".repeat(il - digits.len()))
        } else {
            format!("{sign}{}.{}", &digits[..il], &digits[il..])
        }
    }
}

pub fn render(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => real(*f),
        Value::Text(s) => format!("'{}'", s.replace('\'', "''")),
        Value::Blob(b) => format!("x'{}'", b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

pub fn render_row(r: &[Value]) -> String {
    r.iter().map(render).collect::<Vec<_>>().join(" | ")
}

fn parse_params(s: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let b: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i] == ' ' || b[i] == ',') {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        if b[i] == '\'' {
            let mut t = String::new();
            i += 1;
            while i < b.len() {
                if b[i] == '\'' {
                    if i + 1 < b.len() && b[i + 1] == '\'' {
                        t.push('\'');
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                t.push(b[i]);
                i += 1;
            }
            out.push(Value::Text(Rc::from(t.as_str())));
        } else {
            let start = i;
            while i < b.len() && b[i] != ',' {
                i += 1;
            }
            let tok: String = b[start..i].iter().collect::<String>().trim().to_string();
            out.push(if tok.eq_ignore_ascii_case("NULL") {
                Value::Null
            } else if let Some(h) = tok.strip_prefix("x'").and_then(|h| h.strip_suffix('\'')) {
                Value::Blob(Rc::from(
                    (0..h.len())
                        .step_by(2)
                        .map(|k| u8::from_str_radix(&h[k..k + 2], 16).unwrap())
                        .collect::<Vec<u8>>(),
                ))
            } else if let Ok(n) = tok.parse::<i64>() {
                Value::Integer(n)
            } else {
                Value::Real(tok.parse::<f64>().unwrap_or_else(|_| panic!("bad parameter {tok}")))
            });
        }
    }
    out
}

pub fn parse(text: &str) -> Vec<Record> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim_end();
        if l.trim().is_empty() || l.starts_with('#') {
            i += 1;
            continue;
        }
        if l == "reset" {
            out.push(Record::Reset);
            i += 1;
            continue;
        }
        let line = i + 1;
        let expect = if l == "statement ok" {
            Expect::Ok
        } else if let Some(m) = l.strip_prefix("statement error ") {
            Expect::Error(m.to_string())
        } else if l == "query" || l == "query rowsort" {
            Expect::Rows {
                rows: Vec::new(),
                rowsort: l.ends_with("rowsort"),
            }
        } else {
            panic!("line {line}: unknown record {l:?}");
        };
        i += 1;
        let mut sql = Vec::new();
        let mut params = Vec::new();
        let mut rows = Vec::new();
        let mut in_rows = false;
        while i < lines.len() && !lines[i].trim().is_empty() {
            let s = lines[i];
            if in_rows {
                rows.push(s.trim_end().to_string());
            } else if s == "----" {
                in_rows = true;
            } else if let Some(p) = s.strip_prefix("?? ") {
                params = parse_params(p);
            } else {
                sql.push(s);
            }
            i += 1;
        }
        let expect = match expect {
            Expect::Rows { rowsort, .. } => Expect::Rows { rows, rowsort },
            e => e,
        };
        out.push(Record::Sql {
            sql: sql.join("\n"),
            params,
            expect,
            line,
        });
    }
    out
}
