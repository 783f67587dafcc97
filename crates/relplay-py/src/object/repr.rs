//! `repr()`, `str()`, `format()` and printf-style `%` for every value,
//! recursion-safe (`[...]` for cycles, RecursionError for depth).

use crate::object::class::{base_value, Layout};
use crate::object::fmtspec;
use crate::value::{Payload, PyErr, PyResult, Value, ViewKind};
use crate::vm::exc::{exc_args, type_error};
use crate::vm::Interpreter;

pub fn str_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (0x80..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

pub fn bytes_repr(b: &[u8]) -> String {
    let q = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(q);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == q => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(q);
    out
}

pub fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

pub fn float_repr(f: f64) -> String {
    fmtspec::float_repr(f)
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
                    format!("({},)", self.repr(&t[0])?)
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
                if self.user_special(v, "__repr__")?.is_some() {
                    return self.repr(v);
                }
                let cls = i.class.borrow().clone();
                if cls.layout == Layout::Exception {
                    let args = exc_args(v);
                    let is_key = cls.is_subclass(&crate::object::class::types().exc("KeyError"));
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
        let s = fmtspec::parse(spec).map_err(|m| PyErr::new("ValueError", m))?;
        let r = match v {
            Value::Bool(b) if s.ty.is_none() => {
                fmtspec::format_str(if *b { "True" } else { "False" }, &s)
            }
            Value::Int(_) | Value::Bool(_) => {
                fmtspec::format_int(crate::vm::ops::as_int(v).unwrap_or(0), &s)
            }
            Value::Float(f) => fmtspec::format_float(*f, &s),
            Value::Str(x) => fmtspec::format_str(x, &s),
            _ => {
                return Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                )));
            }
        };
        r.map_err(|m| PyErr::new("ValueError", m))
    }
}

/// printf-style `str % args`.
pub fn percent_format(interp: &mut Interpreter, fmt: &Value, args: &Value) -> PyResult<Value> {
    let Value::Str(f) = fmt else {
        return Err(type_error("format requires str"));
    };
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        other => (vec![other.clone()], None),
    };
    let mut idx = 0;
    let mut out = String::new();
    let chars: Vec<char> = f.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if i < chars.len() && chars[i] == '(' {
            let st = i + 1;
            while i < chars.len() && chars[i] != ')' {
                i += 1;
            }
            key = Some(chars[st..i.min(chars.len())].iter().collect::<String>());
            i += 1;
        }
        let st = i;
        while i < chars.len() && "-+ #0123456789.".contains(chars[i]) {
            i += 1;
        }
        let flags: String = chars[st..i.min(chars.len())].iter().collect();
        let Some(&conv) = chars.get(i) else {
            return Err(PyErr::new("ValueError", "incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let arg = match (&key, &mapping) {
            (Some(k), Some(m)) => interp.getitem(m, Value::str(k))?,
            _ => {
                let a = items
                    .get(idx)
                    .cloned()
                    .ok_or_else(|| type_error("not enough arguments for format string"))?;
                idx += 1;
                a
            }
        };
        let (align_left, zero, plus) = (
            flags.contains('-'),
            flags.starts_with('0') || flags.contains("+0") || flags.contains("-0"),
            flags.contains('+'),
        );
        let spec_core: String = flags
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let (w, p) = match spec_core.split_once('.') {
            Some((w, p)) => (w.trim_start_matches('0').to_string(), Some(p.to_string())),
            None => (spec_core.trim_start_matches('0').to_string(), None),
        };
        let mut spec = String::new();
        if align_left {
            spec.push('<');
        } else if zero {
            spec.push('0');
        }
        if plus {
            spec.insert(0, '+');
            if align_left {
                spec = "<+".into();
            }
        }
        spec.push_str(&w);
        if let Some(p) = &p {
            spec.push('.');
            spec.push_str(p);
        }
        let piece = match conv {
            's' => {
                let s = interp.str(&arg)?;
                interp.format(&Value::str(&s), &spec)?
            }
            'r' => {
                let s = interp.repr(&arg)?;
                interp.format(&Value::str(&s), &spec)?
            }
            'a' => {
                let s = ascii(&interp.repr(&arg)?);
                interp.format(&Value::str(&s), &spec)?
            }
            'd' | 'i' | 'u' => {
                let n = match &arg {
                    Value::Float(f) => Value::Int(f.trunc() as i64),
                    Value::Int(_) | Value::Bool(_) => {
                        Value::Int(crate::vm::ops::as_int(&arg).unwrap_or(0))
                    }
                    other => match base_value(other) {
                        Some(b) => b,
                        None => {
                            return Err(type_error(format!(
                                "%{conv} format: a real number is required, not {}",
                                other.type_name()
                            )))
                        }
                    },
                };
                interp.format(&n, &spec.split('.').next().unwrap_or("").to_string())?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 'o' | 'c' => {
                let mut sp = spec.clone();
                if p.is_none() && matches!(conv, 'f' | 'F' | 'e' | 'E') {
                    sp.push_str(".6");
                }
                sp.push(conv);
                let a = match (&arg, conv) {
                    (Value::Int(i), 'f' | 'F' | 'e' | 'E' | 'g' | 'G') => Value::Float(*i as f64),
                    _ => arg.clone(),
                };
                interp.format(&a, &sp)?
            }
            other => {
                return Err(PyErr::new(
                    "ValueError",
                    format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        i - 1
                    ),
                ))
            }
        };
        out.push_str(&piece);
    }
    if mapping.is_none() && idx < items.len() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Value::str(&out))
}
