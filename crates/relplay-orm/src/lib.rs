//! The SQLAlchemy 2.1 emulation: the built-in `sqlalchemy` modules that a
//! learner's script imports, on top of the interpreter and the store.
//!
//! This crate's core is interpreter-independent: it models schema, types,
//! DDL, SQL statements and their SQLite rendering, the engine's echo log,
//! relationship analysis and flush ordering, each in a module mirroring the
//! SQLAlchemy package that owns the behaviour, so both can be read side by
//! side. Every output string is checked against SQLAlchemy 2.1.9 in tests.

pub mod ddl;
pub mod engine;
pub mod error;
pub mod relationships;
pub mod schema;
pub mod sql;
pub mod types;
pub mod unitofwork;
pub mod value;

pub use error::{OrmError, OrmErrorKind, OrmResult};
pub use value::PyValue;
