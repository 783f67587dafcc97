//! AST → bytecode. `finally` bodies are duplicated on every exit path
//! (as CPython ≥ 3.9 does) so the VM needs no "pending return" state.

use std::collections::HashMap;
use std::rc::Rc;

use crate::ast::*;
use crate::compile::code::{Code, CodeKind, Op};
use crate::compile::symtable::{key, Resolved, ScopeKind, SymTable};
use crate::value::Value;

mod patterns;

/// A compile error (too-deep nesting, bad nonlocal): becomes a SyntaxError.
#[derive(Debug)]
pub struct CompileError {
    pub msg: String,
    pub line: u32,
}

enum FBlock<'a> {
    /// `for` loop: the iterator is on the stack.
    For {
        start: usize,
        breaks: Vec<usize>,
    },
    While {
        start: usize,
        breaks: Vec<usize>,
    },
    /// A handler block is set up (`SetupExcept`).
    Try,
    /// Inside an except handler: an exception is being handled.
    Handler,
    /// Inside `finally` after an exception: exc on stack + being handled.
    FinallyExc,
    Finally(&'a [Stmt]),
    With,
}

struct Unit<'a> {
    kind: CodeKind,
    scope: usize,
    name: Rc<str>,
    qualname: Rc<str>,
    ops: Vec<Op>,
    lines: Vec<u32>,
    line_starts: Vec<bool>,
    consts: Vec<Value>,
    codes: Vec<Rc<Code>>,
    names: Vec<Rc<str>>,
    name_idx: HashMap<Rc<str>, u32>,
    varnames: Vec<Rc<str>>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    fblocks: Vec<FBlock<'a>>,
    cur_line: u32,
    start_pending: bool,
    first_line: u32,
}

pub struct Compiler<'a> {
    st: SymTable,
    filename: Rc<str>,
    units: Vec<Unit<'a>>,
    depth: usize,
    /// Hidden `match` slots: a counter for unique names, and the slots of
    /// the patterns being compiled (see `patterns.rs`).
    hidden: (u32, Vec<u32>),
}

type R = Result<(), CompileError>;

const MAX_DEPTH: usize = 200;

pub fn compile_module(m: &Module, filename: &str) -> Result<Rc<Code>, CompileError> {
    let st = SymTable::build(m);
    if let Some((msg, line)) = st.error.clone() {
        return Err(CompileError { msg, line });
    }
    let mut c = Compiler {
        st,
        filename: Rc::from(filename),
        units: Vec::new(),
        depth: 0,
        hidden: (0, Vec::new()),
    };
    c.push_unit(CodeKind::Module, 0, "<module>".into(), "<module>".into(), 1);
    c.stmts(&m.body)?;
    c.load_const(Value::None);
    c.emit(Op::Return);
    Ok(c.pop_unit(0, 0, 0, false, false))
}

impl<'a> Compiler<'a> {
    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("unit")
    }

    fn push_unit(
        &mut self,
        kind: CodeKind,
        scope: usize,
        name: Rc<str>,
        qualname: Rc<str>,
        line: u32,
    ) {
        let sc = &self.st.scopes[scope];
        let cellvars = sc.cellvars.clone();
        let freevars = sc.freevars.clone();
        self.units.push(Unit {
            kind,
            scope,
            name,
            qualname,
            ops: Vec::new(),
            lines: Vec::new(),
            line_starts: Vec::new(),
            consts: Vec::new(),
            codes: Vec::new(),
            names: Vec::new(),
            name_idx: HashMap::new(),
            varnames: Vec::new(),
            cellvars,
            freevars,
            fblocks: Vec::new(),
            cur_line: line,
            start_pending: false,
            first_line: line,
        });
    }

    fn pop_unit(
        &mut self,
        argcount: usize,
        posonly: usize,
        kwonly: usize,
        varargs: bool,
        varkw: bool,
    ) -> Rc<Code> {
        let u = self.units.pop().expect("unit");
        let is_generator = self.st.scopes[u.scope].is_generator
            && u.kind != CodeKind::Module
            && u.kind != CodeKind::Class;
        let cell_args = u
            .cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, n)| {
                let nparams = argcount + kwonly + varargs as usize + varkw as usize;
                u.varnames[..nparams.min(u.varnames.len())]
                    .iter()
                    .position(|v| v == n)
                    .map(|vi| (ci, vi))
            })
            .collect();
        Rc::new(Code {
            name: u.name,
            qualname: u.qualname,
            kind: u.kind,
            filename: self.filename.clone(),
            ops: u.ops,
            lines: u.lines,
            line_starts: u.line_starts,
            consts: u.consts,
            codes: u.codes,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_args,
            argcount,
            posonlycount: posonly,
            kwonlycount: kwonly,
            varargs,
            varkw,
            is_generator,
            first_line: u.first_line,
        })
    }

    fn emit(&mut self, op: Op) -> usize {
        let u = self.u();
        u.ops.push(op);
        u.lines.push(u.cur_line);
        u.line_starts.push(std::mem::take(&mut u.start_pending));
        u.ops.len() - 1
    }
    fn here(&mut self) -> usize {
        self.u().ops.len()
    }
    fn patch(&mut self, at: usize, target: usize) {
        let t = target as u32;
        let op = &mut self.u().ops[at];
        *op = match *op {
            Op::Jump(_) => Op::Jump(t),
            Op::PopJumpIfFalse(_) => Op::PopJumpIfFalse(t),
            Op::PopJumpIfTrue(_) => Op::PopJumpIfTrue(t),
            Op::JumpIfFalseOrPop(_) => Op::JumpIfFalseOrPop(t),
            Op::JumpIfTrueOrPop(_) => Op::JumpIfTrueOrPop(t),
            Op::ForIter(_) => Op::ForIter(t),
            Op::SetupExcept(_) => Op::SetupExcept(t),
            Op::SetupWith(_) => Op::SetupWith(t),
            other => other,
        };
    }
    fn load_const(&mut self, v: Value) {
        let u = self.u();
        let i = u.consts.len() as u32;
        u.consts.push(v);
        self.emit(Op::LoadConst(i));
    }
    fn name(&mut self, n: &Rc<str>) -> u32 {
        let u = self.u();
        if let Some(i) = u.name_idx.get(n) {
            return *i;
        }
        let i = u.names.len() as u32;
        u.names.push(n.clone());
        u.name_idx.insert(n.clone(), i);
        i
    }
    fn varname(&mut self, n: &Rc<str>) -> u32 {
        let u = self.u();
        if let Some(i) = u.varnames.iter().position(|v| v == n) {
            return i as u32;
        }
        u.varnames.push(n.clone());
        (u.varnames.len() - 1) as u32
    }
    fn deref(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.cellvars.iter().position(|v| &**v == n) {
            return i as u32;
        }
        match u.freevars.iter().position(|v| &**v == n) {
            Some(i) => (u.cellvars.len() + i) as u32,
            None => {
                // Defensive: unknown closure name; add as a free variable.
                u.freevars.push(Rc::from(n));
                (u.cellvars.len() + u.freevars.len() - 1) as u32
            }
        }
    }
    fn set_line(&mut self, line: u32) {
        let u = self.u();
        u.cur_line = line;
        u.start_pending = true;
    }
    fn enter(&mut self, line: u32) -> R {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(CompileError {
                msg: "too many nested parentheses".into(),
                line,
            });
        }
        Ok(())
    }

    fn resolve(&self, n: &str) -> (CodeKind, Resolved) {
        let u = self.units.last().expect("unit");
        (u.kind, self.st.scopes[u.scope].lookup(n))
    }

    fn load_name(&mut self, n: &Rc<str>) {
        let (kind, r) = self.resolve(n);
        let op = match kind {
            CodeKind::Module => Op::LoadName(self.name(n)),
            CodeKind::Class => match r {
                Resolved::Free | Resolved::Cell => Op::LoadClassDeref(self.deref(n)),
                Resolved::GlobalExplicit => Op::LoadGlobal(self.name(n)),
                _ => Op::LoadName(self.name(n)),
            },
            _ => match r {
                Resolved::Local => Op::LoadFast(self.varname(n)),
                Resolved::Cell | Resolved::Free => Op::LoadDeref(self.deref(n)),
                _ => Op::LoadGlobal(self.name(n)),
            },
        };
        self.emit(op);
    }
    fn store_name(&mut self, n: &Rc<str>) {
        let (kind, r) = self.resolve(n);
        let op = match (kind, r) {
            (_, Resolved::GlobalExplicit) => Op::StoreGlobal(self.name(n)),
            (CodeKind::Module, _)
            | (CodeKind::Class, Resolved::Local)
            | (CodeKind::Class, Resolved::GlobalImplicit) => Op::StoreName(self.name(n)),
            (_, Resolved::Cell) | (_, Resolved::Free) => Op::StoreDeref(self.deref(n)),
            _ => Op::StoreFast(self.varname(n)),
        };
        self.emit(op);
    }
    fn delete_name(&mut self, n: &Rc<str>) {
        let (kind, r) = self.resolve(n);
        let op = match (kind, r) {
            (_, Resolved::GlobalExplicit) => Op::DeleteGlobal(self.name(n)),
            (CodeKind::Module, _) | (CodeKind::Class, _) => Op::DeleteName(self.name(n)),
            (_, Resolved::Cell) | (_, Resolved::Free) => Op::DeleteDeref(self.deref(n)),
            _ => Op::DeleteFast(self.varname(n)),
        };
        self.emit(op);
    }

    fn stmts(&mut self, b: &'a [Stmt]) -> R {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> R {
        self.set_line(s.span.line);
        self.enter(s.span.line)?;
        let r = self.stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> R {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.emit(Op::Pop);
            }
            StmtKind::Pass => {
                self.emit(Op::Nop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Op::Dup);
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                }
                let kind = self.u().kind;
                if *simple && matches!(kind, CodeKind::Module | CodeKind::Class) {
                    if let ExprKind::Name { id, .. } = &target.kind {
                        self.emit(Op::SetupAnnotations);
                        self.expr(annotation)?;
                        let ann: Rc<str> = Rc::from("__annotations__");
                        let i = self.name(&ann);
                        self.emit(Op::LoadName(i));
                        self.load_const(Value::Str(id.clone()));
                        self.emit(Op::StoreSubscr);
                    }
                } else if value.is_none() {
                    if let ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } =
                        &target.kind
                    {
                        self.expr(value)?;
                        self.emit(Op::Pop);
                    }
                }
            }
            StmtKind::Return(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_all(true)?;
                self.emit(Op::Return);
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.delete_target(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.stmts(body)?;
                if orelse.is_empty() {
                    let h = self.here();
                    self.patch(j, h);
                } else {
                    let jend = self.emit(Op::Jump(0));
                    let h = self.here();
                    self.patch(j, h);
                    self.stmts(orelse)?;
                    let h = self.here();
                    self.patch(jend, h);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                self.expr(test)?;
                let jexit = self.emit(Op::PopJumpIfFalse(0));
                self.u().fblocks.push(FBlock::While {
                    start,
                    breaks: Vec::new(),
                });
                self.stmts(body)?;
                self.set_line(s.span.line);
                self.emit(Op::Jump(start as u32));
                let breaks = match self.u().fblocks.pop() {
                    Some(FBlock::While { breaks, .. }) => breaks,
                    _ => Vec::new(),
                };
                let h = self.here();
                self.patch(jexit, h);
                self.stmts(orelse)?;
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.emit(Op::GetIter);
                self.set_line(s.span.line);
                let start = self.emit(Op::ForIter(0));
                self.store_target(target)?;
                self.u().fblocks.push(FBlock::For {
                    start,
                    breaks: Vec::new(),
                });
                self.stmts(body)?;
                self.emit(Op::Jump(start as u32));
                let breaks = match self.u().fblocks.pop() {
                    Some(FBlock::For { breaks, .. }) => breaks,
                    _ => Vec::new(),
                };
                let h = self.here();
                self.patch(start, h);
                self.stmts(orelse)?;
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                self.loop_exit(is_break, s.span.line)?;
            }
            StmtKind::FunctionDef(f) => self.function_def(f, s.span.line)?,
            StmtKind::ClassDef(c) => self.class_def(c, s.span.line)?,
            StmtKind::Raise { exc, cause } => {
                let n = match (exc, cause) {
                    (None, _) => 0,
                    (Some(e), None) => {
                        self.expr(e)?;
                        1
                    }
                    (Some(e), Some(c)) => {
                        self.expr(e)?;
                        self.expr(c)?;
                        2
                    }
                };
                self.emit(Op::Raise(n));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let j = self.emit(Op::PopJumpIfTrue(0));
                self.emit(Op::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Op::Call(1));
                }
                self.emit(Op::Raise(1));
                let h = self.here();
                self.patch(j, h);
            }
            StmtKind::With { items, body } => self.with(items, body)?,
            StmtKind::Import(names) => {
                for a in names {
                    self.load_const(if a.asname.is_some() {
                        Value::Bool(true)
                    } else {
                        Value::None
                    });
                    let i = self.name(&a.name);
                    self.emit(Op::ImportName(i));
                    match &a.asname {
                        Some(x) => self.store_name(x),
                        None => {
                            let top: Rc<str> = Rc::from(a.name.split('.').next().unwrap_or(""));
                            self.store_name(&top)
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let mut m = ".".repeat(*level as usize);
                if let Some(x) = module {
                    m.push_str(x);
                }
                let m: Rc<str> = Rc::from(m);
                let star = names.iter().any(|a| &*a.name == "*");
                self.load_const(Value::Bool(true));
                let i = self.name(&m);
                self.emit(Op::ImportName(i));
                if star {
                    self.emit(Op::ImportStar);
                } else {
                    for a in names {
                        let i = self.name(&a.name);
                        self.emit(Op::ImportFrom(i));
                        let n = a.asname.clone().unwrap_or_else(|| a.name.clone());
                        self.store_name(&n);
                    }
                    self.emit(Op::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Unsupported(what) => {
                self.load_const(Value::str(what));
                let i = self.u().consts.len() as u32 - 1;
                self.u().ops.pop();
                self.u().lines.pop();
                let st = self.u().line_starts.pop().unwrap_or(false);
                self.u().start_pending |= st;
                self.emit(Op::Unsupported(i));
            }
        }
        Ok(())
    }

    /// Emits the cleanup for leaving every block (for `return`); the return
    /// value stays on top of the stack.
    fn unwind_all(&mut self, preserve_tos: bool) -> R {
        let blocks = std::mem::take(&mut self.u().fblocks);
        let mut res = Ok(());
        for i in (0..blocks.len()).rev() {
            res = self.unwind_block(&blocks, i, preserve_tos);
            if res.is_err() {
                break;
            }
        }
        self.u().fblocks = blocks;
        res
    }

    fn unwind_block(&mut self, blocks: &[FBlock<'a>], i: usize, preserve_tos: bool) -> R {
        let pop = |c: &mut Self| {
            if preserve_tos {
                c.emit(Op::Rot2);
            }
            c.emit(Op::Pop);
        };
        match &blocks[i] {
            FBlock::For { .. } => {
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::PopIter);
            }
            FBlock::While { .. } => {}
            FBlock::Try => {
                self.emit(Op::PopBlock);
            }
            FBlock::Handler => {
                self.emit(Op::PopExcept);
            }
            FBlock::FinallyExc => {
                self.emit(Op::PopExcept);
                pop(self);
            }
            FBlock::With => {
                self.emit(Op::PopBlock);
                if preserve_tos {
                    self.emit(Op::Rot2);
                }
                self.emit(Op::WithExitNormal);
            }
            FBlock::Finally(body) => {
                self.emit(Op::PopBlock);
                // The finally body runs with the outer blocks only.
                let saved: Vec<FBlock<'a>> = std::mem::take(&mut self.u().fblocks);
                let mut outer: Vec<FBlock<'a>> = Vec::new();
                for b in &blocks[..i] {
                    outer.push(match b {
                        FBlock::For { start, .. } => FBlock::For {
                            start: *start,
                            breaks: Vec::new(),
                        },
                        FBlock::While { start, .. } => FBlock::While {
                            start: *start,
                            breaks: Vec::new(),
                        },
                        FBlock::Try => FBlock::Try,
                        FBlock::Handler => FBlock::Handler,
                        FBlock::FinallyExc => FBlock::FinallyExc,
                        FBlock::Finally(b) => FBlock::Finally(b),
                        FBlock::With => FBlock::With,
                    });
                }
                self.u().fblocks = outer;
                let r = self.stmts(body);
                self.u().fblocks = saved;
                r?;
            }
        }
        Ok(())
    }

    fn loop_exit(&mut self, is_break: bool, line: u32) -> R {
        let blocks = std::mem::take(&mut self.u().fblocks);
        let Some(li) = blocks
            .iter()
            .rposition(|b| matches!(b, FBlock::For { .. } | FBlock::While { .. }))
        else {
            self.u().fblocks = blocks;
            let what = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(CompileError {
                msg: what.into(),
                line,
            });
        };
        let mut res = Ok(());
        for i in (li + 1..blocks.len()).rev() {
            res = self.unwind_block(&blocks, i, false);
            if res.is_err() {
                break;
            }
        }
        self.u().fblocks = blocks;
        res?;
        if is_break {
            if matches!(self.u().fblocks[li], FBlock::For { .. }) {
                self.emit(Op::PopIter);
            }
            let j = self.emit(Op::Jump(0));
            match &mut self.u().fblocks[li] {
                FBlock::For { breaks, .. } | FBlock::While { breaks, .. } => breaks.push(j),
                _ => {}
            }
        } else {
            let start = match &self.u().fblocks[li] {
                FBlock::For { start, .. } | FBlock::While { start, .. } => *start,
                _ => 0,
            };
            self.emit(Op::Jump(start as u32));
        }
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> R {
        let setup = self.emit(Op::SetupExcept(0));
        self.u().fblocks.push(FBlock::Try);
        self.stmts(body)?;
        self.u().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(orelse)?;
        let mut ends = vec![self.emit(Op::Jump(0))];
        let h = self.here();
        self.patch(setup, h);
        for hd in handlers {
            self.set_line(hd.span.line);
            let mut next = None;
            if let Some(t) = &hd.typ {
                self.emit(Op::Dup);
                self.expr(t)?;
                self.emit(Op::CheckExcMatch);
                next = Some(self.emit(Op::PopJumpIfFalse(0)));
            }
            match &hd.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Op::Pop);
                }
            }
            self.u().fblocks.push(FBlock::Handler);
            self.stmts(&hd.body)?;
            self.u().fblocks.pop();
            self.emit(Op::PopExcept);
            if let Some(n) = &hd.name {
                self.load_const(Value::None);
                self.store_name(n);
                self.delete_name(n);
            }
            ends.push(self.emit(Op::Jump(0)));
            if let Some(j) = next {
                let h = self.here();
                self.patch(j, h);
            }
        }
        self.emit(Op::Reraise);
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> R {
        let setup = self.emit(Op::SetupExcept(0));
        self.u().fblocks.push(FBlock::Finally(finalbody));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.u().fblocks.pop();
        self.emit(Op::PopBlock);
        self.stmts(finalbody)?;
        let jend = self.emit(Op::Jump(0));
        let h = self.here();
        self.patch(setup, h);
        self.u().fblocks.push(FBlock::FinallyExc);
        self.stmts(finalbody)?;
        self.u().fblocks.pop();
        self.emit(Op::Reraise);
        let end = self.here();
        self.patch(jend, end);
        Ok(())
    }

    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt]) -> R {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        self.expr(&first.context)?;
        let setup = self.emit(Op::SetupWith(0));
        match &first.vars {
            Some(t) => self.store_target(t)?,
            None => {
                self.emit(Op::Pop);
            }
        }
        self.u().fblocks.push(FBlock::With);
        self.with(rest, body)?;
        self.u().fblocks.pop();
        self.emit(Op::PopBlock);
        self.emit(Op::WithExitNormal);
        let jend = self.emit(Op::Jump(0));
        let h = self.here();
        self.patch(setup, h);
        self.emit(Op::WithExcept);
        self.emit(Op::PopExcept);
        self.emit(Op::Pop);
        let end = self.here();
        self.patch(jend, end);
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> R {
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.load_name(id);
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.store_name(id);
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit(Op::Dup);
                let i = self.name(attr);
                self.emit(Op::LoadAttr(i));
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot2);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.subscript_key(slice)?;
                self.emit(Op::Dup2);
                self.emit(Op::Subscript);
                self.expr(value)?;
                self.emit(Op::Inplace(op));
                self.emit(Op::Rot3);
                self.emit(Op::StoreSubscr);
            }
            _ => {
                return Err(CompileError {
                    msg: "'expression' is an illegal expression for augmented assignment".into(),
                    line: target.span.line,
                })
            }
        }
        Ok(())
    }

    fn store_target(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name { id, .. } => self.store_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.name(attr);
                self.emit(Op::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.emit(Op::StoreSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                match elts
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred { .. }))
                {
                    Some(si) => {
                        self.emit(Op::UnpackEx(si as u32, (elts.len() - si - 1) as u32));
                    }
                    None => {
                        self.emit(Op::UnpackSequence(elts.len() as u32));
                    }
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => self.store_target(value)?,
                        _ => self.store_target(e)?,
                    }
                }
            }
            ExprKind::Starred { value, .. } => self.store_target(value)?,
            _ => {
                return Err(CompileError {
                    msg: "cannot assign to expression".into(),
                    line: t.span.line,
                });
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R {
        match &t.kind {
            ExprKind::Name { id, .. } => self.delete_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.name(attr);
                self.emit(Op::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.emit(Op::DeleteSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => {
                return Err(CompileError {
                    msg: "cannot delete expression".into(),
                    line: t.span.line,
                })
            }
        }
        Ok(())
    }

    fn subscript_key(&mut self, s: &'a Expr) -> R {
        self.expr(s)
    }

    fn function_def(&mut self, f: &'a Rc<FunctionDef>, line: u32) -> R {
        for d in &f.decorators {
            self.expr(d)?;
        }
        let qual = self.child_qualname(&f.name);
        let code = self.function_code(
            key(f),
            &f.args,
            f.name.clone(),
            qual,
            line,
            FnBody::Stmts(&f.body),
        )?;
        self.make_function_ann(code, &f.args, f.returns.as_ref())?;
        for _ in &f.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&f.name);
        Ok(())
    }

    fn child_qualname(&self, name: &str) -> Rc<str> {
        let u = self.units.last().expect("unit");
        match u.kind {
            CodeKind::Module => Rc::from(name),
            CodeKind::Class => Rc::from(format!("{}.{}", u.qualname, name)),
            _ => Rc::from(format!("{}.<locals>.{}", u.qualname, name)),
        }
    }

    fn function_code(
        &mut self,
        k: usize,
        args: &'a Arguments,
        name: Rc<str>,
        qualname: Rc<str>,
        line: u32,
        body: FnBody<'a>,
    ) -> Result<Rc<Code>, CompileError> {
        let scope = *self.st.by_node.get(&k).ok_or(CompileError {
            msg: "internal: scope not found".into(),
            line,
        })?;
        let kind = match body {
            FnBody::Stmts(_) => CodeKind::Function,
            FnBody::Lambda(_) => CodeKind::Lambda,
        };
        self.push_unit(kind, scope, name, qualname, line);
        for a in args
            .posonly
            .iter()
            .chain(&args.args)
            .chain(&args.kwonly)
            .chain(&args.vararg)
            .chain(&args.kwarg)
        {
            self.u().varnames.push(a.name.clone());
        }
        let r = match body {
            FnBody::Stmts(b) => {
                // The docstring is the first constant.
                if let Some(Stmt {
                    kind:
                        StmtKind::Expr(Expr {
                            kind: ExprKind::Constant(Constant::Str(s)),
                            ..
                        }),
                    ..
                }) = b.first()
                {
                    self.u().consts.push(Value::Str(s.clone()));
                } else {
                    self.u().consts.push(Value::None);
                }
                let r = self.stmts(b);
                self.load_const(Value::None);
                self.emit(Op::Return);
                r
            }
            FnBody::Lambda(e) => {
                self.u().consts.push(Value::None);
                self.set_line(e.span.line);
                let r = self.expr(e);
                self.emit(Op::Return);
                r
            }
        };
        let argc = args.posonly.len() + args.args.len();
        let code = self.pop_unit(
            argc,
            args.posonly.len(),
            args.kwonly.len(),
            args.vararg.is_some(),
            args.kwarg.is_some(),
        );
        r?;
        Ok(code)
    }

    fn make_function(&mut self, code: Rc<Code>, args: &'a Arguments) -> R {
        self.make_function_ann(code, args, None)
    }

    /// Defaults, keyword defaults and annotations (evaluated at `def` time,
    /// as CPython does), then the closure.
    fn make_function_ann(
        &mut self,
        code: Rc<Code>,
        args: &'a Arguments,
        returns: Option<&'a Expr>,
    ) -> R {
        let mut flags = 0u8;
        let defaults: Vec<&Expr> = args
            .posonly
            .iter()
            .chain(&args.args)
            .filter_map(|a| a.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Op::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<&Arg> = args.kwonly.iter().filter(|a| a.default.is_some()).collect();
        if !kwd.is_empty() {
            for a in &kwd {
                self.load_const(Value::Str(a.name.clone()));
                if let Some(d) = &a.default {
                    self.expr(d)?;
                }
            }
            self.emit(Op::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        let mut n_ann = 0;
        for a in args
            .posonly
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonly)
            .chain(&args.kwarg)
        {
            if let Some(an) = &a.annotation {
                self.load_const(Value::Str(a.name.clone()));
                self.expr(an)?;
                n_ann += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Value::str("return"));
            self.expr(r)?;
            n_ann += 1;
        }
        if n_ann > 0 {
            self.emit(Op::BuildMap(n_ann));
            flags |= 8;
        }
        self.closure_and_make(code, flags);
        Ok(())
    }

    fn closure_and_make(&mut self, code: Rc<Code>, mut flags: u8) {
        if !code.freevars.is_empty() {
            for fv in code.freevars.clone().iter() {
                let i = self.deref(fv);
                self.emit(Op::LoadClosure(i));
            }
            self.emit(Op::BuildTuple(code.freevars.len() as u32));
            flags |= 4;
        }
        let u = self.u();
        let i = u.codes.len() as u32;
        u.codes.push(code);
        self.emit(Op::MakeFunction(i, flags));
    }

    fn class_def(&mut self, c: &'a Rc<ClassDef>, line: u32) -> R {
        for d in &c.decorators {
            self.expr(d)?;
        }
        let scope = *self.st.by_node.get(&key(c)).ok_or(CompileError {
            msg: "internal: scope".into(),
            line,
        })?;
        let qual = self.child_qualname(&c.name);
        self.push_unit(CodeKind::Class, scope, c.name.clone(), qual.clone(), line);
        let r = (|| -> R {
            let n = Rc::from("__name__");
            let i = self.name(&n);
            self.emit(Op::LoadName(i));
            let m: Rc<str> = Rc::from("__module__");
            self.store_name(&m);
            self.load_const(Value::Str(qual.clone()));
            let q: Rc<str> = Rc::from("__qualname__");
            self.store_name(&q);
            if let Some(Stmt {
                kind:
                    StmtKind::Expr(Expr {
                        kind: ExprKind::Constant(Constant::Str(s)),
                        ..
                    }),
                ..
            }) = c.body.first()
            {
                self.load_const(Value::Str(s.clone()));
                let d: Rc<str> = Rc::from("__doc__");
                self.store_name(&d);
            }
            self.stmts(&c.body)?;
            if self.st.scopes[scope].needs_class_cell {
                let i = self.deref("__class__");
                self.emit(Op::LoadClosure(i));
                let cc: Rc<str> = Rc::from("__classcell__");
                let i = self.name(&cc);
                self.emit(Op::StoreName(i));
            }
            self.load_const(Value::None);
            self.emit(Op::Return);
            Ok(())
        })();
        let code = self.pop_unit(0, 0, 0, false, false);
        r?;
        self.closure_and_make(code, 0);
        self.load_const(Value::Str(c.name.clone()));
        self.sequence(&c.bases, SeqKind::Tuple)?;
        self.keywords_dict(&c.keywords)?;
        self.emit(Op::BuildClass);
        for _ in &c.decorators {
            self.emit(Op::Call(1));
        }
        self.store_name(&c.name);
        Ok(())
    }

    /// Builds a dict from keyword arguments (with `**` merges).
    fn keywords_dict(&mut self, kws: &'a [Keyword]) -> R {
        self.emit(Op::BuildMap(0));
        for k in kws {
            match &k.arg {
                Some(n) => {
                    self.load_const(Value::Str(n.clone()));
                    self.expr(&k.value)?;
                    self.emit(Op::BuildMap(1));
                    self.emit(Op::DictMerge);
                }
                None => {
                    self.expr(&k.value)?;
                    self.emit(Op::DictMerge);
                }
            }
        }
        Ok(())
    }

    /// Pushes a list/tuple/set of `elts`, expanding `*x` entries.
    fn sequence(&mut self, elts: &'a [Expr], kind: SeqKind) -> R {
        let starred = elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !starred {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                SeqKind::List => Op::BuildList(n),
                SeqKind::Tuple => Op::BuildTuple(n),
                SeqKind::Set => Op::BuildSet(n),
            });
            return Ok(());
        }
        self.emit(if kind == SeqKind::Set {
            Op::BuildSet(0)
        } else {
            Op::BuildList(0)
        });
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(if kind == SeqKind::Set {
                        Op::SetUpdate
                    } else {
                        Op::ListExtend
                    });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(if kind == SeqKind::Set {
                        Op::SetAdd(1)
                    } else {
                        Op::ListAppend(1)
                    });
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Op::ListToTuple);
        }
        Ok(())
    }

    fn expr(&mut self, e: &'a Expr) -> R {
        self.enter(e.span.line)?;
        let saved = self.u().cur_line;
        let r = self.expr_inner(e);
        self.u().cur_line = saved;
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R {
        match &e.kind {
            ExprKind::Constant(c) => {
                let v = match c {
                    Constant::None => Value::None,
                    Constant::True => Value::Bool(true),
                    Constant::False => Value::Bool(false),
                    Constant::Ellipsis => Value::Ellipsis,
                    Constant::Int(i) => Value::Int(*i),
                    Constant::BigInt(s) => match crate::object::int::parse_big_literal(s) {
                        Some(v) => v,
                        None => {
                            self.u().cur_line = e.span.line;
                            let m = format!("integers beyond 64 bits are not supported in the playground (line {})", e.span.line);
                            self.load_const(Value::str(&m));
                            let i = self.u().consts.len() as u32 - 1;
                            self.emit(Op::Unsupported(i));
                            return Ok(());
                        }
                    },
                    Constant::Float(f) => Value::Float(*f),
                    Constant::Complex(im) => crate::object::complex::new_complex(0.0, *im),
                    Constant::Str(s) => Value::Str(s.clone()),
                    Constant::Bytes(b) => Value::Bytes(b.clone()),
                };
                self.load_const(v);
            }
            ExprKind::Name { id, .. } => self.load_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                self.u().cur_line = e.span.line;
                let i = self.name(attr);
                self.emit(Op::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.subscript_key(slice)?;
                self.u().cur_line = e.span.line;
                self.emit(Op::Subscript);
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step] {
                    match x {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                self.emit(Op::BuildSlice);
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.u().cur_line = e.span.line;
                self.emit(Op::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.u().cur_line = e.span.line;
                self.emit(Op::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            BoolOpKind::And => Op::JumpIfFalseOrPop(0),
                            BoolOpKind::Or => Op::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.u().cur_line = e.span.line;
                    self.emit(Op::Compare(ops[0]));
                } else {
                    let mut cleanups = Vec::new();
                    for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(c)?;
                        if i + 1 < ops.len() {
                            self.emit(Op::Dup);
                            self.emit(Op::Rot3);
                            self.emit(Op::Compare(*op));
                            cleanups.push(self.emit(Op::JumpIfFalseOrPop(0)));
                        } else {
                            self.emit(Op::Compare(*op));
                        }
                    }
                    let jend = self.emit(Op::Jump(0));
                    let h = self.here();
                    for j in cleanups {
                        self.patch(j, h);
                    }
                    self.emit(Op::Rot2);
                    self.emit(Op::Pop);
                    let end = self.here();
                    self.patch(jend, end);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let j = self.emit(Op::PopJumpIfFalse(0));
                self.expr(body)?;
                let jend = self.emit(Op::Jump(0));
                let h = self.here();
                self.patch(j, h);
                self.expr(orelse)?;
                let end = self.here();
                self.patch(jend, end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Op::Dup);
                self.store_target(target)?;
            }
            ExprKind::List { elts, .. } => self.sequence(elts, SeqKind::List)?,
            ExprKind::Tuple { elts, .. } => self.sequence(elts, SeqKind::Tuple)?,
            ExprKind::Set(elts) => self.sequence(elts, SeqKind::Set)?,
            ExprKind::Dict { keys, values } => {
                if keys.iter().all(|k| k.is_some()) {
                    for (k, v) in keys.iter().zip(values) {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Op::BuildMap(keys.len() as u32));
                } else {
                    self.emit(Op::BuildMap(0));
                    for (k, v) in keys.iter().zip(values) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Op::BuildMap(1));
                                self.emit(Op::DictUpdate);
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Op::DictUpdate);
                            }
                        }
                    }
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                let complex = args
                    .iter()
                    .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
                    || keywords.iter().any(|k| k.arg.is_none());
                if complex {
                    self.sequence(args, SeqKind::Tuple)?;
                    if keywords.is_empty() {
                        self.load_const(Value::None);
                    } else {
                        self.keywords_dict(keywords)?;
                    }
                    self.u().cur_line = e.span.line;
                    self.emit(Op::CallEx);
                } else {
                    for a in args {
                        self.expr(a)?;
                    }
                    for k in keywords {
                        self.expr(&k.value)?;
                    }
                    self.u().cur_line = e.span.line;
                    if keywords.is_empty() {
                        self.emit(Op::Call(args.len() as u32));
                    } else {
                        let names: Vec<Value> = keywords
                            .iter()
                            .map(|k| Value::Str(k.arg.clone().unwrap_or_else(|| Rc::from(""))))
                            .collect();
                        self.load_const(Value::tuple(names));
                        self.emit(Op::CallKw((args.len() + keywords.len()) as u32));
                    }
                }
            }
            ExprKind::Lambda { args, body } => {
                let qual = self.child_qualname("<lambda>");
                let code = self.function_code(
                    key(args),
                    args,
                    Rc::from("<lambda>"),
                    qual,
                    e.span.line,
                    FnBody::Lambda(body),
                )?;
                self.make_function(code, args)?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, CompKind::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, CompKind::Set(elt))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, CompKind::Gen(elt))?
            }
            ExprKind::DictComp {
                key: k,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, CompKind::Dict(k, value))?,
            ExprKind::Yield(v) => {
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Op::Yield);
            }
            ExprKind::YieldFrom(v) => {
                self.expr(v)?;
                self.emit(Op::GetIter);
                self.load_const(Value::None);
                self.emit(Op::YieldFrom);
            }
            ExprKind::Await(_) => {
                self.load_const(Value::str("'await'"));
                let i = self.u().consts.len() as u32 - 1;
                self.emit(Op::Unsupported(i));
            }
            ExprKind::Starred { .. } => {
                return Err(CompileError {
                    msg: "can't use starred expression here".into(),
                    line: e.span.line,
                });
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> R {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => self.load_const(Value::Str(s.clone())),
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    if let Some(d) = debug_text {
                        self.load_const(Value::Str(d.clone()));
                        n += 1;
                    }
                    self.expr(value)?;
                    let mut conv = conversion.map(|c| c as u8).unwrap_or(0);
                    if debug_text.is_some() && conversion.is_none() && format_spec.is_none() {
                        conv = b'r';
                    }
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                    }
                    self.emit(Op::FormatValue(conv, format_spec.is_some()));
                }
            }
            n += 1;
        }
        if n != 1 {
            self.emit(Op::BuildString(n));
        } else if matches!(parts.first(), Some(FStringPart::Literal(_))) {
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &'a Expr,
        name: &str,
        gens: &'a Rc<[Comprehension]>,
        kind: CompKind<'a>,
    ) -> R {
        let scope = *self.st.by_node.get(&key(gens)).ok_or(CompileError {
            msg: "internal: scope".into(),
            line: e.span.line,
        })?;
        let qual = self.child_qualname(name);
        let Some(first) = gens.first() else {
            return Ok(());
        };
        self.push_unit(
            CodeKind::Comprehension,
            scope,
            Rc::from(name),
            qual,
            e.span.line,
        );
        self.u().varnames.push(Rc::from(".0"));
        self.u().consts.push(Value::None);
        let r = (|| -> R {
            self.u().cur_line = e.span.line;
            match kind {
                CompKind::List(_) => {
                    self.emit(Op::BuildList(0));
                }
                CompKind::Set(_) => {
                    self.emit(Op::BuildSet(0));
                }
                CompKind::Dict(..) => {
                    self.emit(Op::BuildMap(0));
                }
                CompKind::Gen(_) => {}
            }
            let mut loops = Vec::new();
            for (i, g) in gens.iter().enumerate() {
                if i == 0 {
                    self.emit(Op::LoadFast(0));
                } else {
                    self.expr(&g.iter)?;
                    self.emit(Op::GetIter);
                }
                let start = self.emit(Op::ForIter(0));
                self.store_target(&g.target)?;
                for c in &g.ifs {
                    self.expr(c)?;
                    self.emit(Op::PopJumpIfFalse(start as u32));
                }
                loops.push(start);
            }
            let depth = gens.len() as u32 + 1;
            match kind {
                CompKind::List(x) => {
                    self.expr(x)?;
                    self.emit(Op::ListAppend(depth));
                }
                CompKind::Set(x) => {
                    self.expr(x)?;
                    self.emit(Op::SetAdd(depth));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MapAdd(depth));
                }
                CompKind::Gen(x) => {
                    self.expr(x)?;
                    self.emit(Op::Yield);
                    self.emit(Op::Pop);
                }
            }
            for start in loops.into_iter().rev() {
                self.emit(Op::Jump(start as u32));
                let h = self.here();
                self.patch(start, h);
            }
            if matches!(kind, CompKind::Gen(_)) {
                self.load_const(Value::None);
            }
            self.emit(Op::Return);
            Ok(())
        })();
        let code = self.pop_unit(1, 0, 0, false, false);
        r?;
        self.closure_and_make(code, 0);
        self.expr(&first.iter)?;
        self.emit(Op::GetIter);
        self.u().cur_line = e.span.line;
        self.emit(Op::Call(1));
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SeqKind {
    List,
    Tuple,
    Set,
}

#[derive(Clone, Copy)]
enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Gen(&'a Expr),
    Dict(&'a Expr, &'a Expr),
}

#[derive(Clone, Copy)]
enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Lambda(&'a Expr),
}

#[allow(dead_code)]
fn _unused(_: ScopeKind) {}
