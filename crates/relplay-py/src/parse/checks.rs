//! Checks CPython makes after parsing but before running anything
//! (symtable, then the compiler), so they are reported as SyntaxError
//! with nothing executed. Symtable errors come first, as in CPython.

use super::errors::{SyntaxError, SyntaxErrorKind};
use crate::ast::*;

fn err(span: Span, msg: impl Into<String>, src: &str) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span.line, span.col + 1)
        .with_end(span.end_line, span.end_col + 1)
        .with_text_from(src)
}

pub fn check_module(m: &Module, src: &str) -> Result<(), SyntaxError> {
    let mut c = Checker {
        src,
        func: false,
        lambda: false,
        in_loop: false,
        module: true,
        comp: None,
    };
    c.sym_body(&m.body)?;
    c.body(&m.body)
}

pub fn check_expression(e: &Expr, src: &str) -> Result<(), SyntaxError> {
    let mut c = Checker {
        src,
        func: false,
        lambda: false,
        in_loop: false,
        module: true,
        comp: None,
    };
    c.sym_expr(e)?;
    c.expr(e)
}

struct Checker<'s> {
    src: &'s str,
    func: bool,
    lambda: bool,
    in_loop: bool,
    module: bool,
    /// Innermost comprehension kind, for `'yield' inside list comprehension`.
    comp: Option<&'static str>,
}

fn dup_args(a: &Arguments) -> Option<(&Arg, &str)> {
    let all: Vec<&Arg> = a
        .posonly
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonly)
        .chain(&a.kwarg)
        .collect();
    for (i, x) in all.iter().enumerate() {
        if all[..i].iter().any(|y| y.name == x.name) {
            return Some((x, &x.name));
        }
    }
    None
}

impl<'s> Checker<'s> {
    // ---- symtable pass: scope declarations and parameter lists ----

    fn sym_body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.sym_stmt(s))
    }

    fn sym_args(&mut self, a: &Arguments) -> Result<(), SyntaxError> {
        if let Some((arg, name)) = dup_args(a) {
            return Err(err(
                arg.span,
                format!("duplicate argument '{}' in function definition", name),
                self.src,
            ));
        }
        for x in a.posonly.iter().chain(&a.args).chain(&a.kwonly) {
            if let Some(d) = &x.default {
                self.sym_expr(d)?;
            }
        }
        Ok(())
    }

    fn sym_stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.sym_args(&f.args)?;
                let saved = self.module;
                self.module = false;
                let r = self.sym_body(&f.body);
                self.module = saved;
                r
            }
            StmtKind::ClassDef(c) => {
                let saved = self.module;
                self.module = false;
                let r = self.sym_body(&c.body);
                self.module = saved;
                r
            }
            StmtKind::Nonlocal(_) if self.module => Err(err(
                s.span,
                "nonlocal declaration not allowed at module level",
                self.src,
            )),
            _ => self.each_child(s, |c, b| c.sym_body(b), |c, e| c.sym_expr(e)),
        }
    }

    fn sym_expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        if let ExprKind::Lambda { args, body } = &e.kind {
            self.sym_args(args)?;
            return self.sym_expr(body);
        }
        each_subexpr(e, &mut |x| self.sym_expr(x))
    }

    /// Visits a statement's child blocks and expressions.
    fn each_child(
        &mut self,
        s: &Stmt,
        mut on_body: impl FnMut(&mut Self, &[Stmt]) -> Result<(), SyntaxError>,
        mut on_expr: impl FnMut(&mut Self, &Expr) -> Result<(), SyntaxError>,
    ) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                on_expr(self, test)?;
                on_body(self, body)?;
                on_body(self, orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                on_expr(self, target)?;
                on_expr(self, iter)?;
                on_body(self, body)?;
                on_body(self, orelse)
            }
            StmtKind::With { items, body } => {
                for it in items {
                    on_expr(self, &it.context)?;
                    if let Some(v) = &it.vars {
                        on_expr(self, v)?;
                    }
                }
                on_body(self, body)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                on_body(self, body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        on_expr(self, t)?;
                    }
                    on_body(self, &h.body)?;
                }
                on_body(self, orelse)?;
                on_body(self, finalbody)
            }
            StmtKind::Return(Some(e)) | StmtKind::Expr(e) => on_expr(self, e),
            StmtKind::Delete(es) => es.iter().try_for_each(|e| on_expr(self, e)),
            StmtKind::Assign { targets, value } => {
                targets.iter().try_for_each(|e| on_expr(self, e))?;
                on_expr(self, value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                on_expr(self, target)?;
                on_expr(self, value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                on_expr(self, target)?;
                on_expr(self, annotation)?;
                value.iter().try_for_each(|e| on_expr(self, e))
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().try_for_each(|e| on_expr(self, e))?;
                cause.iter().try_for_each(|e| on_expr(self, e))
            }
            StmtKind::Assert { test, msg } => {
                on_expr(self, test)?;
                msg.iter().try_for_each(|e| on_expr(self, e))
            }
            _ => Ok(()),
        }
    }

    // ---- compiler pass: return/yield/await/break/continue placement ----

    fn body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn scoped<T>(&mut self, func: bool, lambda: bool, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = (self.func, self.lambda, self.in_loop, self.comp);
        self.func = func;
        self.lambda = lambda;
        self.in_loop = false;
        self.comp = None;
        let r = f(self);
        (self.func, self.lambda, self.in_loop, self.comp) = saved;
        r
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                f.decorators.iter().try_for_each(|d| self.expr(d))?;
                self.fn_args(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.scoped(true, false, |c| c.body(&f.body))
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().try_for_each(|d| self.expr(d))?;
                c.bases.iter().try_for_each(|b| self.expr(b))?;
                c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
                self.scoped(false, false, |ch| ch.body(&c.body))
            }
            StmtKind::Return(v) => {
                if !self.func {
                    return Err(err(s.span, "'return' outside function", self.src));
                }
                v.iter().try_for_each(|e| self.expr(e))
            }
            StmtKind::Break if !self.in_loop => Err(err(s.span, "'break' outside loop", self.src)),
            StmtKind::Continue if !self.in_loop => {
                Err(err(s.span, "'continue' not properly in loop", self.src))
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.target(target)?;
                self.expr(iter)?;
                self.loop_body(body)?;
                self.body(orelse)
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.loop_body(body)?;
                self.body(orelse)
            }
            StmtKind::Assign { targets, value } => {
                targets.iter().try_for_each(|t| self.target(t))?;
                self.expr(value)
            }
            StmtKind::With { items, body } => {
                for it in items {
                    self.expr(&it.context)?;
                    it.vars.iter().try_for_each(|v| self.target(v))?;
                }
                self.body(body)
            }
            _ => self.each_child(s, |c, b| c.body(b), |c, e| c.expr(e)),
        }
    }

    fn loop_body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        let saved = self.in_loop;
        self.in_loop = true;
        let r = self.body(body);
        self.in_loop = saved;
        r
    }

    fn fn_args(&mut self, a: &Arguments) -> Result<(), SyntaxError> {
        for x in a
            .posonly
            .iter()
            .chain(&a.args)
            .chain(&a.vararg)
            .chain(&a.kwonly)
            .chain(&a.kwarg)
        {
            if let Some(d) = &x.default {
                self.expr(d)?;
            }
            if let Some(an) = &x.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                if let Some(kind) = self.comp {
                    return Err(err(e.span, format!("'yield' inside {}", kind), self.src));
                }
                if !self.func && !self.lambda {
                    return Err(err(e.span, "'yield' outside function", self.src));
                }
            }
            ExprKind::Starred { .. } => {
                return Err(err(e.span, "can't use starred expression here", self.src));
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } | ExprKind::Set(elts) => {
                return elts.iter().try_for_each(|x| self.starrable(x));
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                args.iter().try_for_each(|x| self.starrable(x))?;
                return keywords.iter().try_for_each(|k| self.expr(&k.value));
            }
            ExprKind::Await(_) if !self.func && !self.lambda => {
                return Err(err(e.span, "'await' outside function", self.src));
            }
            ExprKind::Lambda { args, body } => {
                self.fn_args(args)?;
                return self.scoped(false, true, |c| c.expr(body));
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let kind = match e.kind {
                    ExprKind::ListComp { .. } => "list comprehension",
                    ExprKind::SetComp { .. } => "set comprehension",
                    _ => "generator expression",
                };
                return self.comprehension(kind, &[elt], generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                return self.comprehension("dict comprehension", &[key, value], generators);
            }
            _ => {}
        }
        each_subexpr(e, &mut |x| self.expr(x))
    }

    /// An element where `*x` is allowed.
    fn starrable(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Starred { value, .. } => self.expr(value),
            _ => self.expr(e),
        }
    }

    /// Assignment targets: a bare `*a` or two starred names are errors.
    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Starred { .. } => Err(err(
                t.span,
                "starred assignment target must be in a list or tuple",
                self.src,
            )),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let stars = elts
                    .iter()
                    .filter(|x| matches!(x.kind, ExprKind::Starred { .. }));
                if stars.count() > 1 {
                    return Err(err(
                        t.span,
                        "multiple starred expressions in assignment",
                        self.src,
                    ));
                }
                for x in elts {
                    match &x.kind {
                        ExprKind::Starred { value, .. } => self.target(value)?,
                        _ => self.target(x)?,
                    }
                }
                Ok(())
            }
            _ => self.expr(t),
        }
    }

    fn comprehension(
        &mut self,
        kind: &'static str,
        elts: &[&Expr],
        gens: &[Comprehension],
    ) -> Result<(), SyntaxError> {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(g) = gens.first() {
            self.expr(&g.iter)?;
        }
        let saved = self.comp;
        self.comp = Some(kind);
        let r = (|| {
            for (i, g) in gens.iter().enumerate() {
                self.expr(&g.target)?;
                if i > 0 {
                    self.expr(&g.iter)?;
                }
                g.ifs.iter().try_for_each(|x| self.expr(x))?;
            }
            elts.iter().try_for_each(|x| self.expr(x))
        })();
        self.comp = saved;
        r
    }
}

/// Calls `f` on each direct child expression of `e`, in source order.
pub(crate) fn each_subexpr(
    e: &Expr,
    f: &mut dyn FnMut(&Expr) -> Result<(), SyntaxError>,
) -> Result<(), SyntaxError> {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().try_for_each(f),
        ExprKind::NamedExpr { target, value } => {
            f(target)?;
            f(value)
        }
        ExprKind::BinOp { left, right, .. } => {
            f(left)?;
            f(right)
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::Lambda { args, body } => {
            for x in args.posonly.iter().chain(&args.args).chain(&args.kwonly) {
                if let Some(d) = &x.default {
                    f(d)?;
                }
            }
            f(body)
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(body)?;
            f(test)?;
            f(orelse)
        }
        ExprKind::Dict { keys, values } => {
            for (k, v) in keys.iter().zip(values) {
                if let Some(k) = k {
                    f(k)?;
                }
                f(v)?;
            }
            Ok(())
        }
        ExprKind::Set(elts) | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().try_for_each(f)
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            for g in generators.iter() {
                f(&g.iter)?;
                f(&g.target)?;
                g.ifs.iter().try_for_each(&mut *f)?;
            }
            f(elt)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            for g in generators.iter() {
                f(&g.iter)?;
                f(&g.target)?;
                g.ifs.iter().try_for_each(&mut *f)?;
            }
            f(key)?;
            f(value)
        }
        ExprKind::Await(v) | ExprKind::YieldFrom(v) => f(v),
        ExprKind::Yield(v) => v.iter().try_for_each(|x| f(x)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            f(left)?;
            comparators.iter().try_for_each(f)
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(func)?;
            args.iter().try_for_each(&mut *f)?;
            keywords.iter().try_for_each(|k| f(&k.value))
        }
        ExprKind::JoinedStr(parts) => each_fpart(parts, f),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => f(value),
        ExprKind::Subscript { value, slice, .. } => {
            f(value)?;
            f(slice)
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                f(x)?;
            }
            Ok(())
        }
        ExprKind::Constant(_) | ExprKind::Name { .. } => Ok(()),
    }
}

fn each_fpart(
    parts: &[FStringPart],
    f: &mut dyn FnMut(&Expr) -> Result<(), SyntaxError>,
) -> Result<(), SyntaxError> {
    for p in parts {
        if let FStringPart::Formatted {
            value, format_spec, ..
        } = p
        {
            f(value)?;
            if let Some(spec) = format_spec {
                each_fpart(spec, f)?;
            }
        }
    }
    Ok(())
}
