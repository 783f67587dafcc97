//! Relationship join analysis (mirrors `orm/relationships.py`
//! `JoinCondition` and `sql/selectable.py` `Join._join_condition`):
//! the join condition from foreign keys, local/remote/foreign columns,
//! direction, the pairs synchronised at flush, and the lazy-load clause.

mod direction;
mod join_condition;
mod lazy;

pub use direction::{analyze, Direction, JoinAnalysis, RelationshipSpec};
pub use join_condition::{join_condition, join_onclause, JoinCondError};
pub use lazy::lazy_clause;

/// A column named by table and column.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ColId {
    pub table: String,
    pub column: String,
}

impl ColId {
    pub fn new(table: &str, column: &str) -> ColId {
        ColId {
            table: table.into(),
            column: column.into(),
        }
    }
}

/// `a == b` pairs of a join condition, in written order.
pub type EqPairs = Vec<(ColId, ColId)>;
#[cfg(test)]
mod tests;
