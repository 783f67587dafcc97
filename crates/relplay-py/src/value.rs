//! The runtime value: an enum whose clones are cheap (`Rc`), one variant per
//! built-in kind so the hot paths (ints, strings, lists) need no dispatch.

use std::cell::{Cell as StdCell, RefCell};
use std::rc::Rc;

use crate::compile::code::Code;
use crate::object::class::Class;
use crate::object::dict::PyDict;
use crate::object::native::NativeObject;
use crate::vm::frame::Frame;
use crate::vm::Interpreter;

pub type PyResult<T> = Result<T, PyErr>;

/// A raised exception: always an instance of a `BaseException` subclass.
#[derive(Clone)]
pub struct PyErr(pub Rc<Instance>);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.0.class.borrow().name())
    }
}

pub type DictRef = Rc<RefCell<PyDict>>;
pub type CellRef = Rc<RefCell<Option<Value>>>;

#[derive(Clone)]
pub enum Value {
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    /// Integers beyond i64 (always outside the i64 range).
    BigInt(Rc<crate::object::bigint::BigInt>),
    Float(f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<[Value]>),
    Dict(DictRef),
    /// Sets reuse the dict table with `None` values.
    Set(DictRef),
    FrozenSet(DictRef),
    Range(Rc<(i64, i64, i64)>),
    Slice(Rc<[Value; 3]>),
    Function(Rc<Function>),
    Method(Rc<(Value, Value)>),
    Builtin(Rc<Builtin>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Generator(Rc<RefCell<Generator>>),
    Iter(Rc<RefCell<NativeIter>>),
    DictView(Rc<(DictRef, ViewKind)>),
    Cell(CellRef),
    Property(Rc<Property>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Super(Rc<(Rc<Class>, Value)>),
    Native(Rc<dyn NativeObject>),
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => write!(f, "{s:?}"),
            _ => write!(f, "<{}>", self.type_name()),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// Iterators implemented natively (list_iterator, map, zip, ...).
pub enum NativeIter {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    DictKeys {
        dict: DictRef,
        index: usize,
        kind: ViewKind,
        len: usize,
    },
    Chars {
        s: Rc<str>,
        pos: usize,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Enumerate {
        iter: Value,
        count: i64,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// A generic iterator over precomputed values (itertools and friends).
    Values {
        items: Rc<[Value]>,
        index: usize,
        name: &'static str,
    },
    Count {
        cur: Value,
        step: Value,
    },
    Chain {
        iters: Vec<Value>,
        index: usize,
    },
    Islice {
        iter: Value,
        next: usize,
        stop: Option<usize>,
        step: usize,
        pos: usize,
    },
    Done,
}

pub struct Module {
    pub name: Rc<str>,
    pub dict: DictRef,
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: DictRef,
    pub defaults: Vec<Value>,
    pub kwdefaults: Vec<(Rc<str>, Value)>,
    pub closure: Vec<CellRef>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    pub module: Rc<str>,
    pub dict: DictRef,
    pub doc: Value,
}

pub type NativeFn = dyn Fn(&mut Interpreter, Vec<Value>, Vec<(Rc<str>, Value)>) -> PyResult<Value>;

pub struct Builtin {
    pub name: Rc<str>,
    /// `Some(type name)` for methods of built-in types: looked up through a
    /// type, they bind to the instance like Python functions do.
    pub owner: Option<Rc<str>>,
    pub func: Box<NativeFn>,
}

pub struct Instance {
    pub class: RefCell<Rc<Class>>,
    pub dict: DictRef,
    pub payload: RefCell<Payload>,
    pub id: u64,
}

/// The built-in state of an instance whose class derives from a built-in.
pub enum Payload {
    None,
    Exc(ExcData),
    /// Subclasses of int/str/list/dict/tuple/float keep their base value here.
    Base(Value),
}

#[derive(Default)]
pub struct ExcData {
    pub args: Vec<Value>,
    /// Frames the exception passed through, innermost first.
    pub traceback: Vec<TbEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TbEntry {
    pub file: Rc<str>,
    pub line: u32,
    pub name: Rc<str>,
}

pub struct Generator {
    pub frame: Option<Box<Frame>>,
    pub running: bool,
    pub started: bool,
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub id: u64,
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

thread_local! {
    static NEXT_ID: StdCell<u64> = const { StdCell::new(0x7f3a_1c40_0000) };
}

/// A fresh, unique pseudo address for `id()` and default reprs.
pub fn next_id() -> u64 {
    NEXT_ID.with(|c| {
        let v = c.get();
        c.set(v + 0x30);
        v
    })
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(v))
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }
    pub fn dict(d: PyDict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) | (NotImplemented, NotImplemented) | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Bytes(a), Bytes(b)) => Rc::ptr_eq(a, b),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Dict(a), Dict(b)) | (Set(a), Set(b)) | (FrozenSet(a), FrozenSet(b)) => {
                Rc::ptr_eq(a, b)
            }
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (Method(a), Method(b)) => Rc::ptr_eq(a, b),
            (Builtin(a), Builtin(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => Rc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Rc::ptr_eq(a, b),
            (DictView(a), DictView(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Property(a), Property(b)) => Rc::ptr_eq(a, b),
            (StaticMethod(a), StaticMethod(b)) => Rc::ptr_eq(a, b),
            (ClassMethod(a), ClassMethod(b)) => Rc::ptr_eq(a, b),
            (Super(a), Super(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable pseudo address for `id()` and `<... at 0x...>` reprs.
    pub fn id(&self) -> u64 {
        fn p<T: ?Sized>(r: &Rc<T>) -> u64 {
            (Rc::as_ptr(r) as *const u8 as usize as u64) & 0xffff_ffff_fff0 | 0x7f00_0000_0000
        }
        match self {
            Value::Instance(i) => i.id,
            Value::Generator(g) => g.borrow().id,
            Value::Str(s) => p(s),
            Value::Bytes(s) => p(s),
            Value::List(s) => p(s),
            Value::Tuple(s) => p(s),
            Value::Dict(s) | Value::Set(s) | Value::FrozenSet(s) => p(s),
            Value::Function(s) => p(s),
            Value::Method(s) => p(s),
            Value::Builtin(s) => p(s),
            Value::Class(s) => p(s),
            Value::Module(s) => p(s),
            Value::Iter(s) => p(s),
            Value::Cell(s) => p(s),
            Value::Property(s) => p(s),
            Value::Native(s) => p(s),
            Value::Range(s) => p(s),
            Value::Slice(s) => p(s),
            Value::DictView(s) => p(s),
            Value::StaticMethod(s) | Value::ClassMethod(s) => p(s),
            Value::Super(s) => p(s),
            Value::BigInt(s) => p(s),
            Value::Int(i) => 0x7f00_0000_0000u64.wrapping_add((*i as u64).wrapping_mul(32)),
            Value::Float(f) => f.to_bits() >> 4,
            Value::Bool(b) => 0x7f00_0001_0000 + *b as u64 * 32,
            Value::None => 0x7f00_0002_0000,
            Value::NotImplemented => 0x7f00_0003_0000,
            Value::Ellipsis => 0x7f00_0004_0000,
        }
    }

    /// The Python type's name (`type(x).__name__`).
    pub fn type_name(&self) -> Rc<str> {
        self.class().name()
    }

    pub fn class(&self) -> Rc<Class> {
        crate::object::class::type_of(self)
    }
}
