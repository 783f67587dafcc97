//! Test helper: flattens a module into `(node kind, span)` records so
//! positions can be compared with CPython's `ast` module.

use crate::ast::*;
use crate::parse::checks::each_subexpr;

pub fn expr_kind(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::BoolOp { .. } => "BoolOp",
        ExprKind::NamedExpr { .. } => "NamedExpr",
        ExprKind::BinOp { .. } => "BinOp",
        ExprKind::UnaryOp { .. } => "UnaryOp",
        ExprKind::Lambda { .. } => "Lambda",
        ExprKind::IfExp { .. } => "IfExp",
        ExprKind::Dict { .. } => "Dict",
        ExprKind::Set(_) => "Set",
        ExprKind::ListComp { .. } => "ListComp",
        ExprKind::SetComp { .. } => "SetComp",
        ExprKind::DictComp { .. } => "DictComp",
        ExprKind::GeneratorExp { .. } => "GeneratorExp",
        ExprKind::Await(_) => "Await",
        ExprKind::Yield(_) => "Yield",
        ExprKind::YieldFrom(_) => "YieldFrom",
        ExprKind::Compare { .. } => "Compare",
        ExprKind::Call { .. } => "Call",
        ExprKind::JoinedStr(_) => "JoinedStr",
        ExprKind::Constant(_) => "Constant",
        ExprKind::Attribute { .. } => "Attribute",
        ExprKind::Subscript { .. } => "Subscript",
        ExprKind::Starred { .. } => "Starred",
        ExprKind::Name { .. } => "Name",
        ExprKind::List { .. } => "List",
        ExprKind::Tuple { .. } => "Tuple",
        ExprKind::Slice { .. } => "Slice",
    }
}

pub fn stmt_kind(s: &Stmt) -> &'static str {
    match &s.kind {
        StmtKind::FunctionDef(_) => "FunctionDef",
        StmtKind::ClassDef(_) => "ClassDef",
        StmtKind::Return(_) => "Return",
        StmtKind::Delete(_) => "Delete",
        StmtKind::Assign { .. } => "Assign",
        StmtKind::AugAssign { .. } => "AugAssign",
        StmtKind::AnnAssign { .. } => "AnnAssign",
        StmtKind::For { .. } => "For",
        StmtKind::While { .. } => "While",
        StmtKind::If { .. } => "If",
        StmtKind::With { .. } => "With",
        StmtKind::Raise { .. } => "Raise",
        StmtKind::Try { .. } => "Try",
        StmtKind::Assert { .. } => "Assert",
        StmtKind::Import(_) => "Import",
        StmtKind::ImportFrom { .. } => "ImportFrom",
        StmtKind::Global(_) => "Global",
        StmtKind::Nonlocal(_) => "Nonlocal",
        StmtKind::Expr(_) => "Expr",
        StmtKind::Pass => "Pass",
        StmtKind::Break => "Break",
        StmtKind::Continue => "Continue",
        StmtKind::Match { .. } => "Match",
        StmtKind::Unsupported(_) => "Unsupported",
    }
}

fn fmt(kind: &str, s: Span) -> String {
    format!("{} {} {} {} {}", kind, s.line, s.col, s.end_line, s.end_col)
}

fn walk_expr(e: &Expr, out: &mut Vec<String>) {
    out.push(fmt(expr_kind(e), e.span));
    if matches!(e.kind, ExprKind::JoinedStr(_)) {
        return;
    }
    if let ExprKind::Lambda { args, .. } = &e.kind {
        for a in args.posonly.iter().chain(&args.args).chain(&args.kwonly) {
            if let Some(d) = &a.default {
                walk_expr(d, out);
            }
        }
    }
    let _ = each_subexpr(e, &mut |x| {
        if !matches!(e.kind, ExprKind::Lambda { .. }) || std::ptr::eq(x, lambda_body(e)) {
            walk_expr(x, out);
        }
        Ok(())
    });
}

fn lambda_body(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Lambda { body, .. } => body,
        _ => e,
    }
}

fn walk_args(a: &Arguments, out: &mut Vec<String>) {
    for x in a
        .posonly
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonly)
        .chain(&a.kwarg)
    {
        if let Some(an) = &x.annotation {
            walk_expr(an, out);
        }
        if let Some(d) = &x.default {
            walk_expr(d, out);
        }
    }
}

pub fn walk_body(body: &[Stmt], out: &mut Vec<String>) {
    for s in body {
        out.push(fmt(stmt_kind(s), s.span));
        let e = |x: &Expr, out: &mut Vec<String>| walk_expr(x, out);
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                f.decorators.iter().for_each(|d| e(d, out));
                walk_args(&f.args, out);
                f.returns.iter().for_each(|d| e(d, out));
                walk_body(&f.body, out);
            }
            StmtKind::ClassDef(c) => {
                c.decorators.iter().for_each(|d| e(d, out));
                c.bases.iter().for_each(|d| e(d, out));
                c.keywords.iter().for_each(|k| e(&k.value, out));
                walk_body(&c.body, out);
            }
            StmtKind::Return(v) => v.iter().for_each(|d| e(d, out)),
            StmtKind::Delete(v) => v.iter().for_each(|d| e(d, out)),
            StmtKind::Assign { targets, value } => {
                targets.iter().for_each(|d| e(d, out));
                e(value, out);
            }
            StmtKind::AugAssign { target, value, .. } => {
                e(target, out);
                e(value, out);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                e(target, out);
                e(annotation, out);
                value.iter().for_each(|d| e(d, out));
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                e(target, out);
                e(iter, out);
                walk_body(body, out);
                walk_body(orelse, out);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                e(test, out);
                walk_body(body, out);
                walk_body(orelse, out);
            }
            StmtKind::With { items, body } => {
                for it in items {
                    e(&it.context, out);
                    it.vars.iter().for_each(|d| e(d, out));
                }
                walk_body(body, out);
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().for_each(|d| e(d, out));
                cause.iter().for_each(|d| e(d, out));
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                walk_body(body, out);
                for h in handlers {
                    h.typ.iter().for_each(|d| e(d, out));
                    walk_body(&h.body, out);
                }
                walk_body(orelse, out);
                walk_body(finalbody, out);
            }
            StmtKind::Assert { test, msg } => {
                e(test, out);
                msg.iter().for_each(|d| e(d, out));
            }
            StmtKind::Expr(x) => e(x, out),
            _ => {}
        }
    }
}
