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

fn bin(e: &Expr) -> (&Expr, &sqlparser::ast::BinaryOperator, &Expr) {
    match e {
        Expr::BinaryOp { left, op, right } => (left, op, right),
        other => panic!("not a binary operation: {other:?}"),
    }
}

#[test]
fn precedence_follows_sqlparsers_sqlite_dialect() {
    use sqlparser::ast::BinaryOperator as B;
    let e = item("SELECT 1 + 2 * 3");
    let (l, op, r) = bin(&e);
    assert_eq!(*op, B::Plus);
    assert!(matches!(l, Expr::Value(_)));
    assert_eq!(*bin(r).1, B::Multiply);
    // AND binds tighter than OR.
    let e = item("SELECT a OR b AND c");
    assert_eq!(*bin(&e).1, B::Or);
    assert_eq!(*bin(bin(&e).2).1, B::And);
    // `<` binds tighter than `=` (SQLiteDialect's comparison level).
    let e = item("SELECT a < b = c");
    assert_eq!(*bin(&e).1, B::Eq);
    assert_eq!(*bin(bin(&e).0).1, B::Lt);
    // NOT takes the whole comparison.
    assert!(matches!(item("SELECT NOT a = b"), Expr::UnaryOp { expr, .. } if matches!(*expr, Expr::BinaryOp { .. })));
    // `x NOT LIKE y` is a negated Like, `NOT NULL` a postfix test.
    assert!(matches!(item("SELECT x NOT LIKE y"), Expr::Like { negated: true, .. }));
    assert!(matches!(item("SELECT x NOT NULL"), Expr::IsNotNull(_)));
    // `||` binds like `*`, tighter than `+`.
    let e = item("SELECT a + b || c");
    assert_eq!(*bin(&e).1, B::Plus);
    assert_eq!(*bin(bin(&e).2).1, B::StringConcat);
    // The BETWEEN low bound takes comparisons (SQLiteDialect).
    assert!(matches!(item("SELECT a BETWEEN b = c AND d"), Expr::Between { low, .. } if matches!(*low, Expr::BinaryOp { .. })));
}

#[test]
fn nodes_carry_their_token_spans() {
    let Expr::Identifier(id) = item("SELECT abc FROM t") else {
        panic!()
    };
    assert_eq!((id.span.start.column, id.span.end.column), (8, 11));
    let Expr::Value(v) = item("SELECT :name") else { panic!() };
    assert_eq!((v.span.start.column, v.span.end.column), (8, 13));
    let Statement::Query(q) = parse("SELECT 1").unwrap() else {
        panic!()
    };
    let SetExpr::Select(s) = *q.body else { panic!() };
    assert_eq!(s.select_token.0.span.start.column, 1);
}

#[test]
fn nesting_is_bounded() {
    let deep = format!("SELECT {}1{}", "(".repeat(100), ")".repeat(100));
    assert_eq!(parse(&deep).unwrap_err(), "parser stack overflow");
    let subqueries = format!("SELECT {}1{}", "(SELECT ".repeat(60), ")".repeat(60));
    assert_eq!(parse(&subqueries).unwrap_err(), "parser stack overflow");
    // A placeholder's name must follow its colon.
    assert!(parse("SELECT : name").is_err());
}

#[test]
fn store_dialect_lexes_like_sqlite_dialect() {
    let sql = "SELECT \"a b\", `c`, [d], x'0f', N'n', $1, :p, ?2, @v, 1_000, 0x1F, 1e-3, a$b, é /* open";
    let ours = Tokenizer::new(&super::StoreDialect, sql).tokenize_with_location().unwrap();
    let theirs = Tokenizer::new(&SQLiteDialect {}, sql).tokenize_with_location().unwrap();
    assert_eq!(ours, theirs);
}
