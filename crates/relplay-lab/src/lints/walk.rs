//! A pre-order walk over every statement and expression of a module, with
//! an explicit depth bound (the parser already bounds nesting; this keeps
//! the lints safe on their own).

use relplay_py::ast::{Expr, ExprKind, FStringPart, Stmt, StmtKind};

const MAX_DEPTH: u32 = 200;

pub(crate) fn stmts<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt)) {
    stmts_at(body, f, 0);
}

fn stmts_at<'a>(body: &'a [Stmt], f: &mut dyn FnMut(&'a Stmt), depth: u32) {
    if depth > MAX_DEPTH {
        return;
    }
    for s in body {
        f(s);
        for b in child_bodies(s) {
            stmts_at(b, f, depth + 1);
        }
    }
}

pub(crate) fn child_bodies(s: &Stmt) -> Vec<&[Stmt]> {
    match &s.kind {
        StmtKind::FunctionDef(fd) => vec![&fd.body],
        StmtKind::ClassDef(cd) => vec![&cd.body],
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => vec![body, orelse],
        StmtKind::With { body, .. } => vec![body],
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let mut v: Vec<&[Stmt]> = vec![body, orelse, finalbody];
            v.extend(handlers.iter().map(|h| h.body.as_slice()));
            v
        }
        _ => Vec::new(),
    }
}

/// The expressions directly inside a statement (not its nested bodies).
pub(crate) fn stmt_exprs(s: &Stmt) -> Vec<&Expr> {
    match &s.kind {
        StmtKind::Return(Some(e)) | StmtKind::Expr(e) => vec![e],
        StmtKind::Delete(v) => v.iter().collect(),
        StmtKind::Assign { targets, value } => {
            targets.iter().chain(std::iter::once(value)).collect()
        }
        StmtKind::AugAssign { target, value, .. } => vec![target, value],
        StmtKind::AnnAssign { target, value, .. } => {
            std::iter::once(target).chain(value.iter()).collect()
        }
        StmtKind::For { target, iter, .. } => vec![target, iter],
        StmtKind::While { test, .. } | StmtKind::If { test, .. } => vec![test],
        StmtKind::With { items, .. } => items
            .iter()
            .flat_map(|i| std::iter::once(&i.context).chain(i.vars.iter()))
            .collect(),
        StmtKind::Raise { exc, cause } => exc.iter().chain(cause.iter()).collect(),
        StmtKind::Assert { test, msg } => std::iter::once(test).chain(msg.iter()).collect(),
        StmtKind::ClassDef(cd) => cd
            .bases
            .iter()
            .chain(cd.keywords.iter().map(|k| &k.value))
            .chain(cd.decorators.iter())
            .collect(),
        StmtKind::FunctionDef(fd) => fd.decorators.iter().collect(),
        _ => Vec::new(),
    }
}

/// Visits `e` and its subexpressions; `f` returns false to skip an expression's children.
pub(crate) fn expr<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr) -> bool) {
    expr_at(e, f, 0);
}

fn expr_at<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr) -> bool, depth: u32) {
    if depth > MAX_DEPTH || !f(e) {
        return;
    }
    for c in children(e) {
        expr_at(c, f, depth + 1);
    }
}

pub(crate) fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().collect(),
        ExprKind::NamedExpr { target, value } => vec![target, value],
        ExprKind::BinOp { left, right, .. } => vec![left, right],
        ExprKind::UnaryOp { operand, .. } => vec![operand],
        ExprKind::Lambda { body, .. } => vec![body],
        ExprKind::IfExp { test, body, orelse } => vec![test, body, orelse],
        ExprKind::Dict { keys, values } => keys.iter().flatten().chain(values.iter()).collect(),
        ExprKind::Set(v) => v.iter().collect(),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            let mut v: Vec<&Expr> = vec![elt];
            for g in generators.iter() {
                v.push(&g.target);
                v.push(&g.iter);
                v.extend(g.ifs.iter());
            }
            v
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            let mut v: Vec<&Expr> = vec![key, value];
            for g in generators.iter() {
                v.push(&g.target);
                v.push(&g.iter);
                v.extend(g.ifs.iter());
            }
            v
        }
        ExprKind::Await(x) | ExprKind::YieldFrom(x) => vec![x],
        ExprKind::Yield(x) => x.iter().map(|b| &**b).collect(),
        ExprKind::Compare {
            left, comparators, ..
        } => std::iter::once(&**left).chain(comparators.iter()).collect(),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => std::iter::once(&**func)
            .chain(args.iter())
            .chain(keywords.iter().map(|k| &k.value))
            .collect(),
        ExprKind::JoinedStr(parts) => parts
            .iter()
            .filter_map(|p| match p {
                FStringPart::Formatted { value, .. } => Some(&**value),
                FStringPart::Literal(_) => None,
            })
            .collect(),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => vec![value],
        ExprKind::Subscript { value, slice, .. } => vec![value, slice],
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => elts.iter().collect(),
        ExprKind::Slice { lower, upper, step } => lower
            .iter()
            .chain(upper.iter())
            .chain(step.iter())
            .map(|b| &**b)
            .collect(),
        ExprKind::Constant(_) | ExprKind::Name { .. } => Vec::new(),
    }
}
