//! Late-evaluated relationship arguments: strings such as
//! `"Child.position"` or `"and_(A.id == B.a_id)"` are evaluated against the
//! mapped classes and tables (as SQLAlchemy's class registry resolver does),
//! lambdas are called, and the results turn into relplay-orm column ids.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use relplay_orm::relationships::{ColId, EqPairs};
use relplay_orm::sql::{BinOp, Expr, Source};
use relplay_py::builtins::builtin;
use relplay_py::{Interpreter, PyResult, Value};

use super::mapper::{self, Mapper};
use super::relationships::RelProp;

fn is_ident(s: &str) -> bool {
    let mut c = s.chars();
    matches!(c.next(), Some(ch) if ch.is_ascii_alphabetic() || ch == '_')
        && c.all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
}

fn name_error_to_sa(parent: &Mapper, expr: &str, e: relplay_py::PyErr) -> relplay_py::PyErr {
    if !e.is_instance_of("NameError") {
        return e;
    }
    let msg = e
        .args()
        .first()
        .and_then(crate::util::str_of)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let name = msg.split('\'').nth(1).unwrap_or("").to_string();
    crate::exc::raise(
        "InvalidRequestError",
        &format!(
            "When initializing mapper Mapper[{}({})], expression '{expr}' failed to locate a name ('{name}'). If this is a class name, consider adding this relationship() to the <class '{}.{}'> class after both dependent classes have been defined.",
            parent.name(), parent.table, parent.class.module(), parent.name()
        ),
    )
}

/// Evaluates a string argument, calls a lambda; other values pass through.
pub fn resolve(interp: &mut Interpreter, parent: &Mapper, v: &Value) -> PyResult<Value> {
    match v {
        Value::Str(expr) => {
            let mut names: Vec<(String, Value)> = Vec::new();
            for m in mapper::all() {
                let n = m.name().to_string();
                if is_ident(&n) && !names.iter().any(|(x, _)| *x == n) {
                    names.push((n, Value::Class(m.class.clone())));
                }
            }
            let tables: Vec<(String, Value)> = {
                let md = parent.meta.md.borrow();
                md.tables
                    .iter()
                    .map(|t| t.name.clone())
                    .zip(parent.meta.tables.borrow().iter().cloned())
                    .collect()
            };
            for (n, t) in tables {
                if is_ident(&n) && !names.iter().any(|(x, _)| *x == n) {
                    names.push((n, t));
                }
            }
            let helpers: [(&str, Value); 6] = [
                ("desc", builtin("desc", crate::sql::elements::desc_fn)),
                ("asc", builtin("asc", crate::sql::elements::asc_fn)),
                ("and_", builtin("and_", crate::sql::elements::and_fn)),
                ("or_", builtin("or_", crate::sql::elements::or_fn)),
                (
                    "foreign",
                    builtin("foreign", |_, a, _| {
                        Ok(a.into_iter().next().unwrap_or(Value::None))
                    }),
                ),
                (
                    "remote",
                    builtin("remote", |_, a, _| {
                        Ok(a.into_iter().next().unwrap_or(Value::None))
                    }),
                ),
            ];
            for (n, h) in helpers {
                if !names.iter().any(|(x, _)| x == n) {
                    names.push((n.to_string(), h));
                }
            }
            let params: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
            let src = format!("__relplay_arg = lambda {}: ({})\n", params.join(", "), expr);
            let ns = relplay_py::modules::exec_source(interp, "sqlalchemy.orm.clsregistry", &src)
                .map_err(|_| {
                crate::exc::raise(
                    "ArgumentError",
                    &format!("could not evaluate relationship argument '{expr}'"),
                )
            })?;
            let f = ns.get_str("__relplay_arg").unwrap_or(Value::None);
            let args: Vec<Value> = names.into_iter().map(|(_, v)| v).collect();
            interp
                .call(&f, args, vec![])
                .map_err(|e| name_error_to_sa(parent, expr, e))
        }
        Value::Function(_) => interp.call(v, vec![], vec![]),
        other => Ok(other.clone()),
    }
}

fn col_id(e: &Expr) -> Option<ColId> {
    match e {
        Expr::Column(c) => match &c.source {
            Source::Table(t) => Some(ColId::new(t, &c.name)),
            Source::Alias(_) => None,
        },
        _ => None,
    }
}

/// Columns of `remote_side=` / `foreign_keys=` (one or a collection).
pub fn col_ids(interp: &mut Interpreter, v: &Value) -> PyResult<Vec<ColId>> {
    let items = match v {
        Value::List(_) | Value::Tuple(_) | Value::Set(_) => interp.collect_iter(v)?,
        other => vec![other.clone()],
    };
    let mut out = Vec::new();
    for it in items {
        match crate::sql::elements::as_expr(&it).as_ref().and_then(col_id) {
            Some(c) => out.push(c),
            None => {
                return Err(crate::exc::raise(
                    "ArgumentError",
                    &format!("Column expression expected, got {}", interp.repr(&it)?),
                ))
            }
        }
    }
    Ok(out)
}

fn pairs_of(e: &Expr, out: &mut EqPairs) -> bool {
    match e {
        Expr::And(items) => items.iter().all(|i| pairs_of(i, out)),
        Expr::Binary {
            left,
            op: BinOp::Eq,
            right,
        } => match (col_id(left), col_id(right)) {
            (Some(l), Some(r)) => {
                out.push((l, r));
                true
            }
            _ => false,
        },
        _ => false,
    }
}

/// A primaryjoin: its column equalities, and the other AND-ed criteria.
pub fn join_parts(
    interp: &mut Interpreter,
    v: &Value,
    what: &str,
) -> PyResult<(EqPairs, Vec<Expr>)> {
    let Some(e) = crate::sql::elements::as_expr(v) else {
        return Err(crate::util::not_supported(interp, &format!("this {what}")));
    };
    let items = match e {
        Expr::And(items) => items,
        other => vec![other],
    };
    let (mut pairs, mut extra) = (Vec::new(), Vec::new());
    for it in items {
        let mut one = Vec::new();
        if pairs_of(&it, &mut one) {
            pairs.extend(one);
        } else {
            extra.push(it);
        }
    }
    if pairs.is_empty() {
        return Err(crate::util::not_supported(
            interp,
            &format!("a {what} without column equalities"),
        ));
    }
    Ok((pairs, extra))
}

/// A join condition made of column equalities.
pub fn eq_pairs(interp: &mut Interpreter, v: &Value, what: &str) -> PyResult<EqPairs> {
    let mut out = Vec::new();
    match crate::sql::elements::as_expr(v) {
        Some(e) if pairs_of(&e, &mut out) => Ok(out),
        _ => Err(crate::util::not_supported(
            interp,
            &format!("a {what} other than column equalities"),
        )),
    }
}

thread_local! {
    /// (target column, source column, relationship) of every sync pair seen.
    static SYNC_TARGETS: RefCell<Vec<(ColId, ColId, Rc<RelProp>)>> = const { RefCell::new(Vec::new()) };
    /// Whether configure runs implicitly (its warnings say so).
    pub static AUTO_CONFIGURE: Cell<bool> = const { Cell::new(true) };
}

pub fn reset() {
    SYNC_TARGETS.with(|s| s.borrow_mut().clear());
}

fn rel_name(r: &RelProp) -> String {
    let parent = r
        .parent
        .borrow()
        .as_ref()
        .map(|m| m.name().to_string())
        .unwrap_or_default();
    format!("{parent}.{}", r.key)
}

fn is_reverse(a: &RelProp, b: &RelProp) -> bool {
    let targets = |x: &RelProp, y: &RelProp| {
        let xt = x.resolved().map(|r| r.target.clone());
        let yp = y.parent.borrow().clone();
        match (xt, yp) {
            (Some(t), Some(p)) => Rc::ptr_eq(&t, &p),
            _ => false,
        }
    };
    (a.reverse().as_deref() == Some(b.key.as_str()) && targets(a, b))
        || (b.reverse().as_deref() == Some(a.key.as_str()) && targets(b, a))
}

/// SQLAlchemy's warning for two relationships writing the same column.
pub fn check_overlaps(
    interp: &mut Interpreter,
    _parent: &Rc<Mapper>,
    r: &Rc<RelProp>,
) -> PyResult<()> {
    let Some(res) = r.resolved() else {
        return Ok(());
    };
    if r.viewonly {
        return Ok(());
    }
    let pairs: Vec<(ColId, ColId)> = res
        .analysis
        .sync_pairs
        .iter()
        .chain(res.analysis.secondary_sync_pairs.iter())
        .cloned()
        .collect();
    for (from, to) in pairs {
        let others: Vec<(Rc<RelProp>, ColId)> = SYNC_TARGETS.with(|s| {
            s.borrow()
                .iter()
                .filter(|(t, _, pr)| {
                    *t == to
                        && !Rc::ptr_eq(pr, r)
                        && !is_reverse(r, pr)
                        && !r.overlaps.contains(&pr.key)
                        && !pr.overlaps.contains(&r.key)
                        && (pr.key != r.key || rel_name(pr) != rel_name(r))
                })
                .map(|(_, f, pr)| (pr.clone(), f.clone()))
                .collect()
        });
        if !others.is_empty() {
            let mut descs: Vec<String> = others
                .iter()
                .map(|(pr, f)| {
                    format!(
                        "'{}' (copies {}.{} to {}.{})",
                        rel_name(pr),
                        f.table,
                        f.column,
                        to.table,
                        to.column
                    )
                })
                .collect();
            descs.sort();
            let mut keys: Vec<String> = others.iter().map(|(pr, _)| pr.key.clone()).collect();
            keys.sort();
            let mut msg = format!(
                "relationship '{}' will copy column {}.{} to column {}.{}, which conflicts with relationship(s): {}. If this is not the intention, consider if these relationships should be linked with back_populates, or if viewonly=True should be applied to one or more if they are read-only. For the less common case that foreign key constraints are partially overlapping, the orm.foreign() annotation can be used to isolate the columns that should be written towards.   To silence this warning, add the parameter 'overlaps=\"{}\"' to the '{}' relationship. (Background on this warning at: https://sqlalche.me/e/21/qzyx)",
                rel_name(r), from.table, from.column, to.table, to.column, descs.join(", "), keys.join(","), rel_name(r)
            );
            if AUTO_CONFIGURE.with(|a| a.get()) {
                msg.push_str(" (This warning originated from the `configure_mappers()` process, which was invoked automatically in response to a user-initiated operation.)");
            }
            crate::exc::warn(interp, "SAWarning", &msg)?;
        }
        SYNC_TARGETS.with(|s| s.borrow_mut().push((to.clone(), from.clone(), r.clone())));
    }
    Ok(())
}
