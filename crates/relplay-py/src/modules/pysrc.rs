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
    ("abc", include_str!("py/abc.py")),
    ("copy", include_str!("py/copy.py")),
    ("string", include_str!("py/string.py")),
    ("json", include_str!("py/json.py")),
    ("textwrap", include_str!("py/textwrap.py")),
    ("collections.abc", include_str!("py/collections_abc.py")),
    ("_bytearray", include_str!("py/_bytearray.py")),
];

pub fn register(interp: &mut Interpreter) {
    for (name, src) in SOURCES {
        let src: &'static str = src;
        interp.register_module(name, move |i| crate::modules::exec_source(i, name, src));
    }
}
