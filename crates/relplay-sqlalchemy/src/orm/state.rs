//! Per-instance ORM state (`InstanceState`), kept in the instance's
//! `__dict__` under `_sa_instance_state` as SQLAlchemy does.

use rustc_hash::FxHashMap as HashMap;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use relplay_orm::PyValue;
use relplay_py::object::class::Class;
use relplay_py::object::native::NativeObject;
use relplay_py::{Interpreter, PyResult, Value};

use super::mapper::Mapper;
use crate::util::{cast, native, native_class};

#[derive(Default)]
pub struct State {
    /// Identity (primary key values) once persistent.
    pub key: Option<Vec<PyValue>>,
    pub session: Option<u64>,
    pub deleted: bool,
    /// Column values were expired (commit / expire()): reload on access.
    pub expired: bool,
    /// Column values as last loaded or flushed (change detection). Fx
    /// hashing: one of these per loaded object, keyed by attribute names.
    pub committed: HashMap<String, Value>,
    /// Collection contents as last loaded or flushed.
    pub coll_committed: HashMap<String, Vec<Value>>,
    /// Listed in its session's `modified` since the last flush.
    pub modified: bool,
    /// Lazy strategies set by the loader options of the query that loaded
    /// the instance (`lazyload`, `raiseload`, `noload`).
    pub lazy_override: HashMap<String, super::strategies::Strategy>,
    /// Loader options chained below a lazy relationship (`defaultload(A.b)
    /// .selectinload(B.c)`), applied when that lazy load runs.
    pub lazy_opts: HashMap<String, Vec<super::strategies::LoaderOpt>>,
    /// Unloaded relationships changed by a backref since the last flush
    /// (SQLAlchemy's pending mutations): not "unmodified" for a reload.
    pub pending_rels: std::collections::HashSet<String>,
    /// Loaded by a query with loader options: (those options, the load
    /// path). Its lazy loads carry both, so they cache apart.
    pub load_ctx: Option<(String, String)>,
}

pub struct StateObj {
    pub mapper: Rc<Mapper>,
    /// The instance, weakly (it owns this state through its `__dict__`).
    pub obj: std::rc::Weak<relplay_py::value::Instance>,
    pub s: RefCell<State>,
}

impl NativeObject for StateObj {
    fn class(&self) -> Rc<Class> {
        native_class("InstanceState", "sqlalchemy.orm.state", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    // committed values hold related objects (for cycle collection)
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(s) = self.s.try_borrow() {
            s.committed.values().for_each(&mut *visit);
            s.coll_committed.values().flatten().for_each(&mut *visit);
        }
    }
    fn getattr(&self, _i: &mut Interpreter, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "attrs" || name == "object" {
            return Ok(self.obj.upgrade().map(|o| match name {
                "attrs" => native(super::history::AttrsObj(Value::Instance(o))),
                _ => Value::Instance(o),
            }));
        }
        let s = self.s.borrow();
        let attached = s.session.and_then(super::session::by_id).is_some();
        Ok(Some(Value::Bool(match name {
            "transient" => s.key.is_none() && !attached,
            "pending" => s.key.is_none() && attached,
            "persistent" => s.key.is_some() && attached && !s.deleted,
            "deleted" => s.deleted && attached,
            "detached" => s.key.is_some() && !attached,
            "expired" => s.expired,
            "has_identity" => s.key.is_some(),
            _ => return Ok(None),
        })))
    }
}

/// `inspect(obj)`: the instance state; `inspect(Class)`: the mapper.
pub fn inspect(
    interp: &mut Interpreter,
    args: Vec<Value>,
    _kw: relplay_py::object::native::Kwargs,
) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    if let Value::Class(c) = &v {
        super::mapper::configure_all(interp)?;
        return match super::mapper::by_class(c) {
            Some(m) => Ok(native(super::mapper::MapperObj(m))),
            None => Err(crate::exc::raise(
                "NoInspectionAvailable",
                &format!(
                    "No inspection system is available for object of type {}",
                    interp.repr(&v)?
                ),
            )),
        };
    }
    state_of(interp, &v)
}

fn raw_state(obj: &Value) -> Option<Value> {
    // looked up on every attribute access: hash the key once, at compile time
    const KEY: &str = "_sa_instance_state";
    const HASH: i64 = relplay_py::object::dict::str_hash(KEY);
    match obj {
        Value::Instance(i) => i.dict.borrow().get_str_hashed(KEY, HASH),
        _ => None,
    }
}

/// The instance's state, created on first use.
pub fn state_of(_interp: &mut Interpreter, obj: &Value) -> PyResult<Value> {
    if let Some(s) = raw_state(obj) {
        return Ok(s);
    }
    let Some(m) = super::mapper::of_value(obj) else {
        let name = match obj {
            Value::Instance(i) => {
                let c = i.class.borrow();
                format!("{}.{}", c.module(), c.name())
            }
            other => other.type_name().to_string(),
        };
        return Err(crate::exc::raise(
            "UnmappedInstanceError",
            &format!("Class '{name}' is not mapped"),
        ));
    };
    let weak = match obj {
        Value::Instance(i) => Rc::downgrade(i),
        _ => std::rc::Weak::new(),
    };
    let s = native(StateObj {
        mapper: m,
        obj: weak,
        s: RefCell::new(State::default()),
    });
    if let Value::Instance(i) = obj {
        i.dict.borrow_mut().set_str("_sa_instance_state", s.clone());
    }
    super::trace::track(obj);
    Ok(s)
}

/// Records that `obj` changed (attribute set, collection mutation), so the
/// next flush looks at it.
pub fn touch(interp: &mut Interpreter, obj: &Value) -> PyResult<()> {
    let (first, sid) = with_state(interp, obj, |s| {
        let mut b = s.s.borrow_mut();
        let first = !b.modified;
        b.modified = true;
        (first, b.session)
    })?;
    if first {
        if let Some(s) = sid.and_then(super::session::by_id) {
            s.modified.borrow_mut().push(obj.clone());
        }
    }
    Ok(())
}

/// A backref changed `obj.key` while it is unloaded (persistent objects).
pub fn note_pending_rel(interp: &mut Interpreter, obj: &Value, key: &str) -> PyResult<()> {
    if dict_get(obj, key).is_some() {
        return Ok(());
    }
    with_state(interp, obj, |s| {
        let mut b = s.s.borrow_mut();
        if b.key.is_some() {
            b.pending_rels.insert(key.to_string());
        }
    })
}

/// Runs `f` on the state of a mapped instance.
pub fn with_state<R>(
    interp: &mut Interpreter,
    obj: &Value,
    f: impl FnOnce(&StateObj) -> R,
) -> PyResult<R> {
    let s = state_of(interp, obj)?;
    match cast::<StateObj>(&s) {
        Some(st) => Ok(f(st)),
        None => Err(crate::util::type_error("corrupt _sa_instance_state")),
    }
}

pub fn mapper_of(interp: &mut Interpreter, obj: &Value) -> PyResult<Rc<Mapper>> {
    with_state(interp, obj, |s| s.mapper.clone())
}

pub fn dict_get(obj: &Value, key: &str) -> Option<Value> {
    match obj {
        Value::Instance(i) => i.dict.borrow().get_str(key),
        _ => None,
    }
}

pub fn dict_set(obj: &Value, key: &str, v: Value) {
    if let Value::Instance(i) = obj {
        i.dict.borrow_mut().set_str(key, v);
    }
}

pub fn dict_del(obj: &Value, key: &str) -> Option<Value> {
    match obj {
        Value::Instance(i) => i.dict.borrow_mut().del_str(key),
        _ => None,
    }
}
