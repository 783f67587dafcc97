//! 400 random WHERE expressions (comparisons, arithmetic, IN / NOT IN,
//! IS NULL, BETWEEN, LIKE, NOT, nested AND/OR) rendered by SQLAlchemy
//! 2.1.9 on SQLite (fixture `fixtures/dump_random_exprs.py`), rebuilt and
//! rendered by the core: parenthesisation must agree everywhere.

use relplay_orm::sql::{and_, compile, not_, or_, BinOp, Expr, Select, Statement};
use relplay_orm::types::SqlType;
use relplay_orm::PyValue;
use serde_json::Value;

fn col(n: &str) -> Expr {
    let ty = if n == "s" {
        SqlType::String(None)
    } else {
        SqlType::Integer
    };
    Expr::col("u", n, ty)
}

fn op(s: &str) -> BinOp {
    match s {
        "add" => BinOp::Add,
        "sub" => BinOp::Sub,
        "mul" => BinOp::Mul,
        "mod" => BinOp::Mod,
        "eq" => BinOp::Eq,
        "ne" => BinOp::Ne,
        "lt" => BinOp::Lt,
        "gt" => BinOp::Gt,
        "le" => BinOp::Le,
        "ge" => BinOp::Ge,
        other => panic!("op {other}"),
    }
}

fn int(v: &Value) -> PyValue {
    PyValue::Int(v.as_i64().unwrap())
}

fn build(d: &Value) -> Expr {
    let s = |k: &str| d[k].as_str().unwrap();
    match s("t") {
        "col" => col(s("n")),
        "arith_lit" | "cmp_lit" => build(&d["l"]).op_value(op(s("op")), int(&d["v"])),
        "arith" | "cmp" => build(&d["l"]).binary(op(s("op")), build(&d["r"])),
        "in" => {
            let vals = d["vals"].as_array().unwrap().iter().map(int).collect();
            if d["neg"].as_bool().unwrap() {
                col(s("c")).not_in_values(vals)
            } else {
                col(s("c")).in_values(vals)
            }
        }
        "isnull" => {
            if d["neg"].as_bool().unwrap() {
                col(s("c")).is_not_null()
            } else {
                col(s("c")).is_null()
            }
        }
        "between" => Expr::Between {
            expr: Box::new(col(s("c"))),
            low: Box::new(Expr::Bind {
                value: int(&d["lo"]),
                ty: SqlType::Integer,
            }),
            high: Box::new(Expr::Bind {
                value: int(&d["hi"]),
                ty: SqlType::Integer,
            }),
            negated: false,
        },
        "like" => col("s").op_value(BinOp::Like, PyValue::str(s("v"))),
        "not" => not_(build(&d["x"])),
        "and" => and_(d["xs"].as_array().unwrap().iter().map(build).collect()),
        "or" => or_(d["xs"].as_array().unwrap().iter().map(build).collect()),
        other => panic!("node {other}"),
    }
}

#[test]
fn random_expressions_render_like_sqlalchemy() {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/random_exprs.json")).unwrap();
    let mut failures = Vec::new();
    let cases = fixture.as_array().unwrap();
    for case in cases {
        let sel = Select::new(vec![col("a")]).where_(build(&case["expr"]));
        let sql = compile(Statement::Select(&sel)).unwrap().sql;
        let ours = sql
            .split_once("WHERE ")
            .map(|(_, w)| w.to_string())
            .unwrap_or_default();
        let theirs = case["where"].as_str().unwrap();
        if ours != theirs {
            failures.push(format!("ours:   {ours}\ntheirs: {theirs}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(8)].join("\n\n")
    );
}
