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
