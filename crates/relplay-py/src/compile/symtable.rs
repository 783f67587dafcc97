//! Scope analysis, as CPython's symtable decides it: which names are local,
//! global, free (from an enclosing function) or cells (captured by inner
//! scopes). Scopes are keyed by the address of their `Rc` AST node.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::ast::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Class,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

const ASSIGNED: u8 = 1;
const PARAM: u8 = 2;
const GLOBAL: u8 = 4;
const NONLOCAL: u8 = 8;
const USED: u8 = 16;

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    flags: HashMap<Rc<str>, u8>,
    order: Vec<Rc<str>>,
    children: Vec<usize>,
    pub resolved: HashMap<Rc<str>, Resolved>,
    pub cellvars: Vec<Rc<str>>,
    pub freevars: Vec<Rc<str>>,
    pub is_generator: bool,
    /// The class scope needs a `__class__` cell (a method uses `super()`).
    pub needs_class_cell: bool,
}

impl Scope {
    fn new(kind: ScopeKind) -> Scope {
        Scope {
            kind,
            flags: HashMap::new(),
            order: Vec::new(),
            children: Vec::new(),
            resolved: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            needs_class_cell: false,
        }
    }
    pub fn lookup(&self, name: &str) -> Resolved {
        match self.resolved.get(name) {
            Some(r) => *r,
            None => match self.kind {
                ScopeKind::Function => Resolved::GlobalImplicit,
                _ => Resolved::GlobalImplicit,
            },
        }
    }
}

pub struct SymTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    pub error: Option<(String, u32)>,
}

pub fn key<T: ?Sized>(r: &Rc<T>) -> usize {
    Rc::as_ptr(r) as *const u8 as usize
}

impl SymTable {
    pub fn build(m: &Module) -> SymTable {
        let mut t = SymTable {
            scopes: vec![Scope::new(ScopeKind::Module)],
            by_node: HashMap::new(),
            stack: vec![0],
            error: None,
        };
        t.stmts(&m.body);
        let root_bound = HashSet::new();
        t.analyze(0, &root_bound);
        t
    }

    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }

    fn add(&mut self, name: &Rc<str>, flag: u8) {
        let s = self.cur();
        let e = s.flags.entry(name.clone()).or_insert_with(|| 0);
        if *e == 0 {
            s.order.push(name.clone());
        }
        *e |= flag;
    }

    fn push(&mut self, k: usize, kind: ScopeKind) {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind));
        let parent = *self.stack.last().unwrap_or(&0);
        self.scopes[parent].children.push(id);
        self.by_node.insert(k, id);
        self.stack.push(id);
    }

    fn stmts(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    fn args_defaults(&mut self, a: &Arguments) {
        for arg in a.posonly.iter().chain(&a.args).chain(&a.kwonly) {
            if let Some(d) = &arg.default {
                self.expr(d);
            }
        }
        for arg in a
            .posonly
            .iter()
            .chain(&a.args)
            .chain(&a.kwonly)
            .chain(&a.vararg)
            .chain(&a.kwarg)
        {
            if let Some(an) = &arg.annotation {
                self.expr(an);
            }
        }
    }

    fn params(&mut self, a: &Arguments) {
        for arg in a
            .posonly
            .iter()
            .chain(&a.args)
            .chain(&a.kwonly)
            .chain(&a.vararg)
            .chain(&a.kwarg)
        {
            self.add(&arg.name, PARAM);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                self.args_defaults(&f.args);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.add(&f.name, ASSIGNED);
                self.push(key(f), ScopeKind::Function);
                self.params(&f.args);
                self.stmts(&f.body);
                self.stack.pop();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.add(&c.name, ASSIGNED);
                self.push(key(c), ScopeKind::Class);
                self.stmts(&c.body);
                self.stack.pop();
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)
                }
            }
            StmtKind::Delete(ts) => {
                for t in ts {
                    self.expr(t)
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.expr(t)
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.add(id, ASSIGNED | USED);
                } else {
                    self.expr(target);
                }
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                if let Some(v) = value {
                    self.expr(v);
                }
                self.expr(annotation);
                if value.is_some() || !matches!(target.kind, ExprKind::Name { .. }) {
                    self.expr(target);
                } else if let ExprKind::Name { id, .. } = &target.kind {
                    // A bare annotation still makes the name local (CPython).
                    self.add(id, ASSIGNED);
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter);
                self.expr(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context);
                    if let Some(v) = &it.vars {
                        self.expr(v);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)
                }
                if let Some(e) = cause {
                    self.expr(e)
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.add(n, ASSIGNED);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Import(names) => {
                for a in names {
                    let n: Rc<str> = match &a.asname {
                        Some(x) => x.clone(),
                        None => Rc::from(a.name.split('.').next().unwrap_or("")),
                    };
                    self.add(&n, ASSIGNED);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    let n = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    if &*n != "*" {
                        self.add(&n, ASSIGNED);
                    }
                }
            }
            StmtKind::Global(ns) => {
                for n in ns {
                    self.add(n, GLOBAL);
                }
            }
            StmtKind::Nonlocal(ns) => {
                for n in ns {
                    self.add(n, NONLOCAL);
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    let mut es = Vec::new();
                    crate::parse::match_checks::pattern_exprs(&c.pattern, &mut es);
                    es.into_iter().for_each(|e| self.expr(e));
                    for n in crate::parse::match_checks::bound_names(&c.pattern) {
                        self.add(&n, ASSIGNED);
                    }
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue | StmtKind::Unsupported(_) => {}
        }
    }

    fn comp(&mut self, k: usize, generators: &[Comprehension], elts: &[&Expr]) {
        if let Some(first) = generators.first() {
            self.expr(&first.iter);
        }
        self.push(k, ScopeKind::Function);
        self.add(&Rc::from(".0"), PARAM);
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.expr(&g.target);
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.stack.pop();
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name { id, ctx } => {
                let f = if *ctx == Ctx::Load { USED } else { ASSIGNED };
                self.add(id, f);
                if &**id == "super" && *ctx == Ctx::Load {
                    self.add(&Rc::from("__class__"), USED);
                }
            }
            ExprKind::BoolOp { values, .. } => values.iter().for_each(|v| self.expr(v)),
            ExprKind::NamedExpr { target, value } => {
                self.expr(value);
                self.expr(target);
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.args_defaults(args);
                self.push(key(args), ScopeKind::Function);
                self.params(args);
                self.expr(body);
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k);
                }
                values.iter().for_each(|v| self.expr(v));
            }
            ExprKind::Set(v) => v.iter().for_each(|v| self.expr(v)),
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comp(key(generators), generators, &[elt])
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comp(key(generators), generators, &[elt]);
                if let Some(id) = self.by_node.get(&key(generators)) {
                    self.scopes[*id].is_generator = true;
                }
            }
            ExprKind::DictComp {
                key: k,
                value,
                generators,
            } => self.comp(key(generators), generators, &[k, value]),
            ExprKind::Await(v) => self.expr(v),
            ExprKind::Yield(v) => {
                self.cur().is_generator = true;
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            ExprKind::YieldFrom(v) => {
                self.cur().is_generator = true;
                self.expr(v);
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                comparators.iter().for_each(|v| self.expr(v));
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func);
                args.iter().for_each(|v| self.expr(v));
                keywords.iter().for_each(|k| self.expr(&k.value));
            }
            ExprKind::JoinedStr(parts) => self.fparts(parts),
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                elts.iter().for_each(|v| self.expr(v))
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x);
                }
            }
        }
    }

    fn fparts(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Formatted {
                value, format_spec, ..
            } = p
            {
                self.expr(value);
                if let Some(s) = format_spec {
                    self.fparts(s);
                }
            }
        }
    }

    /// Resolves names of scope `id`; returns the free names it needs from outside.
    fn analyze(&mut self, id: usize, bound: &HashSet<Rc<str>>) -> HashSet<Rc<str>> {
        let kind = self.scopes[id].kind;
        let order = self.scopes[id].order.clone();
        let mut free: HashSet<Rc<str>> = HashSet::new();
        let mut locals: HashSet<Rc<str>> = HashSet::new();
        for n in &order {
            let f = self.scopes[id].flags[n];
            let r = if f & GLOBAL != 0 {
                Resolved::GlobalExplicit
            } else if f & NONLOCAL != 0 {
                if !bound.contains(n) && self.error.is_none() {
                    self.error = Some((format!("no binding for nonlocal '{n}' found"), 0));
                }
                free.insert(n.clone());
                Resolved::Free
            } else if f & (ASSIGNED | PARAM) != 0 {
                locals.insert(n.clone());
                Resolved::Local
            } else if kind != ScopeKind::Module && bound.contains(n) {
                free.insert(n.clone());
                Resolved::Free
            } else {
                Resolved::GlobalImplicit
            };
            self.scopes[id].resolved.insert(n.clone(), r);
        }
        let mut child_bound = bound.clone();
        match kind {
            ScopeKind::Function => child_bound.extend(locals.iter().cloned()),
            ScopeKind::Class => {
                child_bound.insert(Rc::from("__class__"));
            }
            ScopeKind::Module => child_bound.clear(),
        }
        let children = self.scopes[id].children.clone();
        let mut cells: Vec<Rc<str>> = Vec::new();
        for c in children {
            let needs = self.analyze(c, &child_bound);
            let mut needs: Vec<_> = needs.into_iter().collect();
            needs.sort();
            for n in needs {
                let cur = self.scopes[id].resolved.get(&n).copied();
                if kind == ScopeKind::Function
                    && matches!(cur, Some(Resolved::Local) | Some(Resolved::Cell))
                {
                    self.scopes[id].resolved.insert(n.clone(), Resolved::Cell);
                    if !cells.contains(&n) {
                        cells.push(n);
                    }
                } else if kind == ScopeKind::Class && &*n == "__class__" {
                    self.scopes[id].needs_class_cell = true;
                } else if kind != ScopeKind::Module {
                    if cur.is_none() {
                        self.scopes[id].resolved.insert(n.clone(), Resolved::Free);
                    }
                    free.insert(n);
                }
            }
        }
        // Stable order: parameters/locals in first-seen order.
        let mut ordered_cells: Vec<Rc<str>> = order
            .iter()
            .filter(|n| cells.contains(n))
            .cloned()
            .collect();
        for c in cells {
            if !ordered_cells.contains(&c) {
                ordered_cells.push(c);
            }
        }
        if self.scopes[id].needs_class_cell {
            ordered_cells.push(Rc::from("__class__"));
        }
        let mut fv: Vec<Rc<str>> = free.iter().cloned().collect();
        fv.sort();
        self.scopes[id].cellvars = ordered_cells;
        self.scopes[id].freevars = fv;
        free
    }
}
