//! `Column(...)`, `mapped_column(...)` and bare `Mapped[int]` declarations.

use super::annotation::MappedAnn;
use super::expr::{call_parts, callee, kw_bool, kwargs, str_const, text};
use super::{ColumnCall, ColumnDef, ForeignKeyRef, Located};
use crate::span::Span;
use relplay_py::ast::{self, Expr};

/// Positional arguments of `Column` that are not the type.
const NOT_A_TYPE: &[&str] = &[
    "ForeignKey",
    "Sequence",
    "Identity",
    "Computed",
    "CheckConstraint",
    "FetchedValue",
    "DefaultClause",
];

pub(crate) fn is_column_call(e: &Expr) -> bool {
    matches!(callee(e), Some("Column" | "mapped_column"))
}

/// Reads a column from its call (if any) and its annotation (if any).
pub(crate) fn read(
    call: Option<&Expr>,
    attr: Option<&str>,
    ann: Option<(&Expr, &MappedAnn)>,
    stmt: ast::Span,
    source: &str,
) -> ColumnDef {
    let mut col = ColumnDef {
        name: attr.unwrap_or_default().to_string(),
        attr: attr.map(str::to_string),
        call: ColumnCall::AnnotationOnly,
        span: stmt.into(),
        type_: None,
        annotation: ann.map(|(e, _)| Located {
            value: text(e.span, source),
            span: e.span.into(),
        }),
        primary_key: false,
        nullable: true,
        unique: false,
        foreign_keys: Vec::new(),
        keywords: Vec::new(),
    };
    let mut explicit_nullable = None;
    if let Some((func, args, keywords)) = call.and_then(call_parts) {
        col.call = if super::expr::last_name(func) == Some("Column") {
            ColumnCall::Column
        } else {
            ColumnCall::MappedColumn
        };
        for (i, a) in args.iter().enumerate() {
            if let Some(s) = str_const(a) {
                if i == 0 {
                    col.name = s.to_string();
                }
                continue;
            }
            match callee(a) {
                Some("ForeignKey") => col.foreign_keys.push(foreign_key(a, source)),
                Some(n) if NOT_A_TYPE.contains(&n) => {}
                _ => {
                    if col.type_.is_none() {
                        col.type_ = Some(Located {
                            value: text(a.span, source),
                            span: a.span.into(),
                        });
                    }
                }
            }
        }
        col.keywords = kwargs(keywords, source);
        col.primary_key = kw_bool(keywords, "primary_key") == Some(true);
        col.unique = kw_bool(keywords, "unique") == Some(true);
        explicit_nullable = kw_bool(keywords, "nullable");
        if let Some(name) = super::expr::kw(keywords, "name").and_then(str_const) {
            col.name = name.to_string();
        }
    }
    if col.type_.is_none() {
        if let Some((e, a)) = ann {
            if let Some(n) = &a.inner_name {
                col.type_ = Some(Located {
                    value: n.clone(),
                    span: e.span.into(),
                });
            }
        }
    }
    col.nullable = match (explicit_nullable, ann) {
        (Some(n), _) => n,
        _ if col.primary_key => false,
        (None, Some((_, a))) => a.optional,
        (None, None) => true,
    };
    col
}

pub(crate) fn foreign_key(call: &Expr, source: &str) -> ForeignKeyRef {
    let span: Span = call.span.into();
    let target_expr = call_parts(call).and_then(|(_, args, _)| args.first());
    let (target, target_span) = match target_expr {
        Some(t) => (
            str_const(t)
                .map(str::to_string)
                .unwrap_or_else(|| text(t.span, source)),
            t.span.into(),
        ),
        None => (String::new(), span),
    };
    let is_str = target_expr.and_then(str_const).is_some();
    let (table, column) = match target.rsplit_once('.') {
        Some((t, c)) if is_str => (Some(t.to_string()), Some(c.to_string())),
        _ => (None, None),
    };
    ForeignKeyRef {
        target,
        table,
        column,
        target_span,
        span,
    }
}
