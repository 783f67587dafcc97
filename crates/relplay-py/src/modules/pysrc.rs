//! Built-in modules implemented in Python source (compiled on first import).

use crate::vm::Interpreter;

pub fn register(interp: &mut Interpreter) {
    for (name, src) in SOURCES {
        let src: &'static str = src;
        interp.register_module(name, move |i| crate::modules::exec_source(i, name, src));
    }
}

const SOURCES: &[(&str, &str)] = &[];
