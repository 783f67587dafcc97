//! A small SQL expression and statement model (mirrors `sql/elements.py`,
//! `sql/selectable.py`, `sql/dml.py`) and its SQLite rendering
//! (`sql/compiler.py` + `dialects/sqlite/base.py`).

mod compiler;
mod dml;
mod expr;
mod froms;
mod operators;
pub mod quote;
mod select;
mod statement;
mod text;

pub use dml::{Delete, Insert, Update};
pub use expr::{and_, not_, or_, Alias, AliasTarget, ColRef, Expr, Source};
pub use operators::BinOp;
pub use select::{FromItem, LabelStyle, Select};
pub use statement::{compile, compile_str, Compiled, Statement};
pub use text::{compile_text, text_str};
#[cfg(test)]
mod tests;
