//! SQLite's type affinity: how a column's declared type converts stored values,
//! and the numeric parsing rules behind it.
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Affinity {
    Integer,
    Real,
    Numeric,
    Text,
    /// A column declared BLOB (or with no type): values are stored as given.
    Blob,
    /// Expressions that are not columns or CASTs have no affinity at all.
    None,
}

impl Affinity {
    /// The rules of section 3.1 of SQLite's datatype documentation, in order.
    pub fn from_decl(decl: &str) -> Affinity {
        let t = decl.to_ascii_uppercase();
        if t.contains("INT") {
            Affinity::Integer
        } else if t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") {
            Affinity::Text
        } else if t.contains("BLOB") || t.trim().is_empty() {
            Affinity::Blob
        } else if t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") {
            Affinity::Real
        } else {
            Affinity::Numeric
        }
    }

    pub fn is_numeric(self) -> bool {
        matches!(self, Affinity::Integer | Affinity::Real | Affinity::Numeric)
    }

    /// Convert a value on its way into a column (or for a comparison) with this affinity.
    pub fn apply(self, v: Value) -> Value {
        match self {
            Affinity::Blob | Affinity::None => v,
            Affinity::Text => match v {
                Value::Integer(_) | Value::Real(_) => Value::Text(v.to_text().unwrap_or_else(|| "".into())),
                other => other,
            },
            Affinity::Integer | Affinity::Numeric => match v {
                Value::Text(ref s) => match parse_numeric(s) {
                    Some(n) => real_to_int_if_exact(n),
                    None => v,
                },
                Value::Real(f) => real_to_int_if_exact(Value::Real(f)),
                other => other,
            },
            Affinity::Real => match v {
                Value::Text(ref s) => match parse_numeric(s) {
                    Some(Value::Integer(i)) => Value::Real(i as f64),
                    Some(n) => n,
                    None => v,
                },
                Value::Integer(i) => Value::Real(i as f64),
                other => other,
            },
        }
    }
}

/// sqlite3CompareAffinity: the one affinity a comparison applies to both operands.
pub fn comparison(a: Affinity, b: Affinity) -> Affinity {
    match (a, b) {
        (Affinity::None, x) | (x, Affinity::None) => x,
        (x, y) if x.is_numeric() || y.is_numeric() => Affinity::Numeric,
        _ => Affinity::Blob,
    }
}

/// Convert an operand before a comparison: numeric affinities turn numeric-looking
/// text into numbers, TEXT turns numbers into text; nothing else changes.
pub fn for_compare(aff: Affinity, v: Value) -> Value {
    match aff {
        Affinity::Integer | Affinity::Real | Affinity::Numeric => match v {
            Value::Text(ref s) => parse_numeric(s).unwrap_or(v),
            other => other,
        },
        Affinity::Text => match v {
            Value::Integer(_) | Value::Real(_) => Value::Text(v.to_text().unwrap_or_else(|| "".into())),
            other => other,
        },
        _ => v,
    }
}

/// A real that holds an integer exactly is stored as INTEGER under INTEGER/NUMERIC affinity.
fn real_to_int_if_exact(v: Value) -> Value {
    if let Value::Real(f) = v {
        if f.fract() == 0.0 && (-9.223_372_036_854_775e18..9.223_372_036_854_775e18).contains(&f) {
            return Value::Integer(f as i64);
        }
    }
    v
}

/// Parse text that is entirely a number (surrounding spaces allowed), as affinity does.
pub fn parse_numeric(s: &str) -> Option<Value> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (v, used) = numeric_prefix(t)?;
    if used == t.len() {
        Some(v)
    } else {
        None
    }
}

/// The longest numeric prefix of `s` (after leading spaces) and the bytes it used.
fn numeric_prefix(s: &str) -> Option<(Value, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut digits = i - int_start;
    let mut is_real = false;
    if i < b.len() && b[i] == b'.' {
        let mut j = i + 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        digits += j - i - 1;
        if digits > 0 {
            is_real = true;
            i = j;
        }
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let es = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > es {
            is_real = true;
            i = j;
        }
    }
    let text = &s[..i];
    if !is_real {
        if let Ok(n) = text.parse::<i64>() {
            return Some((Value::Integer(n), i));
        }
    }
    text.parse::<f64>().ok().map(|f| (Value::Real(f), i))
}

/// Numeric value of any value for arithmetic: text uses its numeric prefix, else 0.
pub fn to_number(v: &Value) -> Value {
    match v {
        Value::Integer(_) | Value::Real(_) | Value::Null => v.clone(),
        Value::Text(s) => text_prefix_number(s),
        Value::Blob(b) => text_prefix_number(&String::from_utf8_lossy(b)),
    }
}

fn text_prefix_number(s: &str) -> Value {
    let t = s.trim_start_matches(|c: char| c.is_ascii_whitespace());
    numeric_prefix(t).map(|(v, _)| v).unwrap_or(Value::Integer(0))
}

/// CAST(v AS INTEGER).
pub fn cast_integer(v: &Value) -> Value {
    match to_number(v) {
        Value::Real(f) => Value::Integer(if f.is_nan() { 0 } else { f as i64 }),
        other => other,
    }
}

/// CAST(v AS REAL).
pub fn cast_real(v: &Value) -> Value {
    match to_number(v) {
        Value::Integer(i) => Value::Real(i as f64),
        other => other,
    }
}

/// CAST(v AS NUMERIC).
pub fn cast_numeric(v: &Value) -> Value {
    match v {
        Value::Null | Value::Integer(_) | Value::Real(_) => v.clone(),
        _ => real_to_int_if_exact(to_number(v)),
    }
}

/// Truthiness of a value in a boolean context: None for NULL.
pub fn truth(v: &Value) -> Option<bool> {
    match v {
        Value::Null => None,
        Value::Integer(i) => Some(*i != 0),
        Value::Real(f) => Some(*f != 0.0),
        other => match to_number(other) {
            Value::Integer(i) => Some(i != 0),
            Value::Real(f) => Some(f != 0.0),
            _ => Some(false),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_types() {
        assert_eq!(Affinity::from_decl("VARCHAR(10)"), Affinity::Text);
        assert_eq!(Affinity::from_decl("BIGINT"), Affinity::Integer);
        assert_eq!(Affinity::from_decl("FLOAT"), Affinity::Real);
        assert_eq!(Affinity::from_decl("DATETIME"), Affinity::Numeric);
        assert_eq!(Affinity::from_decl(""), Affinity::Blob);
    }

    #[test]
    fn conversions() {
        assert_eq!(Affinity::Integer.apply(Value::text("12")), Value::Integer(12));
        assert_eq!(Affinity::Integer.apply(Value::text("x")), Value::text("x"));
        assert_eq!(Affinity::Integer.apply(Value::Real(1.0)), Value::Integer(1));
        assert_eq!(Affinity::Text.apply(Value::Integer(5)), Value::text("5"));
        assert_eq!(Affinity::Real.apply(Value::text(" 3 ")), Value::Real(3.0));
        assert_eq!(to_number(&Value::text("12abc")), Value::Integer(12));
    }
}
