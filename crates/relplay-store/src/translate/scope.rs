//! Name resolution: which row slot a column reference reads.
use crate::affinity::Affinity;
use crate::error::{Result, SqlError};
use crate::plan::{AggCall, Expr};
use std::cell::{Cell, RefCell};

#[derive(Clone, Debug)]
pub struct ScopeCol {
    pub name: String,
    pub affinity: Affinity,
    /// The hidden rowid slot of a base table: not part of `*`.
    pub hidden: bool,
}

#[derive(Clone, Debug)]
pub struct ScopeTable {
    pub alias: String,
    pub cols: Vec<ScopeCol>,
    pub offset: usize,
}

pub struct Scope<'p> {
    pub tables: Vec<ScopeTable>,
    pub parent: Option<&'p Scope<'p>>,
    /// Set when an expression in this scope reads a column of an enclosing one.
    pub outer_ref: Cell<bool>,
    /// Aggregate calls found while translating; None where aggregates are not allowed.
    pub aggs: RefCell<Option<Vec<AggCall>>>,
    /// Width of the source row: aggregate slots come after it.
    pub width: usize,
    /// Result-column aliases, usable in GROUP BY / HAVING when no column has the name.
    pub aliases: RefCell<Vec<(String, Expr, Affinity)>>,
}

impl<'p> Scope<'p> {
    pub fn new(parent: Option<&'p Scope<'p>>) -> Scope<'p> {
        Scope {
            tables: Vec::new(),
            parent,
            outer_ref: Cell::new(false),
            aggs: RefCell::new(None),
            width: 0,
            aliases: RefCell::new(Vec::new()),
        }
    }

    pub fn add_table(&mut self, alias: &str, cols: Vec<ScopeCol>) -> usize {
        let offset = self.width;
        self.width += cols.len();
        self.tables.push(ScopeTable {
            alias: alias.to_string(),
            cols,
            offset,
        });
        offset
    }

    fn find_local(&self, table: Option<&str>, col: &str) -> Result<Option<(usize, Affinity)>> {
        let mut found = None;
        for t in &self.tables {
            if let Some(q) = table {
                if !t.alias.eq_ignore_ascii_case(q) {
                    continue;
                }
            }
            let pos = t
                .cols
                .iter()
                .position(|c| !c.hidden && c.name.eq_ignore_ascii_case(col))
                .or_else(|| {
                    let is_rowid = ["rowid", "oid", "_rowid_"].iter().any(|r| r.eq_ignore_ascii_case(col));
                    if is_rowid {
                        t.cols.iter().position(|c| c.hidden)
                    } else {
                        None
                    }
                });
            if let Some(p) = pos {
                if found.is_some() {
                    return Err(SqlError::op(format!("ambiguous column name: {col}")));
                }
                found = Some((t.offset + p, t.cols[p].affinity));
            }
        }
        Ok(found)
    }

    /// Resolve a (possibly qualified) column to `Expr::Column` and its affinity.
    pub fn resolve(&self, table: Option<&str>, col: &str) -> Result<(Expr, Affinity)> {
        let mut depth = 0;
        let mut s = self;
        loop {
            if let Some((idx, aff)) = s.find_local(table, col)? {
                if depth > 0 {
                    let mut m = self;
                    for _ in 0..depth {
                        m.outer_ref.set(true);
                        match m.parent {
                            Some(p) => m = p,
                            None => break,
                        }
                    }
                }
                return Ok((Expr::Column { depth, idx }, aff));
            }
            match s.parent {
                Some(p) => {
                    s = p;
                    depth += 1;
                }
                None => break,
            }
        }
        if table.is_none() {
            if let Some((_, e, a)) = self.aliases.borrow().iter().find(|(n, _, _)| n.eq_ignore_ascii_case(col)) {
                return Ok((e.clone(), *a));
            }
        }
        Err(SqlError::op(match table {
            Some(t) => format!("no such column: {t}.{col}"),
            None => format!("no such column: {col}"),
        }))
    }

    /// Name of a local slot: the declared column name (the rowid slot of a table
    /// with an INTEGER PRIMARY KEY carries that column's name).
    pub fn col_name(&self, idx: usize) -> Option<String> {
        self.tables
            .iter()
            .find(|t| idx >= t.offset && idx < t.offset + t.cols.len())
            .map(|t| t.cols[idx - t.offset].name.clone())
    }

    /// Affinity of the slot a column expression reads.
    pub fn affinity_at(&self, depth: usize, idx: usize) -> Affinity {
        let mut s = self;
        for _ in 0..depth {
            match s.parent {
                Some(p) => s = p,
                None => return Affinity::None,
            }
        }
        for t in &s.tables {
            if idx >= t.offset && idx < t.offset + t.cols.len() {
                return t.cols[idx - t.offset].affinity;
            }
        }
        Affinity::None
    }
}
