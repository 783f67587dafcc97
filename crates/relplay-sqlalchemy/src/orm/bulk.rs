//! ORM-enabled bulk `update(Entity)` / `delete(Entity)` (and the legacy
//! `Query.update/delete`): the statement runs as Core DML, then the
//! identity map is synchronized as `synchronize_session` says — "auto"
//! (evaluate the criteria in Python when possible, else fetch),
//! "evaluate", "fetch" (RETURNING the primary keys) or False.

use std::rc::Rc;

use relplay_orm::engine::ExecKind;
use relplay_orm::sql::{compile, BinOp, Expr, Source, Statement};
use relplay_orm::PyValue;
use relplay_py::ast::CmpOp;
use relplay_py::{Interpreter, PyResult, Value};

use super::mapper::Mapper;
use super::session::{ident_key, SessionInner};
use super::state::{dict_get, dict_set, with_state};
use crate::sql::dml::{Built, DmlKind, DmlObj};
use crate::util::{from_py, orm_err};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sync {
    Auto,
    Evaluate,
    Fetch,
    Off,
}

fn sync_mode(interp: &mut Interpreter, v: Option<Value>) -> PyResult<Sync> {
    Ok(match v {
        None => Sync::Auto,
        Some(Value::Bool(false)) => Sync::Off,
        Some(Value::Str(s)) if &*s == "auto" => Sync::Auto,
        Some(Value::Str(s)) if &*s == "evaluate" => Sync::Evaluate,
        Some(Value::Str(s)) if &*s == "fetch" => Sync::Fetch,
        Some(other) => {
            let shown = interp.repr(&other)?;
            return Err(crate::exc::raise(
                "ArgumentError",
                &format!("Valid strategies for session synchronization are 'auto', 'evaluate', 'fetch', False (got {shown})"),
            ));
        }
    })
}

/// Whether Python can evaluate `e` against instances of `m`.
fn evaluable(e: &Expr, m: &Mapper) -> bool {
    match e {
        Expr::Column(c) => {
            matches!(&c.source, Source::Table(t) if **t == *m.table)
                && m.col_by_column(&c.name).is_some()
        }
        Expr::Bind { .. } | Expr::Null | Expr::Bool(_) | Expr::Expanding { .. } => true,
        Expr::Binary { left, op, right } => {
            matches!(
                op,
                BinOp::Eq
                    | BinOp::Ne
                    | BinOp::Lt
                    | BinOp::Le
                    | BinOp::Gt
                    | BinOp::Ge
                    | BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::In
                    | BinOp::NotIn
                    | BinOp::Is
                    | BinOp::IsNot
            ) && evaluable(left, m)
                && evaluable(right, m)
        }
        Expr::And(v) | Expr::Or(v) => v.iter().all(|x| evaluable(x, m)),
        Expr::Not(x) | Expr::Label { expr: x, .. } => evaluable(x, m),
        _ => false,
    }
}

/// `None`: an attribute it needs is not loaded (SQLAlchemy's _EXPIRED_OBJECT).
fn eval(interp: &mut Interpreter, e: &Expr, obj: &Value, m: &Mapper) -> PyResult<Option<Value>> {
    Ok(Some(match e {
        Expr::Column(c) => {
            let Some(cp) = m.col_by_column(&c.name) else {
                return Ok(None);
            };
            match dict_get(obj, &cp.key) {
                Some(v) => v,
                None => return Ok(None),
            }
        }
        Expr::Bind { value, .. } => from_py(value),
        Expr::Null => Value::None,
        Expr::Bool(b) => Value::Bool(*b),
        Expr::Expanding { values, .. } => Value::list(values.iter().map(from_py).collect()),
        Expr::Label { expr, .. } => return eval(interp, expr, obj, m),
        Expr::Not(x) => match eval(interp, x, obj, m)? {
            None => return Ok(None),
            Some(Value::None) => Value::None,
            Some(v) => Value::Bool(!interp.truthy(&v)?),
        },
        Expr::And(items) | Expr::Or(items) => {
            let is_and = matches!(e, Expr::And(_));
            let mut saw_null = false;
            for it in items {
                match eval(interp, it, obj, m)? {
                    None => return Ok(None),
                    Some(Value::None) => saw_null = true,
                    Some(v) => {
                        if interp.truthy(&v)? != is_and {
                            return Ok(Some(Value::Bool(!is_and)));
                        }
                    }
                }
            }
            if saw_null {
                Value::None
            } else {
                Value::Bool(is_and)
            }
        }
        Expr::Binary { left, op, right } => {
            let (Some(l), Some(r)) = (eval(interp, left, obj, m)?, eval(interp, right, obj, m)?)
            else {
                return Ok(None);
            };
            match op {
                BinOp::Is => Value::Bool(l.is_none() == r.is_none() && (l.is_none() || l.is(&r))),
                BinOp::IsNot => Value::Bool(!(l.is_none() && r.is_none())),
                _ if l.is_none() || r.is_none() => Value::None,
                BinOp::In | BinOp::NotIn => {
                    let inside = interp.contains(&r, &l)?;
                    Value::Bool(inside == (*op == BinOp::In))
                }
                BinOp::Add => interp.binary_op(&l, &r, relplay_py::ast::BinOp::Add)?,
                BinOp::Sub => interp.binary_op(&l, &r, relplay_py::ast::BinOp::Sub)?,
                BinOp::Mul => interp.binary_op(&l, &r, relplay_py::ast::BinOp::Mult)?,
                other => {
                    let c = match other {
                        BinOp::Eq => CmpOp::Eq,
                        BinOp::Ne => CmpOp::NotEq,
                        BinOp::Lt => CmpOp::Lt,
                        BinOp::Le => CmpOp::LtE,
                        BinOp::Gt => CmpOp::Gt,
                        _ => CmpOp::GtE,
                    };
                    interp.richcompare(&l, &r, c)?
                }
            }
        }
        _ => return Ok(None),
    }))
}

/// Identity-map instances of `m` the criteria select: (object, fully known).
fn matched(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Mapper,
    where_: &[Expr],
) -> PyResult<Vec<(Value, bool)>> {
    let objs: Vec<Value> = s
        .identity
        .borrow()
        .iter()
        .filter(|(mid, _, _)| *mid == m.id)
        .map(|(_, _, o)| o.clone())
        .collect();
    let crit = relplay_orm::sql::and_(where_.to_vec());
    let mut out = Vec::new();
    for o in objs {
        if with_state(interp, &o, |st| st.s.borrow().expired)? {
            continue;
        }
        match eval(interp, &crit, &o, m)? {
            None => out.push((o, false)),
            Some(Value::Bool(true)) => out.push((o, true)),
            Some(_) => {}
        }
    }
    Ok(out)
}

pub fn execute(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    d: &DmlObj,
    m: &Rc<Mapper>,
    params: Option<Value>,
    sync: Option<Value>,
) -> PyResult<Value> {
    let mut mode = sync_mode(interp, sync)?;
    let built = d.statement(&[])?;
    if params.as_ref().is_some_and(|p| !p.is_none()) {
        return Err(crate::util::not_supported(
            interp,
            "parameters with an ORM bulk update()/delete()",
        ));
    }
    let set_exprs: Vec<(String, Option<Expr>, PyValue)> = match &built {
        Built::Update(u) => {
            let mut plain = u.rows.first().cloned().unwrap_or_default().into_iter();
            u.set
                .iter()
                .enumerate()
                .map(|(i, (c, _))| match u.set_exprs.get(i).cloned().flatten() {
                    Some(e) => (c.clone(), Some(e), PyValue::None),
                    None => (c.clone(), None, plain.next().unwrap_or(PyValue::None)),
                })
                .collect()
        }
        _ => Vec::new(),
    };
    let where_ = d.where_.clone();
    if matches!(mode, Sync::Auto | Sync::Evaluate) {
        let ok = where_.iter().all(|w| evaluable(w, m))
            && set_exprs
                .iter()
                .all(|(_, e, _)| e.as_ref().map_or(true, |e| evaluable(e, m)));
        if !ok {
            if mode == Sync::Evaluate {
                return Err(crate::util::not_supported(
                    interp,
                    "synchronize_session='evaluate' with these criteria",
                ));
            }
            mode = Sync::Fetch;
        }
    }
    let pre = if matches!(mode, Sync::Auto | Sync::Evaluate) {
        matched(interp, s, m, &where_)?
    } else {
        Vec::new()
    };
    let pk_cols: Vec<String> = m.pk.iter().map(|&i| m.cols[i].column.clone()).collect();
    let c = match &built {
        Built::Update(u) => {
            let mut u = u.clone();
            if mode == Sync::Fetch {
                if !d.returning.is_empty() {
                    return Err(crate::util::not_supported(
                        interp,
                        "returning() with synchronize_session='fetch'",
                    ));
                }
                u.returning = pk_cols.clone();
            }
            compile(Statement::Update(&u))
        }
        Built::Delete(x) => {
            if mode == Sync::Fetch {
                return Err(crate::util::not_supported(
                    interp,
                    "synchronize_session='fetch' for a bulk delete",
                ));
            }
            compile(Statement::Delete(x))
        }
        Built::Insert(_) => {
            return Err(crate::util::not_supported(interp, "an ORM bulk insert()"));
        }
    }
    .map_err(orm_err)?;
    let r = s.exec(interp, &c, ExecKind::Single)?;
    let count: u64 = r.iter().map(|q| q.rows_affected).sum();
    let returned = r.into_iter().next().map(|q| q.rows).unwrap_or_default();
    let returned_rows = if d.returning.is_empty() {
        Vec::new()
    } else {
        returned.clone()
    };
    let objs: Vec<(Value, bool)> = match mode {
        Sync::Off => Vec::new(),
        Sync::Fetch => {
            let mut out = Vec::new();
            for row in returned {
                let mut key = Vec::new();
                for (j, &i) in m.pk.iter().enumerate() {
                    let v = row.get(j).cloned().unwrap_or(relplay_store::Value::Null);
                    key.push(
                        relplay_orm::types::result_process(&m.cols[i].ty, &v).map_err(orm_err)?,
                    );
                }
                if let Some(o) = s.lookup(m.id, &ident_key(&key)) {
                    out.push((o, true));
                }
            }
            out
        }
        _ => pre,
    };
    match d.kind {
        DmlKind::Update => apply_update(interp, m, &objs, &set_exprs)?,
        _ => {
            for (o, known) in objs {
                if known {
                    remove_deleted(interp, s, &o)?;
                } else {
                    super::session::expire_obj(interp, &o)?;
                }
            }
        }
    }
    let rows = if d.returning.is_empty() {
        Vec::new()
    } else {
        let shape = relplay_orm::sql::Select::new(d.returning.clone());
        crate::sql::execute::column_rows(&shape, returned_rows)?
    };
    let res = crate::engine::result::new_result(rows, false);
    if let Some(ro) = crate::util::cast::<crate::engine::result::ResultObj>(&res) {
        ro.rowcount.set(count as i64);
    }
    Ok(res)
}

/// New values onto matched instances, committed (no history); what cannot
/// be evaluated, or had pending changes, is expired instead.
fn apply_update(
    interp: &mut Interpreter,
    m: &Mapper,
    objs: &[(Value, bool)],
    sets: &[(String, Option<Expr>, PyValue)],
) -> PyResult<()> {
    for (o, _) in objs {
        let mut new_vals = Vec::new();
        let mut expire = Vec::new();
        for (col, e, v) in sets {
            let Some(cp) = m.col_by_column(col) else {
                continue;
            };
            let key = cp.key.clone();
            let unmodified = super::history::column_history(interp, o, &key)?
                .0
                .is_empty();
            if dict_get(o, &key).is_none() {
                continue;
            }
            if !unmodified {
                expire.push(key);
                continue;
            }
            match e {
                None => new_vals.push((key, from_py(v))),
                Some(e) => match eval(interp, e, o, m)? {
                    Some(nv) => new_vals.push((key, nv)),
                    None => expire.push(key),
                },
            }
        }
        for (k, v) in &new_vals {
            dict_set(o, k, v.clone());
        }
        for k in &expire {
            super::state::dict_del(o, k);
        }
        with_state(interp, o, |st| {
            let mut b = st.s.borrow_mut();
            for (k, v) in new_vals {
                b.committed.insert(k, v);
            }
            for k in expire {
                b.committed.remove(&k);
            }
        })?;
    }
    Ok(())
}

/// A bulk-deleted instance leaves the identity map, deleted until commit.
fn remove_deleted(interp: &mut Interpreter, s: &Rc<SessionInner>, o: &Value) -> PyResult<()> {
    s.identity.borrow_mut().retain(|(_, _, x)| !x.is(o));
    with_state(interp, o, |st| st.s.borrow_mut().deleted = true)?;
    s.gone.borrow_mut().push(o.clone());
    Ok(())
}
