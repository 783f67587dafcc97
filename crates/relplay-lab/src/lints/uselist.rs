//! One-to-one via `uselist=False` on the "one" side needs a unique foreign key.

use super::fk::plain_tables;
use super::{Ctx, Lint, Severity};
use crate::model::Value;

pub(crate) fn check(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    let m = cx.model;
    for c in &m.classes {
        for r in &c.relationships {
            if r.uselist.as_ref().map(|u| &u.value) != Some(&Value::Bool(false)) {
                continue;
            }
            let Some((ta, tb, target)) = plain_tables(m, r) else {
                continue;
            };
            // One-to-many direction: the FK lives in the target's table.
            let incoming = m.fks_between(tb, ta);
            if incoming.is_empty() || !m.fks_between(ta, tb).is_empty() {
                continue;
            }
            let Some(tc) = m.class(target) else { continue };
            if !tc.opaque.is_empty() {
                continue;
            }
            for (col, _) in incoming {
                let single_pk = col.primary_key
                    && m.columns_of_table(tb)
                        .is_some_and(|cs| cs.iter().filter(|c| c.primary_key).count() == 1);
                let constrained = tc
                    .unique_constraints
                    .iter()
                    .any(|u| u.len() == 1 && u[0] == col.name);
                if col.unique || single_pk || constrained {
                    continue;
                }
                let u = r.uselist.as_ref().map_or(r.span, |u| u.span);
                let fixed = add_unique(col.span.text(cx.source));
                let mut l = Lint::new(
                    "uselist-false-not-unique",
                    Severity::Warning,
                    u,
                    format!("`{}.{}` is one-to-one (uselist=False), but `{tb}.{}` is not unique, so the database allows many {target}s per {}.", r.owner, r.attr, col.name, r.owner),
                )
                .why(format!(
                    "uselist=False only changes what Python shows you: one object instead of a list. The table still allows \
                     several `{tb}` rows with the same `{}`; if that happens SQLAlchemy keeps one of them and warns \"Multiple \
                     rows returned with uselist=False\". A real one-to-one needs unique=True on the foreign key column.",
                    col.name
                ))
                .fix(format!("Add unique=True to `{}`.", col.name))
                .related(col.span)
                .example("one_to_one");
                if let Some(f) = fixed {
                    l = l.code(f.clone()).edit(col.span, f);
                }
                out.push(l);
            }
        }
    }
}

/// The column declaration with `unique=True` added before its closing paren.
fn add_unique(decl: &str) -> Option<String> {
    let close = decl.rfind(')')?;
    let inner = decl[..close].trim_end();
    let sep = if inner.ends_with('(') {
        ""
    } else if inner.ends_with(',') {
        " "
    } else {
        ", "
    };
    Some(format!("{inner}{sep}unique=True{}", &decl[close..]))
}
