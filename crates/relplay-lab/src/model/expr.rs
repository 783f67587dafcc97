//! Small readers over expressions: dotted names, literals, argument text.

use super::{Arg, KwArg, Value};
use crate::span::Span;
use relplay_py::ast::{Constant, Expr, ExprKind, Keyword};

/// `a.b.c` as text, for names and attribute chains only (iterative: a
/// hostile script may chain thousands of attributes).
pub(crate) fn dotted(e: &Expr) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::Name { id, .. } => {
                parts.push(id);
                break;
            }
            ExprKind::Attribute { value, attr, .. } => {
                parts.push(attr);
                cur = value;
            }
            _ => return None,
        }
    }
    parts.reverse();
    Some(parts.join("."))
}

/// The called name's last segment: `sa.Column(...)` → `Column`.
pub(crate) fn callee(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Call { func, .. } => last_name(func),
        _ => None,
    }
}

pub(crate) fn last_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name { id, .. } => Some(id),
        ExprKind::Attribute { attr, .. } => Some(attr),
        _ => None,
    }
}

pub(crate) fn str_const(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Constant(Constant::Str(s)) => Some(s),
        _ => None,
    }
}

pub(crate) fn text(span: relplay_py::ast::Span, source: &str) -> String {
    Span::from(span).text(source).to_string()
}

pub(crate) fn value_of(e: &Expr, source: &str) -> Value {
    match &e.kind {
        ExprKind::Constant(Constant::Str(s)) => Value::Str(s.to_string()),
        ExprKind::Constant(Constant::True) => Value::Bool(true),
        ExprKind::Constant(Constant::False) => Value::Bool(false),
        ExprKind::Constant(Constant::None) => Value::None,
        ExprKind::Constant(Constant::Int(i)) => Value::Int(*i),
        ExprKind::Lambda { body, .. } => Value::Lambda(text(body.span, source)),
        _ => dotted(e).map(Value::Name).unwrap_or(Value::Other),
    }
}

pub(crate) fn arg(e: &Expr, source: &str) -> Arg {
    Arg {
        value: value_of(e, source),
        text: text(e.span, source),
        span: e.span.into(),
    }
}

pub(crate) fn kwargs(keywords: &[Keyword], source: &str) -> Vec<KwArg> {
    keywords
        .iter()
        .filter_map(|k| {
            Some(KwArg {
                name: k.arg.as_ref()?.to_string(),
                arg: arg(&k.value, source),
                span: k.span.into(),
            })
        })
        .collect()
}

pub(crate) fn kw<'a>(keywords: &'a [Keyword], name: &str) -> Option<&'a Expr> {
    keywords
        .iter()
        .find(|k| k.arg.as_deref() == Some(name))
        .map(|k| &k.value)
}

pub(crate) fn kw_bool(keywords: &[Keyword], name: &str) -> Option<bool> {
    match &kw(keywords, name)?.kind {
        ExprKind::Constant(Constant::True) => Some(true),
        ExprKind::Constant(Constant::False) => Some(false),
        _ => None,
    }
}

/// The arguments of a call expression, if it is one.
pub(crate) fn call_parts(e: &Expr) -> Option<(&Expr, &[Expr], &[Keyword])> {
    match &e.kind {
        ExprKind::Call {
            func,
            args,
            keywords,
        } => Some((func, args, keywords)),
        _ => None,
    }
}
