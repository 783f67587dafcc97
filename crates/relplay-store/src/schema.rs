//! Table definitions as CREATE TABLE declared them.
use crate::affinity::Affinity;
use crate::plan::Expr;

#[derive(Clone, Debug)]
pub struct Column {
    pub name: String,
    pub decl_type: String,
    pub affinity: Affinity,
    pub not_null: bool,
    pub default: Option<Expr>,
    /// Default as written, for `PRAGMA table_info`.
    pub default_text: Option<String>,
    /// 1-based position in the primary key, 0 if not part of it.
    pub pk: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FkAction {
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}

#[derive(Clone, Debug)]
pub struct ForeignKey {
    pub columns: Vec<usize>,
    pub parent: String,
    /// Empty means the parent's primary key.
    pub parent_columns: Vec<String>,
    pub on_delete: FkAction,
    pub on_update: FkAction,
}

#[derive(Clone, Debug)]
pub struct TableSchema {
    pub name: String,
    pub columns: Vec<Column>,
    /// The INTEGER PRIMARY KEY column that aliases the rowid.
    pub rowid_alias: Option<usize>,
    pub pk: Vec<usize>,
    pub autoincrement: bool,
    pub checks: Vec<(Expr, String)>,
    pub fks: Vec<ForeignKey>,
    /// Groups of columns with a UNIQUE (or non-rowid PRIMARY KEY) constraint.
    pub uniques: Vec<Vec<usize>>,
    pub sql: String,
}

impl TableSchema {
    pub fn column_index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name.eq_ignore_ascii_case(name))
    }
}
