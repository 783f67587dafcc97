//! Creating and inspecting exceptions from Rust.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::class::{types, Class, Layout};
use crate::object::dict::PyDict;
use crate::value::{ExcData, Instance, Payload, PyErr, Value};

pub fn new_instance(cls: &Rc<Class>) -> Rc<Instance> {
    let payload = match cls.layout {
        Layout::Exception => Payload::Exc(ExcData::default()),
        _ => Payload::None,
    };
    Rc::new(Instance {
        class: RefCell::new(cls.clone()),
        dict: Rc::new(RefCell::new(PyDict::new())),
        payload: RefCell::new(payload),
        id: crate::value::next_id(),
    })
}

impl PyErr {
    /// A built-in exception by class name, with one message argument.
    pub fn new(class: &str, msg: impl Into<String>) -> PyErr {
        PyErr::from_class(&types().exc(class), vec![Value::Str(Rc::from(msg.into()))])
    }
    /// A built-in exception without arguments (`raise StopIteration`).
    pub fn bare(class: &str) -> PyErr {
        PyErr::from_class(&types().exc(class), vec![])
    }
    pub fn from_class(cls: &Rc<Class>, args: Vec<Value>) -> PyErr {
        let inst = new_instance(cls);
        if let Payload::Exc(d) = &mut *inst.payload.borrow_mut() {
            d.args = args;
        }
        PyErr(inst)
    }
    pub fn value(&self) -> Value {
        Value::Instance(self.0.clone())
    }
    pub fn class(&self) -> Rc<Class> {
        self.0.class.borrow().clone()
    }
    pub fn is_instance_of(&self, name: &str) -> bool {
        self.class().is_subclass(&types().exc(name))
    }
    pub fn args(&self) -> Vec<Value> {
        exc_args(&self.value())
    }
}

pub fn exc_args(v: &Value) -> Vec<Value> {
    if let Value::Instance(i) = v {
        if let Payload::Exc(d) = &*i.payload.borrow() {
            return d.args.clone();
        }
    }
    Vec::new()
}

pub fn with_exc<R>(v: &Value, f: impl FnOnce(&mut ExcData) -> R) -> Option<R> {
    if let Value::Instance(i) = v {
        if let Payload::Exc(d) = &mut *i.payload.borrow_mut() {
            return Some(f(d));
        }
    }
    None
}

pub fn is_exception_class(c: &Rc<Class>) -> bool {
    c.is_subclass(&types().base_exception)
}

pub fn type_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("TypeError", msg)
}
pub fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("ValueError", msg)
}
pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("AttributeError", msg)
}
pub fn index_error(msg: impl Into<String>) -> PyErr {
    PyErr::new("IndexError", msg)
}
pub fn overflow_error() -> PyErr {
    PyErr::new(
        "OverflowError",
        "integer result too large for the playground's 64-bit integers",
    )
}
pub fn not_supported(what: &str, line: u32) -> PyErr {
    PyErr::new(
        "NotImplementedError",
        format!("{what} is not supported in the playground (line {line})"),
    )
}
pub fn key_error(k: Value) -> PyErr {
    PyErr::from_class(&types().exc("KeyError"), vec![k])
}
pub fn memory_error() -> PyErr {
    PyErr::bare("MemoryError")
}
