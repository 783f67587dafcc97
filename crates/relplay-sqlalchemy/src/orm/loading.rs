//! Turning rows into instances through the identity map; refresh of
//! expired objects; lazy loads of relationships; `Session.get`.

use std::rc::Rc;

use relplay_orm::relationships::{lazy_clause, ColId};
use relplay_orm::sql::{compile, Expr, Select, Statement};
use relplay_orm::types::result_process;
use relplay_orm::PyValue;
use relplay_py::{Interpreter, PyResult, Value};
use relplay_store::Value as SValue;

use super::mapper::Mapper;
use super::relationships::RelProp;
use super::session::{by_id, ident_key, SessionInner};
use super::state::{dict_get, dict_set, with_state};
use crate::util::{from_py, orm_err, to_py};

thread_local! {
    /// A query with `populate_existing=True` is loading rows.
    static POPULATE_EXISTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with rows overwriting already-loaded instances when `on`.
pub fn populating_existing<R>(on: bool, f: impl FnOnce() -> R) -> R {
    let was = POPULATE_EXISTING.with(|p| p.replace(on));
    let r = f();
    POPULATE_EXISTING.with(|p| p.set(was));
    r
}

pub fn select_of(m: &Mapper) -> Select {
    Select::new(
        m.cols
            .iter()
            .map(|c| Expr::col(&m.table, &c.column, c.ty.clone()))
            .collect(),
    )
}

/// `<Class at 0x...>`, as SQLAlchemy's `state_str` names an instance.
pub fn state_str(obj: &Value) -> String {
    format!("<{} at 0x{:x}>", obj.type_name(), obj.id())
}

fn session_of(interp: &mut Interpreter, obj: &Value, what: &str) -> PyResult<Rc<SessionInner>> {
    let id = with_state(interp, obj, |s| s.s.borrow().session)?;
    match id.and_then(by_id) {
        Some(s) => Ok(s),
        None => {
            let op = match what.strip_prefix("lazy:") {
                Some(attr) => format!("Parent instance {} is not bound to a Session; lazy load operation of attribute '{attr}' cannot proceed", state_str(obj)),
                None => format!("Instance {} is not bound to a Session; attribute refresh operation cannot proceed", state_str(obj)),
            };
            Err(crate::exc::raise(
                "DetachedInstanceError",
                &format!("{op} (Background on this error at: https://sqlalche.me/e/21/bhk3)"),
            ))
        }
    }
}

/// Instances for rows whose first `m.cols.len()` values are `m`'s columns.
pub fn instances(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    rows: &[Vec<SValue>],
    offset: usize,
) -> PyResult<Vec<Value>> {
    let _phase = super::trace::phase("load");
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut vals = Vec::with_capacity(m.cols.len());
        for (i, c) in m.cols.iter().enumerate() {
            let v = row.get(offset + i).cloned().unwrap_or(SValue::Null);
            vals.push(result_process(&c.ty, &v).map_err(orm_err)?);
        }
        let key: Vec<PyValue> = m.pk.iter().map(|&i| vals[i].clone()).collect();
        if key.iter().all(|k| *k == PyValue::None) {
            out.push(Value::None);
            continue;
        }
        let ks = ident_key(&key);
        if let Some(obj) = s.lookup(m.id, &ks) {
            let expired = with_state(interp, &obj, |st| st.s.borrow().expired)?;
            if expired || POPULATE_EXISTING.with(|p| p.get()) {
                populate(interp, &obj, m, &vals)?;
            }
            out.push(obj);
            continue;
        }
        let inst = relplay_py::vm::exc::new_instance(&m.class);
        let obj = Value::Instance(inst);
        super::state::state_of(interp, &obj)?;
        let ctx = super::strategies::current_load_ctx(m);
        with_state(interp, &obj, |st| {
            let mut b = st.s.borrow_mut();
            b.key = Some(key.clone());
            b.session = Some(s.id);
            b.load_ctx = ctx;
        })?;
        populate(interp, &obj, m, &vals)?;
        s.identity.borrow_mut().push((m.id, ks, obj.clone()));
        out.push(obj);
    }
    Ok(out)
}

fn populate(interp: &mut Interpreter, obj: &Value, m: &Mapper, vals: &[PyValue]) -> PyResult<()> {
    let mut committed = Vec::new();
    for (c, v) in m.cols.iter().zip(vals) {
        let pv = enum_value(c, from_py(v));
        dict_set(obj, &c.key, pv.clone());
        committed.push((c.key.clone(), pv));
    }
    with_state(interp, obj, |st| {
        let mut b = st.s.borrow_mut();
        b.expired = false;
        // sized once: growing a fresh map column by column rehashed it
        b.committed.reserve(committed.len());
        for (k, v) in committed {
            b.committed.insert(k, v);
        }
    })
}

fn autoflush(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<()> {
    super::unitofwork::autoflush(interp, s)
}

fn pk_select(m: &Mapper, key: &[PyValue]) -> Select {
    let mut sel = select_of(m);
    for (&i, v) in m.pk.iter().zip(key) {
        let c = &m.cols[i];
        sel = sel.where_(Expr::col(&m.table, &c.column, c.ty.clone()).eq_value(v.clone()));
    }
    sel
}

/// Reloads an expired persistent object's columns.
pub fn refresh(interp: &mut Interpreter, obj: &Value) -> PyResult<()> {
    refresh_as(interp, obj, "load")
}

/// Reloads `obj`'s row. `kind` keeps SQLAlchemy's separate cache entries:
/// an expired-attribute load and `Session.refresh()` compile differently.
pub fn refresh_as(interp: &mut Interpreter, obj: &Value, kind: &str) -> PyResult<()> {
    refresh_impl(interp, obj, kind, true)
}

/// Loads the expired (unloaded) columns of `obj` without autoflush: the
/// flush reads an expired primary key this way.
pub fn load_expired_in_flush(interp: &mut Interpreter, obj: &Value) -> PyResult<()> {
    refresh_impl(interp, obj, "load", false)
}

fn refresh_impl(interp: &mut Interpreter, obj: &Value, kind: &str, flush: bool) -> PyResult<()> {
    let s = session_of(interp, obj, "Instance")?;
    let (m, key) = with_state(interp, obj, |st| {
        (st.mapper.clone(), st.s.borrow().key.clone())
    })?;
    let Some(key) = key else { return Ok(()) };
    // an expired-attribute load fetches what is unloaded now (before the
    // autoflush), and its cache key depends on that attribute list
    let only: Vec<usize> = if kind == "load" {
        (0..m.cols.len())
            .filter(|&i| dict_get(obj, &m.cols[i].key).is_none())
            .collect()
    } else {
        (0..m.cols.len()).collect()
    };
    if only.is_empty() {
        with_state(interp, obj, |st| st.s.borrow_mut().expired = false)?;
        return Ok(());
    }
    // after a full expire, relationships not touched since are among the
    // attributes to load (SQLAlchemy's only_load_props), so in the cache key
    let (expired, pending) = with_state(interp, obj, |st| {
        let b = st.s.borrow();
        (b.expired, b.pending_rels.clone())
    })?;
    let rel_keys: Vec<String> = if kind == "load" && expired {
        m.rels
            .borrow()
            .iter()
            .filter(|r| dict_get(obj, &r.key).is_none())
            .map(|r| r.key.clone())
            .filter(|k| !pending.contains(k))
            .collect()
    } else {
        Vec::new()
    };
    if flush {
        autoflush(interp, &s)?;
    }
    let mut sel = pk_select(&m, &key);
    sel.columns = only
        .iter()
        .map(|&i| Expr::col(&m.table, &m.cols[i].column, m.cols[i].ty.clone()))
        .collect();
    let names: Vec<&str> = only.iter().map(|&i| m.cols[i].key.as_str()).collect();
    let c = compile(Statement::Select(&sel))
        .map_err(orm_err)?
        .in_namespace(&format!(
            "{kind}:{}:{}+{}",
            m.name(),
            names.join(","),
            rel_keys.join(",")
        ));
    let rows = s.select_rows(interp, &c)?;
    if rows.is_empty() {
        let shown = interp.repr(obj)?;
        return Err(crate::exc::raise(
            "ObjectDeletedError",
            &format!("Instance '{shown}' has been deleted, or its row is otherwise not present."),
        ));
    }
    let overwrite = kind != "load";
    let mut committed = Vec::new();
    for (j, &i) in only.iter().enumerate() {
        let c = &m.cols[i];
        let v = rows[0]
            .get(j)
            .cloned()
            .unwrap_or(relplay_store::Value::Null);
        let pv = enum_value(c, from_py(&result_process(&c.ty, &v).map_err(orm_err)?));
        if overwrite || dict_get(obj, &c.key).is_none() {
            dict_set(obj, &c.key, pv.clone());
            committed.push((c.key.clone(), pv));
        }
    }
    with_state(interp, obj, |st| {
        let mut b = st.s.borrow_mut();
        b.expired = false;
        for (k, v) in committed {
            b.committed.insert(k, v);
        }
    })?;
    Ok(())
}

fn col_value(
    interp: &mut Interpreter,
    obj: &Value,
    m: &Mapper,
    col: &ColId,
) -> PyResult<Option<PyValue>> {
    let Some(cp) = m.col_by_column(&col.column) else {
        return Ok(None);
    };
    let key = cp.key.clone();
    let v = match dict_get(obj, &key) {
        Some(v) => v,
        None => interp.getattr(obj, &key)?,
    };
    to_py(&v).map(Some)
}

/// The lazy loader's WHERE clause for `obj.r` (values read now), with the
/// session the load would run in.
pub fn lazy_criterion(
    interp: &mut Interpreter,
    obj: &Value,
    r: &Rc<RelProp>,
) -> PyResult<(Rc<SessionInner>, Expr)> {
    if r.resolved().is_none() {
        return Err(crate::util::not_supported(
            interp,
            "an unconfigured relationship",
        ));
    }
    let s = session_of(interp, obj, &format!("lazy:{}", r.key))?;
    Ok((s, lazy_where(interp, obj, r, false)?))
}

/// The lazy clause alone: SQLAlchemy's `prop._with_parent(obj)` needs no
/// session (a transient parent's values are simply not known yet).
/// `for_text`: only its SQL text is wanted. `_with_parent` binds the
/// parent's values as callables, read at execution: rendering neither
/// reads them (no refresh of an expired parent) nor turns a missing one
/// into `IS NULL`, so every bind gets a stand-in value the text never shows.
pub fn lazy_where(
    interp: &mut Interpreter,
    obj: &Value,
    r: &Rc<RelProp>,
    for_text: bool,
) -> PyResult<Expr> {
    let Some(res) = r.resolved() else {
        return Err(crate::util::not_supported(
            interp,
            "an unconfigured relationship",
        ));
    };
    let m = super::state::mapper_of(interp, obj)?;
    let mut vals = Vec::new();
    for (l, _) in &res.analysis.local_remote_pairs {
        if l.table == *m.table {
            let v = match for_text {
                true => Some(PyValue::Int(0)),
                false => col_value(interp, obj, &m, l)?,
            };
            vals.push((l.clone(), v));
        }
    }
    let md = m.meta.md.borrow();
    lazy_clause(&md, &res.analysis, &|c: &ColId| {
        vals.iter()
            .find(|(k, _)| k == c)
            .and_then(|(_, v)| v.clone())
    })
    .map_err(orm_err)
}

/// One-to-many (and uselist) lazy load: `WHERE ? = child.fk`.
pub fn lazy_load(interp: &mut Interpreter, obj: &Value, r: &Rc<RelProp>) -> PyResult<Vec<Value>> {
    let Some(res) = r.resolved() else {
        return Ok(Vec::new());
    };
    let persistent = with_state(interp, obj, |st| st.s.borrow().key.is_some())?;
    if !persistent {
        return Ok(Vec::new());
    }
    let s = session_of(interp, obj, &format!("lazy:{}", r.key))?;
    let m = super::state::mapper_of(interp, obj)?;
    let mut vals = Vec::new();
    for (l, _) in &res.analysis.local_remote_pairs {
        if l.table == *m.table {
            let v = col_value(interp, obj, &m, l)?;
            vals.push((l.clone(), v));
        }
    }
    autoflush(interp, &s)?;
    let where_ = {
        let md = m.meta.md.borrow();
        lazy_clause(&md, &res.analysis, &|c: &ColId| {
            vals.iter()
                .find(|(k, _)| k == c)
                .and_then(|(_, v)| v.clone())
        })
        .map_err(orm_err)?
    };
    let mut sel = select_of(&res.target).where_(where_);
    sel.order_by = r.order_by.borrow().clone();
    let opts = with_state(interp, obj, |st| {
        st.s.borrow().lazy_opts.get(&r.key).cloned()
    })?
    .unwrap_or_default();
    let ns = format!("lazy:{}.{}", m.name(), r.key);
    let ctx = with_state(interp, obj, |st| st.s.borrow().load_ctx.clone())?;
    let objs = run_lazy(interp, &s, &res.target, sel, &ns, &opts, ctx)?;
    // a joined eager load repeats the parent per child row
    let mut out: Vec<Value> = Vec::new();
    for o in objs {
        if !o.is_none() && !out.iter().any(|x| x.is(&o)) {
            out.push(o);
        }
    }
    Ok(out)
}

/// Runs a lazy loader's SELECT of `target` rows, with the target's own
/// joined eager loads (unlabelled columns, as the lazy loader compiles).
fn run_lazy(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    target: &Rc<Mapper>,
    mut sel: Select,
    ns: &str,
    opts: &[super::strategies::LoaderOpt],
    ctx: Option<(String, String)>,
) -> PyResult<Vec<Value>> {
    let joined = super::strategies::add_joined(target, &mut sel, opts);
    if !joined.is_empty() {
        sel.label_style = relplay_orm::sql::LabelStyle::None;
    }
    // a parent loaded with options lazy-loads with them, along its path
    let (ns, ctx_opts, path) = match ctx {
        Some((o, p)) => {
            let key = ns.rsplit('.').next().unwrap_or("").to_string();
            let path: Vec<String> = p.split('.').map(String::from).chain([key]).collect();
            (format!("{ns}|{o}@{}", path.join(".")), Some(o), Some(path))
        }
        None => (ns.to_string(), None, None),
    };
    let c = compile(Statement::Select(&sel))
        .map_err(orm_err)?
        .in_namespace(&ns);
    let rows = s.select_rows(interp, &c)?;
    let objs = super::strategies::with_load_ctx(ctx_opts, path, || {
        instances(interp, s, target, &rows, 0)
    })?;
    super::strategies::populate_joined(interp, s, &objs, &rows, &joined)?;
    super::strategies::post_load(interp, s, target, &objs, opts)?;
    Ok(objs)
}

/// Whether a many-to-one's foreign key on `obj` is NULL (nothing to load).
pub fn m2o_key_is_null(interp: &mut Interpreter, obj: &Value, r: &Rc<RelProp>) -> PyResult<bool> {
    let Some(res) = r.resolved() else {
        return Ok(true);
    };
    let m = super::state::mapper_of(interp, obj)?;
    for (l, _) in &res.analysis.local_remote_pairs {
        if l.table == *m.table {
            if let Some(cp) = m.col_by_column(&l.column) {
                match dict_get(obj, &cp.key) {
                    Some(v) if v.is_none() => {}
                    _ => return Ok(false),
                }
            }
        }
    }
    Ok(true)
}

/// Many-to-one: the identity map first, else `WHERE parent.id = ?`.
pub fn lazy_load_scalar(interp: &mut Interpreter, obj: &Value, r: &Rc<RelProp>) -> PyResult<Value> {
    lazy_scalar(interp, obj, r, true)
}

/// As `lazy_load_scalar`, without autoflush (an active-history load).
pub fn lazy_load_scalar_no_autoflush(
    interp: &mut Interpreter,
    obj: &Value,
    r: &Rc<RelProp>,
) -> PyResult<Value> {
    let sid = with_state(interp, obj, |st| st.s.borrow().session)?;
    let Some(s) = sid.and_then(by_id) else {
        return lazy_scalar(interp, obj, r, false);
    };
    let was = s.autoflush.replace(false);
    let v = lazy_scalar(interp, obj, r, true);
    s.autoflush.set(was);
    v
}

/// The current value for history only: identity map, no SQL.
pub fn lazy_load_scalar_quiet(
    interp: &mut Interpreter,
    obj: &Value,
    r: &Rc<RelProp>,
) -> PyResult<Value> {
    lazy_scalar(interp, obj, r, false)
}

fn lazy_scalar(
    interp: &mut Interpreter,
    obj: &Value,
    r: &Rc<RelProp>,
    sql: bool,
) -> PyResult<Value> {
    let Some(res) = r.resolved() else {
        return Ok(Value::None);
    };
    // extra join criteria rule out the identity-map shortcut (use_get)
    if res.analysis.direction != relplay_orm::relationships::Direction::ManyToOne
        || !res.analysis.extra.is_empty()
    {
        let items = if sql {
            lazy_load(interp, obj, r)?
        } else {
            Vec::new()
        };
        return Ok(items.into_iter().next().unwrap_or(Value::None));
    }
    let m = super::state::mapper_of(interp, obj)?;
    let t = &res.target;
    let mut key = Vec::new();
    for &i in &t.pk {
        let pkcol = ColId::new(&t.table, &t.cols[i].column);
        let local = res
            .analysis
            .local_remote_pairs
            .iter()
            .find(|(_, rm)| *rm == pkcol)
            .map(|(l, _)| l.clone());
        let Some(local) = local else {
            return Ok(Value::None);
        };
        // PASSIVE_NO_FETCH: an expired foreign key is not loaded
        if !sql
            && m.col_by_column(&local.column)
                .map(|c| dict_get(obj, &c.key).is_none())
                .unwrap_or(true)
        {
            return Ok(Value::None);
        }
        match col_value(interp, obj, &m, &local)? {
            Some(PyValue::None) | None => return Ok(Value::None),
            Some(v) => key.push(v),
        }
    }
    let Some(s) = with_state(interp, obj, |st| st.s.borrow().session)?.and_then(by_id) else {
        if sql {
            session_of(interp, obj, &format!("lazy:{}", r.key))?;
        }
        return Ok(Value::None);
    };
    if let Some(o) = s.lookup(t.id, &ident_key(&key)) {
        // An expired object found in the identity map is checked (reloaded).
        if sql && with_state(interp, &o, |st| st.s.borrow().expired)? {
            refresh(interp, &o)?;
        }
        return Ok(o);
    }
    if !sql {
        return Ok(Value::None);
    }
    autoflush(interp, &s)?;
    let ns = format!("lazy:{}.{}", m.name(), r.key);
    let opts = with_state(interp, obj, |st| {
        st.s.borrow().lazy_opts.get(&r.key).cloned()
    })?
    .unwrap_or_default();
    let ctx = with_state(interp, obj, |st| st.s.borrow().load_ctx.clone())?;
    Ok(
        run_lazy(interp, &s, t, pk_select(t, &key), &ns, &opts, ctx)?
            .into_iter()
            .next()
            .unwrap_or(Value::None),
    )
}

/// `Session.get(Class, ident)`.
pub fn get(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    cls: &Value,
    ident: &Value,
) -> PyResult<Value> {
    super::mapper::configure_all(interp)?;
    let Some(m) = super::mapper::of_value(cls) else {
        let shown = interp.repr(cls)?;
        return Err(crate::exc::raise(
            "ArgumentError",
            &format!("Expected mapped class or mapper, got: {shown}"),
        ));
    };
    let parts: Vec<Value> = match ident {
        Value::Tuple(t) => t.to_vec(),
        Value::List(l) => l.borrow().clone(),
        Value::Dict(d) => {
            let mut out = Vec::new();
            for &i in &m.pk {
                let k = m.cols[i].key.clone();
                out.push(d.borrow().get_str(&k).unwrap_or(Value::None));
            }
            out
        }
        v => vec![v.clone()],
    };
    if parts.len() != m.pk.len() {
        return Err(crate::exc::raise(
            "InvalidRequestError",
            &format!("Incorrect number of values in identifier formed from argument to Session.get(); primary key columns are {}", m.pk.iter().map(|&i| format!("'{}.{}'", m.table, m.cols[i].column)).collect::<Vec<_>>().join(",")),
        ));
    }
    let key: Vec<PyValue> = parts.iter().map(to_py).collect::<PyResult<_>>()?;
    if let Some(o) = s.lookup(m.id, &ident_key(&key)) {
        let expired = with_state(interp, &o, |st| st.s.borrow().expired)?;
        if expired {
            refresh(interp, &o)?;
        }
        return Ok(o);
    }
    let c = compile(Statement::Select(&pk_select(&m, &key)))
        .map_err(orm_err)?
        .in_namespace(&format!("get:{}", m.name()));
    let rows = s.select_rows(interp, &c)?;
    let objs = instances(interp, s, &m, &rows, 0)?;
    super::strategies::post_load(interp, s, &m, &objs, &[])?;
    Ok(objs.into_iter().next().unwrap_or(Value::None))
}

/// A stored Enum name as the member of the column's Python enum class.
fn enum_value(c: &super::mapper::ColProp, v: Value) -> Value {
    match (&c.enum_class, &v) {
        (Some(cls), Value::Str(name)) => crate::types::enum_member(cls, name).unwrap_or(v),
        _ => v,
    }
}
