//! Executing Core statements on a connection.

use std::rc::Rc;

use relplay_orm::engine::ExecKind;
use relplay_orm::sql::{compile, Statement};
use relplay_orm::types::result_process;
use relplay_py::{Interpreter, PyResult, Value};

use crate::engine::base::EngineInner;
use crate::util::{cast, from_py, orm_err};

/// Rows of a column select as tuples of Python values.
pub fn column_rows(
    s: &relplay_orm::sql::Select,
    rows: Vec<Vec<relplay_store::Value>>,
) -> PyResult<Vec<Value>> {
    let types: Vec<_> = s.columns.iter().map(|c| c.sql_type()).collect();
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
        out.push(Value::tuple(vals));
    }
    Ok(out)
}

pub fn execute_statement(
    interp: &mut Interpreter,
    eng: &Rc<EngineInner>,
    stmt: &Value,
    _params: Option<Value>,
    _ns: Option<&str>,
) -> PyResult<Value> {
    if let Some(s) = cast::<crate::sql::selectable::SelectObj>(stmt) {
        let c = compile(Statement::Select(&s.sel)).map_err(orm_err)?;
        let r = crate::engine::default::exec_compiled(interp, eng, &c, ExecKind::Single)?;
        let rows = r.into_iter().next().map(|r| r.rows).unwrap_or_default();
        return Ok(crate::engine::result::new_result(
            column_rows(&s.sel, rows)?,
            false,
        ));
    }
    Err(crate::util::not_supported(
        interp,
        &format!("executing a {} on a Connection", stmt.type_name()),
    ))
}
