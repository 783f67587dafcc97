//! The instruction loop. Python→Python calls push a frame and continue in
//! the same loop; only native code re-entering Python nests `run_frames`.

use std::rc::Rc;

use crate::compile::code::Op;
use crate::object::class::types;
use crate::object::dict::PyDict;
use crate::value::{PyErr, PyResult, TbEntry, Value};
use crate::vm::exc::{not_supported, type_error, with_exc};
use crate::vm::frame::{Frame, Handler};
use crate::vm::Interpreter;

pub(crate) enum Exit {
    Return(Value),
    Yield(Value, Box<Frame>),
}

pub(crate) enum Flow {
    Next,
    Return(Value),
    Yield(Value),
    Push(Frame),
}

macro_rules! frame {
    ($s:ident) => {
        match $s.frames.last_mut() {
            Some(f) => f,
            None => return Err(PyErr::new("SystemError", "no frame")),
        }
    };
}

impl Interpreter {
    pub(crate) fn push(&mut self, v: Value) {
        if let Some(f) = self.frames.last_mut() {
            f.stack.push(v);
        }
    }
    pub(crate) fn pop(&mut self) -> Value {
        self.frames
            .last_mut()
            .and_then(|f| f.stack.pop())
            .unwrap_or(Value::None)
    }
    fn top(&self) -> Value {
        self.frames
            .last()
            .and_then(|f| f.stack.last().cloned())
            .unwrap_or(Value::None)
    }
    fn popn(&mut self, n: usize) -> Vec<Value> {
        match self.frames.last_mut() {
            Some(f) => {
                let at = f.stack.len().saturating_sub(n);
                f.stack.split_off(at)
            }
            None => Vec::new(),
        }
    }

    /// The exception currently being handled, if any (innermost frame first).
    pub(crate) fn handled_exception(&self) -> Option<Value> {
        self.frames
            .iter()
            .rev()
            .find_map(|f| f.exc_stack.last().cloned())
    }

    pub(crate) fn push_frame_checked(&mut self, f: Frame) -> PyResult<()> {
        if self.frames.len() >= self.config.recursion_limit {
            return Err(PyErr::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.frames.push(f);
        Ok(())
    }

    /// Runs until the frame at index `base` returns or yields.
    pub(crate) fn run_frames(&mut self, base: usize) -> PyResult<Exit> {
        loop {
            let (op, line_start) = {
                let f = frame!(self);
                let pc = f.pc;
                let Some(op) = f.code.ops.get(pc).copied() else {
                    return Err(PyErr::new("SystemError", "ran off the end of the code"));
                };
                f.pc += 1;
                (op, f.code.line_starts[pc])
            };
            self.steps += 1;
            let res = if self.steps > self.config.step_budget {
                self.aborting = true;
                Err(PyErr::new(
                    "RuntimeError",
                    format!(
                        "the script ran longer than the playground's step budget ({} steps)",
                        self.config.step_budget
                    ),
                ))
            } else {
                if line_start && !self.live_gens.is_empty() && self.steps >= self.next_sweep {
                    self.sweep_generators();
                }
                if line_start && self.hook.is_some() {
                    let line = self.frames.last().map(|f| f.line()).unwrap_or(0);
                    let depth = self.frames.len();
                    if let Some(mut h) = self.hook.take() {
                        h.on_line_in(self, line, depth);
                        if self.hook.is_none() {
                            self.hook = Some(h);
                        }
                    }
                }
                self.step(op)
            };
            match res {
                Ok(Flow::Next) => {}
                Ok(Flow::Push(f)) => {
                    if let Err(e) = self.push_frame_checked(f) {
                        if let Some(r) = self.unwind(e, base)? {
                            return Ok(r);
                        }
                    }
                }
                Ok(Flow::Return(v)) => {
                    let done = self.frames.len() - 1 == base;
                    self.frames.pop();
                    if !self.live_gens.is_empty() && self.steps >= self.next_sweep {
                        self.sweep_generators();
                    }
                    if done {
                        return Ok(Exit::Return(v));
                    }
                    self.push(v);
                }
                Ok(Flow::Yield(v)) => {
                    let Some(f) = self.frames.pop() else {
                        return Err(PyErr::new("SystemError", "no frame"));
                    };
                    return Ok(Exit::Yield(v, Box::new(f)));
                }
                Err(e) => {
                    if let Some(r) = self.unwind(e, base)? {
                        return Ok(r);
                    }
                }
            }
        }
    }

    /// Raises `e` in the frame on top (for `generator.throw`).
    pub(crate) fn unwind_into(&mut self, e: PyErr, base: usize) -> PyResult<Option<Exit>> {
        self.unwind(e, base)
    }

    /// Finds a handler for `e`, recording traceback entries on the way;
    /// `Err` when it leaves the frame at `base`.
    fn unwind(&mut self, e: PyErr, base: usize) -> PyResult<Option<Exit>> {
        let ev = e.value();
        if !self.reraising {
            if let Some(h) = self.handled_exception() {
                if !h.is(&ev) {
                    with_exc(&ev, |d| {
                        if d.context.is_none() {
                            d.context = Some(h);
                        }
                    });
                }
            }
        }
        loop {
            let reraise = std::mem::take(&mut self.reraising);
            let aborting = self.aborting;
            let Some(f) = self.frames.last_mut() else {
                return Err(e);
            };
            if !reraise {
                let entry = TbEntry {
                    file: f.code.filename.clone(),
                    line: f.line(),
                    name: f.code.name.clone(),
                };
                with_exc(&ev, |d| d.traceback.push(entry));
            }
            if !aborting {
                if let Some(h) = f.handlers.pop() {
                    f.stack.truncate(h.depth);
                    f.exc_stack.truncate(h.exc_depth);
                    f.exc_stack.push(ev.clone());
                    f.stack.push(ev.clone());
                    f.pc = h.target;
                    return Ok(None);
                }
            }
            let idx = self.frames.len() - 1;
            self.frames.pop();
            if idx <= base {
                return Err(e);
            }
        }
    }

    fn name_const(&self, i: u32) -> Rc<str> {
        self.frames
            .last()
            .and_then(|f| f.code.names.get(i as usize).cloned())
            .unwrap_or_else(|| Rc::from("?"))
    }

    fn step(&mut self, op: Op) -> PyResult<Flow> {
        match op {
            Op::Nop => {}
            Op::LoadConst(i) => {
                let f = frame!(self);
                let v = f.code.consts[i as usize].clone();
                f.stack.push(v);
            }
            Op::LoadFast(i) => {
                let f = frame!(self);
                match &f.fast[i as usize] {
                    Some(v) => {
                        let v = v.clone();
                        f.stack.push(v)
                    }
                    None => {
                        let n = f.code.varnames[i as usize].clone();
                        return Err(PyErr::new(
                            "UnboundLocalError",
                            format!("cannot access local variable '{n}' where it is not associated with a value"),
                        ));
                    }
                }
            }
            Op::StoreFast(i) => {
                let f = frame!(self);
                let v = f.stack.pop();
                f.fast[i as usize] = v;
            }
            Op::DeleteFast(i) => {
                let f = frame!(self);
                if f.fast[i as usize].take().is_none() {
                    let n = f.code.varnames[i as usize].clone();
                    return Err(PyErr::new(
                        "UnboundLocalError",
                        format!("cannot access local variable '{n}' where it is not associated with a value"),
                    ));
                }
            }
            Op::LoadDeref(i) | Op::LoadClosure(i) | Op::LoadClassDeref(i) => {
                let f = frame!(self);
                let cell = f.cells[i as usize].clone();
                if let Op::LoadClosure(_) = op {
                    f.stack.push(Value::Cell(cell));
                    return Ok(Flow::Next);
                }
                let name = deref_name(f, i as usize);
                if let Op::LoadClassDeref(_) = op {
                    if let Some(v) = f.locals.as_ref().and_then(|l| l.borrow().get_str(&name)) {
                        f.stack.push(v);
                        return Ok(Flow::Next);
                    }
                }
                let v = cell.borrow().clone();
                match v {
                    Some(v) => f.stack.push(v),
                    None => {
                        let free = i as usize >= f.code.cellvars.len();
                        return Err(if free {
                            PyErr::new(
                                "NameError",
                                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                            )
                        } else {
                            PyErr::new(
                                "UnboundLocalError",
                                format!("cannot access local variable '{name}' where it is not associated with a value"),
                            )
                        });
                    }
                }
            }
            Op::StoreDeref(i) => {
                let f = frame!(self);
                let v = f.stack.pop();
                *f.cells[i as usize].borrow_mut() = v;
            }
            Op::DeleteDeref(i) => {
                let f = frame!(self);
                f.cells[i as usize].borrow_mut().take();
            }
            Op::LoadGlobal(i) => {
                let n = self.name_const(i);
                let f = frame!(self);
                let v = f.globals.borrow().get_str(&n);
                let v = match v {
                    Some(v) => v,
                    None => self.load_builtin(&n)?,
                };
                self.push(v);
            }
            Op::StoreGlobal(i) => {
                let n = self.name_const(i);
                let v = self.pop();
                frame!(self).globals.borrow_mut().set_str_rc(n, v);
            }
            Op::DeleteGlobal(i) => {
                let n = self.name_const(i);
                if frame!(self).globals.borrow_mut().del_str(&n).is_none() {
                    return Err(PyErr::new(
                        "NameError",
                        format!("name '{n}' is not defined"),
                    ));
                }
            }
            Op::LoadName(i) => {
                let n = self.name_const(i);
                let f = frame!(self);
                let v = match &f.locals {
                    Some(l) => l.borrow().get_str(&n),
                    None => None,
                };
                let v = match v {
                    Some(v) => v,
                    None => {
                        let g = f.globals.borrow().get_str(&n);
                        match g {
                            Some(v) => v,
                            None => self.load_builtin(&n)?,
                        }
                    }
                };
                self.push(v);
            }
            Op::StoreName(i) => {
                let n = self.name_const(i);
                let v = self.pop();
                let f = frame!(self);
                let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                self.ns_store(&ns, n, v)?;
            }
            Op::DeleteName(i) => {
                let n = self.name_const(i);
                let f = frame!(self);
                let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                if ns.borrow_mut().del_str(&n).is_none() {
                    return Err(PyErr::new(
                        "NameError",
                        format!("name '{n}' is not defined"),
                    ));
                }
            }
            Op::LoadAttr(i) => {
                let n = self.name_const(i);
                let o = self.pop();
                let v = self.getattr(&o, &n)?;
                self.push(v);
            }
            Op::StoreAttr(i) => {
                let n = self.name_const(i);
                let o = self.pop();
                let v = self.pop();
                self.setattr(&o, &n, v)?;
            }
            Op::DeleteAttr(i) => {
                let n = self.name_const(i);
                let o = self.pop();
                self.delattr(&o, &n)?;
            }
            Op::Subscript => {
                let k = self.pop();
                let o = self.pop();
                let v = self.getitem(&o, k)?;
                self.push(v);
            }
            Op::StoreSubscr => {
                let k = self.pop();
                let o = self.pop();
                let v = self.pop();
                self.setitem(&o, k, v)?;
            }
            Op::DeleteSubscr => {
                let k = self.pop();
                let o = self.pop();
                self.delitem(&o, k)?;
            }
            Op::Binary(b) => {
                let r = self.pop();
                let l = self.pop();
                let v = self.binary_op(&l, &r, b)?;
                self.push(v);
            }
            Op::Inplace(b) => {
                let r = self.pop();
                let l = self.pop();
                let v = self.inplace_op(&l, &r, b)?;
                self.push(v);
            }
            Op::Unary(u) => {
                let o = self.pop();
                let v = self.unary_op(&o, u)?;
                self.push(v);
            }
            Op::Compare(c) => {
                let r = self.pop();
                let l = self.pop();
                let v = self.compare(&l, &r, c)?;
                self.push(v);
            }
            Op::Pop => {
                self.pop();
            }
            Op::PopIter => {
                if let Value::Generator(g) = self.pop() {
                    let registered = self.live_gens.iter().any(|x| Rc::ptr_eq(x, &g));
                    if Rc::strong_count(&g) == 1 + usize::from(registered) {
                        self.gen_close(&g)?;
                    }
                }
            }
            Op::Dup => {
                let v = self.top();
                self.push(v);
            }
            Op::Dup2 => {
                let f = frame!(self);
                let n = f.stack.len();
                if n >= 2 {
                    let a = f.stack[n - 2].clone();
                    let b = f.stack[n - 1].clone();
                    f.stack.push(a);
                    f.stack.push(b);
                }
            }
            Op::Rot2 => {
                let f = frame!(self);
                let n = f.stack.len();
                if n >= 2 {
                    f.stack.swap(n - 1, n - 2);
                }
            }
            Op::Rot3 => {
                let f = frame!(self);
                let n = f.stack.len();
                if n >= 3 {
                    let v = f.stack.remove(n - 1);
                    f.stack.insert(n - 3, v);
                }
            }
            Op::Jump(t) => frame!(self).pc = t as usize,
            Op::PopJumpIfFalse(t) | Op::PopJumpIfTrue(t) => {
                let v = self.pop();
                let b = self.truthy(&v)?;
                if b == matches!(op, Op::PopJumpIfTrue(_)) {
                    frame!(self).pc = t as usize;
                }
            }
            Op::JumpIfFalseOrPop(t) | Op::JumpIfTrueOrPop(t) => {
                let v = self.top();
                let b = self.truthy(&v)?;
                if b == matches!(op, Op::JumpIfTrueOrPop(_)) {
                    frame!(self).pc = t as usize;
                } else {
                    self.pop();
                }
            }
            Op::GetIter => {
                let o = self.pop();
                let it = self.iter(&o)?;
                self.push(it);
            }
            Op::ForIter(t) => {
                let it = self.top();
                match self.next(&it)? {
                    Some(v) => self.push(v),
                    None => {
                        self.pop();
                        frame!(self).pc = t as usize;
                    }
                }
            }
            Op::BuildList(n) => {
                let v = self.popn(n as usize);
                self.push(Value::list(v));
            }
            Op::BuildTuple(n) => {
                let v = self.popn(n as usize);
                self.push(Value::tuple(v));
            }
            Op::BuildSet(n) => {
                let v = self.popn(n as usize);
                let s = self.new_set(v)?;
                self.push(s);
            }
            Op::BuildMap(n) => {
                let v = self.popn(2 * n as usize);
                let mut d = PyDict::new();
                let mut it = v.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    self.dict_set(&mut d, k, v)?;
                }
                self.push(Value::dict(d));
            }
            Op::BuildSlice => {
                let v = self.popn(3);
                let mut a = [Value::None, Value::None, Value::None];
                for (i, x) in v.into_iter().enumerate() {
                    a[i] = x;
                }
                self.push(Value::Slice(Rc::new(a)));
            }
            Op::ListAppend(d) | Op::SetAdd(d) | Op::MapAdd(d) => {
                let (k, v) = if let Op::MapAdd(_) = op {
                    let v = self.pop();
                    (self.pop(), v)
                } else {
                    (Value::None, self.pop())
                };
                let f = frame!(self);
                let idx = f.stack.len().saturating_sub(d as usize);
                let target = f.stack.get(idx).cloned().unwrap_or(Value::None);
                match (&target, op) {
                    (Value::List(l), Op::ListAppend(_)) => l.borrow_mut().push(v),
                    (Value::Set(s), Op::SetAdd(_)) => self.set_add(s, v)?,
                    (Value::Dict(m), Op::MapAdd(_)) => self.dict_setitem(m, k, v)?,
                    _ => return Err(PyErr::new("SystemError", "bad comprehension target")),
                }
            }
            Op::ListExtend | Op::SetUpdate => {
                let src = self.pop();
                let items = self.collect_iter(&src)?;
                match self.top() {
                    Value::List(l) => l.borrow_mut().extend(items),
                    Value::Set(s) => {
                        for v in items {
                            self.set_add(&s, v)?;
                        }
                    }
                    _ => {}
                }
            }
            Op::DictUpdate | Op::DictMerge => {
                let src = self.pop();
                let Value::Dict(d) = self.top() else {
                    return Err(PyErr::new("SystemError", "bad dict target"));
                };
                let pairs = match &src {
                    Value::Dict(s) => s.borrow().items(),
                    _ => {
                        let keys = self.getattr(&src, "keys").map_err(|_| {
                            type_error(if matches!(op, Op::DictMerge) {
                                format!(
                                    "argument after ** must be a mapping, not {}",
                                    src.type_name()
                                )
                            } else {
                                format!("'{}' object is not a mapping", src.type_name())
                            })
                        })?;
                        let ks = self.call(&keys, vec![], vec![])?;
                        let ks = self.collect_iter(&ks)?;
                        let mut out = Vec::new();
                        for k in ks {
                            let v = self.getitem(&src, k.clone())?;
                            out.push((k, v));
                        }
                        out
                    }
                };
                for (k, v) in pairs {
                    if matches!(op, Op::DictMerge) && self.dict_get(&d, &k)?.is_some() {
                        let f = frame!(self);
                        let func = f.stack.len().checked_sub(3).map(|i| f.stack[i].clone());
                        let fs = match func {
                            Some(func) => self.function_str(&func)?,
                            None => "function".to_string(),
                        };
                        let ks = self.str(&k)?;
                        return Err(type_error(format!(
                            "{fs} got multiple values for keyword argument '{ks}'"
                        )));
                    }
                    self.dict_setitem(&d, k, v)?;
                }
            }
            Op::ListToTuple => {
                let v = self.pop();
                if let Value::List(l) = v {
                    let items = l.borrow().clone();
                    self.push(Value::tuple(items));
                }
            }
            Op::UnpackSequence(n) => {
                let v = self.pop();
                let items = self.unpack(&v, n as usize, None)?;
                let f = frame!(self);
                f.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx(before, after) => {
                let v = self.pop();
                let items = self.unpack(&v, before as usize, Some(after as usize))?;
                let f = frame!(self);
                f.stack.extend(items.into_iter().rev());
            }
            Op::Call(n) => {
                let args = self.popn(n as usize);
                let func = self.pop();
                return self.call_in_loop(func, args, Vec::new());
            }
            Op::CallKw(n) => {
                let names = self.pop();
                let mut args = self.popn(n as usize);
                let func = self.pop();
                let names: Vec<Rc<str>> = match names {
                    Value::Tuple(t) => t
                        .iter()
                        .map(|v| {
                            if let Value::Str(s) = v {
                                s.clone()
                            } else {
                                Rc::from("")
                            }
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                let kwv = args.split_off(args.len().saturating_sub(names.len()));
                let kw = names.into_iter().zip(kwv).collect();
                return self.call_in_loop(func, args, kw);
            }
            Op::CallEx => {
                let kw = self.pop();
                let args = self.pop();
                let func = self.pop();
                let args = match args {
                    Value::Tuple(t) => t.to_vec(),
                    other => self.collect_iter(&other)?,
                };
                let mut kwl = Vec::new();
                if let Value::Dict(d) = kw {
                    for (k, v) in d.borrow().iter() {
                        match k {
                            Value::Str(s) => kwl.push((s.clone(), v.clone())),
                            _ => return Err(type_error("keywords must be strings")),
                        }
                    }
                }
                return self.call_in_loop(func, args, kwl);
            }
            Op::MakeFunction(i, flags) => {
                let closure = if flags & 4 != 0 {
                    self.pop()
                } else {
                    Value::None
                };
                let ann = if flags & 8 != 0 {
                    Some(self.pop())
                } else {
                    None
                };
                let kwd = if flags & 2 != 0 {
                    self.pop()
                } else {
                    Value::None
                };
                let defaults = if flags & 1 != 0 {
                    self.pop()
                } else {
                    Value::None
                };
                let f = frame!(self);
                let code = f.code.codes[i as usize].clone();
                let globals = f.globals.clone();
                let v = self.make_function(code, globals, defaults, kwd, closure);
                if let (Some(a), Value::Function(f)) = (ann, &v) {
                    f.dict.borrow_mut().set_str("__annotations__", a);
                }
                self.push(v);
            }
            Op::Return => {
                let v = self.pop();
                return Ok(Flow::Return(v));
            }
            Op::Yield => {
                let v = self.pop();
                return Ok(Flow::Yield(v));
            }
            Op::YieldFrom => {
                let sent = self.pop();
                let it = self.top();
                let r = match &it {
                    Value::Generator(g) => self.gen_send(g, sent)?,
                    _ => match self.next(&it)? {
                        Some(v) => crate::vm::call::GenStep::Yield(v),
                        None => crate::vm::call::GenStep::Return(Value::None),
                    },
                };
                match r {
                    crate::vm::call::GenStep::Yield(v) => {
                        frame!(self).pc -= 1;
                        return Ok(Flow::Yield(v));
                    }
                    crate::vm::call::GenStep::Return(v) => {
                        self.pop();
                        self.push(v);
                    }
                }
            }
            Op::Raise(n) => return Err(self.do_raise(n)?),
            Op::Reraise => {
                let v = self.pop();
                self.reraising = true;
                return Err(match v {
                    Value::Instance(i) => PyErr(i),
                    _ => PyErr::new("SystemError", "reraise of a non-exception"),
                });
            }
            Op::SetupExcept(t) | Op::SetupWith(t) => {
                if let Op::SetupWith(_) = op {
                    let ctx = self.pop();
                    let exit = self.lookup_special(&ctx, "__exit__")?;
                    let enter = self.lookup_special(&ctx, "__enter__")?;
                    let (Some(exit), Some(enter)) = (exit, enter) else {
                        return Err(type_error(format!(
                            "'{}' object does not support the context manager protocol",
                            ctx.type_name()
                        )));
                    };
                    self.push(exit);
                    let v = self.call(&enter, vec![], vec![])?;
                    let f = frame!(self);
                    f.handlers.push(Handler {
                        target: t as usize,
                        depth: f.stack.len(),
                        exc_depth: f.exc_stack.len(),
                    });
                    f.stack.push(v);
                } else {
                    let f = frame!(self);
                    f.handlers.push(Handler {
                        target: t as usize,
                        depth: f.stack.len(),
                        exc_depth: f.exc_stack.len(),
                    });
                }
            }
            Op::PopBlock => {
                frame!(self).handlers.pop();
            }
            Op::PopExcept => {
                frame!(self).exc_stack.pop();
            }
            Op::CheckExcMatch => {
                let t = self.pop();
                let e = self.pop();
                let m = self.exc_matches(&e, &t)?;
                self.push(Value::Bool(m));
            }
            Op::WithExitNormal => {
                let exit = self.pop();
                self.call(&exit, vec![Value::None, Value::None, Value::None], vec![])?;
            }
            Op::WithExcept => {
                let exc = self.pop();
                let exit = self.top();
                let cls = Value::Class(exc.class());
                let r = self.call(&exit, vec![cls, exc.clone(), Value::None], vec![])?;
                if !self.truthy(&r)? {
                    self.reraising = true;
                    if let Value::Instance(i) = exc {
                        return Err(PyErr(i));
                    }
                }
            }
            Op::FormatValue(conv, has_spec) => {
                let spec = if has_spec { self.pop() } else { Value::None };
                let v = self.pop();
                let v = match conv {
                    b's' => Value::str(&self.str(&v)?),
                    b'r' => Value::str(&self.repr(&v)?),
                    b'a' => Value::str(&crate::object::repr::ascii(&self.repr(&v)?)),
                    _ => v,
                };
                let spec = match &spec {
                    Value::Str(s) => s.to_string(),
                    _ => String::new(),
                };
                let s = if spec.is_empty() {
                    match v {
                        Value::Str(s) => s.to_string(),
                        other => self.format(&other, "")?,
                    }
                } else {
                    self.format(&v, &spec)?
                };
                self.push(Value::str(&s));
            }
            Op::BuildString(n) => {
                let parts = self.popn(n as usize);
                let mut s = String::new();
                for p in parts {
                    if let Value::Str(x) = p {
                        s.push_str(&x);
                    }
                }
                self.push(Value::str(&s));
            }
            Op::ImportName(i) => {
                let n = self.name_const(i);
                let leaf = self.pop();
                let m = self.import(&n, !leaf.is_none())?;
                self.push(m);
            }
            Op::ImportFrom(i) => {
                let n = self.name_const(i);
                let m = self.top();
                let v = self.import_from(&m, &n)?;
                self.push(v);
            }
            Op::ImportStar => {
                let m = self.pop();
                if let Value::Module(m) = m {
                    let items = m.dict.borrow().items();
                    let f = frame!(self);
                    let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                    for (k, v) in items {
                        if let Value::Str(s) = &k {
                            if !s.starts_with('_') {
                                ns.borrow_mut().set_str_rc(s.clone(), v);
                            }
                        }
                    }
                }
            }
            Op::BuildClass => {
                let kw = self.pop();
                let bases = self.pop();
                let name = self.pop();
                let body = self.pop();
                let c = self.build_class(body, name, bases, kw)?;
                self.push(c);
            }
            Op::SetupAnnotations => {
                let f = frame!(self);
                let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                if !ns.borrow().contains_str("__annotations__") {
                    ns.borrow_mut()
                        .set_str("__annotations__", Value::dict(PyDict::new()));
                }
            }
            Op::Unsupported(i) => {
                let f = frame!(self);
                let what = match &f.code.consts[i as usize] {
                    Value::Str(s) => s.to_string(),
                    _ => "this construct".into(),
                };
                let line = f.line();
                if what.ends_with(')') {
                    return Err(PyErr::new("NotImplementedError", what));
                }
                return Err(not_supported(&what, line));
            }
            Op::LoadAssertionError => self.push(Value::Class(types().exc("AssertionError"))),
            Op::Match(m) => self.match_op(m)?,
        }
        Ok(Flow::Next)
    }

    pub(crate) fn load_builtin(&mut self, n: &str) -> PyResult<Value> {
        if let Some(v) = self.builtins.borrow().get_str(n) {
            return Ok(v);
        }
        // Builtins written in Python, compiled on first use.
        if n == "bytearray" {
            let m = self.import("_bytearray", false)?;
            let v = self.getattr(&m, n)?;
            self.builtins.borrow_mut().set_str(n, v.clone());
            return Ok(v);
        }
        let e = PyErr::new("NameError", format!("name '{n}' is not defined"));
        // CPython suggests from the frame's locals, globals and builtins.
        let mut cands: Vec<String> = Vec::new();
        if let Some(f) = self.frames.last() {
            for (i, v) in f.code.varnames.iter().enumerate() {
                // Hidden slots (`.0`, `.m1`) are not names the user wrote.
                if v.starts_with('.') {
                    continue;
                }
                if f.fast.get(i).map(|x| x.is_some()).unwrap_or(false) {
                    cands.push(v.to_string());
                }
            }
            let key_names = |d: &crate::object::dict::PyDict| -> Vec<String> {
                d.keys()
                    .iter()
                    .filter_map(|k| {
                        if let Value::Str(s) = k {
                            Some(s.to_string())
                        } else {
                            None
                        }
                    })
                    .collect()
            };
            if let Some(l) = &f.locals {
                cands.extend(key_names(&l.borrow()));
            }
            cands.extend(key_names(&f.globals.borrow()));
            cands.extend(key_names(&self.builtins.borrow()));
        }
        e.0.dict.borrow_mut().set_str("name", Value::str(n));
        if let Some(s) = crate::traceback::suggest(n, &cands) {
            e.0.dict
                .borrow_mut()
                .set_str("__suggestion__", Value::str(&s));
        }
        Err(e)
    }

    fn do_raise(&mut self, n: u8) -> PyResult<PyErr> {
        if n == 0 {
            return match self.handled_exception() {
                Some(Value::Instance(i)) => {
                    self.reraising = true;
                    Ok(PyErr(i))
                }
                _ => Ok(PyErr::new("RuntimeError", "No active exception to reraise")),
            };
        }
        let cause = if n == 2 { Some(self.pop()) } else { None };
        let v = self.pop();
        let e = self.make_exception(v)?;
        if let Some(c) = cause {
            let c = match c {
                Value::None => Value::None,
                other => self
                    .make_exception(other)
                    .map(|e| e.value())
                    .map_err(|_| type_error("exception causes must derive from BaseException"))?,
            };
            with_exc(&e.value(), |d| {
                d.cause = if c.is_none() { None } else { Some(c) };
                d.suppress_context = true;
            });
        }
        Ok(e)
    }

    /// `raise X`: an exception instance, or a class to instantiate.
    pub(crate) fn make_exception(&mut self, v: Value) -> PyResult<PyErr> {
        match &v {
            Value::Instance(i) if crate::vm::exc::is_exception_class(&i.class.borrow()) => {
                Ok(PyErr(i.clone()))
            }
            Value::Class(c) if crate::vm::exc::is_exception_class(c) => {
                let inst = self.call(&v, vec![], vec![])?;
                match inst {
                    Value::Instance(i) => Ok(PyErr(i)),
                    _ => Err(type_error("exceptions must derive from BaseException")),
                }
            }
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }

    pub(crate) fn exc_matches(&mut self, e: &Value, t: &Value) -> PyResult<bool> {
        let cls = e.class();
        match t {
            Value::Class(c) if crate::vm::exc::is_exception_class(c) => Ok(cls.is_subclass(c)),
            Value::Tuple(ts) => {
                for t in ts.iter() {
                    if self.exc_matches(e, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// Stores into a module or class namespace.
    pub(crate) fn ns_store(
        &mut self,
        ns: &crate::value::DictRef,
        n: Rc<str>,
        v: Value,
    ) -> PyResult<()> {
        ns.borrow_mut().set_str_rc(n, v);
        Ok(())
    }

    /// Runs a code object as a module/class body with `ns` as its namespace.
    pub(crate) fn run_body(
        &mut self,
        code: Rc<crate::compile::code::Code>,
        globals: crate::value::DictRef,
        ns: crate::value::DictRef,
        closure: Vec<crate::value::CellRef>,
    ) -> PyResult<Value> {
        let ncells = code.cellvars.len();
        let mut cells: Vec<crate::value::CellRef> = (0..ncells)
            .map(|_| Rc::new(std::cell::RefCell::new(None)))
            .collect();
        cells.extend(closure);
        let f = Frame {
            fast: vec![None; code.varnames.len()],
            code,
            pc: 0,
            stack: Vec::new(),
            cells,
            globals,
            locals: Some(ns),
            handlers: Vec::new(),
            exc_stack: Vec::new(),
        };
        self.run_frame(f)
    }

    /// Runs one frame to completion (nested run loop for native callers).
    pub(crate) fn run_frame(&mut self, f: Frame) -> PyResult<Value> {
        if self.native_depth >= self.config.native_depth_limit {
            return Err(PyErr::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        self.push_frame_checked(f)?;
        let base = self.frames.len() - 1;
        self.native_depth += 1;
        let r = self.run_frames(base);
        self.native_depth -= 1;
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(..) => Err(PyErr::new("SystemError", "yield outside a generator")),
        }
    }
}

fn deref_name(f: &Frame, i: usize) -> Rc<str> {
    let nc = f.code.cellvars.len();
    if i < nc {
        f.code.cellvars[i].clone()
    } else {
        f.code
            .freevars
            .get(i - nc)
            .cloned()
            .unwrap_or_else(|| Rc::from("?"))
    }
}
