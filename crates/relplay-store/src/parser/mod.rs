//! The store's own recursive-descent parser for the SQL subset it executes.
//!
//! It reads sqlparser's tokens and builds sqlparser's AST exactly as
//! `sqlparser::parser::Parser` (SQLiteDialect) would for the same input, so the
//! translator is unchanged and sqlparser's parser serves as the test oracle
//! (`tests/parser_oracle.rs`). Why not sqlparser's parser itself: it handles
//! every dialect's syntax behind runtime checks, so LTO keeps all of it in the
//! page's wasm (~320 KB brotli; ARCHITECTURE.md, "Size and cold start").
//! Errors read like SQLite's: `near "X": syntax error`, `incomplete input`.
mod ddl;
mod dml;
mod expr;
mod query;

use crate::error::{Result, SqlError};
use sqlparser::ast::{Ident, ObjectName, ObjectNamePart, Statement};
use sqlparser::keywords::Keyword as K;
use sqlparser::tokenizer::{Token, TokenWithSpan};

/// Nesting bound of queries, expressions and table factors (as sqlparser's
/// `with_recursion_limit`), deep enough for anything SQLAlchemy emits.
pub(crate) const RECURSION_LIMIT: usize = 40;

pub(crate) struct Parser<'a> {
    tokens: &'a [TokenWithSpan],
    /// Index of the next token to read (whitespace included, skipped on reads).
    index: usize,
    depth: usize,
    /// The statement's text, for "unsupported" messages.
    sql: &'a str,
    /// Within a column definition `NOT NULL` is a constraint, not `IS NOT NULL`.
    in_column_definition: bool,
    /// Positions where a speculative subquery failed, so nested parentheses
    /// do not retry it exponentially often (as sqlparser memoizes them).
    failed_subqueries: std::collections::HashSet<usize>,
    /// Likewise for keywords' special forms (`CASE`, `CAST`...) that failed.
    failed_reserved: std::collections::HashSet<usize>,
}

static EOF: TokenWithSpan = TokenWithSpan {
    token: Token::EOF,
    span: sqlparser::tokenizer::Span {
        start: sqlparser::tokenizer::Location { line: 0, column: 0 },
        end: sqlparser::tokenizer::Location { line: 0, column: 0 },
    },
};

/// The tokenizer's dialect: SQLiteDialect's lexical rules, nothing else.
/// Not `SQLiteDialect` itself: the tokenizer keeps its dialect as `&dyn
/// Dialect`, and that vtable would link SQLiteDialect's parser hooks
/// (`parse_statement` calls `Parser::parse_insert`, `parse_infix`
/// `Parser::parse_subexpr`), hence all of sqlparser's parser, into the wasm.
/// The tokenizer's own dialect checks name no SQLiteDialect, so it lexes alike
/// (the oracle test tokenizes with SQLiteDialect and compares).
#[derive(Debug)]
pub(crate) struct StoreDialect;

impl sqlparser::dialect::Dialect for StoreDialect {
    fn is_delimited_identifier_start(&self, ch: char) -> bool {
        ch == '`' || ch == '"' || ch == '['
    }
    fn is_identifier_start(&self, ch: char) -> bool {
        ch.is_ascii_alphabetic() || ch == '_' || ch >= '\u{0080}'
    }
    fn is_identifier_part(&self, ch: char) -> bool {
        self.is_identifier_start(ch) || ch.is_ascii_digit() || ch == '$'
    }
    fn supports_dollar_placeholder(&self) -> bool {
        true
    }
    fn supports_numeric_literal_underscores(&self) -> bool {
        true
    }
    fn supports_national_string_literal(&self) -> bool {
        false
    }
    fn supports_unterminated_block_comments(&self) -> bool {
        true
    }
}

/// Parse the one statement of `tokens`.
pub(crate) fn parse_statement(tokens: &[TokenWithSpan], sql: &str) -> Result<Statement> {
    let mut p = Parser {
        tokens,
        index: 0,
        depth: 0,
        sql,
        in_column_definition: false,
        failed_subqueries: Default::default(),
        failed_reserved: Default::default(),
    };
    p.statement()
}

impl<'a> Parser<'a> {
    // ---- token cursor ----

    /// Index of the n-th non-whitespace token from the cursor.
    fn nth_index(&self, mut n: usize) -> Option<usize> {
        let mut i = self.index;
        loop {
            match self.tokens.get(i) {
                None => return None,
                Some(t) if matches!(t.token, Token::Whitespace(_)) => i += 1,
                Some(_) if n == 0 => return Some(i),
                Some(_) => {
                    n -= 1;
                    i += 1;
                }
            }
        }
    }

    fn peek_nth(&self, n: usize) -> &'a TokenWithSpan {
        match self.nth_index(n) {
            Some(i) => &self.tokens[i],
            None => &EOF,
        }
    }

    fn peek(&self) -> &'a TokenWithSpan {
        self.peek_nth(0)
    }

    fn peek_token(&self) -> &'a Token {
        &self.peek().token
    }

    fn next(&mut self) -> &'a TokenWithSpan {
        match self.nth_index(0) {
            Some(i) => {
                self.index = i + 1;
                &self.tokens[i]
            }
            None => {
                self.index = self.tokens.len();
                &EOF
            }
        }
    }

    /// The token right at the cursor, whitespace included.
    fn next_no_skip(&mut self) -> &'a TokenWithSpan {
        match self.tokens.get(self.index) {
            Some(t) => {
                self.index += 1;
                t
            }
            None => &EOF,
        }
    }

    fn peek_keyword(&self, k: K) -> bool {
        self.peek_nth_keyword(0, k)
    }

    fn peek_nth_keyword(&self, n: usize, k: K) -> bool {
        matches!(&self.peek_nth(n).token, Token::Word(w) if w.keyword == k)
    }

    fn keyword(&mut self, k: K) -> bool {
        if self.peek_keyword(k) {
            self.next();
            true
        } else {
            false
        }
    }

    /// All of `ks` in a row, or nothing consumed.
    fn keywords(&mut self, ks: &[K]) -> bool {
        if ks.iter().enumerate().all(|(i, k)| self.peek_nth_keyword(i, *k)) {
            for _ in ks {
                self.next();
            }
            true
        } else {
            false
        }
    }

    fn one_of_keywords(&mut self, ks: &[K]) -> Option<K> {
        match &self.peek().token {
            Token::Word(w) if ks.contains(&w.keyword) => {
                let k = w.keyword;
                self.next();
                Some(k)
            }
            _ => None,
        }
    }

    fn expect_keyword(&mut self, k: K) -> Result<&'a TokenWithSpan> {
        if self.peek_keyword(k) {
            Ok(self.next())
        } else {
            self.expected()
        }
    }

    fn expect_keywords(&mut self, ks: &[K]) -> Result<()> {
        for k in ks {
            self.expect_keyword(*k)?;
        }
        Ok(())
    }

    fn consume(&mut self, t: &Token) -> bool {
        if self.peek_token() == t {
            self.next();
            true
        } else {
            false
        }
    }

    fn expect(&mut self, t: &Token) -> Result<&'a TokenWithSpan> {
        if self.peek_token() == t {
            Ok(self.next())
        } else {
            self.expected()
        }
    }

    // ---- errors ----

    /// SQLite's error for the token at the cursor: it cannot go here.
    fn expected<T>(&self) -> Result<T> {
        Err(syntax_error(self.peek()))
    }

    fn unsupported<T>(&self, what: &str) -> Result<T> {
        Err(SqlError::unsupported(what.to_string()))
    }

    // ---- helpers ----

    /// Run `f` one nesting level deeper, within `RECURSION_LIMIT`.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= RECURSION_LIMIT {
            return Err(SqlError::op("parser stack overflow"));
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// Try `f`; on a syntax error rewind and return `None` (sqlparser's `maybe_parse`).
    /// Running out of nesting depth is not a miss: it stops the parse.
    fn maybe<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<Option<T>> {
        let start = self.index;
        match f(self) {
            Ok(t) => Ok(Some(t)),
            Err(e) if e.message == "parser stack overflow" => Err(e),
            Err(_) => {
                self.index = start;
                Ok(None)
            }
        }
    }

    fn comma_separated<T>(&mut self, mut f: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let mut v = vec![f(self)?];
        while self.consume(&Token::Comma) {
            v.push(f(self)?);
        }
        Ok(v)
    }

    fn parenthesized<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.expect(&Token::LParen)?;
        let v = f(self)?;
        self.expect(&Token::RParen)?;
        Ok(v)
    }

    /// A name part: a word (quoted or not) or a string, as sqlparser's `parse_identifier`.
    fn identifier(&mut self) -> Result<Ident> {
        let t = self.peek();
        let id = match &t.token {
            Token::Word(w) => w.clone().into_ident(t.span),
            Token::SingleQuotedString(s) => Ident::with_quote_and_span('\'', t.span, s),
            Token::DoubleQuotedString(s) => Ident::with_quote_and_span('"', t.span, s),
            _ => return self.expected(),
        };
        self.next();
        Ok(id)
    }

    /// `a.b.c`.
    fn object_name(&mut self) -> Result<ObjectName> {
        let mut parts = vec![ObjectNamePart::Identifier(self.identifier()?)];
        while self.consume(&Token::Period) {
            parts.push(ObjectNamePart::Identifier(self.identifier()?));
        }
        Ok(ObjectName(parts))
    }

    /// `(a, b, ...)`.
    fn parenthesized_idents(&mut self) -> Result<Vec<Ident>> {
        self.parenthesized(|p| p.comma_separated(Self::identifier))
    }

    // ---- statements ----

    fn statement(&mut self) -> Result<Statement> {
        while self.consume(&Token::SemiColon) {}
        let first = self.peek();
        let kw = match &first.token {
            Token::EOF => return Err(SqlError::unsupported("empty statement")),
            Token::Word(w) => w.keyword,
            _ => K::NoKeyword,
        };
        let unsupported = || {
            // Named from the source text, never by formatting the AST.
            let head: String = self.sql.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
            SqlError::unsupported(format!("statement {}", head.to_ascii_uppercase()))
        };
        let stmt = match kw {
            K::SELECT | K::WITH | K::VALUES => Statement::Query(self.query()?),
            _ if first.token == Token::LParen => Statement::Query(self.query()?),
            K::INSERT | K::REPLACE => self.insert()?,
            K::UPDATE => self.update()?,
            K::DELETE => self.delete()?,
            K::CREATE => {
                self.next();
                let temporary = self.keyword(K::TEMP) || self.keyword(K::TEMPORARY);
                if self.keyword(K::TABLE) {
                    self.create_table(temporary)?
                } else if temporary {
                    return Err(unsupported());
                } else if self.keyword(K::INDEX) {
                    self.create_index(false)?
                } else if self.keywords(&[K::UNIQUE, K::INDEX]) {
                    self.create_index(true)?
                } else {
                    return Err(unsupported());
                }
            }
            K::DROP => {
                self.next();
                self.drop()?
            }
            // SQLite statements the store does not translate (transactions and
            // PRAGMA never get here: prepare_simple takes them).
            K::ALTER | K::ANALYZE | K::ATTACH | K::DETACH | K::EXPLAIN | K::REINDEX | K::VACUUM => return Err(unsupported()),
            _ => return self.expected(),
        };
        // Only statement separators may follow; another statement is the DB-API's error.
        let mut separated = false;
        while self.consume(&Token::SemiColon) {
            separated = true;
        }
        match self.peek_token() {
            Token::EOF => Ok(stmt),
            _ if separated => Err(SqlError::programming("You can only execute one statement at a time.")),
            _ => self.expected(),
        }
    }
}

/// `near "X": syntax error` for a token, `incomplete input` at the end.
fn syntax_error(t: &TokenWithSpan) -> SqlError {
    match t.token {
        Token::EOF => SqlError::op("incomplete input"),
        ref tok => SqlError::op(format!("near \"{tok}\": syntax error")),
    }
}

#[cfg(test)]
mod tests;
