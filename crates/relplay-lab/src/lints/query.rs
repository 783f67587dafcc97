//! Query chains: `session.query(X).filter(...).all()`,
//! `session.scalars(select(X).options(...)).all()` — what is queried, which
//! loader options apply, and where the root call is.

use crate::model::expr::{callee, dotted};
use relplay_py::ast::{Expr, ExprKind};

pub(crate) enum Root<'a> {
    /// `session.query(...)`: `session` is the receiver.
    Query {
        call: &'a Expr,
        session: &'a Expr,
        args: &'a [Expr],
    },
    /// `select(...)`.
    Select { call: &'a Expr, args: &'a [Expr] },
    /// `session.scalars(<chain>)` / `session.execute(<chain>)`.
    Exec {
        method: &'a str,
        inner: Box<Chain<'a>>,
    },
}

pub(crate) struct Chain<'a> {
    pub root: Root<'a>,
    /// Method calls after the root, innermost first: (name, the call).
    pub methods: Vec<(&'a str, &'a Expr)>,
}

const MAX: usize = 64;

pub(crate) fn chain(e: &Expr) -> Option<Chain<'_>> {
    let mut methods = Vec::new();
    let mut cur = e;
    for _ in 0..MAX {
        let ExprKind::Call { func, args, .. } = &cur.kind else {
            return None;
        };
        match &func.kind {
            ExprKind::Attribute { value, attr, .. } => match &**attr {
                "query" => {
                    return finish(
                        Root::Query {
                            call: cur,
                            session: value,
                            args,
                        },
                        methods,
                    )
                }
                "scalars" | "execute" if dotted(value).is_some() && !args.is_empty() => {
                    let inner = Box::new(chain(&args[0])?);
                    return finish(
                        Root::Exec {
                            method: attr,
                            inner,
                        },
                        methods,
                    );
                }
                "select" if dotted(value).is_some() => {
                    return finish(Root::Select { call: cur, args }, methods)
                }
                _ => {
                    methods.push((&**attr, cur));
                    cur = value;
                }
            },
            ExprKind::Name { id, .. } if &**id == "select" => {
                return finish(Root::Select { call: cur, args }, methods)
            }
            _ => return None,
        }
    }
    None
}

fn finish<'a>(root: Root<'a>, mut methods: Vec<(&'a str, &'a Expr)>) -> Option<Chain<'a>> {
    methods.reverse();
    Some(Chain { root, methods })
}

impl<'a> Chain<'a> {
    /// The first selected entity as written (`Author`).
    pub fn entity(&self) -> Option<String> {
        match &self.root {
            Root::Query { args, .. } | Root::Select { args, .. } => args.first().and_then(dotted),
            Root::Exec { inner, .. } => inner.entity(),
        }
    }
    /// The `query(...)` or `select(...)` call, where `.options()` goes.
    pub fn root_call(&self) -> &'a Expr {
        match &self.root {
            Root::Query { call, .. } | Root::Select { call, .. } => call,
            Root::Exec { inner, .. } => inner.root_call(),
        }
    }
    /// Attributes named by loader options anywhere in the chain
    /// (`joinedload(Post.comments)` → `comments`).
    pub fn loaded_attrs(&self) -> Vec<String> {
        let mut v = Vec::new();
        let mut calls: Vec<&Expr> = self
            .methods
            .iter()
            .filter(|(m, _)| *m == "options")
            .map(|(_, c)| *c)
            .collect();
        if let Root::Exec { inner, .. } = &self.root {
            v.extend(inner.loaded_attrs());
        }
        while let Some(c) = calls.pop() {
            if let ExprKind::Call { args, .. } = &c.kind {
                for a in args {
                    collect_option(a, &mut v, 0);
                }
            }
            calls.truncate(MAX);
        }
        v
    }
    /// Whether the rows are ORM entities (not `execute()` rows).
    pub fn yields_entities(&self) -> bool {
        match &self.root {
            Root::Query { args, .. } => args.len() == 1,
            Root::Select { .. } => false,
            Root::Exec { method, inner } => {
                *method == "scalars"
                    && matches!(&inner.root, Root::Select { args, .. } if !args.is_empty())
            }
        }
    }
}

/// `joinedload(A.b)`, `selectinload(A.b).joinedload(B.c)`, `joinedload("b")`.
fn collect_option(e: &Expr, out: &mut Vec<String>, depth: u32) {
    if depth > 16 {
        return;
    }
    let ExprKind::Call { func, args, .. } = &e.kind else {
        return;
    };
    if let ExprKind::Attribute { value, .. } = &func.kind {
        if callee(value).is_some() {
            collect_option(value, out, depth + 1);
        }
    }
    for a in args {
        match &a.kind {
            ExprKind::Attribute { attr, .. } => out.push(attr.to_string()),
            ExprKind::Constant(relplay_py::ast::Constant::Str(s)) => out.push(s.to_string()),
            _ => {}
        }
    }
}
