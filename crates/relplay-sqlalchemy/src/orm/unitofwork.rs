//! The flush: relplay-orm orders the work; this module gathers the rows,
//! copies foreign keys from parents (flush-time sync), and runs the
//! INSERT/UPDATE/DELETE statements as the ORM's persistence layer does.

use std::rc::Rc;

use relplay_orm::engine::ExecKind;
use relplay_orm::relationships::Direction;
use relplay_orm::sql::{compile, Delete, Insert, Statement, Update};
use relplay_orm::unitofwork::{
    group_consecutive, insert_params, insert_plan, plan_flush, Action, FlushDep, FlushGraph,
    InsertGroup, InsertStrategy,
};
use relplay_orm::PyValue;
use relplay_py::{Interpreter, PyResult, Value};

use super::collections::{items_of, CollObj};
use super::mapper::{self, Mapper};
use super::session::{ident_key, SessionInner};
use super::state::{dict_get, dict_set, with_state};
use crate::util::{cast, from_py, orm_err, to_py};

fn changed_cols(interp: &mut Interpreter, obj: &Value, m: &Mapper) -> PyResult<Vec<usize>> {
    let committed = with_state(interp, obj, |st| st.s.borrow().committed.clone())?;
    let mut out = Vec::new();
    for (i, c) in m.cols.iter().enumerate() {
        if let Some(v) = dict_get(obj, &c.key) {
            let same = match committed.get(&c.key) {
                Some(old) => old.is(&v) || interp.eq(old, &v)?,
                None => false,
            };
            if !same {
                out.push(i);
            }
        }
    }
    Ok(out)
}

pub fn dirty_objects(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<Vec<Value>> {
    let objs: Vec<Value> = modified_objects(s);
    let mut out = Vec::new();
    for o in objs {
        let m = super::state::mapper_of(interp, &o)?;
        if !changed_cols(interp, &o, &m)?.is_empty() {
            out.push(o);
        }
    }
    Ok(out)
}

/// Copies parent key values into the foreign key attributes of `m`'s rows.
fn sync_fks(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    rows: &[Value],
) -> PyResult<()> {
    let set_from = |interp: &mut Interpreter,
                    child: &Value,
                    parent: Option<&Value>,
                    pairs: &[(
        relplay_orm::relationships::ColId,
        relplay_orm::relationships::ColId,
    )],
                    pm: &Mapper|
     -> PyResult<()> {
        for (src, dest) in pairs {
            let Some(dc) = m.col_by_column(&dest.column) else {
                continue;
            };
            let v = match parent {
                Some(p) => match pm.col_by_column(&src.column) {
                    Some(sc) => attr_value(interp, p, &sc.key)?,
                    None => Value::None,
                },
                None => Value::None,
            };
            dict_set(child, &dc.key, v);
        }
        Ok(())
    };
    // many-to-one declared on m
    for r in m.rels.borrow().clone() {
        let Some(res) = r.resolved() else { continue };
        if r.viewonly || res.analysis.direction != Direction::ManyToOne {
            continue;
        }
        for obj in rows {
            if let Some(p) = dict_get(obj, &r.key) {
                let committed = with_state(interp, obj, |st| {
                    st.s.borrow().coll_committed.get(&r.key).cloned()
                })?;
                let changed = match committed.as_ref().and_then(|c| c.first()) {
                    Some(old) => !old.is(&p),
                    None => true,
                };
                if changed || !p.is_none() {
                    let pv = if p.is_none() { None } else { Some(&p) };
                    if pv.is_some() || changed {
                        set_from(interp, obj, pv, &res.analysis.sync_pairs, &res.target)?;
                    }
                }
            }
        }
    }
    // one-to-many from other mappers into m
    let owners: Vec<Value> = work_objects(s);
    let row_ids: std::collections::HashSet<u64> = rows.iter().map(|r| r.id()).collect();
    for pm in mapper::all() {
        for r in pm.rels.borrow().clone() {
            let Some(res) = r.resolved() else { continue };
            if r.viewonly
                || res.analysis.direction != Direction::OneToMany
                || !Rc::ptr_eq(&res.target, m)
            {
                continue;
            }
            for owner in &owners {
                if !Rc::ptr_eq(&super::state::mapper_of(interp, owner)?, &pm)
                    || s.deleted.borrow().iter().any(|d| d.is(owner))
                {
                    continue;
                }
                let Some(c) = dict_get(owner, &r.key) else {
                    continue;
                };
                let items = match cast::<CollObj>(&c) {
                    Some(coll) => coll.snapshot(),
                    None if c.is_none() => Vec::new(),
                    None => vec![c.clone()],
                };
                for it in &items {
                    if row_ids.contains(&it.id()) {
                        set_from(interp, it, Some(owner), &res.analysis.sync_pairs, &pm)?;
                    }
                }
                let old = with_state(interp, owner, |st| {
                    st.s.borrow().coll_committed.get(&r.key).cloned()
                })?
                .unwrap_or_default();
                for it in old {
                    if !items.iter().any(|x| x.is(&it)) && row_ids.contains(&it.id()) {
                        set_from(interp, &it, None, &res.analysis.sync_pairs, &pm)?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn pk_of(interp: &mut Interpreter, obj: &Value, m: &Mapper) -> PyResult<Vec<PyValue>> {
    let _ = interp;
    m.pk.iter()
        .map(|&i| to_py(&dict_get(obj, &m.cols[i].key).unwrap_or(Value::None)))
        .collect()
}

fn self_referential(m: &Rc<Mapper>) -> bool {
    m.rels.borrow().iter().any(|r| {
        r.resolved()
            .map(|x| Rc::ptr_eq(&x.target, m))
            .unwrap_or(false)
    })
}

/// The new row whose insert must precede row `i` (its parent), if any.
fn parent_row(m: &Rc<Mapper>, new: &[Value], i: usize) -> Option<usize> {
    let obj = &new[i];
    for r in m.rels.borrow().iter() {
        let Some(res) = r.resolved() else { continue };
        if !Rc::ptr_eq(&res.target, m) {
            continue;
        }
        match res.analysis.direction {
            Direction::ManyToOne => {
                if let Some(p) = dict_get(obj, &r.key) {
                    if let Some(j) = new.iter().position(|x| x.is(&p)) {
                        return Some(j);
                    }
                }
            }
            Direction::OneToMany => {
                for (j, other) in new.iter().enumerate() {
                    if let Some(c) = dict_get(other, &r.key) {
                        if items_of(&c).iter().any(|x| x.is(obj)) {
                            return Some(j);
                        }
                    }
                }
            }
            Direction::ManyToMany => {}
        }
    }
    None
}

fn save(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    new: &[Value],
    persistent: &[Value],
) -> PyResult<()> {
    if self_referential(m) && !new.is_empty() {
        // Rows of a self-referential mapper go in layers: each row after
        // its parent, each layer one batch.
        let idx: Vec<usize> = (0..new.len()).collect();
        let layers = relplay_orm::unitofwork::layer_rows(&idx, &|i| parent_row(m, new, i))
            .map_err(orm_err)?;
        for layer in layers {
            let rows: Vec<Value> = layer.iter().map(|&i| new[i].clone()).collect();
            sync_fks(interp, s, m, &rows)?;
            save_rows(interp, s, m, &rows, &[])?;
        }
        sync_fks(interp, s, m, persistent)?;
        return save_rows(interp, s, m, &[], persistent);
    }
    let all: Vec<Value> = new.iter().chain(persistent.iter()).cloned().collect();
    sync_fks(interp, s, m, &all)?;
    save_rows(interp, s, m, new, persistent)
}

fn save_rows(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    new: &[Value],
    persistent: &[Value],
) -> PyResult<()> {
    let ns = format!("flush:{}", m.name());
    // UPDATEs, by primary key
    let mut ups = Vec::new();
    for o in persistent {
        // the UPDATE needs the row's committed values: load expired ones
        let expired = with_state(interp, o, |st| st.s.borrow().expired)?;
        if expired && !changed_cols(interp, o, m)?.is_empty() {
            super::loading::load_expired_in_flush(interp, o)?;
        }
        let ch = changed_cols(interp, o, m)?;
        if !ch.is_empty() {
            let key = with_state(interp, o, |st| st.s.borrow().key.clone())?.unwrap_or_default();
            ups.push((key, ch, o.clone()));
        }
    }
    ups.sort_by(|a, b| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)));
    for group in group_consecutive(ups, |u| u.1.clone()) {
        let set: Vec<(String, relplay_orm::types::SqlType)> = group[0]
            .1
            .iter()
            .map(|&i| (m.cols[i].column.clone(), m.cols[i].ty.clone()))
            .collect();
        let mut up = Update::by_primary_key(&m.table, set, &m.pk_cols());
        for (key, ch, o) in &group {
            let mut row = Vec::new();
            for &i in ch {
                row.push(to_py(&dict_get(o, &m.cols[i].key).unwrap_or(Value::None))?);
            }
            row.extend(key.iter().cloned());
            up.rows.push(row);
        }
        let c = compile(Statement::Update(&up))
            .map_err(orm_err)?
            .in_namespace(&ns);
        s.exec(interp, &c, ExecKind::Many)?;
        for (_, _, o) in &group {
            snapshot(interp, o, m)?;
        }
    }
    // INSERTs, in session order, grouped by parameter keys
    if new.is_empty() {
        return Ok(());
    }
    let table = m.meta.md.borrow().table(&m.table).cloned();
    let Some(table) = table else { return Ok(()) };
    let mut prepared = Vec::new();
    for o in new {
        // callable defaults: computed now, but "defaulted" (not supplied)
        // for the statement's grouping and cache key, as Core fills them
        let mut computed: Vec<(String, PyValue)> = Vec::new();
        for c in &m.cols {
            if let Some(f) = &c.default_fn {
                if dict_get(o, &c.key).map(|v| v.is_none()).unwrap_or(true) {
                    let v = interp.call(f, vec![], vec![])?;
                    computed.push((c.column.clone(), to_py(&v)?));
                }
            }
        }
        let vals: Vec<(String, PyValue)> = m
            .cols
            .iter()
            .map(|c| {
                Ok((
                    c.column.clone(),
                    to_py(&dict_get(o, &c.key).unwrap_or(Value::None))?,
                ))
            })
            .collect::<PyResult<_>>()?;
        let ir = insert_params(&table, &|name: &str| {
            vals.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
        });
        let mut ir = ir;
        for (name, v) in computed {
            if let Some(i) = ir.columns.iter().position(|(n, _)| *n == name) {
                ir.values[i] = v;
                if !ir.defaulted.contains(&name) {
                    ir.defaulted.push(name);
                }
            }
        }
        prepared.push((
            ir.columns,
            ir.values,
            ir.has_all_pks,
            o.clone(),
            ir.defaulted,
        ));
    }
    let pk_cols: Vec<String> = table.primary_key();
    for group in group_consecutive(prepared, |p| {
        (
            p.0.iter().map(|c| c.0.clone()).collect::<Vec<_>>(),
            p.2,
            p.4.clone(),
        )
    }) {
        // server defaults not supplied come back through RETURNING
        let sd_cols: Vec<String> = table
            .columns
            .iter()
            .filter(|c| c.server_default.is_some() && !group[0].0.iter().any(|(n, _)| *n == c.name))
            .map(|c| c.name.clone())
            .collect();
        let plan = insert_plan(&InsertGroup {
            rows: group.len(),
            has_all_pks: group[0].2,
            has_all_defaults: sd_cols.is_empty(),
            has_sql_values: false,
            pk_cols: &pk_cols,
            server_default_cols: &sd_cols,
        });
        let mut returned: Vec<Vec<(String, PyValue)>> = Vec::new();
        let parse_returned = |row: &[relplay_store::Value]| -> PyResult<Vec<(String, PyValue)>> {
            let mut out = Vec::new();
            for (i, name) in plan.returning.iter().enumerate() {
                let ty = m
                    .col_by_column(name)
                    .map(|c| c.ty.clone())
                    .unwrap_or(relplay_orm::types::SqlType::Integer);
                let v = relplay_orm::types::result_process(
                    &ty,
                    row.get(i).unwrap_or(&relplay_store::Value::Null),
                )
                .map_err(orm_err)?;
                out.push((name.clone(), v));
            }
            Ok(out)
        };
        let cols = group[0].0.clone();
        let defaulted = group[0].4.clone();
        let mk = |rows: Vec<Vec<PyValue>>, returning: Vec<String>| Insert {
            table: m.table.to_string(),
            columns: cols.clone(),
            rows,
            returning,
            defaulted: defaulted.clone(),
        };
        let mut new_keys: Vec<Option<Vec<PyValue>>> = Vec::new();
        match plan.strategy {
            InsertStrategy::ExecuteMany => {
                let ins = mk(group.iter().map(|g| g.1.clone()).collect(), Vec::new());
                let c = compile(Statement::Insert(&ins))
                    .map_err(orm_err)?
                    .in_namespace(&ns);
                s.exec(interp, &c, ExecKind::Many)?;
                new_keys.extend(group.iter().map(|_| None));
                returned.extend(group.iter().map(|_| Vec::new()));
            }
            InsertStrategy::PerRow => {
                for g in &group {
                    let ins = mk(vec![g.1.clone()], plan.returning.clone());
                    let c = compile(Statement::Insert(&ins))
                        .map_err(orm_err)?
                        .in_namespace(&ns);
                    let r = s.exec(interp, &c, ExecKind::Single)?;
                    let rowid = r.first().map(|r| r.last_insert_rowid).unwrap_or(0);
                    if plan.returning.is_empty() {
                        returned.push(Vec::new());
                        new_keys.push(if g.2 {
                            None
                        } else {
                            Some(vec![PyValue::Int(rowid)])
                        });
                    } else {
                        let row = r
                            .into_iter()
                            .next()
                            .and_then(|q| q.rows.into_iter().next())
                            .unwrap_or_default();
                        let vals = parse_returned(&row)?;
                        let key: Vec<PyValue> = vals
                            .iter()
                            .filter(|(n, _)| pk_cols.contains(n))
                            .map(|(_, v)| v.clone())
                            .collect();
                        returned.push(vals);
                        new_keys.push(if g.2 || key.is_empty() {
                            None
                        } else {
                            Some(key)
                        });
                    }
                }
            }
            InsertStrategy::InsertManyValues => {
                let ins = mk(
                    group.iter().map(|g| g.1.clone()).collect(),
                    plan.returning.clone(),
                );
                let c = compile(Statement::Insert(&ins))
                    .map_err(orm_err)?
                    .in_namespace(&ns);
                let rs = s.exec(interp, &c, ExecKind::InsertManyValuesOrdered)?;
                for r in rs {
                    let row = r.rows.into_iter().next().unwrap_or_default();
                    let vals = parse_returned(&row)?;
                    let key: Vec<PyValue> = vals
                        .iter()
                        .filter(|(n, _)| pk_cols.contains(n))
                        .map(|(_, v)| v.clone())
                        .collect();
                    returned.push(vals);
                    new_keys.push(Some(key));
                }
            }
        }
        for (((cols, row, _, o, _), key), ret) in group.iter().zip(new_keys).zip(returned) {
            // returned server defaults are loaded; others are left unloaded
            for (name, v) in &ret {
                if let Some(c) = m.col_by_column(name) {
                    if !pk_cols.contains(name) {
                        dict_set(o, &c.key, from_py(v));
                    }
                }
            }
            if sd_cols.iter().any(|n| !ret.iter().any(|(r, _)| r == n)) {
                with_state(interp, o, |st| st.s.borrow_mut().expired = true)?;
            }
            for ((name, _), v) in cols.iter().zip(row) {
                if let Some(c) = m.col_by_column(name) {
                    if dict_get(o, &c.key).map(|x| x.is_none()).unwrap_or(true) {
                        dict_set(o, &c.key, from_py(v));
                    }
                }
            }
            if let Some(key) = key {
                if m.pk.len() == key.len() {
                    for (&i, v) in m.pk.iter().zip(&key) {
                        dict_set(o, &m.cols[i].key, from_py(v));
                    }
                } else if let (Some(&i), Some(v)) = (m.pk.first(), key.first()) {
                    dict_set(o, &m.cols[i].key, from_py(v));
                }
            }
            let key = pk_of(interp, o, m)?;
            with_state(interp, o, |st| st.s.borrow_mut().key = Some(key.clone()))?;
            s.identity
                .borrow_mut()
                .push((m.id, ident_key(&key), o.clone()));
            s.txn_inserted.borrow_mut().push(o.clone());
            snapshot(interp, o, m)?;
        }
    }
    Ok(())
}

/// Records the flushed values as the new committed state.
fn snapshot(interp: &mut Interpreter, o: &Value, m: &Mapper) -> PyResult<()> {
    let mut cols = Vec::new();
    for c in &m.cols {
        if let Some(v) = dict_get(o, &c.key) {
            cols.push((c.key.clone(), v));
        }
    }
    with_state(interp, o, |st| {
        let mut b = st.s.borrow_mut();
        for (k, v) in cols {
            b.committed.insert(k, v);
        }
    })
}

/// After the flush, loaded relationship values become the committed ones.
fn snapshot_relationships(interp: &mut Interpreter, o: &Value) -> PyResult<()> {
    let m = super::state::mapper_of(interp, o)?;
    let mut colls = Vec::new();
    for r in m.rels.borrow().iter() {
        if let Some(v) = dict_get(o, &r.key) {
            let items = match cast::<CollObj>(&v) {
                Some(c) => c.snapshot(),
                None => vec![v],
            };
            colls.push((r.key.clone(), items));
        }
    }
    with_state(interp, o, |st| {
        let mut b = st.s.borrow_mut();
        for (k, v) in colls {
            b.coll_committed.insert(k, v);
        }
    })
}

fn delete_rows(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    rows: &[Value],
) -> PyResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    if self_referential(m) && rows.len() > 1 {
        // a row goes once the rows below it are gone: batches by height
        // (leaves first), as the per-row dependency sort orders them
        let parent: Vec<Option<usize>> = (0..rows.len()).map(|i| parent_row(m, rows, i)).collect();
        let mut height = vec![0usize; rows.len()];
        for _ in 0..rows.len() {
            let mut changed = false;
            for i in 0..rows.len() {
                if let Some(p) = parent[i] {
                    if p != i && height[p] < height[i] + 1 {
                        height[p] = height[i] + 1;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let top = height.iter().copied().max().unwrap_or(0);
        if top > 0 {
            for h in 0..=top {
                let batch: Vec<Value> = (0..rows.len())
                    .filter(|&i| height[i] == h)
                    .map(|i| rows[i].clone())
                    .collect();
                delete_batch(interp, s, m, &batch)?;
            }
            return Ok(());
        }
    }
    delete_batch(interp, s, m, rows)
}

fn delete_batch(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    rows: &[Value],
) -> PyResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut keyed = Vec::new();
    for o in rows {
        let key = with_state(interp, o, |st| st.s.borrow().key.clone())?.unwrap_or_default();
        keyed.push((key, o.clone()));
    }
    keyed.sort_by(|a, b| format!("{:?}", a.0).cmp(&format!("{:?}", b.0)));
    let mut del = Delete::by_primary_key(&m.table, &m.pk_cols());
    del.rows = keyed.iter().map(|k| k.0.clone()).collect();
    let c = compile(Statement::Delete(&del))
        .map_err(orm_err)?
        .in_namespace(&format!("flush:{}", m.name()));
    s.exec(interp, &c, ExecKind::Many)?;
    for (k, o) in keyed {
        let ks = ident_key(&k);
        s.identity
            .borrow_mut()
            .retain(|(mid, key, _)| !(*mid == m.id && *key == ks));
        with_state(interp, &o, |st| st.s.borrow_mut().deleted = true)?;
        s.gone.borrow_mut().push(o.clone());
    }
    Ok(())
}

/// `Session._autoflush()`: the flush a query or lazy load runs first. Its
/// SQL and state changes are reported as caused by "autoflush" (see
/// `trace`); a statement error gets SQLAlchemy's detail line.
pub fn autoflush(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<()> {
    if !s.autoflush.get() {
        return Ok(());
    }
    let _phase = super::trace::phase("autoflush");
    super::trace::caused(interp, "autoflush", |i| flush(i, s)).inspect_err(|e| {
        if e.class().is_subclass(&crate::exc::class("StatementError")) {
            relplay_py::vm::exc::with_exc(&e.value(), |d| {
                if let Some(Value::Str(m)) = d.args.first() {
                    let msg = format!("(raised as a result of Query-invoked autoflush; consider using a session.no_autoflush block if this flush is occurring prematurely)\n{m}");
                    d.args[0] = Value::str(&msg);
                }
            });
        }
    })
}

pub fn flush(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<()> {
    if s.flushing.get() {
        return Ok(());
    }
    let _phase = super::trace::phase("flush");
    // the columns the flush writes (ids, foreign keys) are reported as its changes
    let before = super::trace::column_values();
    let r = flush_session(interp, s);
    super::trace::report_columns(interp, before);
    r
}

fn flush_session(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<()> {
    mapper::configure_all(interp)?;
    s.flushing.set(true);
    let r = presort(interp, s);
    s.flushing.set(false);
    r?;
    let new: Vec<Value> = s.new.borrow().to_vec();
    let deleted: Vec<Value> = s.deleted.borrow().clone();
    let dirty = dirty_objects(interp, s)?;
    let has_fk_work =
        !new.is_empty() || !dirty.is_empty() || !deleted.is_empty() || coll_changed(interp, s)?;
    if !has_fk_work {
        return Ok(());
    }
    s.assert_active()?;
    s.flushing.set(true);
    let r = run_flush(interp, s, &new, &deleted);
    s.flushing.set(false);
    if let Err(e) = &r {
        let _ = super::session::rollback(interp, s);
        let text = interp.str(&e.value()).unwrap_or_default();
        *s.failed_flush.borrow_mut() = Some(text);
    }
    r
}

fn coll_changed(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<bool> {
    let objs: Vec<Value> = modified_objects(s);
    for o in objs {
        let m = super::state::mapper_of(interp, &o)?;
        for r in m.rels.borrow().iter() {
            if let Some(v) = dict_get(&o, &r.key) {
                let cur = match cast::<CollObj>(&v) {
                    Some(c) => c.snapshot(),
                    None => vec![v],
                };
                let old = with_state(interp, &o, |st| {
                    st.s.borrow().coll_committed.get(&r.key).cloned()
                })?;
                let same = match old {
                    Some(old) => {
                        old.len() == cur.len() && old.iter().zip(&cur).all(|(a, b)| a.is(b))
                    }
                    None => false,
                };
                if !same {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

fn run_flush(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    new: &[Value],
    deleted: &[Value],
) -> PyResult<()> {
    let mappers = mapper::all();
    let mut involved: Vec<usize> = Vec::new();
    let dirty = dirty_objects(interp, s)?;
    let persistent_all: Vec<Value> = modified_objects(s);
    for o in new
        .iter()
        .chain(deleted.iter())
        .chain(dirty.iter())
        .chain(persistent_all.iter())
    {
        let id = super::state::mapper_of(interp, o)?.id;
        if !involved.contains(&id) {
            involved.push(id);
        }
    }
    let mut g = FlushGraph {
        mappers: mappers.iter().map(|m| m.sort_key()).collect(),
        deps: Vec::new(),
        without_states: (0..mappers.len())
            .filter(|i| !involved.contains(i))
            .collect(),
    };
    for m in &mappers {
        for r in m.rels.borrow().iter() {
            if let Some(res) = r.resolved() {
                if !r.viewonly {
                    g.deps.push(FlushDep {
                        sort_key: format!("{}_{}", m.sort_key(), r.key),
                        direction: res.analysis.direction,
                        parent: m.id,
                        child: res.target.id,
                    });
                }
            }
        }
    }
    let dep_rels: Vec<(Rc<Mapper>, Rc<super::relationships::RelProp>)> = mappers
        .iter()
        .flat_map(|m| {
            m.rels
                .borrow()
                .iter()
                .filter(|r| r.resolved().is_some() && !r.viewonly)
                .map(|r| (m.clone(), r.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let plan = plan_flush(&g).map_err(orm_err)?;
    warn_unsaved_children(interp, s, new)?;
    let mut processed: Vec<(String, u64, u64)> = Vec::new();
    let persistent: Vec<Value> = modified_objects(s);
    for a in plan {
        match a {
            Action::SaveUpdate(mi) => {
                let Some(m) = mappers.get(mi) else { continue };
                let mut n = Vec::new();
                for o in new {
                    if Rc::ptr_eq(&super::state::mapper_of(interp, o)?, m) {
                        n.push(o.clone());
                    }
                }
                let mut p = Vec::new();
                for o in &persistent {
                    if Rc::ptr_eq(&super::state::mapper_of(interp, o)?, m)
                        && !deleted.iter().any(|d| d.is(o))
                    {
                        p.push(o.clone());
                    }
                }
                if !n.is_empty() || !p.is_empty() {
                    save(interp, s, m, &n, &p)?;
                }
            }
            Action::Delete(mi) => {
                let Some(m) = mappers.get(mi) else { continue };
                let mut d = Vec::new();
                for o in deleted {
                    if Rc::ptr_eq(&super::state::mapper_of(interp, o)?, m) {
                        d.push(o.clone());
                    }
                }
                delete_rows(interp, s, m, &d)?;
            }
            Action::Process {
                dep,
                isdelete: false,
            } => {
                if let Some((m, r)) = dep_rels.get(dep) {
                    if r.direction() == Some(Direction::ManyToMany) {
                        process_m2m(interp, s, m, r, deleted, &mut processed)?;
                    }
                }
            }
            Action::Process {
                dep,
                isdelete: true,
            } => {
                if let Some((m, r)) = dep_rels.get(dep) {
                    if r.direction() == Some(Direction::ManyToMany) {
                        process_m2m_deletes(interp, s, m, r, deleted, &mut processed)?;
                    }
                }
            }
        }
    }
    let objs: Vec<Value> = work_objects(s);
    s.new.borrow_mut().clear();
    s.deleted.borrow_mut().clear();
    for o in &objs {
        snapshot_relationships(interp, o)?;
    }
    let touched: Vec<Value> = s.modified.borrow_mut().drain(..).collect();
    for o in touched.iter().chain(objs.iter()) {
        with_state(interp, o, |st| {
            let mut b = st.s.borrow_mut();
            b.modified = false;
            b.pending_rels.clear();
        })?;
    }
    Ok(())
}

fn class_str(interp: &mut Interpreter, obj: &Value) -> PyResult<String> {
    Ok(format!(
        "<{}>",
        super::state::mapper_of(interp, obj)?.name()
    ))
}

/// One-to-many children added to a collection but not in the session are
/// skipped with a warning (`UOWTransaction.register_object`).
fn warn_unsaved_children(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    new: &[Value],
) -> PyResult<()> {
    let _ = new;
    let objs: Vec<Value> = work_objects(s);
    for o in objs {
        let m = super::state::mapper_of(interp, &o)?;
        for r in m.rels.borrow().clone() {
            if r.viewonly || r.direction() != Some(Direction::OneToMany) {
                continue;
            }
            let Some(v) = dict_get(&o, &r.key) else {
                continue;
            };
            let old = with_state(interp, &o, |st| {
                st.s.borrow().coll_committed.get(&r.key).cloned()
            })?
            .unwrap_or_default();
            for it in items_of(&v) {
                if old.iter().any(|x| x.is(&it)) || s.contains(&it) {
                    continue;
                }
                let deleted = with_state(interp, &it, |st| st.s.borrow().deleted)?;
                if !deleted {
                    let cs = class_str(interp, &it)?;
                    crate::exc::warn(
                        interp,
                        "SAWarning",
                        &format!("Object of type {cs} not in session, add operation along '{}.{}' will not proceed", m.name(), r.key),
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// What both many-to-many processors need: the resolved relationship, its
/// association table, and the keys that mark a pair as already handled from
/// either side.
struct M2m {
    res: Rc<super::relationships::Resolved>,
    sec_table: relplay_orm::schema::Table,
    my_key: String,
    rev_key: Option<String>,
}

impl M2m {
    fn of(m: &Rc<Mapper>, r: &Rc<super::relationships::RelProp>) -> Option<M2m> {
        let res = r.resolved()?;
        let sec = res.analysis.sync_pairs.first().map(|p| p.1.table.clone())?;
        let sec_table = m.meta.md.borrow().table(&sec).cloned()?;
        let my_key = format!("{}.{}", m.name(), r.key);
        let rev_key = r.reverse().map(|k| format!("{}.{k}", res.target.name()));
        Some(M2m {
            res,
            sec_table,
            my_key,
            rev_key,
        })
    }
}

/// Association rows of a many-to-many relationship: DELETEs then INSERTs,
/// each one Core executemany; pairs already handled from the other side
/// (the reverse property) are skipped.
fn process_m2m(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    r: &Rc<super::relationships::RelProp>,
    deleted: &[Value],
    processed: &mut Vec<(String, u64, u64)>,
) -> PyResult<()> {
    let Some(M2m {
        res,
        sec_table,
        my_key,
        rev_key,
    }) = M2m::of(m, r)
    else {
        return Ok(());
    };
    let sec = sec_table.name.clone();
    // SQLAlchemy walks the states of a mapper as a set; for the small
    // flushes learners write, CPython yields them newest first
    let mut owners: Vec<Value> = work_objects(s);
    owners.reverse();
    let mut ins_rows: Vec<Vec<PyValue>> = Vec::new();
    let mut del_rows: Vec<Vec<PyValue>> = Vec::new();
    let mut ins_cols: Vec<(String, relplay_orm::types::SqlType)> = Vec::new();
    for owner in owners {
        if !Rc::ptr_eq(&super::state::mapper_of(interp, &owner)?, m)
            || deleted.iter().any(|d| d.is(&owner))
        {
            continue;
        }
        let Some(v) = dict_get(&owner, &r.key) else {
            continue;
        };
        let cur = items_of(&v);
        let old = with_state(interp, &owner, |st| {
            st.s.borrow().coll_committed.get(&r.key).cloned()
        })?
        .unwrap_or_default();
        let removed: Vec<Value> = old
            .iter()
            .filter(|o| !cur.iter().any(|c| c.is(o)))
            .cloned()
            .collect();
        let added: Vec<Value> = cur
            .iter()
            .filter(|c| !old.iter().any(|o| o.is(c)))
            .cloned()
            .collect();
        for (child, is_add) in removed
            .iter()
            .map(|c| (c, false))
            .chain(added.iter().map(|c| (c, true)))
        {
            if let Some(rk) = &rev_key {
                if processed
                    .iter()
                    .any(|(k, a, b)| k == rk && *a == child.id() && *b == owner.id())
                {
                    continue;
                }
            }
            if is_add && !s.contains(child) {
                let cs = class_str(interp, child)?;
                crate::exc::warn(
                    interp,
                    "SAWarning",
                    &format!("Object of type {cs} not in session, add operation along '{my_key}' won't proceed"),
                )?;
                continue;
            }
            processed.push((my_key.clone(), owner.id(), child.id()));
            let mut cols = Vec::new();
            let mut row = Vec::new();
            for c in &sec_table.columns {
                let from_parent = res
                    .analysis
                    .sync_pairs
                    .iter()
                    .find(|(_, d)| d.column == c.name)
                    .map(|(src, _)| (&owner, m.clone(), src.column.clone()));
                let from_child = res
                    .analysis
                    .secondary_sync_pairs
                    .iter()
                    .find(|(_, d)| d.column == c.name)
                    .map(|(src, _)| (child, res.target.clone(), src.column.clone()));
                if let Some((obj, om, col)) = from_parent.or(from_child) {
                    let key = om
                        .col_by_column(&col)
                        .map(|cp| cp.key.clone())
                        .unwrap_or_default();
                    cols.push((c.name.clone(), c.ty.clone()));
                    row.push(to_py(&attr_value(interp, obj, &key)?)?);
                }
            }
            if is_add {
                ins_cols = cols;
                ins_rows.push(row);
            } else {
                del_rows.push(row);
                if ins_cols.is_empty() {
                    ins_cols = cols;
                }
            }
        }
    }
    if !del_rows.is_empty() {
        let mut del = Delete::by_primary_key(&sec, &ins_cols);
        del.rows = del_rows;
        let c = compile(Statement::Delete(&del)).map_err(orm_err)?;
        s.exec(interp, &c, ExecKind::Many)?;
    }
    if !ins_rows.is_empty() {
        let ins = Insert {
            table: sec.clone(),
            columns: ins_cols,
            rows: ins_rows,
            returning: Vec::new(),
            defaulted: Vec::new(),
        };
        let c = compile(Statement::Insert(&ins)).map_err(orm_err)?;
        s.exec(interp, &c, ExecKind::Many)?;
    }
    Ok(())
}

/// Work found before the flush runs (the unit of work's presort): orphans
/// of delete-orphan collections become deletes; children of deleted parents
/// either cascade (already marked by `Session.delete`) or get their foreign
/// key set to NULL, which loads their collection first.
fn presort(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<()> {
    let objs: Vec<Value> = modified_objects(s);
    for o in &objs {
        if s.deleted.borrow().iter().any(|d| d.is(o)) {
            continue;
        }
        let m = super::state::mapper_of(interp, o)?;
        for r in m.rels.borrow().clone() {
            if !r.cascade.iter().any(|c| c == "delete-orphan") {
                continue;
            }
            let Some(v) = dict_get(o, &r.key) else {
                continue;
            };
            let cur = items_of(&v);
            let old = with_state(interp, o, |st| {
                st.s.borrow().coll_committed.get(&r.key).cloned()
            })?
            .unwrap_or_default();
            for it in old {
                if it.is_none() || cur.iter().any(|c| c.is(&it)) {
                    continue;
                }
                let persistent = with_state(interp, &it, |st| st.s.borrow().key.is_some())?;
                if persistent && s.contains(&it) && !s.deleted.borrow().iter().any(|d| d.is(&it)) {
                    // an orphan is deleted with its own delete cascade
                    super::session::delete_cascade(interp, s, &it)?;
                }
            }
        }
    }
    let deleted: Vec<Value> = s.deleted.borrow().clone();
    for d in &deleted {
        let m = super::state::mapper_of(interp, d)?;
        for r in m.rels.borrow().clone() {
            let Some(res) = r.resolved() else { continue };
            if r.viewonly {
                continue;
            }
            // association rows of a deleted object: its collection is
            // loaded here, in relationship order, to delete them later
            if res.analysis.direction == Direction::ManyToMany {
                if dict_get(d, &r.key).is_none() {
                    interp.getattr(d, &r.key)?;
                }
                continue;
            }
            if res.analysis.direction != Direction::OneToMany
                || r.cascade.iter().any(|c| c == "delete")
            {
                continue;
            }
            // passive_deletes: unloaded children are left to ON DELETE
            let v = if r.passive_deletes() {
                match dict_get(d, &r.key) {
                    Some(v) => v,
                    None => continue,
                }
            } else {
                interp.getattr(d, &r.key)?
            };
            for child in items_of(&v) {
                if s.deleted.borrow().iter().any(|x| x.is(&child)) {
                    continue;
                }
                for (_, dest) in &res.analysis.sync_pairs {
                    if let Some(cp) = res.target.col_by_column(&dest.column) {
                        dict_set(&child, &cp.key, Value::None);
                    }
                }
                super::state::touch(interp, &child)?;
            }
        }
    }
    Ok(())
}

/// Association rows of deleted objects (`ManyToManyDP.process_deletes`).
fn process_m2m_deletes(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    r: &Rc<super::relationships::RelProp>,
    deleted: &[Value],
    processed: &mut Vec<(String, u64, u64)>,
) -> PyResult<()> {
    let Some(M2m {
        res,
        sec_table,
        my_key,
        rev_key,
    }) = M2m::of(m, r)
    else {
        return Ok(());
    };
    let sec = sec_table.name.clone();
    let mut cols = Vec::new();
    let mut rows = Vec::new();
    for owner in deleted {
        if !Rc::ptr_eq(&super::state::mapper_of(interp, owner)?, m) {
            continue;
        }
        let old = match with_state(interp, owner, |st| {
            st.s.borrow().coll_committed.get(&r.key).cloned()
        })? {
            Some(o) => o,
            None => {
                let v = interp.getattr(owner, &r.key)?;
                items_of(&v)
            }
        };
        for child in old {
            if let Some(rk) = &rev_key {
                if processed
                    .iter()
                    .any(|(k, a, b)| k == rk && *a == child.id() && *b == owner.id())
                {
                    continue;
                }
            }
            processed.push((my_key.clone(), owner.id(), child.id()));
            let mut cs = Vec::new();
            let mut row = Vec::new();
            for c in &sec_table.columns {
                let from_parent = res
                    .analysis
                    .sync_pairs
                    .iter()
                    .find(|(_, d)| d.column == c.name)
                    .map(|(src, _)| (owner, m.clone(), src.column.clone()));
                let from_child = res
                    .analysis
                    .secondary_sync_pairs
                    .iter()
                    .find(|(_, d)| d.column == c.name)
                    .map(|(src, _)| (&child, res.target.clone(), src.column.clone()));
                if let Some((obj, om, col)) = from_parent.or(from_child) {
                    let key = om
                        .col_by_column(&col)
                        .map(|cp| cp.key.clone())
                        .unwrap_or_default();
                    cs.push((c.name.clone(), c.ty.clone()));
                    row.push(to_py(&attr_value(interp, obj, &key)?)?);
                }
            }
            cols = cs;
            rows.push(row);
        }
    }
    if !rows.is_empty() {
        let mut del = Delete::by_primary_key(&sec, &cols);
        del.rows = rows;
        let c = compile(Statement::Delete(&del)).map_err(orm_err)?;
        s.exec(interp, &c, ExecKind::Many)?;
    }
    Ok(())
}

/// An attribute's value, loading it when expired (flush reads keys this way).
fn attr_value(interp: &mut Interpreter, obj: &Value, key: &str) -> PyResult<Value> {
    match dict_get(obj, key) {
        Some(v) => Ok(v),
        None => {
            let persistent = with_state(interp, obj, |st| st.s.borrow().key.is_some())?;
            if persistent {
                interp.getattr(obj, key)
            } else {
                Ok(Value::None)
            }
        }
    }
}

/// Persistent objects changed since the last flush.
pub fn modified_objects(s: &Rc<SessionInner>) -> Vec<Value> {
    let ident = s.identity.borrow();
    s.modified
        .borrow()
        .iter()
        .filter(|o| ident.contains_obj(o))
        .cloned()
        .collect()
}

/// Pending objects, then changed persistent ones (each once).
fn work_objects(s: &Rc<SessionInner>) -> Vec<Value> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for o in s.new.borrow().iter().chain(modified_objects(s).iter()) {
        if seen.insert(o.id()) {
            out.push(o.clone());
        }
    }
    out
}
