//! `sqlalchemy.engine`: the Engine over the in-memory store, the echo log,
//! connections and transactions, results.

pub mod base;
pub mod ddl;
pub mod default;
pub mod pysqlite;
pub mod result;

pub use base::{EngineInner, EngineObj};
