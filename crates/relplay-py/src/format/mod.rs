//! CPython's formatting rules as pure functions over Rust primitives.
//!
//! - [`float`]: `repr(float)` and `PyOS_double_to_string`.
//! - [`repr`]: `repr()` of `str`/`bytes`, `ascii()`, `isprintable`.
//! - [`spec`]: the format-spec mini-language (`format()`, f-strings).

pub mod float;
pub mod repr;
pub mod spec;
mod unicode_tables;

pub use float::{double_to_string, float_repr, FloatOpts};
pub use repr::{ascii_escape, ascii_repr, bytearray_repr, bytes_repr, is_printable_char, str_repr};
pub use spec::{
    error_kind, format_bigint, format_float, format_float_spec, format_int, format_int_spec,
    format_str, format_str_spec, unknown_code, FormatSpec,
};

#[cfg(test)]
mod tests;
