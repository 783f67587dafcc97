//! Which FROMs a SELECT renders (`Select._get_display_froms`): explicit
//! FROMs, then those implied by the columns and the WHERE clause, minus
//! those a JOIN already covers; and the bind naming key of an expression.

use super::expr::{Expr, Source};
use super::select::FromItem;
use std::rc::Rc;

#[derive(Clone, PartialEq, Debug)]
pub(super) enum FromKey {
    Table(Rc<str>),
    Alias(u32),
}

pub(super) fn source_key(s: &Source) -> FromKey {
    match s {
        Source::Table(t) => FromKey::Table(t.clone()),
        Source::Alias(a) => FromKey::Alias(a.id),
    }
}

pub(super) fn from_key(f: &FromItem) -> Option<FromKey> {
    match f {
        FromItem::Table(t) => Some(FromKey::Table(t.clone())),
        FromItem::Alias(a) => Some(FromKey::Alias(a.id)),
        FromItem::Join { .. } => None,
    }
}

pub(super) fn source_from(s: &Source) -> FromItem {
    match s {
        Source::Table(t) => FromItem::Table(t.clone()),
        Source::Alias(a) => FromItem::Alias(a.clone()),
    }
}

/// Every FROM a join covers (its `_hide_froms`).
pub(super) fn join_members(f: &FromItem, out: &mut Vec<FromKey>) {
    match f {
        FromItem::Join { left, right, .. } => {
            join_members(left, out);
            join_members(right, out);
        }
        other => out.extend(from_key(other)),
    }
}

/// Sources referenced by an expression, not descending into subqueries.
pub(super) fn expr_sources(e: &Expr, out: &mut Vec<Source>) {
    match e {
        Expr::Column(c) if !out.iter().any(|s| source_key(s) == source_key(&c.source)) => {
            out.push(c.source.clone());
        }
        Expr::Binary { left, right, .. } => {
            expr_sources(left, out);
            expr_sources(right, out);
        }
        Expr::LikeAffix { expr, pattern, .. } => {
            expr_sources(expr, out);
            expr_sources(pattern, out);
        }
        Expr::Not(x) | Expr::Neg(x) | Expr::Desc(x) | Expr::Asc(x) => expr_sources(x, out),
        Expr::Label { expr, .. } => expr_sources(expr, out),
        Expr::And(v) | Expr::Or(v) => v.iter().for_each(|x| expr_sources(x, out)),
        Expr::Func { args, .. } => args.iter().for_each(|x| expr_sources(x, out)),
        Expr::Cast { expr, .. } => expr_sources(expr, out),
        Expr::Case {
            value,
            whens,
            else_,
            ..
        } => {
            value.iter().for_each(|x| expr_sources(x, out));
            for (w, t) in whens {
                expr_sources(w, out);
                expr_sources(t, out);
            }
            else_.iter().for_each(|x| expr_sources(x, out));
        }
        Expr::Between {
            expr, low, high, ..
        } => {
            expr_sources(expr, out);
            expr_sources(low, out);
            expr_sources(high, out);
        }
        _ => {}
    }
}

/// The name a bind compared with `e` is derived from.
pub(super) fn key_of(e: &Expr) -> Option<String> {
    match e {
        Expr::Column(c) => Some(c.name.clone()),
        Expr::Func { name, .. } | Expr::Label { name, .. } => Some(name.clone()),
        Expr::Cast { expr, .. } => key_of(expr),
        _ => None,
    }
}

/// The FROMs implied by a columns clause, in order.
pub(crate) fn column_froms(cols: &[Expr]) -> Vec<FromItem> {
    let mut s = Vec::new();
    cols.iter().for_each(|c| expr_sources(c, &mut s));
    s.iter().map(source_from).collect()
}
