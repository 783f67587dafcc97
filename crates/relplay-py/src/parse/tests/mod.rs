//! Parser tests: structures, spans, CPython error table, robustness.

mod basic;
mod errors;
mod robust;
mod walk;
