//! CPython's float arithmetic corner cases that decide what gets printed:
//! floor division / modulo signs, `round()`, `**`, `float.hex()` and
//! `float.fromhex()` (Objects/floatobject.c). Errors are CPython messages;
//! [`num_error_kind`] names their exception class.

/// The exception class of a message returned by this module.
pub fn num_error_kind(msg: &str) -> &'static str {
    if msg.contains("by zero")
        || msg.starts_with("float modulo")
        || msg.starts_with("float divmod")
        || msg.starts_with("integer modulo")
        || msg.contains("cannot be raised to a negative power")
    {
        "ZeroDivisionError"
    } else if msg.starts_with("cannot convert float infinity")
        || msg.starts_with("rounded value too large")
        || msg.starts_with("(34, ")
        || msg.starts_with("hexadecimal value too large")
    {
        "OverflowError"
    } else {
        "ValueError"
    }
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(vx: f64, wx: f64) -> Result<(f64, f64), String> {
    if wx == 0.0 {
        return Err("float divmod()".into());
    }
    Ok(divmod_unchecked(vx, wx))
}

fn divmod_unchecked(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0_f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, String> {
    if b == 0.0 {
        return Err("float floor division by zero".into());
    }
    Ok(divmod_unchecked(a, b).0)
}

/// `a % b` for floats.
pub fn float_mod(vx: f64, wx: f64) -> Result<f64, String> {
    if wx == 0.0 {
        return Err("float modulo".into());
    }
    let mut m = vx % wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
        }
    } else {
        m = 0.0_f64.copysign(wx);
    }
    Ok(m)
}

/// `a / b` for floats.
pub fn float_truediv(a: f64, b: f64) -> Result<f64, String> {
    if b == 0.0 {
        return Err("float division by zero".into());
    }
    Ok(a / b)
}

/// `a // b` for ints; `Ok(None)` when the result does not fit an `i64`
/// (`i64::MIN // -1`).
pub fn int_floordiv(a: i64, b: i64) -> Result<Option<i64>, String> {
    if b == 0 {
        return Err("integer division or modulo by zero".into());
    }
    Ok(a.checked_div(b).map(|q| {
        let r = a - q * b;
        if r != 0 && ((r < 0) != (b < 0)) {
            q - 1
        } else {
            q
        }
    }))
}

/// `a % b` for ints (result has the sign of `b`).
pub fn int_mod(a: i64, b: i64) -> Result<i64, String> {
    if b == 0 {
        return Err("integer modulo by zero".into());
    }
    let r = a.wrapping_rem(b);
    Ok(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

/// `round(x)` (no ndigits): round half to even, as an integral `f64`
/// for the VM to turn into an int.
pub fn float_round_int(x: f64) -> Result<f64, String> {
    if x.is_nan() {
        return Err("cannot convert float NaN to integer".into());
    }
    if x.is_infinite() {
        return Err("cannot convert float infinity to integer".into());
    }
    Ok(x.round_ties_even())
}

/// `round(x, ndigits)` for a float: correctly rounded (half to even on the
/// exact binary value), like CPython's `double_round`.
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, String> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if ndigits > NDIGITS_MAX || !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let neg = x.is_sign_negative();
    // the exact decimal expansion of |x|
    let exact = format!("{:.1074}", x.abs());
    let (int, frac) = exact.split_once('.').unwrap_or((&exact, ""));
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    let point = int.len() as i64;
    let keep = point + ndigits;
    if keep < 0 {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let keep = keep as usize;
    if keep >= digits.len() {
        return Ok(x);
    }
    let mut kept: Vec<u8> = digits[..keep].to_vec();
    let first = digits[keep];
    let sticky = digits[keep + 1..].iter().any(|&d| d != 0);
    let last_odd = kept.last().is_some_and(|d| d % 2 == 1);
    if first > 5 || (first == 5 && (sticky || last_odd)) {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                break;
            }
            i -= 1;
            if kept[i] == 9 {
                kept[i] = 0;
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    let mut text: String = kept.iter().map(|d| (b'0' + d) as char).collect();
    if text.is_empty() {
        text.push('0');
    }
    let text = format!("{}{}e{}", if neg { "-" } else { "" }, text, -ndigits);
    let r: f64 = text.parse().unwrap_or(f64::NAN);
    if r.is_infinite() {
        return Err("rounded value too large to represent".into());
    }
    Ok(r)
}

/// The result of `float ** float`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PowResult {
    /// A real result.
    Real(f64),
    /// Negative base with a non-integral exponent: Python returns a
    /// `complex` (the VM computes it).
    Complex,
}

/// `x ** y` for floats (CPython's `float_pow`).
pub fn float_pow(iv: f64, iw: f64) -> Result<PowResult, String> {
    use PowResult::{Complex, Real};
    if iw == 0.0 {
        return Ok(Real(1.0));
    }
    if iv.is_nan() {
        return Ok(Real(if iv == 1.0 { 1.0 } else { iv }));
    }
    if iw.is_nan() {
        return Ok(Real(if iv == 1.0 { 1.0 } else { iw }));
    }
    let is_odd = |w: f64| w.is_finite() && w.floor() == w && (w % 2.0).abs() == 1.0;
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(Real(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd(iw);
        return Ok(Real(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0_f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err("0.0 cannot be raised to a negative power".into());
        }
        return Ok(Real(if is_odd(iw) { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Ok(Complex);
        }
        base = -iv;
        negate = is_odd(iw);
    }
    if base == 1.0 {
        return Ok(Real(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err("(34, 'Numerical result out of range')".into());
    }
    Ok(Real(if negate { -r } else { r }))
}

/// `float.hex(x)`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp_bits == 0 {
        (0, -1022)
    } else {
        (1, exp_bits - 1023)
    };
    let e_sign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{mant:013x}p{e_sign}{}", exp.abs())
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> Result<f64, String> {
    let invalid = || "invalid hexadecimal floating-point string".to_string();
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let b = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant_text, exp_text) = match b.split_once('p') {
        Some((m, e)) => (m, Some(e)),
        None => (b, None),
    };
    let (int_part, frac_part) = mant_text.split_once('.').unwrap_or((mant_text, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let hex_ok = |p: &str| p.bytes().all(|c| c.is_ascii_hexdigit());
    if !hex_ok(int_part) || !hex_ok(frac_part) {
        return Err(invalid());
    }
    let mut exp: i64 = match exp_text {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return Err(invalid());
            }
            // clamp absurd exponents; they over/underflow anyway
            let v: i64 = digits.parse().unwrap_or(i64::MAX / 4).min(1 << 40);
            if e.starts_with('-') {
                -v
            } else {
                v
            }
        }
    };
    // collect significant hex digits as a 128-bit mantissa + sticky bit
    let all: Vec<u32> = int_part
        .chars()
        .chain(frac_part.chars())
        .filter_map(|c| c.to_digit(16))
        .collect();
    exp -= 4 * frac_part.len() as i64;
    let first_nz = all.iter().position(|&d| d != 0);
    let Some(first_nz) = first_nz else {
        return Ok(if neg { -0.0 } else { 0.0 });
    };
    let sig = &all[first_nz..];
    let mut m: u128 = 0;
    let mut sticky = false;
    let take = sig.len().min(28);
    for &d in &sig[..take] {
        m = (m << 4) | d as u128;
    }
    for &d in &sig[take..] {
        if d != 0 {
            sticky = true;
        }
    }
    exp += 4 * (sig.len() - take) as i64;
    // value = m * 2^exp (+ sticky); normalise to 53 bits with rounding
    let nbits = 128 - m.leading_zeros() as i64;
    let top_exp = exp + nbits - 1; // exponent of the leading bit
    if top_exp > 1023 {
        return Err("hexadecimal value too large to represent as a float".into());
    }
    // number of mantissa bits available at this exponent (subnormals get fewer)
    let prec = if top_exp >= -1022 {
        53
    } else {
        53 - (-1022 - top_exp)
    };
    if prec <= 0 {
        // below half the smallest subnormal, or exactly around it
        if prec == 0 {
            // leading bit is at 2^-1075: round half even to 0 or 5e-324
            let rest = m & !(1u128 << (nbits - 1));
            let v = if rest != 0 || sticky { 5e-324 } else { 0.0 };
            return Ok(if neg { -v } else { v });
        }
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let shift = nbits - prec;
    let mut q = if shift > 0 { m >> shift } else { m << (-shift) };
    if shift > 0 {
        let half = 1u128 << (shift - 1);
        let rem = m & ((1u128 << shift) - 1);
        if rem > half || (rem == half && (sticky || q & 1 == 1)) {
            q += 1;
        }
    }
    let val_exp = exp + shift;
    let v = (q as f64) * pow2(val_exp);
    if v.is_infinite() {
        return Err("hexadecimal value too large to represent as a float".into());
    }
    Ok(if neg { -v } else { v })
}

/// `2^e` as an f64, exact for the range used by [`float_fromhex`].
fn pow2(e: i64) -> f64 {
    let mut v = 1.0f64;
    let mut e = e;
    while e > 0 {
        let s = e.min(1000);
        v *= f64::from_bits(((1023 + s) as u64) << 52);
        e -= s;
    }
    while e < 0 {
        let s = (-e).min(1000);
        v *= f64::from_bits(((1023 - s) as u64) << 52);
        e += s;
    }
    v
}

/// `a / b` for ints, correctly rounded like CPython's `long_true_divide`
/// (`(2**62 + 1) / 3` is not `float(2**62 + 1) / 3.0`).
pub fn int_truediv(a: i64, b: i64) -> Result<f64, String> {
    if b == 0 {
        return Err("division by zero".into());
    }
    const EXACT: u64 = 1 << 53;
    let (n, d) = (a.unsigned_abs(), b.unsigned_abs());
    let neg = (a < 0) != (b < 0);
    let q = if n <= EXACT && d <= EXACT {
        n as f64 / d as f64
    } else {
        ratio_to_f64(n, d)
    };
    Ok(if neg { -q } else { q })
}

/// The correctly rounded (half to even) value of `n / d` for `d > 0`.
fn ratio_to_f64(n: u64, d: u64) -> f64 {
    if n == 0 {
        return 0.0;
    }
    let (n, d) = (n as u128, d as u128);
    let mut exp: i64 = -64;
    let num = n << 64;
    let mut q = num / d;
    let mut r = num % d;
    while 128 - q.leading_zeros() < 55 {
        r <<= 1;
        q <<= 1;
        if r >= d {
            r -= d;
            q |= 1;
        }
        exp -= 1;
    }
    let bits = 128 - q.leading_zeros() as i64;
    let shift = bits - 53;
    let mut m = q >> shift;
    let rem = q & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    if rem > half || (rem == half && (r != 0 || m & 1 == 1)) {
        m += 1;
    }
    (m as f64) * pow2(exp + shift)
}
