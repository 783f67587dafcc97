//! Integers are `i64` with checked arithmetic; results beyond 64 bits raise
//! OverflowError rather than silently wrapping.

use crate::value::Value;

/// An integer literal the parser kept as text because it exceeds `i64`.
pub fn parse_big_literal(s: &str) -> Option<Value> {
    s.replace('_', "").parse::<i64>().ok().map(Value::Int)
}
