//! Loading: the N+1 pattern (a lazy relationship read inside a loop over a
//! query's results, approximated statically) and `lazy=False`, which
//! means "joined", not "dynamic".

use super::query::chain;
use super::{walk, Ctx, Lint, Severity};
use crate::model::{expr::dotted, Model, Relationship, Value};
use crate::span::Span;
use relplay_py::ast::{Expr, ExprKind, Stmt, StmtKind};

pub(crate) fn check(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    lazy_false(cx, out);
    loops(cx, out);
}

fn lazy_false(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    for c in &cx.model.classes {
        for r in &c.relationships {
            let Some(lazy) = r.lazy.as_ref().filter(|l| l.value == Value::Bool(false)) else {
                continue;
            };
            out.push(
                Lint::new(
                    "lazy-false-is-joined",
                    Severity::Info,
                    lazy.span,
                    format!("lazy=False on `{}.{}` means lazy=\"joined\" (eager, one LEFT OUTER JOIN), not \"dynamic\".", c.name, r.attr),
                )
                .why(
                    "The booleans are old aliases: lazy=True is lazy=\"select\" (load on first access) and lazy=False is \
                     lazy=\"joined\" (load together with the parent, in the same SELECT). Neither gives a query object you \
                     can .filter(): that is lazy=\"dynamic\" (legacy) or, in 2.0, a WriteOnlyMapped attribute. Writing the \
                     string says what you mean.",
                )
                .fix("Write the strategy by name: lazy=\"joined\" (what False does), or lazy=\"dynamic\" if you wanted a query.")
                .edit(lazy.span, "\"joined\"")
                .example("lazy_dynamic"),
            );
        }
    }
}

/// Name → the expressions assigned to it, with the assignment's offset.
type Env<'a> = Vec<(&'a str, u32, &'a Expr)>;

fn assignments<'a>(body: &'a [Stmt]) -> Env<'a> {
    let mut env = Vec::new();
    walk::stmts(body, &mut |s| {
        if let StmtKind::Assign { targets, value } = &s.kind {
            for t in targets {
                if let ExprKind::Name { id, .. } = &t.kind {
                    env.push((&**id, s.span.start, value));
                }
            }
        }
    });
    env
}

/// A query-like iterable: its entity class, the attributes eager-loaded by
/// options, and the root call where `.options()` goes.
struct Source<'a> {
    entity: String,
    loaded: Vec<String>,
    root: &'a Expr,
}

fn resolve<'a>(e: &'a Expr, env: &Env<'a>, model: &Model, depth: u32) -> Option<Source<'a>> {
    if depth > 8 {
        return None;
    }
    if let ExprKind::Name { id, .. } = &e.kind {
        let (_, _, v) = env
            .iter()
            .filter(|(n, at, _)| *n == &**id && *at < e.span.start)
            .max_by_key(|(_, at, _)| *at)?;
        return resolve(v, env, model, depth + 1);
    }
    // `session.scalars(stmt)` where `stmt` is a name for a select().
    if let ExprKind::Call { func, args, .. } = &e.kind {
        if let ExprKind::Attribute { value, attr, .. } = &func.kind {
            if matches!(&**attr, "all" | "unique" | "fetchall") {
                return resolve(value, env, model, depth + 1);
            }
            if &**attr == "scalars" && dotted(value).is_some() {
                let stmt = args.first()?;
                let inner = match &stmt.kind {
                    ExprKind::Name { id, .. } => env
                        .iter()
                        .filter(|(n, at, _)| *n == &**id && *at < stmt.span.start)
                        .max_by_key(|(_, at, _)| *at)
                        .map(|(_, _, v)| *v)?,
                    _ => stmt,
                };
                let c = chain(inner)?;
                let entity = c.entity().filter(|n| model.class(n).is_some())?;
                return Some(Source {
                    entity,
                    loaded: c.loaded_attrs(),
                    root: c.root_call(),
                });
            }
        }
    }
    let c = chain(e)?;
    if !c.yields_entities() {
        return None;
    }
    let entity = c.entity().filter(|n| model.class(n).is_some())?;
    Some(Source {
        entity,
        loaded: c.loaded_attrs(),
        root: c.root_call(),
    })
}

fn relationship_of<'m>(m: &'m Model, class: &str, attr: &str) -> Option<&'m Relationship> {
    let mut cur = m.class(class);
    for _ in 0..32 {
        let c = cur?;
        if let Some(r) = c.relationship(attr) {
            return Some(r);
        }
        cur = c.bases.iter().find_map(|b| m.class(b));
    }
    None
}

fn loops(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    let env = assignments(&cx.module.body);
    let mut seen: Vec<(u32, String)> = Vec::new();
    // `for x in <query>:` statements.
    walk::stmts(&cx.module.body, &mut |s| {
        let StmtKind::For {
            target, iter, body, ..
        } = &s.kind
        else {
            return;
        };
        let ExprKind::Name { id, .. } = &target.kind else {
            return;
        };
        let Some(src) = resolve(iter, &env, cx.model, 0) else {
            return;
        };
        let mut exprs: Vec<&Expr> = Vec::new();
        walk::stmts(body, &mut |b| exprs.extend(walk::stmt_exprs(b)));
        for e in exprs {
            report_accesses(cx, e, id, &src, s.span.start, &mut seen, out);
        }
    });
    // `[... for x in <query>]` comprehensions.
    let mut all: Vec<&Expr> = Vec::new();
    walk::stmts(&cx.module.body, &mut |s| all.extend(walk::stmt_exprs(s)));
    for e in all {
        walk::expr(e, &mut |x| {
            let (elt, generators): (Vec<&Expr>, _) = match &x.kind {
                ExprKind::ListComp { elt, generators }
                | ExprKind::SetComp { elt, generators }
                | ExprKind::GeneratorExp { elt, generators } => (vec![&**elt], generators),
                ExprKind::DictComp {
                    key,
                    value,
                    generators,
                } => (vec![&**key, &**value], generators),
                _ => return true,
            };
            for g in generators.iter() {
                let ExprKind::Name { id, .. } = &g.target.kind else {
                    continue;
                };
                let Some(src) = resolve(&g.iter, &env, cx.model, 0) else {
                    continue;
                };
                for e in elt.iter().copied().chain(g.ifs.iter()) {
                    report_accesses(cx, e, id, &src, x.span.start, &mut seen, out);
                }
            }
            true
        });
    }
}

fn report_accesses(
    cx: &Ctx<'_>,
    e: &Expr,
    var: &str,
    src: &Source<'_>,
    loop_at: u32,
    seen: &mut Vec<(u32, String)>,
    out: &mut Vec<Lint>,
) {
    walk::expr(e, &mut |x| {
        let ExprKind::Attribute { value, attr, .. } = &x.kind else {
            return true;
        };
        if !matches!(&value.kind, ExprKind::Name { id, .. } if &**id == var) {
            return true;
        }
        let Some(r) = relationship_of(cx.model, &src.entity, attr) else {
            return true;
        };
        if r.lazy_strategy() != Some("select")
            || src.loaded.iter().any(|l| l == &**attr || l == "*")
        {
            return true;
        }
        if seen.iter().any(|(at, a)| *at == loop_at && a == &**attr) {
            return true;
        }
        seen.push((loop_at, attr.to_string()));
        out.push(lint(cx, x, r, src));
        true
    });
}

fn lint(cx: &Ctx<'_>, access: &Expr, r: &Relationship, src: &Source<'_>) -> Lint {
    let m = cx.model;
    let entity = &src.entity;
    let scalar = !r.declared_collection()
        && (r.uselist.as_ref().and_then(|u| u.as_bool()) == Some(false) || many_to_one(m, r));
    let loader = if scalar { "joinedload" } else { "selectinload" };
    let option = format!(".options({loader}({entity}.{}))", r.attr);
    let root_end = Span::at(cx.source, src.root.span.end as usize);
    let root_text = Span::from(src.root.span).text(cx.source);
    let text = Span::from(access.span).text(cx.source);
    Lint::new(
        "lazy-load-in-loop",
        Severity::Info,
        access.span.into(),
        format!("`{text}` is loaded lazily inside a loop: one more SELECT for every {entity} (the \"N+1\" pattern)."),
    )
    .why(format!(
        "`{entity}.{}` uses the default lazy=\"select\": the related rows are fetched the first time you touch the attribute, \
         separately for each object. Looping over N {entity}s therefore runs 1 query for the list plus up to N more, one per \
         row — turn echo=True on to watch them. An eager loader option fetches them all up front: selectinload() with one \
         extra SELECT ... IN for all rows (best for collections), joinedload() in the same query with a JOIN (best for \
         many-to-one).",
        r.attr
    ))
    .fix(format!("Eager-load it in the query: `{root_text}{option}` (and `from sqlalchemy.orm import {loader}`)."))
    .code(format!("from sqlalchemy.orm import {loader}\n\n{root_text}{option}"))
    .edit(root_end, option)
    .related(src.root.span.into())
    .example("lazy_strategies")
}

fn many_to_one(m: &Model, r: &Relationship) -> bool {
    m.direction(r) == Some(crate::model::Direction::ManyToOne)
}
