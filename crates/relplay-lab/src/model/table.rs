//! `name = Table("name", metadata, Column(...), ...)`.

use super::column;
use super::expr::{call_parts, callee, dotted, str_const, text};
use super::{Located, Opaque, TableDef};
use relplay_py::ast::{self, Expr};

pub(crate) fn is_table_call(e: &Expr) -> bool {
    callee(e) == Some("Table")
}

pub(crate) fn read(
    var: Option<&str>,
    call: &Expr,
    stmt: ast::Span,
    source: &str,
) -> Option<TableDef> {
    let (_, args, keywords) = call_parts(call)?;
    let name_expr = args.first()?;
    let name = str_const(name_expr)?;
    let mut t = TableDef {
        var: var.map(str::to_string),
        name: Located {
            value: name.to_string(),
            span: name_expr.span.into(),
        },
        span: stmt.into(),
        metadata: args.get(1).and_then(dotted),
        columns: Vec::new(),
        opaque: Vec::new(),
    };
    for a in args.iter().skip(2) {
        if callee(a) == Some("Column") {
            t.columns
                .push(column::read(Some(a), None, None, a.span, source));
        } else {
            t.opaque.push(Opaque {
                what: "Table argument".into(),
                text: text(a.span, source),
                span: a.span.into(),
            });
        }
    }
    for k in keywords {
        // `autoload_with=` and friends bring columns we cannot see.
        if matches!(k.arg.as_deref(), Some("autoload_with" | "autoload")) {
            t.opaque.push(Opaque {
                what: "Table keyword".into(),
                text: text(k.span, source),
                span: k.span.into(),
            });
        }
    }
    Some(t)
}
