//! Constructors and core dunders of built-in types, installed once per
//! thread into the shared type objects.

use std::cell::RefCell;
use std::rc::Rc;

use crate::builtins::args::{arity, parse};
use crate::builtins::method;
use crate::object::class::{base_value, types, Class};
use crate::object::dict::PyDict;
use crate::value::{Payload, Property, PyErr, PyResult, Value};
use crate::vm::call::Kw;
use crate::vm::exc::{type_error, value_error, with_exc};
use crate::vm::ops::{as_float, as_int};
use crate::vm::Interpreter;

fn set(c: &Rc<Class>, name: &str, v: Value) {
    c.dict.borrow_mut().set_str(name, v);
}

fn ctor(c: &Rc<Class>, f: fn(&mut Interpreter, Vec<Value>, Kw) -> PyResult<Value>) {
    let name = c.name();
    set(c, "__ctor__", crate::builtins::builtin(&name, f));
}

pub fn install_type_methods() {
    let t = types();
    if t.object.dict.borrow().contains_str("__init__") {
        return;
    }
    let o = &t.object;
    set(
        o,
        "__init__",
        method("object", "__init__", |_, a, k| {
            // CPython's object_init: extra arguments are an error when the
            // type overrides __init__, or when it overrides neither method.
            if a.len() > 1 || !k.is_empty() {
                let Some(me) = a.first() else {
                    return Ok(Value::None);
                };
                let cls = me.class();
                let object = types().object.clone();
                let overrides = |name: &str| {
                    cls.lookup_with_owner(name)
                        .is_some_and(|(owner, _)| !Rc::ptr_eq(&owner, &object))
                };
                if overrides("__init__") {
                    return Err(type_error(
                        "object.__init__() takes exactly one argument (the instance to initialize)",
                    ));
                }
                if !overrides("__new__") {
                    return Err(type_error(format!("{}() takes no arguments", cls.name())));
                }
            }
            Ok(Value::None)
        }),
    );
    set(
        o,
        "__new__",
        Value::StaticMethod(Rc::new(method("object", "__new__", |i, a, _| {
            match a.first() {
                Some(Value::Class(c)) => {
                    let c = c.clone();
                    i.object_new(&c, &a[1..])
                }
                _ => Err(type_error("object.__new__(X): X is not a type object")),
            }
        }))),
    );
    set(
        o,
        "__setattr__",
        method("object", "__setattr__", |i, a, _| {
            arity("__setattr__", &a, 3, 3)?;
            let Value::Str(n) = &a[1] else {
                return Err(type_error("attribute name must be string"));
            };
            i.generic_setattr(&a[0], n, a[2].clone())?;
            Ok(Value::None)
        }),
    );
    set(
        o,
        "__getattribute__",
        method("object", "__getattribute__", |i, a, _| {
            arity("__getattribute__", &a, 2, 2)?;
            let Value::Str(n) = &a[1] else {
                return Err(type_error("attribute name must be string"));
            };
            match i.generic_getattr(&a[0], n)? {
                Some(v) => Ok(v),
                None => Err(i.no_attribute(&a[0], n)),
            }
        }),
    );
    set(
        o,
        "__delattr__",
        method("object", "__delattr__", |i, a, _| {
            arity("__delattr__", &a, 2, 2)?;
            let Value::Str(n) = &a[1] else {
                return Err(type_error("attribute name must be string"));
            };
            if let Value::Instance(inst) = &a[0] {
                if inst.dict.borrow_mut().del_str(n).is_some() {
                    return Ok(Value::None);
                }
            }
            Err(i.no_attribute(&a[0], n))
        }),
    );
    set(
        o,
        "__repr__",
        method("object", "__repr__", |i, a, _| {
            Ok(Value::str(&i.default_repr(&a[0])))
        }),
    );
    set(
        o,
        "__str__",
        method("object", "__str__", |i, a, _| {
            Ok(Value::str(&i.repr(&a[0])?))
        }),
    );
    set(
        o,
        "__eq__",
        method("object", "__eq__", |_, a, _| {
            Ok(if a.len() == 2 && a[0].is(&a[1]) {
                Value::Bool(true)
            } else {
                Value::NotImplemented
            })
        }),
    );
    set(
        o,
        "__ne__",
        method("object", "__ne__", |i, a, _| {
            if a.len() != 2 {
                return Ok(Value::NotImplemented);
            }
            let r = i.richcompare(&a[0], &a[1], crate::ast::CmpOp::Eq)?;
            Ok(Value::Bool(!i.truthy(&r)?))
        }),
    );
    set(
        o,
        "__hash__",
        method("object", "__hash__", |_, a, _| {
            Ok(Value::Int((a[0].id() >> 4) as i64))
        }),
    );
    set(
        o,
        "__init_subclass__",
        Value::ClassMethod(Rc::new(method("object", "__init_subclass__", |_, a, k| {
            if let Some((n, _)) = k.first() {
                let cname = match a.first() {
                    Some(Value::Class(c)) => c.name().to_string(),
                    _ => "object".into(),
                };
                let _ = n;
                return Err(type_error(format!(
                    "{cname}.__init_subclass__() takes no keyword arguments"
                )));
            }
            Ok(Value::None)
        }))),
    );
    set(
        o,
        "__format__",
        method("object", "__format__", |i, a, _| {
            let spec = match a.get(1) {
                Some(Value::Str(s)) => s.to_string(),
                _ => String::new(),
            };
            if !spec.is_empty() {
                return Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    a[0].type_name()
                )));
            }
            Ok(Value::str(&i.str(&a[0])?))
        }),
    );
    set(o, "__class_getitem__", Value::None);
    o.dict.borrow_mut().del_str("__class_getitem__");
    ctor(o, |_, a, _| {
        if !a.is_empty() {
            return Err(type_error("object() takes no arguments"));
        }
        Ok(Value::Instance(crate::vm::exc::new_instance(
            &types().object,
        )))
    });

    // type
    ctor(&t.type_, |i, a, k| {
        if a.len() == 1 {
            return Ok(Value::Class(a[0].class()));
        }
        if a.len() != 3 {
            return Err(type_error("type() takes 1 or 3 arguments"));
        }
        let Value::Str(name) = &a[0] else {
            return Err(type_error("type.__new__() argument 1 must be str"));
        };
        let bases = match &a[1] {
            Value::Tuple(t) => t.to_vec(),
            _ => return Err(type_error("type.__new__() argument 2 must be tuple")),
        };
        let ns = match &a[2] {
            Value::Dict(d) => d.borrow().clone(),
            _ => return Err(type_error("type.__new__() argument 3 must be dict")),
        };
        i.type_new(&types().type_, name, bases, ns, k)
    });
    set(
        &t.type_,
        "__new__",
        Value::StaticMethod(Rc::new(method("type", "__new__", |i, a, k| {
            // type.__new__(meta, name, bases, ns)
            if a.len() != 4 {
                return Err(type_error("type.__new__() takes exactly 3 arguments"));
            }
            let Value::Class(meta) = &a[0] else {
                return Err(type_error("type.__new__(X): X is not a type object"));
            };
            let Value::Str(name) = &a[1] else {
                return Err(type_error("type.__new__() argument 1 must be str"));
            };
            let bases = match &a[2] {
                Value::Tuple(t) => t.to_vec(),
                _ => Vec::new(),
            };
            let ns = match &a[3] {
                Value::Dict(d) => d.borrow().clone(),
                _ => PyDict::new(),
            };
            let meta = meta.clone();
            i.type_new(&meta, name, bases, ns, k)
        }))),
    );
    set(
        &t.type_,
        "__init__",
        method("type", "__init__", |_, _, _| Ok(Value::None)),
    );
    set(
        &t.type_,
        "__call__",
        method("type", "__call__", |i, a, k| {
            let Some(Value::Class(c)) = a.first() else {
                return Err(type_error("descriptor '__call__' requires a type"));
            };
            let c = c.clone();
            // Bypass metaclass __call__ to avoid infinite recursion.
            let meta = c.meta.borrow_mut().take();
            let r = i.call_class(&c, a[1..].to_vec(), k);
            *c.meta.borrow_mut() = meta;
            r
        }),
    );
    set(
        &t.type_,
        "mro",
        method("type", "mro", |_, a, _| match a.first() {
            Some(Value::Class(c)) => {
                Ok(Value::list(c.mro().into_iter().map(Value::Class).collect()))
            }
            _ => Ok(Value::None),
        }),
    );
    set(
        &t.type_,
        "__subclasses__",
        method("type", "__subclasses__", |_, a, _| match a.first() {
            Some(Value::Class(c)) => Ok(Value::list(
                c.subclasses
                    .borrow()
                    .iter()
                    .filter_map(|w| w.upgrade())
                    .map(Value::Class)
                    .collect(),
            )),
            _ => Ok(Value::list(vec![])),
        }),
    );
    set(
        &t.type_,
        "__prepare__",
        method("type", "__prepare__", |_, _, _| {
            Ok(Value::dict(PyDict::new()))
        }),
    );

    set(
        &t.type_,
        "__setattr__",
        method("type", "__setattr__", |i, a, _| {
            arity("__setattr__", &a, 3, 3)?;
            let Value::Str(n) = &a[1] else {
                return Err(type_error("attribute name must be string"));
            };
            i.setattr(&a[0], n, a[2].clone())?;
            Ok(Value::None)
        }),
    );

    for name in ["__or__", "__ror__"] {
        set(
            &t.type_,
            name,
            method("type", name, move |i, a, _| {
                arity(name, &a, 2, 2)?;
                let (l, r) = if name == "__or__" {
                    (a[0].clone(), a[1].clone())
                } else {
                    (a[1].clone(), a[0].clone())
                };
                let m = i.import("typing", true)?;
                let f = i.getattr(&m, "_union_type")?;
                i.call(&f, vec![l, r], vec![])
            }),
        );
    }

    // BaseException
    let be = &t.base_exception;
    set(
        be,
        "__init__",
        method("BaseException", "__init__", |_, a, _| {
            if let Some(s) = a.first() {
                with_exc(s, |d| d.args = a[1..].to_vec());
            }
            Ok(Value::None)
        }),
    );
    set(
        be,
        "with_traceback",
        method(
            "BaseException",
            "with_traceback",
            |_, a, _| Ok(a[0].clone()),
        ),
    );
    set(
        be,
        "add_note",
        method("BaseException", "add_note", |i, a, _| {
            arity("add_note", &a, 2, 2)?;
            let note = match &a[1] {
                Value::Str(_) => a[1].clone(),
                other => {
                    return Err(type_error(format!(
                        "note must be a str, not '{}'",
                        other.type_name()
                    )))
                }
            };
            let Value::Instance(inst) = &a[0] else {
                return Err(type_error("add_note() requires an exception"));
            };
            let existing = inst.dict.borrow().get_str("__notes__");
            match existing {
                None => {
                    let l = Value::list(vec![note]);
                    inst.dict.borrow_mut().set_str("__notes__", l);
                }
                Some(Value::List(l)) => l.borrow_mut().push(note),
                Some(_) => return Err(type_error("Cannot add note: __notes__ is not a list")),
            }
            let _ = i;
            Ok(Value::None)
        }),
    );

    // Numbers and strings.
    ctor(&t.int, int_ctor);
    ctor(&t.bool_, |i, a, _| {
        arity("bool", &a, 0, 1)?;
        Ok(Value::Bool(match a.first() {
            Some(v) => i.truthy(v)?,
            None => false,
        }))
    });
    ctor(&t.float, float_ctor);
    ctor(&t.str_, |i, a, k| {
        let p = parse("str", a, k, &["object", "encoding", "errors"], 0)?;
        match (&p[0], &p[1]) {
            (None, _) => Ok(Value::str("")),
            (Some(Value::Bytes(b)), Some(_)) => {
                let b = b.clone();
                crate::builtins::methods::bytes_decode(i, &b, &p[1], &p[2])
            }
            (Some(v), _) => Ok(Value::str(&i.str(v)?)),
        }
    });
    ctor(&t.bytes, |i, a, _| match a.first() {
        None => Ok(Value::Bytes(Rc::from(Vec::new()))),
        Some(Value::Str(s)) => {
            if a.len() < 2 {
                return Err(type_error("string argument without an encoding"));
            }
            Ok(Value::Bytes(Rc::from(s.as_bytes())))
        }
        Some(Value::Int(n)) => {
            if *n < 0 {
                return Err(value_error("negative count"));
            }
            i.check_alloc(*n as usize)?;
            Ok(Value::Bytes(Rc::from(vec![0u8; (*n).max(0) as usize])))
        }
        Some(v) => {
            let items = i.collect_iter(v)?;
            let mut out = Vec::new();
            for x in items {
                match as_int(&x) {
                    Some(b) if (0..256).contains(&b) => out.push(b as u8),
                    _ => return Err(value_error("bytes must be in range(0, 256)")),
                }
            }
            Ok(Value::Bytes(Rc::from(out)))
        }
    });
    ctor(&t.list, |i, a, k| {
        crate::builtins::args::no_kw("list", &k)?;
        arity("list", &a, 0, 1)?;
        match a.first() {
            None => Ok(Value::list(vec![])),
            Some(v) => {
                if let Value::Range(r) = v {
                    let n = crate::object::iter::range_len(r.0, r.1, r.2);
                    i.check_alloc(n as usize)?;
                }
                Ok(Value::list(i.collect_iter(v)?))
            }
        }
    });
    ctor(&t.tuple, |i, a, _| {
        arity("tuple", &a, 0, 1)?;
        match a.first() {
            None => Ok(Value::tuple(vec![])),
            Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
            Some(v) => Ok(Value::tuple(i.collect_iter(v)?)),
        }
    });
    ctor(&t.dict, |i, a, k| {
        arity("dict", &a, 0, 1)?;
        let d = Rc::new(RefCell::new(PyDict::new()));
        if let Some(src) = a.first() {
            crate::builtins::methods::dict_update_from(i, &d, src)?;
        }
        for (n, v) in k {
            d.borrow_mut().set_str_rc(n, v);
        }
        Ok(Value::Dict(d))
    });
    ctor(&t.set, |i, a, _| {
        arity("set", &a, 0, 1)?;
        let items = match a.first() {
            Some(v) => i.collect_iter(v)?,
            None => vec![],
        };
        i.new_set(items)
    });
    ctor(&t.frozenset, |i, a, _| {
        arity("frozenset", &a, 0, 1)?;
        let items = match a.first() {
            Some(v) => i.collect_iter(v)?,
            None => vec![],
        };
        match i.new_set(items)? {
            Value::Set(d) => Ok(Value::FrozenSet(d)),
            other => Ok(other),
        }
    });
    ctor(&t.range, |i, a, _| {
        arity("range", &a, 1, 3)?;
        let mut n = Vec::new();
        for x in &a {
            match i.index_value(x)? {
                Some(v) => n.push(v),
                None => {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        x.type_name()
                    )))
                }
            }
        }
        let (start, stop, step) = match n.len() {
            1 => (0, n[0], 1),
            2 => (n[0], n[1], 1),
            _ => (n[0], n[1], n[2]),
        };
        if step == 0 {
            return Err(value_error("range() arg 3 must not be zero"));
        }
        Ok(Value::Range(Rc::new((start, stop, step))))
    });
    ctor(&t.slice, |_, a, _| {
        arity("slice", &a, 1, 3)?;
        let s = match a.len() {
            1 => [Value::None, a[0].clone(), Value::None],
            2 => [a[0].clone(), a[1].clone(), Value::None],
            _ => [a[0].clone(), a[1].clone(), a[2].clone()],
        };
        Ok(Value::Slice(Rc::new(s)))
    });
    ctor(&t.property, |_, a, k| {
        let p = parse("property", a, k, &["fget", "fset", "fdel", "doc"], 0)?;
        let get = |i: usize| p[i].clone().unwrap_or(Value::None);
        Ok(Value::Property(Rc::new(Property {
            fget: get(0),
            fset: get(1),
            fdel: get(2),
            doc: get(3),
        })))
    });
    let pm = |name: &'static str, which: usize| {
        method("property", name, move |_, a, _| {
            let Some(Value::Property(p)) = a.first() else {
                return Err(type_error("descriptor requires a property"));
            };
            let f = a.get(1).cloned().unwrap_or(Value::None);
            let mut np = Property {
                fget: p.fget.clone(),
                fset: p.fset.clone(),
                fdel: p.fdel.clone(),
                doc: p.doc.clone(),
            };
            match which {
                0 => np.fget = f,
                1 => np.fset = f,
                _ => np.fdel = f,
            }
            Ok(Value::Property(Rc::new(np)))
        })
    };
    set(&t.property, "getter", pm("getter", 0));
    set(&t.property, "setter", pm("setter", 1));
    set(&t.property, "deleter", pm("deleter", 2));
    ctor(&t.staticmethod, |_, a, _| {
        arity("staticmethod", &a, 1, 1)?;
        Ok(Value::StaticMethod(Rc::new(a[0].clone())))
    });
    ctor(&t.classmethod, |_, a, _| {
        arity("classmethod", &a, 1, 1)?;
        Ok(Value::ClassMethod(Rc::new(a[0].clone())))
    });
    ctor(&t.super_, super_ctor);
    crate::builtins::methods::install();
    install_base_dunders();
}

fn base_of(v: &Value) -> Value {
    base_value(v).unwrap_or_else(|| v.clone())
}

/// Dunders of built-in types, so subclasses can call `dict.__init__(self)`,
/// `dict.__repr__(self)`, `super().__getitem__(k)` and so on. Dispatch from
/// syntax never reaches these (built-in owners are skipped).
fn install_base_dunders() {
    let t = types();
    for c in [
        &t.dict,
        &t.list,
        &t.tuple,
        &t.str_,
        &t.int,
        &t.float,
        &t.set,
        &t.frozenset,
        &t.bytes,
    ] {
        let owner = c.name();
        let o = owner.clone();
        let container = !matches!(&*owner, "int" | "float");
        set(
            c,
            "__repr__",
            method(&o, "__repr__", |i, a, _| {
                Ok(Value::str(&i.repr(&base_of(&a[0]))?))
            }),
        );
        set(
            c,
            "__str__",
            method(&o, "__str__", |i, a, _| {
                Ok(Value::str(&i.str(&base_of(&a[0]))?))
            }),
        );
        set(
            c,
            "__eq__",
            method(&o, "__eq__", |i, a, _| {
                arity("__eq__", &a, 2, 2)?;
                i.richcompare(&base_of(&a[0]), &base_of(&a[1]), crate::ast::CmpOp::Eq)
            }),
        );
        set(
            c,
            "__hash__",
            method(&o, "__hash__", |i, a, _| {
                Ok(Value::Int(i.hash(&base_of(&a[0]))?))
            }),
        );
        if !container {
            continue;
        }
        set(
            c,
            "__len__",
            method(&o, "__len__", |i, a, _| {
                Ok(Value::Int(i.len(&base_of(&a[0]))? as i64))
            }),
        );
        set(
            c,
            "__iter__",
            method(&o, "__iter__", |i, a, _| i.iter(&base_of(&a[0]))),
        );
        set(
            c,
            "__contains__",
            method(&o, "__contains__", |i, a, _| {
                arity("__contains__", &a, 2, 2)?;
                Ok(Value::Bool(i.contains(&base_of(&a[0]), &a[1])?))
            }),
        );
        set(
            c,
            "__getitem__",
            method(&o, "__getitem__", |i, a, _| {
                arity("__getitem__", &a, 2, 2)?;
                i.getitem(&base_of(&a[0]), a[1].clone())
            }),
        );
        set(
            c,
            "__eq__",
            method(&o, "__eq__", |i, a, _| {
                arity("__eq__", &a, 2, 2)?;
                i.richcompare(&base_of(&a[0]), &base_of(&a[1]), crate::ast::CmpOp::Eq)
            }),
        );
        set(
            c,
            "__hash__",
            method(&o, "__hash__", |i, a, _| {
                Ok(Value::Int(i.hash(&base_of(&a[0]))?))
            }),
        );
    }
    for c in [&t.dict, &t.list] {
        let o = c.name();
        set(
            c,
            "__setitem__",
            method(&o, "__setitem__", |i, a, _| {
                arity("__setitem__", &a, 3, 3)?;
                i.setitem(&base_of(&a[0]), a[1].clone(), a[2].clone())?;
                Ok(Value::None)
            }),
        );
        set(
            c,
            "__delitem__",
            method(&o, "__delitem__", |i, a, _| {
                arity("__delitem__", &a, 2, 2)?;
                i.delitem(&base_of(&a[0]), a[1].clone())?;
                Ok(Value::None)
            }),
        );
    }
    set(
        &t.dict,
        "__init__",
        method("dict", "__init__", |i, a, k| {
            if let Some(Value::Dict(d)) = a.first().map(base_of) {
                if let Some(src) = a.get(1) {
                    crate::builtins::methods::dict_update_from(i, &d, src)?;
                }
                for (n, v) in k {
                    d.borrow_mut().set_str_rc(n, v);
                }
            }
            Ok(Value::None)
        }),
    );
    set(
        &t.list,
        "__init__",
        method("list", "__init__", |i, a, _| {
            if let Some(Value::List(l)) = a.first().map(base_of) {
                if let Some(src) = a.get(1) {
                    let items = i.collect_iter(src)?;
                    *l.borrow_mut() = items;
                }
            }
            Ok(Value::None)
        }),
    );
}

fn super_ctor(i: &mut Interpreter, a: Vec<Value>, _: Kw) -> PyResult<Value> {
    if a.len() == 2 {
        let Value::Class(c) = &a[0] else {
            return Err(type_error("super() argument 1 must be a type"));
        };
        return Ok(Value::Super(Rc::new((c.clone(), a[1].clone()))));
    }
    // Zero-argument form: the `__class__` cell and the first argument.
    let Some(f) = i.frames.last() else {
        return Err(PyErr::new("RuntimeError", "super(): no current frame"));
    };
    let code = f.code.clone();
    let cls = code
        .freevars
        .iter()
        .position(|n| &**n == "__class__")
        .and_then(|p| f.cells.get(code.cellvars.len() + p))
        .and_then(|c| c.borrow().clone());
    let Some(Value::Class(cls)) = cls else {
        return Err(PyErr::new(
            "RuntimeError",
            "super(): __class__ cell not found",
        ));
    };
    if code.argcount == 0 && !code.varargs {
        return Err(PyErr::new("RuntimeError", "super(): no arguments"));
    }
    let first = match code.cell_args.iter().find(|(_, vi)| *vi == 0) {
        Some((ci, _)) => f.cells[*ci].borrow().clone(),
        None => f.fast.first().cloned().flatten(),
    };
    let Some(first) = first else {
        return Err(PyErr::new("RuntimeError", "super(): arg[0] deleted"));
    };
    Ok(Value::Super(Rc::new((cls, first))))
}

fn int_ctor(i: &mut Interpreter, a: Vec<Value>, k: Kw) -> PyResult<Value> {
    let p = parse("int", a, k, &["x", "base"], 0)?;
    let Some(x) = &p[0] else {
        return Ok(Value::Int(0));
    };
    let base = p[1].as_ref().and_then(as_int);
    match (x, base) {
        (Value::Int(n), None) => Ok(Value::Int(*n)),
        (Value::BigInt(_), None) => Ok(x.clone()),
        (Value::Bool(b), None) => Ok(Value::Int(*b as i64)),
        (Value::Float(f), None) => {
            if f.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(PyErr::new(
                    "OverflowError",
                    "cannot convert float infinity to integer",
                ));
            }
            if f.abs() >= 9.223372036854775e18 {
                let digits = format!("{:.0}", f.trunc().abs());
                return crate::object::bigint::BigInt::parse(&digits, *f < 0.0)
                    .map(crate::object::int::int_value)
                    .ok_or_else(crate::vm::exc::overflow_error);
            }
            Ok(Value::Int(f.trunc() as i64))
        }
        (Value::Str(s), b) => parse_int_limited(s, b.unwrap_or(10), i.int_max_str_digits),
        (Value::Bytes(s), b) => parse_int_limited(
            &String::from_utf8_lossy(s),
            b.unwrap_or(10),
            i.int_max_str_digits,
        ),
        (other, None) => {
            if let Some(b) = base_value(other) {
                return int_ctor(i, vec![b], vec![]);
            }
            for m in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = i.lookup_special(other, m)? {
                    return i.call(&f, vec![], vec![]);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                other.type_name()
            )))
        }
        (_, Some(_)) => Err(type_error(
            "int() can't convert non-string with explicit base",
        )),
    }
}

pub fn parse_int(s: &str, base: i64) -> PyResult<Value> {
    parse_int_limited(s, base, crate::format::INT_MAX_STR_DIGITS)
}

/// `int(s, base)` under a `sys.set_int_max_str_digits()` limit (0 = none).
pub fn parse_int_limited(s: &str, base: i64, limit: usize) -> PyResult<Value> {
    if !(base == 0 || (2..=36).contains(&base)) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    match crate::format::parse_num::parse_int_limited(s, base as u32, limit) {
        Ok(crate::format::ParsedInt::Small(v)) => Ok(Value::Int(v)),
        Ok(crate::format::ParsedInt::Big { neg, digits }) => {
            crate::object::bigint::BigInt::parse(&digits, neg)
                .map(crate::object::int::int_value)
                .ok_or_else(|| value_error("invalid literal"))
        }
        Err(m) => Err(value_error(m)),
    }
}

fn float_ctor(i: &mut Interpreter, a: Vec<Value>, _: Kw) -> PyResult<Value> {
    arity("float", &a, 0, 1)?;
    let Some(x) = a.first() else {
        return Ok(Value::Float(0.0));
    };
    if let Some(f) = as_float(x) {
        if f.is_infinite() && matches!(x, Value::BigInt(_)) {
            return Err(PyErr::new(
                "OverflowError",
                "int too large to convert to float",
            ));
        }
        return Ok(Value::Float(f));
    }
    match x {
        Value::Str(s) => crate::format::parse_float(s)
            .map(Value::Float)
            .map_err(value_error),
        other => {
            if let Some(b) = base_value(other) {
                return float_ctor(i, vec![b], vec![]);
            }
            if let Some(f) = i.lookup_special(other, "__float__")? {
                return i.call(&f, vec![], vec![]);
            }
            Err(type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                other.type_name()
            )))
        }
    }
}

#[allow(dead_code)]
fn _p(_: Payload) {}
