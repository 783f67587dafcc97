//! Bytecode: a flat instruction list per code object, with a line per
//! instruction (tracebacks) and line-start marks (the step-by-step hook).

use std::rc::Rc;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    Nop,
    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    LoadClassDeref(u32),
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    Subscript,
    StoreSubscr,
    DeleteSubscr,
    Binary(BinOp),
    Inplace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Pop,
    /// Pops a loop iterator left early (`break`/`return`); a generator no
    /// one else references is closed, as CPython's refcounting does.
    PopIter,
    Dup,
    Dup2,
    Rot2,
    Rot3,
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    ForIter(u32),
    BuildList(u32),
    BuildTuple(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    BuildSlice,
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend,
    SetUpdate,
    DictUpdate,
    DictMerge,
    ListToTuple,
    UnpackSequence(u32),
    UnpackEx(u32, u32),
    Call(u32),
    /// TOS is a tuple of keyword names for the last args.
    CallKw(u32),
    /// `f(*args, **kw)`: stack is func, args tuple, kwargs dict (or None).
    CallEx,
    /// Index into `codes`; flags: 1 defaults tuple, 2 kwdefaults dict, 4 closure tuple.
    MakeFunction(u32, u8),
    Return,
    Yield,
    YieldFrom,
    /// 0: bare raise, 1: exc, 2: exc from cause.
    Raise(u8),
    Reraise,
    SetupExcept(u32),
    PopBlock,
    PopExcept,
    CheckExcMatch,
    SetupWith(u32),
    WithExitNormal,
    WithExcept,
    /// conversion: 0 none, b's', b'r', b'a'; bool: has spec on stack.
    FormatValue(u8, bool),
    BuildString(u32),
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    BuildClass,
    SetupAnnotations,
    /// Raise NotImplementedError with the const string.
    Unsupported(u32),
    LoadAssertionError,
    /// A step of a `match` pattern (`vm/pattern.rs`).
    Match(MatchOp),
}

/// The tests of structural pattern matching that are not plain
/// comparisons; each pops its operands and pushes one result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MatchOp {
    /// subject → bool: a sequence pattern may match (not str/bytes).
    IsSequence,
    /// subject → bool: a mapping pattern may match.
    IsMapping,
    /// subject → len(subject).
    Len,
    /// subject, keys tuple → tuple of the values, or None if a key is missing.
    Keys,
    /// subject, keys tuple → a dict of the other items (`**rest`).
    Rest,
    /// subject, class, keyword names tuple → tuple of the attributes
    /// (positional ones first), or None; the count is of positionals.
    Class(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    Class,
    Lambda,
    Comprehension,
}

pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub kind: CodeKind,
    pub filename: Rc<str>,
    pub ops: Vec<Op>,
    pub lines: Vec<u32>,
    pub line_starts: Vec<bool>,
    pub consts: Vec<Value>,
    pub codes: Vec<Rc<Code>>,
    pub names: Vec<Rc<str>>,
    pub varnames: Vec<Rc<str>>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    /// (cell index, argument slot) for parameters captured by closures.
    pub cell_args: Vec<(usize, usize)>,
    pub argcount: usize,
    pub posonlycount: usize,
    pub kwonlycount: usize,
    pub varargs: bool,
    pub varkw: bool,
    pub is_generator: bool,
    pub first_line: u32,
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<code {}>", self.name)
    }
}
