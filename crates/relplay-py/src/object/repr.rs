//! `repr()`, `str()`, `format()` and printf-style `%` for every value,
//! recursion-safe (`[...]` for cycles, RecursionError for depth).

use std::rc::Rc;

use crate::object::class::{base_value, Layout};
use crate::value::{Payload, PyErr, PyResult, Value, ViewKind};
use crate::vm::exc::{exc_args, type_error};
use crate::vm::Interpreter;

pub fn str_repr(s: &str) -> String {
    crate::format::str_repr(s)
}

pub fn bytes_repr(b: &[u8]) -> String {
    crate::format::bytes_repr(b)
}

/// `ascii()` of an already-computed repr.
pub fn ascii(s: &str) -> String {
    crate::format::ascii_escape(s)
}

pub fn float_repr(f: f64) -> String {
    crate::format::float_repr(f)
}

const MAX_REPR_DEPTH: usize = 400;

impl Interpreter {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if self.repr_depth > MAX_REPR_DEPTH {
            return Err(PyErr::new(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_depth += 1;
        let r = self.repr_inner(v);
        self.repr_depth -= 1;
        r
    }

    fn container_repr(
        &mut self,
        v: &Value,
        open: &str,
        close: &str,
        items: Vec<Value>,
        dict: Option<Vec<Value>>,
    ) -> PyResult<String> {
        let id = v.id();
        if self.repr_stack.contains(&id) {
            return Ok(format!("{open}...{close}"));
        }
        self.repr_stack.push(id);
        let r = (|| {
            let mut out = String::from(open);
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&self.repr(x)?);
                if let Some(vals) = &dict {
                    out.push_str(": ");
                    out.push_str(&self.repr(&vals[i])?);
                }
            }
            out.push_str(close);
            Ok(out)
        })();
        self.repr_stack.pop();
        r
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => {
                let s = b.to_string();
                let limit = self.int_max_str_digits;
                if limit > 0 && s.trim_start_matches('-').len() > limit {
                    return Err(PyErr::new(
                        "ValueError",
                        crate::format::parse_num::int_to_str_limit_error(limit),
                    ));
                }
                s
            }
            Value::Float(f) => float_repr(*f),
            Value::Str(s) => str_repr(s),
            Value::Bytes(b) => bytes_repr(b),
            Value::List(l) => {
                let items = l.borrow().clone();
                self.container_repr(v, "[", "]", items, None)?
            }
            Value::Tuple(t) => {
                if t.len() == 1 {
                    let id = v.id();
                    if self.repr_stack.contains(&id) {
                        return Ok("(...)".into());
                    }
                    self.repr_stack.push(id);
                    let inner = self.repr(&t[0]);
                    self.repr_stack.pop();
                    format!("({},)", inner?)
                } else {
                    self.container_repr(v, "(", ")", t.to_vec(), None)?
                }
            }
            Value::Dict(d) => {
                let (k, vals): (Vec<Value>, Vec<Value>) = d.borrow().items().into_iter().unzip();
                self.container_repr(v, "{", "}", k, Some(vals))?
            }
            Value::Set(d) => {
                let k = d.borrow().keys();
                if k.is_empty() {
                    "set()".into()
                } else {
                    self.container_repr(v, "{", "}", k, None)?
                }
            }
            Value::FrozenSet(d) => {
                let k = d.borrow().keys();
                if k.is_empty() {
                    "frozenset()".into()
                } else {
                    self.container_repr(v, "frozenset({", "})", k, None)?
                }
            }
            Value::DictView(dv) => {
                let name = match dv.1 {
                    ViewKind::Keys => "dict_keys",
                    ViewKind::Values => "dict_values",
                    ViewKind::Items => "dict_items",
                };
                let items = self.collect_iter(v)?;
                let inner = self.container_repr(v, "[", "]", items, None)?;
                format!("{name}({inner})")
            }
            Value::Range(r) => {
                if r.2 == 1 {
                    format!("range({}, {})", r.0, r.1)
                } else {
                    format!("range({}, {}, {})", r.0, r.1, r.2)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s[0])?,
                self.repr(&s[1])?,
                self.repr(&s[2])?
            ),
            Value::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), v.id()),
            Value::Method(m) => {
                let fname = match &m.1 {
                    Value::Function(f) => f.qualname.borrow().to_string(),
                    Value::Builtin(b) => {
                        return Ok(format!(
                            "<built-in method {} of {} object at {:#x}>",
                            b.name,
                            m.0.type_name(),
                            m.0.id()
                        ))
                    }
                    other => self.repr(other)?,
                };
                format!("<bound method {} of {}>", fname, self.repr(&m.0.clone())?)
            }
            Value::Builtin(b) => match &b.owner {
                Some(o) => format!("<method '{}' of '{}' objects>", b.name, o),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Class(c) => {
                let m = c.module();
                if &*m == "builtins" {
                    format!("<class '{}'>", c.qualname())
                } else {
                    format!("<class '{}.{}'>", m, c.qualname())
                }
            }
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Generator(g) => format!(
                "<generator object {} at {:#x}>",
                g.borrow().qualname,
                v.id()
            ),
            Value::Iter(_) => format!("<{} object at {:#x}>", v.type_name(), v.id()),
            Value::Cell(_) => format!("<cell at {:#x}>", v.id()),
            Value::Property(_) => format!("<property object at {:#x}>", v.id()),
            Value::StaticMethod(_) => format!("<staticmethod object at {:#x}>", v.id()),
            Value::ClassMethod(_) => format!("<classmethod object at {:#x}>", v.id()),
            Value::Super(s) => format!(
                "<super: <class '{}'>, <{} object>>",
                s.0.name(),
                s.1.type_name()
            ),
            Value::Native(n) => {
                let n = n.clone();
                match n.repr(self, v)? {
                    Some(s) => s,
                    None => self.default_repr(v),
                }
            }
            Value::Instance(i) => {
                if let Some(m) = self.user_special(v, "__repr__")? {
                    if self.native_depth + 1 >= self.config.native_depth_limit {
                        return Err(PyErr::new(
                            "RecursionError",
                            "maximum recursion depth exceeded while getting the repr of an object",
                        ));
                    }
                    let r = self.call(&m, vec![], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(type_error(format!(
                            "__repr__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                let cls = i.class.borrow().clone();
                if cls.layout == Layout::Exception {
                    let args = exc_args(v);
                    let inner = if args.len() == 1 {
                        self.repr(&args[0])?
                    } else {
                        let t = self.repr(&Value::tuple(args))?;
                        t[1..t.len() - 1].trim_end_matches(',').to_string()
                    };
                    return Ok(format!("{}({})", cls.name(), inner));
                }
                if let Payload::Base(b) = &*i.payload.borrow() {
                    let b = b.clone();
                    return self.repr(&b);
                }
                self.default_repr(v)
            }
        })
    }

    pub(crate) fn default_repr(&self, v: &Value) -> String {
        let c = v.class();
        let m = c.module();
        let name = if &*m == "builtins" {
            c.qualname().to_string()
        } else {
            format!("{}.{}", m, c.qualname())
        };
        format!("<{} object at {:#x}>", name, v.id())
    }

    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(i) => {
                if let Some(m) = self.user_special(v, "__str__")? {
                    let r = self.call(&m, vec![], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                if let Some(m) = self.user_special(v, "__repr__")? {
                    // object.__str__ calls the type's repr slot directly, so
                    // a bad result is reported as __str__'s.
                    let r = self.call(&m, vec![], vec![])?;
                    return match r {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(type_error(format!(
                            "__str__ returned non-string (type {})",
                            other.type_name()
                        ))),
                    };
                }
                let cls = i.class.borrow().clone();
                if cls.layout == Layout::Exception {
                    let args = exc_args(v);
                    let is_key = cls.is_subclass(&crate::object::class::types().exc("KeyError"));
                    if (2..=5).contains(&args.len())
                        && cls.is_subclass(&crate::object::class::types().exc("OSError"))
                    {
                        use crate::vm::attr::os_error_field;
                        let errno = self.str(&os_error_field(&args, "errno"))?;
                        let strerror = self.str(&os_error_field(&args, "strerror"))?;
                        let f1 = os_error_field(&args, "filename");
                        let f2 = os_error_field(&args, "filename2");
                        return Ok(if !f1.is_none() && !f2.is_none() {
                            format!(
                                "[Errno {errno}] {strerror}: {} -> {}",
                                self.repr(&f1)?,
                                self.repr(&f2)?
                            )
                        } else if !f1.is_none() {
                            format!("[Errno {errno}] {strerror}: {}", self.repr(&f1)?)
                        } else {
                            format!("[Errno {errno}] {strerror}")
                        });
                    }
                    return match args.len() {
                        0 => Ok(String::new()),
                        1 if is_key => self.repr(&args[0]),
                        1 => self.str(&args[0]),
                        _ => self.repr(&Value::tuple(args)),
                    };
                }
                if let Some(b) = base_value(v) {
                    return self.str(&b);
                }
                self.repr(v)
            }
            Value::Native(n) => {
                let n = n.clone();
                match n.str(self, v)? {
                    Some(s) => Ok(s),
                    None => self.repr(v),
                }
            }
            _ => self.repr(v),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Instance(_) = v {
            if let Some(m) = self.user_special(v, "__format__")? {
                let r = self.call(&m, vec![Value::str(spec)], vec![])?;
                return self.str(&r);
            }
            if let Some(b) = base_value(v) {
                if !spec.is_empty() {
                    return self.format(&b, spec);
                }
            }
        }
        if spec.is_empty() {
            return self.str(v);
        }
        let tn = v.type_name();
        let s = crate::format::FormatSpec::parse_for(spec, &tn)
            .map_err(|m| PyErr::new(crate::format::error_kind(&m), m))?;
        let r = match v {
            Value::Bool(b) if s.ty.is_none() && spec.is_empty() => {
                crate::format::format_str(if *b { "True" } else { "False" }, &s)
            }
            Value::Int(_) | Value::Bool(_) => {
                crate::format::format_int(crate::vm::ops::as_int(v).unwrap_or(0), &s)
            }
            Value::Float(f) => crate::format::format_float(*f, &s),
            Value::BigInt(b) => crate::format::format_bigint(b.is_neg(), &b.abs().to_string(), &s),
            Value::Str(x) => crate::format::format_str(x, &s),
            _ => {
                return Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                )));
            }
        };
        r.map_err(|m| PyErr::new(crate::format::error_kind(&m), m))
    }
}

/// printf-style `str % args`, through `format::percent_format`; the
/// interpreter supplies str/repr/int/float conversions.
pub fn percent_format(interp: &mut Interpreter, fmt: &Value, args: &Value) -> PyResult<Value> {
    // bytes % args runs the same formatter over the latin-1 view of the
    // bytes (every byte one char), with bytes rules for %s/%b, %r/%a, %c.
    let (f, bytes_mode): (Rc<str>, bool) = match fmt {
        Value::Str(f) => (f.clone(), false),
        Value::Bytes(b) => (Rc::from(bytes_percent_template(b)), true),
        _ => return Err(type_error("format requires str")),
    };
    let f = &f;
    struct A<'i> {
        interp: &'i mut Interpreter,
        args: Value,
        err: Option<PyErr>,
        bytes_mode: bool,
    }
    impl A<'_> {
        fn get(&mut self, a: crate::format::PercentArg<'_>) -> Result<Value, String> {
            let r = match a {
                crate::format::PercentArg::Item(i) => match &self.args {
                    Value::Tuple(t) => Ok(t.get(i).cloned().unwrap_or(Value::None)),
                    _ => Ok(Value::None),
                },
                crate::format::PercentArg::Whole => Ok(self.args.clone()),
                crate::format::PercentArg::Key(k) => {
                    let args = self.args.clone();
                    let key = if self.bytes_mode {
                        Value::Bytes(Rc::from(
                            k.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>(),
                        ))
                    } else {
                        Value::str(k)
                    };
                    self.interp.getitem(&args, key)
                }
            };
            self.keep(r)
        }
        fn keep<T>(&mut self, r: PyResult<T>) -> Result<T, String> {
            r.map_err(|e| {
                self.err = Some(e);
                "\u{0}".to_string()
            })
        }
    }
    impl crate::format::PercentArgs for A<'_> {
        fn tuple_len(&self) -> Option<usize> {
            match &self.args {
                Value::Tuple(t) => Some(t.len()),
                _ => None,
            }
        }
        fn is_mapping(&self) -> bool {
            !matches!(self.args, Value::Tuple(_) | Value::Str(_))
                && (matches!(self.args, Value::Dict(_) | Value::List(_))
                    || self.args.class().lookup("__getitem__").is_some())
        }
        fn text(
            &mut self,
            arg: crate::format::PercentArg<'_>,
            conv: char,
        ) -> Result<String, String> {
            let v = self.get(arg)?;
            if self.bytes_mode {
                if matches!(conv, 'r' | 'a') {
                    let r = self.interp.repr(&v).map(|s| ascii(&s));
                    return self.keep(r);
                }
                let b = match &v {
                    Value::Bytes(b) => Some(b.clone()),
                    other => match base_value(other) {
                        Some(Value::Bytes(b)) => Some(b),
                        _ => None,
                    },
                };
                return match b {
                    Some(b) => Ok(b.iter().map(|&x| x as char).collect()),
                    None => {
                        self.err = Some(type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                            v.type_name()
                        )));
                        Err("\u{0}".into())
                    }
                };
            }
            let r = match conv {
                'r' => self.interp.repr(&v),
                'a' => self.interp.repr(&v).map(|s| ascii(&s)),
                _ => self.interp.str(&v),
            };
            self.keep(r)
        }
        fn int(
            &mut self,
            arg: crate::format::PercentArg<'_>,
            conv: char,
        ) -> Result<(bool, String), String> {
            let v = self.get(arg)?;
            let v = base_value(&v).unwrap_or(v);
            match &v {
                Value::Int(_) | Value::Bool(_) => {
                    let i = crate::vm::ops::as_int(&v).unwrap_or(0);
                    Ok((i < 0, i.unsigned_abs().to_string()))
                }
                Value::BigInt(b) => Ok((b.is_neg(), b.abs().to_string())),
                Value::Float(f) if matches!(conv, 'd' | 'i' | 'u') => {
                    let t = f.trunc();
                    Ok((t < 0.0, format!("{:.0}", t.abs())))
                }
                _ => {
                    let msg = if conv == '*' {
                        "* wants int".to_string()
                    } else if matches!(conv, 'd' | 'i' | 'u') {
                        format!(
                            "%{conv} format: a real number is required, not {}",
                            v.type_name()
                        )
                    } else {
                        format!(
                            "%{conv} format: an integer is required, not {}",
                            v.type_name()
                        )
                    };
                    self.err = Some(type_error(msg));
                    Err("\u{0}".into())
                }
            }
        }
        fn float(
            &mut self,
            arg: crate::format::PercentArg<'_>,
            _conv: char,
        ) -> Result<f64, String> {
            let v = self.get(arg)?;
            let v = base_value(&v).unwrap_or(v);
            match crate::vm::ops::as_float(&v) {
                Some(f) => Ok(f),
                None => {
                    self.err = Some(type_error(format!(
                        "must be real number, not {}",
                        v.type_name()
                    )));
                    Err("\u{0}".into())
                }
            }
        }
        fn char(&mut self, arg: crate::format::PercentArg<'_>) -> Result<char, String> {
            let v = self.get(arg)?;
            if self.bytes_mode {
                return match &v {
                    Value::Bytes(b) if b.len() == 1 => Ok(b[0] as char),
                    Value::Int(i) if (0..256).contains(i) => Ok(*i as u8 as char),
                    Value::Int(_) => {
                        self.err = Some(PyErr::new("OverflowError", "%c arg not in range(256)"));
                        Err("\u{0}".into())
                    }
                    _ => {
                        self.err = Some(type_error(
                            "%c requires an integer in range(256) or a single byte",
                        ));
                        Err("\u{0}".into())
                    }
                };
            }
            match &v {
                Value::Str(s) if s.chars().count() == 1 => Ok(s.chars().next().unwrap_or(' ')),
                Value::Int(i) => match u32::try_from(*i).ok().and_then(char::from_u32) {
                    Some(c) => Ok(c),
                    None => Err("%c arg not in range(0x110000)".into()),
                },
                _ => {
                    self.err = Some(type_error("%c requires int or char"));
                    Err("\u{0}".into())
                }
            }
        }
    }
    let mut a = A {
        interp,
        args: args.clone(),
        err: None,
        bytes_mode,
    };
    match crate::format::percent_format(f, &mut a) {
        Ok(s) if bytes_mode => Ok(Value::Bytes(Rc::from(
            s.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>(),
        ))),
        Ok(s) => Ok(Value::str(&s)),
        Err(m) => match a.err.take() {
            Some(e) => Err(e),
            None => Err(PyErr::new(crate::format::percent_error_kind(&m), m)),
        },
    }
}

/// The latin-1 text of a bytes `%` template, with `%b` (bytes' alias of
/// `%s`) rewritten to `%s` so the str formatter handles it.
fn bytes_percent_template(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        out.push(b[i] as char);
        if b[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        if b.get(i) == Some(&b'(') {
            let mut depth = 0;
            while i < b.len() {
                out.push(b[i] as char);
                match b[i] {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        while i < b.len() && b"-+ #0123456789.*hlL".contains(&b[i]) {
            out.push(b[i] as char);
            i += 1;
        }
        if i < b.len() {
            out.push(if b[i] == b'b' { 's' } else { b[i] as char });
            i += 1;
        }
    }
    out
}
