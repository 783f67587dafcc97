//! A limited `sys`: version, recursion limit, stdout/stderr writers, exit.

use std::rc::Rc;

use crate::builtins::builtin;
use crate::object::dict::PyDict;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::Interpreter;

fn stream(interp: &mut Interpreter, err: bool) -> PyResult<Value> {
    let mut d = PyDict::new();
    d.set_str(
        "write",
        builtin("write", move |i, a, _| {
            let s = match a.first() {
                Some(Value::Str(s)) => s.clone(),
                Some(v) => {
                    return Err(crate::vm::exc::type_error(format!(
                        "write() argument must be str, not {}",
                        v.type_name()
                    )))
                }
                None => Rc::from(""),
            };
            if err {
                i.write_stderr(&s);
            } else {
                i.write_stdout(&s);
            }
            Ok(Value::Int(s.chars().count() as i64))
        }),
    );
    d.set_str("flush", builtin("flush", |_, _, _| Ok(Value::None)));
    let _ = interp;
    Ok(Interpreter::new_module(
        if err { "stderr" } else { "stdout" },
        d,
    ))
}

pub fn build(interp: &mut Interpreter) -> PyResult<PyDict> {
    let mut d = PyDict::new();
    d.set_str("version", Value::str("3.11.7 (main) [relplay]"));
    d.set_str(
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    d.set_str("platform", Value::str("linux"));
    d.set_str("maxsize", Value::Int(i64::MAX));
    d.set_str(
        "argv",
        Value::list(vec![Value::str(&interp.main_path.clone())]),
    );
    let out = stream(interp, false)?;
    let err = stream(interp, true)?;
    d.set_str("stdout", out.clone());
    d.set_str("stderr", err.clone());
    d.set_str("__stdout__", out);
    d.set_str("__stderr__", err);
    d.set_str(
        "get_int_max_str_digits",
        builtin("get_int_max_str_digits", |i, _, _| {
            Ok(Value::Int(i.int_max_str_digits as i64))
        }),
    );
    d.set_str(
        "set_int_max_str_digits",
        builtin("set_int_max_str_digits", |i, a, k| {
            let p =
                crate::builtins::args::parse("set_int_max_str_digits", a, k, &["maxdigits"], 1)?;
            let v = p[0].clone().unwrap_or(Value::None);
            let Some(n) = crate::vm::ops::as_int(&v) else {
                return Err(crate::vm::exc::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    v.type_name()
                )));
            };
            if n != 0 && !(641..).contains(&n) {
                return Err(crate::vm::exc::value_error(
                    "maxdigits must be 0 or larger than 640",
                ));
            }
            i.int_max_str_digits = n as usize;
            Ok(Value::None)
        }),
    );
    d.set_str(
        "getrecursionlimit",
        builtin("getrecursionlimit", |i, _, _| {
            Ok(Value::Int(i.config.recursion_limit as i64))
        }),
    );
    d.set_str(
        "setrecursionlimit",
        builtin("setrecursionlimit", |i, a, _| {
            if let Some(n) = a.first().and_then(crate::vm::ops::as_int) {
                i.config.recursion_limit = (n.max(10) as usize).min(1000);
            }
            Ok(Value::None)
        }),
    );
    d.set_str(
        "exit",
        builtin("exit", |_, a, _| {
            Err(PyErr::from_class(
                &crate::object::class::types().exc("SystemExit"),
                a,
            ))
        }),
    );
    d.set_str(
        "exc_info",
        builtin("exc_info", |i, _, _| {
            Ok(match i.handled_exception() {
                Some(e) => Value::tuple(vec![Value::Class(e.class()), e, Value::None]),
                None => Value::tuple(vec![Value::None, Value::None, Value::None]),
            })
        }),
    );
    let modules = i_modules(interp);
    d.set_str("modules", modules);
    Ok(d)
}

fn i_modules(interp: &Interpreter) -> Value {
    let mut d = PyDict::new();
    for (k, v) in &interp.modules {
        d.set_str(k, v.clone());
    }
    Value::dict(d)
}
