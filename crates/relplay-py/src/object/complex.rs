//! `complex`: a native object with CPython's arithmetic (Objects/complexobject.c:
//! `_Py_c_quot`, `c_powi`, `_Py_c_pow`), comparison, hash and repr.

use std::any::Any;
use std::cell::OnceCell;
use std::rc::Rc;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::format::float::{double_to_string, FloatOpts};
use crate::object::class::{types, Class};
use crate::object::dict::PyDict;
use crate::object::native::NativeObject;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::exc::type_error;
use crate::vm::Interpreter;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

thread_local! {
    static CLASS: OnceCell<Rc<Class>> = const { OnceCell::new() };
}

/// The `complex` class (`type(1j)`), with its methods and constructor.
pub fn complex_class() -> Rc<Class> {
    CLASS.with(|c| {
        c.get_or_init(|| {
            let mut d = PyDict::new();
            d.set_str("__module__", Value::str("builtins"));
            d.set_str(
                "__ctor__",
                crate::builtins::builtin("complex", |i, a, k| {
                    let p = crate::builtins::args::parse("complex", a, k, &["real", "imag"], 0)?;
                    let part = |i: &mut Interpreter, v: &Option<Value>| -> PyResult<Complex> {
                        match v {
                            None => Ok(Complex { re: 0.0, im: 0.0 }),
                            Some(v) => match as_complex(v) {
                                Some(c) => Ok(c),
                                None => match v {
                                    Value::Str(_) => Err(crate::vm::exc::not_supported(
                                        "complex() from a string",
                                        i.current_line(),
                                    )),
                                    other => Err(type_error(format!(
                                        "complex() first argument must be a string or a number, not '{}'",
                                        other.type_name()
                                    ))),
                                },
                            },
                        }
                    };
                    let r = part(i, &p[0])?;
                    let m = part(i, &p[1])?;
                    // complex(a, b) = a + b*1j, with a and b possibly complex.
                    Ok(new_complex(r.re - m.im, r.im + m.re))
                }),
            );
            d.set_str(
                "conjugate",
                crate::builtins::method("complex", "conjugate", |_, a, _| {
                    match a.first().and_then(as_complex) {
                        Some(c) => Ok(new_complex(c.re, -c.im)),
                        None => Err(type_error("descriptor 'conjugate' requires a 'complex' object")),
                    }
                }),
            );
            d.set_str(
                "__abs__",
                crate::builtins::method("complex", "__abs__", |_, a, _| {
                    let Some(c) = a.first().and_then(as_complex) else {
                        return Err(type_error("descriptor '__abs__' requires a 'complex' object"));
                    };
                    let r = c.re.hypot(c.im);
                    if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
                        return Err(PyErr::new("OverflowError", "absolute value too large"));
                    }
                    Ok(Value::Float(r))
                }),
            );
            Class::new("complex", vec![types().object.clone()], d, true)
                .unwrap_or_else(|_| types().object.clone())
        })
        .clone()
    })
}

pub fn new_complex(re: f64, im: f64) -> Value {
    Value::Native(Rc::new(ComplexObj(Complex { re, im })))
}

/// A Python number as a complex (`None` for non-numbers).
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v {
        Value::Native(n) => n.as_any().downcast_ref::<ComplexObj>().map(|c| c.0),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
            crate::vm::ops::as_float(v).map(|re| Complex { re, im: 0.0 })
        }
        _ => None,
    }
}

fn prod(a: Complex, b: Complex) -> Complex {
    Complex {
        re: a.re * b.re - a.im * b.im,
        im: a.re * b.im + a.im * b.re,
    }
}

fn quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abr, abi) = (b.re.abs(), b.im.abs());
    if abr >= abi {
        if abr == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Some(Complex {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        })
    } else if abi >= abr {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Some(Complex {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        })
    } else {
        Some(Complex {
            re: f64::NAN,
            im: f64::NAN,
        })
    }
}

fn powu(x: Complex, n: i64) -> Complex {
    let mut r = Complex { re: 1.0, im: 0.0 };
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

fn pow(a: Complex, b: Complex) -> PyResult<Complex> {
    let zero_div = || PyErr::new("ZeroDivisionError", "0.0 to a negative or complex power");
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n > 0 {
            powu(a, n)
        } else {
            quot(Complex { re: 1.0, im: 0.0 }, powu(a, -n)).ok_or_else(zero_div)?
        }
    } else if b.re == 0.0 && b.im == 0.0 {
        Complex { re: 1.0, im: 0.0 }
    } else if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(zero_div());
        }
        Complex { re: 0.0, im: 0.0 }
    } else {
        let vabs = a.re.hypot(a.im);
        let mut len = vabs.powf(b.re);
        let at = a.im.atan2(a.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= (at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        Complex {
            re: len * phase.cos(),
            im: len * phase.sin(),
        }
    };
    if (r.re.is_infinite() || r.im.is_infinite())
        && a.re.is_finite()
        && a.im.is_finite()
        && b.re.is_finite()
        && b.im.is_finite()
    {
        return Err(PyErr::new("OverflowError", "complex exponentiation"));
    }
    Ok(r)
}

/// CPython's `complex_repr`.
pub fn complex_repr(c: Complex) -> String {
    let r = |x: f64, sign: bool| {
        double_to_string(
            x,
            'r',
            0,
            FloatOpts {
                always_sign: sign,
                ..FloatOpts::default()
            },
        )
    };
    if c.re == 0.0 && c.re.is_sign_positive() {
        format!("{}j", r(c.im, false))
    } else {
        format!("({}{}j)", r(c.re, false), r(c.im, true))
    }
}

pub struct ComplexObj(pub Complex);

impl NativeObject for ComplexObj {
    fn class(&self) -> Rc<Class> {
        complex_class()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _: &mut Interpreter, _: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "real" => Some(Value::Float(self.0.re)),
            "imag" => Some(Value::Float(self.0.im)),
            _ => None,
        })
    }
    fn repr(&self, _: &mut Interpreter, _: &Value) -> PyResult<Option<String>> {
        Ok(Some(complex_repr(self.0)))
    }
    fn richcompare(
        &self,
        _: &mut Interpreter,
        _: &Value,
        op: CmpOp,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            return Ok(None);
        }
        let Some(o) = as_complex(other) else {
            return Ok(None);
        };
        let eq = match other {
            // An int compares exactly with the real part.
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                self.0.im == 0.0 && crate::vm::ops::as_float(other) == Some(self.0.re)
            }
            _ => self.0 == o,
        };
        Ok(Some(Value::Bool(if op == CmpOp::Eq { eq } else { !eq })))
    }
    fn binop(
        &self,
        _: &mut Interpreter,
        _: &Value,
        op: BinOp,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        let Some(o) = as_complex(other) else {
            return Ok(None);
        };
        let (a, b) = if reflected { (o, self.0) } else { (self.0, o) };
        let r = match op {
            BinOp::Add => Complex {
                re: a.re + b.re,
                im: a.im + b.im,
            },
            BinOp::Sub => Complex {
                re: a.re - b.re,
                im: a.im - b.im,
            },
            BinOp::Mult => prod(a, b),
            BinOp::Div => quot(a, b)
                .ok_or_else(|| PyErr::new("ZeroDivisionError", "complex division by zero"))?,
            BinOp::Pow => pow(a, b)?,
            _ => return Ok(None),
        };
        Ok(Some(new_complex(r.re, r.im)))
    }
    fn unary(&self, _: &mut Interpreter, _: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
        Ok(match op {
            UnaryOp::USub => Some(new_complex(-self.0.re, -self.0.im)),
            UnaryOp::UAdd => Some(new_complex(self.0.re, self.0.im)),
            UnaryOp::Not => Some(Value::Bool(self.0.re == 0.0 && self.0.im == 0.0)),
            _ => None,
        })
    }
    fn hash(&self, interp: &mut Interpreter, _: &Value) -> PyResult<Option<i64>> {
        let hr = interp.hash(&Value::Float(self.0.re))? as u64;
        let hi = interp.hash(&Value::Float(self.0.im))? as u64;
        let h = hr.wrapping_add(1000003u64.wrapping_mul(hi)) as i64;
        Ok(Some(if h == -1 { -2 } else { h }))
    }
    fn bool(&self, _: &mut Interpreter, _: &Value) -> PyResult<Option<bool>> {
        Ok(Some(self.0.re != 0.0 || self.0.im != 0.0))
    }
}
