//! The SQL as written, for names and messages.
//!
//! Result-column names, declared types, DEFAULT and CHECK texts and the
//! constructs quoted in "unsupported" errors all come from the statement's own
//! text (by span or by token), never from formatting sqlparser's AST: SQLite
//! itself names things by their source text, and sqlparser's `Display` impls
//! would add some 240 KB of code to the page's wasm.
use super::Translator;
use sqlparser::ast::{self, Spanned};
use sqlparser::keywords::Keyword as K;
use sqlparser::tokenizer::{Span, Token, TokenWithSpan};

/// What a column definition of CREATE TABLE says, as written.
#[derive(Debug, Default, PartialEq)]
pub(super) struct ColumnText {
    pub decl_type: String,
    pub default: Option<String>,
}

/// Column definitions and CHECK expressions of a CREATE TABLE, as written.
#[derive(Debug, Default, PartialEq)]
pub(super) struct TableText {
    pub columns: Vec<ColumnText>,
    /// The text inside each `CHECK (...)`, in source order.
    pub checks: Vec<String>,
}

impl Translator<'_> {
    /// Byte offset of a 1-based (line, column) location in the SQL text.
    pub(super) fn offset_of(&self, line: u64, col: u64) -> Option<usize> {
        let start = self
            .sql
            .split_inclusive('\n')
            .take((line as usize).checked_sub(1)?)
            .map(str::len)
            .sum::<usize>();
        let rest = self.sql.get(start..)?;
        let off = rest
            .char_indices()
            .nth((col as usize).checked_sub(1)?)
            .map(|(i, _)| i)
            .unwrap_or(rest.len());
        Some(start + off)
    }

    /// Byte range of a span in the SQL text.
    pub(super) fn range_of(&self, sp: Span) -> Option<(usize, usize)> {
        let a = self.offset_of(sp.start.line, sp.start.column)?;
        let b = self.offset_of(sp.end.line, sp.end.column)?;
        (a <= b && b <= self.sql.len()).then_some((a, b))
    }

    /// The text from the start of token `a` to the end of token `b`.
    pub(super) fn tokens_text(&self, a: &TokenWithSpan, b: &TokenWithSpan) -> String {
        let (Some(x), Some(y)) = (
            self.offset_of(a.span.start.line, a.span.start.column),
            self.offset_of(b.span.end.line, b.span.end.column),
        ) else {
            return String::new();
        };
        self.sql.get(x..y).unwrap_or_default().to_string()
    }

    /// Extend `a..b` over the closing parentheses that spans of calls leave out.
    pub(super) fn close_parens(&self, a: usize, mut b: usize) -> usize {
        let bytes = self.sql.as_bytes();
        while a < b && b <= bytes.len() && paren_balance(&self.sql[a..b]) > 0 {
            match self.sql[b..].find(|c: char| !c.is_whitespace()) {
                Some(k) if bytes[b + k] == b')' => b += k + 1,
                _ => break,
            }
        }
        b
    }

    /// A node quoted for an error message: its text, or `what` if it has no span.
    pub(super) fn quote(&self, node: &impl Spanned, what: &str) -> String {
        let range = self.range_of(node.span()).map(|(a, b)| (a, self.close_parens(a, b)));
        match range.and_then(|(a, b)| self.sql.get(a..b)) {
            Some(t) if !t.trim().is_empty() => format!("{what} `{}`", t.trim()),
            _ => what.to_string(),
        }
    }

    /// Split a CREATE TABLE's definition list into its column texts and CHECKs.
    pub(super) fn table_text(&self) -> TableText {
        let code: Vec<&TokenWithSpan> = self.tokens.iter().filter(|t| !matches!(t.token, Token::Whitespace(_))).collect();
        let mut out = TableText::default();
        let Some(open) = code.iter().position(|t| t.token == Token::LParen) else {
            return out;
        };
        // Each definition: the tokens between depth-1 commas.
        let mut defs: Vec<Vec<&TokenWithSpan>> = vec![Vec::new()];
        let mut depth = 0;
        for t in &code[open + 1..] {
            match t.token {
                Token::LParen => depth += 1,
                Token::RParen if depth == 0 => break,
                Token::RParen => depth -= 1,
                Token::Comma if depth == 0 => {
                    defs.push(Vec::new());
                    continue;
                }
                _ => {}
            }
            defs.last_mut().expect("never empty").push(t);
        }
        for def in &defs {
            let table_constraint = matches!(
                def.first().map(|t| &t.token),
                Some(Token::Word(w)) if matches!(w.keyword, K::CONSTRAINT | K::PRIMARY | K::UNIQUE | K::CHECK | K::FOREIGN)
            );
            if !table_constraint && !def.is_empty() {
                out.columns.push(self.column_text(def));
            }
            out.checks.extend(self.check_texts(def));
        }
        out
    }

    fn column_text(&self, def: &[&TokenWithSpan]) -> ColumnText {
        let starts_constraint = |t: &Token| {
            matches!(t, Token::Word(w) if matches!(
                w.keyword,
                K::CONSTRAINT | K::PRIMARY | K::NOT | K::NULL | K::UNIQUE | K::CHECK | K::DEFAULT
                    | K::COLLATE | K::REFERENCES | K::GENERATED | K::AS
            ))
        };
        // The type: words after the name, then an optional `(n[, m])`.
        let mut end = 0;
        let mut k = 1;
        while k < def.len() && matches!(def[k].token, Token::Word(_)) && !starts_constraint(&def[k].token) {
            end = k;
            k += 1;
        }
        if end > 0 && def.get(k).is_some_and(|t| t.token == Token::LParen) {
            if let Some(close) = def[k..].iter().position(|t| t.token == Token::RParen) {
                end = k + close;
                k = end + 1;
            }
        }
        let decl_type = match &def.get(1).map(|t| &t.token) {
            // A quoted name stands for itself: `c "my type"` declares `my type`.
            Some(Token::Word(w)) if end == 1 && w.quote_style.is_some() => w.value.clone(),
            _ if end > 0 => self.tokens_text(def[1], def[end]),
            _ => String::new(),
        };
        // DEFAULT takes a literal, a signed number or a parenthesised expression.
        let default = def[k..]
            .iter()
            .position(|t| matches!(&t.token, Token::Word(w) if w.keyword == K::DEFAULT))
            .and_then(|d| {
                let rest = &def[k + d + 1..];
                match rest.first()?.token {
                    Token::Minus | Token::Plus => Some(self.tokens_text(rest[0], rest.get(1)?)),
                    // SQLite keeps a parenthesised default without its parentheses.
                    Token::LParen => {
                        let end = group_end(rest)?;
                        Some(if end > 1 {
                            self.tokens_text(rest[1], rest[end - 1])
                        } else {
                            String::new()
                        })
                    }
                    _ => Some(self.tokens_text(rest[0], rest[0])),
                }
            });
        ColumnText { decl_type, default }
    }

    /// The text inside each `CHECK (...)` of one definition.
    fn check_texts(&self, def: &[&TokenWithSpan]) -> Vec<String> {
        let mut out = Vec::new();
        for (i, t) in def.iter().enumerate() {
            if !matches!(&t.token, Token::Word(w) if w.keyword == K::CHECK) {
                continue;
            }
            let rest = &def[i + 1..];
            if let Some(end) = rest.first().filter(|t| t.token == Token::LParen).and_then(|_| group_end(rest)) {
                out.push(if end > 1 {
                    self.tokens_text(rest[1], rest[end - 1])
                } else {
                    String::new()
                });
            }
        }
        out
    }
}

/// Opening minus closing parentheses in `t`.
pub(super) fn paren_balance(t: &str) -> isize {
    t.matches('(').count() as isize - t.matches(')').count() as isize
}

/// Index of the parenthesis closing the group that `toks[0]` opens.
fn group_end(toks: &[&TokenWithSpan]) -> Option<usize> {
    let mut depth = 0;
    for (i, t) in toks.iter().enumerate() {
        match t.token {
            Token::LParen => depth += 1,
            Token::RParen => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A dotted name as written (identifiers only), for messages and lookups.
pub(super) fn name_text(n: &ast::ObjectName) -> String {
    n.0.iter()
        .map(|p| match p {
            ast::ObjectNamePart::Identifier(i) => i.value.as_str(),
            ast::ObjectNamePart::Function(_) => "?",
        })
        .collect::<Vec<_>>()
        .join(".")
}

#[cfg(test)]
mod tests {
    use crate::{Database, Params};

    fn error(db: &mut Database, sql: &str) -> String {
        db.execute(sql, &Params::None).unwrap_err().message
    }

    #[test]
    fn unsupported_constructs_are_quoted_as_written() {
        let mut db = Database::new();
        db.execute("CREATE TABLE t (a INTEGER, b TEXT)", &Params::None).unwrap();
        let cases = [
            ("SELECT a FROM t WHERE a IN UNNEST(b)", "IN target in `a IN UNNEST(b)`"),
            ("SELECT count(a) FILTER (WHERE a > 1) FROM t", "window or filtered function count()"),
            ("SELECT * FROM t, LATERAL (SELECT 1)", "FROM item"),
        ];
        for (sql, want) in cases {
            let got = error(&mut db, sql);
            assert!(got.starts_with("not supported by relplay-store"), "{sql}: {got}");
            assert!(got.contains(want), "{sql}: {got} lacks {want}");
        }
    }
}
