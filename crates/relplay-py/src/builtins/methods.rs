//! Methods of str, list, dict, set, tuple, bytes, int and float.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::args::{arity, parse};
use crate::builtins::method;
use crate::object::class::{base_value, types, Class};
use crate::object::dict::PyDict;
use crate::value::{DictRef, PyErr, PyResult, Value, ViewKind};
use crate::vm::call::Kw;
use crate::vm::exc::{index_error, key_error, type_error, value_error};
use crate::vm::ops::as_int;
use crate::vm::Interpreter;

type M = fn(&mut Interpreter, Vec<Value>, Kw) -> PyResult<Value>;

fn add(c: &Rc<Class>, name: &str, f: M) {
    let owner = c.name();
    c.dict.borrow_mut().set_str(name, method(&owner, name, f));
}

fn this_str(a: &[Value]) -> PyResult<Rc<str>> {
    match a.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(v) => match base_value(v) {
            Some(Value::Str(s)) => Ok(s),
            _ => Err(type_error("descriptor requires a 'str' object")),
        },
        None => Err(type_error("descriptor requires a 'str' object")),
    }
}
fn this_list(a: &[Value]) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match a.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        Some(v) => match base_value(v) {
            Some(Value::List(l)) => Ok(l),
            _ => Err(type_error("descriptor requires a 'list' object")),
        },
        None => Err(type_error("descriptor requires a 'list' object")),
    }
}
fn this_dict(a: &[Value]) -> PyResult<DictRef> {
    match a.first() {
        Some(Value::Dict(d)) | Some(Value::Set(d)) | Some(Value::FrozenSet(d)) => Ok(d.clone()),
        Some(v) => match base_value(v) {
            Some(Value::Dict(d)) | Some(Value::Set(d)) => Ok(d),
            _ => Err(type_error(format!(
                "descriptor requires a 'dict' object but received '{}'",
                v.type_name()
            ))),
        },
        None => Err(type_error("descriptor requires a 'dict' object")),
    }
}
fn arg_str(a: &[Value], i: usize, what: &str) -> PyResult<Option<Rc<str>>> {
    match a.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(v) => Err(type_error(format!(
            "{what} arg must be None or str, not {}",
            v.type_name()
        ))),
    }
}
fn need_str(a: &[Value], i: usize, fname: &str) -> PyResult<Rc<str>> {
    match a.get(i) {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(v) => Err(type_error(format!(
            "{fname}() argument must be str, not {}",
            v.type_name()
        ))),
        None => Err(type_error(format!(
            "{fname}() takes at least 1 argument (0 given)"
        ))),
    }
}

fn strs(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(|s| Value::str(&s)).collect())
}

fn stop_iteration(v: Value) -> PyErr {
    let args = if v.is_none() { vec![] } else { vec![v] };
    PyErr::from_class(&types().exc("StopIteration"), args)
}

fn this_gen(a: &[Value]) -> PyResult<Rc<RefCell<crate::value::Generator>>> {
    match a.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(type_error("descriptor requires a 'generator' object")),
    }
}

/// `next(gen)` / `gen.send(v)`: StopIteration carries the return value.
pub fn gen_step(
    i: &mut Interpreter,
    g: &Rc<RefCell<crate::value::Generator>>,
    v: Value,
) -> PyResult<Value> {
    match i.gen_send(g, v)? {
        crate::vm::call::GenStep::Yield(v) => Ok(v),
        crate::vm::call::GenStep::Return(v) => Err(stop_iteration(v)),
    }
}

fn install_generator(c: &Rc<Class>) {
    add(c, "send", |i, a, _| {
        arity("send", &a, 2, 2)?;
        let g = this_gen(&a)?;
        gen_step(i, &g, a[1].clone())
    });
    add(c, "__next__", |i, a, _| {
        let g = this_gen(&a)?;
        gen_step(i, &g, Value::None)
    });
    add(c, "__iter__", |_, a, _| Ok(a[0].clone()));
    add(c, "throw", |i, a, _| {
        arity("throw", &a, 2, 4)?;
        let g = this_gen(&a)?;
        let e = i.make_exception(a[1].clone())?;
        match i.gen_throw(&g, e)? {
            crate::vm::call::GenStep::Yield(v) => Ok(v),
            crate::vm::call::GenStep::Return(v) => Err(stop_iteration(v)),
        }
    });
    add(c, "close", |i, a, _| {
        let g = this_gen(&a)?;
        i.gen_close(&g)?;
        Ok(Value::None)
    });
}

pub fn install() {
    let t = types();
    install_generator(&t.generator);
    install_str(&t.str_);
    install_list(&t.list);
    install_dict(&t.dict);
    install_set(&t.set);
    install_set(&t.frozenset);
    add(&t.tuple, "index", |i, a, _| {
        arity("index", &a, 2, 2)?;
        let items = i.collect_iter(&a[0])?;
        for (n, x) in items.iter().enumerate() {
            if i.eq(x, &a[1])? {
                return Ok(Value::Int(n as i64));
            }
        }
        Err(value_error("tuple.index(x): x not in tuple"))
    });
    add(&t.tuple, "count", |i, a, _| {
        arity("count", &a, 2, 2)?;
        let items = i.collect_iter(&a[0])?;
        let mut n = 0;
        for x in items.iter() {
            if i.eq(x, &a[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    add(&t.bytes, "decode", |i, a, k| {
        let Some(Value::Bytes(b)) = a.first() else {
            return Err(type_error("descriptor 'decode' requires a 'bytes' object"));
        };
        let b = b.clone();
        let p = parse("decode", a[1..].to_vec(), k, &["encoding", "errors"], 0)?;
        bytes_decode(i, &b, &p[0], &p[1])
    });
    add(&t.int, "bit_length", |_, a, _| {
        match a.first().and_then(crate::object::int::as_big) {
            Some(b) => Ok(Value::Int(b.bit_length() as i64)),
            None => Err(type_error(
                "descriptor 'bit_length' requires an 'int' object",
            )),
        }
    });
    install_numeric(&t);
    install_bytes(&t.bytes);
    add(&t.int, "__index__", |_, a, _| {
        Ok(Value::Int(as_int(&a[0]).unwrap_or(0)))
    });
    add(&t.float, "is_integer", |_, a, _| match a.first() {
        Some(Value::Float(f)) => Ok(Value::Bool(f.fract() == 0.0)),
        _ => Ok(Value::Bool(false)),
    });
    add(&t.dict_keys, "isdisjoint", |i, a, _| {
        arity("isdisjoint", &a, 2, 2)?;
        let other = i.collect_iter(&a[1])?;
        for x in other {
            if i.contains(&a[0], &x)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
}

fn this_float(a: &[Value], name: &str) -> PyResult<f64> {
    match a.first() {
        Some(Value::Float(f)) => Ok(*f),
        Some(v) => match base_value(v) {
            Some(Value::Float(f)) => Ok(f),
            _ => Err(type_error(format!(
                "descriptor '{name}' for 'float' objects doesn't apply to a '{}' object",
                v.type_name()
            ))),
        },
        None => Err(type_error(format!(
            "unbound method float.{name}() needs an argument"
        ))),
    }
}

fn byteorder(v: Option<Value>) -> PyResult<bool> {
    match v {
        None => Ok(true),
        Some(Value::Str(s)) if &*s == "big" => Ok(true),
        Some(Value::Str(s)) if &*s == "little" => Ok(false),
        Some(Value::Str(_)) => Err(value_error("byteorder must be either 'little' or 'big'")),
        Some(v) => Err(type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            v.type_name()
        ))),
    }
}

/// `float.as_integer_ratio`, `hex`, `fromhex`; `int.to_bytes`, `from_bytes`,
/// `as_integer_ratio`; `slice.indices`.
fn install_numeric(t: &crate::object::class::Types) {
    use crate::object::bigint::BigInt;
    use crate::object::int::{as_big, int_value};
    add(&t.float, "as_integer_ratio", |_, a, _| {
        arity("as_integer_ratio", &a, 1, 1)?;
        let x = this_float(&a, "as_integer_ratio")?;
        if x.is_infinite() {
            return Err(PyErr::new(
                "OverflowError",
                "cannot convert Infinity to integer ratio",
            ));
        }
        if x.is_nan() {
            return Err(value_error("cannot convert NaN to integer ratio"));
        }
        if x == 0.0 {
            return Ok(Value::tuple(vec![Value::Int(0), Value::Int(1)]));
        }
        let bits = x.to_bits();
        let exp_bits = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1u64 << 52) - 1);
        let (mut m, mut e) = if exp_bits == 0 {
            (frac, -1074)
        } else {
            (frac | (1u64 << 52), exp_bits - 1075)
        };
        while m & 1 == 0 && e < 0 {
            m >>= 1;
            e += 1;
        }
        let mut num = BigInt::from_i64(m as i64);
        if x < 0.0 {
            num = num.neg();
        }
        let two = BigInt::from_i64(2);
        let (n, d) = if e >= 0 {
            (num.mul(&two.pow(e as u64)), BigInt::from_i64(1))
        } else {
            (num, two.pow((-e) as u64))
        };
        Ok(Value::tuple(vec![int_value(n), int_value(d)]))
    });
    add(&t.float, "hex", |_, a, _| {
        arity("hex", &a, 1, 1)?;
        Ok(Value::str(&crate::format::num::float_hex(this_float(
            &a, "hex",
        )?)))
    });
    t.float.dict.borrow_mut().set_str(
        "fromhex",
        Value::ClassMethod(Rc::new(method("float", "fromhex", |i, a, _| {
            arity("fromhex", &a, 2, 2)?;
            let s = match &a[1] {
                Value::Str(s) => s.clone(),
                v => {
                    return Err(type_error(format!(
                        "fromhex() argument must be str, not {}",
                        v.type_name()
                    )))
                }
            };
            let f = match crate::format::num::float_fromhex(&s) {
                Ok(f) => f,
                Err(m) if m.contains("too large") => return Err(PyErr::new("OverflowError", m)),
                Err(m) => return Err(value_error(m)),
            };
            match &a[0] {
                Value::Class(c) if !std::ptr::eq(&**c, &*types().float) => {
                    let cls = a[0].clone();
                    i.call(&cls, vec![Value::Float(f)], vec![])
                }
                _ => Ok(Value::Float(f)),
            }
        }))),
    );
    add(&t.int, "as_integer_ratio", |_, a, _| {
        arity("as_integer_ratio", &a, 1, 1)?;
        let v = a
            .first()
            .and_then(as_big)
            .map(int_value)
            .unwrap_or(Value::Int(0));
        Ok(Value::tuple(vec![v, Value::Int(1)]))
    });
    add(&t.int, "to_bytes", |i, a, k| {
        let mut a = a;
        let this = if a.is_empty() {
            None
        } else {
            Some(a.remove(0))
        };
        let Some(n) = this.as_ref().and_then(as_big) else {
            return Err(type_error("descriptor 'to_bytes' requires an 'int' object"));
        };
        let p = parse("to_bytes", a, k, &["length", "byteorder", "signed"], 0)?;
        let length = match &p[0] {
            None => 1,
            Some(v) => match as_int(v) {
                Some(l) if l < 0 => {
                    return Err(value_error("length argument must be non-negative"))
                }
                Some(l) => l as usize,
                None => {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        v.type_name()
                    )))
                }
            },
        };
        i.check_alloc(length)?;
        let big = byteorder(p[1].clone())?;
        let signed = match &p[2] {
            Some(v) => i.truthy(v)?,
            None => false,
        };
        if n.is_neg() && !signed {
            return Err(PyErr::new(
                "OverflowError",
                "can't convert negative int to unsigned",
            ));
        }
        // Two's complement of a negative value: n + 256**length.
        let bits = n.bit_length();
        let fits = if signed {
            // -2**(8L-1) <= n < 2**(8L-1)
            let lim = BigInt::from_i64(2).pow((8 * length as u64).saturating_sub(1));
            length > 0
                && n.compare(&lim) == std::cmp::Ordering::Less
                && n.neg().compare(&lim) != std::cmp::Ordering::Greater
        } else {
            bits <= 8 * length
        };
        if !(fits || length == 0 && n.is_zero()) {
            return Err(PyErr::new("OverflowError", "int too big to convert"));
        }
        let u = if n.is_neg() {
            n.add(&BigInt::from_i64(256).pow(length as u64))
        } else {
            n
        };
        let hex = u.mag_radix(16);
        let hex = if hex.len() % 2 == 1 {
            format!("0{hex}")
        } else {
            hex
        };
        let mut bytes: Vec<u8> = (0..hex.len() / 2)
            .filter_map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok())
            .collect();
        while bytes.len() > 1 && bytes[0] == 0 {
            bytes.remove(0);
        }
        if u.is_zero() {
            bytes.clear();
        }
        let mut out = vec![0u8; length.saturating_sub(bytes.len())];
        out.extend(bytes);
        if !big {
            out.reverse();
        }
        Ok(Value::Bytes(Rc::from(out)))
    });
    t.int.dict.borrow_mut().set_str(
        "from_bytes",
        Value::ClassMethod(Rc::new(method("int", "from_bytes", |i, a, k| {
            let mut a = a;
            let cls = if a.is_empty() {
                Value::None
            } else {
                a.remove(0)
            };
            let p = parse("from_bytes", a, k, &["bytes", "byteorder", "signed"], 1)?;
            let src = p[0].clone().unwrap_or(Value::None);
            let data: Vec<u8> = match &src {
                Value::Bytes(b) => b.to_vec(),
                other => {
                    let mut out = Vec::new();
                    for x in i.collect_iter(other)? {
                        match as_int(&x) {
                            Some(b) if (0..256).contains(&b) => out.push(b as u8),
                            Some(_) => return Err(value_error("bytes must be in range(0, 256)")),
                            None => {
                                return Err(type_error(format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    x.type_name()
                                )))
                            }
                        }
                    }
                    out
                }
            };
            let big = byteorder(p[1].clone())?;
            let signed = match &p[2] {
                Some(v) => i.truthy(v)?,
                None => false,
            };
            let mut ordered = data.clone();
            if !big {
                ordered.reverse();
            }
            let b256 = BigInt::from_i64(256);
            let mut n = BigInt::zero();
            for b in &ordered {
                n = n.mul(&b256).add(&BigInt::from_i64(*b as i64));
            }
            if signed && ordered.first().is_some_and(|b| b & 0x80 != 0) {
                n = n.sub(&b256.pow(ordered.len() as u64));
            }
            let v = int_value(n);
            match &cls {
                Value::Class(c) if !std::ptr::eq(&**c, &*types().int) => {
                    i.call(&cls, vec![v], vec![])
                }
                _ => Ok(v),
            }
        }))),
    );
    add(&t.slice, "indices", |i, a, _| {
        arity("indices", &a, 2, 2)?;
        let Some(Value::Slice(sl)) = a.first() else {
            return Err(type_error("descriptor 'indices' requires a 'slice' object"));
        };
        let len = match i.index_value(&a[1])? {
            Some(n) if n < 0 => return Err(value_error("length should not be negative")),
            Some(n) => n as usize,
            None => {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    a[1].type_name()
                )))
            }
        };
        let (start, stop, step) = i.slice_bounds(sl, len)?;
        Ok(Value::tuple(vec![
            Value::Int(start),
            Value::Int(stop),
            Value::Int(step),
        ]))
    });
}

fn this_bytes(a: &[Value], name: &str) -> PyResult<Rc<[u8]>> {
    match a.first() {
        Some(Value::Bytes(b)) => Ok(b.clone()),
        Some(v) => match base_value(v) {
            Some(Value::Bytes(b)) => Ok(b),
            _ => Err(type_error(format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
                v.type_name()
            ))),
        },
        None => Err(type_error(format!(
            "unbound method bytes.{name}() needs an argument"
        ))),
    }
}

/// A bytes-like argument (`bytes`), or a TypeError naming the method.
fn bytes_arg(v: &Value, what: &str) -> PyResult<Rc<[u8]>> {
    match v {
        Value::Bytes(b) => Ok(b.clone()),
        other => match base_value(other) {
            Some(Value::Bytes(b)) => Ok(b),
            _ => Err(type_error(format!(
                "{what}a bytes-like object is required, not '{}'",
                other.type_name()
            ))),
        },
    }
}

fn bytes_val(v: Vec<u8>) -> Value {
    Value::Bytes(Rc::from(v))
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn bytes_find(h: &[u8], n: &[u8], from: usize, to: usize) -> Option<usize> {
    if to < from || to - from < n.len() {
        return None;
    }
    (from..=to - n.len()).find(|&i| &h[i..i + n.len()] == n)
}

/// start/end arguments of find/count, clamped like CPython's ADJUST_INDICES.
fn bytes_range(a: &[Value], i: usize, len: usize) -> (usize, usize) {
    let (s, e) = crate::format::strmethods::adjust_indices(opt_int(a, i), opt_int(a, i + 1), len);
    (s.max(0) as usize, (e.max(0) as usize).min(len))
}

fn install_bytes(c: &Rc<Class>) {
    add(c, "split", |_, a, k| {
        let b = this_bytes(&a, "split")?;
        let p = parse("split", a[1..].to_vec(), k, &["sep", "maxsplit"], 0)?;
        let maxsplit = p[1].as_ref().and_then(as_int).unwrap_or(-1);
        let mut out: Vec<Value> = Vec::new();
        match &p[0] {
            None | Some(Value::None) => {
                let mut i = 0;
                let mut splits = 0;
                loop {
                    while i < b.len() && is_ascii_space(b[i]) {
                        i += 1;
                    }
                    if i >= b.len() {
                        break;
                    }
                    if maxsplit >= 0 && splits >= maxsplit {
                        out.push(bytes_val(b[i..].to_vec()));
                        break;
                    }
                    let start = i;
                    while i < b.len() && !is_ascii_space(b[i]) {
                        i += 1;
                    }
                    out.push(bytes_val(b[start..i].to_vec()));
                    splits += 1;
                }
            }
            Some(v) => {
                let sep = bytes_arg(v, "")?;
                if sep.is_empty() {
                    return Err(value_error("empty separator"));
                }
                let mut start = 0;
                let mut splits = 0;
                while maxsplit < 0 || splits < maxsplit {
                    match bytes_find(&b, &sep, start, b.len()) {
                        Some(j) => {
                            out.push(bytes_val(b[start..j].to_vec()));
                            start = j + sep.len();
                            splits += 1;
                        }
                        None => break,
                    }
                }
                out.push(bytes_val(b[start..].to_vec()));
            }
        }
        Ok(Value::list(out))
    });
    fn strip_impl(a: Vec<Value>, name: &str, left: bool, right: bool) -> PyResult<Value> {
        let b = this_bytes(&a, name)?;
        let chars: Option<Rc<[u8]>> = match a.get(1) {
            None | Some(Value::None) => None,
            Some(v) => Some(bytes_arg(v, "")?),
        };
        let keep = |x: u8| match &chars {
            None => is_ascii_space(x),
            Some(cs) => cs.contains(&x),
        };
        let mut s = 0;
        let mut e = b.len();
        if left {
            while s < e && keep(b[s]) {
                s += 1;
            }
        }
        if right {
            while e > s && keep(b[e - 1]) {
                e -= 1;
            }
        }
        Ok(bytes_val(b[s..e].to_vec()))
    }
    add(c, "strip", |_, a, _| strip_impl(a, "strip", true, true));
    add(c, "lstrip", |_, a, _| strip_impl(a, "lstrip", true, false));
    add(c, "rstrip", |_, a, _| strip_impl(a, "rstrip", false, true));
    add(c, "upper", |_, a, _| {
        Ok(bytes_val(this_bytes(&a, "upper")?.to_ascii_uppercase()))
    });
    add(c, "lower", |_, a, _| {
        Ok(bytes_val(this_bytes(&a, "lower")?.to_ascii_lowercase()))
    });
    add(c, "hex", |_, a, _| {
        let b = this_bytes(&a, "hex")?;
        Ok(Value::str(
            &b.iter().map(|x| format!("{x:02x}")).collect::<String>(),
        ))
    });
    fn find_impl(a: &[Value], name: &str) -> PyResult<i64> {
        let b = this_bytes(a, name)?;
        let n: Vec<u8> = match a.get(1) {
            Some(Value::Int(x)) if (0..256).contains(x) => vec![*x as u8],
            Some(Value::Int(_)) => return Err(value_error("byte must be in range(0, 256)")),
            Some(v) => bytes_arg(
                v,
                &format!(
                    "argument should be integer or bytes-like object, not '{}'",
                    v.type_name()
                ),
            )
            .map_err(|_| {
                type_error(format!(
                    "argument should be integer or bytes-like object, not '{}'",
                    v.type_name()
                ))
            })?
            .to_vec(),
            None => {
                return Err(type_error(format!(
                    "{name}() takes at least 1 argument (0 given)"
                )))
            }
        };
        let (s, e) = bytes_range(a, 2, b.len());
        Ok(bytes_find(&b, &n, s, e).map(|i| i as i64).unwrap_or(-1))
    }
    add(c, "find", |_, a, _| Ok(Value::Int(find_impl(&a, "find")?)));
    add(c, "index", |_, a, _| match find_impl(&a, "index")? {
        -1 => Err(value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    });
    add(c, "count", |_, a, _| {
        let b = this_bytes(&a, "count")?;
        let n = match a.get(1) {
            Some(Value::Int(x)) if (0..256).contains(x) => vec![*x as u8],
            Some(v) => bytes_arg(v, "argument should be integer or ")?.to_vec(),
            None => return Err(type_error("count() takes at least 1 argument (0 given)")),
        };
        let (s, e) = bytes_range(&a, 2, b.len());
        if e < s {
            return Ok(Value::Int(0));
        }
        if n.is_empty() {
            return Ok(Value::Int((e - s + 1) as i64));
        }
        let mut count = 0;
        let mut i = s;
        while let Some(j) = bytes_find(&b, &n, i, e) {
            count += 1;
            i = j + n.len();
        }
        Ok(Value::Int(count))
    });
    add(c, "replace", |_, a, _| {
        arity("replace", &a, 3, 4)?;
        let b = this_bytes(&a, "replace")?;
        let old = bytes_arg(&a[1], "")?;
        let new = bytes_arg(&a[2], "")?;
        let mut left = opt_int(&a, 3).unwrap_or(-1);
        let mut out = Vec::new();
        let mut i = 0;
        if old.is_empty() {
            for (k, x) in b.iter().enumerate() {
                if left != 0 {
                    out.extend_from_slice(&new);
                    left -= 1;
                }
                out.push(*x);
                let _ = k;
            }
            if left != 0 {
                out.extend_from_slice(&new);
            }
            return Ok(bytes_val(out));
        }
        while left != 0 {
            match bytes_find(&b, &old, i, b.len()) {
                Some(j) => {
                    out.extend_from_slice(&b[i..j]);
                    out.extend_from_slice(&new);
                    i = j + old.len();
                    left -= 1;
                }
                None => break,
            }
        }
        out.extend_from_slice(&b[i..]);
        Ok(bytes_val(out))
    });
    fn affix(i: &mut Interpreter, a: Vec<Value>, name: &str, end: bool) -> PyResult<Value> {
        let b = this_bytes(&a, name)?;
        let Some(arg) = a.get(1) else {
            return Err(type_error(format!(
                "{name}() takes at least 1 argument (0 given)"
            )));
        };
        let cands: Vec<Value> = match arg {
            Value::Tuple(t) => t.to_vec(),
            other => vec![other.clone()],
        };
        let (s, e) = bytes_range(&a, 2, b.len());
        let _ = i;
        for cnd in cands {
            let x = bytes_arg(&cnd, "").map_err(|_| {
                type_error(format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {}",
                    cnd.type_name()
                ))
            })?;
            if e < s || e - s < x.len() {
                continue;
            }
            let hit = if end {
                b[e - x.len()..e] == *x
            } else {
                b[s..s + x.len()] == *x
            };
            if hit {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    }
    add(c, "startswith", |i, a, _| affix(i, a, "startswith", false));
    add(c, "endswith", |i, a, _| affix(i, a, "endswith", true));
    add(c, "join", |i, a, _| {
        arity("join", &a, 2, 2)?;
        let sep = this_bytes(&a, "join")?;
        let items = i.collect_iter(&a[1])?;
        let mut out = Vec::new();
        for (n, x) in items.iter().enumerate() {
            if n > 0 {
                out.extend_from_slice(&sep);
            }
            let b = bytes_arg(x, "").map_err(|_| {
                type_error(format!(
                    "sequence item {n}: expected a bytes-like object, {} found",
                    x.type_name()
                ))
            })?;
            out.extend_from_slice(&b);
        }
        Ok(bytes_val(out))
    });
    c.dict.borrow_mut().set_str(
        "fromhex",
        Value::ClassMethod(Rc::new(method("bytes", "fromhex", |_, a, _| {
            arity("fromhex", &a, 2, 2)?;
            let Value::Str(s) = &a[1] else {
                return Err(type_error(format!(
                    "fromhex() argument must be str, not {}",
                    a[1].type_name()
                )));
            };
            let chars: Vec<char> = s.chars().collect();
            let mut out = Vec::new();
            let mut i = 0;
            while i < chars.len() {
                if chars[i].is_ascii_whitespace() {
                    i += 1;
                    continue;
                }
                let hi = chars[i].to_digit(16);
                let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
                match (hi, lo) {
                    (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
                    (Some(_), None) if i + 1 < chars.len() => {
                        return Err(value_error(format!(
                            "non-hexadecimal number found in fromhex() arg at position {}",
                            i + 1
                        )))
                    }
                    _ => {
                        return Err(value_error(format!(
                            "non-hexadecimal number found in fromhex() arg at position {i}"
                        )))
                    }
                }
                i += 2;
            }
            Ok(bytes_val(out))
        }))),
    );
}

/// The normalized encoding and the error handler of an encode/decode call.
fn codec_args(
    _i: &mut Interpreter,
    fname: &str,
    enc: &Option<Value>,
    errors: &Option<Value>,
) -> PyResult<(&'static str, String)> {
    let enc = match enc {
        None => "utf-8",
        Some(Value::Str(e)) => crate::format::codecs::normalize(e)
            .ok_or_else(|| PyErr::new("LookupError", format!("unknown encoding: {e}")))?,
        Some(v) => {
            return Err(type_error(format!(
                "{fname}() argument 'encoding' must be str, not {}",
                v.type_name()
            )))
        }
    };
    let errors = match errors {
        None => "strict".to_string(),
        Some(Value::Str(e)) => e.to_string(),
        Some(v) => {
            return Err(type_error(format!(
                "{fname}() argument 'errors' must be str, not {}",
                v.type_name()
            )))
        }
    };
    Ok((enc, errors))
}

fn codec_err(i: &Interpreter, (kind, msg): crate::format::codecs::CodecError) -> PyErr {
    if kind == "NotImplementedError" {
        return PyErr::new(kind, format!("{msg} (line {})", i.current_line()));
    }
    PyErr::new(kind, msg)
}

/// `bytes.decode(encoding, errors)`, also `str(b, encoding, errors)`.
pub fn bytes_decode(
    i: &mut Interpreter,
    b: &[u8],
    enc: &Option<Value>,
    errors: &Option<Value>,
) -> PyResult<Value> {
    let (enc, errors) = codec_args(i, "decode", enc, errors)?;
    crate::format::codecs::decode(b, enc, &errors)
        .map(|s| Value::str(&s))
        .map_err(|e| codec_err(i, e))
}

fn opt_int(a: &[Value], i: usize) -> Option<i64> {
    a.get(i).and_then(as_int)
}

fn install_str(c: &Rc<Class>) {
    use crate::format::strmethods as sm;
    add(c, "join", |i, a, _| {
        arity("join", &a, 2, 2)?;
        let sep = this_str(&a)?;
        let items = i.collect_iter(&a[1])?;
        let mut out = String::new();
        for (n, x) in items.iter().enumerate() {
            if n > 0 {
                out.push_str(&sep);
            }
            match x {
                Value::Str(s) => out.push_str(s),
                other => {
                    return Err(type_error(format!(
                        "sequence item {n}: expected str instance, {} found",
                        other.type_name()
                    )))
                }
            }
        }
        Ok(Value::str(&out))
    });
    add(c, "split", |_, a, k| split(a, k, false));
    add(c, "rsplit", |_, a, k| split(a, k, true));
    add(c, "strip", |_, a, _| {
        Ok(Value::str(&sm::strip(
            &this_str(&a)?,
            arg_str(&a, 1, "strip")?.as_deref(),
        )))
    });
    add(c, "lstrip", |_, a, _| {
        Ok(Value::str(&sm::lstrip(
            &this_str(&a)?,
            arg_str(&a, 1, "lstrip")?.as_deref(),
        )))
    });
    add(c, "rstrip", |_, a, _| {
        Ok(Value::str(&sm::rstrip(
            &this_str(&a)?,
            arg_str(&a, 1, "rstrip")?.as_deref(),
        )))
    });
    add(c, "upper", |_, a, _| {
        Ok(Value::str(&sm::upper(&this_str(&a)?)))
    });
    add(c, "lower", |_, a, _| {
        Ok(Value::str(&sm::lower(&this_str(&a)?)))
    });
    add(c, "casefold", |_, a, _| {
        Ok(Value::str(&sm::casefold(&this_str(&a)?)))
    });
    add(c, "swapcase", |_, a, _| {
        Ok(Value::str(&sm::swapcase(&this_str(&a)?)))
    });
    add(c, "capitalize", |_, a, _| {
        Ok(Value::str(&sm::capitalize(&this_str(&a)?)))
    });
    add(c, "title", |_, a, _| {
        Ok(Value::str(&sm::title(&this_str(&a)?)))
    });
    add(c, "startswith", |_, a, _| starts_ends(a, true));
    add(c, "endswith", |_, a, _| starts_ends(a, false));
    add(c, "replace", |i, a, _| {
        arity("replace", &a, 3, 4)?;
        let s = this_str(&a)?;
        let old = need_str(&a, 1, "replace")?;
        let new = need_str(&a, 2, "replace")?;
        if new.len() > old.len() {
            let n = if old.is_empty() {
                s.chars().count() + 1
            } else {
                s.matches(&*old).count()
            };
            i.check_alloc(s.len().saturating_add(n.saturating_mul(new.len())))?;
        }
        Ok(Value::str(&sm::replace(
            &s,
            &old,
            &new,
            opt_int(&a, 3).unwrap_or(-1),
        )))
    });
    add(c, "find", |_, a, _| {
        let s = this_str(&a)?;
        Ok(Value::Int(sm::find(
            &s,
            &need_str(&a, 1, "find")?,
            opt_int(&a, 2),
            opt_int(&a, 3),
        )))
    });
    add(c, "rfind", |_, a, _| {
        let s = this_str(&a)?;
        Ok(Value::Int(sm::rfind(
            &s,
            &need_str(&a, 1, "rfind")?,
            opt_int(&a, 2),
            opt_int(&a, 3),
        )))
    });
    add(c, "index", |_, a, _| {
        let s = this_str(&a)?;
        sm::index(
            &s,
            &need_str(&a, 1, "index")?,
            opt_int(&a, 2),
            opt_int(&a, 3),
        )
        .map(Value::Int)
        .map_err(value_error)
    });
    add(c, "rindex", |_, a, _| {
        let s = this_str(&a)?;
        sm::rindex(
            &s,
            &need_str(&a, 1, "rindex")?,
            opt_int(&a, 2),
            opt_int(&a, 3),
        )
        .map(Value::Int)
        .map_err(value_error)
    });
    add(c, "count", |_, a, _| {
        let s = this_str(&a)?;
        Ok(Value::Int(sm::count(
            &s,
            &need_str(&a, 1, "count")?,
            opt_int(&a, 2),
            opt_int(&a, 3),
        )))
    });
    add(c, "format", |i, a, k| {
        let s = this_str(&a)?;
        Ok(Value::str(&str_format(i, &s, &a[1..], &k)?))
    });
    add(c, "format_map", |i, a, _| {
        let s = this_str(&a)?;
        let m = a.get(1).cloned().unwrap_or(Value::None);
        let mut kw = Vec::new();
        if let Value::Dict(d) = &m {
            for (k, v) in d.borrow().iter() {
                if let Value::Str(ks) = k {
                    kw.push((ks.clone(), v.clone()));
                }
            }
        }
        Ok(Value::str(&str_format(i, &s, &[], &kw)?))
    });
    add(c, "isdigit", |_, a, _| {
        Ok(Value::Bool(sm::isdigit(&this_str(&a)?)))
    });
    add(c, "isdecimal", |_, a, _| {
        Ok(Value::Bool(sm::isdecimal(&this_str(&a)?)))
    });
    add(c, "isnumeric", |_, a, _| {
        Ok(Value::Bool(sm::isnumeric(&this_str(&a)?)))
    });
    add(c, "isalpha", |_, a, _| {
        Ok(Value::Bool(sm::isalpha(&this_str(&a)?)))
    });
    add(c, "isalnum", |_, a, _| {
        Ok(Value::Bool(sm::isalnum(&this_str(&a)?)))
    });
    add(c, "isspace", |_, a, _| {
        Ok(Value::Bool(sm::isspace(&this_str(&a)?)))
    });
    add(c, "isascii", |_, a, _| {
        Ok(Value::Bool(sm::isascii(&this_str(&a)?)))
    });
    add(c, "isprintable", |_, a, _| {
        Ok(Value::Bool(sm::isprintable(&this_str(&a)?)))
    });
    add(c, "isupper", |_, a, _| {
        Ok(Value::Bool(sm::isupper(&this_str(&a)?)))
    });
    add(c, "islower", |_, a, _| {
        Ok(Value::Bool(sm::islower(&this_str(&a)?)))
    });
    add(c, "istitle", |_, a, _| {
        Ok(Value::Bool(sm::istitle(&this_str(&a)?)))
    });
    add(c, "isidentifier", |_, a, _| {
        Ok(Value::Bool(sm::isidentifier(&this_str(&a)?)))
    });
    add(c, "center", |i, a, _| {
        i.check_alloc(opt_int(&a, 1).unwrap_or(0).max(0) as usize)?;
        just(a, 'c')
    });
    add(c, "ljust", |i, a, _| {
        i.check_alloc(opt_int(&a, 1).unwrap_or(0).max(0) as usize)?;
        just(a, 'l')
    });
    add(c, "rjust", |i, a, _| {
        i.check_alloc(opt_int(&a, 1).unwrap_or(0).max(0) as usize)?;
        just(a, 'r')
    });
    add(c, "zfill", |i, a, _| {
        i.check_alloc(opt_int(&a, 1).unwrap_or(0).max(0) as usize)?;
        Ok(Value::str(&sm::zfill(
            &this_str(&a)?,
            opt_int(&a, 1).unwrap_or(0),
        )))
    });
    add(c, "splitlines", |_, a, k| {
        let s = this_str(&a)?;
        let p = parse("splitlines", a[1..].to_vec(), k, &["keepends"], 0)?;
        let keep = matches!(p[0], Some(Value::Bool(true)));
        Ok(strs(sm::splitlines(&s, keep)))
    });
    add(c, "partition", |_, a, _| {
        let s = this_str(&a)?;
        let (x, y, z) = sm::partition(&s, &need_str(&a, 1, "partition")?).map_err(value_error)?;
        Ok(Value::tuple(vec![
            Value::str(&x),
            Value::str(&y),
            Value::str(&z),
        ]))
    });
    add(c, "rpartition", |_, a, _| {
        let s = this_str(&a)?;
        let (x, y, z) = sm::rpartition(&s, &need_str(&a, 1, "rpartition")?).map_err(value_error)?;
        Ok(Value::tuple(vec![
            Value::str(&x),
            Value::str(&y),
            Value::str(&z),
        ]))
    });
    add(c, "removeprefix", |_, a, _| {
        let s = this_str(&a)?;
        Ok(Value::str(sm::removeprefix(
            &s,
            &need_str(&a, 1, "removeprefix")?,
        )))
    });
    add(c, "removesuffix", |_, a, _| {
        let s = this_str(&a)?;
        Ok(Value::str(sm::removesuffix(
            &s,
            &need_str(&a, 1, "removesuffix")?,
        )))
    });
    add(c, "encode", |i, a, k| {
        let s = this_str(&a)?;
        let p = parse("encode", a[1..].to_vec(), k, &["encoding", "errors"], 0)?;
        let (enc, errors) = codec_args(i, "encode", &p[0], &p[1])?;
        crate::format::codecs::encode(&s, enc, &errors)
            .map(|b| Value::Bytes(Rc::from(b)))
            .map_err(|e| codec_err(i, e))
    });
    add(c, "expandtabs", |i, a, _| {
        let s = this_str(&a)?;
        let t = opt_int(&a, 1).unwrap_or(8).max(0) as usize;
        i.check_alloc(
            s.matches('\t')
                .count()
                .saturating_mul(t)
                .saturating_add(s.len()),
        )?;
        Ok(Value::str(&sm::expandtabs(
            &this_str(&a)?,
            opt_int(&a, 1).unwrap_or(8),
        )))
    });
}

fn split(a: Vec<Value>, k: Kw, right: bool) -> PyResult<Value> {
    let s = this_str(&a)?;
    let p = parse(
        if right { "rsplit" } else { "split" },
        a[1..].to_vec(),
        k,
        &["sep", "maxsplit"],
        0,
    )?;
    let sep = match &p[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(x)) => Some(x.clone()),
        Some(v) => {
            return Err(type_error(format!(
                "must be str or None, not {}",
                v.type_name()
            )))
        }
    };
    let max = p[1].as_ref().and_then(as_int).unwrap_or(-1);
    let r = if right {
        crate::format::strmethods::rsplit(&s, sep.as_deref(), max)
    } else {
        crate::format::strmethods::split(&s, sep.as_deref(), max)
    };
    Ok(strs(r.map_err(value_error)?))
}

fn starts_ends(a: Vec<Value>, starts: bool) -> PyResult<Value> {
    use crate::format::strmethods as sm;
    let s = this_str(&a)?;
    let (st, en) = (opt_int(&a, 2), opt_int(&a, 3));
    let check = |p: &str| {
        if starts {
            sm::startswith(&s, p, st, en)
        } else {
            sm::endswith(&s, p, st, en)
        }
    };
    match a.get(1) {
        Some(Value::Str(p)) => Ok(Value::Bool(check(p))),
        Some(Value::Tuple(t)) => Ok(Value::Bool(
            t.iter().any(|p| matches!(p, Value::Str(p) if check(p))),
        )),
        Some(v) => Err(type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            if starts { "startswith" } else { "endswith" },
            v.type_name()
        ))),
        None => Err(type_error(
            "startswith() takes at least 1 argument (0 given)",
        )),
    }
}

fn just(a: Vec<Value>, how: char) -> PyResult<Value> {
    use crate::format::strmethods as sm;
    let s = this_str(&a)?;
    let w = opt_int(&a, 1).unwrap_or(0);
    let fill = match a.get(2) {
        Some(Value::Str(f)) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
        Some(_) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ))
        }
        None => ' ',
    };
    Ok(Value::str(&match how {
        'l' => sm::ljust(&s, w, fill),
        'r' => sm::rjust(&s, w, fill),
        _ => sm::center(&s, w, fill),
    }))
}

/// `str.format`, over `format::parse_format_pieces` (which numbers `{}`
/// fields and reports template errors in CPython's order).
pub fn str_format(i: &mut Interpreter, s: &str, args: &[Value], kw: &Kw) -> PyResult<String> {
    let pieces = crate::format::parse_format_pieces(s);
    render_pieces(i, &pieces, args, kw)
}

fn render_pieces(
    i: &mut Interpreter,
    pieces: &[crate::format::FormatPiece],
    args: &[Value],
    kw: &Kw,
) -> PyResult<String> {
    use crate::format::{FieldAccessor, FieldArg, FormatPiece};
    let mut out = String::new();
    for p in pieces {
        match p {
            FormatPiece::Literal(t) => out.push_str(t),
            FormatPiece::Error(m) => return Err(value_error(m.clone())),
            FormatPiece::Field(f) => {
                let mut v = match &f.arg {
                    FieldArg::Index(n) => args.get(*n).cloned().ok_or_else(|| {
                        index_error(format!(
                            "Replacement index {n} out of range for positional args tuple"
                        ))
                    })?,
                    FieldArg::Keyword(k) => kw
                        .iter()
                        .find(|(n, _)| &**n == k)
                        .map(|(_, v)| v.clone())
                        .ok_or_else(|| key_error(Value::str(k)))?,
                };
                for acc in &f.accessors {
                    v = match acc {
                        FieldAccessor::Attr(a) => i.getattr(&v, a)?,
                        FieldAccessor::Index(n) => i.getitem(&v, Value::Int(*n as i64))?,
                        FieldAccessor::Key(k) => i.getitem(&v, Value::str(k))?,
                    };
                }
                if let Some(e) = &f.accessor_error {
                    return Err(value_error(e.clone()));
                }
                let v = match f.conversion {
                    None => v,
                    Some('r') => Value::str(&i.repr(&v)?),
                    Some('s') => Value::str(&i.str(&v)?),
                    Some('a') => Value::str(&crate::object::repr::ascii(&i.repr(&v)?)),
                    Some(c) => {
                        return Err(value_error(
                            crate::format::conversion_error(c)
                                .unwrap_or_else(|| "bad conversion".into()),
                        ))
                    }
                };
                let spec = render_pieces(i, &f.spec, args, kw)?;
                out.push_str(&i.format(&v, &spec)?);
            }
        }
    }
    Ok(out)
}

fn install_list(c: &Rc<Class>) {
    add(c, "append", |_, a, _| {
        arity("list.append", &a, 2, 2)?;
        this_list(&a)?.borrow_mut().push(a[1].clone());
        Ok(Value::None)
    });
    add(c, "extend", |i, a, _| {
        arity("list.extend", &a, 2, 2)?;
        let items = i.collect_iter(&a[1])?;
        this_list(&a)?.borrow_mut().extend(items);
        Ok(Value::None)
    });
    add(c, "insert", |_, a, _| {
        arity("insert", &a, 3, 3)?;
        let l = this_list(&a)?;
        let n = l.borrow().len() as i64;
        let mut idx = as_int(&a[1])
            .ok_or_else(|| type_error("'str' object cannot be interpreted as an integer"))?;
        if idx < 0 {
            idx = (idx + n).max(0);
        }
        let idx = idx.min(n) as usize;
        l.borrow_mut().insert(idx, a[2].clone());
        Ok(Value::None)
    });
    add(c, "pop", |_, a, _| {
        arity("pop", &a, 1, 2)?;
        let l = this_list(&a)?;
        let n = l.borrow().len() as i64;
        if n == 0 {
            return Err(index_error("pop from empty list"));
        }
        let mut idx = a.get(1).and_then(as_int).unwrap_or(-1);
        if idx < 0 {
            idx += n;
        }
        if idx < 0 || idx >= n {
            return Err(index_error("pop index out of range"));
        }
        let v = l.borrow_mut().remove(idx as usize);
        Ok(v)
    });
    add(c, "remove", |i, a, _| {
        arity("remove", &a, 2, 2)?;
        let l = this_list(&a)?;
        let items = l.borrow().clone();
        for (n, x) in items.iter().enumerate() {
            if i.eq(x, &a[1])? {
                l.borrow_mut().remove(n);
                return Ok(Value::None);
            }
        }
        Err(value_error("list.remove(x): x not in list"))
    });
    add(c, "index", |i, a, _| {
        arity("index", &a, 2, 4)?;
        let items = this_list(&a)?.borrow().clone();
        let start = a.get(2).and_then(as_int).unwrap_or(0).max(0) as usize;
        for (n, x) in items.iter().enumerate().skip(start) {
            if i.eq(x, &a[1])? {
                return Ok(Value::Int(n as i64));
            }
        }
        Err(value_error(format!("{} is not in list", i.repr(&a[1])?)))
    });
    add(c, "count", |i, a, _| {
        arity("count", &a, 2, 2)?;
        let items = this_list(&a)?.borrow().clone();
        let mut n = 0;
        for x in items.iter() {
            if i.eq(x, &a[1])? {
                n += 1;
            }
        }
        Ok(Value::Int(n))
    });
    add(c, "sort", |i, a, k| {
        let l = this_list(&a)?;
        if a.len() > 1 {
            return Err(type_error("sort() takes no positional arguments"));
        }
        let p = parse("sort", vec![], k, &["key", "reverse"], 0)?;
        let rev = match &p[1] {
            Some(v) => i.truthy(v)?,
            None => false,
        };
        let items = std::mem::take(&mut *l.borrow_mut());
        let key = p[0].clone().filter(|k| !k.is_none());
        let r = i.sort_values(items.clone(), key, rev);
        match r {
            Ok(v) => {
                *l.borrow_mut() = v;
                Ok(Value::None)
            }
            Err(e) => {
                *l.borrow_mut() = items;
                Err(e)
            }
        }
    });
    add(c, "reverse", |_, a, _| {
        this_list(&a)?.borrow_mut().reverse();
        Ok(Value::None)
    });
    add(c, "copy", |_, a, _| {
        Ok(Value::list(this_list(&a)?.borrow().clone()))
    });
    add(c, "clear", |_, a, _| {
        this_list(&a)?.borrow_mut().clear();
        Ok(Value::None)
    });
}

pub fn dict_update_from(i: &mut Interpreter, d: &DictRef, src: &Value) -> PyResult<()> {
    match src {
        Value::Dict(s) => {
            let snapshot = s.borrow().items();
            for (k, v) in snapshot {
                i.dict_setitem(d, k, v)?;
            }
        }
        other => {
            if let Some(keys) = i.getattr_opt(other, "keys")? {
                if !matches!(other, Value::List(_) | Value::Tuple(_)) {
                    let ks = i.call(&keys, vec![], vec![])?;
                    for k in i.collect_iter(&ks)? {
                        let v = i.getitem(other, k.clone())?;
                        i.dict_setitem(d, k, v)?;
                    }
                    return Ok(());
                }
            }
            let items = i.collect_iter(other)?;
            for (n, it) in items.into_iter().enumerate() {
                let pair = i.collect_iter(&it).map_err(|_| {
                    type_error(format!(
                        "cannot convert dictionary update sequence element #{n} to a sequence"
                    ))
                })?;
                if pair.len() != 2 {
                    return Err(value_error(format!(
                        "dictionary update sequence element #{n} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                i.dict_setitem(d, pair[0].clone(), pair[1].clone())?;
            }
        }
    }
    Ok(())
}

fn install_dict(c: &Rc<Class>) {
    add(c, "get", |i, a, _| {
        arity("get", &a, 2, 3)?;
        let d = this_dict(&a)?;
        Ok(i.dict_get(&d, &a[1])?
            .unwrap_or_else(|| a.get(2).cloned().unwrap_or(Value::None)))
    });
    add(c, "setdefault", |i, a, _| {
        arity("setdefault", &a, 2, 3)?;
        let d = this_dict(&a)?;
        if let Some(v) = i.dict_get(&d, &a[1])? {
            return Ok(v);
        }
        let v = a.get(2).cloned().unwrap_or(Value::None);
        i.dict_setitem(&d, a[1].clone(), v.clone())?;
        Ok(v)
    });
    add(c, "pop", |i, a, _| {
        arity("pop", &a, 2, 3)?;
        let d = this_dict(&a)?;
        match i.dict_remove(&d, &a[1])? {
            Some(v) => Ok(v),
            None => match a.get(2) {
                Some(v) => Ok(v.clone()),
                None => Err(key_error(a[1].clone())),
            },
        }
    });
    add(c, "popitem", |_, a, _| {
        let d = this_dict(&a)?;
        let last = d.borrow().last_slot();
        match last.and_then(|i| d.borrow_mut().remove_slot(i)) {
            Some((k, v)) => Ok(Value::tuple(vec![k, v])),
            None => Err(key_error(Value::str("popitem(): dictionary is empty"))),
        }
    });
    add(c, "keys", |_, a, _| {
        Ok(Value::DictView(Rc::new((this_dict(&a)?, ViewKind::Keys))))
    });
    add(c, "values", |_, a, _| {
        Ok(Value::DictView(Rc::new((this_dict(&a)?, ViewKind::Values))))
    });
    add(c, "items", |_, a, _| {
        Ok(Value::DictView(Rc::new((this_dict(&a)?, ViewKind::Items))))
    });
    add(c, "update", |i, a, k| {
        arity("update", &a, 1, 2)?;
        let d = this_dict(&a)?;
        if let Some(src) = a.get(1) {
            dict_update_from(i, &d, src)?;
        }
        for (n, v) in k {
            d.borrow_mut().set_str_rc(n, v);
        }
        Ok(Value::None)
    });
    add(c, "copy", |_, a, _| {
        Ok(Value::Dict(Rc::new(RefCell::new(
            this_dict(&a)?.borrow().clone(),
        ))))
    });
    add(c, "clear", |_, a, _| {
        this_dict(&a)?.borrow_mut().clear();
        Ok(Value::None)
    });
    c.dict.borrow_mut().set_str(
        "fromkeys",
        Value::ClassMethod(Rc::new(method("dict", "fromkeys", |i, a, _| {
            arity("fromkeys", &a, 2, 3)?;
            let keys = i.collect_iter(&a[1])?;
            let v = a.get(2).cloned().unwrap_or(Value::None);
            let mut d = PyDict::new();
            for k in keys {
                i.dict_set(&mut d, k, v.clone())?;
            }
            Ok(Value::dict(d))
        }))),
    );
}

fn install_set(c: &Rc<Class>) {
    let frozen = &*c.name() == "frozenset";
    fn other_set(i: &mut Interpreter, v: &Value) -> PyResult<Value> {
        match v {
            Value::Set(_) | Value::FrozenSet(_) => Ok(v.clone()),
            other => {
                let items = i.collect_iter(other)?;
                i.new_set(items)
            }
        }
    }
    fn binop(i: &mut Interpreter, a: Vec<Value>, op: crate::ast::BinOp) -> PyResult<Value> {
        let mut acc = a[0].clone();
        let frozen = matches!(acc, Value::FrozenSet(_));
        if a.len() == 1 {
            let items = i.collect_iter(&acc)?;
            acc = i.new_set(items)?;
        }
        for o in &a[1..] {
            let s = other_set(i, o)?;
            acc = i.binary_op(&acc, &s, op)?;
        }
        if frozen {
            if let Value::Set(d) = acc {
                return Ok(Value::FrozenSet(d));
            }
        }
        Ok(acc)
    }
    add(c, "union", |i, a, _| binop(i, a, crate::ast::BinOp::BitOr));
    add(c, "intersection", |i, a, _| {
        binop(i, a, crate::ast::BinOp::BitAnd)
    });
    add(c, "difference", |i, a, _| {
        binop(i, a, crate::ast::BinOp::Sub)
    });
    add(c, "symmetric_difference", |i, a, _| {
        binop(i, a, crate::ast::BinOp::BitXor)
    });
    add(c, "issubset", |i, a, _| {
        arity("issubset", &a, 2, 2)?;
        let o = other_set(i, &a[1])?;
        i.compare(&a[0], &o, crate::ast::CmpOp::LtE)
    });
    add(c, "issuperset", |i, a, _| {
        arity("issuperset", &a, 2, 2)?;
        let o = other_set(i, &a[1])?;
        i.compare(&a[0], &o, crate::ast::CmpOp::GtE)
    });
    add(c, "isdisjoint", |i, a, _| {
        arity("isdisjoint", &a, 2, 2)?;
        for x in i.collect_iter(&a[1])? {
            if i.contains(&a[0], &x)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    });
    add(c, "copy", |_, a, _| {
        let d = Rc::new(RefCell::new(this_dict(&a)?.borrow().clone()));
        Ok(if matches!(a[0], Value::FrozenSet(_)) {
            Value::FrozenSet(d)
        } else {
            Value::Set(d)
        })
    });
    if frozen {
        return;
    }
    add(c, "add", |i, a, _| {
        arity("add", &a, 2, 2)?;
        let d = this_dict(&a)?;
        i.set_add(&d, a[1].clone())?;
        Ok(Value::None)
    });
    add(c, "remove", |i, a, _| {
        arity("remove", &a, 2, 2)?;
        let d = this_dict(&a)?;
        match i.dict_remove(&d, &a[1])? {
            Some(_) => Ok(Value::None),
            None => Err(key_error(a[1].clone())),
        }
    });
    add(c, "discard", |i, a, _| {
        arity("discard", &a, 2, 2)?;
        let d = this_dict(&a)?;
        i.dict_remove(&d, &a[1])?;
        Ok(Value::None)
    });
    add(c, "pop", |i, a, _| {
        let d = this_dict(&a)?;
        let first = d.borrow().keys().into_iter().next();
        match first {
            Some(k) => {
                i.dict_remove(&d, &k)?;
                Ok(k)
            }
            None => Err(key_error(Value::str("pop from an empty set"))),
        }
    });
    add(c, "clear", |_, a, _| {
        this_dict(&a)?.borrow_mut().clear();
        Ok(Value::None)
    });
    add(c, "update", |i, a, _| {
        let d = this_dict(&a)?;
        for o in &a[1..] {
            for x in i.collect_iter(o)? {
                i.set_add(&d, x)?;
            }
        }
        Ok(Value::None)
    });
    add(c, "difference_update", |i, a, _| {
        let d = this_dict(&a)?;
        for o in &a[1..] {
            for x in i.collect_iter(o)? {
                i.dict_remove(&d, &x)?;
            }
        }
        Ok(Value::None)
    });
    add(c, "intersection_update", |i, a, _| {
        let d = this_dict(&a)?;
        let r = binop(i, a.clone(), crate::ast::BinOp::BitAnd)?;
        if let Value::Set(n) = r {
            let v = n.borrow().clone();
            *d.borrow_mut() = v;
        }
        Ok(Value::None)
    });
}
