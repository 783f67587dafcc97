//! Classes (built-in and user-defined), C3 linearization, and the table of
//! built-in types shared by every interpreter on the thread.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::dict::PyDict;
use crate::value::{DictRef, Payload, Value};

/// Which built-in layout instances of a class carry (inherited by subclasses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Exception,
    /// Subclass of a built-in value type (int, str, list, dict, ...).
    Base,
}

pub struct Class {
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub bases: RefCell<Vec<Rc<Class>>>,
    pub mro: RefCell<Vec<Rc<Class>>>,
    pub dict: DictRef,
    pub layout: Layout,
    /// True for built-in types: their attributes are read-only.
    pub builtin: bool,
    pub meta: RefCell<Option<Rc<Class>>>,
    pub id: u64,
    /// Direct subclasses, for `__subclasses__()`.
    pub subclasses: RefCell<Vec<std::rc::Weak<Class>>>,
}

impl Class {
    pub fn name(&self) -> Rc<str> {
        self.name.borrow().clone()
    }
    pub fn qualname(&self) -> Rc<str> {
        self.qualname.borrow().clone()
    }
    pub fn module(&self) -> Rc<str> {
        match self.dict.borrow().get_str("__module__") {
            Some(Value::Str(s)) => s,
            _ => Rc::from("builtins"),
        }
    }

    /// Creates a class and computes its MRO (C3); `Err` carries the message
    /// of CPython's TypeError for an inconsistent hierarchy.
    pub fn new(
        name: &str,
        bases: Vec<Rc<Class>>,
        dict: PyDict,
        builtin: bool,
    ) -> Result<Rc<Class>, String> {
        let base_types = [
            "int",
            "float",
            "str",
            "bytes",
            "list",
            "tuple",
            "dict",
            "set",
            "frozenset",
        ];
        let layout = if builtin && base_types.contains(&name) {
            Layout::Base
        } else {
            bases
                .iter()
                .map(|b| b.layout)
                .find(|l| *l != Layout::Object)
                .unwrap_or(Layout::Object)
        };
        // Like type_new, __qualname__ moves from the namespace to the type
        // (so instances do not inherit it).
        let mut dict = dict;
        let qual = match dict.del_str("__qualname__") {
            Some(Value::Str(s)) => s,
            _ => Rc::from(name),
        };
        let cls = Rc::new(Class {
            name: RefCell::new(Rc::from(name)),
            qualname: RefCell::new(qual),
            bases: RefCell::new(bases.clone()),
            mro: RefCell::new(Vec::new()),
            dict: Rc::new(RefCell::new(dict)),
            layout,
            builtin,
            meta: RefCell::new(None),
            id: crate::value::next_id(),
            subclasses: RefCell::new(Vec::new()),
        });
        let mro = c3(&cls, &bases)?;
        *cls.mro.borrow_mut() = mro;
        for b in &bases {
            b.subclasses.borrow_mut().push(Rc::downgrade(&cls));
        }
        Ok(cls)
    }

    /// The metaclass, if not `type` (the borrow ends here, so callers may
    /// run Python code that replaces it).
    pub fn metaclass(&self) -> Option<Rc<Class>> {
        self.meta.borrow().clone()
    }

    pub fn mro(&self) -> Vec<Rc<Class>> {
        self.mro.borrow().clone()
    }

    /// Looks `name` up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let h = crate::object::dict::str_hash(name);
        for c in self.mro.borrow().iter() {
            if let Some(v) = c.dict.borrow().get_str_hashed(name, h) {
                return Some(v);
            }
        }
        None
    }

    /// The class in the MRO defining `name`, and the value.
    pub fn lookup_with_owner(&self, name: &str) -> Option<(Rc<Class>, Value)> {
        let h = crate::object::dict::str_hash(name);
        for c in self.mro.borrow().iter() {
            if let Some(v) = c.dict.borrow().get_str_hashed(name, h) {
                return Some((c.clone(), v));
            }
        }
        None
    }

    pub fn is_subclass(&self, other: &Rc<Class>) -> bool {
        self.mro.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }
}

fn c3(cls: &Rc<Class>, bases: &[Rc<Class>]) -> Result<Vec<Rc<Class>>, String> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)));
            if !in_tail {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(next) = found else {
            let names: Vec<String> = bases.iter().map(|b| b.name().to_string()).collect();
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// The built-in types. Built once per thread; interpreters share them
/// because user code cannot mutate built-in types.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub int: Rc<Class>,
    pub bool_: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub bytes: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub method: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub module: Rc<Class>,
    pub generator: Rc<Class>,
    pub cell: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub dict_keys: Rc<Class>,
    pub dict_values: Rc<Class>,
    pub dict_items: Rc<Class>,
    pub iterators: RefCell<Vec<(&'static str, Rc<Class>)>>,
    pub exceptions: Vec<(&'static str, Rc<Class>)>,
    pub base_exception: Rc<Class>,
}

fn mk(name: &str, bases: Vec<Rc<Class>>) -> Rc<Class> {
    let mut d = PyDict::new();
    d.set_str("__module__", Value::str("builtins"));
    Class::new(name, bases, d, true).expect("builtin hierarchy is consistent")
}

/// CPython's exception hierarchy (the part the playground needs), parent first.
const EXC_TREE: &[(&str, &str)] = &[
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("FloatingPointError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("PermissionError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

impl Types {
    fn build() -> Types {
        let object = mk("object", vec![]);
        let o = || vec![object.clone()];
        let int = mk("int", o());
        let base_exception = {
            let mut d = PyDict::new();
            d.set_str("__module__", Value::str("builtins"));
            let c = Rc::new(Class {
                name: RefCell::new(Rc::from("BaseException")),
                qualname: RefCell::new(Rc::from("BaseException")),
                bases: RefCell::new(vec![object.clone()]),
                mro: RefCell::new(Vec::new()),
                dict: Rc::new(RefCell::new(d)),
                layout: Layout::Exception,
                builtin: true,
                meta: RefCell::new(None),
                id: crate::value::next_id(),
                subclasses: RefCell::new(Vec::new()),
            });
            *c.mro.borrow_mut() = vec![c.clone(), object.clone()];
            c
        };
        let mut exceptions: Vec<(&'static str, Rc<Class>)> =
            vec![("BaseException", base_exception.clone())];
        for (name, parent) in EXC_TREE {
            let p = exceptions
                .iter()
                .find(|(n, _)| n == parent)
                .map(|(_, c)| c.clone())
                .expect("parent listed first");
            exceptions.push((name, mk(name, vec![p])));
        }
        Types {
            type_: mk("type", o()),
            none: mk("NoneType", o()),
            not_implemented: mk("NotImplementedType", o()),
            ellipsis: mk("ellipsis", o()),
            bool_: mk("bool", vec![int.clone()]),
            int,
            float: mk("float", o()),
            str_: mk("str", o()),
            bytes: mk("bytes", o()),
            list: mk("list", o()),
            tuple: mk("tuple", o()),
            dict: mk("dict", o()),
            set: mk("set", o()),
            frozenset: mk("frozenset", o()),
            range: mk("range", o()),
            slice: mk("slice", o()),
            function: mk("function", o()),
            method: mk("method", o()),
            builtin_function: mk("builtin_function_or_method", o()),
            module: mk("module", o()),
            generator: mk("generator", o()),
            cell: mk("cell", o()),
            property: mk("property", o()),
            staticmethod: mk("staticmethod", o()),
            classmethod: mk("classmethod", o()),
            super_: mk("super", o()),
            dict_keys: mk("dict_keys", o()),
            dict_values: mk("dict_values", o()),
            dict_items: mk("dict_items", o()),
            iterators: RefCell::new(Vec::new()),
            exceptions,
            base_exception,
            object,
        }
    }

    pub fn exc(&self, name: &str) -> Rc<Class> {
        self.exceptions
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c.clone())
            .unwrap_or_else(|| self.base_exception.clone())
    }

    /// A named iterator type (`list_iterator`, `map`, ...), created on demand.
    pub fn iterator(&self, name: &'static str) -> Rc<Class> {
        if let Some((_, c)) = self.iterators.borrow().iter().find(|(n, _)| *n == name) {
            return c.clone();
        }
        let c = mk(name, vec![self.object.clone()]);
        self.iterators.borrow_mut().push((name, c.clone()));
        c
    }
}

thread_local! {
    static TYPES: Rc<Types> = Rc::new(Types::build());
}

pub fn types() -> Rc<Types> {
    TYPES.with(|t| t.clone())
}

pub fn type_of(v: &Value) -> Rc<Class> {
    let t = types();
    match v {
        Value::None => t.none.clone(),
        Value::NotImplemented => t.not_implemented.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::Bytes(_) => t.bytes.clone(),
        Value::List(_) => t.list.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(_) => t.set.clone(),
        Value::FrozenSet(_) => t.frozenset.clone(),
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Function(_) => t.function.clone(),
        Value::Method(_) => t.method.clone(),
        Value::Builtin(_) => t.builtin_function.clone(),
        Value::Class(c) => c.metaclass().unwrap_or_else(|| t.type_.clone()),
        Value::Instance(i) => i.class.borrow().clone(),
        Value::Module(_) => t.module.clone(),
        Value::Generator(_) => t.generator.clone(),
        Value::Iter(it) => t.iterator(crate::object::iter::iter_type_name(&it.borrow())),
        Value::DictView(v) => match v.1 {
            crate::value::ViewKind::Keys => t.dict_keys.clone(),
            crate::value::ViewKind::Values => t.dict_values.clone(),
            crate::value::ViewKind::Items => t.dict_items.clone(),
        },
        Value::Cell(_) => t.cell.clone(),
        Value::Property(_) => t.property.clone(),
        Value::StaticMethod(_) => t.staticmethod.clone(),
        Value::ClassMethod(_) => t.classmethod.clone(),
        Value::Super(_) => t.super_.clone(),
        Value::Native(n) => n.class(),
    }
}

/// The built-in value behind an instance of a subclass of a built-in type.
pub fn base_value(v: &Value) -> Option<Value> {
    if let Value::Instance(i) = v {
        if let Payload::Base(b) = &*i.payload.borrow() {
            return Some(b.clone());
        }
    }
    None
}
