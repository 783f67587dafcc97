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

/// Fields of a `datetime`/`date`/`time`/`Decimal` object of the
/// interpreter's Python-source modules (read from its `__dict__`).
fn stdlib_value(v: &Value) -> Option<PyValue> {
    let Value::Instance(i) = v else { return None };
    let cls = i.class.borrow().clone();
    let module = cls.module();
    let d = i.dict.borrow();
    let int = |k: &str| match d.get_str(k) {
        Some(Value::Int(n)) => Some(n),
        _ => None,
    };
    let date = || -> Option<relplay_orm::value::Date> {
        Some(relplay_orm::value::Date {
            year: int("_year")? as i32,
            month: int("_month")? as u8,
            day: int("_day")? as u8,
        })
    };
    let time = |p: &str| -> Option<relplay_orm::value::Time> {
        Some(relplay_orm::value::Time {
            hour: int(&format!("{p}hour")).unwrap_or(0) as u8,
            minute: int(&format!("{p}minute")).unwrap_or(0) as u8,
            second: int(&format!("{p}second")).unwrap_or(0) as u8,
            microsecond: int(&format!("{p}microsecond")).unwrap_or(0) as u32,
        })
    };
    // an enum member binds as its name
    if let Some(Value::Str(name)) = d.get_str("_name_") {
        if cls.lookup("_member_map_").is_some() {
            return Some(PyValue::Str(name));
        }
    }
    match (&*module, &*cls.name()) {
        ("datetime", "datetime") => Some(PyValue::DateTime(date()?, time("_")?)),
        ("datetime", "date") => Some(PyValue::Date(date()?)),
        ("datetime", "time") => Some(PyValue::Time(time("")?)),
        ("decimal", "Decimal") => {
            let n = int("_int")?;
            let exp = int("_exp")?;
            let digits = n.unsigned_abs().to_string();
            let text = if exp >= 0 {
                format!("{digits}{}", "0".repeat(exp as usize))
            } else {
                let e = (-exp) as usize;
                let padded = if digits.len() <= e {
                    format!("{}{digits}", "0".repeat(e + 1 - digits.len()))
                } else {
                    digits
                };
                let (a, b) = padded.split_at(padded.len() - e);
                format!("{a}.{b}")
            };
            Some(PyValue::Decimal(Rc::from(if n < 0 {
                format!("-{text}")
            } else {
                text
            })))
        }
        _ => None,
    }
}

thread_local! {
    /// datetime.date / datetime.datetime / datetime.time / decimal.Decimal,
    /// loaded when a script declares a column of such a type.
    static VALUE_CLASSES: RefCell<Option<[Rc<Class>; 4]>> = const { RefCell::new(None) };
}

/// Loads the interpreter's `datetime` / `decimal` classes for results.
pub fn ensure_value_classes(interp: &mut Interpreter) {
    if VALUE_CLASSES.with(|c| c.borrow().is_some()) {
        return;
    }
    let src = "from datetime import date, datetime, time\nfrom decimal import Decimal\n";
    if let Ok(ns) = relplay_py::modules::exec_source(interp, "sqlalchemy.util.values", src) {
        let get = |n: &str| match ns.get_str(n) {
            Some(Value::Class(c)) => Some(c),
            _ => None,
        };
        if let (Some(a), Some(b), Some(c), Some(d)) =
            (get("date"), get("datetime"), get("time"), get("Decimal"))
        {
            VALUE_CLASSES.with(|v| *v.borrow_mut() = Some([a, b, c, d]));
        }
    }
}

pub fn reset_value_classes() {
    VALUE_CLASSES.with(|v| *v.borrow_mut() = None);
}

/// A Python object of one of those classes, built from its fields.
fn stdlib_object(v: &PyValue) -> Option<Value> {
    let classes = VALUE_CLASSES.with(|c| c.borrow().clone())?;
    let make = |cls: &Rc<Class>, fields: Vec<(&str, Value)>| {
        let inst = relplay_py::vm::exc::new_instance(cls);
        for (k, v) in fields {
            inst.dict.borrow_mut().set_str(k, v);
        }
        Value::Instance(inst)
    };
    let dfields = |d: &relplay_orm::value::Date| {
        vec![
            ("_year", Value::Int(d.year as i64)),
            ("_month", Value::Int(d.month as i64)),
            ("_day", Value::Int(d.day as i64)),
        ]
    };
    Some(match v {
        PyValue::Date(d) => make(&classes[0], dfields(d)),
        PyValue::DateTime(d, t) => {
            let mut f = dfields(d);
            f.extend([
                ("_hour", Value::Int(t.hour as i64)),
                ("_minute", Value::Int(t.minute as i64)),
                ("_second", Value::Int(t.second as i64)),
                ("_microsecond", Value::Int(t.microsecond as i64)),
                ("_tzinfo", Value::None),
            ]);
            make(&classes[1], f)
        }
        PyValue::Time(t) => make(
            &classes[2],
            vec![
                ("hour", Value::Int(t.hour as i64)),
                ("minute", Value::Int(t.minute as i64)),
                ("second", Value::Int(t.second as i64)),
                ("microsecond", Value::Int(t.microsecond as i64)),
            ],
        ),
        PyValue::Decimal(text) => {
            let neg = text.starts_with('-');
            let body = text.trim_start_matches('-');
            let (a, b) = body.split_once('.').unwrap_or((body, ""));
            let digits: i64 = format!("{a}{b}").parse().ok()?;
            let n = if neg { -digits } else { digits };
            make(
                &classes[3],
                vec![
                    ("_int", Value::Int(n)),
                    ("_exp", Value::Int(-(b.len() as i64))),
                    ("_neg", Value::Bool(neg)),
                ],
            )
        }
        _ => return None,
    })
}

pub fn to_py(v: &Value) -> PyResult<PyValue> {
    if let Some(p) = stdlib_value(v) {
        return Ok(p);
    }
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
        other => stdlib_object(other).unwrap_or_else(|| Value::str(&other.repr())),
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
