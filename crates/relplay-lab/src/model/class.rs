//! One mapped class body: `__tablename__`, columns, relationships, the rest.

use super::annotation;
use super::expr::{call_parts, callee, dotted, str_const, text};
use super::{column, relationship, ColumnCall, Located, MappedClass, Opaque, Style};
use relplay_py::ast::{ClassDef, Constant, ExprKind, Stmt, StmtKind};

pub(crate) fn read(cd: &ClassDef, stmt: &Stmt, source: &str) -> MappedClass {
    let mut c = MappedClass {
        name: cd.name.to_string(),
        name_span: cd.name_span.into(),
        span: stmt.span.into(),
        bases: cd
            .bases
            .iter()
            .map(|b| dotted(b).unwrap_or_else(|| text(b.span, source)))
            .collect(),
        tablename: None,
        style: Style::Unknown,
        is_abstract: false,
        columns: Vec::new(),
        relationships: Vec::new(),
        other_attrs: Vec::new(),
        unique_constraints: Vec::new(),
        opaque: Vec::new(),
    };
    for s in &cd.body {
        member(&mut c, s, source);
    }
    let annotated = c.columns.iter().any(|k| k.call != ColumnCall::Column);
    let legacy = c.columns.iter().any(|k| k.call == ColumnCall::Column);
    c.style = match (annotated, legacy) {
        (true, true) => Style::Mixed,
        (true, false) => Style::Annotated,
        (false, true) => Style::Legacy,
        (false, false) => Style::Unknown,
    };
    c
}

fn member(c: &mut MappedClass, s: &Stmt, source: &str) {
    match &s.kind {
        StmtKind::Assign { targets, value } => {
            let Some(ExprKind::Name { id, .. }) = targets.first().map(|t| &t.kind) else {
                return;
            };
            let target_span = targets[0].span;
            match &**id {
                "__tablename__" => {
                    if let Some(t) = str_const(value) {
                        c.tablename = Some(Located {
                            value: t.to_string(),
                            span: value.span.into(),
                        });
                    } else {
                        c.opaque.push(Opaque {
                            what: "__tablename__".into(),
                            text: text(value.span, source),
                            span: value.span.into(),
                        });
                    }
                }
                "__abstract__" => {
                    c.is_abstract = matches!(value.kind, ExprKind::Constant(Constant::True))
                }
                "__table_args__" => table_args(c, value, source),
                "__mapper_args__" | "__table__" => {
                    if &**id == "__table__" {
                        c.opaque.push(Opaque {
                            what: "__table__".into(),
                            text: text(value.span, source),
                            span: value.span.into(),
                        });
                    }
                }
                _ if column::is_column_call(value) => {
                    c.columns
                        .push(column::read(Some(value), Some(id), None, s.span, source))
                }
                _ if relationship::is_relationship_call(value) => {
                    let d = relationship::Decl {
                        owner: &c.name,
                        attr: id,
                        attr_span: target_span,
                        stmt: s.span,
                        ann: None,
                    };
                    c.relationships.push(relationship::read(value, d, source));
                }
                _ => {
                    for t in targets {
                        if let ExprKind::Name { id, .. } = &t.kind {
                            c.other_attrs.push(Located {
                                value: id.to_string(),
                                span: t.span.into(),
                            });
                        }
                    }
                }
            }
        }
        StmtKind::AnnAssign {
            target,
            annotation: ann,
            value,
            ..
        } => {
            let ExprKind::Name { id, .. } = &target.kind else {
                return;
            };
            let mapped = annotation::read(ann);
            let a = mapped.as_ref().map(|m| (ann, m));
            match value {
                Some(v) if relationship::is_relationship_call(v) => {
                    let d = relationship::Decl {
                        owner: &c.name,
                        attr: id,
                        attr_span: target.span,
                        stmt: s.span,
                        ann: a,
                    };
                    c.relationships.push(relationship::read(v, d, source));
                }
                Some(v) if column::is_column_call(v) => {
                    c.columns
                        .push(column::read(Some(v), Some(id), a, s.span, source))
                }
                None if mapped.is_some() && !id.starts_with("__") => {
                    c.columns
                        .push(column::read(None, Some(id), a, s.span, source))
                }
                _ => c.other_attrs.push(Located {
                    value: id.to_string(),
                    span: target.span.into(),
                }),
            }
        }
        StmtKind::FunctionDef(f) => c.other_attrs.push(Located {
            value: f.name.to_string(),
            span: f.name_span.into(),
        }),
        _ => {}
    }
}

/// `__table_args__ = (UniqueConstraint("a"), {...})`: single-column unique
/// constraints are read; a `ForeignKeyConstraint` makes the table opaque to FK lints.
fn table_args(c: &mut MappedClass, value: &relplay_py::ast::Expr, source: &str) {
    let items: Vec<&relplay_py::ast::Expr> = match &value.kind {
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => elts.iter().collect(),
        ExprKind::Dict { .. } => return,
        _ => vec![value],
    };
    for it in items {
        match callee(it) {
            Some("UniqueConstraint") => {
                let cols = call_parts(it)
                    .map(|(_, args, _)| {
                        args.iter()
                            .map(|a| {
                                str_const(a)
                                    .map(str::to_string)
                                    .unwrap_or_else(|| text(a.span, source))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                c.unique_constraints.push(cols);
            }
            Some("Index" | "CheckConstraint") => {}
            _ if matches!(it.kind, ExprKind::Dict { .. }) => {}
            _ => c.opaque.push(Opaque {
                what: "__table_args__".into(),
                text: text(it.span, source),
                span: it.span.into(),
            }),
        }
    }
}
