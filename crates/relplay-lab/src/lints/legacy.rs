//! SQLAlchemy 1.x leftovers, each with its 2.x replacement:
//! `sqlalchemy.ext.declarative`, `declarative_base(bind=)`,
//! `session.query()` in a 2.0-style script, and `Query.get()`.

use super::query::{chain, Chain, Root};
use super::{walk, Ctx, Lint, Severity};
use crate::model::{BaseKind, Style};
use crate::span::Span;
use relplay_py::ast::{ExprKind, StmtKind};

const EXAMPLE: &str = "mistake_legacy_1x";

pub(crate) fn check(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    imports(cx, out);
    for b in &cx.model.bases {
        if let Some(bind) = &b.bind {
            out.push(
                Lint::new("legacy-1x", Severity::Error, bind.span, format!("declarative_base(bind={}) is SQLAlchemy 1.x; 2.x raises TypeError.", bind.text))
                    .why(
                        "In SQLAlchemy 1.x a MetaData could be \"bound\" to an engine so that create_all() and queries found it \
                         implicitly. 2.0 removed bound metadata: declarative_base() no longer accepts bind= and raises \
                         TypeError: declarative_base() got an unexpected keyword argument 'bind'. Pass the engine where it is \
                         used instead.",
                    )
                    .fix(format!("Drop bind= and pass the engine explicitly: Base.metadata.create_all({0}) and Session({0}).", bind.text))
                    .code(format!("Base = declarative_base()\n...\nBase.metadata.create_all({0})\nsession = Session({0})", bind.text))
                    .example(EXAMPLE),
            );
        }
    }
    queries(cx, out);
}

fn imports(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    for s in &cx.module.body {
        let StmtKind::ImportFrom {
            module: Some(m),
            names,
            ..
        } = &s.kind
        else {
            continue;
        };
        if &**m != "sqlalchemy.ext.declarative" {
            continue;
        }
        let Some(a) = names.iter().find(|a| &*a.name == "declarative_base") else {
            continue;
        };
        let span: Span = s.span.into();
        let only = names.len() == 1;
        let new = format!(
            "from sqlalchemy.orm import {}",
            a.asname
                .as_ref()
                .map_or("declarative_base".to_string(), |n| format!(
                    "declarative_base as {n}"
                ))
        );
        let mut l = Lint::new("legacy-1x", Severity::Warning, span, "`sqlalchemy.ext.declarative.declarative_base` is the 1.x location; 2.x warns (MovedIn20Warning).".to_string())
            .why(
                "Since SQLAlchemy 2.0 declarative_base() lives in sqlalchemy.orm; the old import still works but prints \
                 MovedIn20Warning. The 2.0 style goes further: a class Base(DeclarativeBase) with Mapped[...] annotations, \
                 which editors and type checkers understand.",
            )
            .fix(format!("Import it from sqlalchemy.orm: `{new}`, or switch to `class Base(DeclarativeBase): pass`."))
            .code(format!("{new}\n\n# or, 2.0 style:\nfrom sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass"))
            .example(EXAMPLE);
        if only {
            l = l.edit(span, new);
        }
        out.push(l);
    }
}

/// A script written in 2.0 style: there `session.query()` is worth pointing out.
fn two_point_oh(cx: &Ctx<'_>) -> bool {
    cx.model
        .bases
        .iter()
        .any(|b| b.kind == BaseKind::DeclarativeBaseClass)
        || cx
            .model
            .classes
            .iter()
            .any(|c| matches!(c.style, Style::Annotated | Style::Mixed))
}

fn queries(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    let modern = two_point_oh(cx);
    let mut found: Vec<Lint> = Vec::new();
    walk::stmts(&cx.module.body, &mut |s| {
        for e in walk::stmt_exprs(s) {
            walk::expr(e, &mut |x| {
                let Some(c) = chain(x) else { return true };
                let Root::Query { session, args, .. } = &c.root else {
                    return true;
                };
                if !args.iter().any(|a| {
                    cx.model
                        .class(&crate::model::expr::dotted(a).unwrap_or_default())
                        .is_some()
                        || is_mapped_attr(cx, a)
                }) {
                    return true;
                }
                let session = session.span.text_in(cx.source);
                if let Some((_, get)) = c.methods.iter().find(|(m, _)| *m == "get") {
                    let entity = c.entity().unwrap_or_else(|| "Model".into());
                    let key = match &get.kind {
                        ExprKind::Call { args, .. } => args
                            .iter()
                            .map(|a| a.span.text_in(cx.source))
                            .collect::<Vec<_>>()
                            .join(", "),
                        _ => String::new(),
                    };
                    let fixed = format!("{session}.get({entity}, {key})");
                    let l = Lint::new("legacy-1x", Severity::Warning, x.span.into(), format!("Query.get() is legacy; use `{fixed}`."))
                        .why(
                            "Query.get() is the 1.x spelling and SQLAlchemy 2.x emits LegacyAPIWarning for it. The same lookup \
                             by primary key is Session.get(Class, key): it returns the object from the identity map without a \
                             query when it is already loaded, and None when no row has that key.",
                        )
                        .fix(format!("Write `{fixed}`."))
                        .code(fixed.clone())
                        .edit(x.span.into(), fixed)
                        .example(EXAMPLE);
                    found.push(l);
                    return false;
                }
                if modern {
                    let text = x.span.text_in(cx.source);
                    let mut l = Lint::new("legacy-1x", Severity::Info, x.span.into(), "session.query() is the 1.x query API; this script is otherwise 2.0 style.".to_string())
                        .why(
                            "session.query() still works in 2.x (it is \"legacy\", not removed), but the 2.0 way is to build a \
                             select() and run it with session.scalars() or session.execute(): the same statement works with \
                             the ORM and with Core, and the results are typed.",
                        )
                        .fix("Build a select() and run it with session.scalars(...).")
                        .example(EXAMPLE);
                    if let Some(t) = translate(cx.source, &c, session) {
                        let imports = if t.contains("func.count()") {
                            "func, select"
                        } else {
                            "select"
                        };
                        l = l
                            .fix(format!(
                                "`{text}` becomes `{t}` (with `from sqlalchemy import {imports}`)."
                            ))
                            .code(t);
                    }
                    found.push(l);
                }
                false
            });
        }
    });
    out.extend(found);
}

fn is_mapped_attr(cx: &Ctx<'_>, e: &relplay_py::ast::Expr) -> bool {
    match &e.kind {
        ExprKind::Attribute { value, .. } => {
            crate::model::expr::dotted(value).is_some_and(|n| cx.model.class(&n).is_some())
        }
        _ => false,
    }
}

trait TextIn {
    fn text_in(self, source: &str) -> String;
}
impl TextIn for relplay_py::ast::Span {
    fn text_in(self, source: &str) -> String {
        Span::from(self).text(source).to_string()
    }
}

/// `session.query(X).filter(c).first()` → `session.scalars(select(X).where(c)).first()`.
fn translate(source: &str, c: &Chain<'_>, session: String) -> Option<String> {
    let Root::Query { args, .. } = &c.root else {
        return None;
    };
    let ents: Vec<String> = args.iter().map(|a| a.span.text_in(source)).collect();
    let mut stmt = format!("select({})", ents.join(", "));
    let mut terminal: Option<&str> = None;
    for (i, (m, call)) in c.methods.iter().enumerate() {
        let ExprKind::Call { args, keywords, .. } = &call.kind else {
            return None;
        };
        let mut parts: Vec<String> = args.iter().map(|a| a.span.text_in(source)).collect();
        parts.extend(keywords.iter().map(|k| k.span.text_in(source)));
        let inner = parts.join(", ");
        let last = i + 1 == c.methods.len();
        match *m {
            "filter" | "where" => stmt.push_str(&format!(".where({inner})")),
            "filter_by" | "order_by" | "join" | "outerjoin" | "limit" | "offset" | "options"
            | "group_by" | "having" | "distinct" | "select_from" => {
                stmt.push_str(&format!(".{m}({inner})"))
            }
            "all" | "first" | "one" | "one_or_none" | "count" | "scalar"
                if last && inner.is_empty() =>
            {
                terminal = Some(m)
            }
            _ => return None,
        }
    }
    let single = ents.len() == 1;
    Some(match terminal {
        Some("count") => {
            let from = stmt.replacen(
                &format!("select({})", ents.join(", ")),
                &format!("select(func.count()).select_from({})", ents.join(", ")),
                1,
            );
            format!("{session}.scalar({from})")
        }
        Some("scalar") => format!("{session}.scalar({stmt})"),
        Some(t) if single => format!("{session}.scalars({stmt}).{t}()"),
        Some(t) => format!("{session}.execute({stmt}).{t}()"),
        None if single => format!("{session}.scalars({stmt})"),
        None => format!("{session}.execute({stmt})"),
    })
}
