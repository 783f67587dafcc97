//! Bind and result processing for the SQLite dialect. `bind_process` gives
//! the value as logged in the echo parameter line (after SQLAlchemy's bind
//! processor); `to_store` is what the sqlite3 driver then stores.

use super::SqlType;
use crate::error::{OrmError, OrmErrorKind, OrmResult};
use crate::value::{Date, PyValue, Time};
use relplay_store::Value;
use std::rc::Rc;

fn type_error(msg: impl Into<String>) -> OrmError {
    OrmError::new(OrmErrorKind::TypeError, msg)
}

fn fmt_date(d: &Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn fmt_time(t: &Time) -> String {
    format!(
        "{:02}:{:02}:{:02}.{:06}",
        t.hour, t.minute, t.second, t.microsecond
    )
}

/// Apply the type's bind processor: the value as the DBAPI receives it.
/// Errors are the builtin TypeError/ValueError that SQLAlchemy wraps in a
/// `StatementError` as `(builtins.TypeError) <message>` (reference/typeproc.py).
pub fn bind_process(ty: &SqlType, v: &PyValue) -> OrmResult<PyValue> {
    if *v == PyValue::None {
        return Ok(PyValue::None);
    }
    Ok(match (ty, v) {
        // Boolean's processor turns Python bools into ints.
        (SqlType::Boolean, PyValue::Bool(b)) => PyValue::Int(*b as i64),
        (SqlType::Boolean, PyValue::Int(i)) if *i == 0 || *i == 1 => PyValue::Int(*i),
        (SqlType::Boolean, PyValue::Int(i)) => {
            return Err(OrmError::new(
                OrmErrorKind::ValueError,
                format!("Value {i} is not None, True, or False"),
            ))
        }
        (SqlType::Boolean, other) => {
            return Err(type_error(format!("Not a boolean value: {}", other.repr())))
        }
        // pysqlite binds Numeric as float.
        (SqlType::Numeric(..), PyValue::Decimal(d)) => {
            PyValue::Float(d.parse::<f64>().unwrap_or(f64::NAN))
        }
        (SqlType::Date, PyValue::Date(d)) => PyValue::Str(Rc::from(fmt_date(d))),
        (SqlType::Date, PyValue::DateTime(d, _)) => PyValue::Str(Rc::from(fmt_date(d))),
        (SqlType::Date, _) => {
            return Err(type_error(
                "SQLite Date type only accepts Python date objects as input.",
            ));
        }
        (SqlType::DateTime, PyValue::DateTime(d, t)) => {
            PyValue::Str(Rc::from(format!("{} {}", fmt_date(d), fmt_time(t))))
        }
        (SqlType::DateTime, PyValue::Date(d)) => {
            PyValue::Str(Rc::from(format!("{} 00:00:00.000000", fmt_date(d))))
        }
        (SqlType::DateTime, _) => {
            return Err(type_error(
                "SQLite DateTime type only accepts Python datetime and date objects as input.",
            ));
        }
        (SqlType::Time, PyValue::Time(t)) => PyValue::Str(Rc::from(fmt_time(t))),
        (SqlType::Time, _) => {
            return Err(type_error(
                "SQLite Time type only accepts Python time objects as input.",
            ));
        }
        (SqlType::LargeBinary, PyValue::Bytes(b)) => PyValue::Memory(b.clone()),
        _ => v.clone(),
    })
}

/// What the sqlite3 driver stores for a (bind-processed) value.
pub fn to_store(v: &PyValue) -> OrmResult<Value> {
    Ok(match v {
        PyValue::None => Value::Null,
        PyValue::Bool(b) => Value::Integer(*b as i64),
        PyValue::Int(i) => Value::Integer(*i),
        PyValue::Float(f) => Value::Real(*f),
        PyValue::Str(s) => Value::Text(s.clone()),
        PyValue::Bytes(b) | PyValue::Memory(b) => Value::Blob(b.clone()),
        // sqlite3 cannot bind these without SQLAlchemy's processors.
        PyValue::Decimal(_) | PyValue::Date(_) | PyValue::DateTime(..) | PyValue::Time(_) => {
            return Err(OrmError::new(
                OrmErrorKind::NotSupported,
                format!(
                    "Error binding parameter - probably unsupported type: {}",
                    v.repr()
                ),
            ))
        }
    })
}

fn parse_num<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.parse().ok()
}

fn parse_date(s: &str) -> Option<Date> {
    let mut it = s.splitn(3, '-');
    let year = parse_num(it.next()?)?;
    let month = parse_num(it.next()?)?;
    let day = parse_num(it.next()?.get(..2)?)?;
    Some(Date { year, month, day })
}

fn parse_time(s: &str) -> Option<Time> {
    let (hms, frac) = match s.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let mut it = hms.splitn(3, ':');
    let hour = parse_num(it.next()?)?;
    let minute = parse_num(it.next()?)?;
    let second = it.next().map(parse_num).unwrap_or(Some(0))?;
    let microsecond = match frac {
        // The regex of the SQLite dialect pads the fraction to 6 digits.
        Some(f) => {
            let mut f: String = f.chars().take(6).collect();
            while f.len() < 6 {
                f.push('0');
            }
            parse_num(&f)?
        }
        None => 0,
    };
    Some(Time {
        hour,
        minute,
        second,
        microsecond,
    })
}

/// Apply the type's result processor to a stored value.
pub fn result_process(ty: &SqlType, v: &Value) -> OrmResult<PyValue> {
    let bad = |what: &str, s: &str| {
        OrmError::new(
            OrmErrorKind::ValueError,
            format!("Couldn't parse {what} string: '{s}'"),
        )
    };
    Ok(match (ty, v) {
        (_, Value::Null) => PyValue::None,
        (SqlType::Boolean, Value::Integer(i)) => PyValue::Bool(*i != 0),
        (SqlType::Date, Value::Text(s)) => {
            PyValue::Date(parse_date(s).ok_or_else(|| bad("date", s))?)
        }
        (SqlType::DateTime, Value::Text(s)) => {
            let (d, t) = s.split_once(' ').unwrap_or((s, "00:00:00"));
            let date = parse_date(d).ok_or_else(|| bad("datetime", s))?;
            let time = parse_time(t).ok_or_else(|| bad("datetime", s))?;
            PyValue::DateTime(date, time)
        }
        (SqlType::Time, Value::Text(s)) => {
            PyValue::Time(parse_time(s).ok_or_else(|| bad("time", s))?)
        }
        (SqlType::Numeric(_, scale), Value::Real(f)) => {
            PyValue::Decimal(Rc::from(decimal_text(*f, *scale)))
        }
        (SqlType::Numeric(_, scale), Value::Integer(i)) => {
            PyValue::Decimal(Rc::from(decimal_text(*i as f64, *scale)))
        }
        (SqlType::Float | SqlType::Double, Value::Integer(i)) => PyValue::Float(*i as f64),
        (_, Value::Integer(i)) => PyValue::Int(*i),
        (_, Value::Real(f)) => PyValue::Float(*f),
        (_, Value::Text(s)) => PyValue::Str(s.clone()),
        (_, Value::Blob(b)) => PyValue::Bytes(b.clone()),
    })
}

/// Numeric results come back as Decimal with the column's scale (10 digits
/// when the scale is unset, as `_default_decimal_return_scale`).
fn decimal_text(f: f64, scale: Option<u32>) -> String {
    let scale = scale.unwrap_or(10) as usize;
    format!("{:.*}", scale, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_as_in_the_echo_log() {
        // From the echo log: ('n0', 1, '2024-01-02', '2024-01-02 03:04:05.000000', 1.5, 2.5)
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
            bind_process(&SqlType::Boolean, &PyValue::Bool(true)).unwrap(),
            PyValue::Int(1)
        );
        assert_eq!(
            bind_process(&SqlType::Date, &PyValue::Date(d))
                .unwrap()
                .repr(),
            "'2024-01-02'"
        );
        assert_eq!(
            bind_process(&SqlType::DateTime, &PyValue::DateTime(d, t))
                .unwrap()
                .repr(),
            "'2024-01-02 03:04:05.000000'"
        );
        assert_eq!(
            bind_process(
                &SqlType::Numeric(Some(10), Some(2)),
                &PyValue::Decimal("1.50".into())
            )
            .unwrap()
            .repr(),
            "1.5"
        );
    }

    #[test]
    fn bind_errors_as_sqlalchemy_words_them() {
        let e = bind_process(&SqlType::Boolean, &PyValue::str("x")).unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (OrmErrorKind::TypeError, "Not a boolean value: 'x'")
        );
        let e = bind_process(&SqlType::Boolean, &PyValue::Int(2)).unwrap_err();
        assert_eq!(
            (e.kind, e.message.as_str()),
            (
                OrmErrorKind::ValueError,
                "Value 2 is not None, True, or False"
            )
        );
        let e = bind_process(&SqlType::DateTime, &PyValue::str("x")).unwrap_err();
        assert_eq!(
            e.message,
            "SQLite DateTime type only accepts Python datetime and date objects as input."
        );
        let d = Date {
            year: 2024,
            month: 1,
            day: 2,
        };
        assert_eq!(
            result_process(
                &SqlType::DateTime,
                &Value::Text(
                    bind_process(&SqlType::DateTime, &PyValue::Date(d))
                        .unwrap()
                        .repr()
                        .trim_matches('\'')
                        .into()
                )
            )
            .unwrap()
            .repr(),
            "datetime.datetime(2024, 1, 2, 0, 0)"
        );
        // Numeric without scale returns 10 digits; Float returns floats.
        assert_eq!(
            result_process(&SqlType::Numeric(None, None), &Value::Integer(5))
                .unwrap()
                .repr(),
            "Decimal('5.0000000000')"
        );
        assert_eq!(
            result_process(&SqlType::Numeric(None, None), &Value::Real(1.234567890123))
                .unwrap()
                .repr(),
            "Decimal('1.2345678901')"
        );
        assert_eq!(
            result_process(&SqlType::Float, &Value::Integer(3))
                .unwrap()
                .repr(),
            "3.0"
        );
        let t = result_process(&SqlType::Time, &Value::Text("01:02:03.000004".into())).unwrap();
        assert_eq!(t.repr(), "datetime.time(1, 2, 3, 4)");
    }

    #[test]
    fn results_as_python_sees_them() {
        // From: [(1, 'n0', True, datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5), Decimal('1.50'), 2.5)]
        let r = result_process(
            &SqlType::DateTime,
            &Value::Text("2024-01-02 03:04:05.000000".into()),
        )
        .unwrap();
        assert_eq!(r.repr(), "datetime.datetime(2024, 1, 2, 3, 4, 5)");
        let r = result_process(&SqlType::Numeric(Some(10), Some(2)), &Value::Real(1.5)).unwrap();
        assert_eq!(r.repr(), "Decimal('1.50')");
        let r = result_process(&SqlType::Boolean, &Value::Integer(1)).unwrap();
        assert_eq!(r.repr(), "True");
        assert!(result_process(&SqlType::Date, &Value::Text("junk".into())).is_err());
    }
}
