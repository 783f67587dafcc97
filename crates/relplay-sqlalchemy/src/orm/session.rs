//! The Session: identity map, pending/deleted sets, transaction and the
//! public methods (add, flush, commit, get, query, execute, ...).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use relplay_orm::engine::ExecKind;
use relplay_orm::sql::Compiled;
use relplay_orm::PyValue;
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};
use relplay_store::QueryResult;

use super::state::{dict_get, with_state};
use crate::engine::base::{engine_of, EngineInner};
use crate::util::{cast, kw_get, native, native_class, this, truthy};

pub struct SessionInner {
    pub id: u64,
    pub engine: Option<Rc<EngineInner>>,
    pub begun: Cell<bool>,
    /// (mapper id, identity key repr, object) in load order.
    pub identity: RefCell<super::identity::IdentityMap>,
    /// Persistent objects changed since the last flush (SQLAlchemy's
    /// `identity_map._modified`): what a flush needs to look at.
    pub modified: RefCell<Vec<Value>>,
    pub new: RefCell<super::identity::ObjList>,
    pub deleted: RefCell<Vec<Value>>,
    /// Objects inserted in the current transaction (transient again on rollback).
    pub txn_inserted: RefCell<Vec<Value>>,
    /// Objects deleted by a flush: detached at commit.
    pub gone: RefCell<Vec<Value>>,
    pub autoflush: Cell<bool>,
    pub expire_on_commit: bool,
    pub flushing: Cell<bool>,
    /// The failed flush's error text: the transaction is inactive until
    /// `rollback()` (SQLAlchemy's DEACTIVE state with `_rollback_exception`).
    pub failed_flush: RefCell<Option<String>>,
}

thread_local! {
    static SESSIONS: RefCell<Vec<Weak<SessionInner>>> = const { RefCell::new(Vec::new()) };
}

/// Forgets the sessions of a previous run (ids count from 1 per script).
pub fn reset() {
    SESSIONS.with(|s| s.borrow_mut().clear());
}

pub fn by_id(id: u64) -> Option<Rc<SessionInner>> {
    SESSIONS.with(|s| {
        s.borrow()
            .get((id as usize).wrapping_sub(1))
            .and_then(|w| w.upgrade())
    })
}

pub fn ident_key(key: &[PyValue]) -> String {
    // the usual integer primary key, spelled as the Debug form below (this
    // runs for every row loaded)
    if let [PyValue::Int(i)] = key {
        let mut digits = [0u8; 20];
        let (mut n, mut p) = (i.unsigned_abs(), digits.len());
        loop {
            p -= 1;
            digits[p] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let mut s = String::with_capacity(28);
        s.push_str(if *i < 0 { "[Int(-" } else { "[Int(" });
        s.push_str(std::str::from_utf8(&digits[p..]).unwrap_or_default());
        s.push_str(")]");
        return s;
    }
    format!("{key:?}")
}

impl SessionInner {
    pub fn engine(&self) -> PyResult<Rc<EngineInner>> {
        self.engine.clone().ok_or_else(|| {
            crate::exc::raise(
                "UnboundExecutionError",
                "Could not locate a bind configured on mapper or this Session",
            )
        })
    }
    /// PendingRollbackError while a failed flush awaits `rollback()`.
    pub fn assert_active(&self) -> PyResult<()> {
        match &*self.failed_flush.borrow() {
            Some(orig) => Err(crate::exc::raise(
                "PendingRollbackError",
                &format!("This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: {orig} (Background on this error at: https://sqlalche.me/e/21/7s2a)"),
            )),
            None => Ok(()),
        }
    }
    pub fn begin(&self, interp: &mut Interpreter) -> PyResult<Rc<EngineInner>> {
        self.assert_active()?;
        let e = self.engine()?;
        if !self.begun.replace(true) {
            crate::engine::default::log_begin(interp, &e);
        }
        Ok(e)
    }
    pub fn exec(
        &self,
        interp: &mut Interpreter,
        c: &Compiled,
        kind: ExecKind,
    ) -> PyResult<Vec<QueryResult>> {
        let e = self.begin(interp)?;
        crate::engine::default::exec_compiled(interp, &e, c, kind)
    }
    /// The rows of one SELECT (the loaders' common case).
    pub fn select_rows(
        &self,
        interp: &mut Interpreter,
        c: &Compiled,
    ) -> PyResult<Vec<Vec<relplay_store::Value>>> {
        let r = self.exec(interp, c, ExecKind::Single)?;
        Ok(r.into_iter().next().map(|r| r.rows).unwrap_or_default())
    }
    pub fn lookup(&self, mapper: usize, key: &str) -> Option<Value> {
        self.identity.borrow().get(mapper, key)
    }
    pub fn contains(&self, obj: &Value) -> bool {
        self.identity.borrow().contains_obj(obj) || self.new.borrow().contains(obj)
    }
}

pub struct SessionObj(pub Rc<SessionInner>);

pub fn new_session(interp: &mut Interpreter, bind: Option<Value>, kw: &Kwargs) -> PyResult<Value> {
    let engine = match bind {
        Some(v) if !v.is_none() => Some(
            engine_of(&v)
                .ok_or_else(|| crate::util::type_error("Session bind must be an Engine"))?,
        ),
        _ => None,
    };
    let mut autoflush = true;
    let mut expire_on_commit = true;
    for (k, v) in kw {
        match &**k {
            "autoflush" => autoflush = truthy(interp, &Some(v.clone()))?,
            "expire_on_commit" => expire_on_commit = truthy(interp, &Some(v.clone()))?,
            "bind" | "future" | "autocommit" => {}
            other => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("Session({other}=...)"),
                ))
            }
        }
    }
    // session hash keys count from 1
    let id = SESSIONS.with(|s| s.borrow().len()) as u64 + 1;
    let inner = Rc::new(SessionInner {
        id,
        engine,
        begun: Cell::new(false),
        identity: RefCell::new(Default::default()),
        modified: RefCell::new(Vec::new()),
        new: RefCell::new(Default::default()),
        deleted: RefCell::new(Vec::new()),
        txn_inserted: RefCell::new(Vec::new()),
        gone: RefCell::new(Vec::new()),
        autoflush: Cell::new(autoflush),
        expire_on_commit,
        flushing: Cell::new(false),
        failed_flush: RefCell::new(None),
    });
    SESSIONS.with(|s| s.borrow_mut().push(Rc::downgrade(&inner)));
    Ok(native(SessionObj(inner)))
}

pub fn session_ctor(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let bind = args.first().cloned().or_else(|| kw_get(&kw, "bind"));
    new_session(interp, bind, &kw)
}

/// Adds an object (and what save-update cascades to) to session `id`.
pub fn add_to(interp: &mut Interpreter, id: u64, obj: &Value) -> PyResult<()> {
    let Some(s) = by_id(id) else { return Ok(()) };
    add_obj(interp, &s, obj)
}

fn add_obj(interp: &mut Interpreter, s: &Rc<SessionInner>, obj: &Value) -> PyResult<()> {
    let (cur, key, m) = with_state(interp, obj, |st| {
        let b = st.s.borrow();
        (b.session, b.key.clone(), st.mapper.clone())
    })?;
    if cur == Some(s.id) {
        return Ok(());
    }
    if let Some(other) = cur {
        if by_id(other).is_some() {
            let shown = super::loading::state_str(obj);
            return Err(crate::exc::raise(
                "InvalidRequestError",
                &format!(
                    "Object '{shown}' is already attached to session '{other}' (this is '{}')",
                    s.id
                ),
            ));
        }
    }
    with_state(interp, obj, |st| st.s.borrow_mut().session = Some(s.id))?;
    match key {
        None => s.new.borrow_mut().push(obj.clone()),
        Some(k) => {
            let ks = ident_key(&k);
            if s.lookup(m.id, &ks).is_none() {
                s.identity.borrow_mut().push((m.id, ks, obj.clone()));
                // a re-attached object may carry changes
                with_state(interp, obj, |st| st.s.borrow_mut().modified = true)?;
                s.modified.borrow_mut().push(obj.clone());
            }
        }
    }
    // save-update cascade along loaded relationships
    let rels = m.rels.borrow().clone();
    for r in rels {
        if r.viewonly || !r.cascade.iter().any(|c| c == "save-update") {
            continue;
        }
        if let Some(v) = dict_get(obj, &r.key) {
            let items = super::collections::items_of(&v);
            for it in items {
                if !it.is_none() {
                    add_obj(interp, s, &it)?;
                }
            }
        }
    }
    Ok(())
}

fn sess(args: &[Value]) -> PyResult<&Rc<SessionInner>> {
    this::<SessionObj>(args, "Session").map(|s| &s.0)
}

fn s_add(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let _phase = super::trace::phase("add");
    let s = sess(&args)?.clone();
    super::mapper::configure_all(interp)?;
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    add_obj(interp, &s, &obj)?;
    Ok(Value::None)
}

fn s_add_all(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let _phase = super::trace::phase("add");
    let s = sess(&args)?.clone();
    super::mapper::configure_all(interp)?;
    let items = interp.collect_iter(&args.get(1).cloned().unwrap_or(Value::None))?;
    for obj in items {
        add_obj(interp, &s, &obj)?;
    }
    Ok(Value::None)
}

fn s_delete(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let _phase = super::trace::phase("delete");
    let s = sess(&args)?.clone();
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    let key = with_state(interp, &obj, |st| st.s.borrow().key.clone())?;
    if key.is_none() {
        let shown = super::loading::state_str(&obj);
        return Err(crate::exc::raise(
            "InvalidRequestError",
            &format!("Instance '{shown}' is not persisted"),
        ));
    }
    add_obj(interp, &s, &obj)?;
    delete_cascade(interp, &s, &obj)?;
    Ok(Value::None)
}

/// Marks `obj` deleted, and what the "delete" cascade reaches (loading it).
pub fn delete_cascade(interp: &mut Interpreter, s: &Rc<SessionInner>, obj: &Value) -> PyResult<()> {
    if s.deleted.borrow().iter().any(|o| o.is(obj)) {
        return Ok(());
    }
    s.deleted.borrow_mut().push(obj.clone());
    let m = super::state::mapper_of(interp, obj)?;
    let rels = m.rels.borrow().clone();
    for r in rels {
        if !r.cascade.iter().any(|c| c == "delete") {
            continue;
        }
        // cascades load without autoflush; passive_deletes only walks what
        // is already loaded
        let v = if r.passive_deletes() {
            match dict_get(obj, &r.key) {
                Some(v) => v,
                None => continue,
            }
        } else {
            let was = s.flushing.replace(true);
            let v = interp.getattr(obj, &r.key);
            s.flushing.set(was);
            v?
        };
        let items = super::collections::items_of(&v);
        for it in items {
            if it.is_none() {
                continue;
            }
            let persistent = with_state(interp, &it, |st| st.s.borrow().key.is_some())?;
            if persistent {
                add_obj(interp, s, &it)?;
                delete_cascade(interp, s, &it)?;
            } else {
                s.new.borrow_mut().retain(|o| !o.is(&it));
                with_state(interp, &it, |st| st.s.borrow_mut().session = None)?;
            }
        }
    }
    Ok(())
}

fn s_flush(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    super::unitofwork::flush(interp, &s)?;
    Ok(Value::None)
}

pub fn expire_obj(interp: &mut Interpreter, obj: &Value) -> PyResult<()> {
    super::trace::change(
        interp,
        obj,
        "",
        "expire",
        &[],
        super::trace::current_phase(),
    );
    let m = super::state::mapper_of(interp, obj)?;
    for c in &m.cols {
        super::state::dict_del(obj, &c.key);
    }
    for r in m.rels.borrow().iter() {
        super::state::dict_del(obj, &r.key);
    }
    with_state(interp, obj, |st| {
        let mut b = st.s.borrow_mut();
        b.expired = true;
        b.committed.clear();
        b.coll_committed.clear();
        b.pending_rels.clear();
    })
}

fn s_commit(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let _phase = super::trace::phase("commit");
    let s = sess(&args)?.clone();
    s.assert_active()?;
    super::unitofwork::flush(interp, &s)?;
    if s.begun.replace(false) {
        let e = s.engine()?;
        crate::engine::default::log_commit(interp, &e);
    }
    s.txn_inserted.borrow_mut().clear();
    let gone: Vec<Value> = s.gone.borrow_mut().drain(..).collect();
    for o in gone {
        with_state(interp, &o, |st| st.s.borrow_mut().session = None)?;
    }
    if s.expire_on_commit {
        let objs: Vec<Value> = s
            .identity
            .borrow()
            .iter()
            .map(|(_, _, o)| o.clone())
            .collect();
        for o in objs {
            expire_obj(interp, &o)?;
        }
    }
    Ok(Value::None)
}

pub fn rollback(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<()> {
    s.failed_flush.borrow_mut().take();
    clear_modified(interp, s)?;
    let _phase = super::trace::phase("rollback");
    if s.begun.replace(false) {
        let e = s.engine()?;
        crate::engine::default::log_rollback(interp, &e);
    }
    let pending: Vec<Value> = s.new.borrow_mut().drain(..).collect();
    let inserted: Vec<Value> = s.txn_inserted.borrow_mut().drain(..).collect();
    for o in pending.iter().chain(inserted.iter()) {
        with_state(interp, o, |st| {
            let mut b = st.s.borrow_mut();
            b.session = None;
            b.key = None;
        })?;
    }
    s.identity
        .borrow_mut()
        .retain(|(_, _, o)| !inserted.iter().any(|i| i.is(o)));
    s.deleted.borrow_mut().clear();
    let objs: Vec<Value> = s
        .identity
        .borrow()
        .iter()
        .map(|(_, _, o)| o.clone())
        .collect();
    for o in objs {
        expire_obj(interp, &o)?;
    }
    Ok(())
}

fn s_rollback(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    rollback(interp, &s)?;
    Ok(Value::None)
}

pub fn close(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<()> {
    s.failed_flush.borrow_mut().take();
    clear_modified(interp, s)?;
    let _phase = super::trace::phase("close");
    if s.begun.replace(false) {
        let e = s.engine()?;
        crate::engine::default::log_rollback(interp, &e);
    }
    let objs: Vec<Value> = s
        .identity
        .borrow_mut()
        .drain(..)
        .map(|(_, _, o)| o)
        .chain(s.new.borrow_mut().drain(..))
        .collect();
    for o in &objs {
        with_state(interp, o, |st| st.s.borrow_mut().session = None)?;
    }
    s.deleted.borrow_mut().clear();
    s.txn_inserted.borrow_mut().clear();
    // Loaded objects are cycles (collections point back at their owner,
    // backrefs at the parent); free those nothing else holds, as CPython's
    // collector would, or every closed session's objects stay in memory.
    // A traced run keeps them: its step view shows every object the script
    // made, detached ones included.
    if !super::trace::active() {
        relplay_py::object::gc::collect(objs);
    }
    Ok(())
}

fn s_close(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    close(interp, &s)?;
    Ok(Value::None)
}

fn s_enter(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn s_exit(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    s_close(interp, args, kw)?;
    Ok(Value::Bool(false))
}

fn s_contains(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    with_state(interp, &obj, |_| ())?;
    Ok(Value::Bool(s.contains(&obj)))
}

fn s_get(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    let cls = args.get(1).cloned().unwrap_or(Value::None);
    let ident = args.get(2).cloned().unwrap_or(Value::None);
    super::loading::get(interp, &s, &cls, &ident)
}

fn s_refresh(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if args.len() > 2 || !kw.is_empty() {
        return Err(crate::util::not_supported(
            interp,
            "Session.refresh() with attribute names or options",
        ));
    }
    validate_persistent(interp, &s, &obj)?;
    expire_cascade(interp, &s, &obj)?;
    super::loading::refresh_as(interp, &obj, "refresh")?;
    Ok(Value::None)
}

fn s_expire(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    validate_persistent(interp, &s, &obj)?;
    match args
        .get(2)
        .cloned()
        .or_else(|| kw_get(&kw, "attribute_names"))
    {
        Some(names) if !names.is_none() => {
            // only these attributes: no cascade, the rest stays loaded
            for n in interp.collect_iter(&names)? {
                let n = crate::util::str_of(&n)
                    .map(|x| x.to_string())
                    .unwrap_or_default();
                super::state::dict_del(&obj, &n);
                with_state(interp, &obj, |st| {
                    let mut b = st.s.borrow_mut();
                    b.committed.remove(&n);
                    b.coll_committed.remove(&n);
                })?;
            }
        }
        _ => expire_cascade(interp, &s, &obj)?,
    }
    Ok(Value::None)
}

/// `Session._validate_persistent`: refresh/expire need an instance that is
/// persistent in this session.
fn validate_persistent(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    obj: &Value,
) -> PyResult<()> {
    let key = with_state(interp, obj, |st| st.s.borrow().key.is_some())?;
    if key && s.identity.borrow().contains_obj(obj) {
        return Ok(());
    }
    Err(crate::exc::raise(
        "InvalidRequestError",
        &format!(
            "Instance '{}' is not persistent within this Session",
            super::loading::state_str(obj)
        ),
    ))
}

/// Expires `obj` and what the "refresh-expire" cascade reaches through
/// loaded relationships (collected first: expiring drops the collections);
/// a pending object reached this way is expunged.
fn expire_cascade(interp: &mut Interpreter, s: &Rc<SessionInner>, obj: &Value) -> PyResult<()> {
    let mut reached: Vec<Value> = Vec::new();
    let mut stack = vec![obj.clone()];
    while let Some(o) = stack.pop() {
        let m = super::state::mapper_of(interp, &o)?;
        for r in m.rels.borrow().iter() {
            if !r.has_cascade("refresh-expire") {
                continue;
            }
            let Some(v) = dict_get(&o, &r.key) else {
                continue;
            };
            for it in super::collections::items_of(&v) {
                if it.is_none() || it.is(obj) || reached.iter().any(|x| x.is(&it)) {
                    continue;
                }
                reached.push(it.clone());
                stack.push(it);
            }
        }
    }
    expire_obj(interp, obj)?;
    for it in reached {
        let persistent = with_state(interp, &it, |st| st.s.borrow().key.is_some())?;
        if persistent {
            expire_obj(interp, &it)?;
        } else if s.new.borrow().contains(&it) {
            expunge(interp, s, &it)?;
        }
    }
    Ok(())
}

fn s_expire_all(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    let objs: Vec<Value> = s
        .identity
        .borrow()
        .iter()
        .map(|(_, _, o)| o.clone())
        .collect();
    for o in objs {
        expire_obj(interp, &o)?;
    }
    Ok(Value::None)
}

fn s_expunge(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let _phase = super::trace::phase("expunge");
    let s = sess(&args)?.clone();
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    if !s.contains(&obj) {
        let shown = super::loading::state_str(&obj);
        return Err(crate::exc::raise(
            "InvalidRequestError",
            &format!("Instance {shown} is not present in this Session"),
        ));
    }
    expunge(interp, &s, &obj)?;
    Ok(Value::None)
}

fn s_expunge_all(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    clear_modified(interp, &s)?;
    let objs: Vec<Value> = s
        .identity
        .borrow_mut()
        .drain(..)
        .map(|(_, _, o)| o)
        .chain(s.new.borrow_mut().drain(..))
        .collect();
    for o in objs {
        with_state(interp, &o, |st| st.s.borrow_mut().session = None)?;
    }
    s.deleted.borrow_mut().clear();
    Ok(Value::None)
}

fn s_merge(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    let load = match kw_get(&kw, "load") {
        Some(v) => truthy(interp, &Some(v))?,
        None => true,
    };
    if kw_get(&kw, "options").is_some() {
        return Err(crate::util::not_supported(
            interp,
            "Session.merge(options=...)",
        ));
    }
    super::merge::merge(interp, &s, &obj, load)
}

/// `session.is_modified(obj, include_collections=True)`: a net change in
/// any attribute (a value set back to what was loaded is not one).
fn s_is_modified(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    let colls = match args
        .get(2)
        .cloned()
        .or_else(|| kw_get(&kw, "include_collections"))
    {
        Some(v) => truthy(interp, &Some(v))?,
        None => true,
    };
    super::history::is_modified(interp, &obj, colls).map(Value::Bool)
}

/// Removes `obj`, and what the "expunge" cascade reaches, from the session.
fn expunge(interp: &mut Interpreter, s: &Rc<SessionInner>, obj: &Value) -> PyResult<()> {
    if !s.contains(obj) {
        return Ok(());
    }
    s.identity.borrow_mut().retain(|(_, _, o)| !o.is(obj));
    s.new.borrow_mut().retain(|o| !o.is(obj));
    s.deleted.borrow_mut().retain(|o| !o.is(obj));
    with_state(interp, obj, |st| st.s.borrow_mut().session = None)?;
    let m = super::state::mapper_of(interp, obj)?;
    let rels = m.rels.borrow().clone();
    for r in rels {
        if !r.cascade.iter().any(|c| c == "expunge") {
            continue;
        }
        if let Some(v) = dict_get(obj, &r.key) {
            let items = super::collections::items_of(&v);
            for it in items {
                if !it.is_none() {
                    expunge(interp, s, &it)?;
                }
            }
        }
    }
    Ok(())
}

fn s_execute(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    let stmt = args.get(1).cloned().unwrap_or(Value::None);
    let params = args.get(2).cloned().or_else(|| kw_get(&kw, "params"));
    let sync = match kw_get(&kw, "execution_options") {
        Some(Value::Dict(d)) => d.borrow().get_str("synchronize_session"),
        _ => None,
    };
    super::query::session_execute(interp, &s, &stmt, params, sync)
}

fn s_scalars(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let r = s_execute(interp, args, kw)?;
    crate::engine::result::scalars_of(&r)
}

fn s_scalar(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let r = s_execute(interp, args, kw)?;
    crate::engine::result::scalar_of(&r)
}

fn s_query(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = sess(&args)?.clone();
    super::query::new_query(interp, &s, args[1..].to_vec())
}

impl NativeObject for SessionObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "Session",
            "sqlalchemy.orm.session",
            &[
                ("add", s_add),
                ("add_all", s_add_all),
                ("delete", s_delete),
                ("flush", s_flush),
                ("commit", s_commit),
                ("rollback", s_rollback),
                ("close", s_close),
                ("get", s_get),
                ("refresh", s_refresh),
                ("expire", s_expire),
                ("expire_all", s_expire_all),
                ("expunge", s_expunge),
                ("expunge_all", s_expunge_all),
                ("merge", s_merge),
                ("is_modified", s_is_modified),
                ("execute", s_execute),
                ("scalars", s_scalars),
                ("scalar", s_scalar),
                ("query", s_query),
                ("begin", s_begin),
                ("__enter__", s_enter),
                ("__exit__", s_exit),
                ("__contains__", s_contains),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn contains(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        item: &Value,
    ) -> PyResult<Option<bool>> {
        with_state(interp, item, |_| ())?;
        Ok(Some(self.0.contains(item)))
    }
    fn getattr(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(match name {
            "new" => Some(native(IdentitySetObj(self.0.new.borrow().to_vec()))),
            "deleted" => Some(native(IdentitySetObj(self.0.deleted.borrow().clone()))),
            // optimistic, as SQLAlchemy's: every modified persistent object
            // not marked deleted, net change or not (see `is_modified`)
            "dirty" => {
                let _ = interp;
                let deleted = self.0.deleted.borrow();
                let d = super::unitofwork::modified_objects(&self.0)
                    .into_iter()
                    .filter(|o| !deleted.iter().any(|x| x.is(o)))
                    .collect();
                Some(native(IdentitySetObj(d)))
            }
            "no_autoflush" => Some(native(NoAutoflushObj(self.0.clone(), Cell::new(true)))),
            "autoflush" => Some(Value::Bool(self.0.autoflush.get())),
            "identity_map" => Some(Value::list(
                self.0
                    .identity
                    .borrow()
                    .iter()
                    .map(|(_, _, o)| o.clone())
                    .collect(),
            )),
            _ => None,
        })
    }
}

/// `sessionmaker(bind=engine, **kw)`.
pub struct SessionMakerObj {
    pub bind: Option<Value>,
    pub kw: Kwargs,
}

impl NativeObject for SessionMakerObj {
    fn class(&self) -> Rc<Class> {
        native_class("sessionmaker", "sqlalchemy.orm.session", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        args: Vec<Value>,
        kw: Kwargs,
    ) -> PyResult<Option<Value>> {
        let mut all = self.kw.clone();
        all.extend(kw.clone());
        let bind = args
            .first()
            .cloned()
            .or_else(|| kw_get(&kw, "bind"))
            .or_else(|| self.bind.clone());
        new_session(interp, bind, &all).map(Some)
    }
    fn getattr(
        &self,
        _interp: &mut Interpreter,
        me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        if name == "begin" {
            // `with Session.begin() as s:` a new session, committed on exit
            let maker = me.clone();
            return Ok(Some(relplay_py::builtins::builtin(
                "begin",
                move |i, _a, _k| {
                    let sess = i.call(&maker, vec![], vec![])?;
                    Ok(native(BeginObj {
                        session: sess,
                        close: true,
                    }))
                },
            )));
        }
        Ok(None)
    }
}

pub fn sessionmaker(_interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let bind = args.first().cloned().or_else(|| kw_get(&kw, "bind"));
    let kw: Kwargs = kw.into_iter().filter(|(k, _)| &**k != "bind").collect();
    Ok(native(SessionMakerObj { bind, kw }))
}

/// `session.new` / `.dirty` / `.deleted`: insertion-ordered, by identity.
pub struct IdentitySetObj(pub Vec<Value>);

impl NativeObject for IdentitySetObj {
    fn class(&self) -> Rc<Class> {
        native_class("IdentitySet", "sqlalchemy.util._collections", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        interp.iter(&Value::list(self.0.clone())).map(Some)
    }
    fn len(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.0.len()))
    }
    fn contains(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        item: &Value,
    ) -> PyResult<Option<bool>> {
        Ok(Some(self.0.iter().any(|x| x.is(item))))
    }
    fn bool(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<bool>> {
        Ok(Some(!self.0.is_empty()))
    }
    fn repr(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let inner = interp.repr(&Value::list(self.0.clone()))?;
        Ok(Some(format!("IdentitySet({inner})")))
    }
}

/// `with session.no_autoflush:`.
pub struct NoAutoflushObj(pub Rc<SessionInner>, pub Cell<bool>);

fn na_enter(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let n = this::<NoAutoflushObj>(&args, "no_autoflush")?;
    n.1.set(n.0.autoflush.replace(false));
    Ok(args[0].clone())
}

fn na_exit(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let n = this::<NoAutoflushObj>(&args, "no_autoflush")?;
    n.0.autoflush.set(n.1.get());
    Ok(Value::Bool(false))
}

impl NativeObject for NoAutoflushObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "_NoAutoflush",
            "sqlalchemy.orm.session",
            &[("__enter__", na_enter), ("__exit__", na_exit)],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn clear_modified(interp: &mut Interpreter, s: &Rc<SessionInner>) -> PyResult<()> {
    let touched: Vec<Value> = s.modified.borrow_mut().drain(..).collect();
    for o in touched {
        with_state(interp, &o, |st| st.s.borrow_mut().modified = false)?;
    }
    Ok(())
}

/// `session.begin()` / `sessionmaker.begin()`: commit on a clean exit,
/// roll back on an exception (and close, for the sessionmaker form).
pub struct BeginObj {
    pub session: Value,
    pub close: bool,
}

fn s_begin(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::None);
    Ok(native(BeginObj {
        session: me,
        close: false,
    }))
}

fn b_enter(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let b = this::<BeginObj>(&args, "SessionTransaction")?;
    Ok(if b.close {
        b.session.clone()
    } else {
        args[0].clone()
    })
}

fn b_exit(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let b = this::<BeginObj>(&args, "SessionTransaction")?;
    let failed = !matches!(args.get(1), None | Some(Value::None));
    let Some(s) = cast::<SessionObj>(&b.session).map(|s| s.0.clone()) else {
        return Ok(Value::Bool(false));
    };
    if failed {
        rollback(interp, &s)?;
    } else {
        s_commit(interp, vec![b.session.clone()], Vec::new())?;
    }
    if b.close {
        close(interp, &s)?;
    }
    Ok(Value::Bool(false))
}

impl NativeObject for BeginObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "SessionTransaction",
            "sqlalchemy.orm.session",
            &[("__enter__", b_enter), ("__exit__", b_exit)],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
