//! `text("... :name ...")` (mirrors `TextClause`): `:name` binds found as
//! `(?<![:\w\\]):(\w+)(?![:\w])` does, rendered `?` in order of appearance on
//! SQLite (a name used twice binds twice), `\:` unescaped to `:`.

use super::statement::Compiled;
use crate::error::{OrmError, OrmErrorKind, OrmResult};
use crate::PyValue;

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Split the text into literal pieces and bind names.
fn scan(sql: &str) -> (Vec<String>, Vec<String>) {
    let chars: Vec<char> = sql.chars().collect();
    let mut pieces = vec![String::new()];
    let mut names = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_ok =
            i == 0 || !(chars[i - 1] == ':' || chars[i - 1] == '\\' || is_word(chars[i - 1]));
        if c == ':' && prev_ok {
            let mut j = i + 1;
            while j < chars.len() && is_word(chars[j]) {
                j += 1;
            }
            // `(?![:\w])`: a name followed by ':' is no bind at all.
            if j > i + 1 && chars.get(j) != Some(&':') {
                names.push(chars[i + 1..j].iter().collect());
                pieces.push(String::new());
                i = j;
                continue;
            }
        }
        if let Some(last) = pieces.last_mut() {
            last.push(c);
        }
        i += 1;
    }
    let pieces = pieces.into_iter().map(|p| p.replace("\\:", ":")).collect();
    (pieces, names)
}

/// What `str(text(...))` shows: the text with `:name` kept.
pub fn text_str(sql: &str) -> String {
    let (pieces, names) = scan(sql);
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        out.push_str(p);
        if let Some(n) = names.get(i) {
            out.push(':');
            out.push_str(n);
        }
    }
    out
}

/// Compile `text(sql)` with the given parameters for SQLite. A missing
/// parameter is SQLAlchemy's StatementError (the bridge appends the
/// `[SQL: ...]` / `[parameters: ...]` lines).
pub fn compile_text(sql: &str, params: &[(String, PyValue)]) -> OrmResult<Compiled> {
    let (pieces, names) = scan(sql);
    let mut rendered = String::new();
    let mut values = Vec::new();
    for (i, p) in pieces.iter().enumerate() {
        rendered.push_str(p);
        if let Some(n) = names.get(i) {
            let v = params.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone()).ok_or_else(|| {
                OrmError::new(
                    OrmErrorKind::StatementError,
                    format!("(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter '{n}'"),
                )
            })?;
            rendered.push('?');
            values.push(v);
        }
    }
    Ok(Compiled {
        cache_key: format!("text#{rendered}"),
        sql: rendered,
        params: vec![values],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(k: &str, v: PyValue) -> (String, PyValue) {
        (k.to_string(), v)
    }

    #[test]
    fn text_binds_as_sqlalchemy() {
        // echo: "select ?, ?, ?" / (5, 'a', 5)
        let c = compile_text(
            "select :x, :y, :x",
            &[p("x", PyValue::Int(5)), p("y", PyValue::str("a"))],
        )
        .unwrap();
        assert_eq!(c.sql, "select ?, ?, ?");
        assert_eq!(
            c.params,
            vec![vec![PyValue::Int(5), PyValue::str("a"), PyValue::Int(5)]]
        );
        // "select 'a\:b', 1::int, :éa" -> "select 'a:b', 1::int, ?"
        let c = compile_text("select 'a\\:b', 1::int, :éa", &[p("éa", PyValue::Int(1))]).unwrap();
        assert_eq!(c.sql, "select 'a:b', 1::int, ?");
        let e = compile_text("select :x", &[]).unwrap_err();
        assert_eq!(e.kind, OrmErrorKind::StatementError);
        assert_eq!(
            e.message,
            "(sqlalchemy.exc.InvalidRequestError) A value is required for bind parameter 'x'"
        );
        assert_eq!(text_str("select :x, :y"), "select :x, :y");
        // 'select :ab:c, x:y, (:q)' binds only q.
        let c = compile_text("select :ab:c, x:y, (:q)", &[p("q", PyValue::Int(1))]).unwrap();
        assert_eq!(c.sql, "select :ab:c, x:y, (?)");
    }
}
