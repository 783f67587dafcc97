//! CPython's symtable checks on `global`/`nonlocal`: a `nonlocal` name
//! must be bound in an enclosing function (class scopes are skipped), and
//! neither may follow a use or assignment of the name in its scope.
//! Iterative, like the other checks.

use super::checks::each_subexpr;
use super::errors::{SyntaxError, SyntaxErrorKind};
use crate::ast::*;
use std::collections::HashSet;

struct Scope {
    parent: Option<usize>,
    is_func: bool,
    bound: HashSet<Name>,
    nonlocals: Vec<(Name, Span)>,
    params: HashSet<Name>,
    /// Names seen so far in source order, for "used prior to global".
    assigned: HashSet<Name>,
    used: HashSet<Name>,
}

fn scope_err(span: Span, msg: String, src: &str) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, span.line, span.col + 1)
        .with_end(span.end_line, span.end_col + 1)
        .with_text_from(src)
}

/// Items are pushed last-first so they pop in source order.
fn push_rev<'a>(work: &mut Vec<Item<'a>>, items: Vec<Item<'a>>) {
    work.extend(items.into_iter().rev());
}

enum Item<'a> {
    S(&'a Stmt, usize),
    E(&'a Expr, usize),
}

pub fn check_nonlocals(body: &[Stmt], src: &str) -> Result<(), SyntaxError> {
    let empty = |parent, is_func| Scope {
        parent,
        is_func,
        bound: HashSet::new(),
        nonlocals: Vec::new(),
        params: HashSet::new(),
        assigned: HashSet::new(),
        used: HashSet::new(),
    };
    let mut scopes = vec![empty(None, false)];
    let mut work: Vec<Item> = body.iter().rev().map(|s| Item::S(s, 0)).collect();
    let new_scope =
        |scopes: &mut Vec<Scope>, parent: usize, is_func: bool, args: Option<&Arguments>| {
            let mut s = empty(Some(parent), is_func);
            if let Some(a) = args {
                for x in a
                    .posonly
                    .iter()
                    .chain(&a.args)
                    .chain(&a.vararg)
                    .chain(&a.kwonly)
                    .chain(&a.kwarg)
                {
                    s.bound.insert(x.name.clone());
                    s.params.insert(x.name.clone());
                }
            }
            scopes.push(s);
            scopes.len() - 1
        };
    while let Some(item) = work.pop() {
        match item {
            Item::S(s, sc) => match &s.kind {
                StmtKind::FunctionDef(f) => {
                    scopes[sc].bound.insert(f.name.clone());
                    scopes[sc].assigned.insert(f.name.clone());
                    let inner = new_scope(&mut scopes, sc, true, Some(&f.args));
                    work.extend(f.body.iter().rev().map(|s| Item::S(s, inner)));
                    push_rev(
                        &mut work,
                        f.decorators.iter().map(|e| Item::E(e, sc)).collect(),
                    );
                }
                StmtKind::ClassDef(c) => {
                    scopes[sc].bound.insert(c.name.clone());
                    scopes[sc].assigned.insert(c.name.clone());
                    let inner = new_scope(&mut scopes, sc, false, None);
                    work.extend(c.body.iter().rev().map(|s| Item::S(s, inner)));
                }
                StmtKind::Nonlocal(names) | StmtKind::Global(names) => {
                    let what = if matches!(s.kind, StmtKind::Global(_)) {
                        "global"
                    } else {
                        "nonlocal"
                    };
                    let scope = &scopes[sc];
                    for n in names {
                        let msg = if scope.params.contains(n) {
                            format!("name '{}' is parameter and {}", n, what)
                        } else if scope.assigned.contains(n) {
                            format!("name '{}' is assigned to before {} declaration", n, what)
                        } else if scope.used.contains(n) {
                            format!("name '{}' is used prior to {} declaration", n, what)
                        } else {
                            continue;
                        };
                        return Err(scope_err(s.span, msg, src));
                    }
                    if what == "nonlocal" {
                        scopes[sc]
                            .nonlocals
                            .extend(names.iter().map(|n| (n.clone(), s.span)));
                    }
                }
                StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                    for a in aliases {
                        let n = a.asname.clone().unwrap_or_else(|| {
                            Name::from(a.name.split('.').next().unwrap_or(&a.name))
                        });
                        scopes[sc].bound.insert(n.clone());
                        scopes[sc].assigned.insert(n);
                    }
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    let mut items: Vec<Item> = body.iter().map(|s| Item::S(s, sc)).collect();
                    for h in handlers {
                        if let Some(n) = &h.name {
                            scopes[sc].bound.insert(n.clone());
                        }
                        items.extend(h.typ.iter().map(|e| Item::E(e, sc)));
                        items.extend(h.body.iter().map(|s| Item::S(s, sc)));
                    }
                    items.extend(orelse.iter().chain(finalbody).map(|s| Item::S(s, sc)));
                    push_rev(&mut work, items);
                }
                _ => {
                    let (bodies, exprs) = children(s);
                    let mut items: Vec<Item> = exprs.into_iter().map(|e| Item::E(e, sc)).collect();
                    for b in bodies {
                        items.extend(b.iter().map(|s| Item::S(s, sc)));
                    }
                    push_rev(&mut work, items);
                }
            },
            Item::E(e, sc) => {
                match &e.kind {
                    ExprKind::Name {
                        id,
                        ctx: Ctx::Store | Ctx::Del,
                    } => {
                        scopes[sc].bound.insert(id.clone());
                        scopes[sc].assigned.insert(id.clone());
                    }
                    ExprKind::Name { id, ctx: Ctx::Load } => {
                        scopes[sc].used.insert(id.clone());
                    }
                    ExprKind::Lambda { args, body } => {
                        let inner = new_scope(&mut scopes, sc, true, Some(args));
                        work.push(Item::E(body, inner));
                        continue;
                    }
                    _ => {}
                }
                let mut kids = Vec::new();
                let _ = each_subexpr(e, &mut |x| {
                    kids.push(Item::E(x, sc));
                    Ok(())
                });
                push_rev(&mut work, kids);
            }
        }
    }
    for (i, s) in scopes.iter().enumerate() {
        for (name, span) in &s.nonlocals {
            let mut p = scopes[i].parent;
            let mut found = false;
            while let Some(j) = p {
                // Methods may declare the implicit `__class__` cell nonlocal.
                if !scopes[j].is_func && j != 0 && &**name == "__class__" {
                    found = true;
                    break;
                }
                if scopes[j].is_func
                    && (scopes[j].bound.contains(name)
                        || scopes[j].nonlocals.iter().any(|(n, _)| n == name))
                {
                    found = true;
                    break;
                }
                p = scopes[j].parent;
            }
            if !found && i != 0 {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!("no binding for nonlocal '{}' found", name),
                    span.line,
                    span.col + 1,
                )
                .with_end(span.end_line, span.end_col + 1)
                .with_text_from(src));
            }
        }
    }
    Ok(())
}

/// Child blocks and expressions of a statement (binding-relevant only).
fn children(s: &Stmt) -> (Vec<&[Stmt]>, Vec<&Expr>) {
    match &s.kind {
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => (vec![body, orelse], vec![target, iter]),
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            (vec![body, orelse], vec![test])
        }
        StmtKind::With { items, body } => {
            let mut es: Vec<&Expr> = items.iter().map(|i| &i.context).collect();
            es.extend(items.iter().filter_map(|i| i.vars.as_ref()));
            (vec![body], es)
        }
        StmtKind::Assign { targets, value } => {
            let mut es: Vec<&Expr> = targets.iter().collect();
            es.push(value);
            (vec![], es)
        }
        StmtKind::AugAssign { target, value, .. } => (vec![], vec![target, value]),
        StmtKind::AnnAssign { target, value, .. } => {
            let mut es = vec![target];
            es.extend(value.as_ref());
            (vec![], es)
        }
        StmtKind::Delete(es) => (vec![], es.iter().collect()),
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => (vec![], vec![e]),
        // Captures bind names but are not expressions: only uses are seen.
        StmtKind::Match { subject, cases } => {
            let mut es = vec![subject];
            for c in cases {
                super::match_checks::pattern_exprs(&c.pattern, &mut es);
                es.extend(c.guard.as_ref());
            }
            (cases.iter().map(|c| &c.body[..]).collect(), es)
        }
        _ => (vec![], vec![]),
    }
}
