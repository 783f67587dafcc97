//! Attribute access: the descriptor protocol (data descriptors before the
//! instance dict, then non-data descriptors/class attributes), for Python
//! and native descriptors alike.

use std::rc::Rc;

use crate::object::class::{types, Class, Layout};
use crate::value::{PyErr, PyResult, Value};
use crate::vm::exc::{attribute_error, exc_args, type_error, with_exc};
use crate::vm::Interpreter;

impl Interpreter {
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match self.getattr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    pub(crate) fn no_attribute(&self, obj: &Value, name: &str) -> PyErr {
        let e = match obj {
            Value::Class(c) => attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                c.name(),
                name
            )),
            Value::Module(m) => {
                attribute_error(format!("module '{}' has no attribute '{}'", m.name, name))
            }
            _ => attribute_error(format!(
                "'{}' object has no attribute '{}'",
                obj.type_name(),
                name
            )),
        };
        e.0.dict.borrow_mut().set_str("name", Value::str(name));
        e.0.dict.borrow_mut().set_str("obj", obj.clone());
        e
    }

    /// Binds a class attribute found for `inst` (descriptor `__get__`).
    pub(crate) fn bind(&mut self, attr: &Value, inst: &Value, owner: &Value) -> PyResult<Value> {
        Ok(match attr {
            Value::Function(_) => {
                if inst.is_none() {
                    attr.clone()
                } else {
                    Value::Method(Rc::new((inst.clone(), attr.clone())))
                }
            }
            Value::Builtin(b) if b.owner.is_some() => {
                if inst.is_none() {
                    attr.clone()
                } else {
                    Value::Method(Rc::new((inst.clone(), attr.clone())))
                }
            }
            Value::ClassMethod(f) => Value::Method(Rc::new((owner.clone(), (**f).clone()))),
            Value::StaticMethod(f) => (**f).clone(),
            Value::Property(p) => {
                if inst.is_none() {
                    attr.clone()
                } else if p.fget.is_none() {
                    return Err(attribute_error("property object has no getter"));
                } else {
                    let g = p.fget.clone();
                    self.call(&g, vec![inst.clone()], vec![])?
                }
            }
            Value::Native(n) if n.is_descriptor() => {
                let n = n.clone();
                match n.descr_get(self, attr, inst, owner)? {
                    Some(v) => v,
                    None => attr.clone(),
                }
            }
            Value::Instance(i) => {
                let cls = i.class.borrow().clone();
                match cls.lookup("__get__") {
                    Some(g) => {
                        let m = self.bind(&g, attr, &Value::Class(cls))?;
                        self.call(&m, vec![inst.clone(), owner.clone()], vec![])?
                    }
                    None => attr.clone(),
                }
            }
            _ => attr.clone(),
        })
    }

    fn is_data_descr(&self, v: &Value) -> bool {
        match v {
            Value::Property(_) => true,
            Value::Native(n) => n.is_data_descriptor(),
            Value::Instance(i) => {
                let c = i.class.borrow();
                c.lookup("__set__").is_some() || c.lookup("__delete__").is_some()
            }
            _ => false,
        }
    }

    /// Looks up a special method on the type (not the instance), bound.
    pub fn lookup_special(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let cls = obj.class();
        match cls.lookup(name) {
            Some(Value::None) | None => Ok(None),
            Some(a) => Ok(Some(self.bind(&a, obj, &Value::Class(cls))?)),
        }
    }

    /// A user-defined (non-builtin) special method, bound.
    pub(crate) fn user_special(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let cls = obj.class();
        if cls.builtin {
            return Ok(None);
        }
        match cls.lookup_with_owner(name) {
            Some((owner, a)) if !owner.builtin && !a.is_none() => {
                Ok(Some(self.bind(&a, obj, &Value::Class(cls))?))
            }
            _ => Ok(None),
        }
    }

    pub fn getattr_opt(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Value::Instance(_) = obj {
            let cls = obj.class();
            if let Some((owner, ga)) = cls.lookup_with_owner("__getattribute__") {
                if !owner.builtin {
                    let m = self.bind(&ga, obj, &Value::Class(cls.clone()))?;
                    return match self.call(&m, vec![Value::str(name)], vec![]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if e.is_instance_of("AttributeError") => {
                            match cls.lookup_with_owner("__getattr__") {
                                Some((o, g)) if !o.builtin => {
                                    let m = self.bind(&g, obj, &Value::Class(cls))?;
                                    self.call(&m, vec![Value::str(name)], vec![]).map(Some)
                                }
                                _ => Err(e),
                            }
                        }
                        Err(e) => Err(e),
                    };
                }
            }
        }
        self.generic_getattr(obj, name)
    }

    /// `object.__getattribute__` (plus `__getattr__` fallback).
    pub(crate) fn generic_getattr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if let Value::Class(c) = obj {
            return self.class_getattr(c, name);
        }
        if let Value::Module(m) = obj {
            if let Some(v) = m.dict.borrow().get_str(name) {
                return Ok(Some(v));
            }
            if name == "__dict__" {
                return Ok(Some(Value::Dict(m.dict.clone())));
            }
            let ga = m.dict.borrow().get_str("__getattr__");
            if let Some(ga) = ga {
                return self.call(&ga, vec![Value::str(name)], vec![]).map(Some);
            }
            return Ok(None);
        }
        if let Value::Super(s) = obj {
            return self.super_getattr(&s.0, &s.1, name);
        }
        if let Value::Native(n) = obj {
            let n = n.clone();
            if let Some(v) = n.getattr(self, obj, name)? {
                return Ok(Some(v));
            }
        }
        let cls = obj.class();
        let cv = Value::Class(cls.clone());
        let attr = cls.lookup(name);
        if let Some(a) = &attr {
            if self.is_data_descr(a) {
                return self.bind(a, obj, &cv).map(Some);
            }
        }
        if let Value::Instance(i) = obj {
            if let Some(v) = i.dict.borrow().get_str(name) {
                return Ok(Some(v));
            }
        }
        if let Value::Function(f) = obj {
            if let Some(v) = f.dict.borrow().get_str(name) {
                return Ok(Some(v));
            }
        }
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        if let Some(a) = attr {
            return self.bind(&a, obj, &cv).map(Some);
        }
        if let Some((owner, ga)) = cls.lookup_with_owner("__getattr__") {
            if !owner.builtin {
                let m = self.bind(&ga, obj, &cv)?;
                return match self.call(&m, vec![Value::str(name)], vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is_instance_of("AttributeError") => Err(e),
                    Err(e) => Err(e),
                };
            }
        }
        Ok(None)
    }

    fn class_getattr(&mut self, c: &Rc<Class>, name: &str) -> PyResult<Option<Value>> {
        let cv = Value::Class(c.clone());
        if let Some(a) = c.lookup(name) {
            return self.bind(&a, &Value::None, &cv).map(Some);
        }
        let t = types();
        let v = match name {
            "__name__" => Value::Str(c.name()),
            "__qualname__" => Value::Str(c.qualname()),
            "__mro__" => Value::tuple(c.mro().into_iter().map(Value::Class).collect()),
            "__bases__" => {
                Value::tuple(c.bases.borrow().iter().cloned().map(Value::Class).collect())
            }
            "__base__" => c
                .bases
                .borrow()
                .first()
                .cloned()
                .map(Value::Class)
                .unwrap_or(Value::None),
            "__dict__" => Value::Dict(Rc::new(std::cell::RefCell::new(c.dict.borrow().clone()))),
            "__class__" => Value::Class(cv.class()),
            "__doc__" => Value::None,
            "__module__" => Value::Str(c.module()),
            _ => {
                // Methods of the metaclass (`type` has `mro`, `__subclasses__`).
                if let Some(meta) = c.metaclass() {
                    if let Some(a) = meta.lookup(name) {
                        return self.bind(&a, &cv, &Value::Class(meta)).map(Some);
                    }
                }
                let found = t.type_.dict.borrow().get_str(name);
                if let Some(a) = found {
                    return self.bind(&a, &cv, &Value::Class(t.type_.clone())).map(Some);
                }
                return Ok(None);
            }
        };
        Ok(Some(v))
    }

    /// `super().name`: search the MRO of the instance's type after `start`.
    fn super_getattr(
        &mut self,
        start: &Rc<Class>,
        inst: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        // super(T, C) with C a subclass of T looks up C's MRO (class
        // mode); with C an instance of T (a class whose metaclass derives
        // from T, as in a metaclass's methods) it looks up type(C)'s MRO.
        let class_mode = matches!(inst, Value::Class(c) if c.is_subclass(start));
        let owner = match inst {
            Value::Class(c) if class_mode => c.clone(),
            other => other.class(),
        };
        let mro = owner.mro();
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, start))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for c in &mro[pos..] {
            let a = c.dict.borrow().get_str(name);
            if let Some(a) = a {
                let i = if class_mode {
                    Value::None
                } else {
                    inst.clone()
                };
                return self.bind(&a, &i, &Value::Class(owner.clone())).map(Some);
            }
        }
        if name == "__class__" {
            return Ok(Some(Value::Class(types().super_.clone())));
        }
        Ok(None)
    }

    /// Attributes that built-in objects expose without a dict entry.
    fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Class(obj.class())));
        }
        Ok(match (obj, name) {
            (Value::Instance(i), "__dict__") => Some(Value::Dict(i.dict.clone())),
            (Value::Instance(i), _) if i.class.borrow().layout == Layout::Exception => match name {
                "args" => Some(Value::tuple(exc_args(obj))),
                "__cause__" => Some(
                    with_exc(obj, |d| d.cause.clone())
                        .flatten()
                        .unwrap_or(Value::None),
                ),
                "__context__" => Some(
                    with_exc(obj, |d| d.context.clone())
                        .flatten()
                        .unwrap_or(Value::None),
                ),
                "__suppress_context__" => Some(Value::Bool(
                    with_exc(obj, |d| d.suppress_context).unwrap_or(false),
                )),
                "__traceback__" => Some(Value::None),
                "errno" | "strerror" | "filename" | "filename2"
                    if i.class.borrow().is_subclass(&types().exc("OSError"))
                        && i.dict.borrow().get_str(name).is_none() =>
                {
                    Some(os_error_field(&exc_args(obj), name))
                }
                "value" if i.class.borrow().is_subclass(&types().exc("StopIteration")) => {
                    Some(exc_args(obj).first().cloned().unwrap_or(Value::None))
                }
                "code" if i.class.borrow().is_subclass(&types().exc("SystemExit")) => {
                    let a = exc_args(obj);
                    Some(if a.len() == 1 {
                        a[0].clone()
                    } else if a.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(a)
                    })
                }
                _ => None,
            },
            (Value::Function(f), _) => match name {
                "__name__" => Some(Value::Str(f.name.borrow().clone())),
                "__qualname__" => Some(Value::Str(f.qualname.borrow().clone())),
                "__module__" => Some(Value::Str(f.module.clone())),
                "__doc__" => Some(f.doc.clone()),
                "__dict__" => Some(Value::Dict(f.dict.clone())),
                "__closure__" => Some(if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                }),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.defaults.clone())
                }),
                "__code__" => Some(Value::Native(Rc::new(CodeObject {
                    code: f.code.clone(),
                    cls: code_class(),
                }))),
                "__kwdefaults__" => Some(if f.kwdefaults.is_empty() {
                    Value::None
                } else {
                    let mut d = crate::object::dict::PyDict::new();
                    for (k, v) in &f.kwdefaults {
                        d.set_str_rc(k.clone(), v.clone());
                    }
                    Value::dict(d)
                }),
                "__wrapped__" => None,
                "__annotations__" => Some(Value::dict(crate::object::dict::PyDict::new())),
                _ => None,
            },
            (Value::Method(m), _) => match name {
                "__self__" => Some(m.0.clone()),
                "__func__" => Some(m.1.clone()),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    self.getattr_opt(&m.1.clone(), name)?
                }
                _ => None,
            },
            (Value::Builtin(b), "__name__") | (Value::Builtin(b), "__qualname__") => {
                Some(Value::Str(b.name.clone()))
            }
            (Value::Generator(g), "__name__") => Some(Value::Str(g.borrow().name.clone())),
            (Value::Cell(c), "cell_contents") => match c.borrow().clone() {
                Some(v) => Some(v),
                None => return Err(PyErr::new("ValueError", "Cell is empty")),
            },
            (Value::Property(p), "fget") => Some(p.fget.clone()),
            (Value::Property(p), "fset") => Some(p.fset.clone()),
            (Value::Property(p), "__doc__") => Some(p.doc.clone()),
            (Value::StaticMethod(f), "__func__") | (Value::ClassMethod(f), "__func__") => {
                Some((**f).clone())
            }
            (Value::Slice(s), "start") => Some(s[0].clone()),
            (Value::Slice(s), "stop") => Some(s[1].clone()),
            (Value::Slice(s), "step") => Some(s[2].clone()),
            (Value::Range(r), "start") => Some(Value::Int(r.0)),
            (Value::Range(r), "stop") => Some(Value::Int(r.1)),
            (Value::Range(r), "step") => Some(Value::Int(r.2)),
            (Value::Int(i), "real") | (Value::Int(i), "numerator") => Some(Value::Int(*i)),
            (Value::Int(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_), "denominator") => Some(Value::Int(1)),
            (Value::Bool(b), "real") => Some(Value::Int(*b as i64)),
            (Value::Float(f), "real") => Some(Value::Float(*f)),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Module(m), "__name__") => Some(Value::Str(m.name.clone())),
            _ => None,
        })
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        match obj {
            Value::Class(c) => {
                if c.builtin {
                    return Err(type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        c.name()
                    )));
                }
                if let Some(meta) = c.metaclass() {
                    if let Some(a) = meta.lookup(name) {
                        if self.is_data_descr(&a) {
                            return self.descr_set(&a, obj, v);
                        }
                    }
                }
                match name {
                    "__name__" => {
                        if let Value::Str(s) = &v {
                            *c.name.borrow_mut() = s.clone();
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &v {
                            *c.qualname.borrow_mut() = s.clone();
                        }
                    }
                    _ => {}
                }
                c.dict.borrow_mut().set_str(name, v);
                return Ok(());
            }
            Value::Module(m) => {
                m.dict.borrow_mut().set_str(name, v);
                return Ok(());
            }
            Value::Native(n) => {
                let n = n.clone();
                if n.setattr(self, obj, name, v.clone())? {
                    return Ok(());
                }
            }
            _ => {}
        }
        let cls = obj.class();
        if let Some(a) = cls.lookup(name) {
            if self.is_data_descr(&a) {
                return self.descr_set(&a, obj, v);
            }
        }
        if let Some((owner, sa)) = cls.lookup_with_owner("__setattr__") {
            if !owner.builtin {
                let m = self.bind(&sa, obj, &Value::Class(cls.clone()))?;
                self.call(&m, vec![Value::str(name), v], vec![])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, v)
    }

    /// `object.__setattr__`: the instance dict (or exception fields).
    pub(crate) fn generic_setattr(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        let cls = obj.class();
        if let Some(a) = cls.lookup(name) {
            if self.is_data_descr(&a) {
                return self.descr_set(&a, obj, v);
            }
        }
        match obj {
            Value::Instance(i) => {
                if cls.layout == Layout::Exception {
                    let done = with_exc(obj, |d| match name {
                        "__cause__" => {
                            d.cause = if v.is_none() { None } else { Some(v.clone()) };
                            d.suppress_context = true;
                            true
                        }
                        "__context__" => {
                            d.context = if v.is_none() { None } else { Some(v.clone()) };
                            true
                        }
                        "__suppress_context__" => {
                            d.suppress_context = matches!(v, Value::Bool(true));
                            true
                        }
                        "args" => {
                            if let Value::Tuple(t) = &v {
                                d.args = t.to_vec();
                            }
                            true
                        }
                        "__traceback__" => true,
                        _ => false,
                    });
                    if done == Some(true) {
                        return Ok(());
                    }
                }
                if cls.layout == Layout::Object {
                    if let Some(slots) = slot_names(&cls) {
                        if !slots.iter().any(|s| &**s == name) {
                            return Err(attribute_error(if cls.lookup(name).is_some() {
                                format!("'{}' object attribute '{}' is read-only", cls.name(), name)
                            } else {
                                format!("'{}' object has no attribute '{}'", cls.name(), name)
                            }));
                        }
                    }
                }
                i.dict.borrow_mut().set_str(name, v);
                Ok(())
            }
            Value::Function(f) => {
                match name {
                    "__name__" => {
                        if let Value::Str(s) = &v {
                            *f.name.borrow_mut() = s.clone();
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &v {
                            *f.qualname.borrow_mut() = s.clone();
                        }
                    }
                    _ => {}
                }
                f.dict.borrow_mut().set_str(name, v);
                Ok(())
            }
            _ => {
                if cls.lookup(name).is_some() {
                    Err(attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        cls.name(),
                        name
                    )))
                } else {
                    Err(attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        cls.name(),
                        name
                    )))
                }
            }
        }
    }

    fn descr_set(&mut self, d: &Value, obj: &Value, v: Value) -> PyResult<()> {
        match d {
            Value::Property(p) => {
                if p.fset.is_none() {
                    let pname = self.property_name(p, obj);
                    return Err(attribute_error(format!(
                        "property {pname}of '{}' object has no setter",
                        obj.class().name()
                    )));
                }
                let f = p.fset.clone();
                self.call(&f, vec![obj.clone(), v], vec![])?;
                Ok(())
            }
            Value::Native(n) => {
                let n = n.clone();
                if n.descr_set(self, d, obj, v)? {
                    Ok(())
                } else {
                    Err(attribute_error("can't set attribute"))
                }
            }
            Value::Instance(_) => {
                let m = self.lookup_special(d, "__set__")?;
                match m {
                    Some(m) => {
                        self.call(&m, vec![obj.clone(), v], vec![])?;
                        Ok(())
                    }
                    None => Err(attribute_error("__set__")),
                }
            }
            _ => Ok(()),
        }
    }

    fn property_name(&mut self, p: &crate::value::Property, _obj: &Value) -> String {
        match &p.fget {
            Value::Function(f) => format!("'{}' ", f.name.borrow()),
            _ => String::new(),
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        match obj {
            Value::Class(c) => {
                if c.dict.borrow_mut().del_str(name).is_none() {
                    return Err(attribute_error(format!(
                        "type object '{}' has no attribute '{}'",
                        c.name(),
                        name
                    )));
                }
                return Ok(());
            }
            Value::Module(m) => {
                if m.dict.borrow_mut().del_str(name).is_none() {
                    return Err(attribute_error(format!(
                        "module '{}' has no attribute '{}'",
                        m.name, name
                    )));
                }
                return Ok(());
            }
            _ => {}
        }
        let cls = obj.class();
        if let Some(a) = cls.lookup(name) {
            match &a {
                Value::Property(p) => {
                    if p.fdel.is_none() {
                        let pname = self.property_name(p, obj);
                        return Err(attribute_error(format!(
                            "property {pname}of '{}' object has no deleter",
                            cls.name()
                        )));
                    }
                    let f = p.fdel.clone();
                    self.call(&f, vec![obj.clone()], vec![])?;
                    return Ok(());
                }
                Value::Native(n) if n.is_data_descriptor() => {
                    let n = n.clone();
                    if n.descr_delete(self, &a, obj)? {
                        return Ok(());
                    }
                }
                Value::Instance(_) => {
                    if let Some(m) = self.lookup_special(&a, "__delete__")? {
                        self.call(&m, vec![obj.clone()], vec![])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if let Some((owner, da)) = cls.lookup_with_owner("__delattr__") {
            if !owner.builtin {
                let m = self.bind(&da, obj, &Value::Class(cls.clone()))?;
                self.call(&m, vec![Value::str(name)], vec![])?;
                return Ok(());
            }
        }
        if let Value::Native(n) = obj {
            let n = n.clone();
            if n.delattr(self, obj, name)? {
                return Ok(());
            }
        }
        if let Value::Instance(i) = obj {
            if i.dict.borrow_mut().del_str(name).is_some() {
                return Ok(());
            }
        }
        Err(self.no_attribute(obj, name))
    }
}

/// The attribute names instances of `cls` may have when every class in its
/// MRO but `object` declares `__slots__` (without `"__dict__"`); `None`
/// when instances have a `__dict__`.
pub(crate) fn slot_names(cls: &Rc<Class>) -> Option<Vec<Rc<str>>> {
    // Fast path: most classes declare no __slots__ themselves.
    cls.dict.borrow().get_str("__slots__")?;
    let object = types().object.clone();
    let mut names = Vec::new();
    for k in cls.mro() {
        if Rc::ptr_eq(&k, &object) {
            continue;
        }
        let slots = k.dict.borrow().get_str("__slots__")?;
        match &slots {
            Value::Str(s) => names.push(s.clone()),
            Value::Tuple(t) => names.extend(t.iter().filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })),
            Value::List(l) => names.extend(l.borrow().iter().filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })),
            _ => return None,
        }
    }
    if names.iter().any(|n| &**n == "__dict__") {
        return None;
    }
    Some(names)
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])`: the
/// fields exist only when it was given 2 to 5 arguments.
pub(crate) fn os_error_field(args: &[Value], name: &str) -> Value {
    if !(2..=5).contains(&args.len()) {
        return Value::None;
    }
    let idx = match name {
        "errno" => 0,
        "strerror" => 1,
        "filename" => 2,
        _ => 4,
    };
    args.get(idx).cloned().unwrap_or(Value::None)
}

thread_local! {
    static CODE_CLASS: std::cell::OnceCell<Rc<Class>> = const { std::cell::OnceCell::new() };
}

fn code_class() -> Rc<Class> {
    CODE_CLASS.with(|c| {
        c.get_or_init(|| {
            let mut d = crate::object::dict::PyDict::new();
            d.set_str("__module__", Value::str("builtins"));
            Class::new("code", vec![types().object.clone()], d, false)
                .unwrap_or_else(|_| types().object.clone())
        })
        .clone()
    })
}

/// `function.__code__`: the read-only `co_*` facts of a function's code.
struct CodeObject {
    code: Rc<crate::compile::code::Code>,
    cls: Rc<Class>,
}

impl crate::object::native::NativeObject for CodeObject {
    fn class(&self) -> Rc<Class> {
        self.cls.clone()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn getattr(&self, _: &mut Interpreter, _: &Value, name: &str) -> PyResult<Option<Value>> {
        let c = &self.code;
        let n = |x: usize| Value::Int(x as i64);
        Ok(Some(match name {
            "co_argcount" => n(c.argcount),
            "co_posonlyargcount" => n(c.posonlycount),
            "co_kwonlyargcount" => n(c.kwonlycount),
            "co_name" => Value::Str(c.name.clone()),
            "co_qualname" => Value::Str(c.qualname.clone()),
            "co_filename" => Value::Str(c.filename.clone()),
            "co_firstlineno" => Value::Int(c.first_line as i64),
            "co_varnames" => {
                Value::tuple(c.varnames.iter().map(|v| Value::Str(v.clone())).collect())
            }
            "co_nlocals" => n(c.varnames.len()),
            _ => return Ok(None),
        }))
    }
    fn repr(&self, _: &mut Interpreter, _: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!(
            "<code object {} at 0x{:x}, file \"{}\", line {}>",
            self.code.name,
            Rc::as_ptr(&self.code) as *const u8 as usize,
            self.code.filename,
            self.code.first_line
        )))
    }
}
