//! `repr()` of `str` and `bytes`, `ascii()`, and `str.isprintable()`.

use super::unicode_tables::{NON_PRINTABLE_ASTRAL, NON_PRINTABLE_BMP};

fn in_ranges<T: Copy + Into<u32>>(table: &[(T, T)], c: u32) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi.into() < c {
                std::cmp::Ordering::Less
            } else if lo.into() > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

#[allow(dead_code)]
pub(crate) fn in_table(table: &[(u32, u32)], c: char) -> bool {
    in_ranges(table, c as u32)
}

/// `c.isprintable()` as CPython 3.11 (Unicode 14): false for categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the space.
pub fn is_printable_char(c: char) -> bool {
    let u = c as u32;
    if (0x20..0x7f).contains(&u) {
        return true;
    }
    if u < 0x10000 {
        !in_ranges(NON_PRINTABLE_BMP, u)
    } else {
        !in_ranges(NON_PRINTABLE_ASTRAL, u)
    }
}

fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_hex(out: &mut String, prefix: &str, v: u32, width: usize) {
    out.push_str(prefix);
    out.push_str(&format!("{:0width$x}", v, width = width));
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = choose_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let u = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if u < 0x20 || u == 0x7f => push_hex(&mut out, "\\x", u, 2),
            _ if u < 0x7f => out.push(c),
            _ if !ascii_only && is_printable_char(c) => out.push(c),
            _ if u <= 0xff => push_hex(&mut out, "\\x", u, 2),
            _ if u <= 0xffff => push_hex(&mut out, "\\u", u, 4),
            _ => push_hex(&mut out, "\\U", u, 8),
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` of a `str`, exactly as CPython.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` of a `str`: like `repr` but every non-ASCII character escaped.
pub fn ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// Escapes the non-ASCII characters of an already-built repr text, as
/// `ascii(obj)` does with `repr(obj)` for any object.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if u < 0x80 {
            out.push(c);
        } else if u <= 0xff {
            push_hex(&mut out, "\\x", u, 2);
        } else if u <= 0xffff {
            push_hex(&mut out, "\\u", u, 4);
        } else {
            push_hex(&mut out, "\\U", u, 8);
        }
    }
    out
}

/// `repr(b)` of a `bytes` object: `b'...'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => push_hex(&mut out, "\\x", c as u32, 2),
        }
    }
    out.push(quote);
    out
}

/// `repr(bytearray(b))`: `bytearray(b'...')`.
pub fn bytearray_repr(b: &[u8]) -> String {
    format!("bytearray({})", bytes_repr(b))
}
