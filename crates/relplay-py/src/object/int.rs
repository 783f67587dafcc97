//! Integers: `i64` fast path, promoted to [`BigInt`] beyond it.

use std::rc::Rc;

use crate::object::bigint::BigInt;
use crate::value::Value;

/// An integer literal the parser kept as text because it exceeds `i64`.
pub fn parse_big_literal(s: &str) -> Option<Value> {
    let clean: String = s.chars().filter(|c| *c != '_').collect();
    if let Ok(v) = clean.parse::<i64>() {
        return Some(Value::Int(v));
    }
    BigInt::parse(&clean, false).map(int_value)
}

/// Any Python int as a BigInt.
pub fn as_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from_i64(*i)),
        Value::Bool(b) => Some(BigInt::from_i64(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// Normalizes: values that fit in i64 become `Value::Int`.
pub fn int_value(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(Rc::new(b)),
    }
}

/// Whether an i64 operation would overflow (so the BigInt path is needed).
pub fn overflows(a: i64, b: i64, op: crate::ast::BinOp) -> bool {
    use crate::ast::BinOp::*;
    match op {
        Add => a.checked_add(b).is_none(),
        Sub => a.checked_sub(b).is_none(),
        Mult => a.checked_mul(b).is_none(),
        FloorDiv | Mod => b == -1 && a == i64::MIN,
        Pow => b >= 0 && (u32::try_from(b).is_err() || a.checked_pow(b as u32).is_none()),
        LShift => b >= 0 && a != 0 && (b >= 63 || (a << b) >> b != a),
        _ => false,
    }
}
