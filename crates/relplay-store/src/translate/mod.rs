//! SQL text -> plan. The only module that sees `sqlparser::ast`.
mod ddl;
mod dml;
mod expr;
mod scope;
mod select;
mod text;

use crate::error::{Result, SqlError};
use crate::plan::{Pragma, Prepared, Stmt};
use crate::storage::Table;
use sqlparser::ast::{self, Statement};
use sqlparser::tokenizer::{Token, Tokenizer};
use std::collections::{BTreeMap, HashMap};

pub struct Translator<'a> {
    tables: &'a BTreeMap<String, Table>,
    /// Placeholder position (line, column) -> parameter index.
    params: HashMap<(u64, u64), usize>,
    next_query_id: usize,
    sql: &'a str,
    /// The statement's tokens, for result-column names as SQLite spells them.
    tokens: Vec<sqlparser::tokenizer::TokenWithSpan>,
}

/// Parse and translate one statement.
pub fn prepare(sql: &str, tables: &BTreeMap<String, Table>) -> Result<Prepared> {
    if let Some(p) = prepare_simple(sql)? {
        return Ok(Prepared {
            stmt: p,
            param_names: Vec::new(),
        });
    }
    let tokens = Tokenizer::new(&crate::parser::StoreDialect, sql)
        .tokenize_with_location()
        .map_err(|e| SqlError::op(format!("unrecognized token: \"{}\"", e.message.rsplit(": ").next().unwrap_or(""))))?;
    // Number placeholders in text order the way SQLite does: `?` takes the next
    // index, `?NNN` its own, a repeated `:name` reuses its first index.
    let mut params = HashMap::new();
    let mut names: Vec<Option<String>> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // The tokenizer splits `:name` into a colon and a word; the parser joins them.
        let joined;
        let placeholder = match (&t.token, tokens.get(i + 1)) {
            (Token::Placeholder(p), _) => Some(p),
            (Token::Colon, Some(next)) if next.span.start == t.span.end => match &next.token {
                Token::Word(w) => {
                    joined = format!(":{}", w.value);
                    Some(&joined)
                }
                Token::Number(n, _) => {
                    joined = format!(":{n}");
                    Some(&joined)
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(p) = placeholder {
            let idx = if p == "?" {
                names.push(None);
                names.len() - 1
            } else if let Some(n) = p.strip_prefix('?') {
                let n: usize = n.parse().map_err(|_| SqlError::op(format!("near \"{p}\": syntax error")))?;
                if n == 0 || n > 32766 {
                    return Err(SqlError::op("variable number must be between ?1 and ?32766"));
                }
                while names.len() < n {
                    names.push(None);
                }
                n - 1
            } else if let Some(i) = names.iter().position(|x| x.as_deref() == Some(p.as_str())) {
                i
            } else {
                names.push(Some(p.clone()));
                names.len() - 1
            };
            params.insert((t.span.start.line, t.span.start.column), idx);
        }
    }
    check_depth(&tokens)?;
    let stmt = crate::parser::parse_statement(&tokens, sql)?;
    let mut t = Translator {
        tables,
        params,
        next_query_id: 0,
        sql,
        tokens,
    };
    let stmt = t.statement(&stmt)?;
    Ok(Prepared { stmt, param_names: names })
}

/// The statement's AST alone (see `crate::parse_ast`).
pub fn parse_ast(sql: &str) -> Result<Statement> {
    let tokens = Tokenizer::new(&crate::parser::StoreDialect, sql)
        .tokenize_with_location()
        .map_err(|e| SqlError::op(format!("unrecognized token: {}", e.message)))?;
    crate::parser::parse_statement(&tokens, sql)
}

/// Longest operator chain the store accepts. sqlparser builds `a + b + c ...`
/// iteratively, but the resulting tree is as deep as the chain, and translating,
/// evaluating and dropping it recurses: bound it well inside a wasm stack.
/// (Unoptimised builds use far bigger stack frames, hence the lower bound there.)
pub const MAX_EXPR_DEPTH: usize = if cfg!(debug_assertions) { 100 } else { 250 };

/// Estimate expression depth from tokens: operators chained at each parenthesis
/// level, summed over the open parentheses (commas start a new expression).
fn check_depth(tokens: &[sqlparser::tokenizer::TokenWithSpan]) -> Result<()> {
    use sqlparser::keywords::Keyword;
    let mut stack: Vec<usize> = vec![0];
    for t in tokens {
        match &t.token {
            Token::LParen => stack.push(0),
            Token::RParen if stack.len() > 1 => {
                stack.pop();
            }
            Token::Comma => {
                if let Some(top) = stack.last_mut() {
                    *top = 0;
                }
            }
            Token::Plus
            | Token::Minus
            | Token::Mul
            | Token::Div
            | Token::Mod
            | Token::StringConcat
            | Token::Eq
            | Token::DoubleEq
            | Token::Neq
            | Token::Lt
            | Token::LtEq
            | Token::Gt
            | Token::GtEq
            | Token::Ampersand
            | Token::Pipe
            | Token::ShiftLeft
            | Token::ShiftRight
            | Token::Tilde => {
                if let Some(top) = stack.last_mut() {
                    *top += 1;
                }
            }
            Token::Word(w)
                if matches!(
                    w.keyword,
                    Keyword::AND | Keyword::OR | Keyword::NOT | Keyword::IS | Keyword::LIKE | Keyword::GLOB | Keyword::WHEN
                ) =>
            {
                if let Some(top) = stack.last_mut() {
                    *top += 1;
                }
            }
            _ => {}
        }
        if stack.iter().sum::<usize>() > MAX_EXPR_DEPTH {
            return Err(SqlError::op(format!(
                "Expression tree is too large (maximum depth {MAX_EXPR_DEPTH})"
            )));
        }
    }
    Ok(())
}

/// Unquote an identifier written as "x", `x`, [x] or 'x'.
fn unquote(w: &str) -> String {
    let b = w.as_bytes();
    if b.len() >= 2 {
        let (f, l) = (b[0], b[b.len() - 1]);
        if (f == b'"' && l == b'"') || (f == b'`' && l == b'`') || (f == b'[' && l == b']') || (f == b'\'' && l == b'\'') {
            return w[1..w.len() - 1].to_string();
        }
    }
    w.to_string()
}

/// Transaction control and PRAGMA are parsed by hand: their grammar is tiny and
/// sqlparser does not accept SQLite's forms of them (e.g. `PRAGMA foreign_keys = ON`).
fn prepare_simple(sql: &str) -> Result<Option<Stmt>> {
    let s = sql.trim().trim_end_matches(';').trim();
    let words: Vec<&str> = s.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Ok(None);
    };
    let up: Vec<String> = words.iter().map(|w| w.to_ascii_uppercase()).collect();
    let bad = || SqlError::op(format!("near \"{}\": syntax error", words.last().copied().unwrap_or("")));
    let stmt = match up[0].as_str() {
        "BEGIN" => {
            let mut i = 1;
            if i < up.len() && ["DEFERRED", "IMMEDIATE", "EXCLUSIVE"].contains(&up[i].as_str()) {
                i += 1;
            }
            if i < up.len() && up[i] == "TRANSACTION" {
                i += 1;
            }
            if i + 1 < up.len() {
                return Err(bad());
            }
            Stmt::Begin
        }
        "COMMIT" | "END" => {
            if up.len() > 2 || (up.len() == 2 && up[1] != "TRANSACTION") {
                return Err(bad());
            }
            Stmt::Commit
        }
        "ROLLBACK" => {
            let mut i = 1;
            if i < up.len() && up[i] == "TRANSACTION" {
                i += 1;
            }
            if i == up.len() {
                Stmt::Rollback
            } else if up[i] == "TO" {
                i += 1;
                if i < up.len() && up[i] == "SAVEPOINT" {
                    i += 1;
                }
                if i + 1 != up.len() {
                    return Err(bad());
                }
                Stmt::RollbackTo(unquote(words[i]))
            } else {
                return Err(bad());
            }
        }
        "SAVEPOINT" if words.len() == 2 => Stmt::Savepoint(unquote(words[1])),
        "RELEASE" => {
            let i = if up.len() > 1 && up[1] == "SAVEPOINT" { 2 } else { 1 };
            if i + 1 != up.len() {
                return Err(bad());
            }
            Stmt::Release(unquote(words[i]))
        }
        "PRAGMA" => Stmt::Pragma(pragma(s[first.len()..].trim())?),
        _ => return Ok(None),
    };
    Ok(Some(stmt))
}

fn pragma(rest: &str) -> Result<Pragma> {
    let (name, arg) = if let Some((n, a)) = rest.split_once('=') {
        (n.trim(), Some(a.trim()))
    } else if let Some((n, a)) = rest.split_once('(') {
        (n.trim(), Some(a.trim().trim_end_matches(')').trim()))
    } else {
        (rest, None)
    };
    let (schema, name) = match name.split_once('.') {
        Some((s, n)) => (unquote(s.trim()).to_ascii_lowercase(), n),
        None => ("main".to_string(), name),
    };
    let name = name.trim().to_ascii_lowercase();
    // Nothing lives in the temp schema: its listings are empty.
    if schema == "temp" && ["table_info", "foreign_key_list", "index_list"].contains(&name.as_str()) {
        return Ok(Pragma::TableInfo(String::new()));
    }
    if schema != "main" && schema != "temp" {
        return Err(SqlError::op(format!("unknown database {schema}")));
    }
    let arg = arg.map(unquote);
    let need = |a: Option<String>| a.ok_or_else(|| SqlError::unsupported(format!("PRAGMA {name} without argument")));
    Ok(match name.as_str() {
        "table_info" => Pragma::TableInfo(need(arg)?),
        "foreign_key_list" => Pragma::ForeignKeyList(need(arg)?),
        "index_list" => Pragma::IndexList(need(arg)?),
        "foreign_keys" => Pragma::ForeignKeys(match arg.map(|a| a.to_ascii_lowercase()) {
            None => None,
            Some(a) if ["on", "1", "true", "yes"].contains(&a.as_str()) => Some(true),
            Some(_) => Some(false),
        }),
        "journal_mode" | "synchronous" | "cache_size" | "temp_store" | "busy_timeout" | "encoding" | "recursive_triggers"
        | "read_uncommitted" => Pragma::Noop,
        other => return Err(SqlError::unsupported(format!("PRAGMA {other}"))),
    })
}

impl Translator<'_> {
    fn statement(&mut self, s: &Statement) -> Result<Stmt> {
        match s {
            Statement::Query(q) => Ok(Stmt::Query(self.query(q, None)?)),
            Statement::Insert(i) => self.insert(i),
            Statement::Update(u) => self.update(u),
            Statement::Delete(d) => self.delete(d),
            Statement::CreateTable(c) => self.create_table(c),
            Statement::CreateIndex(c) => self.create_index(c),
            Statement::Drop {
                object_type,
                if_exists,
                names,
                ..
            } => {
                if names.len() != 1 {
                    return Err(SqlError::unsupported("DROP of several objects"));
                }
                let name = object_name(&names[0])?;
                match object_type {
                    ast::ObjectType::Table => Ok(Stmt::DropTable {
                        name,
                        if_exists: *if_exists,
                    }),
                    ast::ObjectType::Index => Ok(Stmt::DropIndex {
                        name,
                        if_exists: *if_exists,
                    }),
                    other => Err(SqlError::unsupported(format!("DROP {other}"))),
                }
            }
            _ => {
                // Named from the source text: formatting the parsed statement
                // would link sqlparser's whole Display machinery into the wasm.
                let head: String = self.sql.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
                Err(SqlError::unsupported(format!("statement {}", head.to_ascii_uppercase())))
            }
        }
    }

    fn next_id(&mut self) -> usize {
        self.next_query_id += 1;
        self.next_query_id
    }
}

/// The table/index name of an object name, ignoring a `main.` schema prefix.
pub(crate) fn object_name(n: &ast::ObjectName) -> Result<String> {
    let parts: Vec<String> =
        n.0.iter()
            .map(|p| match p {
                ast::ObjectNamePart::Identifier(i) => Ok(i.value.clone()),
                ast::ObjectNamePart::Function(_) => Err(SqlError::unsupported("table-valued function")),
            })
            .collect::<Result<_>>()?;
    match parts.as_slice() {
        [one] => Ok(one.clone()),
        [schema, one] if schema.eq_ignore_ascii_case("main") => Ok(one.clone()),
        [schema, _] => Err(SqlError::op(format!("unknown database {schema}"))),
        _ => Err(SqlError::unsupported(format!("name {}", text::name_text(n)))),
    }
}
