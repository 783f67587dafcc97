//! Parser tests: structures, spans, CPython error table, robustness.

mod basic;
mod dump;
mod errors;
mod robust;
mod spans;
mod structure;
mod walk;
