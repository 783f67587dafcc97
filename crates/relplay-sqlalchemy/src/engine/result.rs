//! `Result` / `ScalarResult`: buffered rows (rows are tuples).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use crate::util::{cast, native, native_class, this};

pub struct ResultObj {
    pub rows: RefCell<Vec<Value>>,
    /// Joined eager loads of collections repeat rows: `.unique()` required.
    pub needs_unique: std::cell::Cell<bool>,
    /// DML: rows matched; -1 for SELECT, as pysqlite reports.
    pub rowcount: std::cell::Cell<i64>,
    pub lastrowid: std::cell::Cell<i64>,
    /// A ScalarResult: `rows` hold the values themselves.
    pub scalar: bool,
}

pub fn new_result(rows: Vec<Value>, scalar: bool) -> Value {
    native(ResultObj {
        rows: RefCell::new(rows),
        scalar,
        needs_unique: std::cell::Cell::new(false),
        rowcount: std::cell::Cell::new(-1),
        lastrowid: std::cell::Cell::new(0),
    })
}

fn first_of(v: &Value) -> Value {
    if let Some(r) = cast::<crate::sql::row::RowObj>(v) {
        return r.values.first().cloned().unwrap_or(Value::None);
    }
    match v {
        Value::Tuple(t) => t.first().cloned().unwrap_or(Value::None),
        other => other.clone(),
    }
}

pub fn scalars_of(r: &Value) -> PyResult<Value> {
    let Some(r) = cast::<ResultObj>(r) else {
        return Ok(r.clone());
    };
    let rows: Vec<Value> = r
        .rows
        .borrow_mut()
        .drain(..)
        .map(|v| if r.scalar { v } else { first_of(&v) })
        .collect();
    let out = new_result(rows, true);
    if let Some(o) = cast::<ResultObj>(&out) {
        o.needs_unique.set(r.needs_unique.get());
    }
    Ok(out)
}

pub fn scalar_of(r: &Value) -> PyResult<Value> {
    let Some(r) = cast::<ResultObj>(r) else {
        return Ok(Value::None);
    };
    let first = r.rows.borrow_mut().drain(..).next();
    Ok(match first {
        Some(v) if r.scalar => v,
        Some(v) => first_of(&v),
        None => Value::None,
    })
}

fn take(args: &[Value]) -> PyResult<(Vec<Value>, bool)> {
    let r = this::<ResultObj>(args, "Result")?;
    if r.needs_unique.get() {
        return Err(crate::exc::raise(
            "InvalidRequestError",
            "The unique() method must be invoked on this Result, as it contains results that include joined eager loads against collections",
        ));
    }
    let rows = r.rows.borrow_mut().drain(..).collect();
    Ok((rows, r.scalar))
}

fn r_all(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::list(take(&args)?.0))
}
fn r_first(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(take(&args)?.0.into_iter().next().unwrap_or(Value::None))
}
pub fn exactly_one(rows: Vec<Value>, allow_none: bool) -> PyResult<Value> {
    match rows.len() {
        0 if allow_none => Ok(Value::None),
        0 => Err(crate::exc::raise(
            "NoResultFound",
            "No row was found when one was required",
        )),
        1 => Ok(rows.into_iter().next().unwrap_or(Value::None)),
        _ => Err(crate::exc::raise(
            "MultipleResultsFound",
            "Multiple rows were found when exactly one was required",
        )),
    }
}
fn r_one(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    exactly_one(take(&args)?.0, false)
}
fn r_one_or_none(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    exactly_one(take(&args)?.0, true)
}
fn r_scalar(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    scalar_of(args.first().unwrap_or(&Value::None))
}
fn r_scalar_one(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let (rows, scalar) = take(&args)?;
    let v = exactly_one(rows, false)?;
    Ok(if scalar { v } else { first_of(&v) })
}
fn r_scalar_one_or_none(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let (rows, scalar) = take(&args)?;
    let v = exactly_one(rows, true)?;
    Ok(if scalar { v } else { first_of(&v) })
}
fn r_mappings(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let (rows, _) = take(&args)?;
    let maps = rows
        .iter()
        .map(|r| match cast::<crate::sql::row::RowObj>(r) {
            Some(row) => row.mapping(),
            None => r.clone(),
        })
        .collect();
    Ok(new_result(maps, true))
}

fn r_keys(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let r = this::<ResultObj>(&args, "Result")?;
    let first = r.rows.borrow().first().cloned();
    let keys = first
        .as_ref()
        .and_then(|f| cast::<crate::sql::row::RowObj>(f))
        .map(|row| row.keys.iter().map(|k| Value::str(k)).collect())
        .unwrap_or_default();
    Ok(Value::list(keys))
}

/// `fetchone()`: the next row, leaving the rest.
fn r_first_keep(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let r = this::<ResultObj>(&args, "Result")?;
    let mut rows = r.rows.borrow_mut();
    Ok(if rows.is_empty() {
        Value::None
    } else {
        rows.remove(0)
    })
}

fn r_fetchmany(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let r = this::<ResultObj>(&args, "Result")?;
    let n = match args.get(1) {
        Some(Value::Int(n)) if *n >= 0 => *n as usize,
        _ => 1,
    };
    let mut rows = r.rows.borrow_mut();
    let n = n.min(rows.len());
    Ok(Value::list(rows.drain(..n).collect()))
}

fn r_scalars(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    scalars_of(args.first().unwrap_or(&Value::None))
}
fn r_self_iter(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::None);
    let rows: Vec<Value> = match cast::<ResultObj>(&me) {
        Some(r) => r.rows.borrow_mut().drain(..).collect(),
        None => Vec::new(),
    };
    interp.iter(&Value::list(rows))
}

/// `.unique()`: drops repeated rows (entities by identity).
fn r_unique(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let r = this::<ResultObj>(&args, "Result")?;
    r.needs_unique.set(false);
    let rows: Vec<Value> = r.rows.borrow_mut().drain(..).collect();
    // Buckets by hash, as Python's set would: comparing every row with
    // every kept one made a large `.unique()` quadratic. A row that cannot
    // be hashed is compared with all kept rows, as before.
    let mut out: Vec<Value> = Vec::new();
    let mut buckets: std::collections::HashMap<i64, Vec<usize>> = std::collections::HashMap::new();
    for row in rows {
        let hash = interp.hash(&row).ok();
        let candidates: Vec<usize> = match hash {
            Some(h) => buckets.get(&h).cloned().unwrap_or_default(),
            None => (0..out.len()).collect(),
        };
        let mut dup = false;
        for i in candidates {
            if out[i].is(&row) || interp.eq(&out[i], &row)? {
                dup = true;
                break;
            }
        }
        if !dup {
            if let Some(h) = hash {
                buckets.entry(h).or_default().push(out.len());
            }
            out.push(row);
        }
    }
    *r.rows.borrow_mut() = out;
    Ok(args[0].clone())
}

impl NativeObject for ResultObj {
    fn class(&self) -> Rc<Class> {
        let methods: &[(&str, crate::util::MethodFn)] = &[
            ("all", r_all),
            ("fetchall", r_all),
            ("first", r_first),
            ("one", r_one),
            ("one_or_none", r_one_or_none),
            ("scalar", r_scalar),
            ("scalar_one", r_scalar_one),
            ("scalar_one_or_none", r_scalar_one_or_none),
            ("scalars", r_scalars),
            ("mappings", r_mappings),
            ("fetchone", r_first_keep),
            ("fetchmany", r_fetchmany),
            ("keys", r_keys),
            ("unique", r_unique),
            ("__iter__", r_self_iter),
        ];
        if self.scalar {
            native_class("ScalarResult", "sqlalchemy.engine.result", methods)
        } else {
            native_class("Result", "sqlalchemy.engine.result", methods)
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _i: &mut Interpreter, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "rowcount" => Some(Value::Int(self.rowcount.get())),
            "lastrowid" => Some(Value::Int(self.lastrowid.get())),
            "inserted_primary_key" => Some(Value::tuple(vec![Value::Int(self.lastrowid.get())])),
            _ => None,
        })
    }
    fn iter(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        if self.needs_unique.get() {
            return Err(crate::exc::raise(
                "InvalidRequestError",
                "The unique() method must be invoked on this Result, as it contains results that include joined eager loads against collections",
            ));
        }
        let rows: Vec<Value> = self.rows.borrow_mut().drain(..).collect();
        interp.iter(&Value::list(rows)).map(Some)
    }
}
