//! Scalar SQL functions and LIKE/GLOB matching.
use crate::affinity::to_number;
use crate::error::{Result, SqlError};
use crate::value::{compare, real_to_text, Value};
use std::cmp::Ordering;
use std::rc::Rc;

fn text_of(v: &Value) -> Option<Rc<str>> {
    v.to_text()
}

fn int_arg(v: &Value) -> i64 {
    match to_number(v) {
        Value::Integer(i) => i,
        Value::Real(f) => f as i64,
        _ => 0,
    }
}

/// SQLite's substr(): 1-based, negative start counts from the end, negative length goes left.
fn substr(s: &[char], start: i64, len: Option<i64>) -> String {
    let n = s.len() as i64;
    let mut p1 = start;
    let mut p2 = len.unwrap_or(n.saturating_add(1).max(0));
    if p1 < 0 {
        p1 = p1.saturating_add(n);
        if p1 < 0 {
            p2 = p2.saturating_add(p1);
            p1 = 0;
        }
    } else if p1 > 0 {
        p1 -= 1;
    } else if p2 > 0 {
        p2 -= 1;
    }
    if p2 < 0 {
        p1 = p1.saturating_add(p2);
        p2 = p2.saturating_neg();
        if p1 < 0 {
            p2 = p2.saturating_add(p1);
            p1 = 0;
        }
    }
    let from = p1.clamp(0, n) as usize;
    let to = p1.saturating_add(p2).clamp(0, n) as usize;
    if from >= to {
        return String::new();
    }
    s[from..to].iter().collect()
}

fn trim(s: &str, chars: &str, left: bool, right: bool) -> String {
    let set: Vec<char> = chars.chars().collect();
    let mut t = s;
    if left {
        t = t.trim_start_matches(|c| set.contains(&c));
    }
    if right {
        t = t.trim_end_matches(|c| set.contains(&c));
    }
    t.to_string()
}

/// round() as SQLite does it: half away from zero, result always REAL.
fn round(x: f64, digits: i64) -> f64 {
    let d = digits.clamp(0, 30) as i32;
    if d == 0 {
        return x.round();
    }
    let s = format!("{:.*}", d as usize, x);
    s.parse().unwrap_or(x)
}

pub fn call(name: &str, args: &[Value]) -> Result<Value> {
    let a0 = args.first().cloned().unwrap_or(Value::Null);
    Ok(match name {
        "lower" | "upper" => match text_of(&a0) {
            None => Value::Null,
            Some(s) => Value::text(&if name == "lower" {
                s.to_ascii_lowercase()
            } else {
                s.to_ascii_uppercase()
            }),
        },
        "length" => match &a0 {
            Value::Null => Value::Null,
            Value::Blob(b) => Value::Integer(b.len() as i64),
            v => Value::Integer(text_of(v).map(|s| s.chars().count() as i64).unwrap_or(0)),
        },
        "coalesce" | "ifnull" => args.iter().find(|v| !v.is_null()).cloned().unwrap_or(Value::Null),
        "nullif" => {
            if compare(&args[0], &args[1]) == Ordering::Equal && !args[1].is_null() {
                Value::Null
            } else {
                a0
            }
        }
        "iif" => {
            if crate::affinity::truth(&a0) == Some(true) {
                args[1].clone()
            } else {
                args[2].clone()
            }
        }
        "abs" => match &a0 {
            Value::Null => Value::Null,
            Value::Integer(i) => Value::Integer(i.checked_abs().ok_or_else(|| SqlError::op("integer overflow"))?),
            // Anything else is read as a double, as sqlite3_value_double does.
            other => Value::Real(match to_number(other) {
                Value::Integer(i) => (i as f64).abs(),
                Value::Real(f) => f.abs(),
                _ => 0.0,
            }),
        },
        "sign" => match to_number(&a0) {
            Value::Integer(i) => Value::Integer(i.signum()),
            Value::Real(f) => Value::Integer(if f > 0.0 {
                1
            } else if f < 0.0 {
                -1
            } else {
                0
            }),
            _ => Value::Null,
        },
        "typeof" => Value::text(a0.type_name()),
        "substr" | "substring" => {
            if args.iter().any(|v| v.is_null()) {
                return Ok(Value::Null);
            }
            let len = args.get(2).map(int_arg);
            match &a0 {
                Value::Blob(b) => {
                    let chars: Vec<char> = b.iter().map(|&x| x as char).collect();
                    Value::Blob(Rc::from(
                        substr(&chars, int_arg(&args[1]), len).chars().map(|c| c as u8).collect::<Vec<u8>>(),
                    ))
                }
                v => {
                    let s: Vec<char> = text_of(v).unwrap_or_else(|| "".into()).chars().collect();
                    Value::text(&substr(&s, int_arg(&args[1]), len))
                }
            }
        }
        "replace" => match (text_of(&args[0]), text_of(&args[1]), text_of(&args[2])) {
            (Some(s), Some(f), Some(r)) => {
                if f.is_empty() {
                    Value::Text(s)
                } else {
                    Value::text(&s.replace(&*f, &r))
                }
            }
            _ => Value::Null,
        },
        "trim" | "ltrim" | "rtrim" => {
            let chars = match args.get(1) {
                Some(c) => match text_of(c) {
                    Some(c) => c.to_string(),
                    None => return Ok(Value::Null),
                },
                None => " ".to_string(),
            };
            match text_of(&a0) {
                None => Value::Null,
                Some(s) => Value::text(&trim(&s, &chars, name != "rtrim", name != "ltrim")),
            }
        }
        "instr" => match (text_of(&args[0]), text_of(&args[1])) {
            (Some(h), Some(n)) => Value::Integer(h.find(&*n).map(|i| h[..i].chars().count() as i64 + 1).unwrap_or(0)),
            _ => Value::Null,
        },
        "round" => {
            if args.iter().any(|v| v.is_null()) {
                return Ok(Value::Null);
            }
            let x = match to_number(&a0) {
                Value::Integer(i) => i as f64,
                Value::Real(f) => f,
                _ => 0.0,
            };
            Value::Real(round(x, args.get(1).map(int_arg).unwrap_or(0)))
        }
        "max" | "min" => {
            if args.iter().any(|v| v.is_null()) {
                return Ok(Value::Null);
            }
            let mut best = a0;
            for v in &args[1..] {
                let o = compare(v, &best);
                if (name == "max" && o == Ordering::Greater) || (name == "min" && o == Ordering::Less) {
                    best = v.clone();
                }
            }
            best
        }
        "hex" => {
            let bytes: Vec<u8> = match &a0 {
                Value::Blob(b) => b.to_vec(),
                Value::Null => Vec::new(),
                v => text_of(v).map(|s| s.as_bytes().to_vec()).unwrap_or_default(),
            };
            Value::text(&bytes.iter().map(|b| format!("{b:02X}")).collect::<String>())
        }
        "quote" => Value::text(&match &a0 {
            Value::Null => "NULL".to_string(),
            Value::Integer(i) => i.to_string(),
            Value::Real(f) => real_to_text(*f),
            Value::Text(s) => format!("'{}'", s.replace('\'', "''")),
            Value::Blob(b) => format!("X'{}'", b.iter().map(|b| format!("{b:02X}")).collect::<String>()),
        }),
        other => return Err(SqlError::op(format!("no such function: {other}"))),
    })
}

/// LIKE (ASCII case-insensitive, `%` and `_`) or GLOB (case-sensitive, `*` and `?`).
pub fn like(text: &str, pattern: &str, escape: Option<char>, glob: bool) -> Result<bool> {
    let t: Vec<char> = text.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    if glob && p.contains(&'[') {
        return Err(SqlError::unsupported("GLOB character classes"));
    }
    let (any, one) = if glob { ('*', '?') } else { ('%', '_') };
    let eq = |a: char, b: char| {
        if glob {
            a == b
        } else {
            a.eq_ignore_ascii_case(&b)
        }
    };
    // Backtracking matcher: remember the last `%` and retry from one char further.
    let (mut ti, mut pi) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() {
            let c = p[pi];
            if Some(c) == escape && !glob && pi + 1 < p.len() {
                if eq(p[pi + 1], t[ti]) {
                    ti += 1;
                    pi += 2;
                    continue;
                }
            } else if c == any {
                star = Some((pi, ti));
                pi += 1;
                continue;
            } else if c == one || eq(c, t[ti]) {
                ti += 1;
                pi += 1;
                continue;
            }
        }
        match star {
            Some((sp, st)) => {
                pi = sp + 1;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return Ok(false),
        }
    }
    while pi < p.len() && p[pi] == any {
        pi += 1;
    }
    Ok(pi == p.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns() {
        assert!(like("Hello", "h%", None, false).unwrap());
        assert!(like("Hello", "%LL%", None, false).unwrap());
        assert!(!like("Hello", "h_l", None, false).unwrap());
        assert!(like("10%", "10\\%", Some('\\'), false).unwrap());
        assert!(!like("100", "10\\%", Some('\\'), false).unwrap());
        assert!(like("abc", "a*c", None, true).unwrap());
        assert!(!like("ABC", "a*", None, true).unwrap());
    }

    #[test]
    fn substr_rules() {
        let s: Vec<char> = "hello".chars().collect();
        assert_eq!(substr(&s, 2, Some(3)), "ell");
        assert_eq!(substr(&s, -3, None), "llo");
        assert_eq!(substr(&s, 0, Some(2)), "h");
    }
}
