//! DDL (mirrors `sql/ddl.py` and the DDL compiler of the SQLite dialect):
//! CREATE/DROP text and the statement plan of `create_all`/`drop_all`.

mod create;
mod plan;
mod sort;

pub use create::{create_index, create_table, drop_table};
pub use plan::{create_all, drop_all, DdlKind, DdlStatement};
pub use sort::{dependency_edges, layered, sort_tables};
