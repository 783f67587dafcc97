//! Built-in modules implemented in Python source (compiled on first import).

use crate::vm::Interpreter;

const SOURCES: &[(&str, &str)] = &[
    ("enum", include_str!("py/enum.py")),
    ("dataclasses", include_str!("py/dataclasses.py")),
    ("functools", include_str!("py/functools.py")),
    ("collections", include_str!("py/collections.py")),
    ("itertools", include_str!("py/itertools.py")),
    ("datetime", include_str!("py/datetime.py")),
    ("decimal", include_str!("py/decimal.py")),
    ("contextlib", include_str!("py/contextlib.py")),
    ("operator", include_str!("py/operator.py")),
];

pub fn register(interp: &mut Interpreter) {
    for (name, src) in SOURCES {
        let src: &'static str = src;
        interp.register_module(name, move |i| crate::modules::exec_source(i, name, src));
    }
}
