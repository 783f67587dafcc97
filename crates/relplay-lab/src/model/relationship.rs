//! `relationship(...)` declarations, with every keyword's value and span.

use super::annotation::MappedAnn;
use super::expr::{arg, call_parts, callee, dotted, kw, kwargs, str_const, text};
use super::{Backref, Located, RelAnnotation, Relationship, Target};
use relplay_py::ast::{self, Expr, ExprKind};

pub(crate) fn is_relationship_call(e: &Expr) -> bool {
    matches!(callee(e), Some("relationship" | "relation"))
}

pub(crate) struct Decl<'a> {
    pub owner: &'a str,
    pub attr: &'a str,
    pub attr_span: ast::Span,
    pub stmt: ast::Span,
    pub ann: Option<(&'a Expr, &'a MappedAnn)>,
}

pub(crate) fn read(call: &Expr, d: Decl<'_>, source: &str) -> Relationship {
    let (_, args, keywords) = call_parts(call).unwrap_or((call, &[], &[]));
    let get = |name: &str| kw(keywords, name).map(|e| arg(e, source));
    let annotation = d.ann.map(|(e, a)| RelAnnotation {
        text: text(e.span, source),
        span: e.span.into(),
        collection: a.collection.clone(),
        optional: a.optional,
        inner: a.inner_name.clone(),
    });
    let target = match args.first().or_else(|| kw(keywords, "argument")) {
        Some(t) => Some(Located {
            value: target_of(t, source),
            span: t.span.into(),
        }),
        None => annotation.as_ref().and_then(|a| {
            Some(Located {
                value: Target::Annotation(a.inner.clone()?),
                span: a.span,
            })
        }),
    };
    Relationship {
        owner: d.owner.to_string(),
        attr: d.attr.to_string(),
        span: d.stmt.into(),
        attr_span: d.attr_span.into(),
        call_span: call.span.into(),
        target,
        annotation,
        back_populates: get("back_populates"),
        backref: kw(keywords, "backref").and_then(|e| backref(e, source)),
        uselist: get("uselist"),
        secondary: get("secondary"),
        lazy: get("lazy"),
        cascade: get("cascade"),
        viewonly: get("viewonly"),
        foreign_keys: get("foreign_keys"),
        remote_side: get("remote_side"),
        primaryjoin: get("primaryjoin"),
        secondaryjoin: get("secondaryjoin"),
        order_by: get("order_by"),
        keywords: kwargs(keywords, source),
    }
}

fn target_of(e: &Expr, source: &str) -> Target {
    if let Some(s) = str_const(e) {
        return Target::Str(s.to_string());
    }
    if let Some(n) = dotted(e) {
        return Target::Name(n);
    }
    match &e.kind {
        ExprKind::Lambda { body, .. } => Target::Lambda(text(body.span, source)),
        _ => Target::Opaque(text(e.span, source)),
    }
}

/// `backref="name"` or `backref=backref("name", uselist=False, ...)`.
fn backref(e: &Expr, source: &str) -> Option<Backref> {
    if let Some(s) = str_const(e) {
        return Some(Backref {
            name: s.to_string(),
            name_span: e.span.into(),
            span: e.span.into(),
            keywords: Vec::new(),
        });
    }
    let (_, args, keywords) = call_parts(e)?;
    if callee(e) != Some("backref") {
        return None;
    }
    let name = args.first()?;
    Some(Backref {
        name: str_const(name)?.to_string(),
        name_span: name.span.into(),
        span: e.span.into(),
        keywords: kwargs(keywords, source),
    })
}
