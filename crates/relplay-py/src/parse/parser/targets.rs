//! Assignment and deletion targets: context marking and CPython's
//! "cannot assign to ..." diagnostics.

use super::{PResult, Parser};
use crate::ast::*;

/// CPython's `_PyPegen_get_expr_name`.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::True => "True",
            Constant::False => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first node that cannot be a target (CPython's
/// `_PyPegen_get_invalid_target`), or None when `e` is valid.
pub(crate) fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, del))
        }
        ExprKind::Starred { value, .. } if !del => invalid_target(value, del),
        _ => Some(e),
    }
}

/// Rewrites `ctx` throughout a valid target.
pub(crate) fn with_ctx(mut e: Expr, c: Ctx) -> Expr {
    match &mut e.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = c,
        ExprKind::Starred { ctx, value } => {
            *ctx = c;
            let v = std::mem::replace(
                &mut **value,
                Expr {
                    span: Span::default(),
                    kind: ExprKind::Constant(Constant::None),
                },
            );
            **value = with_ctx(v, c);
        }
        ExprKind::List { ctx, elts } | ExprKind::Tuple { ctx, elts } => {
            *ctx = c;
            let old = std::mem::take(elts);
            *elts = old.into_iter().map(|x| with_ctx(x, c)).collect();
        }
        _ => {}
    }
    e
}

impl<'a> Parser<'a> {
    /// Validates a target and marks it Store; `verb` is "assign to".
    pub fn set_store(&mut self, e: Expr, verb: &str) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, false) {
            let msg = format!("cannot {} {}", verb, expr_name(bad));
            return Err(self.err_range(bad.span, bad.span, msg));
        }
        Ok(with_ctx(e, Ctx::Store))
    }

    pub fn set_del(&mut self, e: Expr) -> PResult<Expr> {
        if let Some(bad) = invalid_target(&e, true) {
            let msg = format!("cannot delete {}", expr_name(bad));
            return Err(self.err_range(bad.span, bad.span, msg));
        }
        Ok(with_ctx(e, Ctx::Del))
    }
}
