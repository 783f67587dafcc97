//! CPython's formatting rules as pure functions over Rust primitives.
