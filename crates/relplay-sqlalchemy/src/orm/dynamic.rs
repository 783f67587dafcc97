//! `relationship(lazy="dynamic")`: the attribute is an `AppenderQuery`, a
//! legacy Query filtered to the parent's rows that also takes `append()` /
//! `remove()` (kept as a pending collection until the flush).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use relplay_orm::sql::LabelStyle;
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use super::collections::CollObj;
use super::relationships::RelProp;
use super::session::{by_id, SessionInner};
use super::state::{dict_get, dict_set, with_state};
use crate::util::{cast, native, native_class, this};

/// "dynamic" (AppenderQuery) or "write_only" (WriteOnlyCollection): the
/// attribute is a query-like object over a never-loaded collection.
pub fn is_dynamic(r: &RelProp) -> bool {
    matches!(
        crate::util::str_of(&r.lazy).as_deref(),
        Some("dynamic" | "write_only")
    )
}

fn is_write_only(r: &RelProp) -> bool {
    matches!(crate::util::str_of(&r.lazy).as_deref(), Some("write_only"))
}

pub struct AppenderObj {
    pub owner: Value,
    pub rel: Rc<RelProp>,
}

impl AppenderObj {
    /// Iterating the attribute runs its query implicitly (its own methods
    /// such as `.all()` are the line's direct call).
    fn cause(&self) -> String {
        let class = super::mapper::of_value(&self.owner)
            .map(|m| m.name().to_string())
            .unwrap_or_default();
        format!("dynamic load {class}.{}", self.rel.key)
    }
    /// The pending collection kept for the flush (never loaded).
    fn pending(&self, interp: &mut Interpreter) -> PyResult<Value> {
        if let Some(v) = dict_get(&self.owner, &self.rel.key) {
            return Ok(v);
        }
        let v = native(CollObj {
            owner: self.owner.clone(),
            rel: self.rel.clone(),
            items: RefCell::new(Vec::new()),
        });
        dict_set(&self.owner, &self.rel.key, v.clone());
        with_state(interp, &self.owner, |st| {
            st.s.borrow_mut()
                .coll_committed
                .insert(self.rel.key.clone(), Vec::new());
        })?;
        Ok(v)
    }

    /// The query: the target entity where the lazy clause holds.
    fn query(&self, interp: &mut Interpreter) -> PyResult<Value> {
        let (s, _) = super::loading::lazy_criterion(interp, &self.owner, &self.rel)?;
        let sel = self.select(interp, false)?;
        Ok(native(super::query::QueryObj {
            session: s,
            sel: RefCell::new(sel),
        }))
    }

    /// The query's SELECT, which needs no session to be built (`for_text`:
    /// see `lazy_where`).
    fn select(
        &self,
        interp: &mut Interpreter,
        for_text: bool,
    ) -> PyResult<crate::sql::selectable::SelectObj> {
        let Some(res) = self.rel.resolved() else {
            return Err(crate::util::not_supported(
                interp,
                "an unconfigured dynamic relationship",
            ));
        };
        let crit = super::loading::lazy_where(interp, &self.owner, &self.rel, for_text)?;
        let mut sel = crate::sql::selectable::SelectObj {
            sel: super::loading::select_of(&res.target).where_(crit),
            entity: Some(res.target.clone()),
            joined: None,
            options: Vec::new(),
            parts: Vec::new(),
            populate_existing: false,
        };
        sel.sel.order_by = self.rel.order_by.borrow().clone();
        sel.sel.label_style = LabelStyle::TablenamePlusCol;
        Ok(sel)
    }

    /// `AppenderQuery.session`: the parent's session, autoflushed first,
    /// or None while the parent has no identity (transient or pending)
    /// or is detached.
    fn session(&self, interp: &mut Interpreter) -> PyResult<Option<Rc<SessionInner>>> {
        let sid = with_state(interp, &self.owner, |st| st.s.borrow().session)?;
        let Some(s) = sid.and_then(by_id) else {
            return Ok(None);
        };
        super::unitofwork::autoflush(interp, &s)?;
        let has_identity = with_state(interp, &self.owner, |st| st.s.borrow().key.is_some())?;
        Ok(has_identity.then_some(s))
    }

    /// Without a session SQLAlchemy answers from the collection's pending
    /// additions (`added_items`), warning first when the parent is detached.
    fn offline_items(&self, interp: &mut Interpreter, warn: bool) -> PyResult<Vec<Value>> {
        let detached = with_state(interp, &self.owner, |st| st.s.borrow().key.is_some())?;
        if warn && detached {
            let msg = format!(
                "Instance {} is detached, dynamic relationship cannot return a correct result.   This warning will become a DetachedInstanceError in a future release.",
                super::loading::state_str(&self.owner)
            );
            crate::exc::warn(interp, "SAWarning", &msg)?;
        }
        let p = self.pending(interp)?;
        Ok(cast::<CollObj>(&p)
            .map(|c| c.snapshot())
            .unwrap_or_default())
    }
}

/// `AppenderQuery.count()`: the query's count, or without a session the
/// number of pending additions.
fn a_count(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let a = this::<AppenderObj>(&args, "AppenderQuery")?;
    if a.session(interp)?.is_none() {
        return Ok(Value::Int(a.offline_items(interp, false)?.len() as i64));
    }
    let q = a.query(interp)?;
    let count = interp.getattr(&q, "count")?;
    interp.call0(&count, Vec::new())
}

/// `WriteOnlyCollection.select()`: a 2.0 `select()` of the members.
fn w_select(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let a = this::<AppenderObj>(&args, "WriteOnlyCollection")?;
    let Some(res) = a.rel.resolved() else {
        return Err(crate::util::not_supported(
            interp,
            "an unconfigured write-only relationship",
        ));
    };
    let (_, crit) = super::loading::lazy_criterion(interp, &a.owner, &a.rel)?;
    let mut sel = crate::sql::selectable::SelectObj {
        sel: super::loading::select_of(&res.target).where_(crit),
        entity: Some(res.target.clone()),
        joined: None,
        options: Vec::new(),
        parts: Vec::new(),
        populate_existing: false,
    };
    sel.sel.order_by = a.rel.order_by.borrow().clone();
    Ok(native(sel))
}

fn a_append(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let a = this::<AppenderObj>(&args, "AppenderQuery")?;
    let item = args.get(1).cloned().unwrap_or(Value::None);
    let p = a.pending(interp)?;
    if let Some(c) = cast::<CollObj>(&p) {
        c.items.borrow_mut().push(item.clone());
    }
    super::attributes::on_append(interp, &a.owner, &a.rel, &item)?;
    Ok(Value::None)
}

fn a_extend(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let items = interp.collect_iter(&args.get(1).cloned().unwrap_or(Value::None))?;
    for it in items {
        a_append(interp, vec![args[0].clone(), it], kw.clone())?;
    }
    Ok(Value::None)
}

fn a_remove(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let a = this::<AppenderObj>(&args, "AppenderQuery")?;
    let item = args.get(1).cloned().unwrap_or(Value::None);
    let p = a.pending(interp)?;
    if let Some(c) = cast::<CollObj>(&p) {
        c.items.borrow_mut().retain(|x| !x.is(&item));
        // remembered as committed, so the flush sees it leave (nullify)
        with_state(interp, &a.owner, |st| {
            let mut b = st.s.borrow_mut();
            let e = b.coll_committed.entry(a.rel.key.clone()).or_default();
            if !e.iter().any(|x| x.is(&item)) {
                e.push(item.clone());
            }
        })?;
    }
    super::attributes::on_remove(interp, &a.owner, &a.rel, &item)?;
    Ok(Value::None)
}

impl NativeObject for AppenderObj {
    fn class(&self) -> Rc<Class> {
        if is_write_only(&self.rel) {
            return native_class(
                "WriteOnlyCollection",
                "sqlalchemy.orm.writeonly",
                &[
                    ("add", a_append),
                    ("add_all", a_extend),
                    ("remove", a_remove),
                    ("select", w_select),
                ],
            );
        }
        native_class(
            "AppenderQuery",
            "sqlalchemy.orm.dynamic",
            &[
                ("append", a_append),
                ("extend", a_extend),
                ("remove", a_remove),
                ("count", a_count),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// `str(parent.children)` is its query's SQL, as for any Query: with
    /// the session's SQLite dialect, or with no session (a transient
    /// parent) the default dialect's `:param_1` binds.
    fn str(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let in_session = self.session(interp)?.is_some();
        let sel = self.select(interp, true)?;
        let stmt = relplay_orm::sql::Statement::Select(&sel.sel);
        let sql = match in_session {
            true => relplay_orm::sql::compile(stmt).map(|c| c.sql),
            false => relplay_orm::sql::compile_str(stmt),
        };
        sql.map(Some).map_err(crate::util::orm_err)
    }
    fn getattr(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        // The appender's own methods work without a session.
        let own = matches!(name, "append" | "extend" | "remove" | "count");
        if is_write_only(&self.rel) || own {
            return Ok(None);
        }
        let q = self.query(interp)?;
        interp.getattr_opt(&q, name)
    }
    fn iter(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        if is_write_only(&self.rel) {
            return Err(crate::util::type_error("WriteOnly collections don't support iteration in-place; to query for collection items, use the select() method to produce a SQL statement and execute it with session.scalars()."));
        }
        if self.session(interp)?.is_none() {
            let items = self.offline_items(interp, true)?;
            return interp.iter(&Value::list(items)).map(Some);
        }
        let q = self.query(interp)?;
        let cause = self.cause();
        super::trace::caused(interp, cause, |i| i.iter(&q)).map(Some)
    }
    fn getitem(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        key: Value,
    ) -> PyResult<Option<Value>> {
        let items = if self.session(interp)?.is_none() {
            self.offline_items(interp, false)?
        } else {
            let q = self.query(interp)?;
            let cause = self.cause();
            super::trace::caused(interp, cause, |i| i.collect_iter(&q))?
        };
        interp.getitem(&Value::list(items), key).map(Some)
    }
    // No `len`: SQLAlchemy's AppenderQuery has no `__len__` (use `.count()`),
    // so `len()` is CPython's TypeError.
}
