//! INSERT / UPDATE / DELETE (mirrors `sql/dml.py` + `sql/crud.py`).

use super::expr::Expr;
use crate::types::SqlType;
use crate::PyValue;

/// `INSERT INTO t (cols) VALUES (?...)`, one parameter set per row (more
/// than one row is an executemany, or insertmanyvalues with RETURNING).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Insert {
    pub table: String,
    pub columns: Vec<(String, SqlType)>,
    pub rows: Vec<Vec<PyValue>>,
    pub returning: Vec<String>,
    /// Columns whose values are Python-side `default=`s filled in by Core
    /// rather than supplied: SQLAlchemy's cache key includes the supplied
    /// parameter keys, so the same SQL with `unread` supplied and with
    /// `unread` defaulted compiles twice (lazy_dynamic trace).
    pub defaulted: Vec<String>,
}

/// `UPDATE t SET a=? WHERE ...` with one parameter set per row: the SET
/// values first, then the WHERE binds (given as placeholders in `where_`
/// whose values are taken per row from `where_rows`).
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub table: String,
    pub set: Vec<(String, SqlType)>,
    /// Per `set` entry, an expression value (`salary=(emp.salary + ?)`)
    /// instead of a bind; empty or None means a bind from `rows`.
    pub set_exprs: Vec<Option<Expr>>,
    pub where_: Vec<Expr>,
    pub rows: Vec<Vec<PyValue>>,
    /// `RETURNING` columns (the ORM's "fetch" synchronization).
    pub returning: Vec<String>,
}

/// `DELETE FROM t WHERE ...`; `rows` as for `Update` (WHERE binds only).
#[derive(Clone, Debug, PartialEq)]
pub struct Delete {
    pub table: String,
    pub where_: Vec<Expr>,
    pub rows: Vec<Vec<PyValue>>,
}

impl Update {
    /// The ORM's flush UPDATE: `UPDATE t SET a=?, b=? WHERE t.id = ?`.
    pub fn by_primary_key(
        table: &str,
        set: Vec<(String, SqlType)>,
        pk: &[(String, SqlType)],
    ) -> Update {
        Update {
            table: table.into(),
            set,
            set_exprs: Vec::new(),
            where_: pk_criteria(table, pk),
            rows: Vec::new(),
            returning: Vec::new(),
        }
    }
}

impl Delete {
    /// The ORM's flush DELETE: `DELETE FROM t WHERE t.id = ?` (AND-ed for
    /// composite keys, e.g. association rows).
    pub fn by_primary_key(table: &str, pk: &[(String, SqlType)]) -> Delete {
        Delete {
            table: table.into(),
            where_: pk_criteria(table, pk),
            rows: Vec::new(),
        }
    }
}

/// `t.a = ? AND t.b = ?` with placeholder binds (values supplied per row).
fn pk_criteria(table: &str, pk: &[(String, SqlType)]) -> Vec<Expr> {
    pk.iter()
        .map(|(c, ty)| {
            Expr::col(table, c, ty.clone()).binary(
                super::BinOp::Eq,
                Expr::Bind {
                    value: PyValue::None,
                    ty: ty.clone(),
                },
            )
        })
        .collect()
}
