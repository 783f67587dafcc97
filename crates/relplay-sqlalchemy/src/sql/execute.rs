//! Executing Core statements on a connection.

use std::rc::Rc;

use relplay_orm::engine::ExecKind;
use relplay_orm::sql::{compile, Statement};
use relplay_orm::types::result_process;
use relplay_py::{Interpreter, PyResult, Value};

use crate::engine::base::EngineInner;
use crate::util::{cast, from_py, orm_err};

/// Rows of a column select as `Row`s of Python values.
pub fn column_rows(
    s: &relplay_orm::sql::Select,
    rows: Vec<Vec<relplay_store::Value>>,
) -> PyResult<Vec<Value>> {
    let types: Vec<_> = s.columns.iter().map(|c| c.sql_type()).collect();
    let keys = crate::sql::row::keys_of(&s.columns);
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut vals = Vec::with_capacity(row.len());
        for (i, v) in row.iter().enumerate() {
            let ty = types
                .get(i)
                .cloned()
                .unwrap_or(relplay_orm::types::SqlType::Null);
            vals.push(from_py(&result_process(&ty, v).map_err(orm_err)?));
        }
        out.push(crate::sql::row::row(vals, &keys));
    }
    Ok(out)
}

/// Rows of a textual statement: values as the driver returns them.
fn text_rows(r: relplay_store::QueryResult) -> Vec<Value> {
    let keys = Rc::new(r.columns.clone());
    r.rows
        .into_iter()
        .map(|row| {
            let vals = row
                .iter()
                .map(|v| match v {
                    relplay_store::Value::Null => Value::None,
                    relplay_store::Value::Integer(i) => Value::Int(*i),
                    relplay_store::Value::Real(f) => Value::Float(*f),
                    relplay_store::Value::Text(s) => Value::Str(s.clone()),
                    relplay_store::Value::Blob(b) => Value::Bytes(b.clone()),
                })
                .collect();
            crate::sql::row::row(vals, &keys)
        })
        .collect()
}

/// Parameter sets given to `execute(stmt, params)`: a dict or a list of dicts.
pub fn param_sets(
    interp: &mut Interpreter,
    params: &Option<Value>,
) -> PyResult<Vec<Vec<(String, relplay_orm::PyValue)>>> {
    let one =
        |interp: &mut Interpreter, d: &Value| -> PyResult<Vec<(String, relplay_orm::PyValue)>> {
            let Value::Dict(d) = d else {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("parameters given as a {}", d.type_name()),
                ));
            };
            let mut out = Vec::new();
            for (k, v) in d.borrow().items() {
                let name = crate::sql::dml::key_name(interp, &k)?;
                out.push((name, crate::util::to_py(&v)?));
            }
            Ok(out)
        };
    match params {
        None | Some(Value::None) => Ok(Vec::new()),
        Some(d @ Value::Dict(_)) => Ok(vec![one(interp, d)?]),
        Some(l @ (Value::List(_) | Value::Tuple(_))) => {
            let items = interp.collect_iter(l)?;
            items.iter().map(|d| one(interp, d)).collect()
        }
        Some(other) => Err(crate::util::not_supported(
            interp,
            &format!("parameters given as a {}", other.type_name()),
        )),
    }
}

/// Sends one compiled statement: through a connection or a session.
pub type Runner<'a> = dyn FnMut(
        &mut Interpreter,
        &relplay_orm::sql::Compiled,
        ExecKind,
    ) -> PyResult<Vec<relplay_store::QueryResult>>
    + 'a;

/// Executes a Core statement (select, DML, text) on the engine; `run`
/// sends the compiled statement (a connection or a session's transaction).
pub fn execute_with(
    interp: &mut Interpreter,
    stmt: &Value,
    params: Option<Value>,
    run: &mut Runner<'_>,
) -> PyResult<Value> {
    let sets = param_sets(interp, &params)?;
    if let Some(s) = cast::<crate::sql::selectable::SelectObj>(stmt) {
        let c = compile(Statement::Select(&s.sel))
            .map_err(orm_err)?
            .in_namespace("core");
        let r = run(interp, &c, ExecKind::Single)?;
        let rows = r.into_iter().next().map(|r| r.rows).unwrap_or_default();
        return Ok(crate::engine::result::new_result(
            column_rows(&s.sel, rows)?,
            false,
        ));
    }
    if let Some(t) = cast::<crate::sql::elements::TextObj>(stmt) {
        // A list of parameter dicts is an executemany: one statement, every set.
        let many = sets.len() > 1;
        let mut sets = sets.into_iter();
        let first = sets.next().unwrap_or_default();
        let mut c = relplay_orm::sql::compile_text(&t.sql, &first).map_err(orm_err)?;
        for set in sets {
            let more = relplay_orm::sql::compile_text(&t.sql, &set).map_err(orm_err)?;
            c.params.extend(more.params);
        }
        let kind = if many {
            ExecKind::Many
        } else {
            ExecKind::Single
        };
        let r = run(interp, &c, kind)?;
        let count: u64 = r.iter().map(|q| q.rows_affected).sum();
        let first = r.into_iter().next().unwrap_or_default();
        let res = crate::engine::result::new_result(text_rows(first), false);
        set_rowcount(&res, count);
        return Ok(res);
    }
    if let Some(d) = cast::<crate::sql::dml::DmlObj>(stmt) {
        use crate::sql::dml::Built;
        let many = sets.len() > 1;
        let built = d.statement(&sets)?;
        let c = match &built {
            Built::Insert(i) => compile(Statement::Insert(i)),
            Built::Update(u) => compile(Statement::Update(u)),
            Built::Delete(x) => compile(Statement::Delete(x)),
        }
        .map_err(orm_err)?;
        let kind = if many {
            ExecKind::Many
        } else {
            ExecKind::Single
        };
        let r = run(interp, &c, kind)?;
        let count: u64 = r.iter().map(|q| q.rows_affected).sum();
        let rows = if d.returning.is_empty() {
            Vec::new()
        } else {
            let shape = relplay_orm::sql::Select::new(d.returning.clone());
            let raw: Vec<Vec<relplay_store::Value>> =
                r.iter().flat_map(|q| q.rows.iter().cloned()).collect();
            column_rows(&shape, raw)?
        };
        let res = crate::engine::result::new_result(rows, false);
        set_rowcount(&res, count);
        if let (Built::Insert(_), Some(last)) = (&built, r.last()) {
            if let Some(ro) = cast::<crate::engine::result::ResultObj>(&res) {
                ro.lastrowid.set(last.last_insert_rowid);
            }
        }
        return Ok(res);
    }
    Err(crate::util::not_supported(
        interp,
        &format!("executing a {}", stmt.type_name()),
    ))
}

fn set_rowcount(res: &Value, n: u64) {
    if let Some(ro) = cast::<crate::engine::result::ResultObj>(res) {
        ro.rowcount.set(n as i64);
    }
}

pub fn execute_statement(
    interp: &mut Interpreter,
    eng: &Rc<EngineInner>,
    stmt: &Value,
    params: Option<Value>,
    _ns: Option<&str>,
) -> PyResult<Value> {
    let eng = eng.clone();
    execute_with(interp, stmt, params, &mut |i, c, k| {
        crate::engine::default::exec_compiled(i, &eng, c, k)
    })
}
