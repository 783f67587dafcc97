//! Parser tests: structures, spans, CPython error table, robustness.

mod basic;
mod robust;
mod walk;
