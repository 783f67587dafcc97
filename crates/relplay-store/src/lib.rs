//! An in-memory relational store with SQLite's semantics. SQL text is parsed
//! with `sqlparser`, translated into the store's own plan and executed against
//! tables held in memory. The store knows nothing of the ORM.

mod value;

pub use value::Value;
