//! Source AST → bytecode: scope analysis, then code generation.

pub mod code;
pub mod codegen;
pub mod symtable;
