//! Statement execution: echo log lines, the driver call, error wrapping.

use std::rc::Rc;

use relplay_orm::engine::{Clock, EchoLog, ExecKind};
use relplay_orm::sql::Compiled;
use relplay_orm::types::to_store;
use relplay_orm::PyValue;
use relplay_py::{Interpreter, PyErr, PyResult, Value};
use relplay_store::{Params, QueryResult};

use super::base::EngineInner;
use super::pysqlite;

/// Writes echo log records, one per element (a statement, possibly
/// multi-line, or its parameter line), tagged as SQL for the page.
pub fn echo_lines(interp: &mut Interpreter, eng: &EngineInner, lines: &[String]) {
    if eng.echo.get() {
        for l in lines {
            interp.write_sql_log(&format!("{l}\n"));
        }
    }
}

pub fn log_begin(interp: &mut Interpreter, eng: &EngineInner) {
    echo_lines(interp, eng, &[EchoLog::begin().to_string()]);
}

pub fn log_commit(interp: &mut Interpreter, eng: &EngineInner) {
    echo_lines(interp, eng, &[EchoLog::commit().to_string()]);
    pysqlite::commit(&mut eng.db.borrow_mut());
}

pub fn log_rollback(interp: &mut Interpreter, eng: &EngineInner) {
    echo_lines(interp, eng, &[EchoLog::rollback().to_string()]);
    pysqlite::rollback(&mut eng.db.borrow_mut());
}

fn store_params(row: &[PyValue]) -> PyResult<Params> {
    let mut out = Vec::with_capacity(row.len());
    for v in row {
        out.push(to_store(v).map_err(crate::util::orm_err)?);
    }
    Ok(Params::Positional(out))
}

/// The `DBAPIError` SQLAlchemy raises around a driver error.
pub fn dbapi_error(e: &relplay_store::SqlError, sql: &str, params: &str) -> PyErr {
    let (cls, code) = pysqlite::error_class(e.kind);
    let msg = format!(
        "(sqlite3.{cls}) {}\n[SQL: {sql}]\n[parameters: {params}]\n(Background on this error at: https://sqlalche.me/e/21/{code})",
        e.message
    );
    crate::exc::raise(cls, &msg)
}

/// The error with `.orig` (the driver's exception), `.statement`, `.params`.
pub fn dbapi_error_with(e: &relplay_store::SqlError, sql: &str, params: &str, pv: Value) -> PyErr {
    let err = dbapi_error(e, sql, params);
    let (cls, code) = pysqlite::error_class(e.kind);
    let orig = crate::exc::raise(&format!("sqlite3.{cls}"), &e.message);
    let mut d = err.0.dict.borrow_mut();
    d.set_str("orig", orig.value());
    d.set_str("statement", Value::str(sql));
    d.set_str("params", pv);
    d.set_str("code", Value::str(code));
    drop(d);
    err
}

/// Runs a compiled statement (all its parameter sets) with its echo lines.
pub fn exec_compiled(
    interp: &mut Interpreter,
    eng: &Rc<EngineInner>,
    c: &Compiled,
    kind: ExecKind,
) -> PyResult<Vec<QueryResult>> {
    let started = eng.clock.now();
    let lines = eng.log.borrow_mut().execute(&eng.clock, c, kind, started);
    echo_lines(interp, eng, &lines);
    let mut out = Vec::with_capacity(c.params.len());
    let mut db = eng.db.borrow_mut();
    pysqlite::before_execute(&mut db, &c.sql);
    let sets: Vec<&[PyValue]> = if c.params.is_empty() {
        vec![&[]]
    } else {
        c.params.iter().map(|r| r.as_slice()).collect()
    };
    for row in sets {
        let p = store_params(row)?;
        match db.execute(&c.sql, &p) {
            Ok(r) => out.push(r),
            Err(e) => {
                let multi = kind == ExecKind::Many && c.params.len() > 1;
                let shown = if multi {
                    c.params.clone()
                } else {
                    vec![row.to_vec()]
                };
                let pr = relplay_orm::engine::repr_params(&shown, multi);
                let to_tuple =
                    |r: &Vec<PyValue>| Value::tuple(r.iter().map(crate::util::from_py).collect());
                let pv = if multi {
                    Value::list(shown.iter().map(to_tuple).collect())
                } else {
                    to_tuple(&shown[0])
                };
                return Err(dbapi_error_with(&e, &c.sql, &pr, pv));
            }
        }
    }
    Ok(out)
}

/// `exec_driver_sql`-style statements (the PRAGMAs of create_all).
pub fn exec_raw(interp: &mut Interpreter, eng: &EngineInner, sql: &str) -> PyResult<QueryResult> {
    echo_lines(interp, eng, &EchoLog::raw_sql(sql));
    let r = eng.db.borrow_mut().execute(sql, &Params::None);
    r.map_err(|e| dbapi_error(&e, sql, "()"))
}

/// DDL: logged with `[no key]`.
pub fn exec_ddl(interp: &mut Interpreter, eng: &EngineInner, sql: &str) -> PyResult<()> {
    let t = eng.clock.now();
    let lines = EchoLog::ddl(&eng.clock, t, sql);
    echo_lines(interp, eng, &lines);
    let r = eng.db.borrow_mut().execute(sql, &Params::None);
    r.map(|_| ()).map_err(|e| dbapi_error(&e, sql, "()"))
}

/// `connection.execute(stmt)` for Core statements.
pub fn execute_core(
    interp: &mut Interpreter,
    eng: &Rc<EngineInner>,
    stmt: &Value,
    params: Option<Value>,
) -> PyResult<Value> {
    crate::sql::execute::execute_statement(interp, eng, stmt, params, None)
}
