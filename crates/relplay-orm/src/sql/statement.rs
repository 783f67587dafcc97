//! Statements as a whole: the rendered SQL of SELECT/INSERT/UPDATE/DELETE,
//! their parameter sets, and the cache key (the statement's shape without
//! its values; expanding IN lists of any length share one key, as in
//! SQLAlchemy).

use super::compiler::{Ctx, SelectMode};
use super::dml::{Delete, Insert, Update};
use super::expr::{and_, Expr};
use super::quote::Dialect;
use super::select::Select;
use crate::error::{OrmError, OrmErrorKind, OrmResult};
use crate::types::{bind_process, SqlType};
use crate::PyValue;

#[derive(Clone, Copy, Debug)]
pub enum Statement<'a> {
    Select(&'a Select),
    Insert(&'a Insert),
    Update(&'a Update),
    Delete(&'a Delete),
}

/// A rendered statement. `params` holds one bind-processed parameter set
/// per row (one for a plain execute; several for an executemany).
#[derive(Clone, Debug, PartialEq)]
pub struct Compiled {
    pub sql: String,
    pub params: Vec<Vec<PyValue>>,
    pub cache_key: String,
}

impl Compiled {
    /// Put the cache key in a namespace. SQLAlchemy's cache key also
    /// depends on where a statement comes from, so identical SQL is
    /// "generated" again per origin (reference/cache*.py): a Core
    /// statement, an ORM `select(Entity)`, `session.get(Entity)`, a lazy
    /// loader of one relationship, and the flush statements of a mapper
    /// (kept in the mapper's own compiled cache) never share entries.
    pub fn in_namespace(mut self, ns: &str) -> Compiled {
        self.cache_key = format!("{ns}#{}", self.cache_key);
        self
    }
}

fn where_sql(ctx: &mut Ctx, w: &[Expr]) -> OrmResult<String> {
    if w.is_empty() {
        return Ok(String::new());
    }
    Ok(format!(" WHERE {}", ctx.top_expr(&and_(w.to_vec()))?))
}

fn render(stmt: Statement, ctx: &mut Ctx) -> OrmResult<String> {
    match stmt {
        Statement::Select(s) => ctx.select(s, SelectMode::Top),
        Statement::Insert(i) => {
            let mut sql = format!("INSERT INTO {}", ctx.q(&i.table));
            if i.columns.is_empty() {
                sql.push_str(" DEFAULT VALUES");
            } else {
                let cols: Vec<String> = i.columns.iter().map(|(c, _)| ctx.q(c)).collect();
                let marks: Vec<String> = i.columns.iter().map(|(c, _)| ctx.dml_mark(c)).collect();
                let marks = marks.join(", ");
                sql.push_str(&format!(" ({}) VALUES ({marks})", cols.join(", ")));
            }
            if !i.returning.is_empty() {
                let r: Vec<String> = i.returning.iter().map(|c| ctx.q(c)).collect();
                sql.push_str(&format!(" RETURNING {}", r.join(", ")));
            }
            ctx.types = i.columns.iter().map(|(_, t)| t.clone()).collect();
            Ok(sql)
        }
        Statement::Update(u) => {
            let mut sets = Vec::new();
            for (i, (c, t)) in u.set.iter().enumerate() {
                match u.set_exprs.get(i).and_then(|e| e.as_ref()) {
                    Some(e) => {
                        let v = ctx.set_value(e)?;
                        sets.push(format!("{}={v}", ctx.q(c)));
                    }
                    None => {
                        // a slot filled per row
                        ctx.set_slots.push(ctx.params.len());
                        ctx.params.push(PyValue::None);
                        ctx.types.push(t.clone());
                        sets.push(format!("{}={}", ctx.q(c), ctx.dml_mark(c)));
                    }
                }
            }
            ctx.set_len = ctx.params.len();
            let w = where_sql(ctx, &u.where_)?;
            let mut sql = format!("UPDATE {} SET {}{w}", ctx.q(&u.table), sets.join(", "));
            if !u.returning.is_empty() {
                let r: Vec<String> = u.returning.iter().map(|c| ctx.q(c)).collect();
                sql.push_str(&format!(" RETURNING {}", r.join(", ")));
            }
            Ok(sql)
        }
        Statement::Delete(d) => {
            let w = where_sql(ctx, &d.where_)?;
            Ok(format!("DELETE FROM {}{w}", ctx.q(&d.table)))
        }
    }
}

/// Bind-process explicit rows; a row may omit the trailing WHERE values,
/// which then come from the statement's own binds.
fn row_params(
    rows: &[Vec<PyValue>],
    types: &[SqlType],
    own: &[PyValue],
) -> OrmResult<Vec<Vec<PyValue>>> {
    let mut out = Vec::new();
    for row in rows {
        if row.len() > types.len() {
            return Err(OrmError::new(
                OrmErrorKind::ArgumentError,
                format!("{} values given for {} parameters", row.len(), types.len()),
            ));
        }
        let mut set = Vec::with_capacity(types.len());
        for (i, ty) in types.iter().enumerate() {
            match row.get(i) {
                Some(v) => set.push(bind_process(ty, v)?),
                None => set.push(own.get(i).cloned().unwrap_or(PyValue::None)),
            }
        }
        out.push(set);
    }
    Ok(out)
}

/// UPDATE parameter sets: each row gives the bound SET values (in their
/// slots), then optionally the WHERE values; the rest are the statement's.
fn update_params(rows: &[Vec<PyValue>], ctx: &Ctx) -> OrmResult<Vec<Vec<PyValue>>> {
    let mut out = Vec::new();
    for row in rows {
        if row.len() > ctx.types.len() {
            return Err(OrmError::new(
                OrmErrorKind::ArgumentError,
                format!(
                    "{} values given for {} parameters",
                    row.len(),
                    ctx.types.len()
                ),
            ));
        }
        let mut set = ctx.params.clone();
        for (j, v) in row.iter().enumerate() {
            let slot = match ctx.set_slots.get(j) {
                Some(&s) => s,
                None => ctx.set_len + (j - ctx.set_slots.len()),
            };
            if let (Some(p), Some(ty)) = (set.get_mut(slot), ctx.types.get(slot)) {
                *p = bind_process(ty, v)?;
            }
        }
        out.push(set);
    }
    Ok(out)
}

/// `str(statement)`: the default string compiler, with named binds
/// (`:name_1`), `__[POSTCOMPILE_x]` IN lists and the default reserved
/// words (reference/strstmt.py).
pub fn compile_str(stmt: Statement) -> OrmResult<String> {
    let mut ctx = Ctx::new(false, Dialect::Default);
    render(stmt, &mut ctx)
}

/// Compile a statement for the SQLite dialect.
pub fn compile(stmt: Statement) -> OrmResult<Compiled> {
    let mut ctx = Ctx::new(false, Dialect::Sqlite);
    let sql = render(stmt, &mut ctx)?;
    let mut kctx = Ctx::new(true, Dialect::Sqlite);
    let shape = render(stmt, &mut kctx)?;
    let tys: Vec<&str> = kctx.types.iter().map(|t| t.affinity()).collect();
    let mut cache_key = format!("{shape}|{}", tys.join(","));
    if let Statement::Insert(i) = stmt {
        if !i.defaulted.is_empty() {
            cache_key.push_str(&format!("|defaulted={}", i.defaulted.join(",")));
        }
    }
    let params = match stmt {
        Statement::Select(_) => vec![ctx.params],
        Statement::Insert(i) => row_params(&i.rows, &ctx.types, &[])?,
        Statement::Update(u) => {
            if u.rows.is_empty() {
                return Err(OrmError::new(
                    OrmErrorKind::ArgumentError,
                    "UPDATE without values",
                ));
            }
            update_params(&u.rows, &ctx)?
        }
        Statement::Delete(d) => {
            if d.rows.is_empty() {
                vec![ctx.params]
            } else {
                row_params(&d.rows, &ctx.types, &ctx.params)?
            }
        }
    };
    Ok(Compiled {
        sql,
        params,
        cache_key,
    })
}
