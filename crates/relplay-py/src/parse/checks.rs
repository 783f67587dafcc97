//! Checks CPython makes after parsing but before running anything
//! (symtable, then the compiler), so they are reported as SyntaxError
//! with nothing executed. Symtable errors come first, as in CPython.
//!
//! Both passes walk the tree with an explicit work stack rather than
//! recursion, so their stack use does not grow with nesting.

use super::errors::{SyntaxError, SyntaxErrorKind};
use crate::ast::*;

fn err(span: Span, msg: impl Into<String>, src: &str) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span.line, span.col + 1)
        .with_end(span.end_line, span.end_col + 1)
        .with_text_from(src)
}

pub fn check_module(m: &Module, src: &str) -> Result<(), SyntaxError> {
    let mut work = Vec::new();
    push_body(&mut work, &m.body, Ctx::MODULE);
    run(work.clone(), src, Pass::Symtable)?;
    super::scopes::check_nonlocals(&m.body, src)?;
    run(work, src, Pass::Compile)
}

pub fn check_expression(e: &Expr, src: &str) -> Result<(), SyntaxError> {
    run(vec![Item::E(e, Ctx::MODULE)], src, Pass::Symtable)?;
    run(vec![Item::E(e, Ctx::MODULE)], src, Pass::Compile)
}

#[derive(Clone, Copy, PartialEq)]
enum Pass {
    Symtable,
    Compile,
}

/// Where a node stands: the enclosing scope and syntactic position.
#[derive(Clone, Copy)]
struct Ctx {
    module: bool,
    func: bool,
    lambda: bool,
    in_loop: bool,
    /// Innermost comprehension, for `'yield' inside list comprehension`.
    comp: Option<&'static str>,
    /// `*x` allowed here (display element, call argument).
    star_ok: bool,
    /// An assignment target.
    target: bool,
    /// Loop/try/with blocks open in the current function (CPython's
    /// compiler allows 20).
    blocks: u8,
}

impl Ctx {
    const MODULE: Ctx = Ctx {
        module: true,
        func: false,
        lambda: false,
        in_loop: false,
        comp: None,
        star_ok: false,
        target: false,
        blocks: 0,
    };

    fn value(self) -> Ctx {
        Ctx {
            star_ok: false,
            target: false,
            ..self
        }
    }

    fn scope(self, func: bool, lambda: bool) -> Ctx {
        Ctx {
            module: false,
            func,
            lambda,
            in_loop: false,
            comp: None,
            star_ok: false,
            target: false,
            blocks: 0,
        }
    }

    fn block(self) -> Ctx {
        Ctx {
            blocks: self.blocks + 1,
            ..self
        }
    }
}

#[derive(Clone, Copy)]
enum Item<'a> {
    S(&'a Stmt, Ctx),
    E(&'a Expr, Ctx),
}

/// Pushes in reverse so items pop in source order.
fn push_body<'a>(work: &mut Vec<Item<'a>>, body: &'a [Stmt], c: Ctx) {
    work.extend(body.iter().rev().map(|s| Item::S(s, c)));
}

fn push_exprs<'a>(work: &mut Vec<Item<'a>>, es: &[&'a Expr], c: Ctx) {
    work.extend(es.iter().rev().map(|e| Item::E(e, c)));
}

fn dup_args(a: &Arguments) -> Option<&Arg> {
    let all: Vec<&Arg> = a
        .posonly
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonly)
        .chain(&a.kwarg)
        .collect();
    all.iter()
        .enumerate()
        .find(|(i, x)| all[..*i].iter().any(|y| y.name == x.name))
        .map(|(_, x)| *x)
}

fn arg_exprs(a: &Arguments) -> Vec<&Expr> {
    let mut out = Vec::new();
    for x in a
        .posonly
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonly)
        .chain(&a.kwarg)
    {
        out.extend(x.annotation.as_ref());
        out.extend(x.default.as_ref());
    }
    out
}

fn run(mut work: Vec<Item<'_>>, src: &str, pass: Pass) -> Result<(), SyntaxError> {
    while let Some(item) = work.pop() {
        match item {
            Item::S(s, c) => stmt(&mut work, s, c, src, pass)?,
            Item::E(e, c) => expr(&mut work, e, c, src, pass)?,
        }
    }
    Ok(())
}

fn stmt<'a>(
    work: &mut Vec<Item<'a>>,
    s: &'a Stmt,
    c: Ctx,
    src: &str,
    pass: Pass,
) -> Result<(), SyntaxError> {
    let v = c.value();
    let t = Ctx { target: true, ..v };
    let compile = pass == Pass::Compile;
    if compile
        && c.blocks >= 20
        && matches!(
            s.kind,
            StmtKind::For { .. }
                | StmtKind::While { .. }
                | StmtKind::With { .. }
                | StmtKind::Try { .. }
        )
    {
        return Err(err(s.span, "too many statically nested blocks", src));
    }
    // Children are pushed last-first.
    match &s.kind {
        StmtKind::FunctionDef(f) => {
            if !compile {
                if let Some(a) = dup_args(&f.args) {
                    let msg = format!("duplicate argument '{}' in function definition", a.name);
                    return Err(err(a.span, msg, src));
                }
            }
            push_body(work, &f.body, c.scope(true, false));
            let mut head: Vec<&Expr> = f.decorators.iter().collect();
            head.extend(arg_exprs(&f.args));
            head.extend(f.returns.as_ref());
            // `*args: *Ts` may be starred.
            let star_ann = f.args.vararg.as_ref().and_then(|a| a.annotation.as_ref());
            let items: Vec<Item> = head
                .into_iter()
                .map(|e| {
                    let ok = star_ann.is_some_and(|s| std::ptr::eq(s, e));
                    Item::E(e, Ctx { star_ok: ok, ..v })
                })
                .collect();
            work.extend(items.into_iter().rev());
        }
        StmtKind::ClassDef(k) => {
            if compile {
                repeated_keyword(&k.keywords, src)?;
            }
            push_body(work, &k.body, c.scope(false, false));
            let mut head: Vec<&Expr> = k.decorators.iter().collect();
            head.extend(k.keywords.iter().map(|kw| &kw.value));
            push_exprs(work, &head, v);
            // Bases are call arguments: `class A(*bases)`.
            let star_ok = Ctx { star_ok: true, ..v };
            work.extend(k.bases.iter().rev().map(|b| Item::E(b, star_ok)));
        }
        StmtKind::Nonlocal(_) if c.module && !compile => {
            return Err(err(
                s.span,
                "nonlocal declaration not allowed at module level",
                src,
            ));
        }
        StmtKind::Return(_) if compile && !c.func => {
            return Err(err(s.span, "'return' outside function", src));
        }
        StmtKind::Break if compile && !c.in_loop => {
            return Err(err(s.span, "'break' outside loop", src));
        }
        StmtKind::Continue if compile && !c.in_loop => {
            return Err(err(s.span, "'continue' not properly in loop", src));
        }
        StmtKind::Return(Some(e)) | StmtKind::Expr(e) => work.push(Item::E(e, v)),
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            push_body(work, orelse, c);
            push_body(
                work,
                body,
                Ctx {
                    in_loop: true,
                    ..c.block()
                },
            );
            work.push(Item::E(iter, v));
            work.push(Item::E(target, t));
        }
        StmtKind::While { test, body, orelse } => {
            push_body(work, orelse, c);
            push_body(
                work,
                body,
                Ctx {
                    in_loop: true,
                    ..c.block()
                },
            );
            work.push(Item::E(test, v));
        }
        StmtKind::If { test, body, orelse } => {
            push_body(work, orelse, c);
            push_body(work, body, c);
            work.push(Item::E(test, v));
        }
        StmtKind::With { items, body } => {
            push_body(work, body, c.block());
            for it in items.iter().rev() {
                if let Some(x) = &it.vars {
                    work.push(Item::E(x, t));
                }
                work.push(Item::E(&it.context, v));
            }
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            push_body(work, finalbody, c.block());
            push_body(work, orelse, c);
            for h in handlers.iter().rev() {
                push_body(work, &h.body, c.block());
                if let Some(x) = &h.typ {
                    work.push(Item::E(x, v));
                }
            }
            push_body(work, body, c.block());
        }
        StmtKind::Delete(es) => push_exprs(work, &es.iter().collect::<Vec<_>>(), v),
        StmtKind::Assign { targets, value } => {
            work.push(Item::E(value, v));
            work.extend(targets.iter().rev().map(|x| Item::E(x, t)));
        }
        StmtKind::AugAssign { target, value, .. } => push_exprs(work, &[target, value], v),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            let mut es = vec![target, annotation];
            es.extend(value.as_ref());
            push_exprs(work, &es, v);
        }
        StmtKind::Raise { exc, cause } => {
            let es: Vec<&Expr> = exc.iter().chain(cause.iter()).collect();
            push_exprs(work, &es, v);
        }
        StmtKind::Assert { test, msg } => {
            let es: Vec<&Expr> = std::iter::once(test).chain(msg.iter()).collect();
            push_exprs(work, &es, v);
        }
        StmtKind::Match { subject, cases } => {
            if compile {
                super::match_checks::check_match(cases, src)?;
            }
            for case in cases.iter().rev() {
                push_body(work, &case.body, c);
                let mut es = Vec::new();
                super::match_checks::pattern_exprs(&case.pattern, &mut es);
                es.extend(case.guard.as_ref());
                push_exprs(work, &es, v);
            }
            work.push(Item::E(subject, v));
        }
        _ => {}
    }
    Ok(())
}

fn expr<'a>(
    work: &mut Vec<Item<'a>>,
    e: &'a Expr,
    c: Ctx,
    src: &str,
    pass: Pass,
) -> Result<(), SyntaxError> {
    let compile = pass == Pass::Compile;
    let v = c.value();
    match &e.kind {
        ExprKind::Lambda { args, body } => {
            if !compile {
                if let Some(a) = dup_args(args) {
                    let msg = format!("duplicate argument '{}' in function definition", a.name);
                    return Err(err(a.span, msg, src));
                }
            }
            work.push(Item::E(body, c.scope(false, true)));
            push_exprs(work, &arg_exprs(args), v);
            return Ok(());
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            let kind = match e.kind {
                ExprKind::ListComp { .. } => "list comprehension",
                ExprKind::SetComp { .. } => "set comprehension",
                _ => "generator expression",
            };
            push_comprehension(work, &[elt], generators, v, kind);
            return Ok(());
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            push_comprehension(work, &[key, value], generators, v, "dict comprehension");
            return Ok(());
        }
        _ => {}
    }
    if compile {
        match &e.kind {
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
                if let Some(kind) = c.comp {
                    return Err(err(e.span, format!("'yield' inside {}", kind), src));
                }
                if !c.func && !c.lambda {
                    return Err(err(e.span, "'yield' outside function", src));
                }
            }
            // Async function bodies are not kept, so any function here is
            // a plain one.
            ExprKind::Await(_) if !c.func && !c.lambda => {
                return Err(err(e.span, "'await' outside function", src));
            }
            // Generator expressions may await (they become async ones).
            ExprKind::Await(_) if c.comp == Some("generator expression") => {}
            ExprKind::Await(_) if c.comp.is_some() => {
                let msg = "asynchronous comprehension outside of an asynchronous function";
                return Err(err(e.span, msg, src));
            }
            ExprKind::Await(_) => {
                return Err(err(e.span, "'await' outside async function", src));
            }
            ExprKind::Call { keywords, .. } => repeated_keyword(keywords, src)?,
            ExprKind::Starred { .. } if c.target && !c.star_ok => {
                return Err(err(
                    e.span,
                    "starred assignment target must be in a list or tuple",
                    src,
                ));
            }
            ExprKind::Starred { .. } if !c.star_ok => {
                return Err(err(e.span, "can't use starred expression here", src));
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } if c.target => {
                let stars = elts
                    .iter()
                    .filter(|x| matches!(x.kind, ExprKind::Starred { .. }));
                if stars.count() > 1 {
                    return Err(err(
                        e.span,
                        "multiple starred expressions in assignment",
                        src,
                    ));
                }
            }
            _ => {}
        }
    }
    // Children in source order; `*x` is allowed directly inside displays
    // and call arguments, targets stay targets inside tuples and lists.
    let child = match &e.kind {
        ExprKind::Tuple { .. } | ExprKind::List { .. } | ExprKind::Set(_) => {
            Ctx { star_ok: true, ..c }
        }
        ExprKind::Starred { .. } => Ctx {
            star_ok: false,
            ..c
        },
        _ => v,
    };
    let mut kids: Vec<Item<'a>> = Vec::new();
    if let ExprKind::Call {
        func,
        args,
        keywords,
    } = &e.kind
    {
        kids.push(Item::E(func, v));
        kids.extend(args.iter().map(|a| Item::E(a, Ctx { star_ok: true, ..v })));
        kids.extend(keywords.iter().map(|k| Item::E(&k.value, v)));
    } else {
        let _ = each_subexpr(e, &mut |x| {
            kids.push(Item::E(x, child));
            Ok(())
        });
    }
    work.extend(kids.into_iter().rev());
    Ok(())
}

/// The compiler's `keyword argument repeated: x`.
fn repeated_keyword(keywords: &[Keyword], src: &str) -> Result<(), SyntaxError> {
    for (i, k) in keywords.iter().enumerate() {
        let Some(name) = &k.arg else { continue };
        if keywords[..i].iter().any(|p| p.arg.as_ref() == Some(name)) {
            return Err(err(
                k.span,
                format!("keyword argument repeated: {}", name),
                src,
            ));
        }
    }
    Ok(())
}

fn push_comprehension<'a>(
    work: &mut Vec<Item<'a>>,
    elts: &[&'a Expr],
    gens: &'a [Comprehension],
    c: Ctx,
    kind: &'static str,
) {
    // The first iterable is evaluated in the enclosing scope.
    let inner = Ctx {
        comp: Some(kind),
        ..c
    };
    let mut kids: Vec<Item<'a>> = Vec::new();
    for (i, g) in gens.iter().enumerate() {
        if i == 0 {
            kids.push(Item::E(&g.iter, c));
        }
        kids.push(Item::E(
            &g.target,
            Ctx {
                target: true,
                ..inner
            },
        ));
        if i > 0 {
            kids.push(Item::E(&g.iter, inner));
        }
        kids.extend(g.ifs.iter().map(|x| Item::E(x, inner)));
    }
    kids.extend(elts.iter().map(|x| Item::E(x, inner)));
    work.extend(kids.into_iter().rev());
}

/// Calls `f` on each direct child expression of `e`, in source order.
pub(crate) fn each_subexpr<'a>(
    e: &'a Expr,
    f: &mut dyn FnMut(&'a Expr) -> Result<(), SyntaxError>,
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

fn each_fpart<'a>(
    parts: &'a [FStringPart],
    f: &mut dyn FnMut(&'a Expr) -> Result<(), SyntaxError>,
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
