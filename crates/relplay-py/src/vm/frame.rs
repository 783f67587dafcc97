//! A heap-allocated activation record: the VM keeps these in a `Vec`, so
//! Python→Python calls never grow the Rust stack, and generators own theirs.

use std::rc::Rc;

use crate::compile::code::Code;
use crate::value::{CellRef, DictRef, Value};

#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub target: usize,
    pub depth: usize,
    pub exc_depth: usize,
}

pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    pub stack: Vec<Value>,
    pub fast: Vec<Option<Value>>,
    pub cells: Vec<CellRef>,
    pub globals: DictRef,
    /// Module and class bodies store names in a dict.
    pub locals: Option<DictRef>,
    pub handlers: Vec<Handler>,
    /// Exceptions being handled (innermost last), for bare `raise` and `__context__`.
    pub exc_stack: Vec<Value>,
}

impl Frame {
    pub fn line(&self) -> u32 {
        let i = self.pc.saturating_sub(1);
        self.code
            .lines
            .get(i)
            .copied()
            .unwrap_or(self.code.first_line)
    }
}
