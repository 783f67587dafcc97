use std::cmp::Ordering;
use std::rc::Rc;

/// A value as SQLite stores it: one of its five storage classes.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(Rc<str>),
    Blob(Rc<[u8]>),
}

impl Value {
    pub fn text(s: &str) -> Value {
        Value::Text(Rc::from(s))
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The name `typeof()` reports.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Integer(_) => "integer",
            Value::Real(_) => "real",
            Value::Text(_) => "text",
            Value::Blob(_) => "blob",
        }
    }

    /// Rank of the storage class in SQLite's cross-class ordering.
    fn class_rank(&self) -> u8 {
        match self {
            Value::Null => 0,
            Value::Integer(_) | Value::Real(_) => 1,
            Value::Text(_) => 2,
            Value::Blob(_) => 3,
        }
    }

    /// The text form SQLite gives a value when it needs a string (`||`, CAST, LIKE).
    pub fn to_text(&self) -> Option<Rc<str>> {
        match self {
            Value::Null => None,
            Value::Integer(i) => Some(Rc::from(i.to_string().as_str())),
            Value::Real(f) => Some(Rc::from(real_to_text(*f).as_str())),
            Value::Text(s) => Some(s.clone()),
            Value::Blob(b) => Some(Rc::from(String::from_utf8_lossy(b).as_ref())),
        }
    }
}

/// SQLite prints reals with `%!.15g`: 15 significant digits, always a decimal point.
pub fn real_to_text(f: f64) -> String {
    if f.is_nan() {
        return String::new();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    if f == 0.0 {
        return "0.0".into();
    }
    let s = format!("{:.14e}", f); // d.ddddddddddddddde±x
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if neg { "-" } else { "" };
    if !(-5..15).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{first}.{rest}e{esign}{:02}", exp.abs())
    } else if exp < 0 {
        let zeros = "0".repeat((-exp - 1) as usize);
        format!("{sign}0.{zeros}{digits}")
    } else {
        let int_len = exp as usize + 1;
        if digits.len() <= int_len {
            let pad = "0".repeat(int_len - digits.len());
            format!("{sign}{digits}{pad}.0")
        } else {
            let (i, fr) = digits.split_at(int_len);
            format!("{sign}{i}.{fr}")
        }
    }
}

/// Compare an integer with a real exactly enough for SQLite's purposes.
fn cmp_int_real(i: i64, f: f64) -> Ordering {
    if f.is_nan() {
        return Ordering::Greater;
    }
    if f >= 9.3e18 {
        return Ordering::Less;
    }
    if f <= -9.3e18 {
        return Ordering::Greater;
    }
    let t = f.trunc() as i64;
    match i.cmp(&t) {
        Ordering::Equal => {
            let frac = f - f.trunc();
            if frac > 0.0 {
                Ordering::Less
            } else if frac < 0.0 {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
        o => o,
    }
}

/// SQLite's total order with BINARY collation: NULL < numbers < text < blob.
pub fn compare(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Real(x), Value::Real(y)) => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        (Value::Integer(x), Value::Real(y)) => cmp_int_real(*x, *y),
        (Value::Real(x), Value::Integer(y)) => cmp_int_real(*y, *x).reverse(),
        (Value::Text(x), Value::Text(y)) => x.as_bytes().cmp(y.as_bytes()),
        (Value::Blob(x), Value::Blob(y)) => x.cmp(y),
        _ => a.class_rank().cmp(&b.class_rank()),
    }
}

/// A value ordered by [`compare`], usable as a BTree key (indexes, DISTINCT, GROUP BY).
#[derive(Clone, Debug)]
pub struct SortKey(pub Value);

impl PartialEq for SortKey {
    fn eq(&self, other: &Self) -> bool {
        compare(&self.0, &other.0) == Ordering::Equal
    }
}
impl Eq for SortKey {}
impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> Ordering {
        compare(&self.0, &other.0)
    }
}

pub fn keys(vals: &[Value]) -> Vec<SortKey> {
    vals.iter().cloned().map(SortKey).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_formatting_matches_sqlite() {
        assert_eq!(real_to_text(1.0), "1.0");
        assert_eq!(real_to_text(0.1), "0.1");
        assert_eq!(real_to_text(-2.5), "-2.5");
        assert_eq!(real_to_text(1e20), "1.0e+20");
        assert_eq!(real_to_text(1.5e-7), "1.5e-07");
        assert_eq!(real_to_text(123456.789), "123456.789");
        assert_eq!(real_to_text(1.0 / 3.0), "0.333333333333333");
    }

    #[test]
    fn cross_class_order() {
        let v = [
            Value::Null,
            Value::Integer(1),
            Value::Real(1.5),
            Value::text("a"),
            Value::Blob(Rc::from(&b"a"[..])),
        ];
        for w in v.windows(2) {
            assert_eq!(compare(&w[0], &w[1]), Ordering::Less);
        }
        assert_eq!(compare(&Value::Integer(1), &Value::Real(1.0)), Ordering::Equal);
    }
}
