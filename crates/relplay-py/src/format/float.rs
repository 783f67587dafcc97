//! Float to text, following CPython's `PyOS_double_to_string` /
//! `format_float_short` (Python/pystrtod.c) on top of Rust's exact,
//! correctly rounded (round-half-even) digit generation.

/// Decimal digits of `|x|` (no leading/trailing zeros, `"0"` for zero) and
/// the position of the decimal point relative to the first digit.
struct Digits {
    digits: String,
    decpt: i64,
}

/// Normalises a digit string: drops leading zeros (moving `decpt`) and
/// trailing zeros; a zero value becomes `"0"` with `decpt == 1`.
fn normalize(all: &str, mut decpt: i64) -> Digits {
    let lead = all.bytes().take_while(|&b| b == b'0').count();
    let rest = &all[lead..];
    decpt -= lead as i64;
    let trimmed = rest.trim_end_matches('0');
    if trimmed.is_empty() {
        return Digits {
            digits: "0".to_string(),
            decpt: 1,
        };
    }
    Digits {
        digits: trimmed.to_string(),
        decpt,
    }
}

/// Parses Rust's `LowerExp` output (`"1.2345e-7"`) into digits.
fn from_exp_text(s: &str) -> Digits {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let all: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    normalize(&all, exp + 1)
}

/// Shortest round-trip digits (dtoa mode 0): the fewest digits that read
/// back as `ax`, and among those the closest to `ax` (ties to even). Rust's
/// shortest formatting gives the right length but may pick the other one
/// of two equally close candidates (`1e16 / 7.5` is `...333.25`: CPython
/// prints `1333333333333333.2`), so the correctly rounded candidate of
/// that length is preferred whenever it round-trips.
fn digits_shortest(ax: f64) -> Digits {
    let short = format!("{:e}", ax);
    let n = short
        .split_once('e')
        .map_or(short.as_str(), |(m, _)| m)
        .bytes()
        .filter(u8::is_ascii_digit)
        .count();
    let nearest = format!("{:.*e}", n.saturating_sub(1), ax);
    if nearest != short && nearest.parse::<f64>().ok() == Some(ax) {
        return from_exp_text(&nearest);
    }
    from_exp_text(&short)
}

/// More digits than any double's exact decimal expansion has (at most 767
/// significant, 1074 after the point): asking for more only adds zeros,
/// which [`normalize`] strips anyway. Rust's formatting panics on
/// precisions above `u16::MAX`, so requests are clamped to this.
const EXACT_DIGITS: usize = 1100;

/// `n >= 1` significant digits, correctly rounded (dtoa mode 2).
fn digits_significant(ax: f64, n: usize) -> Digits {
    let n = n.min(EXACT_DIGITS);
    from_exp_text(&format!("{:.*e}", n.saturating_sub(1), ax))
}

/// `p` digits after the decimal point, correctly rounded (dtoa mode 3).
fn digits_fixed(ax: f64, p: usize) -> Digits {
    let s = format!("{:.*}", p.min(EXACT_DIGITS), ax);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut all = String::with_capacity(int.len() + frac.len());
    all.push_str(int);
    all.push_str(frac);
    normalize(&all, int.len() as i64)
}

/// Options of CPython's `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default)]
pub struct FloatOpts {
    /// `Py_DTSF_SIGN`: always emit a sign (`+` for non-negative).
    pub always_sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: make integral fixed output end in `.0`.
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` flag.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` flag.
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of
/// `e E f F g G r` (`r` = repr, precision ignored). Returns the sign-included
/// text (sign only when negative or when `always_sign`).
pub fn double_to_string(x: f64, code: char, precision: usize, opts: FloatOpts) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let neg = x.is_sign_negative() && !x.is_nan();
    if !x.is_finite() {
        let body = if x.is_nan() { "nan" } else { "inf" };
        let body = if upper {
            body.to_ascii_uppercase()
        } else {
            body.to_string()
        };
        let sign = if neg {
            "-"
        } else if opts.always_sign {
            "+"
        } else {
            ""
        };
        return format!("{sign}{body}");
    }
    let ax = x.abs();
    let mut precision = precision as i64;
    let d = match code {
        'e' => {
            precision += 1;
            digits_significant(ax, precision as usize)
        }
        'f' => digits_fixed(ax, precision as usize),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            digits_significant(ax, precision as usize)
        }
        _ => digits_shortest(ax),
    };
    let digits = d.digits.as_bytes();
    let digits_len = digits.len() as i64;
    let mut decpt = d.decpt;
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let lim = if opts.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > lim {
                use_exp = true;
            }
            if opts.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && opts.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    let is_zero = d.digits == "0";
    let mut out = String::new();
    if neg && !(opts.no_neg_0 && is_zero) {
        out.push('-');
    } else if opts.always_sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&d.digits[..decpt as usize]);
        out.push('.');
        out.push_str(&d.digits[decpt as usize..]);
    } else {
        out.push_str(&d.digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !opts.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a < 10 {
            out.push('0');
        }
        out.push_str(&a.to_string());
    }
    out
}

/// `repr(x)` / `str(x)` of a float, exactly as CPython.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        FloatOpts {
            add_dot_0: true,
            ..FloatOpts::default()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        for (x, s) in [
            (0.1, "0.1"),
            (1.0, "1.0"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (123456789012345.0, "123456789012345.0"),
            (1.2345678901234567e16, "1.2345678901234568e+16"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
        ] {
            assert_eq!(float_repr(x), s, "{x:?}");
        }
    }
}
