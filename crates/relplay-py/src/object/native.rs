//! Objects implemented in Rust (the SQLAlchemy emulation builds on this).
//! Every hook has a default meaning "not supported", so an implementor only
//! writes the protocols its object has. `Ok(None)` means "fall back to the
//! generic behaviour" (or NotImplemented for operators).

use std::any::Any;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::object::class::Class;
use crate::value::{PyResult, Value};
use crate::vm::Interpreter;

pub type Kwargs = Vec<(Rc<str>, Value)>;

/// How `match` sees an object: CPython's inherited `Py_TPFLAGS_SEQUENCE`
/// and `Py_TPFLAGS_MAPPING` decide which of sequence and mapping patterns
/// may match it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchShape {
    Sequence,
    Mapping,
    Neither,
}

pub trait NativeObject: Any {
    /// The Python class of the object (`type(x)`); create one with
    /// [`Interpreter::new_native_class`].
    fn class(&self) -> Rc<Class>;
    fn as_any(&self) -> &dyn Any;

    /// For `match`: a list-like object (SQLAlchemy's `InstrumentedList`,
    /// `Row`) says `Sequence`.
    fn match_shape(&self) -> MatchShape {
        MatchShape::Neither
    }

    /// Attribute read; `Ok(None)` continues with the class's attributes.
    fn getattr(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// Attribute write; `Ok(false)` means "not handled" (AttributeError).
    fn setattr(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _name: &str,
        _v: Value,
    ) -> PyResult<bool> {
        Ok(false)
    }
    fn delattr(&self, _interp: &mut Interpreter, _me: &Value, _name: &str) -> PyResult<bool> {
        Ok(false)
    }
    /// `Ok(None)`: the object is not callable.
    fn call(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _args: Vec<Value>,
        _kw: Kwargs,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }
    fn repr(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(None)
    }
    fn str(&self, interp: &mut Interpreter, me: &Value) -> PyResult<Option<String>> {
        self.repr(interp, me)
    }
    /// An iterator over the object (`Ok(None)`: not iterable).
    fn iter(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// For objects that are their own iterators: the next item or `None` at the end.
    fn next(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        Ok(None)
    }
    fn len(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<usize>> {
        Ok(None)
    }
    fn getitem(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _key: Value,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }
    fn setitem(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _key: Value,
        _v: Value,
    ) -> PyResult<bool> {
        Ok(false)
    }
    fn contains(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _item: &Value,
    ) -> PyResult<Option<bool>> {
        Ok(None)
    }
    /// Rich comparison; may return any value (SQL expressions do).
    fn richcompare(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _op: CmpOp,
        _other: &Value,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// `me <op> other` (or `other <op> me` when `reflected`).
    fn binop(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _op: BinOp,
        _other: &Value,
        _reflected: bool,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }
    fn unary(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _op: UnaryOp,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// `Ok(None)`: identity hash.
    fn hash(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<i64>> {
        Ok(None)
    }
    fn bool(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<bool>> {
        Ok(None)
    }
    /// Descriptor `__get__`: `instance` is `None` for access through the class.
    fn descr_get(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _instance: &Value,
        _owner: &Value,
    ) -> PyResult<Option<Value>> {
        Ok(None)
    }
    /// Data-descriptor `__set__`; return `Ok(false)` if not a data descriptor.
    fn descr_set(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _instance: &Value,
        _v: Value,
    ) -> PyResult<bool> {
        Ok(false)
    }
    fn descr_delete(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        _instance: &Value,
    ) -> PyResult<bool> {
        Ok(false)
    }
    /// Whether `descr_set` is implemented (data descriptors win over the instance dict).
    fn is_data_descriptor(&self) -> bool {
        false
    }
    fn is_descriptor(&self) -> bool {
        false
    }
    /// Calls `visit` once for each strong reference the object holds to a
    /// value, for cycle collection (`object::gc`). Leaving a reference out
    /// is safe (what it points to is kept alive); reporting one the object
    /// does not hold is not.
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
}
