//! Glue shared by every module: native classes, method tables, value
//! conversion between the interpreter and relplay-orm, error mapping.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use relplay_orm::{OrmError, OrmErrorKind, PyValue};
use relplay_py::builtins::method;
use relplay_py::object::class::{types, Class};
use relplay_py::object::dict::PyDict;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyErr, PyResult, Value};

pub type MethodFn = fn(&mut Interpreter, Vec<Value>, Kwargs) -> PyResult<Value>;

thread_local! {
    static CLASSES: RefCell<HashMap<&'static str, Rc<Class>>> = RefCell::new(HashMap::new());
}

/// The (per thread, shared by interpreters) class of a native object kind.
/// Methods live in the class dict so they bind like Python methods.
pub fn native_class(name: &'static str, module: &str, methods: &[(&str, MethodFn)]) -> Rc<Class> {
    if let Some(c) = CLASSES.with(|m| m.borrow().get(name).cloned()) {
        return c;
    }
    let mut d = PyDict::new();
    d.set_str("__module__", Value::str(module));
    for (mname, f) in methods {
        let f = *f;
        d.set_str(mname, method(name, mname, f));
    }
    let c = Class::new(name, vec![types().object.clone()], d, false)
        .unwrap_or_else(|_| types().object.clone());
    CLASSES.with(|m| m.borrow_mut().insert(name, c.clone()));
    c
}

/// Downcasts a native value to its Rust type.
pub fn cast<T: 'static>(v: &Value) -> Option<&T> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

/// `self` of a native method.
pub fn this<'a, T: 'static>(args: &'a [Value], what: &str) -> PyResult<&'a T> {
    args.first()
        .and_then(|v| cast::<T>(v))
        .ok_or_else(|| type_error(format!("descriptor requires a '{what}' object")))
}

pub fn native(o: impl NativeObject) -> Value {
    Value::Native(Rc::new(o))
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("TypeError", msg)
}

pub fn not_supported(interp: &Interpreter, what: &str) -> PyErr {
    PyErr::new(
        "NotImplementedError",
        format!(
            "{what} is not supported in the playground yet (line {})",
            interp.current_line()
        ),
    )
}

pub fn kw_get(kw: &Kwargs, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| &**k == name)
        .map(|(_, v)| v.clone())
}

pub fn truthy(interp: &mut Interpreter, v: &Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => interp.truthy(v),
    }
}

pub fn str_of(v: &Value) -> Option<Rc<str>> {
    match v {
        Value::Str(s) => Some(s.clone()),
        _ => None,
    }
}

pub fn to_py(v: &Value) -> PyResult<PyValue> {
    Ok(match v {
        Value::None => PyValue::None,
        Value::Bool(b) => PyValue::Bool(*b),
        Value::Int(i) => PyValue::Int(*i),
        Value::Float(f) => PyValue::Float(*f),
        Value::Str(s) => PyValue::Str(s.clone()),
        Value::Bytes(b) => PyValue::Bytes(b.clone()),
        other => {
            return Err(PyErr::new(
                "NotImplementedError",
                format!(
                    "values of type {} cannot be bound as SQL parameters in the playground yet",
                    other.type_name()
                ),
            ))
        }
    })
}

pub fn from_py(v: &PyValue) -> Value {
    match v {
        PyValue::None => Value::None,
        PyValue::Bool(b) => Value::Bool(*b),
        PyValue::Int(i) => Value::Int(*i),
        PyValue::Float(f) => Value::Float(*f),
        PyValue::Str(s) => Value::Str(s.clone()),
        PyValue::Bytes(b) | PyValue::Memory(b) => Value::Bytes(b.clone()),
        other => Value::str(&other.repr()),
    }
}

/// Raises an error computed by relplay-orm as the same Python exception.
pub fn orm_err(e: OrmError) -> PyErr {
    match e.kind {
        OrmErrorKind::NotSupported => PyErr::new("NotImplementedError", e.message),
        OrmErrorKind::TypeError => PyErr::new("TypeError", e.message),
        OrmErrorKind::ValueError => PyErr::new("ValueError", e.message),
        k => {
            let name = k
                .qualified_name()
                .rsplit('.')
                .next()
                .unwrap_or("SQLAlchemyError");
            crate::exc::raise(name, &e.message)
        }
    }
}
