//! Nested-loop joins, with rowid/index lookups where the plan chose them.
use super::expr::{eval, holds};
use super::{Ctx, Env};
use crate::affinity::for_compare;
use crate::error::{Result, SqlError};
use crate::plan::{Access, JoinKind, SimpleSelect, SourceKind};
use crate::schema::TableSchema;
use crate::storage::Table;
use crate::value::Value;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Rows of sqlite_master, built from the catalog in creation order.
pub fn master_rows(tables: &BTreeMap<String, Table>, sequence_table: Option<u64>) -> Vec<Vec<Value>> {
    let mut out: Vec<(u64, usize, Vec<Value>)> = Vec::new();
    for t in tables.values() {
        let s: &TableSchema = &t.schema;
        out.push((
            t.created,
            0,
            vec![
                Value::text("table"),
                Value::text(&s.name),
                Value::text(&s.name),
                Value::Integer(2),
                Value::text(&s.sql),
            ],
        ));
        for (k, ix) in t.indexes.iter().filter(|i| !i.hidden).enumerate() {
            out.push((
                ix.created,
                k + 1,
                vec![
                    Value::text("index"),
                    Value::text(&ix.name),
                    Value::text(&s.name),
                    Value::Integer(3),
                    ix.sql.as_deref().map(Value::text).unwrap_or(Value::Null),
                ],
            ));
        }
    }
    if let Some(at) = sequence_table {
        let name = Value::text("sqlite_sequence");
        out.push((
            at,
            0,
            vec![
                Value::text("table"),
                name.clone(),
                name,
                Value::Integer(4),
                Value::text("CREATE TABLE sqlite_sequence(name,seq)"),
            ],
        ));
    }
    out.sort_by_key(|(c, k, _)| (*c, *k));
    out.into_iter().map(|(_, _, r)| r).collect()
}

/// Integer rowid a probe value can equal, if any.
fn as_rowid(v: &Value) -> Option<i64> {
    match v {
        Value::Integer(i) => Some(*i),
        Value::Real(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Some(*f as i64),
        _ => None,
    }
}

/// Candidate rowids for a keyed access, in rowid order without duplicates.
pub fn lookup(t: &Table, access: &Access, env: &Env, ctx: &Ctx) -> Result<Option<Vec<i64>>> {
    Ok(match access {
        Access::Scan => None,
        Access::Rowid { keys, aff } => {
            let mut ids = Vec::new();
            for k in keys {
                if let Some(r) = as_rowid(&for_compare(*aff, eval(k, env, ctx)?)) {
                    if t.rows.contains_key(&r) {
                        ids.push(r);
                    }
                }
            }
            ids.sort_unstable();
            ids.dedup();
            Some(ids)
        }
        Access::Index { col, keys, aff } => {
            let ix = t.index_on(*col).ok_or_else(|| SqlError::op("internal: index vanished"))?;
            let mut ids = Vec::new();
            for k in keys {
                let v = for_compare(*aff, eval(k, env, ctx)?);
                if !v.is_null() {
                    ix.lookup_first(&v, &mut ids);
                }
            }
            if keys.len() > 1 {
                ids.sort_unstable();
                ids.dedup();
            }
            Some(ids)
        }
    })
}

enum Materialized<'t> {
    Table(&'t Table, &'t Access),
    Rows(Rc<Vec<Vec<Value>>>),
}

/// Feed every joined row that passes the ON clauses and `sel.filter` to `emit`.
pub fn for_each_row(sel: &SimpleSelect, env: &Env, outer: Option<&Ctx>, emit: &mut dyn FnMut(&[Value]) -> Result<()>) -> Result<()> {
    let mut mats = Vec::with_capacity(sel.sources.len());
    for s in &sel.sources {
        mats.push(match &s.kind {
            SourceKind::Table { name, access } => Materialized::Table(
                env.tables.get(name).ok_or_else(|| SqlError::op(format!("no such table: {name}")))?,
                access,
            ),
            SourceKind::Subquery(q) => Materialized::Rows(Rc::new(super::select::run_query(q, env, outer)?)),
            SourceKind::Master => Materialized::Rows(Rc::new(master_rows(env.tables, env.sequence_table))),
        });
    }
    let mut row = vec![Value::Null; sel.width];
    level(sel, &mats, 0, 0, &mut row, env, outer, emit)
}

#[allow(clippy::too_many_arguments)]
fn level(
    sel: &SimpleSelect,
    mats: &[Materialized],
    i: usize,
    offset: usize,
    row: &mut Vec<Value>,
    env: &Env,
    outer: Option<&Ctx>,
    emit: &mut dyn FnMut(&[Value]) -> Result<()>,
) -> Result<()> {
    if i == mats.len() {
        if let Some(f) = &sel.filter {
            if !holds(f, env, &Ctx { row, outer })? {
                return Ok(());
            }
        }
        return emit(row);
    }
    let src = &sel.sources[i];
    let w = src.width;
    let mut matched = false;
    let mut visit = |row: &mut Vec<Value>, matched: &mut bool| -> Result<()> {
        if let Some(on) = &src.on {
            if !holds(on, env, &Ctx { row, outer })? {
                return Ok(());
            }
        }
        *matched = true;
        level(sel, mats, i + 1, offset + w, row, env, outer, emit)
    };
    match &mats[i] {
        Materialized::Table(t, access) => {
            let ids = lookup(t, access, env, &Ctx { row, outer })?;
            let fill = |row: &mut Vec<Value>, rowid: i64, r: &Vec<Value>| {
                row[offset..offset + w - 1].clone_from_slice(r);
                row[offset + w - 1] = Value::Integer(rowid);
            };
            match ids {
                None => {
                    for (rowid, r) in &t.rows {
                        fill(row, *rowid, r);
                        visit(row, &mut matched)?;
                    }
                }
                Some(ids) => {
                    for rowid in ids {
                        if let Some(r) = t.rows.get(&rowid) {
                            fill(row, rowid, r);
                            visit(row, &mut matched)?;
                        }
                    }
                }
            }
        }
        Materialized::Rows(rows) => {
            for r in rows.iter() {
                row[offset..offset + w].clone_from_slice(r);
                visit(row, &mut matched)?;
            }
        }
    }
    if !matched && src.join == JoinKind::Left {
        for v in &mut row[offset..offset + w] {
            *v = Value::Null;
        }
        level(sel, mats, i + 1, offset + w, row, env, outer, emit)?;
    }
    Ok(())
}
