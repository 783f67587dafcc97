//! INSERT, and the constraint checks UPDATE shares with it.
use super::expr::eval;
use super::select::run_query;
use super::{fk, Ctx, Env, State, EMPTY};
use crate::error::{Result, SqlError};
use crate::plan::{Conflict, InsertSource, Returning};
use crate::schema::TableSchema;
use crate::storage::Table;
use crate::value::Value;
use crate::QueryResult;
use std::collections::BTreeMap;

/// NOT NULL and CHECK constraints of a full row (columns then rowid).
pub fn check_row(schema: &TableSchema, row: &[Value], params: &[Value]) -> Result<()> {
    for (i, c) in schema.columns.iter().enumerate() {
        if c.not_null && row[i].is_null() {
            return Err(SqlError::integrity(format!(
                "NOT NULL constraint failed: {}.{}",
                schema.name, c.name
            )));
        }
    }
    if !schema.checks.is_empty() {
        let none = BTreeMap::new();
        let env = Env::new(&none, params);
        let ctx = Ctx { row, outer: None };
        for (e, name) in &schema.checks {
            let v = eval(e, &env, &ctx)?;
            if crate::affinity::truth(&v) == Some(false) {
                return Err(SqlError::integrity(format!("CHECK constraint failed: {name}")));
            }
        }
    }
    Ok(())
}

pub fn unique_error(t: &Table, index_no: usize) -> SqlError {
    let s = &t.schema;
    let cols: Vec<String> = t.indexes[index_no]
        .columns
        .iter()
        .map(|&c| format!("{}.{}", s.name, s.columns[c].name))
        .collect();
    SqlError::integrity(format!("UNIQUE constraint failed: {}", cols.join(", ")))
}

pub fn rowid_error(s: &TableSchema) -> SqlError {
    let col = s.rowid_alias.map(|c| s.columns[c].name.clone()).unwrap_or_else(|| "rowid".into());
    SqlError::integrity(format!("UNIQUE constraint failed: {}.{}", s.name, col))
}

/// Evaluate RETURNING over the changed rows once the statement's writes are done.
pub fn returning_rows(
    state: &State,
    params: &[Value],
    ret: &Option<Returning>,
    rows: &[Vec<Value>],
) -> Result<(Vec<String>, Vec<Vec<Value>>)> {
    let Some(r) = ret else {
        return Ok((Vec::new(), Vec::new()));
    };
    let env = Env::new(&state.tables, params);
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let ctx = Ctx { row, outer: None };
        out.push(r.exprs.iter().map(|e| eval(e, &env, &ctx)).collect::<Result<Vec<_>>>()?);
    }
    Ok((r.columns.clone(), out))
}

pub fn insert(
    state: &mut State,
    params: &[Value],
    table: &str,
    columns: &[usize],
    source: &InsertSource,
    conflict: Conflict,
    returning: &Option<Returning>,
) -> Result<QueryResult> {
    let schema = state
        .tables
        .get(table)
        .map(|t| t.schema.clone())
        .ok_or_else(|| SqlError::op(format!("no such table: {table}")))?;
    let ncols = schema.columns.len();
    // Evaluate the source completely before writing (INSERT ... SELECT from the same table).
    // INSERT ... SELECT reads its source completely before writing (it may read
    // the target table); VALUES rows are evaluated one at a time, as SQLite does.
    let mut query_rows = match source {
        InsertSource::Query(q) => run_query(q, &Env::new(&state.tables, params), None)?.into_iter(),
        _ => Vec::new().into_iter(),
    };
    let count = match source {
        InsertSource::Values(rows) => rows.len(),
        InsertSource::Query(_) => query_rows.len(),
        InsertSource::Defaults => 1,
    };
    let none = BTreeMap::new();
    let const_env = Env::new(&none, params);
    let mut changed = Vec::new();
    let mut affected = 0u64;
    'rows: for n in 0..count {
        let mut row: Vec<Value> = Vec::with_capacity(ncols + 1);
        for c in &schema.columns {
            row.push(match &c.default {
                Some(d) => eval(d, &const_env, &EMPTY)?,
                None => Value::Null,
            });
        }
        let mut explicit_rowid = Value::Null;
        let mut put = |k: usize, v: Value| match columns.get(k) {
            Some(&c) if c == ncols => explicit_rowid = v,
            Some(&c) => row[c] = v,
            None => {}
        };
        match source {
            InsertSource::Values(rows) => {
                let env = Env::new(&state.tables, params);
                for (k, e) in rows[n].iter().enumerate() {
                    put(k, eval(e, &env, &EMPTY)?);
                }
            }
            InsertSource::Query(_) => {
                for (k, v) in query_rows.next().unwrap_or_default().into_iter().enumerate() {
                    put(k, v);
                }
            }
            InsertSource::Defaults => {}
        }
        for (i, c) in schema.columns.iter().enumerate() {
            let v = std::mem::replace(&mut row[i], Value::Null);
            row[i] = c.affinity.apply(v);
        }
        if let Some(a) = schema.rowid_alias {
            explicit_rowid = row[a].clone();
        }
        let rowid = match crate::affinity::Affinity::Integer.apply(explicit_rowid) {
            Value::Null => {
                let t = &state.tables[table];
                let max = t.rows.keys().next_back().copied().unwrap_or(0);
                let base = if schema.autoincrement {
                    max.max(state.seq.get(table).copied().unwrap_or(0))
                } else {
                    max
                };
                base.checked_add(1)
                    .ok_or_else(|| SqlError::new(crate::error::SqlErrorKind::Operational, "database or disk is full"))?
            }
            Value::Integer(i) => i,
            _ => return Err(SqlError::integrity("datatype mismatch")),
        };
        if let Some(a) = schema.rowid_alias {
            row[a] = Value::Integer(rowid);
        }
        if conflict == Conflict::Ignore && check_row(&schema, &row, params).is_err() {
            continue;
        }
        check_row(&schema, &row, params)?;
        // Uniqueness: the rowid first, then each unique index, as SQLite orders them.
        loop {
            let t = &state.tables[table];
            let hit = if t.rows.contains_key(&rowid) {
                Some((None, rowid))
            } else {
                t.unique_conflict(&row, None).map(|(n, r)| (Some(n), r))
            };
            let Some((ix, other)) = hit else { break };
            match conflict {
                Conflict::Ignore => continue 'rows,
                Conflict::Replace => {
                    if let Some(old) = state.tables[table].rows.get(&other).cloned() {
                        fk::on_parent_change(state, table, &old, None)?;
                    }
                    state.delete_row(table, other);
                }
                Conflict::Abort => {
                    return Err(match ix {
                        None => rowid_error(&schema),
                        Some(n) => unique_error(t, n),
                    })
                }
            }
        }
        fk::check_child(state, table, &row, None)?;
        // Keep a copy only when RETURNING needs the row afterwards.
        if returning.is_some() {
            let mut copy = row.clone();
            copy.push(Value::Integer(rowid));
            changed.push(copy);
        }
        state.insert_row(table, rowid, row);
        if schema.autoincrement && rowid > state.seq.get(table).copied().unwrap_or(0) {
            state.set_seq(table, rowid);
        }
        state.last_rowid = rowid;
        affected += 1;
    }
    let (columns, rows) = returning_rows(state, params, returning, &changed)?;
    Ok(QueryResult {
        columns,
        rows,
        rows_affected: affected,
        last_insert_rowid: 0,
    })
}
