//! printf-style `str % args`, following CPython 3.11's `PyUnicode_Format`.
//!
//! The VM supplies the values through [`PercentArgs`]; this module does the
//! parsing, argument bookkeeping, number rendering and padding. Errors are
//! CPython's messages; [`percent_error_kind`] names their exception class.
//! When a [`PercentArgs`] callback fails, its `Err` is passed through
//! unchanged (the VM may keep the real exception on its side and return any
//! marker text).

use super::float::{double_to_string, FloatOpts};
use super::spec::{decimal_to_base, MAX_PAD};

/// Which value a conversion uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PercentArg<'a> {
    /// Item `i` of the right operand, which is a tuple.
    Item(usize),
    /// The right operand itself (it is not a tuple).
    Whole,
    /// `operand[key]` for `%(key)s` (the operand is a mapping; the VM does
    /// the lookup and raises its `KeyError`/`TypeError`).
    Key(&'a str),
}

/// The right operand of `%`, as seen by the formatter.
pub trait PercentArgs {
    /// `Some(n)` when the operand is a tuple of `n` items, `None` otherwise.
    fn tuple_len(&self) -> Option<usize>;
    /// CPython's `PyMapping_Check(operand) && !tuple && !str`: true for any
    /// non-tuple, non-str object with `__getitem__` (dict, list, ...). Enables
    /// `%(key)s` and silences "not all arguments converted".
    fn is_mapping(&self) -> bool;
    /// `str(v)` for `s`, `repr(v)` for `r`, `ascii(v)` for `a`.
    fn text(&mut self, arg: PercentArg<'_>, conv: char) -> Result<String, String>;
    /// The integer for `d i u o x X` (`conv`) or a `*` width/precision
    /// (`conv == '*'`), as (negative, decimal digits without sign).
    /// The VM converts and raises: `%d format: a real number is required,
    /// not str`, `%x format: an integer is required, not float`, `* wants int`.
    fn int(&mut self, arg: PercentArg<'_>, conv: char) -> Result<(bool, String), String>;
    /// The float for `e E f F g G` (`must be real number, not str`).
    fn float(&mut self, arg: PercentArg<'_>, conv: char) -> Result<f64, String>;
    /// The character for `c`: an int in range or a 1-char str (errors
    /// `%c requires int or char`, OverflowError `%c arg not in range(0x110000)`).
    fn char(&mut self, arg: PercentArg<'_>) -> Result<char, String>;
}

/// The exception class of a message produced by [`percent_format`] itself
/// (`MemoryError` for the empty message: a width or precision too large).
pub fn percent_error_kind(msg: &str) -> &'static str {
    if msg.is_empty() {
        "MemoryError"
    } else if msg.starts_with("Python int too large") {
        "OverflowError"
    } else if msg.starts_with("not enough arguments")
        || msg.starts_with("not all arguments")
        || msg == "format requires a mapping"
        || msg == "* wants int"
    {
        "TypeError"
    } else if msg.starts_with("%c arg not in range") {
        "OverflowError"
    } else {
        "ValueError"
    }
}

struct ArgState<'k> {
    /// Where `getnextarg` reads: a tuple item, the whole operand or a key.
    key: Option<&'k str>,
    arglen: i64,
    argidx: i64,
}

impl<'k> ArgState<'k> {
    fn next(&mut self) -> Result<PercentArg<'k>, String> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(match self.key {
                    Some(k) => PercentArg::Key(k),
                    None => PercentArg::Whole,
                });
            }
            return Ok(PercentArg::Item(idx as usize));
        }
        Err("not enough arguments for format string".into())
    }
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// Reads a `*` argument; `c_int` selects C `int` range (precision) over
/// `Py_ssize_t` (width).
fn parse_star(
    args: &mut dyn PercentArgs,
    st: &mut ArgState<'_>,
    c_int: bool,
) -> Result<i64, String> {
    let a = st.next()?;
    let (neg, digits) = args.int(a, '*')?;
    let mag: Option<i128> = digits.parse::<i128>().ok();
    let v = mag.map(|m| if neg { -m } else { m });
    let (lo, hi, msg) = if c_int {
        (
            i32::MIN as i128,
            i32::MAX as i128,
            "Python int too large to convert to C int",
        )
    } else {
        (
            i64::MIN as i128,
            i64::MAX as i128,
            "Python int too large to convert to C ssize_t",
        )
    };
    match v {
        Some(v) if (lo..=hi).contains(&v) => Ok(v as i64),
        _ => Err(msg.into()),
    }
}

/// `fmt % args`.
pub fn percent_format(fmt: &str, args: &mut dyn PercentArgs) -> Result<String, String> {
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let tuple = args.tuple_len();
    let is_dict = tuple.is_none() && args.is_mapping();
    let mut st = ArgState {
        key: None,
        arglen: tuple.map_or(-1, |l| l as i64),
        argidx: if tuple.is_some() { 0 } else { -2 },
    };
    let mut out = String::with_capacity(fmt.len());
    let mut pos = 0;
    while pos < n {
        let c = chars[pos];
        if c != '%' {
            out.push(c);
            pos += 1;
            continue;
        }
        pos += 1;
        if pos >= n {
            return Err("incomplete format".into());
        }
        if chars[pos] == '%' {
            out.push('%');
            pos += 1;
            continue;
        }
        // %(key)
        if chars[pos] == '(' {
            if !is_dict {
                return Err("format requires a mapping".into());
            }
            pos += 1;
            let start = pos;
            let mut depth = 1;
            while pos < n {
                match chars[pos] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                pos += 1;
            }
            if depth > 0 || pos >= n {
                return Err("incomplete format key".into());
            }
            // The key text lives in `chars`; find its byte range in `fmt`.
            let b0: usize = chars[..start].iter().map(|c| c.len_utf8()).sum();
            let b1: usize = b0
                + chars[start..pos]
                    .iter()
                    .map(|c| c.len_utf8())
                    .sum::<usize>();
            st.key = Some(&fmt[b0..b1]);
            st.arglen = -1;
            st.argidx = -2;
            pos += 1;
        }
        let mut flags = 0u8;
        while pos < n {
            match chars[pos] {
                '-' => flags |= F_LJUST,
                '+' => flags |= F_SIGN,
                ' ' => flags |= F_BLANK,
                '#' => flags |= F_ALT,
                '0' => flags |= F_ZERO,
                _ => break,
            }
            pos += 1;
        }
        let mut width: i64 = -1;
        if pos < n && chars[pos] == '*' {
            width = parse_star(args, &mut st, false)?;
            if width < 0 {
                flags |= F_LJUST;
                // C's -INT_MIN stays negative: no padding at all
                width = width.checked_neg().unwrap_or(0);
            }
            pos += 1;
        } else {
            while pos < n && chars[pos].is_ascii_digit() {
                let d = chars[pos] as i64 - '0' as i64;
                width = width.max(0);
                if width > (i64::MAX - d) / 10 {
                    return Err("width too big".into());
                }
                width = width * 10 + d;
                pos += 1;
            }
        }
        let mut prec: i64 = -1;
        if pos < n && chars[pos] == '.' {
            prec = 0;
            pos += 1;
            if pos < n && chars[pos] == '*' {
                prec = parse_star(args, &mut st, true)?.max(0);
                pos += 1;
            } else {
                while pos < n && chars[pos].is_ascii_digit() {
                    let d = chars[pos] as i64 - '0' as i64;
                    if prec > (i32::MAX as i64 - d) / 10 {
                        return Err("precision too big".into());
                    }
                    prec = prec * 10 + d;
                    pos += 1;
                }
            }
        }
        if pos < n && matches!(chars[pos], 'h' | 'l' | 'L') {
            pos += 1;
        }
        if pos >= n {
            return Err("incomplete format".into());
        }
        let ch = chars[pos];
        pos += 1;
        let arg = st.next()?;
        let width = width.max(0) as usize;
        // CPython only fails when it allocates: after the value converted
        let too_big = |n: i64| -> Result<(), String> {
            if n > MAX_PAD as i64 {
                Err(String::new())
            } else {
                Ok(())
            }
        };
        let piece = match ch {
            's' | 'r' | 'a' => {
                let t = args.text(arg, ch)?;
                too_big(width as i64)?;
                let t = if prec >= 0 {
                    t.chars().take(prec as usize).collect()
                } else {
                    t
                };
                pad_plain(&t, width, flags)
            }
            'c' => {
                let c = args.char(arg)?;
                too_big(width as i64)?;
                pad_plain(&c.to_string(), width, flags)
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let (neg, dec) = args.int(arg, ch)?;
                too_big(prec)?;
                too_big(width as i64)?;
                let mut digits = match ch {
                    'o' => decimal_to_base(&dec, 8),
                    'x' => decimal_to_base(&dec, 16),
                    'X' => decimal_to_base(&dec, 16).to_ascii_uppercase(),
                    _ => dec,
                };
                if prec > digits.len() as i64 {
                    digits = "0".repeat(prec as usize - digits.len()) + &digits;
                }
                let prefix = match ch {
                    'o' | 'x' | 'X' if flags & F_ALT != 0 => {
                        if ch == 'o' {
                            "0o"
                        } else if ch == 'x' {
                            "0x"
                        } else {
                            "0X"
                        }
                    }
                    _ => "",
                };
                pad_number(neg, prefix, &digits, width, flags)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = args.float(arg, ch)?;
                too_big(prec)?;
                too_big(width as i64)?;
                let p = if prec < 0 { 6 } else { prec as usize };
                let opts = FloatOpts {
                    alt: flags & F_ALT != 0,
                    ..FloatOpts::default()
                };
                let t = double_to_string(x, ch, p, opts);
                let (neg, body) = match t.strip_prefix('-') {
                    Some(b) => (true, b.to_string()),
                    None => (false, t),
                };
                pad_number(neg, "", &body, width, flags)
            }
            _ => {
                let shown = if (31..=126).contains(&(ch as u32)) {
                    ch
                } else {
                    '?'
                };
                return Err(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    shown,
                    ch as u32,
                    pos - 1
                ));
            }
        };
        out.push_str(&piece);
    }
    if st.argidx < st.arglen && !is_dict {
        return Err("not all arguments converted during string formatting".into());
    }
    Ok(out)
}

fn pad_plain(s: &str, width: usize, flags: u8) -> String {
    let len = s.chars().count();
    if len >= width {
        return s.to_string();
    }
    let pad = " ".repeat(width - len);
    if flags & F_LJUST != 0 {
        format!("{s}{pad}")
    } else {
        format!("{pad}{s}")
    }
}

fn pad_number(neg: bool, prefix: &str, body: &str, width: usize, flags: u8) -> String {
    let sign = if neg {
        "-"
    } else if flags & F_SIGN != 0 {
        "+"
    } else if flags & F_BLANK != 0 {
        " "
    } else {
        ""
    };
    let len = sign.len() + prefix.len() + body.chars().count();
    if len >= width {
        return format!("{sign}{prefix}{body}");
    }
    let pad = width - len;
    if flags & F_LJUST != 0 {
        format!("{sign}{prefix}{body}{}", " ".repeat(pad))
    } else if flags & F_ZERO != 0 {
        format!("{sign}{prefix}{}{body}", "0".repeat(pad))
    } else {
        format!("{}{sign}{prefix}{body}", " ".repeat(pad))
    }
}
