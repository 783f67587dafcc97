//! `int(str, base)` and `float(str)` parsing with CPython's rules and
//! messages (all `ValueError`s).

use super::repr::str_repr;
use super::strmethods::is_space;
use super::unicode_tables::DECIMAL;

/// The value of `int(s, base)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParsedInt {
    /// Fits in an `i64`.
    Small(i64),
    /// Does not fit: sign and decimal digits (no leading zeros).
    Big {
        /// Whether the value is negative.
        neg: bool,
        /// Decimal digits of the magnitude.
        digits: String,
    },
}

/// The decimal value of a Unicode decimal digit (category Nd).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let u = c as u32;
    if u < 0x660 {
        return None;
    }
    let i = DECIMAL.partition_point(|&(_, hi)| hi < u);
    match DECIMAL.get(i) {
        Some(&(lo, hi)) if lo <= u && u <= hi => Some((u - lo) % 10),
        _ => None,
    }
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode
/// decimal digits → ASCII digits, Unicode spaces → `' '`; `None` if some
/// other non-ASCII character remains.
fn to_ascii(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_space(c) {
            out.push(' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(char::from_digit(d, 10).unwrap_or('0'));
        } else {
            return None;
        }
    }
    Some(out)
}

fn int_error(s: &str, base: u32) -> String {
    let r: String = str_repr(s).chars().take(200).collect();
    format!("invalid literal for int() with base {}: {}", base, r)
}

fn is_py_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// The `ValueError` message of `str(i)` / `repr(i)` when `i` has more than
/// `limit` decimal digits (CPython 3.11+).
pub fn int_to_str_limit_error(limit: usize) -> String {
    format!(
        "Exceeds the limit ({limit} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    )
}

/// `int(s, base)` for a `str` argument: whitespace, sign, `0x`/`0o`/`0b`
/// prefixes, single underscores between digits, Unicode decimal digits,
/// and the 4300-digit limit of CPython 3.11 for non-power-of-two bases.
pub fn parse_int(s: &str, base: u32) -> Result<ParsedInt, String> {
    parse_int_limited(s, base, INT_MAX_STR_DIGITS)
}

/// [`parse_int`] with another `sys.set_int_max_str_digits()` value
/// (`0` = no limit).
pub fn parse_int_limited(s: &str, base: u32, max_str_digits: usize) -> Result<ParsedInt, String> {
    if base == 1 || base > 36 {
        return Err("int() base must be >= 2 and <= 36, or 0".into());
    }
    let err = || int_error(s, base);
    let ascii = to_ascii(s).ok_or_else(err)?;
    let t = ascii.trim_matches(is_py_space);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let mut b = base;
    let mut body = t;
    let mut after_prefix = false;
    let prefix_base = if lower.starts_with("0x") {
        16
    } else if lower.starts_with("0o") {
        8
    } else if lower.starts_with("0b") {
        2
    } else {
        0
    };
    if prefix_base != 0 && (base == 0 || base == prefix_base) {
        b = prefix_base;
        body = &t[2..];
        after_prefix = true;
    } else if base == 0 {
        b = 10;
    }
    // digits with single underscores between them (one allowed after a prefix)
    let mut digits: Vec<u32> = Vec::with_capacity(body.len());
    let mut prev_underscore = false;
    let mut garbage = false;
    for (i, c) in body.chars().enumerate() {
        if c == '_' {
            if prev_underscore || (i == 0 && !after_prefix) {
                return Err(err());
            }
            prev_underscore = true;
            continue;
        }
        let Some(d) = c.to_digit(36).filter(|&d| d < b) else {
            // CPython checks the digit limit before the trailing garbage
            garbage = true;
            break;
        };
        digits.push(d);
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return Err(err());
    }
    if !b.is_power_of_two() && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ));
    }
    if garbage {
        return Err(err());
    }
    // base 0: a decimal literal may not have leading zeros unless it is 0
    if base == 0 && prefix_base == 0 && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
        return Err(err());
    }
    // accumulate in i128 while it fits, then switch to decimal digits
    let mut acc: i128 = 0;
    let mut big: Option<Vec<u8>> = None;
    for &d in &digits {
        if let Some(dec) = big.as_mut() {
            mul_add(dec, b, d);
        } else {
            match acc
                .checked_mul(b as i128)
                .and_then(|a| a.checked_add(d as i128))
            {
                Some(a) if a <= u64::MAX as i128 => acc = a,
                _ => {
                    let mut dec: Vec<u8> = acc.to_string().bytes().map(|c| c - b'0').collect();
                    mul_add(&mut dec, b, d);
                    big = Some(dec);
                }
            }
        }
    }
    if big.is_none() {
        let v = if neg { -acc } else { acc };
        if let Ok(v) = i64::try_from(v) {
            return Ok(ParsedInt::Small(v));
        }
        big = Some(acc.to_string().bytes().map(|c| c - b'0').collect());
    }
    let dec = big.unwrap_or_default();
    let digits: String = dec.iter().map(|&d| (b'0' + d) as char).collect();
    Ok(ParsedInt::Big { neg, digits })
}

/// `dec = dec * base + d` on big-endian decimal digits.
fn mul_add(dec: &mut Vec<u8>, base: u32, d: u32) {
    let mut carry = d;
    for x in dec.iter_mut().rev() {
        let v = *x as u32 * base + carry;
        *x = (v % 10) as u8;
        carry = v / 10;
    }
    while carry > 0 {
        dec.insert(0, (carry % 10) as u8);
        carry /= 10;
    }
}

/// `float(s)` for a `str` argument.
pub fn parse_float(s: &str) -> Result<f64, String> {
    let err = || format!("could not convert string to float: {}", str_repr(s));
    let ascii = to_ascii(s).ok_or_else(err)?;
    let t = ascii.trim_matches(is_py_space);
    // underscores: only between two digits
    let b = t.as_bytes();
    let mut clean = String::with_capacity(t.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok = i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(|n| n.is_ascii_digit());
            if !ok {
                return Err(err());
            }
        } else {
            clean.push(c as char);
        }
    }
    let (neg, body) = match clean.as_bytes().first() {
        Some(b'-') => (true, &clean[1..]),
        Some(b'+') => (false, &clean[1..]),
        _ => (false, &clean[..]),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            // [digits][.digits][e[+-]digits] with at least one mantissa digit
            let lb = lower.as_bytes();
            let mut i = 0;
            let mut mant = 0;
            while i < lb.len() && lb[i].is_ascii_digit() {
                i += 1;
                mant += 1;
            }
            if i < lb.len() && lb[i] == b'.' {
                i += 1;
                while i < lb.len() && lb[i].is_ascii_digit() {
                    i += 1;
                    mant += 1;
                }
            }
            if mant == 0 {
                return Err(err());
            }
            if i < lb.len() && lb[i] == b'e' {
                i += 1;
                if i < lb.len() && (lb[i] == b'+' || lb[i] == b'-') {
                    i += 1;
                }
                let st = i;
                while i < lb.len() && lb[i].is_ascii_digit() {
                    i += 1;
                }
                if i == st {
                    return Err(err());
                }
            }
            if i != lb.len() {
                return Err(err());
            }
            lower.parse::<f64>().map_err(|_| err())?
        }
    };
    Ok(if neg { -v } else { v })
}
