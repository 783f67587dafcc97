//! The Python-subset front end and evaluator of relplay.
//!
//! - [`ast`]: the syntax tree, with spans on every node.
//! - [`parse`]: source text → [`ast::Module`], or a CPython-worded `SyntaxError`.
//! - [`format`]: CPython's text formatting rules as pure functions
//!   (float repr, string repr, the format-spec mini-language).

pub mod ast;
pub mod format;
pub mod parse;
