//! Instrumented attributes: class-level SQL expressions, instance-level
//! loading (expired columns, lazy relationships) and the in-Python
//! both-sides sync of relationships (backref events), kept apart from the
//! flush-time foreign key sync.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use relplay_orm::sql::Expr;
use relplay_py::ast::{BinOp, CmpOp, UnaryOp};
use relplay_py::object::class::Class;
use relplay_py::object::native::NativeObject;
use relplay_py::{Interpreter, PyResult, Value};

use super::collections::CollObj;
use super::mapper::Mapper;
use super::relationships::RelProp;
use super::state::{dict_get, dict_set, with_state};
use super::trace;
use crate::util::{cast, native, native_class};

pub enum AttrKind {
    Column(usize),
    Rel(Rc<RelProp>),
}

pub struct AttrObj {
    pub mapper: Rc<Mapper>,
    pub key: String,
    pub kind: AttrKind,
}

impl AttrObj {
    pub fn expr(&self) -> Option<Expr> {
        match &self.kind {
            AttrKind::Column(i) => {
                let c = &self.mapper.cols[*i];
                Some(Expr::col(&self.mapper.table, &c.column, c.ty.clone()))
            }
            AttrKind::Rel(_) => None,
        }
    }
}

pub fn attr_expr(v: &Value) -> Option<Expr> {
    cast::<AttrObj>(v).and_then(|a| a.expr())
}

pub fn column_of_attr(v: &Value) -> Option<(String, String)> {
    let a = cast::<AttrObj>(v)?;
    match &a.kind {
        AttrKind::Column(i) => Some((a.mapper.table.to_string(), a.mapper.cols[*i].column.clone())),
        AttrKind::Rel(_) => None,
    }
}

impl NativeObject for AttrObj {
    fn class(&self) -> Rc<Class> {
        native_class("InstrumentedAttribute", "sqlalchemy.orm.attributes", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_descriptor(&self) -> bool {
        true
    }
    fn is_data_descriptor(&self) -> bool {
        true
    }
    fn descr_get(
        &self,
        interp: &mut Interpreter,
        me: &Value,
        instance: &Value,
        _owner: &Value,
    ) -> PyResult<Option<Value>> {
        if instance.is_none() {
            return Ok(Some(me.clone()));
        }
        super::mapper::configure_all(interp)?;
        get_value(interp, instance, self).map(Some)
    }
    fn descr_set(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        instance: &Value,
        v: Value,
    ) -> PyResult<bool> {
        super::mapper::configure_all(interp)?;
        super::state::state_of(interp, instance)?;
        super::state::touch(interp, instance)?;
        let v = match self.mapper.validator(&self.key) {
            Some(f) if !matches!(&self.kind, AttrKind::Rel(r) if r.resolved().map(|x| x.uselist).unwrap_or(false)) => {
                interp.call(&f, vec![instance.clone(), Value::str(&self.key), v], vec![])?
            }
            _ => v,
        };
        match &self.kind {
            AttrKind::Column(_) => {
                trace::change(
                    interp,
                    instance,
                    &self.key,
                    "set",
                    std::slice::from_ref(&v),
                    None,
                );
                dict_set(instance, &self.key, v)
            }
            AttrKind::Rel(r) => {
                // a collection assignment reports its appends and removes
                if trace::active() && !r.resolved().is_some_and(|x| x.uselist) {
                    trace::change(
                        interp,
                        instance,
                        &self.key,
                        "set",
                        std::slice::from_ref(&v),
                        None,
                    );
                }
                set_rel(interp, instance, r, v)?
            }
        }
        Ok(true)
    }
    fn descr_delete(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        instance: &Value,
    ) -> PyResult<bool> {
        super::state::touch(interp, instance)?;
        trace::change(interp, instance, &self.key, "delete", &[], None);
        match &self.kind {
            AttrKind::Column(_) => {
                if super::state::dict_del(instance, &self.key).is_none() {
                    return Err(relplay_py::PyErr::new("AttributeError", self.key.clone()));
                }
            }
            AttrKind::Rel(r) => set_rel(interp, instance, r, Value::None)?,
        }
        Ok(true)
    }
    fn getattr(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        match name {
            "key" => return Ok(Some(Value::str(&self.key))),
            "property" | "prop" => {
                super::mapper::configure_all(interp)?;
                if let AttrKind::Rel(r) = &self.kind {
                    return Ok(Some(native(super::relationships::RelPropertyObj(
                        r.clone(),
                    ))));
                }
                return Err(crate::util::not_supported(
                    interp,
                    &format!("{}.{name} of a column", self.key),
                ));
            }
            "any" | "has" => {
                if let AttrKind::Rel(r) = &self.kind {
                    let r = r.clone();
                    let m = self.mapper.clone();
                    let has = name == "has";
                    return Ok(Some(relplay_py::builtins::builtin(name, move |i, a, k| {
                        super::mapper::configure_all(i)?;
                        rel_exists(i, &m, &r, a, k, has)
                    })));
                }
                return Err(crate::util::not_supported(
                    interp,
                    &format!("{}.{name} of a column", self.key),
                ));
            }
            "contains" if matches!(self.kind, AttrKind::Rel(_)) => {
                if let AttrKind::Rel(r) = &self.kind {
                    let r = r.clone();
                    let m = self.mapper.clone();
                    return Ok(Some(relplay_py::builtins::builtin(
                        name,
                        move |i, a, _k| {
                            super::mapper::configure_all(i)?;
                            let other = a.first().cloned().unwrap_or(Value::None);
                            rel_contains(i, &m, &r, &other)
                                .map(|e| native(crate::sql::elements::ExprObj(e)))
                        },
                    )));
                }
            }
            "comparator" | "of_type" => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("{}.{name}", self.key),
                ))
            }
            _ => {}
        }
        match self.expr() {
            Some(e) => crate::sql::elements::expr_attr(interp, e, name),
            None => Ok(None),
        }
    }
    fn richcompare(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        op: CmpOp,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        match (self.expr(), &self.kind) {
            (Some(e), _) => crate::sql::elements::compare(interp, e, op, other).map(Some),
            (None, AttrKind::Rel(r)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                super::mapper::configure_all(interp)?;
                let e = rel_compare(interp, &self.mapper, r, other)?;
                Ok(Some(native(crate::sql::elements::ExprObj(
                    if op == CmpOp::Eq {
                        e
                    } else {
                        relplay_orm::sql::not_(e)
                    },
                ))))
            }
            _ => Err(crate::util::not_supported(
                interp,
                "this comparison of a relationship attribute",
            )),
        }
    }
    fn binop(
        &self,
        _i: &mut Interpreter,
        _me: &Value,
        op: BinOp,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        match self.expr() {
            Some(e) => crate::sql::elements::column_binop(&e, op, other, reflected),
            None => Ok(None),
        }
    }
    fn unary(&self, _i: &mut Interpreter, _me: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
        match self.expr() {
            Some(e) => crate::sql::elements::column_unary(&e, op),
            None => Ok(None),
        }
    }
    fn hash(&self, _interp: &mut Interpreter, me: &Value) -> PyResult<Option<i64>> {
        Ok(Some(me.id() as i64))
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!(
            "<sqlalchemy.orm.attributes.InstrumentedAttribute object at 0x{:x}>",
            0x7f00_0000_0000u64
        )))
    }
    fn str(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!("{}.{}", self.mapper.name(), self.key)))
    }
}

fn get_value(interp: &mut Interpreter, obj: &Value, a: &AttrObj) -> PyResult<Value> {
    if let AttrKind::Rel(r) = &a.kind {
        if super::dynamic::is_dynamic(r) {
            return Ok(native(super::dynamic::AppenderObj {
                owner: obj.clone(),
                rel: r.clone(),
            }));
        }
    }
    if let Some(v) = dict_get(obj, &a.key) {
        return Ok(v);
    }
    let (persistent, expired) = with_state(interp, obj, |s| {
        let st = s.s.borrow();
        (st.key.is_some(), st.expired)
    })?;
    match &a.kind {
        AttrKind::Column(_) => {
            if persistent && expired {
                let cause = format!("refresh {}.{}", a.mapper.name(), a.key);
                trace::change(interp, obj, &a.key, "refresh", &[], Some(cause.clone()));
                trace::caused(interp, cause, |i| super::loading::refresh(i, obj))?;
                if let Some(v) = dict_get(obj, &a.key) {
                    return Ok(v);
                }
            }
            Ok(Value::None)
        }
        AttrKind::Rel(r) => {
            let Some(res) = r.resolved() else {
                return Ok(Value::None);
            };
            if persistent {
                if let Some(v) = super::strategies::without_sql(interp, obj, r)? {
                    if res.uselist {
                        return new_collection(interp, obj, r, Vec::new());
                    }
                    return Ok(v);
                }
            }
            if res.uselist {
                if !persistent {
                    return Ok(native(CollObj {
                        owner: obj.clone(),
                        rel: r.clone(),
                        items: RefCell::new(Vec::new()),
                    }));
                }
                let (items, via) = trace::lazy_loading(interp, &a.mapper.name(), &a.key, |i| {
                    super::loading::lazy_load(i, obj, r)
                });
                let items = items?;
                trace::change(interp, obj, &a.key, "load", &items, Some(via));
                let v = new_collection(interp, obj, r, items.clone())?;
                with_state(interp, obj, |s| {
                    s.s.borrow_mut().coll_committed.insert(r.key.clone(), items);
                })?;
                Ok(v)
            } else {
                let (v, via) = if persistent {
                    let (v, via) = trace::lazy_loading(interp, &a.mapper.name(), &a.key, |i| {
                        super::loading::lazy_load_scalar(i, obj, r)
                    });
                    (v?, via)
                } else {
                    (Value::None, String::new())
                };
                if persistent {
                    trace::change(
                        interp,
                        obj,
                        &a.key,
                        "load",
                        std::slice::from_ref(&v),
                        Some(via),
                    );
                    dict_set(obj, &r.key, v.clone());
                    with_state(interp, obj, |s| {
                        s.s.borrow_mut()
                            .coll_committed
                            .insert(r.key.clone(), vec![v.clone()]);
                    })?;
                }
                Ok(v)
            }
        }
    }
}

pub fn new_collection(
    _interp: &mut Interpreter,
    owner: &Value,
    r: &Rc<RelProp>,
    items: Vec<Value>,
) -> PyResult<Value> {
    let v = native(CollObj {
        owner: owner.clone(),
        rel: r.clone(),
        items: RefCell::new(items),
    });
    dict_set(owner, &r.key, v.clone());
    Ok(v)
}

/// The loaded collection of `owner.key`, initialized empty for objects with
/// no identity yet (nothing to load); `None` if persistent and unloaded.
fn loaded_collection(
    interp: &mut Interpreter,
    owner: &Value,
    r: &Rc<RelProp>,
) -> PyResult<Option<Value>> {
    if let Some(v) = dict_get(owner, &r.key) {
        return Ok(Some(v));
    }
    let persistent = with_state(interp, owner, |s| s.s.borrow().key.is_some())?;
    if persistent {
        return Ok(None);
    }
    new_collection(interp, owner, r, Vec::new()).map(Some)
}

fn reverse_of(r: &Rc<RelProp>) -> Option<Rc<RelProp>> {
    let res = r.resolved()?;
    let name = r.reverse()?;
    res.target.rel(&name)
}

/// The save-update cascade along the relationship an event fired on:
/// `item` joins `owner`'s session. Backref-side changes don't cascade
/// (SQLAlchemy 2.0 removed cascade_backrefs).
fn cascade_forward(
    interp: &mut Interpreter,
    owner: &Value,
    r: &RelProp,
    item: &Value,
) -> PyResult<()> {
    if item.is_none() || owner.is_none() || !r.cascade.iter().any(|c| c == "save-update") {
        return Ok(());
    }
    let so = with_state(interp, owner, |s| s.s.borrow().session)?;
    match so {
        Some(id) => {
            let _phase = trace::phase("cascade");
            super::session::add_to(interp, id, item)
        }
        None => Ok(()),
    }
}

/// Whether `owner.rev` is a loaded collection holding `item`.
fn coll_contains(owner: &Value, rev: &RelProp, item: &Value) -> bool {
    dict_get(owner, &rev.key)
        .and_then(|c| cast::<CollObj>(&c).map(|c| c.contains_obj(item)))
        .unwrap_or(false)
}

/// Appends without events (the other side of a backref).
fn quiet_append(
    interp: &mut Interpreter,
    owner: &Value,
    r: &Rc<RelProp>,
    item: &Value,
) -> PyResult<()> {
    if let Some(c) = loaded_collection(interp, owner, r)? {
        if let Some(c) = cast::<CollObj>(&c) {
            if !c.contains_obj(item) {
                c.items.borrow_mut().push(item.clone());
            }
        }
    }
    Ok(())
}

fn quiet_remove(owner: &Value, r: &Rc<RelProp>, item: &Value) {
    if let Some(c) = dict_get(owner, &r.key) {
        if let Some(c) = cast::<CollObj>(&c) {
            let pos = c.items.borrow().iter().position(|x| x.is(item));
            if let Some(p) = pos {
                c.items.borrow_mut().remove(p);
            }
        }
    }
}

/// Other side of `rev` (declared on `owner`) now points at `target`.
fn quiet_link(
    interp: &mut Interpreter,
    owner: &Value,
    rev: &Rc<RelProp>,
    target: &Value,
) -> PyResult<()> {
    super::state::touch(interp, owner)?;
    super::state::note_pending_rel(interp, owner, &rev.key)?;
    let uselist = rev.resolved().map(|r| r.uselist).unwrap_or(true);
    if uselist {
        // (only while tracing: the membership scan is not free)
        if trace::active() && !coll_contains(owner, rev, target) {
            let via = trace::via_pair(rev);
            trace::change(
                interp,
                owner,
                &rev.key,
                "append",
                std::slice::from_ref(target),
                via,
            );
        }
        quiet_append(interp, owner, rev, target)
    } else {
        if trace::active() && !dict_get(owner, &rev.key).is_some_and(|c| c.is(target)) {
            let via = trace::via_pair(rev);
            trace::change(
                interp,
                owner,
                &rev.key,
                "set",
                std::slice::from_ref(target),
                via,
            );
        }
        dict_set(owner, &rev.key, target.clone());
        Ok(())
    }
}

fn quiet_unlink(
    interp: &mut Interpreter,
    owner: &Value,
    rev: &Rc<RelProp>,
    target: &Value,
) -> PyResult<()> {
    super::state::touch(interp, owner)?;
    let uselist = rev.resolved().map(|r| r.uselist).unwrap_or(true);
    if uselist {
        super::state::note_pending_rel(interp, owner, &rev.key)?;
        if trace::active() && coll_contains(owner, rev, target) {
            let via = trace::via_pair(rev);
            trace::change(
                interp,
                owner,
                &rev.key,
                "remove",
                std::slice::from_ref(target),
                via,
            );
        }
        quiet_remove(owner, rev, target);
        return Ok(());
    }
    // An unloaded scalar is looked up without SQL (PASSIVE_NO_FETCH).
    let cur = match dict_get(owner, &rev.key) {
        Some(c) => c,
        None => {
            let persistent = with_state(interp, owner, |s| s.s.borrow().key.is_some())?;
            if !persistent {
                return Ok(());
            }
            super::loading::lazy_load_scalar_quiet(interp, owner, rev)?
        }
    };
    if cur.is(target) {
        if trace::active() {
            let via = trace::via_pair(rev);
            trace::change(interp, owner, &rev.key, "set", &[Value::None], via);
        }
        dict_set(owner, &rev.key, Value::None);
    }
    Ok(())
}

/// Assigning to a list collection takes only what SQLAlchemy duck-types as
/// a list (a list, or anything with `append`); a tuple, set, iterator or
/// `None` is its TypeError, raised before the old collection is loaded.
fn check_list_like(interp: &mut Interpreter, v: &Value) -> PyResult<()> {
    let list_like = matches!(v, Value::List(_))
        || cast::<CollObj>(v).is_some()
        || (!v.is_none() && interp.getattr_opt(v, "append")?.is_some());
    if list_like {
        return Ok(());
    }
    let given = if v.is_none() {
        "None".into()
    } else {
        v.type_name()
    };
    Err(crate::util::type_error(format!(
        "Incompatible collection type: {given} is not list-like"
    )))
}

/// An instance of a class without the backref's attribute: SQLAlchemy's
/// backref handler fails looking it up (`KeyError: 'children'`).
fn wrong_class_backref(r: &Rc<RelProp>, v: &Value) -> PyResult<()> {
    let (Some(name), Some(m)) = (r.reverse(), super::mapper::of_value(v)) else {
        return Ok(());
    };
    if m.rel(&name).is_some() || m.cols.iter().any(|c| c.key == name) {
        return Ok(());
    }
    Err(relplay_py::vm::exc::key_error(Value::str(&name)))
}

/// A relationship value must be a mapped instance: SQLAlchemy's
/// `instance_state(value)` fails with this AttributeError otherwise.
pub fn require_instance(v: &Value) -> PyResult<()> {
    if v.is_none() || super::mapper::of_value(v).is_some() {
        return Ok(());
    }
    Err(relplay_py::vm::exc::attribute_error(format!(
        "'{}' object has no attribute '_sa_instance_state'",
        v.type_name()
    )))
}

/// `obj.rel = value` for scalar and collection relationships.
fn set_rel(interp: &mut Interpreter, obj: &Value, r: &Rc<RelProp>, v: Value) -> PyResult<()> {
    let uselist = r.resolved().map(|x| x.uselist).unwrap_or(false);
    if !uselist {
        require_instance(&v)?;
        wrong_class_backref(r, &v)?;
    }
    if uselist {
        check_list_like(interp, &v)?;
        let new_items = interp.collect_iter(&v)?;
        let old = match loaded_collection(interp, obj, r)? {
            Some(c) => cast::<CollObj>(&c)
                .map(|c| c.snapshot())
                .unwrap_or_default(),
            None => super::loading::lazy_load(interp, obj, r)?,
        };
        let had = dict_get(obj, &r.key).is_some();
        if !had {
            with_state(interp, obj, |s| {
                s.s.borrow_mut()
                    .coll_committed
                    .insert(r.key.clone(), old.clone());
            })?;
        }
        new_collection(interp, obj, r, new_items.clone())?;
        for o in &old {
            if !new_items.iter().any(|n| n.is(o)) {
                on_remove(interp, obj, r, o)?;
            }
        }
        for n in &new_items {
            if !old.iter().any(|o| o.is(n)) {
                on_append(interp, obj, r, n)?;
            }
        }
        return Ok(());
    }
    let mut old = dict_get(obj, &r.key);
    if old.is_none() {
        // The old value without SQL (identity map only), as SQLAlchemy's
        // PASSIVE_NO_FETCH get does for the backref and the flush history.
        let persistent = with_state(interp, obj, |s| s.s.borrow().key.is_some())?;
        if persistent {
            // delete-orphan needs the old value: SQLAlchemy's active history
            // loads it (without autoflush)
            let cur = if r.has_cascade("delete-orphan") {
                super::loading::lazy_load_scalar_no_autoflush(interp, obj, r)?
            } else {
                super::loading::lazy_load_scalar_quiet(interp, obj, r)?
            };
            with_state(interp, obj, |s| {
                s.s.borrow_mut()
                    .coll_committed
                    .entry(r.key.clone())
                    .or_insert_with(|| vec![cur.clone()]);
            })?;
            old = Some(cur);
        }
    }
    dict_set(obj, &r.key, v.clone());
    if let Some(rev) = reverse_of(r) {
        if let Some(o) = &old {
            if !o.is_none() && !o.is(&v) {
                quiet_unlink(interp, o, &rev, obj)?;
            }
        }
        if !v.is_none() {
            quiet_link(interp, &v, &rev, obj)?;
        }
    }
    cascade_forward(interp, obj, r, &v)
}

/// A collection gained `item`: set the other side and cascade.
pub fn on_append(
    interp: &mut Interpreter,
    owner: &Value,
    r: &Rc<RelProp>,
    item: &Value,
) -> PyResult<()> {
    require_instance(item)?;
    super::state::touch(interp, owner)?;
    trace::change(
        interp,
        owner,
        &r.key,
        "append",
        std::slice::from_ref(item),
        None,
    );
    if !item.is_none() {
        super::state::touch(interp, item)?;
    }
    if let Some(rev) = reverse_of(r) {
        let rev_uselist = rev.resolved().map(|x| x.uselist).unwrap_or(false);
        if !rev_uselist {
            if let Some(old) = dict_get(item, &rev.key) {
                if !old.is_none() && !old.is(owner) {
                    quiet_unlink(interp, &old, r, item)?;
                }
            }
        }
        quiet_link(interp, item, &rev, owner)?;
    }
    cascade_forward(interp, owner, r, item)
}

pub fn on_remove(
    interp: &mut Interpreter,
    owner: &Value,
    r: &Rc<RelProp>,
    item: &Value,
) -> PyResult<()> {
    super::state::touch(interp, owner)?;
    trace::change(
        interp,
        owner,
        &r.key,
        "remove",
        std::slice::from_ref(item),
        None,
    );
    if !item.is_none() {
        super::state::touch(interp, item)?;
    }
    if let Some(rev) = reverse_of(r) {
        quiet_unlink(interp, item, &rev, owner)?;
    }
    Ok(())
}

fn col_expr(m: &Mapper, c: &relplay_orm::relationships::ColId) -> Expr {
    let ty = m
        .meta
        .md
        .borrow()
        .table(&c.table)
        .and_then(|t| t.column(&c.column))
        .map(|c| c.ty.clone())
        .unwrap_or(relplay_orm::types::SqlType::Null);
    Expr::col(&c.table, &c.column, ty)
}

/// `Child.parent == obj`: the join condition with the target's columns bound
/// to `obj`'s values (`? = child.parent_id`); `== None` is `IS NULL`.
fn rel_compare(
    interp: &mut Interpreter,
    m: &Rc<Mapper>,
    r: &Rc<RelProp>,
    other: &Value,
) -> PyResult<Expr> {
    let Some(res) = r.resolved() else {
        return Err(crate::util::not_supported(
            interp,
            "comparing an unconfigured relationship",
        ));
    };
    if res.analysis.direction != relplay_orm::relationships::Direction::ManyToOne {
        return Err(crate::util::not_supported(
            interp,
            "== on a collection relationship (use .any())",
        ));
    }
    let mut crit = Vec::new();
    for (l, rr) in &res.analysis.primaryjoin {
        let l_remote = res.analysis.remote.contains(l)
            || (l.table == *res.target.table && l.table != *m.table);
        let (remote, local) = if l_remote { (l, rr) } else { (rr, l) };
        let local_e = col_expr(m, local);
        if other.is_none() {
            crit.push(local_e.is_null());
            continue;
        }
        let key = res
            .target
            .col_by_column(&remote.column)
            .map(|c| c.key.clone())
            .unwrap_or_default();
        let v = interp.getattr(other, &key)?;
        let pv = crate::util::to_py(&v)?;
        let bind = Expr::Bind {
            value: pv.clone(),
            ty: local_e.sql_type(),
        };
        crit.push(if pv == relplay_orm::PyValue::None {
            local_e.is_null()
        } else if l_remote {
            bind.binary(relplay_orm::sql::BinOp::Eq, local_e)
        } else {
            local_e.binary(relplay_orm::sql::BinOp::Eq, bind)
        });
    }
    Ok(relplay_orm::sql::and_(crit))
}

/// `Parent.children.contains(obj)` (one-to-many): the parent's columns equal
/// to `obj`'s foreign key values (`users.id = ?`).
fn rel_contains(
    interp: &mut Interpreter,
    m: &Rc<Mapper>,
    r: &Rc<RelProp>,
    other: &Value,
) -> PyResult<Expr> {
    let Some(res) = r.resolved() else {
        return Err(crate::util::not_supported(
            interp,
            "contains() on an unconfigured relationship",
        ));
    };
    if res.analysis.direction != relplay_orm::relationships::Direction::OneToMany {
        return Err(crate::util::not_supported(
            interp,
            "contains() on a relationship other than one-to-many",
        ));
    }
    let mut crit = Vec::new();
    for (l, rr) in &res.analysis.local_remote_pairs {
        let local_e = col_expr(m, l);
        let key = res
            .target
            .col_by_column(&rr.column)
            .map(|c| c.key.clone())
            .unwrap_or_default();
        let v = interp.getattr(other, &key)?;
        let pv = crate::util::to_py(&v)?;
        crit.push(if pv == relplay_orm::PyValue::None {
            local_e.is_null()
        } else {
            let ty = local_e.sql_type();
            local_e.binary(relplay_orm::sql::BinOp::Eq, Expr::Bind { value: pv, ty })
        });
    }
    Ok(relplay_orm::sql::and_(crit))
}

/// `Parent.children.any(crit)` / `Child.parent.has(crit)`: EXISTS subquery.
fn rel_exists(
    interp: &mut Interpreter,
    m: &Rc<Mapper>,
    r: &Rc<RelProp>,
    args: Vec<Value>,
    kw: relplay_py::object::native::Kwargs,
    has: bool,
) -> PyResult<Value> {
    let Some(res) = r.resolved() else {
        return Err(crate::util::not_supported(
            interp,
            "any()/has() on an unconfigured relationship",
        ));
    };
    let is_scalar = !res.uselist;
    if has != is_scalar {
        let msg = if has {
            "'has()' not implemented for collections.  Use any()."
        } else {
            "'any()' not implemented for scalar attributes. Use has()."
        };
        return Err(crate::exc::raise("InvalidRequestError", msg));
    }
    let mut crit: Vec<Expr> = Vec::new();
    for (l, rr) in &res.analysis.primaryjoin {
        crit.push(col_expr(m, l).binary(relplay_orm::sql::BinOp::Eq, col_expr(m, rr)));
    }
    if let Some(sj) = &res.analysis.secondaryjoin {
        for (l, rr) in sj {
            crit.push(col_expr(m, l).binary(relplay_orm::sql::BinOp::Eq, col_expr(m, rr)));
        }
    }
    for a in &args {
        match crate::sql::elements::as_expr(a) {
            Some(e) => crit.push(e),
            None => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("any()/has() with a {}", a.type_name()),
                ))
            }
        }
    }
    let t = &res.target;
    for (k, v) in kw {
        let Some(c) = t.cols.iter().find(|c| c.key == *k) else {
            return Err(crate::exc::raise(
                "InvalidRequestError",
                &format!(
                    "Entity namespace for \"{}\" has no property \"{k}\"",
                    t.table
                ),
            ));
        };
        crit.push(Expr::col(&t.table, &c.column, c.ty.clone()).eq_value(crate::util::to_py(&v)?));
    }
    let mut sel = relplay_orm::sql::Select::new(vec![Expr::Raw("1".into())])
        .select_from(relplay_orm::sql::FromItem::table(&t.table));
    if res.analysis.secondaryjoin.is_some() {
        if let Some(sec) = res.analysis.sync_pairs.first().map(|p| p.1.table.clone()) {
            sel = sel.select_from(relplay_orm::sql::FromItem::table(&sec));
        }
    }
    sel = sel.where_(relplay_orm::sql::and_(crit));
    Ok(native(crate::sql::elements::ExprObj(Expr::Exists(
        Box::new(sel),
    ))))
}
