//! Python-level values as the ORM sees them, and their `repr()`: the echo
//! log prints parameter tuples with Python's repr, so it must match exactly.

use std::rc::Rc;

/// A Python value that can cross into SQL: what a learner assigns to a
/// mapped attribute or passes as a bound parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum PyValue {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    /// `decimal.Decimal`, kept as its canonical text (e.g. `"1.50"`).
    Decimal(Rc<str>),
    Date(Date),
    DateTime(Date, Time),
    Time(Time),
    /// What sqlite3 receives for LargeBinary: a memoryview. Its repr holds
    /// an address, which the trace oracle does not mask; see `repr`.
    Memory(Rc<[u8]>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub microsecond: u32,
}

impl PyValue {
    pub fn str(s: &str) -> PyValue {
        PyValue::Str(Rc::from(s))
    }

    /// Python's `repr()` of the value.
    pub fn repr(&self) -> String {
        match self {
            PyValue::None => "None".into(),
            PyValue::Bool(true) => "True".into(),
            PyValue::Bool(false) => "False".into(),
            PyValue::Int(i) => i.to_string(),
            PyValue::Float(f) => float_repr(*f),
            PyValue::Str(s) => str_repr(s),
            PyValue::Bytes(b) => bytes_repr(b),
            PyValue::Decimal(d) => format!("Decimal('{d}')"),
            PyValue::Date(d) => format!("datetime.date({}, {}, {})", d.year, d.month, d.day),
            PyValue::DateTime(d, t) => {
                format!(
                    "datetime.datetime({}, {}, {}, {})",
                    d.year,
                    d.month,
                    d.day,
                    time_args(t)
                )
            }
            PyValue::Time(t) => format!("datetime.time({})", time_args(t)),
            // A fixed fake address: CPython prints a real one here.
            PyValue::Memory(_) => "<memory at 0x7f0000000000>".into(),
        }
    }
}

/// `hour, minute[, second[, microsecond]]` as datetime's repr drops zeros
/// from the right.
fn time_args(t: &Time) -> String {
    let mut s = format!("{}, {}", t.hour, t.minute);
    if t.second != 0 || t.microsecond != 0 {
        s.push_str(&format!(", {}", t.second));
    }
    if t.microsecond != 0 {
        s.push_str(&format!(", {}", t.microsecond));
    }
    s
}

/// Python's `repr(float)`: shortest round-trip digits, scientific notation
/// when the exponent is below -4 or at least 16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Rust's `{:e}` gives the shortest round-trip digits: "d.ddde-5".
    let sci = format!("{:e}", f);
    let (mantissa, exp) = match sci.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().unwrap_or(0)),
        None => (sci.clone(), 0),
    };
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if negative { "-" } else { "" };
    if !(-4..16).contains(&exp) {
        let mut m = digits[..1].to_string();
        if digits.len() > 1 {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{m}e{esign}{:02}", exp.abs());
    }
    let point = exp + 1; // digits before the decimal point
    let body = if point <= 0 {
        format!("0.{}{}", "0".repeat((-point) as usize), digits)
    } else if point as usize >= digits.len() {
        format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
    } else {
        format!(
            "{}.{}",
            &digits[..point as usize],
            &digits[point as usize..]
        )
    };
    format!("{sign}{body}")
}

fn push_escaped_char(out: &mut String, c: char, quote: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
        c if (0x80..0xa0).contains(&(c as u32)) => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push(c),
    }
}

/// Python's `repr(str)`: single quotes unless the text holds a single quote
/// and no double quote.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        push_escaped_char(&mut out, c, quote);
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_reprs_match_python() {
        assert_eq!(float_repr(2.5), "2.5");
        assert_eq!(float_repr(1.0), "1.0");
        assert_eq!(float_repr(1.5e-5), "1.5e-05");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(123456789012345.0), "123456789012345.0");
        assert_eq!(float_repr(-0.1), "-0.1");
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn str_reprs_match_python() {
        // From the echo log of `a.c.name == "it's \"q\" \\ é\n"`.
        assert_eq!(str_repr("it's \"q\" \\ é\n"), r#"'it\'s "q" \\ é\n'"#);
        assert_eq!(str_repr("it's"), r#""it's""#);
        assert_eq!(str_repr("x"), "'x'");
    }

    #[test]
    fn datetime_reprs() {
        let d = Date {
            year: 2024,
            month: 1,
            day: 2,
        };
        let t = Time {
            hour: 3,
            minute: 4,
            second: 5,
            microsecond: 0,
        };
        assert_eq!(
            PyValue::DateTime(d, t).repr(),
            "datetime.datetime(2024, 1, 2, 3, 4, 5)"
        );
        assert_eq!(PyValue::Date(d).repr(), "datetime.date(2024, 1, 2)");
        assert_eq!(PyValue::Decimal("1.50".into()).repr(), "Decimal('1.50')");
        assert_eq!(bytes_repr(b"\x00\x01abc'"), r#"b"\x00\x01abc'""#);
    }
}
