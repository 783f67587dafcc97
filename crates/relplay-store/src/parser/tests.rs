//! Precedence, errors and spans of the store's parser.
use super::parse_statement;
use sqlparser::ast::{Expr, SelectItem, SetExpr, Statement};
use sqlparser::dialect::SQLiteDialect;
use sqlparser::tokenizer::Tokenizer;

fn parse(sql: &str) -> Result<Statement, String> {
    let tokens = Tokenizer::new(&SQLiteDialect {}, sql).tokenize_with_location().unwrap();
    parse_statement(&tokens, sql).map_err(|e| e.message)
}

/// The first select item's expression.
fn item(sql: &str) -> Expr {
    let Statement::Query(q) = parse(sql).unwrap() else {
        panic!("{sql}")
    };
    let SetExpr::Select(s) = *q.body else { panic!("{sql}") };
    match s.projection.into_iter().next() {
        Some(SelectItem::UnnamedExpr(e) | SelectItem::ExprWithAlias { expr: e, .. }) => e,
        other => panic!("{sql}: {other:?}"),
    }
}

#[test]
fn errors_read_like_sqlite() {
    assert_eq!(parse("SELECT 1 +").unwrap_err(), "incomplete input");
    assert_eq!(parse("SELECT * FORM t").unwrap_err(), "near \"FORM\": syntax error");
    assert_eq!(parse("SELECT a FORM t").unwrap_err(), "near \"t\": syntax error");
    assert_eq!(parse("SELECT (1").unwrap_err(), "incomplete input");
    assert_eq!(
        parse("SELECT 1; SELECT 2").unwrap_err(),
        "You can only execute one statement at a time."
    );
    assert_eq!(parse("SELECT 1 2 3").unwrap_err(), "near \"2\": syntax error");
    assert_eq!(parse("SELECT a b c").unwrap_err(), "near \"c\": syntax error");
    assert!(parse("SELECT 1;;").is_ok());
}
