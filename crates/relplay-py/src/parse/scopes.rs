//! CPython's symtable check `no binding for nonlocal 'x' found`: a
//! `nonlocal` name must be bound in an enclosing function (class scopes
//! are skipped). Iterative, like the other checks.

use super::checks::each_subexpr;
use super::errors::{SyntaxError, SyntaxErrorKind};
use crate::ast::*;
use std::collections::HashSet;

struct Scope {
    parent: Option<usize>,
    is_func: bool,
    bound: HashSet<Name>,
    nonlocals: Vec<(Name, Span)>,
}

enum Item<'a> {
    S(&'a Stmt, usize),
    E(&'a Expr, usize),
}

pub fn check_nonlocals(body: &[Stmt], src: &str) -> Result<(), SyntaxError> {
    let mut scopes = vec![Scope {
        parent: None,
        is_func: false,
        bound: HashSet::new(),
        nonlocals: Vec::new(),
    }];
    let mut work: Vec<Item> = body.iter().rev().map(|s| Item::S(s, 0)).collect();
    let new_scope =
        |scopes: &mut Vec<Scope>, parent: usize, is_func: bool, args: Option<&Arguments>| {
            let mut bound = HashSet::new();
            if let Some(a) = args {
                for x in a
                    .posonly
                    .iter()
                    .chain(&a.args)
                    .chain(&a.vararg)
                    .chain(&a.kwonly)
                    .chain(&a.kwarg)
                {
                    bound.insert(x.name.clone());
                }
            }
            scopes.push(Scope {
                parent: Some(parent),
                is_func,
                bound,
                nonlocals: Vec::new(),
            });
            scopes.len() - 1
        };
    while let Some(item) = work.pop() {
        match item {
            Item::S(s, sc) => match &s.kind {
                StmtKind::FunctionDef(f) => {
                    scopes[sc].bound.insert(f.name.clone());
                    let inner = new_scope(&mut scopes, sc, true, Some(&f.args));
                    work.extend(f.body.iter().rev().map(|s| Item::S(s, inner)));
                    work.extend(f.decorators.iter().map(|e| Item::E(e, sc)));
                }
                StmtKind::ClassDef(c) => {
                    scopes[sc].bound.insert(c.name.clone());
                    let inner = new_scope(&mut scopes, sc, false, None);
                    work.extend(c.body.iter().rev().map(|s| Item::S(s, inner)));
                }
                StmtKind::Nonlocal(names) => {
                    scopes[sc]
                        .nonlocals
                        .extend(names.iter().map(|n| (n.clone(), s.span)));
                }
                StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                    for a in aliases {
                        let n = a.asname.clone().unwrap_or_else(|| {
                            Name::from(a.name.split('.').next().unwrap_or(&a.name))
                        });
                        scopes[sc].bound.insert(n);
                    }
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                } => {
                    for h in handlers {
                        if let Some(n) = &h.name {
                            scopes[sc].bound.insert(n.clone());
                        }
                        work.extend(h.body.iter().map(|s| Item::S(s, sc)));
                    }
                    for b in [body, orelse, finalbody] {
                        work.extend(b.iter().map(|s| Item::S(s, sc)));
                    }
                }
                _ => {
                    let (bodies, exprs) = children(s);
                    for b in bodies {
                        work.extend(b.iter().map(|s| Item::S(s, sc)));
                    }
                    work.extend(exprs.into_iter().map(|e| Item::E(e, sc)));
                }
            },
            Item::E(e, sc) => {
                match &e.kind {
                    ExprKind::Name {
                        id,
                        ctx: Ctx::Store | Ctx::Del,
                    } => {
                        scopes[sc].bound.insert(id.clone());
                    }
                    ExprKind::Lambda { args, body } => {
                        let inner = new_scope(&mut scopes, sc, true, Some(args));
                        work.push(Item::E(body, inner));
                        continue;
                    }
                    _ => {}
                }
                let _ = each_subexpr(e, &mut |x| {
                    work.push(Item::E(x, sc));
                    Ok(())
                });
            }
        }
    }
    for (i, s) in scopes.iter().enumerate() {
        for (name, span) in &s.nonlocals {
            let mut p = scopes[i].parent;
            let mut found = false;
            while let Some(j) = p {
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
        _ => (vec![], vec![]),
    }
}
