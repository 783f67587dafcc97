//! Schema objects (mirrors `sql/schema.py`): a `MetaData` holding tables in
//! definition order, their columns, constraints and indexes.

mod column;
mod constraint;
mod metadata;
mod repr;
mod sequence;
mod table;

pub use column::{Column, ServerDefault};
pub use constraint::{Constraint, ConstraintKind, ForeignKeyRef, Index};
pub use metadata::{CreationOrder, MetaData};
pub use sequence::Sequence;
pub use table::Table;
