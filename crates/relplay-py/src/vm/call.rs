//! Calling: argument binding with CPython's messages, frames for Python
//! functions, generators, class instantiation and class creation.

use std::cell::RefCell;
use std::rc::Rc;

use crate::compile::code::{Code, Op};
use crate::object::class::{base_value, types, Class, Layout};
use crate::object::dict::PyDict;
use crate::value::{CellRef, DictRef, Function, Generator, Payload, PyErr, PyResult, Value};
use crate::vm::eval::{Exit, Flow};
use crate::vm::exc::{new_instance, type_error, with_exc};
use crate::vm::frame::Frame;
use crate::vm::Interpreter;

pub type Kw = Vec<(Rc<str>, Value)>;

pub enum GenStep {
    Yield(Value),
    Return(Value),
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[Rc<str>]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

impl Interpreter {
    pub(crate) fn make_function(
        &mut self,
        code: Rc<Code>,
        globals: DictRef,
        defaults: Value,
        kwd: Value,
        closure: Value,
    ) -> Value {
        let defaults = match defaults {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        let kwdefaults = match kwd {
            Value::Dict(d) => d
                .borrow()
                .iter()
                .filter_map(|(k, v)| {
                    if let Value::Str(s) = k {
                        Some((s.clone(), v.clone()))
                    } else {
                        None
                    }
                })
                .collect(),
            _ => Vec::new(),
        };
        let closure = match closure {
            Value::Tuple(t) => t
                .iter()
                .filter_map(|c| {
                    if let Value::Cell(c) = c {
                        Some(c.clone())
                    } else {
                        None
                    }
                })
                .collect(),
            _ => Vec::new(),
        };
        let module = match globals.borrow().get_str("__name__") {
            Some(Value::Str(s)) => s,
            _ => Rc::from("__main__"),
        };
        let doc = code.consts.first().cloned().unwrap_or(Value::None);
        Value::Function(Rc::new(Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            module,
            dict: Rc::new(RefCell::new(PyDict::new())),
            doc,
        }))
    }

    /// Binds arguments into a new frame for `func`.
    #[allow(clippy::needless_range_loop)]
    pub(crate) fn bind_frame(
        &mut self,
        func: &Function,
        mut args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Frame> {
        let code = &func.code;
        let qn = func.qualname.borrow().clone();
        let nvars = code.varnames.len();
        let mut fast: Vec<Option<Value>> = vec![None; nvars];
        let argc = code.argcount;
        let nkwonly = code.kwonlycount;
        let mut extra = Vec::new();
        if args.len() > argc {
            if code.varargs {
                extra = args.split_off(argc);
            } else {
                let ndef = func.defaults.len();
                let given = args.len();
                let kwgiven = kw
                    .iter()
                    .filter(|(k, _)| code.varnames[argc..argc + nkwonly].iter().any(|v| v == k))
                    .count();
                let takes = if ndef > 0 {
                    format!("from {} to {} positional arguments", argc - ndef, argc)
                } else {
                    plural(argc, "positional argument")
                };
                let was = if given == 1 { "was" } else { "were" };
                let kwpart = if kwgiven > 0 {
                    format!(
                        " positional argument{} (and {} keyword-only argument{})",
                        if given == 1 { "" } else { "s" },
                        kwgiven,
                        if kwgiven == 1 { "" } else { "s" }
                    )
                } else {
                    String::new()
                };
                if kwgiven > 0 {
                    return Err(type_error(format!(
                        "{qn}() takes {takes} but {given}{kwpart} were given"
                    )));
                }
                return Err(type_error(format!(
                    "{qn}() takes {takes} but {given} {was} given"
                )));
            }
        }
        for (i, a) in args.into_iter().enumerate() {
            fast[i] = Some(a);
        }
        let mut varkw = if code.varkw {
            Some(PyDict::new())
        } else {
            None
        };
        let mut posonly_kw = Vec::new();
        for (k, v) in kw {
            let pos = code.varnames[..argc + nkwonly].iter().position(|n| *n == k);
            match pos {
                Some(i) if i >= code.posonlycount => {
                    if fast[i].is_some() {
                        return Err(type_error(format!(
                            "{qn}() got multiple values for argument '{k}'"
                        )));
                    }
                    fast[i] = Some(v);
                }
                _ => match &mut varkw {
                    Some(d) => {
                        if d.contains_str(&k) {
                            return Err(type_error(format!(
                                "{qn}() got multiple values for keyword argument '{k}'"
                            )));
                        }
                        d.set_str_rc(k, v)
                    }
                    None => {
                        if pos.is_some() {
                            posonly_kw.push(k);
                            continue;
                        }
                        return Err(type_error(format!(
                            "{qn}() got an unexpected keyword argument '{k}'"
                        )));
                    }
                },
            }
        }
        if !posonly_kw.is_empty() {
            return Err(type_error(format!(
                "{qn}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_kw
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        // Defaults for missing positional arguments.
        let ndef = func.defaults.len();
        let mut missing = Vec::new();
        for i in 0..argc {
            if fast[i].is_none() {
                if i + ndef >= argc {
                    fast[i] = Some(func.defaults[i + ndef - argc].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{qn}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        for i in argc..argc + nkwonly {
            if fast[i].is_none() {
                let n = &code.varnames[i];
                if let Some((_, v)) = func.kwdefaults.iter().find(|(k, _)| k == n) {
                    fast[i] = Some(v.clone());
                } else {
                    missing.push(n.clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(format!(
                "{qn}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let mut slot = argc + nkwonly;
        if code.varargs {
            fast[slot] = Some(Value::tuple(extra));
            slot += 1;
        }
        if let Some(d) = varkw {
            fast[slot] = Some(Value::dict(d));
        }
        let mut cells: Vec<CellRef> = (0..code.cellvars.len())
            .map(|_| Rc::new(RefCell::new(None)))
            .collect();
        for (ci, vi) in &code.cell_args {
            *cells[*ci].borrow_mut() = fast[*vi].take();
        }
        cells.extend(func.closure.iter().cloned());
        Ok(Frame {
            code: func.code.clone(),
            pc: 0,
            stack: Vec::new(),
            fast,
            cells,
            globals: func.globals.clone(),
            locals: None,
            handlers: Vec::new(),
            exc_stack: Vec::new(),
        })
    }

    /// A call made by an instruction: Python functions get a frame in the
    /// running loop; everything else is called natively.
    pub(crate) fn call_in_loop(
        &mut self,
        func: Value,
        mut args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Flow> {
        let f = match &func {
            Value::Function(f) if !f.code.is_generator => f.clone(),
            Value::Method(m) => match &m.1 {
                Value::Function(f) if !f.code.is_generator => {
                    args.insert(0, m.0.clone());
                    f.clone()
                }
                _ => {
                    let v = self.call(&func, args, kw)?;
                    self.push(v);
                    return Ok(Flow::Next);
                }
            },
            _ => {
                let v = self.call(&func, args, kw)?;
                self.push(v);
                return Ok(Flow::Next);
            }
        };
        let frame = self.bind_frame(&f, args, kw)?;
        Ok(Flow::Push(frame))
    }

    /// Calls any callable from Rust (re-entering the VM for Python code).
    pub fn call(&mut self, func: &Value, mut args: Vec<Value>, kw: Kw) -> PyResult<Value> {
        match func {
            Value::Function(f) => {
                let frame = self.bind_frame(f, args, kw)?;
                if f.code.is_generator {
                    return Ok(Value::Generator(Rc::new(RefCell::new(Generator {
                        frame: Some(Box::new(frame)),
                        running: false,
                        started: false,
                        name: f.name.borrow().clone(),
                        qualname: f.qualname.borrow().clone(),
                        id: crate::value::next_id(),
                    }))));
                }
                self.run_frame(frame)
            }
            Value::Method(m) => {
                args.insert(0, m.0.clone());
                let f = m.1.clone();
                self.call(&f, args, kw)
            }
            Value::Builtin(b) => {
                let b = b.clone();
                if self.native_depth >= self.config.native_depth_limit + 20 {
                    return Err(PyErr::new(
                        "RecursionError",
                        "maximum recursion depth exceeded",
                    ));
                }
                (b.func)(self, args, kw)
            }
            Value::Class(c) => self.call_class(c, args, kw),
            Value::StaticMethod(f) => {
                let f = (**f).clone();
                self.call(&f, args, kw)
            }
            Value::Native(n) => {
                let n = n.clone();
                match n.call(self, func, args, kw)? {
                    Some(v) => Ok(v),
                    None => Err(type_error(format!(
                        "'{}' object is not callable",
                        func.type_name()
                    ))),
                }
            }
            Value::Instance(_) => match self.lookup_special(func, "__call__")? {
                Some(m) => self.call(&m, args, kw),
                None => Err(type_error(format!(
                    "'{}' object is not callable",
                    func.type_name()
                ))),
            },
            _ => Err(type_error(format!(
                "'{}' object is not callable",
                func.type_name()
            ))),
        }
    }

    /// Calls `func(*args)` without keywords.
    pub fn call0(&mut self, func: &Value, args: Vec<Value>) -> PyResult<Value> {
        self.call(func, args, Vec::new())
    }

    /// Calls the method `name` of `obj`.
    pub fn call_method(
        &mut self,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        let m = self.getattr(obj, name)?;
        self.call(&m, args, kw)
    }

    /// Instantiates a class: `__new__` then `__init__`.
    pub(crate) fn call_class(
        &mut self,
        c: &Rc<Class>,
        args: Vec<Value>,
        kw: Kw,
    ) -> PyResult<Value> {
        let t = types();
        if Rc::ptr_eq(c, &t.type_) && args.len() == 1 && kw.is_empty() {
            return Ok(Value::Class(args[0].class()));
        }
        // Metaclass `__call__` overrides.
        if let Some(meta) = c.metaclass() {
            if let Some(call) = meta.lookup("__call__") {
                if matches!(call, Value::Function(_)) {
                    let mut a = vec![Value::Class(c.clone())];
                    a.extend(args);
                    return self.call(&call, a, kw);
                }
            }
        }
        if c.builtin {
            let ctor = c.dict.borrow().get_str("__ctor__");
            if let Some(ctor) = ctor {
                return self.call(&ctor, args, kw);
            }
        }
        let cv = Value::Class(c.clone());
        let new = c.lookup_with_owner("__new__");
        let inst = match &new {
            Some((owner, f)) if !owner.builtin => {
                let f = match f {
                    Value::StaticMethod(f) => (**f).clone(),
                    other => other.clone(),
                };
                let mut a = vec![cv.clone()];
                a.extend(args.iter().cloned());
                self.call(&f, a, kw.clone())?
            }
            _ => self.object_new(c, &args)?,
        };
        if !inst.class().is_subclass(c) {
            return Ok(inst);
        }
        match c.lookup_with_owner("__init__") {
            Some((owner, init)) if !owner.builtin || owner.layout != Layout::Object => {
                if owner.builtin && owner.layout == Layout::Base {
                    let m = self.bind(&init, &inst, &cv)?;
                    self.call(&m, args, kw)?;
                } else if owner.builtin {
                    // BaseException.__init__ stores the arguments.
                    with_exc(&inst, |d| d.args = args.clone());
                } else {
                    let m = self.bind(&init, &inst, &cv)?;
                    let r = self.call(&m, args, kw)?;
                    if !r.is_none() {
                        return Err(type_error(format!(
                            "__init__() should return None, not '{}'",
                            r.type_name()
                        )));
                    }
                }
            }
            _ => {
                let custom_new = matches!(&new, Some((o, _)) if !o.builtin);
                if (!args.is_empty() || !kw.is_empty()) && !custom_new && c.layout == Layout::Object
                {
                    return Err(type_error(format!("{}() takes no arguments", c.name())));
                }
            }
        }
        Ok(inst)
    }

    /// `object.__new__(cls)`, also for subclasses of built-in types.
    pub(crate) fn object_new(&mut self, c: &Rc<Class>, args: &[Value]) -> PyResult<Value> {
        let inst = new_instance(c);
        match c.layout {
            Layout::Exception => {
                if let Payload::Exc(d) = &mut *inst.payload.borrow_mut() {
                    d.args = args.to_vec();
                }
            }
            Layout::Base => {
                let base = c
                    .mro()
                    .into_iter()
                    .find(|k| k.builtin && k.dict.borrow().contains_str("__ctor__"));
                if let Some(b) = base {
                    // Mutable bases start empty and are filled by __init__.
                    let mutable = ["list", "dict", "set"].contains(&&*b.name());
                    let a = if mutable { Vec::new() } else { args.to_vec() };
                    let v = self.call_class(&b, a, vec![])?;
                    let v = base_value(&v).unwrap_or(v);
                    *inst.payload.borrow_mut() = Payload::Base(v);
                }
            }
            Layout::Object => {}
        }
        Ok(Value::Instance(inst))
    }

    /// CPython's `_PyObject_FunctionStr`: `module.qualname()` (no module
    /// for builtins), else `type object`.
    pub(crate) fn function_str(&mut self, func: &Value) -> PyResult<String> {
        let qn = match self.getattr_opt(func, "__qualname__")? {
            Some(Value::Str(q)) => q,
            _ => return Ok(format!("{} object", func.type_name())),
        };
        match self.getattr_opt(func, "__module__")? {
            Some(Value::Str(m)) if &*m != "builtins" => Ok(format!("{m}.{qn}()")),
            _ => Ok(format!("{qn}()")),
        }
    }

    // ----- generators -----

    pub(crate) fn gen_send(
        &mut self,
        g: &Rc<RefCell<Generator>>,
        sent: Value,
    ) -> PyResult<GenStep> {
        let (frame, started) = {
            let mut gb = g.borrow_mut();
            if gb.running {
                return Err(PyErr::new("ValueError", "generator already executing"));
            }
            match gb.frame.take() {
                None => return Ok(GenStep::Return(Value::None)),
                Some(f) => {
                    let s = gb.started;
                    gb.started = true;
                    gb.running = true;
                    (f, s)
                }
            }
        };
        if !started && !sent.is_none() {
            g.borrow_mut().running = false;
            g.borrow_mut().frame = Some(frame);
            return Err(type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        let mut frame = *frame;
        if started {
            frame.stack.push(sent);
        }
        if self.native_depth >= self.config.native_depth_limit {
            g.borrow_mut().running = false;
            return Err(PyErr::new(
                "RecursionError",
                "maximum recursion depth exceeded",
            ));
        }
        if let Err(e) = self.push_frame_checked(frame) {
            g.borrow_mut().running = false;
            return Err(e);
        }
        let base = self.frames.len() - 1;
        self.native_depth += 1;
        let r = self.run_frames(base);
        self.native_depth -= 1;
        let mut gb = g.borrow_mut();
        gb.running = false;
        match r {
            Ok(Exit::Yield(v, f)) => {
                let protect = !f.handlers.is_empty();
                gb.frame = Some(f);
                drop(gb);
                if protect {
                    self.register_gen(g);
                }
                Ok(GenStep::Yield(v))
            }
            Ok(Exit::Return(v)) => Ok(GenStep::Return(v)),
            Err(e) => {
                if e.is_instance_of("StopIteration") {
                    let r = PyErr::new("RuntimeError", "generator raised StopIteration");
                    with_exc(&r.value(), |d| {
                        d.cause = Some(e.value());
                        d.suppress_context = true;
                    });
                    return Err(r);
                }
                Err(e)
            }
        }
    }

    /// `gen.throw(exc)`: raises `exc` at the generator's paused `yield`.
    pub(crate) fn gen_throw(
        &mut self,
        g: &Rc<RefCell<Generator>>,
        exc: PyErr,
    ) -> PyResult<GenStep> {
        let mut exc = exc;
        // Paused in `yield from`: the exception goes to the subiterator first.
        let delegate = {
            let gb = g.borrow();
            if gb.running {
                return Err(PyErr::new("ValueError", "generator already executing"));
            }
            match &gb.frame {
                Some(f) if gb.started && f.code.ops.get(f.pc) == Some(&Op::YieldFrom) => {
                    f.stack.last().cloned()
                }
                _ => None,
            }
        };
        if let Some(sub) = delegate {
            g.borrow_mut().running = true;
            let r = self.throw_into_sub(&sub, exc);
            g.borrow_mut().running = false;
            match r {
                Ok(GenStep::Yield(v)) => return Ok(GenStep::Yield(v)),
                Ok(GenStep::Return(v)) => {
                    // The subiterator finished: `yield from` evaluates to `v`.
                    if let Some(f) = g.borrow_mut().frame.as_mut() {
                        f.stack.pop();
                        f.pc += 1;
                    }
                    return self.gen_send(g, v);
                }
                Err(e) => exc = e,
            }
        }
        let frame = {
            let mut gb = g.borrow_mut();
            if gb.running {
                return Err(PyErr::new("ValueError", "generator already executing"));
            }
            if !gb.started {
                gb.frame = None;
            }
            match gb.frame.take() {
                None => return Err(exc),
                Some(f) => {
                    gb.running = true;
                    f
                }
            }
        };
        if let Err(e) = self.push_frame_checked(*frame) {
            g.borrow_mut().running = false;
            return Err(e);
        }
        let base = self.frames.len() - 1;
        self.native_depth += 1;
        let r = match self.unwind_into(exc, base) {
            Ok(Some(exit)) => Ok(exit),
            Ok(None) => self.run_frames(base),
            Err(e) => Err(e),
        };
        self.native_depth -= 1;
        let mut gb = g.borrow_mut();
        gb.running = false;
        match r {
            Ok(Exit::Yield(v, f)) => {
                let protect = !f.handlers.is_empty();
                gb.frame = Some(f);
                drop(gb);
                if protect {
                    self.register_gen(g);
                }
                Ok(GenStep::Yield(v))
            }
            Ok(Exit::Return(v)) => Ok(GenStep::Return(v)),
            Err(e) => Err(e),
        }
    }

    fn register_gen(&mut self, g: &Rc<RefCell<Generator>>) {
        if !self.live_gens.iter().any(|x| Rc::ptr_eq(x, g)) {
            self.live_gens.push(g.clone());
        }
    }

    /// Closes suspended generators nothing references any more, so their
    /// `finally` blocks run as CPython's would when the last reference goes
    /// (we check at each statement start and each return). Exceptions from
    /// the close are ignored, as CPython ignores them (it prints an
    /// "Exception ignored" note with an address we cannot reproduce).
    pub(crate) fn sweep_generators(&mut self) {
        if self.sweeping || self.aborting {
            return;
        }
        self.sweeping = true;
        // Closing one generator can release others, hence the loop.
        loop {
            let (dead, live): (Vec<_>, Vec<_>) = std::mem::take(&mut self.live_gens)
                .into_iter()
                .filter(|g| g.borrow().frame.is_some())
                .partition(|g| Rc::strong_count(g) == 1);
            self.live_gens = live;
            if dead.is_empty() {
                break;
            }
            for g in dead {
                if self.aborting {
                    break;
                }
                let _ = self.gen_close(&g);
            }
        }
        self.sweeping = false;
        self.next_sweep = self.steps + (self.live_gens.len() / 4) as u64;
    }

    /// `throw()`/`close()` passed through `yield from` to the subiterator:
    /// GeneratorExit closes it (an error from its close replaces the
    /// GeneratorExit); other exceptions go to its `throw` when it has one.
    /// `Err` is what to raise in the delegating generator.
    fn throw_into_sub(&mut self, sub: &Value, exc: PyErr) -> PyResult<GenStep> {
        if exc.is_instance_of("GeneratorExit") {
            match sub {
                Value::Generator(sg) => self.gen_close(sg)?,
                other => {
                    if let Some(close) = self.getattr_opt(other, "close")? {
                        self.call(&close, vec![], vec![])?;
                    }
                }
            }
            return Err(exc);
        }
        match sub {
            Value::Generator(sg) => self.gen_throw(sg, exc),
            other => {
                let Some(throw) = self.getattr_opt(other, "throw")? else {
                    return Err(exc);
                };
                match self.call(&throw, vec![exc.value()], vec![]) {
                    Ok(v) => Ok(GenStep::Yield(v)),
                    Err(e) if e.is_instance_of("StopIteration") => {
                        let v = self.getattr(&e.value(), "value").unwrap_or(Value::None);
                        Ok(GenStep::Return(v))
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `gen.close()`: GeneratorExit at the paused `yield`.
    pub(crate) fn gen_close(&mut self, g: &Rc<RefCell<Generator>>) -> PyResult<()> {
        if g.borrow().frame.is_none() || !g.borrow().started {
            g.borrow_mut().frame = None;
            return Ok(());
        }
        match self.gen_throw(g, PyErr::bare("GeneratorExit")) {
            Ok(GenStep::Yield(_)) => Err(PyErr::new(
                "RuntimeError",
                "generator ignored GeneratorExit",
            )),
            Ok(GenStep::Return(_)) => Ok(()),
            Err(e) if e.is_instance_of("GeneratorExit") || e.is_instance_of("StopIteration") => {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    // ----- classes -----

    pub(crate) fn build_class(
        &mut self,
        body: Value,
        name: Value,
        bases: Value,
        kw: Value,
    ) -> PyResult<Value> {
        let Value::Function(body) = body else {
            return Err(type_error("bad class body"));
        };
        let name = match name {
            Value::Str(s) => s,
            _ => Rc::from("?"),
        };
        let bases: Vec<Value> = match bases {
            Value::Tuple(t) => t.to_vec(),
            _ => Vec::new(),
        };
        // `__class_getitem__`-produced aliases in bases resolve through `__mro_entries__`.
        let mut resolved = Vec::new();
        for b in &bases {
            match b {
                Value::Class(_) => resolved.push(b.clone()),
                other => match self.getattr_opt(other, "__mro_entries__")? {
                    Some(m) => {
                        let r = self.call(&m, vec![Value::tuple(bases.clone())], vec![])?;
                        resolved.extend(self.collect_iter(&r)?);
                    }
                    None => return Err(type_error("bases must be types")),
                },
            }
        }
        let mut kwl: Kw = Vec::new();
        if let Value::Dict(d) = kw {
            for (k, v) in d.borrow().iter() {
                if let Value::Str(s) = k {
                    kwl.push((s.clone(), v.clone()));
                }
            }
        }
        let mut meta: Option<Value> = None;
        kwl.retain(|(k, v)| {
            if &**k == "metaclass" {
                meta = Some(v.clone());
                false
            } else {
                true
            }
        });
        if meta.is_none() {
            for b in &resolved {
                if let Value::Class(c) = b {
                    if let Some(m) = c.metaclass() {
                        meta = Some(Value::Class(m));
                    }
                }
            }
        }
        let ns = Rc::new(RefCell::new(PyDict::new()));
        if let Some(m) = &meta {
            if let Some(prep) = self.getattr_opt(m, "__prepare__")? {
                if !matches!(prep, Value::Builtin(_)) {
                    let d = self.call(
                        &prep,
                        vec![Value::Str(name.clone()), Value::tuple(resolved.clone())],
                        kwl.clone(),
                    )?;
                    if let Value::Dict(d) = d {
                        let items = d.borrow().clone();
                        *ns.borrow_mut() = items;
                    }
                }
            }
        }
        self.run_body(
            body.code.clone(),
            body.globals.clone(),
            ns.clone(),
            body.closure.clone(),
        )?;
        let classcell = ns.borrow_mut().del_str("__classcell__");
        let cls = match &meta {
            Some(Value::Class(m)) if !Rc::ptr_eq(m, &types().type_) => {
                let d = Value::Dict(ns.clone());
                self.call(
                    &Value::Class(m.clone()),
                    vec![Value::Str(name.clone()), Value::tuple(resolved), d],
                    kwl,
                )?
            }
            Some(m @ Value::Function(_)) => {
                let d = Value::Dict(ns.clone());
                self.call(
                    m,
                    vec![Value::Str(name.clone()), Value::tuple(resolved), d],
                    kwl,
                )?
            }
            _ => self.type_new(&types().type_, &name, resolved, ns.borrow().clone(), kwl)?,
        };
        if let (Some(Value::Cell(cell)), Value::Class(_)) = (classcell, &cls) {
            *cell.borrow_mut() = Some(cls.clone());
        }
        Ok(cls)
    }

    /// `type(name, bases, ns)`: creates the class, then runs `__set_name__`
    /// and the parent's `__init_subclass__`.
    pub(crate) fn type_new(
        &mut self,
        meta: &Rc<Class>,
        name: &str,
        bases: Vec<Value>,
        ns: PyDict,
        kw: Kw,
    ) -> PyResult<Value> {
        let t = types();
        let mut bs = Vec::new();
        for b in bases {
            match b {
                Value::Class(c) => {
                    if [
                        "bool",
                        "range",
                        "slice",
                        "function",
                        "NoneType",
                        "generator",
                    ]
                    .contains(&&*c.name())
                        && c.builtin
                    {
                        return Err(type_error(format!(
                            "type '{}' is not an acceptable base type",
                            c.name()
                        )));
                    }
                    if Rc::ptr_eq(&c, &crate::object::complex::complex_class()) {
                        return Err(crate::vm::exc::not_supported(
                            "subclassing complex",
                            self.current_line(),
                        ));
                    }
                    bs.push(c)
                }
                _ => return Err(type_error("bases must be types")),
            }
        }
        if bs.is_empty() {
            bs.push(t.object.clone());
        }
        let mut ns = ns;
        // Implicit classmethods.
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f @ Value::Function(_)) = ns.get_str(special) {
                ns.set_str(special, Value::ClassMethod(Rc::new(f)));
            }
        }
        if let Some(f @ Value::Function(_)) = ns.get_str("__new__") {
            ns.set_str("__new__", Value::StaticMethod(Rc::new(f)));
        }
        // A class defining __eq__ without __hash__ is unhashable.
        if ns.contains_str("__eq__") && !ns.contains_str("__hash__") {
            ns.set_str("__hash__", Value::None);
        }
        if !ns.contains_str("__module__") {
            let m = self
                .frames
                .last()
                .and_then(|f| f.globals.borrow().get_str("__name__"))
                .unwrap_or(Value::str("__main__"));
            ns.set_str("__module__", m);
        }
        if ns.get_str("__doc__").is_none() {
            ns.set_str("__doc__", Value::None);
        }
        let cls = Class::new(name, bs, ns, false).map_err(type_error)?;
        if !Rc::ptr_eq(meta, &t.type_) {
            *cls.meta.borrow_mut() = Some(meta.clone());
        }
        let cv = Value::Class(cls.clone());
        let items = cls.dict.borrow().items();
        for (k, v) in items {
            if let Value::Instance(_) | Value::Native(_) = v {
                if let Some(sn) = self.lookup_special(&v, "__set_name__")? {
                    self.call(&sn, vec![cv.clone(), k], vec![])?;
                }
            }
        }
        // super(cls, cls).__init_subclass__(**kw)
        let mro = cls.mro();
        let parent_init = mro
            .iter()
            .skip(1)
            .find_map(|c| c.dict.borrow().get_str("__init_subclass__"));
        match parent_init {
            Some(Value::ClassMethod(f)) => {
                let f = (*f).clone();
                self.call(&f, vec![cv.clone()], kw)?;
            }
            _ => {
                if let Some((k, _)) = kw.first() {
                    return Err(type_error(format!(
                        "{name}.__init_subclass__() takes no keyword arguments"
                    ))
                    .or_key(k));
                }
            }
        }
        Ok(cv)
    }
}

trait OrKey {
    fn or_key(self, k: &str) -> Self;
}
impl OrKey for PyErr {
    fn or_key(self, _k: &str) -> Self {
        self
    }
}
