//! One-to-one via `uselist=False` on the "one" side (or on a backref that
//! lands there) needs a unique foreign key, or the database allows many.

use super::fk::plain_tables;
use super::{Ctx, Lint, Severity};
use crate::model::{Arg, Value};
use crate::span::Span;

/// One side of a one-to-one: `one.attr` is the scalar, `many_table`/`many_class` hold the FK.
struct Side<'a> {
    one: &'a str,
    attr: &'a str,
    many_class: &'a str,
    many_table: &'a str,
    one_table: &'a str,
    uselist: Span,
}

pub(crate) fn check(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    let m = cx.model;
    let is_false = |a: Option<&Arg>| a.map(|u| &u.value) == Some(&Value::Bool(false));
    for c in &m.classes {
        for r in &c.relationships {
            let Some((ta, tb, target)) = plain_tables(m, r) else {
                continue;
            };
            let to_owner = !m.fks_between(tb, ta).is_empty();
            let to_target = !m.fks_between(ta, tb).is_empty();
            // uselist=False on the one-to-many side: the FK is in the target's table.
            if is_false(r.uselist.as_ref()) && to_owner && !to_target {
                let uselist = r.uselist.as_ref().map_or(r.span, |u| u.span);
                let side = Side {
                    one: &r.owner,
                    attr: &r.attr,
                    many_class: target,
                    many_table: tb,
                    one_table: ta,
                    uselist,
                };
                side_lint(cx, &side, out);
            }
            // backref("x", uselist=False) on a many-to-one: `x` is the one-to-many side.
            if let Some(br) = &r.backref {
                let u = br.keywords.iter().find(|k| k.name == "uselist");
                if is_false(u.map(|k| &k.arg)) && to_target && !to_owner {
                    let uselist = u.map_or(br.span, |k| k.arg.span);
                    let side = Side {
                        one: target,
                        attr: &br.name,
                        many_class: &r.owner,
                        many_table: ta,
                        one_table: tb,
                        uselist,
                    };
                    side_lint(cx, &side, out);
                }
            }
        }
    }
}

fn side_lint(cx: &Ctx<'_>, s: &Side<'_>, out: &mut Vec<Lint>) {
    let m = cx.model;
    let Some(mc) = m.class(s.many_class) else {
        return;
    };
    if !mc.opaque.is_empty() {
        return;
    }
    let (one, attr, tb, target) = (s.one, s.attr, s.many_table, s.many_class);
    for (col, _) in m.fks_between(tb, s.one_table) {
        let single_pk = col.primary_key
            && m.columns_of_table(tb)
                .is_some_and(|cs| cs.iter().filter(|c| c.primary_key).count() == 1);
        let constrained = mc
            .unique_constraints
            .iter()
            .any(|u| u.len() == 1 && u[0] == col.name);
        if col.unique || single_pk || constrained {
            continue;
        }
        let fixed = add_unique(col.span.text(cx.source));
        let mut l = Lint::new(
            "uselist-false-not-unique",
            Severity::Warning,
            s.uselist,
            format!(
                "`{one}.{attr}` is one-to-one (uselist=False), but `{tb}.{}` is not unique, so the database allows many {target}s per {one}.",
                col.name
            ),
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
