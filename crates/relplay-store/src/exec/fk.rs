//! Foreign keys (only with `PRAGMA foreign_keys=ON`): child rows must reference
//! an existing parent; parent deletes/updates apply the declared actions.
use super::State;
use crate::error::{Result, SqlError};
use crate::schema::{FkAction, ForeignKey};
use crate::storage::Table;
use crate::value::{compare, Value};
use std::cmp::Ordering;
use std::collections::BTreeMap;

pub fn fk_failed() -> SqlError {
    SqlError::integrity("FOREIGN KEY constraint failed")
}

/// The parent table (lowercased) and the parent columns a foreign key refers to.
pub fn parent_cols(tables: &BTreeMap<String, Table>, child: &str, fk: &ForeignKey) -> Result<(String, Vec<usize>)> {
    let pname = fk.parent.to_ascii_lowercase();
    let p = tables
        .get(&pname)
        .ok_or_else(|| SqlError::op(format!("no such table: main.{}", fk.parent)))?;
    let mismatch = || SqlError::op(format!("foreign key mismatch - \"{child}\" referencing \"{}\"", fk.parent));
    let cols = if fk.parent_columns.is_empty() {
        if p.schema.pk.is_empty() {
            return Err(mismatch());
        }
        p.schema.pk.clone()
    } else {
        fk.parent_columns
            .iter()
            .map(|c| p.schema.column_index(c).ok_or_else(mismatch))
            .collect::<Result<Vec<_>>>()?
    };
    if cols.len() != fk.columns.len() {
        return Err(mismatch());
    }
    Ok((pname, cols))
}

fn rows_matching(t: &Table, cols: &[usize], vals: &[Value]) -> Vec<i64> {
    let conv: Vec<Value> = cols
        .iter()
        .zip(vals)
        .map(|(&c, v)| t.schema.columns[c].affinity.apply(v.clone()))
        .collect();
    let eq = |row: &Vec<Value>| cols.iter().zip(&conv).all(|(&c, v)| compare(&row[c], v) == Ordering::Equal);
    if cols.len() == 1 && t.schema.rowid_alias == Some(cols[0]) {
        if let Value::Integer(i) = conv[0] {
            return if t.rows.contains_key(&i) { vec![i] } else { vec![] };
        }
        return vec![];
    }
    if let Some(ix) = t.index_on(cols[0]) {
        let mut ids = Vec::new();
        ix.lookup_first(&conv[0], &mut ids);
        return ids.into_iter().filter(|id| t.rows.get(id).is_some_and(eq)).collect();
    }
    t.rows.iter().filter(|(_, r)| eq(r)).map(|(id, _)| *id).collect()
}

/// Check that a new or changed child row's references exist.
pub fn check_child(state: &State, table: &str, row: &[Value], changed: Option<&[Value]>) -> Result<()> {
    if !state.foreign_keys {
        return Ok(());
    }
    let Some(t) = state.tables.get(table) else {
        return Ok(());
    };
    for fk in &t.schema.fks {
        let vals: Vec<Value> = fk.columns.iter().map(|&c| row[c].clone()).collect();
        if vals.iter().any(|v| v.is_null()) {
            continue;
        }
        if let Some(old) = changed {
            if fk.columns.iter().all(|&c| compare(&old[c], &row[c]) == Ordering::Equal) {
                continue;
            }
        }
        let (pname, pcols) = parent_cols(&state.tables, &t.schema.name, fk)?;
        let Some(p) = state.tables.get(&pname) else {
            return Err(fk_failed());
        };
        if rows_matching(p, &pcols, &vals).is_empty() {
            return Err(fk_failed());
        }
    }
    Ok(())
}

/// Foreign keys (child table, fk index) that reference `parent`.
fn referencing(state: &State, parent: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (name, t) in &state.tables {
        for (k, fk) in t.schema.fks.iter().enumerate() {
            if fk.parent.eq_ignore_ascii_case(parent) {
                out.push((name.clone(), k));
            }
        }
    }
    out
}

/// Apply ON DELETE (new = None) or ON UPDATE actions for a parent row's key change.
pub fn on_parent_change(state: &mut State, parent: &str, old: &[Value], new: Option<&[Value]>) -> Result<()> {
    if !state.foreign_keys {
        return Ok(());
    }
    for (child, k) in referencing(state, parent) {
        let (fk, child_name) = {
            let t = &state.tables[&child];
            (t.schema.fks[k].clone(), t.schema.name.clone())
        };
        let (_, pcols) = parent_cols(&state.tables, &child_name, &fk)?;
        let old_key: Vec<Value> = pcols.iter().map(|&c| old[c].clone()).collect();
        if let Some(new) = new {
            if pcols
                .iter()
                .all(|&c| compare(&old[c], &new[c]) == Ordering::Equal && old[c].type_name() == new[c].type_name())
            {
                continue;
            }
        }
        if old_key.iter().any(|v| v.is_null()) {
            continue;
        }
        let ids = rows_matching(&state.tables[&child], &fk.columns, &old_key);
        if ids.is_empty() {
            continue;
        }
        let action = if new.is_some() { fk.on_update } else { fk.on_delete };
        match action {
            FkAction::Restrict => return Err(fk_failed()),
            // NO ACTION is checked when the statement ends: the same statement may remove the children too.
            FkAction::NoAction => state.pending_fk.push((child.clone(), k, old_key.clone())),
            FkAction::Cascade if new.is_none() => {
                for id in ids {
                    if let Some(row) = state.tables[&child].rows.get(&id).cloned() {
                        on_parent_change(state, &child, &row, None)?;
                        state.delete_row(&child, id);
                    }
                }
            }
            FkAction::Cascade | FkAction::SetNull | FkAction::SetDefault => {
                for id in ids {
                    let Some(row) = state.tables[&child].rows.get(&id).cloned() else {
                        continue;
                    };
                    let mut nr = row.clone();
                    for (i, &c) in fk.columns.iter().enumerate() {
                        nr[c] = match (action, new) {
                            (FkAction::Cascade, Some(n)) => n[pcols[i]].clone(),
                            (FkAction::SetDefault, _) => match &state.tables[&child].schema.columns[c].default {
                                Some(crate::plan::Expr::Literal(v)) => v.clone(),
                                _ => Value::Null,
                            },
                            _ => Value::Null,
                        };
                    }
                    on_parent_change(state, &child, &row, Some(&nr))?;
                    state.replace_row(&child, id, nr);
                }
            }
        }
    }
    Ok(())
}

/// End-of-statement check of deferred NO ACTION references.
pub fn check_pending(state: &mut State) -> Result<()> {
    let pending = std::mem::take(&mut state.pending_fk);
    for (child, k, key) in pending {
        let Some(t) = state.tables.get(&child) else {
            continue;
        };
        let Some(fk) = t.schema.fks.get(k) else {
            continue;
        };
        if !rows_matching(t, &fk.columns, &key).is_empty() {
            // Still referenced, unless a parent with that key exists again.
            let (pname, pcols) = parent_cols(&state.tables, &t.schema.name, fk)?;
            if !state.tables.get(&pname).is_some_and(|p| !rows_matching(p, &pcols, &key).is_empty()) {
                return Err(fk_failed());
            }
        }
    }
    Ok(())
}
