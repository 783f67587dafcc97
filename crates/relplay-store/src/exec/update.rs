//! UPDATE: compute every new row from the old ones first, then write.
use super::expr::{eval, holds};
use super::insert::{check_row, returning_rows, rowid_error, unique_error};
use super::join::lookup;
use super::{fk, Ctx, Env, State, EMPTY};
use crate::error::{Result, SqlError};
use crate::plan::{Access, Expr, Returning};
use crate::value::Value;
use crate::QueryResult;

/// Rowids and rows (columns + rowid) of `table` matching `filter`.
pub fn matching_rows(
    state: &State,
    params: &[Value],
    table: &str,
    filter: &Option<Expr>,
    access: &Access,
) -> Result<Vec<(i64, Vec<Value>)>> {
    let t = state
        .tables
        .get(table)
        .ok_or_else(|| SqlError::op(format!("no such table: {table}")))?;
    let env = Env::new(&state.tables, params);
    let ids: Vec<i64> = match lookup(t, access, &env, &EMPTY)? {
        Some(ids) => ids,
        None => t.rows.keys().copied().collect(),
    };
    let mut out = Vec::new();
    for id in ids {
        let Some(r) = t.rows.get(&id) else { continue };
        let mut row = r.clone();
        row.push(Value::Integer(id));
        if let Some(f) = filter {
            if !holds(f, &env, &Ctx { row: &row, outer: None })? {
                continue;
            }
        }
        out.push((id, row));
    }
    Ok(out)
}

pub fn update(
    state: &mut State,
    params: &[Value],
    table: &str,
    sets: &[(usize, Expr)],
    filter: &Option<Expr>,
    access: &Access,
    returning: &Option<Returning>,
) -> Result<QueryResult> {
    let targets = matching_rows(state, params, table, filter, access)?;
    let schema = state.tables[table].schema.clone();
    let ncols = schema.columns.len();
    let mut planned = Vec::with_capacity(targets.len());
    {
        let env = Env::new(&state.tables, params);
        for (id, old) in targets {
            let ctx = Ctx { row: &old, outer: None };
            let mut new = old[..ncols].to_vec();
            for (c, e) in sets {
                new[*c] = schema.columns[*c].affinity.apply(eval(e, &env, &ctx)?);
            }
            planned.push((id, old, new));
        }
    }
    let mut changed = Vec::new();
    let affected = planned.len() as u64;
    for (id, old, mut new) in planned {
        let new_id = match schema.rowid_alias {
            Some(a) => match &new[a] {
                Value::Integer(i) => *i,
                _ => return Err(SqlError::integrity("datatype mismatch")),
            },
            None => id,
        };
        if let Some(a) = schema.rowid_alias {
            new[a] = Value::Integer(new_id);
        }
        check_row(&schema, &new, params)?;
        let t = &state.tables[table];
        if new_id != id && t.rows.contains_key(&new_id) {
            return Err(rowid_error(&schema));
        }
        if let Some((n, _)) = t.unique_conflict(&new, Some(id)) {
            return Err(unique_error(t, n));
        }
        fk::check_child(state, table, &new, Some(&old[..ncols]))?;
        fk::on_parent_change(state, table, &old[..ncols], Some(&new))?;
        if new_id == id {
            state.replace_row(table, id, new.clone());
        } else {
            state.delete_row(table, id);
            state.insert_row(table, new_id, new.clone());
        }
        if returning.is_some() {
            new.push(Value::Integer(new_id));
            changed.push(new);
        }
    }
    let (columns, rows) = returning_rows(state, params, returning, &changed)?;
    Ok(QueryResult {
        columns,
        rows,
        rows_affected: affected,
        last_insert_rowid: 0,
    })
}
