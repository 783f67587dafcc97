//! Instrumented collections (`InstrumentedList`): list operations that fire
//! the backref and cascade events.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use relplay_py::ast::CmpOp;
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use super::relationships::RelProp;
use crate::util::{cast, native_class, this};

pub struct CollObj {
    pub owner: Value,
    pub rel: Rc<RelProp>,
    pub items: RefCell<Vec<Value>>,
}

/// A collection handed out for an object with nothing to load is kept
/// aside (not in `__dict__`) until it is first mutated, as SQLAlchemy's
/// `_empty_collections` are; so after a flush the attribute lazy-loads.
fn attach(me: &Value, c: &CollObj) {
    let cur = super::state::dict_get(&c.owner, &c.rel.key);
    if !cur.map(|v| v.is(me)).unwrap_or(false) {
        super::state::dict_set(&c.owner, &c.rel.key, me.clone());
    }
}

impl CollObj {
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
    pub fn contains_obj(&self, v: &Value) -> bool {
        self.items.borrow().iter().any(|x| x.is(v))
    }
}

fn c_append(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = this::<CollObj>(&args, "InstrumentedList")?;
    attach(&args[0], c);
    let item = args.get(1).cloned().unwrap_or(Value::None);
    let item = validated(interp, c, item)?;
    c.items.borrow_mut().push(item.clone());
    super::attributes::on_append(interp, &c.owner, &c.rel, &item)?;
    Ok(Value::None)
}

/// Runs the owner's `@validates` method for this collection, if any.
fn validated(interp: &mut Interpreter, c: &CollObj, item: Value) -> PyResult<Value> {
    super::attributes::require_instance(&item)?;
    let m = super::state::mapper_of(interp, &c.owner)?;
    match m.validator(&c.rel.key) {
        Some(f) => interp.call(
            &f,
            vec![c.owner.clone(), Value::str(&c.rel.key), item],
            vec![],
        ),
        None => Ok(item),
    }
}

fn c_extend(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = this::<CollObj>(&args, "InstrumentedList")?;
    attach(&args[0], c);
    let items = interp.collect_iter(&args.get(1).cloned().unwrap_or(Value::None))?;
    for item in items {
        c.items.borrow_mut().push(item.clone());
        super::attributes::on_append(interp, &c.owner, &c.rel, &item)?;
    }
    Ok(Value::None)
}

fn c_remove(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = this::<CollObj>(&args, "InstrumentedList")?;
    attach(&args[0], c);
    let item = args.get(1).cloned().unwrap_or(Value::None);
    let pos = c.items.borrow().iter().position(|x| x.is(&item));
    let Some(pos) = pos else {
        return Err(relplay_py::PyErr::new(
            "ValueError",
            "list.remove(x): x not in list",
        ));
    };
    c.items.borrow_mut().remove(pos);
    super::attributes::on_remove(interp, &c.owner, &c.rel, &item)?;
    Ok(Value::None)
}

fn c_pop(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = this::<CollObj>(&args, "InstrumentedList")?;
    attach(&args[0], c);
    let len = c.items.borrow().len() as i64;
    let idx = match args.get(1) {
        Some(Value::Int(i)) => *i,
        _ => -1,
    };
    let i = if idx < 0 { len + idx } else { idx };
    if i < 0 || i >= len {
        return Err(relplay_py::PyErr::new(
            "IndexError",
            "pop index out of range",
        ));
    }
    let item = c.items.borrow_mut().remove(i as usize);
    super::attributes::on_remove(interp, &c.owner, &c.rel, &item)?;
    Ok(item)
}

fn c_clear(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = this::<CollObj>(&args, "InstrumentedList")?;
    attach(&args[0], c);
    let items = std::mem::take(&mut *c.items.borrow_mut());
    for item in items {
        super::attributes::on_remove(interp, &c.owner, &c.rel, &item)?;
    }
    Ok(Value::None)
}

impl NativeObject for CollObj {
    // the owner and the items: a loaded collection is a cycle (owner ->
    // __dict__ -> collection -> owner) that `gc` frees with the session
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.owner);
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(&mut *visit);
        }
    }
    fn class(&self) -> Rc<Class> {
        native_class(
            "InstrumentedList",
            "sqlalchemy.orm.collections",
            &[
                ("append", c_append),
                ("extend", c_extend),
                ("remove", c_remove),
                ("pop", c_pop),
                ("clear", c_clear),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn match_shape(&self) -> relplay_py::object::native::MatchShape {
        relplay_py::object::native::MatchShape::Sequence
    }
    fn iter(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        interp.iter(&Value::list(self.snapshot())).map(Some)
    }
    fn len(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.items.borrow().len()))
    }
    fn getitem(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        key: Value,
    ) -> PyResult<Option<Value>> {
        interp.getitem(&Value::list(self.snapshot()), key).map(Some)
    }
    fn contains(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        item: &Value,
    ) -> PyResult<Option<bool>> {
        for x in self.snapshot() {
            if x.is(item) || interp.eq(&x, item)? {
                return Ok(Some(true));
            }
        }
        Ok(Some(false))
    }
    fn bool(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<bool>> {
        Ok(Some(!self.items.borrow().is_empty()))
    }
    fn repr(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        interp.repr(&Value::list(self.snapshot())).map(Some)
    }
    fn richcompare(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        op: CmpOp,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        let other = match crate::util::cast::<CollObj>(other) {
            Some(c) => Value::list(c.snapshot()),
            None => other.clone(),
        };
        interp
            .richcompare(&Value::list(self.snapshot()), &other, op)
            .map(Some)
    }
}

/// The objects a relationship attribute holds: a collection's members, a
/// scalar's target, nothing for None.
pub fn items_of(v: &Value) -> Vec<Value> {
    match cast::<CollObj>(v) {
        Some(c) => c.snapshot(),
        None if v.is_none() => Vec::new(),
        None => vec![v.clone()],
    }
}
