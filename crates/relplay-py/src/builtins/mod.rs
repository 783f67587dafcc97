//! The `builtins` namespace and the methods of built-in types.

pub mod args;
pub mod funcs;
pub mod methods;
pub mod sort;
pub mod types;

use std::rc::Rc;

use crate::object::class::types as tys;
use crate::value::{Builtin, PyResult, Value};
use crate::vm::call::Kw;
use crate::vm::Interpreter;

pub fn builtin(
    name: &str,
    f: impl Fn(&mut Interpreter, Vec<Value>, Kw) -> PyResult<Value> + 'static,
) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: Rc::from(name),
        owner: None,
        func: Box::new(f),
    }))
}

/// A method of a built-in type: binds to the instance like a function.
pub fn method(
    owner: &str,
    name: &str,
    f: impl Fn(&mut Interpreter, Vec<Value>, Kw) -> PyResult<Value> + 'static,
) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: Rc::from(name),
        owner: Some(Rc::from(owner)),
        func: Box::new(f),
    }))
}

pub fn install(interp: &mut Interpreter) {
    types::install_type_methods();
    let t = tys();
    let b = interp.builtins.clone();
    let mut d = b.borrow_mut();
    for (name, c) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
    ] {
        d.set_str(name, Value::Class(c.clone()));
    }
    d.set_str(
        "complex",
        Value::Class(crate::object::complex::complex_class()),
    );
    for (name, c) in &t.exceptions {
        d.set_str(name, Value::Class(c.clone()));
    }
    d.set_str("EnvironmentError", Value::Class(t.exc("OSError")));
    d.set_str("IOError", Value::Class(t.exc("OSError")));
    d.set_str("None", Value::None);
    d.set_str("True", Value::Bool(true));
    d.set_str("False", Value::Bool(false));
    d.set_str("NotImplemented", Value::NotImplemented);
    d.set_str("Ellipsis", Value::Ellipsis);
    d.set_str("__name__", Value::str("builtins"));
    d.set_str("__debug__", Value::Bool(true));
    drop(d);
    funcs::install(interp);
}
