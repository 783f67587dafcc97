//! DELETE, with ON DELETE actions when foreign keys are enforced.
use super::insert::returning_rows;
use super::update::matching_rows;
use super::{fk, State};
use crate::error::Result;
use crate::plan::{Access, Expr, Returning};
use crate::value::Value;
use crate::QueryResult;

pub fn delete(
    state: &mut State,
    params: &[Value],
    table: &str,
    filter: &Option<Expr>,
    access: &Access,
    returning: &Option<Returning>,
) -> Result<QueryResult> {
    let targets = matching_rows(state, params, table, filter, access)?;
    let ncols = state.tables[table].schema.columns.len();
    // RETURNING sees the rows as they were.
    let (columns, rows) = returning_rows(
        state,
        params,
        returning,
        &targets.iter().map(|(_, r)| r.clone()).collect::<Vec<_>>(),
    )?;
    let mut affected = 0;
    for (id, row) in targets {
        // A cascade earlier in this statement may have removed the row already.
        if !state.tables[table].rows.contains_key(&id) {
            continue;
        }
        fk::on_parent_change(state, table, &row[..ncols], None)?;
        state.delete_row(table, id);
        affected += 1;
    }
    Ok(QueryResult {
        columns,
        rows,
        rows_affected: affected,
        last_insert_rowid: 0,
    })
}
