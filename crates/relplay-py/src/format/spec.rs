//! The format-spec mini-language (`format(value, spec)`, f-string specs,
//! `str.format` specs), following CPython 3.11's Python/formatter_unicode.c.
//!
//! Errors are the exact CPython messages. They are `ValueError`s except the
//! ones [`error_kind`] reports as `OverflowError`.

use super::float::{double_to_string, FloatOpts};

/// A parsed format specifier:
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (`' '` unless given, `'0'` with the `0` flag).
    pub fill: char,
    /// `<`, `>`, `=` or `^` when given (or implied by the `0` flag later).
    pub align: Option<char>,
    /// `+`, `-` or `' '` when given.
    pub sign: Option<char>,
    /// The `z` flag (negative zero coercion).
    pub no_neg_0: bool,
    /// The `#` flag (alternate form).
    pub alternate: bool,
    /// The `0` flag was consumed (fill was not given explicitly).
    pub zero_pad: bool,
    /// The minimum width, in characters.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// The precision after `.`.
    pub precision: Option<usize>,
    /// The presentation type character, if any.
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_0: false,
            alternate: false,
            zero_pad: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

/// The Python exception class of a message returned by this module:
/// `"OverflowError"`, `"ValueError"`, or `"MemoryError"` for the empty
/// message (a width or precision too large to allocate).
pub fn error_kind(msg: &str) -> &'static str {
    if msg.is_empty() {
        "MemoryError"
    } else if msg.starts_with("%c arg not in range") || msg.starts_with("int too large") {
        "OverflowError"
    } else {
        "ValueError"
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads decimal digits at `pos`; `Ok(None)` when there are none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut v: usize = 0;
    while *pos < chars.len() {
        let Some(d) = chars[*pos]
            .to_digit(10)
            .filter(|_| chars[*pos].is_ascii_digit())
        else {
            break;
        };
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(v) })
}

/// `'d'` or `'\x1'` as CPython prints a type code in messages.
fn code_text(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", u)
    }
}

/// `Unknown format code 'X' for object of type 'T'`.
pub fn unknown_code(c: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{}'",
        code_text(c),
        type_name
    )
}

impl FormatSpec {
    /// Parses a spec; the "Invalid format specifier" message names the
    /// type `object` — use [`FormatSpec::parse_for`] to name the real type.
    pub fn parse(spec: &str) -> Result<FormatSpec, String> {
        Self::parse_for(spec, "object")
    }

    /// Parses a spec for a value of Python type `type_name` (used only in
    /// the "Invalid format specifier" message).
    pub fn parse_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut f = FormatSpec::default();
        let mut fill_specified = false;
        if end >= 2 && is_align(chars[1]) {
            f.align = Some(chars[1]);
            f.fill = chars[0];
            fill_specified = true;
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            f.align = Some(chars[0]);
            pos = 1;
        }
        if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
            f.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < end && chars[pos] == 'z' {
            f.no_neg_0 = true;
            pos += 1;
        }
        if pos < end && chars[pos] == '#' {
            f.alternate = true;
            pos += 1;
        }
        if !fill_specified && pos < end && chars[pos] == '0' {
            f.fill = '0';
            f.zero_pad = true;
            pos += 1;
        }
        f.width = get_integer(&chars, &mut pos)?;
        if pos < end && chars[pos] == ',' {
            f.grouping = Some(',');
            pos += 1;
        }
        if pos < end && chars[pos] == '_' {
            if f.grouping.is_some() {
                return Err("Cannot specify both ',' and '_'.".into());
            }
            f.grouping = Some('_');
            pos += 1;
        }
        if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        if pos < end && chars[pos] == '.' {
            pos += 1;
            match get_integer(&chars, &mut pos)? {
                Some(p) => f.precision = Some(p),
                None => return Err("Format specifier missing precision".into()),
            }
        }
        if end - pos > 1 {
            return Err(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            ));
        }
        if end - pos == 1 {
            f.ty = Some(chars[pos]);
        }
        Ok(f)
    }

    /// CPython's post-parse check of the grouping option against the
    /// effective type (`default_ty` when none was given).
    fn check_grouping(&self, default_ty: Option<char>) -> Result<Option<(char, usize)>, String> {
        let Some(g) = self.grouping else {
            return Ok(None);
        };
        let ty = self.ty.or(default_ty);
        match ty {
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') | None => Ok(Some((g, 3))),
            Some('b' | 'o' | 'x' | 'X') if g == '_' => Ok(Some((g, 4))),
            Some(t) => {
                let t = if (t as u32) > 32 && (t as u32) < 128 {
                    t.to_string()
                } else {
                    format!("\\x{:x}", t as u32)
                };
                Err(format!("Cannot specify '{}' with '{}'.", g, t))
            }
        }
    }
}

/// Widths and precisions above this are refused with a `MemoryError`
/// (empty message) instead of trying to build a gigantic string.
pub const MAX_PAD: usize = 1 << 28;

fn check_sizes(spec: &FormatSpec) -> Result<(), String> {
    if spec.width.unwrap_or(0) > MAX_PAD || spec.precision.unwrap_or(0) > MAX_PAD {
        return Err(String::new());
    }
    Ok(())
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn push_fill(out: &mut String, fill: char, n: usize) {
    for _ in 0..n {
        out.push(fill);
    }
}

/// Aligns `s` in `width` with `fill` (`align` one of `< > ^`).
fn pad(s: &str, fill: char, align: char, width: Option<usize>) -> String {
    let len = char_len(s);
    let width = width.unwrap_or(0);
    if len >= width {
        return s.to_string();
    }
    let total = width - len;
    let (left, right) = match align {
        '>' => (total, 0),
        '^' => (total / 2, total - total / 2),
        _ => (0, total),
    };
    let mut out = String::with_capacity(s.len() + total * fill.len_utf8());
    push_fill(&mut out, fill, left);
    out.push_str(s);
    push_fill(&mut out, fill, right);
    out
}

/// Inserts the separator into `digits`, padding with zeros to `min_width`
/// (CPython's `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &str, sep: char, size: usize, min_width: usize) -> String {
    let ds: Vec<char> = digits.chars().collect();
    let mut remaining = ds.len() as i64;
    let mut min_width = min_width as i64;
    let size = size as i64;
    let mut groups: Vec<String> = Vec::new();
    loop {
        let l = size.min(remaining.max(min_width).max(1));
        let n_chars = remaining.min(l).max(0);
        let n_zeros = (l - remaining).max(0);
        let mut g = String::new();
        push_fill(&mut g, '0', n_zeros as usize);
        let start = (remaining - n_chars) as usize;
        g.extend(&ds[start..remaining as usize]);
        groups.push(g);
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    let mut out = String::new();
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(g);
    }
    out
}

/// Lays out a number: `sign`, `prefix` (`0x`…), integer `digits` (to be
/// grouped), `rest` (fraction, exponent, `%`), with fill/align/width.
fn layout_number(
    spec: &FormatSpec,
    sign: &str,
    prefix: &str,
    digits: &str,
    rest: &str,
    grouping: Option<(char, usize)>,
) -> String {
    let align = spec.align.unwrap_or(if spec.zero_pad { '=' } else { '>' });
    let width = spec.width.unwrap_or(0);
    let fixed = char_len(sign) + char_len(prefix) + char_len(rest);
    let body = match grouping {
        Some((sep, size)) if !digits.is_empty() => {
            let min = if spec.fill == '0' && align == '=' {
                width.saturating_sub(fixed)
            } else {
                0
            };
            group_digits(digits, sep, size, min)
        }
        _ => digits.to_string(),
    };
    let len = fixed + char_len(&body);
    let padding = width.saturating_sub(len);
    let mut out = String::with_capacity(len + padding);
    if align == '=' {
        out.push_str(sign);
        out.push_str(prefix);
        push_fill(&mut out, spec.fill, padding);
        out.push_str(&body);
        out.push_str(rest);
        return out;
    }
    let mut core = String::with_capacity(len);
    core.push_str(sign);
    core.push_str(prefix);
    core.push_str(&body);
    core.push_str(rest);
    pad(&core, spec.fill, align, spec.width)
}

fn sign_text(neg: bool, sign: Option<char>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Converts a decimal digit string to base 2, 8 or 16 (lowercase).
pub(crate) fn decimal_to_base(decimal: &str, base: u32) -> String {
    let mut num: Vec<u32> = decimal.bytes().map(|b| (b - b'0') as u32).collect();
    let mut out: Vec<u8> = Vec::new();
    while num.iter().any(|&d| d != 0) {
        let mut rem = 0u32;
        let mut next = Vec::with_capacity(num.len());
        for &d in &num {
            let cur = rem * 10 + d;
            let q = cur / base;
            rem = cur % base;
            if !next.is_empty() || q != 0 {
                next.push(q);
            }
        }
        out.push(b"0123456789abcdef"[rem as usize]);
        num = next;
    }
    if out.is_empty() {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// `format(i, spec)` for a Python `int` (spec already parsed). An empty spec
/// means `str(i)` in CPython — the caller handles `bool` (`'True'`).
pub fn format_int(v: i64, spec: &FormatSpec) -> Result<String, String> {
    format_bigint(v < 0, &v.unsigned_abs().to_string(), spec)
}

/// `format(i, spec)` for an int of any size given as sign + decimal digits
/// (no leading zeros, `"0"` for zero).
pub fn format_bigint(neg: bool, decimal: &str, spec: &FormatSpec) -> Result<String, String> {
    let grouping = spec.check_grouping(Some('d'))?;
    let ty = spec.ty.unwrap_or('d');
    if spec.precision.is_none() || !matches!(ty, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') {
        check_sizes(spec)?;
    }
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let text = format!("{}{}", if neg { "-" } else { "" }, decimal);
            let x: f64 = text.parse().unwrap_or(f64::INFINITY);
            if x.is_infinite() {
                return Err("int too large to convert to float".into());
            }
            return format_float(x, spec);
        }
        t => return Err(unknown_code(t, "int")),
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if spec.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        if spec.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
        }
        let cp = if neg || decimal.len() > 7 {
            None
        } else {
            decimal.parse::<u32>().ok().and_then(char::from_u32)
        };
        let Some(c) = cp else {
            return Err("%c arg not in range(0x110000)".into());
        };
        return Ok(layout_number(spec, "", "", &c.to_string(), "", None));
    }
    let (digits, prefix) = match ty {
        'b' => (decimal_to_base(decimal, 2), "0b"),
        'o' => (decimal_to_base(decimal, 8), "0o"),
        'x' => (decimal_to_base(decimal, 16), "0x"),
        'X' => (decimal_to_base(decimal, 16).to_ascii_uppercase(), "0X"),
        _ => (decimal.to_string(), ""),
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let grouping = if ty == 'n' { None } else { grouping };
    Ok(layout_number(
        spec,
        sign_text(neg, spec.sign),
        prefix,
        &digits,
        "",
        grouping,
    ))
}

/// `format(x, spec)` for a Python `float`.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    let grouping = spec.check_grouping(None)?;
    let mut ty = match spec.ty {
        None => 'r',
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => t,
        Some('n') => 'g',
        Some(t) => return Err(unknown_code(t, "float")),
    };
    let opts = FloatOpts {
        always_sign: false,
        add_dot_0: spec.ty.is_none(),
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
    };
    check_sizes(spec)?;
    let mut val = x;
    let mut pct = false;
    if ty == '%' {
        ty = 'f';
        val *= 100.0;
        pct = true;
    }
    let precision = match spec.precision {
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
        None => {
            if ty == 'r' {
                0
            } else {
                6
            }
        }
    };
    if precision > i32::MAX as usize {
        return Err("precision too big".into());
    }
    let text = double_to_string(val, ty, precision, opts);
    let (neg, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.as_str()),
    };
    let ndig = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(ndig);
    let mut rest = rest.to_string();
    if pct {
        rest.push('%');
    }
    let grouping = if spec.ty == Some('n') { None } else { grouping };
    Ok(layout_number(
        spec,
        sign_text(neg, spec.sign),
        "",
        digits,
        &rest,
        grouping,
    ))
}

/// `format(s, spec)` for a Python `str`.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    spec.check_grouping(Some('s'))?;
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".into()),
        Some(_) => return Err("Sign not allowed in string format specifier".into()),
        None => {}
    }
    if spec.no_neg_0 {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    if spec.width.unwrap_or(0) > MAX_PAD {
        return Err(String::new());
    }
    let truncated: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(
        &truncated,
        spec.fill,
        spec.align.unwrap_or('<'),
        spec.width,
    ))
}

/// Parses `spec` and formats an int (`format(i, spec)`).
pub fn format_int_spec(v: i64, spec: &str) -> Result<String, String> {
    format_int(v, &FormatSpec::parse_for(spec, "int")?)
}

/// Parses `spec` and formats a float (`format(x, spec)`).
pub fn format_float_spec(x: f64, spec: &str) -> Result<String, String> {
    format_float(x, &FormatSpec::parse_for(spec, "float")?)
}

/// Parses `spec` and formats a str (`format(s, spec)`).
pub fn format_str_spec(s: &str, spec: &str) -> Result<String, String> {
    format_str(s, &FormatSpec::parse_for(spec, "str")?)
}
