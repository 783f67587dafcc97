//! Flush ordering (mirrors `orm/unitofwork.py`, `orm/dependency.py` and the
//! batching rules of `orm/persistence.py`).
//!
//! A flush is a set of actions per mapper (save/update all, delete all)
//! and per relationship ("process" saves/deletes: for many-to-many these
//! write the association rows). Each relationship adds ordering edges; the
//! actions are sorted by their sort key (`("DeleteAll", "__main__.A")`,
//! `("ProcessAll", "__main__.A_bs", isdelete)`, `("SaveUpdateAll", ...)`)
//! and then layered topologically, keeping that order inside each layer.
//! Self-referential mappers are ordered per row (`layer_rows`).

mod batching;
mod plan;

pub use batching::{
    group_consecutive, insert_params, insert_plan, insert_strategy, InsertGroup, InsertPlan,
    InsertStrategy,
};
pub use plan::{layer_rows, layer_rows_for_delete, plan_flush, Action, FlushDep, FlushGraph};
