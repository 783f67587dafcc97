//! The runtime half of structural pattern matching: the checks CPython's
//! MATCH_SEQUENCE, MATCH_MAPPING, GET_LEN, MATCH_KEYS and MATCH_CLASS do
//! (Python/ceval.c), with their error messages. Off the hot path: the
//! instruction loop calls [`Interpreter::match_op`] for every `Op::Match`.

use std::rc::Rc;

use crate::compile::code::MatchOp;
use crate::object::class::{type_of, types, Class};
use crate::object::native::MatchShape as Shape;
use crate::value::{PyResult, Value};
use crate::vm::exc::{type_error, value_error};
use crate::vm::Interpreter;

/// How a value takes part in sequence/mapping patterns: a native object
/// says so itself; otherwise its class's MRO decides, as CPython's
/// inherited `Py_TPFLAGS_SEQUENCE`/`MAPPING` do.
fn shape(v: &Value) -> Shape {
    if let Value::Native(n) = v {
        return n.match_shape();
    }
    let t = types();
    for k in type_of(v).mro() {
        if [&t.list, &t.tuple, &t.range]
            .iter()
            .any(|b| Rc::ptr_eq(b, &k))
        {
            return Shape::Sequence;
        }
        if [&t.str_, &t.bytes].iter().any(|b| Rc::ptr_eq(b, &k)) || &*k.name() == "bytearray" {
            return Shape::Neither;
        }
        if Rc::ptr_eq(&t.dict, &k) {
            return Shape::Mapping;
        }
        // Classes written in Python in our stdlib that are C types with the
        // flags in CPython: the ABCs and `collections.deque`.
        match (&*k.module(), &*k.name()) {
            ("collections.abc", "Sequence" | "MutableSequence") => return Shape::Sequence,
            ("collections.abc", "Mapping" | "MutableMapping") => return Shape::Mapping,
            ("collections", "deque") => return Shape::Sequence,
            _ => {}
        }
    }
    Shape::Neither
}

/// Built-in types whose class pattern `int(x)` matches the subject itself
/// (CPython's `_Py_TPFLAGS_MATCH_SELF`, inherited by subclasses).
fn matches_self(c: &Rc<Class>) -> bool {
    let t = types();
    let selfish = [
        &t.bool_,
        &t.bytes,
        &t.dict,
        &t.float,
        &t.frozenset,
        &t.int,
        &t.list,
        &t.set,
        &t.str_,
        &t.tuple,
    ];
    c.mro()
        .iter()
        .any(|k| selfish.iter().any(|b| Rc::ptr_eq(b, k)) || &*k.name() == "bytearray")
}

impl Interpreter {
    #[inline(never)]
    pub(crate) fn match_op(&mut self, op: MatchOp) -> PyResult<()> {
        let v = match op {
            MatchOp::IsSequence => {
                let s = self.pop();
                Value::Bool(shape(&s) == Shape::Sequence)
            }
            MatchOp::IsMapping => {
                let s = self.pop();
                Value::Bool(shape(&s) == Shape::Mapping)
            }
            MatchOp::Len => {
                let s = self.pop();
                Value::Int(self.len(&s)? as i64)
            }
            MatchOp::Keys => {
                let keys = self.pop();
                let s = self.pop();
                self.match_keys(&s, &keys)?
            }
            MatchOp::Rest => {
                let keys = self.pop();
                let s = self.pop();
                let dict = self.load_builtin("dict")?;
                let rest = self.call0(&dict, vec![s])?;
                if let (Value::Dict(d), Value::Tuple(ks)) = (&rest, &keys) {
                    for k in ks.iter() {
                        self.dict_remove(d, k)?;
                    }
                }
                rest
            }
            MatchOp::Class(npos) => {
                let names = self.pop();
                let cls = self.pop();
                let s = self.pop();
                self.match_class(&s, &cls, npos as usize, &names)?
            }
        };
        self.push(v);
        Ok(())
    }

    /// The values of `keys` in the mapping, looked up with `.get()` so a
    /// `__missing__` is not called; None when one is absent.
    fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let Value::Tuple(keys) = keys else {
            return Ok(Value::None);
        };
        let mut seen: Vec<Value> = Vec::new();
        let mut out = Vec::with_capacity(keys.len());
        let get = match subject {
            Value::Dict(_) => None,
            _ => Some(self.getattr(subject, "get")?),
        };
        let dummy = Value::Instance(crate::vm::exc::new_instance(&types().object));
        for k in keys.iter() {
            for s in &seen {
                if self.eq(s, k)? {
                    let r = self.repr(k)?;
                    return Err(value_error(format!(
                        "mapping pattern checks duplicate key ({r})"
                    )));
                }
            }
            seen.push(k.clone());
            let found = match (&get, subject) {
                (None, Value::Dict(d)) => self.dict_get(d, k)?,
                (Some(g), _) => {
                    let v = self.call0(g, vec![k.clone(), dummy.clone()])?;
                    (!v.is(&dummy)).then_some(v)
                }
                _ => None,
            };
            match found {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(Value::tuple(out))
    }

    /// `Cls(p, q, a=r)`: isinstance, then the attributes named by
    /// `__match_args__` for positionals and by keyword; None on no match.
    fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        npos: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Value::Class(c) = cls else {
            return Err(type_error("called match pattern must be a type"));
        };
        if !self.isinstance(subject, cls)? {
            return Ok(Value::None);
        }
        let cname = c.name();
        let mut attrs = Vec::new();
        let mut seen: Vec<Rc<str>> = Vec::new();
        if npos > 0 {
            let match_args = self.getattr_opt(cls, "__match_args__")?;
            let self_match = match_args.is_none() && matches_self(c);
            let allowed = match &match_args {
                Some(Value::Tuple(t)) => t.len(),
                Some(other) => {
                    let got = other.type_name();
                    return Err(type_error(format!(
                        "{cname}.__match_args__ must be a tuple (got {got})"
                    )));
                }
                None => usize::from(self_match),
            };
            if allowed < npos {
                let s = if allowed == 1 { "" } else { "s" };
                return Err(type_error(format!(
                    "{cname}() accepts {allowed} positional sub-pattern{s} ({npos} given)"
                )));
            }
            if self_match {
                attrs.push(subject.clone());
            } else if let Some(Value::Tuple(t)) = &match_args {
                for n in t[..npos].iter() {
                    let Value::Str(name) = n else {
                        let got = n.type_name();
                        return Err(type_error(format!(
                            "__match_args__ elements must be strings (got {got})"
                        )));
                    };
                    match self.match_attr(subject, &cname, name, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        if let Value::Tuple(kw) = names {
            for n in kw.iter() {
                let Value::Str(name) = n else { continue };
                match self.match_attr(subject, &cname, name, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
        Ok(Value::tuple(attrs))
    }

    fn match_attr(
        &mut self,
        subject: &Value,
        cname: &str,
        name: &Rc<str>,
        seen: &mut Vec<Rc<str>>,
    ) -> PyResult<Option<Value>> {
        if seen.contains(name) {
            return Err(type_error(format!(
                "{cname}() got multiple sub-patterns for attribute '{name}'"
            )));
        }
        seen.push(name.clone());
        match self.getattr(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is_instance_of("AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Config, Interpreter};

    fn run(src: &str) -> (String, String) {
        let mut i = Interpreter::new(Config::default());
        i.run_file(src, "main.py");
        let out = i.take_output();
        (out.stdout, out.stderr)
    }

    #[test]
    fn sequence_and_mapping_shapes() {
        let src = "for v in ['ab', b'ab', (1, 2), [1, 2], range(2), {1: 2}]:\n    match v:\n        case [_, _]:\n            print('seq')\n        case {}:\n            print('map')\n        case _:\n            print('other')\n";
        assert_eq!(run(src).0, "other\nother\nseq\nseq\nseq\nmap\n");
    }

    #[test]
    fn keys_use_get_and_rest_copies() {
        let src = "class D(dict):\n    def __missing__(self, k):\n        return 0\nmatch D(a=1, b=2):\n    case {'z': _}:\n        print('no')\n    case {'a': 1, **r}:\n        print(r, type(r).__name__)\n";
        assert_eq!(run(src).0, "{'b': 2} dict\n");
    }

    #[test]
    fn class_pattern_errors() {
        let (_, err) = run(
            "class C:\n    __match_args__ = ('a',)\nmatch C():\n    case C(x):\n        pass\n",
        );
        assert!(err.is_empty(), "a missing attribute is no match: {err}");
        let (_, err) = run("match True:\n    case bool(1, 2):\n        pass\n");
        assert!(
            err.ends_with("TypeError: bool() accepts 1 positional sub-pattern (2 given)\n"),
            "{err}"
        );
    }

    #[test]
    fn failed_cases_bind_nothing() {
        let src = "match [0, 1]:\n    case [kept, 2]:\n        pass\n    case [_, one]:\n        pass\nprint('kept' in dir(), one)\n";
        assert_eq!(run(src).0, "False 1\n");
    }
}
