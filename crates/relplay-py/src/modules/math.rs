//! `math`: the common functions, natively.

use crate::builtins::args::arity;
use crate::builtins::builtin;
use crate::object::dict::PyDict;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::exc::{type_error, value_error};
use crate::vm::ops::{as_float, as_int};
use crate::vm::Interpreter;

fn num(v: &Value) -> PyResult<f64> {
    as_float(v).ok_or_else(|| type_error(format!("must be real number, not {}", v.type_name())))
}

fn f1(d: &mut PyDict, name: &'static str, f: fn(f64) -> f64, domain: fn(f64) -> bool) {
    d.set_str(
        name,
        builtin(name, move |_, a, _| {
            arity(name, &a, 1, 1)?;
            let x = num(&a[0])?;
            if !domain(x) {
                return Err(value_error("math domain error"));
            }
            Ok(Value::Float(f(x)))
        }),
    );
}

fn gcd_value(i: &mut Interpreter, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut x, mut y) = (a.clone(), b.clone());
    while i.truthy(&y)? {
        let r = i.binary_op(&x, &y, crate::ast::BinOp::Mod)?;
        x = y;
        y = r;
    }
    match crate::vm::ops::as_int(&x) {
        Some(n) => Ok(Value::Int(n.abs())),
        None => Ok(x),
    }
}

pub fn build(_: &mut Interpreter) -> PyResult<PyDict> {
    let mut d = PyDict::new();
    d.set_str("pi", Value::Float(std::f64::consts::PI));
    d.set_str("e", Value::Float(std::f64::consts::E));
    d.set_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_str("inf", Value::Float(f64::INFINITY));
    d.set_str("nan", Value::Float(f64::NAN));
    let all = |_: f64| true;
    f1(&mut d, "sqrt", f64::sqrt, |x| x >= 0.0);
    f1(&mut d, "exp", f64::exp, all);
    f1(&mut d, "sin", f64::sin, |x| x.is_finite());
    f1(&mut d, "cos", f64::cos, |x| x.is_finite());
    f1(&mut d, "tan", f64::tan, |x| x.is_finite());
    f1(&mut d, "asin", f64::asin, |x| (-1.0..=1.0).contains(&x));
    f1(&mut d, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x));
    f1(&mut d, "atan", f64::atan, all);
    f1(&mut d, "fabs", f64::abs, all);
    f1(&mut d, "log10", f64::log10, |x| x > 0.0);
    f1(&mut d, "log2", f64::log2, |x| x > 0.0);
    f1(&mut d, "degrees", f64::to_degrees, all);
    f1(&mut d, "radians", f64::to_radians, all);
    d.set_str(
        "log",
        builtin("log", |_, a, _| {
            arity("log", &a, 1, 2)?;
            let x = num(&a[0])?;
            if x <= 0.0 {
                return Err(value_error("math domain error"));
            }
            match a.get(1) {
                Some(b) => Ok(Value::Float(x.ln() / num(b)?.ln())),
                None => Ok(Value::Float(x.ln())),
            }
        }),
    );
    for (name, f) in [
        ("floor", f64::floor as fn(f64) -> f64),
        ("ceil", f64::ceil),
        ("trunc", f64::trunc),
    ] {
        d.set_str(
            name,
            builtin(name, move |i, a, _| {
                arity(name, &a, 1, 1)?;
                if let Some(n) = as_int(&a[0]) {
                    return Ok(Value::Int(n));
                }
                if let Value::Instance(_) = &a[0] {
                    if let Some(m) = i.lookup_special(&a[0], &format!("__{name}__"))? {
                        return i.call(&m, vec![], vec![]);
                    }
                }
                let x = f(num(&a[0])?);
                if x.is_nan() {
                    return Err(value_error("cannot convert float NaN to integer"));
                }
                if x.is_infinite() {
                    return Err(PyErr::new(
                        "OverflowError",
                        "cannot convert float infinity to integer",
                    ));
                }
                Ok(Value::Int(x as i64))
            }),
        );
    }
    d.set_str(
        "isnan",
        builtin("isnan", |_, a, _| Ok(Value::Bool(num(&a[0])?.is_nan()))),
    );
    d.set_str(
        "isinf",
        builtin("isinf", |_, a, _| {
            Ok(Value::Bool(num(&a[0])?.is_infinite()))
        }),
    );
    d.set_str(
        "isfinite",
        builtin("isfinite", |_, a, _| {
            Ok(Value::Bool(num(&a[0])?.is_finite()))
        }),
    );
    d.set_str(
        "pow",
        builtin("pow", |_, a, _| {
            arity("pow", &a, 2, 2)?;
            Ok(Value::Float(num(&a[0])?.powf(num(&a[1])?)))
        }),
    );
    d.set_str(
        "copysign",
        builtin("copysign", |_, a, _| {
            arity("copysign", &a, 2, 2)?;
            Ok(Value::Float(num(&a[0])?.copysign(num(&a[1])?)))
        }),
    );
    d.set_str(
        "fmod",
        builtin("fmod", |_, a, _| {
            arity("fmod", &a, 2, 2)?;
            let (x, y) = (num(&a[0])?, num(&a[1])?);
            if y == 0.0 && !x.is_nan() || x.is_infinite() && !y.is_nan() {
                return Err(value_error("math domain error"));
            }
            Ok(Value::Float(x % y))
        }),
    );
    d.set_str(
        "atan2",
        builtin("atan2", |_, a, _| {
            arity("atan2", &a, 2, 2)?;
            Ok(Value::Float(num(&a[0])?.atan2(num(&a[1])?)))
        }),
    );
    d.set_str(
        "hypot",
        builtin("hypot", |_, a, _| {
            let mut s = 0.0;
            for x in &a {
                let v = num(x)?;
                s += v * v;
            }
            Ok(Value::Float(s.sqrt()))
        }),
    );
    d.set_str(
        "isclose",
        builtin("isclose", |_, a, k| {
            arity("isclose", &a, 2, 2)?;
            let (x, y) = (num(&a[0])?, num(&a[1])?);
            let mut rel = 1e-9;
            let mut abs = 0.0;
            for (n, v) in &k {
                match &**n {
                    "rel_tol" => rel = num(v)?,
                    "abs_tol" => abs = num(v)?,
                    _ => {}
                }
            }
            Ok(Value::Bool(
                x == y || (x - y).abs() <= f64::max(rel * f64::max(x.abs(), y.abs()), abs),
            ))
        }),
    );
    d.set_str(
        "factorial",
        builtin("factorial", |_, a, _| {
            arity("factorial", &a, 1, 1)?;
            let n = as_int(&a[0])
                .ok_or_else(|| type_error("'float' object cannot be interpreted as an integer"))?;
            if n < 0 {
                return Err(value_error("factorial() not defined for negative values"));
            }
            let mut r = crate::object::bigint::BigInt::from_i64(1);
            for k in 2..=n {
                r = r.mul(&crate::object::bigint::BigInt::from_i64(k));
                if r.bit_length() > 200_000 {
                    return Err(crate::vm::exc::overflow_error());
                }
            }
            Ok(crate::object::int::int_value(r))
        }),
    );
    d.set_str(
        "gcd",
        builtin("gcd", |i, a, _| {
            let mut g = Value::Int(0);
            for x in &a {
                if crate::object::int::as_big(x).is_none() {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        x.type_name()
                    )));
                }
                g = gcd_value(i, &g, x)?;
            }
            match &g {
                Value::BigInt(b) => Ok(crate::object::int::int_value(b.abs())),
                _ => Ok(g),
            }
        }),
    );
    d.set_str(
        "isqrt",
        builtin("isqrt", |i, a, _| {
            arity("isqrt", &a, 1, 1)?;
            let n = crate::object::int::as_big(&a[0]).ok_or_else(|| {
                type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    a[0].type_name()
                ))
            })?;
            if n.is_neg() {
                return Err(value_error("isqrt() argument must be nonnegative"));
            }
            // Newton's method on big integers.
            let one = crate::object::bigint::BigInt::from_i64(1);
            let two = crate::object::bigint::BigInt::from_i64(2);
            if n.is_zero() {
                return Ok(Value::Int(0));
            }
            let mut x =
                crate::object::bigint::BigInt::from_i64(2).pow(n.bit_length().div_ceil(2) as u64);
            loop {
                let y = x.add(
                    &n.divmod(&x)
                        .map(|q| q.0)
                        .unwrap_or_else(crate::object::bigint::BigInt::zero),
                );
                let y = y
                    .divmod(&two)
                    .map(|q| q.0)
                    .unwrap_or_else(crate::object::bigint::BigInt::zero);
                if y.compare(&x) != std::cmp::Ordering::Less {
                    break;
                }
                x = y;
            }
            let _ = (&one, i);
            Ok(crate::object::int::int_value(x))
        }),
    );
    d.set_str(
        "lcm",
        builtin("lcm", |i, a, _| {
            let mut acc = Value::Int(1);
            for x in &a {
                if crate::vm::ops::as_int(x) == Some(0) {
                    return Ok(Value::Int(0));
                }
                let g = gcd_value(i, &acc, x)?;
                let p = i.binary_op(&acc, x, crate::ast::BinOp::Mult)?;
                let q = i.binary_op(&p, &g, crate::ast::BinOp::FloorDiv)?;
                acc = i.unary_op(&q, crate::ast::UnaryOp::UAdd)?;
                if let Some(n) = crate::vm::ops::as_int(&acc) {
                    acc = Value::Int(n.abs());
                }
            }
            Ok(acc)
        }),
    );
    d.set_str(
        "perm",
        builtin("perm", |i, a, _| {
            arity("perm", &a, 1, 2)?;
            let n = as_int(&a[0]).unwrap_or(0);
            let k = a.get(1).and_then(as_int).unwrap_or(n);
            if n < 0 || k < 0 {
                return Err(value_error("n must be a non-negative integer"));
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let mut acc = Value::Int(1);
            for x in (n - k + 1)..=n {
                acc = i.binary_op(&acc, &Value::Int(x), crate::ast::BinOp::Mult)?;
            }
            Ok(acc)
        }),
    );
    d.set_str(
        "fsum",
        builtin("fsum", |i, a, _| {
            arity("fsum", &a, 1, 1)?;
            #[allow(clippy::needless_range_loop)]
            // Shewchuk's exact partial sums (as CPython's msum).
            let mut partials: Vec<f64> = Vec::new();
            for x in i.collect_iter(&a[0])? {
                let mut x = num(&x)?;
                let mut k = 0;
                for j in 0..partials.len() {
                    let mut y = partials[j];
                    if x.abs() < y.abs() {
                        std::mem::swap(&mut x, &mut y);
                    }
                    let hi = x + y;
                    let lo = y - (hi - x);
                    if lo != 0.0 {
                        partials[k] = lo;
                        k += 1;
                    }
                    x = hi;
                }
                partials.truncate(k);
                partials.push(x);
            }
            let mut hi = 0.0;
            while let Some(p) = partials.pop() {
                let x = hi;
                hi = x + p;
                let lo = p - (hi - x);
                if lo != 0.0 {
                    // Round-half-even correction, as in CPython.
                    if let Some(&next) = partials.last() {
                        if (lo < 0.0 && next < 0.0) || (lo > 0.0 && next > 0.0) {
                            let y = lo * 2.0;
                            let x2 = hi + y;
                            if y == x2 - hi {
                                hi = x2;
                            }
                        }
                    }
                    break;
                }
            }
            Ok(Value::Float(hi))
        }),
    );
    d.set_str(
        "prod",
        builtin("prod", |i, a, _| {
            arity("prod", &a, 1, 1)?;
            let mut acc = Value::Int(1);
            for x in i.collect_iter(&a[0])? {
                acc = i.binary_op(&acc, &x, crate::ast::BinOp::Mult)?;
            }
            Ok(acc)
        }),
    );
    d.set_str(
        "comb",
        builtin("comb", |_, a, _| {
            arity("comb", &a, 2, 2)?;
            let (n, k) = (as_int(&a[0]).unwrap_or(0), as_int(&a[1]).unwrap_or(0));
            if k < 0 || n < 0 {
                return Err(value_error("n must be a non-negative integer"));
            }
            if k > n {
                return Ok(Value::Int(0));
            }
            let mut r: i128 = 1;
            for i in 0..k.min(n - k) {
                r = r * (n - i) as i128 / (i + 1) as i128;
                if r > i64::MAX as i128 {
                    return Err(crate::vm::exc::overflow_error());
                }
            }
            Ok(Value::Int(r as i64))
        }),
    );
    Ok(d)
}
