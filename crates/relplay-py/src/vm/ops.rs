//! Operators and protocols: arithmetic, comparison, hashing, truth,
//! containers, iteration. Built-in types take fast paths; user classes and
//! native objects dispatch through dunders / the native trait.

use std::cell::RefCell;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::object::bigint::BigInt;
use crate::object::class::base_value;
use crate::object::dict::{str_hash, PyDict};
use crate::object::int::{as_big, int_value, overflows};
use crate::value::{DictRef, NativeIter, PyErr, PyResult, Value, ViewKind};
use crate::vm::exc::{index_error, key_error, overflow_error, type_error, value_error};
use crate::vm::Interpreter;

pub fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}
pub fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        Value::BigInt(b) => Some(b.to_f64()),
        _ => None,
    }
}

/// Integers beyond this many bits are refused (schoolbook multiplication).
const MAX_BIG_BITS: usize = 200_000;

fn too_big() -> PyErr {
    PyErr::new(
        "OverflowError",
        "integer too large for the playground (more than 200000 bits)",
    )
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
    }
}

pub fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn cmp_dunder(op: CmpOp) -> (&'static str, &'static str) {
    match op {
        CmpOp::Eq => ("__eq__", "__eq__"),
        CmpOp::NotEq => ("__ne__", "__ne__"),
        CmpOp::Lt => ("__lt__", "__gt__"),
        CmpOp::LtE => ("__le__", "__ge__"),
        CmpOp::Gt => ("__gt__", "__lt__"),
        CmpOp::GtE => ("__ge__", "__le__"),
        _ => ("", ""),
    }
}

fn swap_cmp(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::GtE => CmpOp::LtE,
        o => o,
    }
}

pub fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}
pub fn py_mod(a: i64, b: i64) -> Option<i64> {
    let r = a.checked_rem(b)?;
    if r != 0 && ((r < 0) != (b < 0)) {
        Some(r + b)
    } else {
        Some(r)
    }
}
pub fn float_mod(a: f64, b: f64) -> f64 {
    let r = a % b;
    if r != 0.0 && ((r < 0.0) != (b < 0.0)) {
        r + b
    } else if r == 0.0 {
        0.0f64.copysign(b)
    } else {
        r
    }
}

fn is_user(v: &Value) -> bool {
    matches!(v, Value::Instance(_) | Value::Native(_) | Value::Class(_))
}

impl Interpreter {
    fn repeat_len(&self, len: usize, n: i64) -> PyResult<usize> {
        if n <= 0 {
            return Ok(0);
        }
        let total = (len as u128) * (n as u128);
        if total > self.config.max_alloc as u128 {
            return Err(PyErr::bare("MemoryError"));
        }
        Ok(n as usize)
    }

    /// Built-in arithmetic; `Ok(None)` means NotImplemented.
    fn big_binop(&mut self, a: BigInt, b: BigInt, op: BinOp) -> PyResult<Option<Value>> {
        let zero = || PyErr::new("ZeroDivisionError", "integer division or modulo by zero");
        let v = match op {
            BinOp::Add => a.add(&b),
            BinOp::Sub => a.sub(&b),
            BinOp::Mult => {
                if a.bit_length() + b.bit_length() > MAX_BIG_BITS {
                    return Err(too_big());
                }
                a.mul(&b)
            }
            BinOp::FloorDiv => a.divmod(&b).ok_or_else(zero)?.0,
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(PyErr::new("ZeroDivisionError", "integer modulo by zero"));
                }
                a.divmod(&b).ok_or_else(zero)?.1
            }
            BinOp::Div => {
                if b.is_zero() {
                    return Err(PyErr::new("ZeroDivisionError", "division by zero"));
                }
                let f = a.to_f64() / b.to_f64();
                if !f.is_finite() {
                    return Err(PyErr::new(
                        "OverflowError",
                        "integer division result too large for a float",
                    ));
                }
                return Ok(Some(Value::Float(f)));
            }
            BinOp::Pow => {
                if b.is_neg() {
                    return Ok(Some(Value::Float(a.to_f64().powf(b.to_f64()))));
                }
                let e = b.to_i64().unwrap_or(i64::MAX) as u64;
                if (a.bit_length() as u128) * (e as u128) > MAX_BIG_BITS as u128
                    && a.bit_length() > 1
                {
                    return Err(too_big());
                }
                a.pow(e)
            }
            BinOp::LShift => {
                if b.is_neg() {
                    return Err(value_error("negative shift count"));
                }
                let n = b.to_i64().unwrap_or(i64::MAX) as u64;
                if a.bit_length() as u64 + n > MAX_BIG_BITS as u64 {
                    return Err(too_big());
                }
                a.mul(&BigInt::from_i64(2).pow(n))
            }
            BinOp::RShift => {
                if b.is_neg() {
                    return Err(value_error("negative shift count"));
                }
                let n = b.to_i64().unwrap_or(i64::MAX) as u64;
                if n as usize >= a.bit_length() {
                    return Ok(Some(Value::Int(if a.is_neg() { -1 } else { 0 })));
                }
                a.divmod(&BigInt::from_i64(2).pow(n)).ok_or_else(zero)?.0
            }
            BinOp::BitAnd => a.bitop(&b, '&'),
            BinOp::BitOr => a.bitop(&b, '|'),
            BinOp::BitXor => a.bitop(&b, '^'),
            BinOp::MatMult => return Ok(Option::None),
        };
        Ok(Some(int_value(v)))
    }

    fn prim_binop(&mut self, l: &Value, r: &Value, op: BinOp) -> PyResult<Option<Value>> {
        use Value::*;
        if let (Some(a), Some(b)) = (as_big(l), as_big(r)) {
            let big = match (as_int(l), as_int(r)) {
                (Some(x), Some(y)) => overflows(x, y, op),
                _ => true,
            };
            if big {
                return self.big_binop(a, b, op);
            }
        }
        if let (Some(a), Some(b)) = (as_int(l), as_int(r)) {
            let ov = || overflow_error();
            let v = match op {
                BinOp::Add => Int(a.checked_add(b).ok_or_else(ov)?),
                BinOp::Sub => Int(a.checked_sub(b).ok_or_else(ov)?),
                BinOp::Mult => Int(a.checked_mul(b).ok_or_else(ov)?),
                BinOp::Div => {
                    if b == 0 {
                        return Err(PyErr::new("ZeroDivisionError", "division by zero"));
                    }
                    Float(a as f64 / b as f64)
                }
                BinOp::FloorDiv => {
                    if b == 0 {
                        return Err(PyErr::new(
                            "ZeroDivisionError",
                            "integer division or modulo by zero",
                        ));
                    }
                    Int(floor_div(a, b).ok_or_else(ov)?)
                }
                BinOp::Mod => {
                    if b == 0 {
                        return Err(PyErr::new("ZeroDivisionError", "integer modulo by zero"));
                    }
                    Int(py_mod(a, b).ok_or_else(ov)?)
                }
                BinOp::Pow => {
                    if b < 0 {
                        if a == 0 {
                            return Err(PyErr::new(
                                "ZeroDivisionError",
                                "0.0 cannot be raised to a negative power",
                            ));
                        }
                        Float((a as f64).powf(b as f64))
                    } else {
                        let e = u32::try_from(b).map_err(|_| ov())?;
                        Int(a.checked_pow(e).ok_or_else(ov)?)
                    }
                }
                BinOp::LShift => {
                    if b < 0 {
                        return Err(value_error("negative shift count"));
                    }
                    if a == 0 {
                        Int(0)
                    } else if b >= 63 {
                        return Err(ov());
                    } else {
                        let r = a << b;
                        if r >> b != a {
                            return Err(ov());
                        }
                        Int(r)
                    }
                }
                BinOp::RShift => {
                    if b < 0 {
                        return Err(value_error("negative shift count"));
                    }
                    Int(if b >= 64 {
                        if a < 0 {
                            -1
                        } else {
                            0
                        }
                    } else {
                        a >> b
                    })
                }
                BinOp::BitAnd => {
                    if let (Bool(x), Bool(y)) = (l, r) {
                        Bool(*x & *y)
                    } else {
                        Int(a & b)
                    }
                }
                BinOp::BitOr => {
                    if let (Bool(x), Bool(y)) = (l, r) {
                        Bool(*x | *y)
                    } else {
                        Int(a | b)
                    }
                }
                BinOp::BitXor => {
                    if let (Bool(x), Bool(y)) = (l, r) {
                        Bool(*x ^ *y)
                    } else {
                        Int(a ^ b)
                    }
                }
                BinOp::MatMult => return Ok(Option::None),
            };
            return Ok(Some(v));
        }
        if let (Some(a), Some(b)) = (as_float(l), as_float(r)) {
            let mixed = matches!((l, r), (Float(_), BigInt(_)) | (BigInt(_), Float(_)));
            if mixed
                && (a.is_infinite() && !matches!(l, Float(_))
                    || b.is_infinite() && !matches!(r, Float(_)))
            {
                return Err(PyErr::new(
                    "OverflowError",
                    "int too large to convert to float",
                ));
            }
            let v = match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mult => a * b,
                BinOp::Div => {
                    if b == 0.0 {
                        return Err(PyErr::new("ZeroDivisionError", "float division by zero"));
                    }
                    a / b
                }
                BinOp::FloorDiv => {
                    if b == 0.0 {
                        return Err(PyErr::new(
                            "ZeroDivisionError",
                            "float floor division by zero",
                        ));
                    }
                    (a / b).floor()
                }
                BinOp::Mod => {
                    if b == 0.0 {
                        return Err(PyErr::new("ZeroDivisionError", "float modulo"));
                    }
                    float_mod(a, b)
                }
                BinOp::Pow => {
                    if a == 0.0 && b < 0.0 {
                        return Err(PyErr::new(
                            "ZeroDivisionError",
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    let r = a.powf(b);
                    if r.is_infinite() && a.is_finite() && b.is_finite() {
                        return Err(PyErr::new(
                            "OverflowError",
                            "(34, 'Numerical result out of range')",
                        ));
                    }
                    r
                }
                _ => return Ok(Option::None),
            };
            return Ok(Some(Float(v)));
        }
        let v = match (l, r, op) {
            (Str(a), Str(b), BinOp::Add) => {
                self.check_alloc(a.len() + b.len())?;
                let mut s = String::with_capacity(a.len() + b.len());
                s.push_str(a);
                s.push_str(b);
                Value::str(&s)
            }
            (Str(a), n, BinOp::Mult) | (n, Str(a), BinOp::Mult) if as_int(n).is_some() => {
                let n = self.repeat_len(a.len(), as_int(n).unwrap_or(0))?;
                Value::str(&a.repeat(n))
            }
            (List(a), List(b), BinOp::Add) => {
                let mut v = a.borrow().clone();
                v.extend(b.borrow().iter().cloned());
                Value::list(v)
            }
            (List(a), n, BinOp::Mult) | (n, List(a), BinOp::Mult) if as_int(n).is_some() => {
                let items = a.borrow().clone();
                let n = self.repeat_len(items.len(), as_int(n).unwrap_or(0))?;
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                Value::list(v)
            }
            (Tuple(a), Tuple(b), BinOp::Add) => {
                let mut v = a.to_vec();
                v.extend(b.iter().cloned());
                Value::tuple(v)
            }
            (Tuple(a), n, BinOp::Mult) | (n, Tuple(a), BinOp::Mult) if as_int(n).is_some() => {
                let n = self.repeat_len(a.len(), as_int(n).unwrap_or(0))?;
                let mut v = Vec::with_capacity(a.len() * n);
                for _ in 0..n {
                    v.extend(a.iter().cloned());
                }
                Value::tuple(v)
            }
            (Bytes(a), Bytes(b), BinOp::Add) => {
                let mut v = a.to_vec();
                v.extend_from_slice(b);
                Value::Bytes(Rc::from(v))
            }
            (Bytes(a), n, BinOp::Mult) | (n, Bytes(a), BinOp::Mult) if as_int(n).is_some() => {
                let n = self.repeat_len(a.len(), as_int(n).unwrap_or(0))?;
                Value::Bytes(Rc::from(a.repeat(n)))
            }
            (Str(_), _, BinOp::Mod) | (Bytes(_), _, BinOp::Mod) => {
                return crate::object::repr::percent_format(self, l, r).map(Some)
            }
            (Dict(a), Dict(b), BinOp::BitOr) => {
                let d = Rc::new(RefCell::new(a.borrow().clone()));
                let snapshot = b.borrow().items();
                for (k, v) in snapshot {
                    self.dict_setitem(&d, k, v)?;
                }
                Value::Dict(d)
            }
            (Set(a) | FrozenSet(a), Set(b) | FrozenSet(b), _) => {
                let frozen = matches!(l, FrozenSet(_));
                let av = a.borrow().keys();
                let bv = b.borrow().keys();
                let mut out = Vec::new();
                match op {
                    BinOp::BitOr => {
                        out = av;
                        out.extend(bv);
                    }
                    BinOp::BitAnd => {
                        for x in av {
                            if self.dict_contains(b, &x)? {
                                out.push(x);
                            }
                        }
                    }
                    BinOp::Sub => {
                        for x in av {
                            if !self.dict_contains(b, &x)? {
                                out.push(x);
                            }
                        }
                    }
                    BinOp::BitXor => {
                        for x in av {
                            if !self.dict_contains(b, &x)? {
                                out.push(x);
                            }
                        }
                        for x in bv {
                            if !self.dict_contains(a, &x)? {
                                out.push(x);
                            }
                        }
                    }
                    _ => return Ok(Option::None),
                }
                let s = self.new_set(out)?;
                match (s, frozen) {
                    (Set(d), true) => FrozenSet(d),
                    (s, _) => s,
                }
            }
            (DictView(a), _, BinOp::BitAnd | BinOp::BitOr | BinOp::Sub | BinOp::BitXor)
                if a.1 != ViewKind::Values =>
            {
                let items = self.collect_iter(l)?;
                let ls = self.new_set(items)?;
                let items = self.collect_iter(r)?;
                let rs = self.new_set(items)?;
                return self.prim_binop(&ls, &rs, op);
            }
            _ => return Ok(Option::None),
        };
        Ok(Some(v))
    }

    pub fn binary_op(&mut self, l: &Value, r: &Value, op: BinOp) -> PyResult<Value> {
        if !is_user(l) && !is_user(r) {
            if let Some(v) = self.prim_binop(l, r, op)? {
                return Ok(v);
            }
            return Err(self.binop_error(l, r, op));
        }
        let (name, rname, _) = dunder(op);
        // A right operand whose type subclasses the left's gets first try.
        let lc = l.class();
        let rc = r.class();
        let r_first = !Rc::ptr_eq(&lc, &rc) && rc.is_subclass(&lc) && rc.lookup(rname).is_some();
        if r_first {
            if let Some(v) = self.try_reflected(l, r, op, rname)? {
                return Ok(v);
            }
        }
        if let Value::Native(n) = l {
            let n = n.clone();
            if let Some(v) = n.binop(self, l, op, r, false)? {
                return Ok(v);
            }
        } else if let Some(m) = self.lookup_special(l, name)? {
            let v = self.call(&m, vec![r.clone()], vec![])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(v);
            }
        } else if let Some(b) = base_value(l) {
            let rv = base_value(r).unwrap_or_else(|| r.clone());
            if let Some(v) = self.prim_binop(&b, &rv, op)? {
                return Ok(v);
            }
        }
        if !r_first && !Rc::ptr_eq(&lc, &rc) {
            if let Some(v) = self.try_reflected(l, r, op, rname)? {
                return Ok(v);
            }
        }
        if !is_user(l) {
            if let Some(v) = self.prim_binop(l, &base_value(r).unwrap_or_else(|| r.clone()), op)? {
                return Ok(v);
            }
        }
        Err(self.binop_error(l, r, op))
    }

    fn try_reflected(
        &mut self,
        l: &Value,
        r: &Value,
        op: BinOp,
        rname: &str,
    ) -> PyResult<Option<Value>> {
        if let Value::Native(n) = r {
            let n = n.clone();
            return n.binop(self, r, op, l, true);
        }
        if let Some(m) = self.lookup_special(r, rname)? {
            let v = self.call(&m, vec![l.clone()], vec![])?;
            if !matches!(v, Value::NotImplemented) {
                return Ok(Some(v));
            }
        }
        Ok(None)
    }

    fn binop_error(&self, l: &Value, r: &Value, op: BinOp) -> PyErr {
        let (ln, rn) = (l.type_name(), r.type_name());
        match (l, op) {
            (Value::Str(_), BinOp::Add) => {
                type_error(format!("can only concatenate str (not \"{rn}\") to str"))
            }
            (Value::List(_), BinOp::Add) => {
                type_error(format!("can only concatenate list (not \"{rn}\") to list"))
            }
            (Value::Tuple(_), BinOp::Add) => type_error(format!(
                "can only concatenate tuple (not \"{rn}\") to tuple"
            )),
            (Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), BinOp::Mult) => {
                type_error(format!("can't multiply sequence by non-int of type '{rn}'"))
            }
            _ => type_error(format!(
                "unsupported operand type(s) for {}: '{ln}' and '{rn}'",
                op.symbol()
            )),
        }
    }

    pub fn inplace_op(&mut self, l: &Value, r: &Value, op: BinOp) -> PyResult<Value> {
        match (l, op) {
            (Value::List(a), BinOp::Add) => {
                let items = self.collect_iter(r)?;
                a.borrow_mut().extend(items);
                return Ok(l.clone());
            }
            (Value::Set(a), BinOp::BitOr) => {
                let items = self.collect_iter(r)?;
                for x in items {
                    self.set_add(a, x)?;
                }
                return Ok(l.clone());
            }
            (Value::Dict(a), BinOp::BitOr) => {
                if let Value::Dict(b) = r {
                    let snapshot = b.borrow().items();
                    for (k, v) in snapshot {
                        self.dict_setitem(a, k, v)?;
                    }
                    return Ok(l.clone());
                }
            }
            (Value::Instance(_) | Value::Native(_), _) => {
                let (_, _, iname) = dunder(op);
                if let Some(m) = self.lookup_special(l, iname)? {
                    let v = self.call(&m, vec![r.clone()], vec![])?;
                    if !matches!(v, Value::NotImplemented) {
                        return Ok(v);
                    }
                }
            }
            _ => {}
        }
        self.binary_op(l, r, op).map_err(|e| {
            if e.is_instance_of("TypeError") {
                let a = e.args();
                if let Some(Value::Str(s)) = a.first() {
                    if s.starts_with("unsupported operand type(s) for ") {
                        let sym = op.symbol();
                        return type_error(s.replacen(
                            &format!("for {sym}:"),
                            &format!("for {sym}=:"),
                            1,
                        ));
                    }
                }
            }
            e
        })
    }

    pub fn unary_op(&mut self, v: &Value, op: UnaryOp) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(v)?));
        }
        let r = match (v, op) {
            (Value::Int(_) | Value::Bool(_), UnaryOp::USub) => {
                Some(match as_int(v).unwrap_or(0).checked_neg() {
                    Some(n) => Value::Int(n),
                    None => int_value(BigInt::from_i64(i64::MIN).neg()),
                })
            }
            (Value::Int(_) | Value::Bool(_), UnaryOp::UAdd) => {
                Some(Value::Int(as_int(v).unwrap_or(0)))
            }
            (Value::Int(_) | Value::Bool(_), UnaryOp::Invert) => {
                Some(Value::Int(!as_int(v).unwrap_or(0)))
            }
            (Value::BigInt(b), UnaryOp::USub) => Some(int_value(b.neg())),
            (Value::BigInt(_), UnaryOp::UAdd) => Some(v.clone()),
            (Value::BigInt(b), UnaryOp::Invert) => {
                Some(int_value(b.neg().sub(&BigInt::from_i64(1))))
            }
            (Value::Float(f), UnaryOp::USub) => Some(Value::Float(-f)),
            (Value::Float(f), UnaryOp::UAdd) => Some(Value::Float(*f)),
            (Value::Native(n), _) => {
                let n = n.clone();
                n.unary(self, v, op)?
            }
            (Value::Instance(_), _) => {
                let name = match op {
                    UnaryOp::USub => "__neg__",
                    UnaryOp::UAdd => "__pos__",
                    _ => "__invert__",
                };
                match self.lookup_special(v, name)? {
                    Some(m) => Some(self.call(&m, vec![], vec![])?),
                    None => match base_value(v) {
                        Some(b) => Some(self.unary_op(&b, op)?),
                        None => None,
                    },
                }
            }
            _ => None,
        };
        r.ok_or_else(|| {
            let sym = match op {
                UnaryOp::USub => "-",
                UnaryOp::UAdd => "+",
                _ => "~",
            };
            type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                v.type_name()
            ))
        })
    }

    // ----- comparison -----

    pub fn compare(&mut self, l: &Value, r: &Value, op: CmpOp) -> PyResult<Value> {
        match op {
            CmpOp::Is => Ok(Value::Bool(l.is(r))),
            CmpOp::IsNot => Ok(Value::Bool(!l.is(r))),
            CmpOp::In => Ok(Value::Bool(self.contains(r, l)?)),
            CmpOp::NotIn => Ok(Value::Bool(!self.contains(r, l)?)),
            _ => self.richcompare(l, r, op),
        }
    }

    pub fn richcompare(&mut self, l: &Value, r: &Value, op: CmpOp) -> PyResult<Value> {
        // Nested containers compare recursively in Rust: bound the depth.
        if self.repr_depth > 400 {
            return Err(PyErr::new(
                "RecursionError",
                "maximum recursion depth exceeded in comparison",
            ));
        }
        self.repr_depth += 1;
        let r = self.richcompare_inner(l, r, op);
        self.repr_depth -= 1;
        r
    }

    fn richcompare_inner(&mut self, l: &Value, r: &Value, op: CmpOp) -> PyResult<Value> {
        if !is_user(l) && !is_user(r) {
            if let Some(b) = self.prim_compare(l, r, op)? {
                return Ok(Value::Bool(b));
            }
        } else {
            let (name, rname) = cmp_dunder(op);
            let lc = l.class();
            let rc = r.class();
            let r_first = !Rc::ptr_eq(&lc, &rc) && rc.is_subclass(&lc);
            let order: [(bool, &Value, &Value, &str); 2] = if r_first {
                [(true, r, l, rname), (false, l, r, name)]
            } else {
                [(false, l, r, name), (true, r, l, rname)]
            };
            for (reflected, a, b, n) in order {
                let aop = if reflected { swap_cmp(op) } else { op };
                if let Value::Native(nat) = a {
                    let nat = nat.clone();
                    if let Some(v) = nat.richcompare(self, a, aop, b)? {
                        return Ok(v);
                    }
                    continue;
                }
                let m = if matches!(a, Value::Instance(_) | Value::Class(_)) {
                    self.user_special(a, n)?
                } else {
                    None
                };
                if let Some(m) = m {
                    let v = self.call(&m, vec![b.clone()], vec![])?;
                    if !matches!(v, Value::NotImplemented) {
                        return Ok(v);
                    }
                } else if op == CmpOp::NotEq && matches!(a, Value::Instance(_)) {
                    // Default __ne__ inverts a user __eq__.
                    if let Some(m) = self.user_special(a, "__eq__")? {
                        let v = self.call(&m, vec![b.clone()], vec![])?;
                        if !matches!(v, Value::NotImplemented) {
                            return Ok(Value::Bool(!self.truthy(&v)?));
                        }
                    }
                }
            }
            let lb = base_value(l);
            let rb = base_value(r);
            if lb.is_some() || rb.is_some() {
                let lv = lb.unwrap_or_else(|| l.clone());
                let rv = rb.unwrap_or_else(|| r.clone());
                if !is_user(&lv) && !is_user(&rv) {
                    if let Some(b) = self.prim_compare(&lv, &rv, op)? {
                        return Ok(Value::Bool(b));
                    }
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(l.is(r))),
            CmpOp::NotEq => Ok(Value::Bool(!l.is(r))),
            _ => Err(type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                cmp_symbol(op),
                l.type_name(),
                r.type_name()
            ))),
        }
    }

    /// Equality as a bool (containers, `in`, `index`).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        let v = self.richcompare(a, b, CmpOp::Eq)?;
        self.truthy(&v)
    }

    fn prim_compare(&mut self, l: &Value, r: &Value, op: CmpOp) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        let ord: Option<Ordering> = match (l, r) {
            (a, b) if as_int(a).is_some() && as_int(b).is_some() => {
                as_int(a).partial_cmp(&as_int(b))
            }
            (Value::BigInt(_) | Value::Int(_), Value::Float(f))
            | (Value::Float(f), Value::BigInt(_) | Value::Int(_))
                if !f.is_nan() && f.abs() >= 9.2e18 =>
            {
                // Exact, as CPython compares: infinities by sign, otherwise
                // the int against the float's integral part, then its fraction.
                let b = match l {
                    Value::Float(_) => as_big(r),
                    _ => as_big(l),
                }
                .unwrap_or_else(BigInt::zero);
                let o = if f.is_nan() {
                    None
                } else if f.is_infinite() {
                    Some(if *f > 0.0 {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    })
                } else {
                    let t = f.trunc();
                    BigInt::parse(&format!("{:.0}", t.abs()), t < 0.0).map(|fb| {
                        b.compare(&fb).then(if f.fract() > 0.0 {
                            Ordering::Less
                        } else if f.fract() < 0.0 {
                            Ordering::Greater
                        } else {
                            Ordering::Equal
                        })
                    })
                };
                if matches!(l, Value::Float(_)) {
                    o.map(|o| o.reverse())
                } else {
                    o
                }
            }
            (Value::BigInt(_), _) | (_, Value::BigInt(_))
                if as_big(l).is_some() && as_big(r).is_some() =>
            {
                Some(
                    as_big(l)
                        .unwrap_or_else(BigInt::zero)
                        .compare(&as_big(r).unwrap_or_else(BigInt::zero)),
                )
            }
            (Value::Float(f), b) | (b, Value::Float(f))
                if as_int(b).is_some() && f.is_finite() && f.abs() < 9.2e18 =>
            {
                // Exact comparison (2**53 + 1 > 2.0**53), as CPython does.
                let i = as_int(b).unwrap_or(0) as i128;
                let fl = f.floor();
                let o = match i.cmp(&(fl as i128)) {
                    Ordering::Equal if *f > fl => Ordering::Less,
                    o => o,
                };
                let o = if matches!(l, Value::Float(_)) {
                    o.reverse()
                } else {
                    o
                };
                Some(o)
            }
            (a, b) if as_float(a).is_some() && as_float(b).is_some() => {
                let (x, y) = (as_float(a).unwrap_or(0.0), as_float(b).unwrap_or(0.0));
                match x.partial_cmp(&y) {
                    Some(o) => Some(o),
                    None => return Ok(Some(op == CmpOp::NotEq)),
                }
            }
            (Value::Str(a), Value::Str(b)) => Some(a.cmp(b)),
            (Value::Bytes(a), Value::Bytes(b)) => Some(a.cmp(b)),
            (Value::None, Value::None) => {
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                    Some(Ordering::Equal)
                } else {
                    None
                }
            }
            (Value::List(a), Value::List(b)) => {
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                return self.seq_compare(&a, &b, op).map(Some);
            }
            (Value::Tuple(a), Value::Tuple(b)) => {
                let (a, b) = (a.clone(), b.clone());
                return self.seq_compare(&a, &b, op).map(Some);
            }
            (Value::Dict(a), Value::Dict(b)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let e = self.dict_eq(a, b)?;
                return Ok(Some(e == (op == CmpOp::Eq)));
            }
            (Value::Set(a) | Value::FrozenSet(a), Value::Set(b) | Value::FrozenSet(b)) => {
                let sub = self.is_subset(a, b)?;
                let sup = self.is_subset(b, a)?;
                let r = match op {
                    CmpOp::Eq => sub && sup,
                    CmpOp::NotEq => !(sub && sup),
                    CmpOp::LtE => sub,
                    CmpOp::GtE => sup,
                    CmpOp::Lt => sub && !sup,
                    CmpOp::Gt => sup && !sub,
                    _ => false,
                };
                return Ok(Some(r));
            }
            (Value::Range(a), Value::Range(b)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let la = crate::object::iter::range_len(a.0, a.1, a.2);
                let lb = crate::object::iter::range_len(b.0, b.1, b.2);
                let same = la == lb && (la == 0 || (a.0 == b.0 && (la == 1 || a.2 == b.2)));
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
            (Value::DictView(a), Value::DictView(b))
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) && a.1 != ViewKind::Values =>
            {
                let x = self.collect_iter(l)?;
                let y = self.collect_iter(r)?;
                let (sx, sy) = (self.new_set(x)?, self.new_set(y)?);
                let v = self.richcompare(&sx, &sy, op)?;
                return Ok(Some(self.truthy(&v)?));
            }
            _ => None,
        };
        Ok(match ord {
            Some(o) => Some(match op {
                CmpOp::Eq => o == Ordering::Equal,
                CmpOp::NotEq => o != Ordering::Equal,
                CmpOp::Lt => o == Ordering::Less,
                CmpOp::LtE => o != Ordering::Greater,
                CmpOp::Gt => o == Ordering::Greater,
                CmpOp::GtE => o != Ordering::Less,
                _ => false,
            }),
            None => match op {
                CmpOp::Eq => Some(false),
                CmpOp::NotEq => Some(true),
                _ => None,
            },
        })
    }

    fn seq_compare(&mut self, a: &[Value], b: &[Value], op: CmpOp) -> PyResult<bool> {
        for (x, y) in a.iter().zip(b.iter()) {
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::NotEq => Ok(true),
                    _ => {
                        let v = self.richcompare(x, y, op)?;
                        self.truthy(&v)
                    }
                };
            }
        }
        let (la, lb) = (a.len(), b.len());
        Ok(match op {
            CmpOp::Eq => la == lb,
            CmpOp::NotEq => la != lb,
            CmpOp::Lt => la < lb,
            CmpOp::LtE => la <= lb,
            CmpOp::Gt => la > lb,
            CmpOp::GtE => la >= lb,
            _ => false,
        })
    }

    fn dict_eq(&mut self, a: &DictRef, b: &DictRef) -> PyResult<bool> {
        if a.borrow().len() != b.borrow().len() {
            return Ok(false);
        }
        let snapshot = a.borrow().items();
        for (k, v) in snapshot {
            match self.dict_get(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    fn is_subset(&mut self, a: &DictRef, b: &DictRef) -> PyResult<bool> {
        let snapshot = a.borrow().keys();
        for k in snapshot {
            if !self.dict_contains(b, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    // ----- truth, hashing -----

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => !d.borrow().is_empty(),
            Value::DictView(d) => !d.0.borrow().is_empty(),
            Value::Range(r) => crate::object::iter::range_len(r.0, r.1, r.2) > 0,
            Value::Native(n) => {
                let n = n.clone();
                match n.bool(self, v)? {
                    Some(b) => b,
                    None => match n.len(self, v)? {
                        Some(l) => l > 0,
                        None => true,
                    },
                }
            }
            Value::Instance(_) => {
                if let Some(m) = self.user_special(v, "__bool__")? {
                    let r = self.call(&m, vec![], vec![])?;
                    match r {
                        Value::Bool(b) => b,
                        _ => {
                            return Err(type_error(format!(
                                "__bool__ should return bool, returned {}",
                                r.type_name()
                            )))
                        }
                    }
                } else if self.user_special(v, "__len__")?.is_some() {
                    self.len(v)? > 0
                } else if let Some(b) = base_value(v) {
                    self.truthy(&b)?
                } else {
                    true
                }
            }
            _ => true,
        })
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if self.repr_depth > 400 {
            return Err(PyErr::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.repr_depth += 1;
        let r = self.hash_inner(v);
        self.repr_depth -= 1;
        r
    }

    fn hash_inner(&mut self, v: &Value) -> PyResult<i64> {
        const M: i64 = (1 << 61) - 1;
        fn int_hash(i: i64) -> i64 {
            let h = if i >= 0 {
                i % M
            } else {
                -((-(i as i128) % M as i128) as i64)
            };
            if h == -1 {
                -2
            } else {
                h
            }
        }
        Ok(match v {
            Value::Int(i) => int_hash(*i),
            Value::BigInt(b) => b.hash(),
            Value::Bool(b) => *b as i64,
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    int_hash(*f as i64)
                } else {
                    (f.to_bits() >> 2) as i64
                }
            }
            Value::Str(s) => str_hash(s),
            Value::Bytes(b) => str_hash(&String::from_utf8_lossy(b)) ^ 0x5bd1,
            Value::None => 0x5f3a_1b2c,
            Value::Tuple(t) => {
                // CPython's xxHash-based tuple hash, so sets of tuples
                // iterate in CPython's order.
                const P1: u64 = 11400714785074694791;
                const P2: u64 = 14029467366897019727;
                const P5: u64 = 2870177450012600261;
                let mut acc: u64 = P5;
                for x in t.iter() {
                    let lane = self.hash(x)? as u64;
                    acc = acc.wrapping_add(lane.wrapping_mul(P2));
                    acc = acc.rotate_left(31);
                    acc = acc.wrapping_mul(P1);
                }
                acc = acc.wrapping_add((t.len() as u64) ^ (P5 ^ 3527539));
                if acc as i64 == -1 {
                    1546275796
                } else {
                    acc as i64
                }
            }
            Value::FrozenSet(d) => {
                let mut h: i64 = 0x1f2e;
                let snapshot = d.borrow().keys();
                for k in snapshot {
                    h ^= self.hash(&k)?.wrapping_mul(0x9e37_79b9);
                }
                h
            }
            Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::DictView(_)
            | Value::Slice(_) => {
                return Err(type_error(format!("unhashable type: '{}'", v.type_name())))
            }
            Value::Native(n) => {
                let n = n.clone();
                match n.hash(self, v)? {
                    Some(h) => h,
                    None => (v.id() >> 4) as i64,
                }
            }
            Value::Instance(_) => {
                let cls = v.class();
                match cls.lookup_with_owner("__hash__") {
                    Some((_, Value::None)) => {
                        return Err(type_error(format!("unhashable type: '{}'", cls.name())))
                    }
                    Some((owner, h)) if !owner.builtin => {
                        let m = self.bind(&h, v, &Value::Class(cls.clone()))?;
                        let r = self.call(&m, vec![], vec![])?;
                        match as_int(&r) {
                            Some(i) => i,
                            None => {
                                return Err(type_error("__hash__ method should return an integer"))
                            }
                        }
                    }
                    _ => match base_value(v) {
                        Some(b) => self.hash(&b)?,
                        None => (v.id() >> 4) as i64,
                    },
                }
            }
            other => (other.id() >> 4) as i64,
        })
    }

    // ----- dict/set tables -----

    fn find_key(&mut self, d: &DictRef, k: &Value, h: i64) -> PyResult<Option<usize>> {
        if let Some(i) = d.borrow().find_identical(h, k) {
            return Ok(Some(i));
        }
        let cands = d.borrow().candidates(h);
        for (i, ck) in cands {
            if self.eq(&ck, k)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    pub fn dict_get(&mut self, d: &DictRef, k: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = k {
            return Ok(d.borrow().get_str(s));
        }
        let h = self.hash(k)?;
        Ok(match self.find_key(d, k, h)? {
            Some(i) => d.borrow().get_slot(i).cloned(),
            None => None,
        })
    }

    pub fn dict_contains(&mut self, d: &DictRef, k: &Value) -> PyResult<bool> {
        let h = self.hash(k)?;
        Ok(self.find_key(d, k, h)?.is_some())
    }

    pub fn dict_setitem(&mut self, d: &DictRef, k: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&k)?;
        match self.find_key(d, &k, h)? {
            Some(i) => d.borrow_mut().set_slot(i, v),
            None => d.borrow_mut().insert_new(h, k, v),
        }
        Ok(())
    }

    /// Insert into a dict not yet shared with Python code.
    pub fn dict_set(&mut self, d: &mut PyDict, k: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&k)?;
        let cands = d.candidates(h);
        for (i, ck) in cands {
            if self.eq(&ck, &k)? {
                d.set_slot(i, v);
                return Ok(());
            }
        }
        d.insert_new(h, k, v);
        Ok(())
    }

    pub fn dict_remove(&mut self, d: &DictRef, k: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(k)?;
        Ok(match self.find_key(d, k, h)? {
            Some(i) => d.borrow_mut().remove_slot(i).map(|e| e.1),
            None => None,
        })
    }

    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let d = Rc::new(RefCell::new(PyDict::new_set()));
        for v in items {
            self.set_add(&d, v)?;
        }
        Ok(Value::Set(d))
    }

    pub fn set_add(&mut self, d: &DictRef, v: Value) -> PyResult<()> {
        let h = self.hash(&v)?;
        if self.find_key(d, &v, h)?.is_none() {
            d.borrow_mut().insert_new(h, v, Value::None);
        }
        Ok(())
    }

    // ----- containers -----

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.chars().count(),
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => d.borrow().len(),
            Value::DictView(d) => d.0.borrow().len(),
            Value::Range(r) => crate::object::iter::range_len(r.0, r.1, r.2) as usize,
            Value::Native(n) => {
                let n = n.clone();
                match n.len(self, v)? {
                    Some(l) => l,
                    None => {
                        return Err(type_error(format!(
                            "object of type '{}' has no len()",
                            v.type_name()
                        )))
                    }
                }
            }
            Value::Instance(_) | Value::Class(_) => match self.lookup_special(v, "__len__")? {
                Some(m) if !matches!(m, Value::Method(ref mm) if matches!(mm.1, Value::Builtin(_)) && base_value(v).is_some()) =>
                {
                    let r = self.call(&m, vec![], vec![])?;
                    match as_int(&r) {
                        Some(i) if i >= 0 => i as usize,
                        Some(_) => return Err(value_error("__len__() should return >= 0")),
                        None => {
                            return Err(type_error(format!(
                                "'{}' object cannot be interpreted as an integer",
                                r.type_name()
                            )))
                        }
                    }
                }
                _ => match base_value(v) {
                    Some(b) => self.len(&b)?,
                    None => {
                        return Err(type_error(format!(
                            "object of type '{}' has no len()",
                            v.type_name()
                        )))
                    }
                },
            },
            _ => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    v.type_name()
                )))
            }
        })
    }

    pub fn contains(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        match c {
            Value::Str(s) => match item {
                Value::Str(x) => Ok(s.contains(&**x)),
                _ => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::Bytes(b) => match item {
                Value::Bytes(x) => Ok(x.is_empty() || b.windows(x.len()).any(|w| w == &**x)),
                Value::Int(i) => Ok(b.contains(&(*i as u8))),
                _ => Err(type_error("a bytes-like object is required")),
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                for x in items.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => {
                if matches!(c, Value::Set(_) | Value::FrozenSet(_)) {
                    if let Value::Set(s) = item {
                        let fz = Value::FrozenSet(s.clone());
                        return self.dict_contains(d, &fz);
                    }
                }
                self.dict_contains(d, item)
            }
            Value::DictView(v) if v.1 == ViewKind::Keys => {
                let d = v.0.clone();
                self.dict_contains(&d, item)
            }
            Value::Range(r) => match as_int(item) {
                Some(i) => {
                    let (start, stop, step) = (r.0, r.1, r.2);
                    let inr = if step > 0 {
                        i >= start && i < stop
                    } else {
                        i <= start && i > stop
                    };
                    Ok(inr && (i - start) % step == 0)
                }
                None => self.contains_by_iter(c, item),
            },
            Value::Native(n) => {
                let n = n.clone();
                match n.contains(self, c, item)? {
                    Some(b) => Ok(b),
                    None => self.contains_by_iter(c, item),
                }
            }
            Value::Instance(_) | Value::Class(_) => match self.user_special(c, "__contains__")? {
                Some(m) => {
                    let r = self.call(&m, vec![item.clone()], vec![])?;
                    self.truthy(&r)
                }
                None => match base_value(c) {
                    Some(b) => self.contains(&b, item),
                    None => self.contains_by_iter(c, item),
                },
            },
            _ => self.contains_by_iter(c, item),
        }
    }

    fn contains_by_iter(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        let it = self.iter(c).map_err(|e| {
            if e.is_instance_of("TypeError") {
                type_error(format!(
                    "argument of type '{}' is not iterable",
                    c.type_name()
                ))
            } else {
                e
            }
        })?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub(crate) fn index_of(&mut self, idx: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match as_int(idx) {
            Some(i) => i,
            None => match self.index_value(idx)? {
                Some(i) => i,
                None => {
                    if what == "string" {
                        return Err(type_error(format!(
                            "string indices must be integers, not '{}'",
                            idx.type_name()
                        )));
                    }
                    return Err(type_error(format!(
                        "{what} indices must be integers or slices, not {}",
                        idx.type_name()
                    )));
                }
            },
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(index_error(format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    /// `__index__` of a user object.
    pub(crate) fn index_value(&mut self, v: &Value) -> PyResult<Option<i64>> {
        if let Some(i) = as_int(v) {
            return Ok(Some(i));
        }
        if let Value::Instance(_) = v {
            if let Some(b) = base_value(v) {
                return Ok(as_int(&b));
            }
            if let Some(m) = self.user_special(v, "__index__")? {
                let r = self.call(&m, vec![], vec![])?;
                return Ok(as_int(&r));
            }
        }
        Ok(None)
    }

    pub fn getitem(&mut self, o: &Value, k: Value) -> PyResult<Value> {
        match o {
            Value::List(l) => {
                if let Value::Slice(s) = &k {
                    let items = l.borrow().clone();
                    let idx = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(
                        idx.into_iter().map(|i| items[i].clone()).collect(),
                    ));
                }
                let len = l.borrow().len();
                let i = self.index_of(&k, len, "list")?;
                Ok(l.borrow()[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = &k {
                    let idx = self.slice_indices(s, t.len())?;
                    return Ok(Value::tuple(
                        idx.into_iter().map(|i| t[i].clone()).collect(),
                    ));
                }
                let i = self.index_of(&k, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                if let Value::Slice(sl) = &k {
                    let idx = self.slice_indices(sl, chars.len())?;
                    return Ok(Value::str(
                        &idx.into_iter().map(|i| chars[i]).collect::<String>(),
                    ));
                }
                let i = self.index_of(&k, chars.len(), "string")?;
                Ok(Value::str(&chars[i].to_string()))
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = &k {
                    let idx = self.slice_indices(sl, b.len())?;
                    return Ok(Value::Bytes(Rc::from(
                        idx.into_iter().map(|i| b[i]).collect::<Vec<u8>>(),
                    )));
                }
                let i = self.index_of(&k, b.len(), "index")?;
                Ok(Value::Int(b[i] as i64))
            }
            Value::Range(r) => {
                let len = crate::object::iter::range_len(r.0, r.1, r.2) as usize;
                if let Value::Slice(sl) = &k {
                    let (start, stop, step) = self.slice_bounds(sl, len)?;
                    let n = crate::object::iter::range_len(start, stop, step);
                    let _ = n;
                    // CPython: start/stop of the new range are the old
                    // range's values at the slice's start and stop indices.
                    let at = |i: i64| r.2.checked_mul(i).and_then(|x| x.checked_add(r.0));
                    let (Some(first), Some(last), Some(nstep)) =
                        (at(start), at(stop), r.2.checked_mul(step))
                    else {
                        return Err(PyErr::new("OverflowError", "range slice out of bounds"));
                    };
                    return Ok(Value::Range(Rc::new((first, last, nstep))));
                }
                let i = self.index_of(&k, len, "range object")?;
                Ok(Value::Int(r.0 + r.2 * i as i64))
            }
            Value::Dict(d) => match self.dict_get(d, &k)? {
                Some(v) => Ok(v),
                None => Err(key_error(k)),
            },
            Value::Native(n) => {
                let n = n.clone();
                match n.getitem(self, o, k)? {
                    Some(v) => Ok(v),
                    None => Err(type_error(format!(
                        "'{}' object is not subscriptable",
                        o.type_name()
                    ))),
                }
            }
            Value::Instance(_) => {
                if let Some(m) = self.user_special(o, "__getitem__")? {
                    return self.call(&m, vec![k], vec![]);
                }
                if let Some(b) = base_value(o) {
                    return match self.getitem(&b, k.clone()) {
                        Err(e) if e.is_instance_of("KeyError") && matches!(b, Value::Dict(_)) => {
                            match self.user_special(o, "__missing__")? {
                                Some(m) => self.call(&m, vec![k], vec![]),
                                None => Err(e),
                            }
                        }
                        r => r,
                    };
                }
                Err(type_error(format!(
                    "'{}' object is not subscriptable",
                    o.type_name()
                )))
            }
            Value::Class(c) => {
                if let Some(meta) = c.metaclass() {
                    if let Some(f) = meta.lookup("__getitem__") {
                        let m = self.bind(&f, o, &Value::Class(meta))?;
                        return self.call(&m, vec![k], vec![]);
                    }
                }
                if let Some(m) = self.getattr_opt(o, "__class_getitem__")? {
                    return self.call(&m, vec![k], vec![]);
                }
                if c.builtin
                    && ["list", "dict", "tuple", "set", "frozenset", "type"].contains(&&*c.name())
                {
                    return crate::modules::typing::generic_alias(self, o.clone(), k);
                }
                Err(type_error(format!(
                    "type '{}' is not subscriptable",
                    c.name()
                )))
            }
            _ => Err(type_error(format!(
                "'{}' object is not subscriptable",
                o.type_name()
            ))),
        }
    }

    pub fn setitem(&mut self, o: &Value, k: Value, v: Value) -> PyResult<()> {
        match o {
            Value::List(l) => {
                if let Value::Slice(s) = &k {
                    let new = self.collect_iter(&v)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_bounds(s, len)?;
                    if step == 1 {
                        let stop = stop.max(start);
                        l.borrow_mut().splice(start as usize..stop as usize, new);
                    } else {
                        let idx = self.slice_indices(s, len)?;
                        if idx.len() != new.len() {
                            return Err(value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new.len(),
                                idx.len()
                            )));
                        }
                        for (i, x) in idx.into_iter().zip(new) {
                            l.borrow_mut()[i] = x;
                        }
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.index_of(&k, len, "list assignment")?;
                l.borrow_mut()[i] = v;
                Ok(())
            }
            Value::Dict(d) => self.dict_setitem(d, k, v),
            Value::Native(n) => {
                let n = n.clone();
                if n.setitem(self, o, k, v)? {
                    Ok(())
                } else {
                    Err(type_error(format!(
                        "'{}' object does not support item assignment",
                        o.type_name()
                    )))
                }
            }
            Value::Instance(_) => {
                if let Some(m) = self.user_special(o, "__setitem__")? {
                    self.call(&m, vec![k, v], vec![])?;
                    return Ok(());
                }
                if let Some(b) = base_value(o) {
                    return self.setitem(&b, k, v);
                }
                Err(type_error(format!(
                    "'{}' object does not support item assignment",
                    o.type_name()
                )))
            }
            _ => Err(type_error(format!(
                "'{}' object does not support item assignment",
                o.type_name()
            ))),
        }
    }

    pub fn delitem(&mut self, o: &Value, k: Value) -> PyResult<()> {
        match o {
            Value::List(l) => {
                if let Value::Slice(s) = &k {
                    let len = l.borrow().len();
                    let mut idx = self.slice_indices(s, len)?;
                    idx.sort_unstable();
                    for i in idx.into_iter().rev() {
                        l.borrow_mut().remove(i);
                    }
                    return Ok(());
                }
                let len = l.borrow().len();
                let i = self.index_of(&k, len, "list assignment")?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => match self.dict_remove(d, &k)? {
                Some(_) => Ok(()),
                None => Err(key_error(k)),
            },
            Value::Instance(_) => {
                if let Some(m) = self.user_special(o, "__delitem__")? {
                    self.call(&m, vec![k], vec![])?;
                    return Ok(());
                }
                if let Some(b) = base_value(o) {
                    return self.delitem(&b, k);
                }
                Err(type_error(format!(
                    "'{}' object doesn't support item deletion",
                    o.type_name()
                )))
            }
            _ => Err(type_error(format!(
                "'{}' object doesn't support item deletion",
                o.type_name()
            ))),
        }
    }

    pub(crate) fn slice_bounds(&mut self, s: &[Value; 3], len: usize) -> PyResult<(i64, i64, i64)> {
        let len = len as i64;
        let get = |me: &mut Self, v: &Value| -> PyResult<Option<i64>> {
            match v {
                Value::None => Ok(None),
                other => match me.index_value(other)? {
                    Some(i) => Ok(Some(i)),
                    None => Err(type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                },
            }
        };
        let step = get(self, &s[2])?.unwrap_or(1);
        if step == 0 {
            return Err(value_error("slice step cannot be zero"));
        }
        let clamp = |v: Option<i64>, def: i64| -> i64 {
            match v {
                None => def,
                Some(mut i) => {
                    if i < 0 {
                        i += len;
                        if i < 0 {
                            i = if step < 0 { -1 } else { 0 };
                        }
                    } else if i >= len {
                        i = if step < 0 { len - 1 } else { len };
                    }
                    i
                }
            }
        };
        let start = clamp(get(self, &s[0])?, if step < 0 { len - 1 } else { 0 });
        let stop = clamp(get(self, &s[1])?, if step < 0 { -1 } else { len });
        Ok((start, stop, step))
    }

    pub(crate) fn slice_indices(&mut self, s: &[Value; 3], len: usize) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_bounds(s, len)?;
        let mut out = Vec::new();
        let mut i = start;
        if step > 0 {
            while i < stop {
                out.push(i as usize);
                i += step;
            }
        } else {
            while i > stop {
                out.push(i as usize);
                i += step;
            }
        }
        Ok(out)
    }

    // ----- iteration -----

    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let it = match v {
            Value::List(_) | Value::Tuple(_) | Value::Bytes(_) => NativeIter::Seq {
                seq: v.clone(),
                index: 0,
            },
            Value::Str(s) => NativeIter::Chars {
                s: s.clone(),
                pos: 0,
            },
            Value::Range(r) => NativeIter::Range {
                cur: r.0,
                stop: r.1,
                step: r.2,
            },
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => NativeIter::DictKeys {
                dict: d.clone(),
                index: 0,
                kind: ViewKind::Keys,
                len: d.borrow().len(),
            },
            Value::DictView(dv) => NativeIter::DictKeys {
                dict: dv.0.clone(),
                index: 0,
                kind: dv.1,
                len: dv.0.borrow().len(),
            },
            Value::Generator(_) | Value::Iter(_) => return Ok(v.clone()),
            Value::Native(n) => {
                let n = n.clone();
                return match n.iter(self, v)? {
                    Some(it) => Ok(it),
                    None => Err(type_error(format!(
                        "'{}' object is not iterable",
                        v.type_name()
                    ))),
                };
            }
            Value::Instance(_) | Value::Class(_) => {
                if let Some(m) = self.user_special(v, "__iter__")? {
                    let it = self.call(&m, vec![], vec![])?;
                    if matches!(it, Value::Instance(_))
                        && self.lookup_special(&it, "__next__")?.is_none()
                    {
                        return Err(type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            it.type_name()
                        )));
                    }
                    return Ok(it);
                }
                if let Value::Class(c) = v {
                    if let Some(meta) = c.metaclass() {
                        if let Some(f) = meta.lookup("__iter__") {
                            let m = self.bind(&f, v, &Value::Class(meta))?;
                            return self.call(&m, vec![], vec![]);
                        }
                    }
                    return Err(type_error("'type' object is not iterable".to_string()));
                }
                if let Some(b) = base_value(v) {
                    return self.iter(&b);
                }
                if self.user_special(v, "__getitem__")?.is_some() {
                    NativeIter::Seq {
                        seq: v.clone(),
                        index: 0,
                    }
                } else {
                    return Err(type_error(format!(
                        "'{}' object is not iterable",
                        v.type_name()
                    )));
                }
            }
            _ => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    v.type_name()
                )))
            }
        };
        Ok(Value::Iter(Rc::new(RefCell::new(it))))
    }

    /// The next item, or `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(i) => crate::object::iter::step(self, i),
            Value::Generator(g) => {
                let g = g.clone();
                match self.gen_send(&g, Value::None)? {
                    crate::vm::call::GenStep::Yield(v) => Ok(Some(v)),
                    crate::vm::call::GenStep::Return(_) => Ok(None),
                }
            }
            Value::Native(n) => {
                let n = n.clone();
                n.next(self, it)
            }
            _ => match self.lookup_special(it, "__next__")? {
                Some(m) => match self.call(&m, vec![], vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is_instance_of("StopIteration") => Ok(None),
                    Err(e) => Err(e),
                },
                None => Err(type_error(format!(
                    "'{}' object is not an iterator",
                    it.type_name()
                ))),
            },
        }
    }

    pub fn collect_iter(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
            if out.len() > self.config.max_alloc {
                return Err(PyErr::bare("MemoryError"));
            }
        }
        Ok(out)
    }

    pub(crate) fn unpack(
        &mut self,
        v: &Value,
        n: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            _ => {
                let it = self.iter(v).map_err(|e| {
                    if e.is_instance_of("TypeError") {
                        type_error(format!(
                            "cannot unpack non-iterable {} object",
                            v.type_name()
                        ))
                    } else {
                        e
                    }
                })?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if after.is_none() && out.len() > n {
                        break;
                    }
                }
                out
            }
        };
        match after {
            None => {
                if items.len() < n {
                    return Err(value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        items.len()
                    )));
                }
                if items.len() > n {
                    return Err(value_error(format!(
                        "too many values to unpack (expected {n})"
                    )));
                }
                Ok(items)
            }
            Some(a) => {
                if items.len() < n + a {
                    return Err(value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n + a,
                        items.len()
                    )));
                }
                let mut out: Vec<Value> = items[..n].to_vec();
                out.push(Value::list(items[n..items.len() - a].to_vec()));
                out.extend(items[items.len() - a..].iter().cloned());
                Ok(out)
            }
        }
    }
}
