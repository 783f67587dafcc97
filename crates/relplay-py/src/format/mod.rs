//! CPython's formatting rules as pure functions over Rust primitives.
//!
//! - [`float`]: `repr(float)` and `PyOS_double_to_string`.
//! - [`repr`]: `repr()` of `str`/`bytes`, `ascii()`, `isprintable`.
//! - [`spec`]: the format-spec mini-language (`format()`, f-strings).
//! - [`strformat`]: `str.format` templates.
//! - [`percent`]: printf-style `str % args`.
//! - [`strmethods`]: `str` methods (`split`, `strip`, `find`, `is*`, ...).
//! - [`num`]: float `//`, `%`, `divmod`, `round`, `**`, `hex`/`fromhex` corner cases.
//! - [`parse_num`]: `int(str, base)` and `float(str)`.
//!
//! Notes for the VM:
//! - Errors are `Err(String)` holding CPython's exact message; the class is
//!   given by [`error_kind`] (format specs: `ValueError`/`OverflowError`),
//!   [`percent_error_kind`] (`%`: `TypeError`/`ValueError`/`OverflowError`),
//!   [`num_error_kind`] (arithmetic), `ValueError` for [`parse_int`] /
//!   [`parse_float`] / `str` methods, and [`FormatError::Template`] is a
//!   `ValueError` for `str.format`.
//! - `format(x, "")` is `str(x)` in CPython: `format(True, "")` is
//!   `'True'` but `format(True, "d")` / `f"{True:>5}"` format the int `1`
//!   (use [`format_int`] for bools with a non-empty spec).
//! - Parse specs with [`FormatSpec::parse_for`] (or the `format_*_spec`
//!   helpers) so "Invalid format specifier" names the right type.
//! - [`percent_format`] passes the `Err` of a [`PercentArgs`] callback
//!   through unchanged: keep the real exception on the VM side.
//! - `bin(x)` / `oct(x)` / `hex(x)` are [`format_bigint`] with `#b` / `#o` / `#x`.
//! - [`float_repr`] never goes through `{}` of `f64`: Rust's shortest
//!   digits can differ from CPython's in ties (`1e16 / 7.5`).

pub mod codecs;
pub mod float;
pub mod num;
pub mod parse_num;
pub mod percent;
pub mod repr;
pub mod spec;
pub mod strformat;
pub mod strmethods;
mod unicode_tables;

pub use float::{double_to_string, float_repr, FloatOpts};
pub use repr::{ascii_escape, ascii_repr, bytearray_repr, bytes_repr, is_printable_char, str_repr};
pub use spec::{
    error_kind, format_bigint, format_float, format_float_spec, format_int, format_int_spec,
    format_str, format_str_spec, unknown_code, FormatSpec,
};

pub use num::{
    float_divmod, float_floordiv, float_fromhex, float_hex, float_mod, float_pow, float_round,
    float_round_int, float_truediv, int_floordiv, int_mod, int_truediv, num_error_kind, PowResult,
};
pub use parse_num::{
    int_to_str_limit_error, parse_float, parse_int, parse_int_limited, ParsedInt,
    INT_MAX_STR_DIGITS,
};
pub use percent::{percent_error_kind, percent_format, PercentArg, PercentArgs};
pub use strformat::{
    conversion_error, parse_format_pieces, parse_format_string, render_format, FieldAccessor,
    FieldArg, FormatArgs, FormatError, FormatField, FormatPiece,
};

#[cfg(test)]
mod tests;
