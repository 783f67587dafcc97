//! The module walk: bases, mapped classes and tables, in source order.

use super::expr::{arg, call_parts, callee, dotted, kw, last_name};
use super::{class, table, BaseKind, DeclarativeBase, Model, Opaque};
use relplay_py::ast::{ExprKind, Module, StmtKind};
use std::collections::HashMap;

const BASE_CLASSES: &[&str] = &["DeclarativeBase", "DeclarativeBaseNoMeta"];

pub fn read_module(module: &Module, source: &str) -> Model {
    let mut m = Model::default();
    // local name -> module it was imported from (`declarative_base` -> `sqlalchemy.orm`).
    let mut imported_from: HashMap<String, String> = HashMap::new();
    for s in &module.body {
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(md),
                names,
                ..
            } => {
                for a in names {
                    let local = a.asname.as_ref().unwrap_or(&a.name);
                    imported_from.insert(local.to_string(), md.to_string());
                }
            }
            StmtKind::Assign { targets, value } => {
                let Some(var) = targets.first().and_then(|t| match &t.kind {
                    ExprKind::Name { id, .. } => Some(id.to_string()),
                    _ => None,
                }) else {
                    continue;
                };
                match callee(value) {
                    Some("declarative_base") => {
                        let module = call_parts(value).and_then(|(f, _, _)| match &f.kind {
                            ExprKind::Name { id, .. } => imported_from.get(&**id).cloned(),
                            ExprKind::Attribute { value, .. } => dotted(value),
                            _ => None,
                        });
                        let bind = call_parts(value)
                            .and_then(|(_, _, k)| kw(k, "bind"))
                            .map(|e| arg(e, source));
                        m.bases.push(DeclarativeBase {
                            name: var,
                            kind: BaseKind::DeclarativeBaseFunction { module },
                            span: s.span.into(),
                            bind,
                        });
                    }
                    Some("generate_base") => {
                        m.bases.push(DeclarativeBase {
                            name: var,
                            kind: BaseKind::RegistryGenerateBase,
                            span: s.span.into(),
                            bind: None,
                        });
                    }
                    _ if table::is_table_call(value) => {
                        match table::read(Some(&var), value, s.span, source) {
                            Some(t) => m.tables.push(t),
                            None => m.opaque.push(Opaque {
                                what: "Table".into(),
                                text: super::expr::text(s.span, source),
                                span: s.span.into(),
                            }),
                        }
                    }
                    _ => {}
                }
            }
            StmtKind::Expr(e) if table::is_table_call(e) => {
                if let Some(t) = table::read(None, e, s.span, source) {
                    m.tables.push(t);
                }
            }
            StmtKind::ClassDef(cd) => {
                let base_names: Vec<String> = cd.bases.iter().filter_map(dotted).collect();
                let last = |b: &String| b.rsplit('.').next().unwrap_or(b).to_string();
                let decorated = |names: &[&str]| {
                    cd.decorators.iter().any(|d| {
                        let f = call_parts(d).map(|(f, _, _)| f).unwrap_or(d);
                        last_name(f).is_some_and(|n| names.contains(&n))
                    })
                };
                if base_names
                    .iter()
                    .any(|b| BASE_CLASSES.contains(&last(b).as_str()))
                {
                    m.bases.push(DeclarativeBase {
                        name: cd.name.to_string(),
                        kind: BaseKind::DeclarativeBaseClass,
                        span: s.span.into(),
                        bind: None,
                    });
                    continue;
                }
                if decorated(&["as_declarative"]) {
                    m.bases.push(DeclarativeBase {
                        name: cd.name.to_string(),
                        kind: BaseKind::AsDeclarative,
                        span: s.span.into(),
                        bind: None,
                    });
                    continue;
                }
                let known = base_names.iter().any(|b| {
                    m.bases.iter().any(|d| &d.name == b) || m.classes.iter().any(|c| &c.name == b)
                });
                let has_tablename = cd.body.iter().any(|st| match &st.kind {
                    StmtKind::Assign { targets, .. } => targets.iter().any(|t| matches!(&t.kind, ExprKind::Name { id, .. } if &**id == "__tablename__")),
                    _ => false,
                });
                if known || has_tablename || decorated(&["mapped", "mapped_as_dataclass"]) {
                    m.classes.push(class::read(cd, s, source));
                }
            }
            _ => {}
        }
    }
    m
}
