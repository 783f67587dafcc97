//! Plan execution over the in-memory tables.
pub mod aggregate;
pub mod delete;
pub mod expr;
pub mod fk;
pub mod insert;
pub mod join;
pub mod select;
pub mod update;

use crate::storage::Table;
use crate::txn::Undo;
use crate::value::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

/// Everything a statement can read or change.
#[derive(Default)]
pub struct State {
    pub tables: BTreeMap<String, Table>,
    /// sqlite_sequence: highest rowid ever handed out, per AUTOINCREMENT table.
    pub seq: BTreeMap<String, i64>,
    pub foreign_keys: bool,
    pub last_rowid: i64,
    pub log: Vec<Undo>,
    /// Parent keys removed under NO ACTION, re-checked when the statement ends.
    /// Creation counter for tables and indexes (sqlite_master order).
    pub next_object: u64,
    /// When sqlite_sequence came into being, if an AUTOINCREMENT table exists(ed).
    pub sequence_table: Option<u64>,
    pub pending_fk: Vec<(String, usize, Vec<Value>)>,
}

/// Read-only execution environment for one statement.
pub struct Env<'a> {
    pub tables: &'a BTreeMap<String, Table>,
    pub params: &'a [Value],
    /// Results of uncorrelated subqueries, by query id.
    pub cache: RefCell<HashMap<usize, Rc<Vec<Vec<Value>>>>>,
    /// Creation position of sqlite_sequence, for sqlite_master.
    pub sequence_table: Option<u64>,
}

impl<'a> Env<'a> {
    pub fn new(tables: &'a BTreeMap<String, Table>, params: &'a [Value]) -> Self {
        Env {
            tables,
            params,
            cache: RefCell::new(HashMap::new()),
            sequence_table: None,
        }
    }
}

/// The row being evaluated, chained to the rows of enclosing queries.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub row: &'a [Value],
    pub outer: Option<&'a Ctx<'a>>,
}

pub const EMPTY: Ctx<'static> = Ctx { row: &[], outer: None };
