//! The two sides of a relationship: `back_populates` names that do not
//! match, backrefs that clash, `backref` mixed with `back_populates`, and
//! relationships declared on one side only.

use super::similar::closest;
use super::{Ctx, Edit, Lint, Severity};
use crate::model::{Model, Relationship};
use crate::span::Span;

pub(crate) fn check(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    let m = cx.model;
    for c in &m.classes {
        for r in &c.relationships {
            both_on_one(r, out);
            backref_target(cx, r, out);
            back_populates(cx, r, out);
            one_sided(cx, r, out);
        }
    }
}

/// Whether `class` is `other` or inherits from it (a relationship to a base
/// class accepts its subclasses).
fn is_a(m: &Model, class: &str, other: &str) -> bool {
    let mut cur = class.to_string();
    for _ in 0..32 {
        if cur == other {
            return true;
        }
        match m
            .class(&cur)
            .and_then(|c| c.bases.iter().find(|b| m.class(b).is_some()))
        {
            Some(b) => cur = b.clone(),
            None => return false,
        }
    }
    false
}

fn points_to(m: &Model, r: &Relationship, class: &str) -> bool {
    r.target_class()
        .is_some_and(|t| is_a(m, class, t) || is_a(m, t, class))
}

/// Relationships on `class` (or its mapped bases).
fn rels_of<'m>(m: &'m Model, class: &str) -> Vec<&'m Relationship> {
    let mut v = Vec::new();
    let mut cur = m.class(class);
    for _ in 0..32 {
        let Some(c) = cur else { break };
        v.extend(c.relationships.iter());
        cur = c.bases.iter().find_map(|b| m.class(b));
    }
    v
}

/// A zero-width insertion of `, name="value"` after the call's last argument.
pub(crate) fn add_keyword(source: &str, r: &Relationship, kw: &str) -> Edit {
    let last_end = r
        .keywords
        .iter()
        .map(|k| k.span.end)
        .chain(
            r.target
                .as_ref()
                .filter(|t| t.span.start > r.call_span.start)
                .map(|t| t.span.end),
        )
        .max();
    match last_end {
        Some(end) => Edit {
            span: Span::at(source, end as usize),
            text: format!(", {kw}"),
        },
        None => Edit {
            span: Span::at(source, r.call_span.end.saturating_sub(1) as usize),
            text: kw.to_string(),
        },
    }
}

fn both_on_one(r: &Relationship, out: &mut Vec<Lint>) {
    let (Some(bp), Some(br)) = (&r.back_populates, &r.backref) else {
        return;
    };
    out.push(
        Lint::new(
            "backref-and-back-populates",
            Severity::Error,
            bp.span,
            format!("`{}.{}` uses both backref= and back_populates=; SQLAlchemy accepts only one.", r.owner, r.attr),
        )
        .why(
            "backref= creates the other side's attribute for you; back_populates= links to an attribute you declare yourself on \
             the other class. They are two ways of saying the same thing, so SQLAlchemy raises ArgumentError: \
             \"backref and back_populates keyword arguments are mutually exclusive\".",
        )
        .fix(format!(
            "Keep back_populates=\"{}\" and declare `{}` on the other class with back_populates=\"{}\" (the clearer way), or keep only backref=\"{}\".",
            bp.text.trim_matches(['"', '\'']),
            br.name,
            r.attr,
            br.name
        ))
        .related(br.span)
        .example("sync_back_populates"),
    );
}

fn backref_target(cx: &Ctx<'_>, r: &Relationship, out: &mut Vec<Lint>) {
    let m = cx.model;
    let Some(br) = &r.backref else { return };
    let Some(target) = r.target_class().and_then(|t| m.class(t)) else {
        return;
    };
    if !target.declares(&br.name) {
        return;
    }
    let counterpart = target
        .relationship(&br.name)
        .filter(|s| points_to(m, s, &r.owner));
    match counterpart {
        Some(s) => {
            // Backrefs on both sides: report the pair once, on the first.
            if s.backref.as_ref().is_some_and(|b| b.name == r.attr) && s.span.start < r.span.start {
                return;
            }
            let (t, o) = (&target.name, &r.owner);
            out.push(
                Lint::new(
                    "backref-and-back-populates",
                    Severity::Error,
                    br.span,
                    format!("`{o}.{}` creates `{t}.{}` with backref=, but {t} already declares `{}` itself.", r.attr, br.name, br.name),
                )
                .why(format!(
                    "backref=\"{}\" tells SQLAlchemy to create the attribute `{}` on {t} for you. {t} also declares it, so the \
                     relationship is described twice and SQLAlchemy raises ArgumentError: \"Error creating backref '{}' on \
                     relationship '{o}.{}': property of that name exists on mapper ...\". Use one style for a pair: backref= on \
                     one side only, or back_populates= on both sides.",
                    br.name, br.name, br.name, r.attr
                ))
                .fix(format!("Replace backref=\"{}\" with back_populates=\"{}\" here, and make `{t}.{}` say back_populates=\"{}\".", br.name, br.name, br.name, r.attr))
                .code(format!("{} = relationship(..., back_populates=\"{}\")  # in {o}\n{} = relationship(..., back_populates=\"{}\")  # in {t}", r.attr, br.name, br.name, r.attr))
                .edit(r.keyword("backref").map_or(br.span, |k| k.span), format!("back_populates=\"{}\"", br.name))
                .related(s.span)
                .example("sync_back_populates"),
            );
        }
        None => {
            let t = &target.name;
            let suggestion =
                free_name(target, &r.owner, &format!("{}_ref", r.owner.to_lowercase()));
            let q = if br.name_span.text(cx.source).starts_with('\'') {
                '\''
            } else {
                '"'
            };
            out.push(
                Lint::new(
                    "backref-clash",
                    Severity::Error,
                    br.name_span,
                    format!("backref=\"{}\" on `{}.{}` would create `{t}.{}`, but {t} already has an attribute `{}`.", br.name, r.owner, r.attr, br.name, br.name),
                )
                .why(format!(
                    "A backref adds a new attribute to the other class. {t} already uses the name `{}` (a column, relationship or \
                     method), and SQLAlchemy refuses to overwrite it: ArgumentError \"Error creating backref '{}' on relationship \
                     '{}.{}': property of that name exists on mapper 'Mapper[{t}(...)]'\". A common slip is naming the backref after \
                     the foreign key column (`parent_id`) instead of the object (`parent`).",
                    br.name, br.name, r.owner, r.attr
                ))
                .fix(format!("Give the backref a name {t} does not use yet, e.g. backref=\"{suggestion}\"."))
                .edit(br.name_span, format!("{q}{suggestion}{q}"))
                .example("sync_backref"),
            );
        }
    }
}

fn free_name(target: &crate::model::MappedClass, owner: &str, fallback: &str) -> String {
    let natural = owner.to_lowercase();
    if !target.declares(&natural) {
        natural
    } else {
        fallback.to_string()
    }
}

fn back_populates(cx: &Ctx<'_>, r: &Relationship, out: &mut Vec<Lint>) {
    let m = cx.model;
    let Some(bp) = &r.back_populates else { return };
    let Some(x) = bp.as_str() else { return };
    let Some(target) = r.target_class().and_then(|t| m.class(t)) else {
        return;
    };
    let t = &target.name;
    let o = &r.owner;
    let rels = rels_of(m, t);
    let made_by_backref =
        m.classes.iter().flat_map(|c| &c.relationships).any(|s| {
            s.backref.as_ref().is_some_and(|b| b.name == x) && s.target_class() == Some(t)
        });
    let found = rels.iter().find(|s| s.attr == x);
    let back_to_us: Vec<&&Relationship> = rels.iter().filter(|s| points_to(m, s, o)).collect();
    let mismatch = |msg: String, severity: Severity, why: String| {
        let mut l = Lint::new("back-populates-mismatch", severity, bp.span, msg)
            .why(why)
            .example("mistake_back_populates_mismatch");
        let names: Vec<&str> = back_to_us.iter().map(|s| s.attr.as_str()).collect();
        let guess = back_to_us
            .iter()
            .find(|s| s.back_populates.as_ref().and_then(|b| b.as_str()) == Some(&r.attr))
            .map(|s| s.attr.as_str())
            .or_else(|| closest(x, names.iter().copied()))
            .or(if names.len() == 1 {
                Some(names[0])
            } else {
                None
            });
        if let Some(g) = guess.filter(|g| *g != x) {
            let q = if bp.text.starts_with('\'') { '\'' } else { '"' };
            l = l
                .fix(format!(
                    "Name the attribute {t} really has: back_populates={q}{g}{q}."
                ))
                .edit(bp.span, format!("{q}{g}{q}"));
        } else {
            l = l.fix(format!(
                "Declare the other side on {t}: `{x} = relationship(\"{o}\", back_populates=\"{}\")`, or fix the name.",
                r.attr
            ))
            .code(format!("{x} = relationship(\"{o}\", back_populates=\"{}\")", r.attr));
        }
        l
    };
    match found {
        None if made_by_backref => {}
        None if target.declares(x) => out.push(mismatch(
            format!("back_populates=\"{x}\" on `{o}.{}` names `{t}.{x}`, which is not a relationship.", r.attr),
            Severity::Error,
            format!(
                "back_populates must name the relationship() on the other class that points back here. `{t}.{x}` is a column or \
                 another attribute, so SQLAlchemy raises InvalidRequestError: \"back_populates on relationship '{o}.{}' refers to \
                 attribute '{t}.{x}' that is not a relationship\".",
                r.attr
            ),
        )),
        None => out.push(mismatch(
            format!("back_populates=\"{x}\" on `{o}.{}`, but {t} has no attribute `{x}`.", r.attr),
            Severity::Error,
            format!(
                "back_populates names the attribute on the *other* class that points back here, and the two names must match \
                 exactly. {t} has no `{x}`, so the first time the classes are used SQLAlchemy raises InvalidRequestError: \
                 \"Mapper 'Mapper[{t}(...)]' has no property '{x}'\". The class definitions themselves run fine, which is why \
                 the error seems to come from an unrelated line."
            ),
        )),
        Some(s) if !points_to(m, s, o) => out.push(mismatch(
            format!("back_populates=\"{x}\" on `{o}.{}` names `{t}.{x}`, which points to {} rather than {o}.", r.attr, s.target_class().unwrap_or("another class")),
            Severity::Error,
            "The two relationships of a pair must point at each other's classes; SQLAlchemy raises ArgumentError when the \
             back reference does not reference this mapper."
                .to_string(),
        )),
        Some(s) => match s.back_populates.as_ref().and_then(|b| b.as_str()) {
            Some(y) if y == r.attr => {}
            // The other side names an attribute we lack: its own lint reports it.
            Some(y) if !rels_of(m, o).iter().any(|q| q.attr == y) => {}
            Some(y) => out.push(
                mismatch(
                    format!("`{o}.{}` and `{t}.{x}` do not name each other: `{t}.{x}` says back_populates=\"{y}\".", r.attr),
                    Severity::Warning,
                    format!(
                        "A pair is linked when each side's back_populates names the other: `{o}.{}` ↔ `{t}.{x}`. Here `{t}.{x}` points \
                         at `{o}.{y}` instead, so the three attributes sync in confusing, one-way ways.",
                        r.attr
                    ),
                )
                .related(s.span),
            ),
            None if s.backref.is_some() => {}
            None => {
                let e = add_keyword(cx.source, s, &format!("back_populates=\"{}\"", r.attr));
                out.push(
                    Lint::new(
                        "back-populates-mismatch",
                        Severity::Warning,
                        bp.span,
                        format!("`{o}.{}` names `{t}.{x}` with back_populates, but `{t}.{x}` does not name it back.", r.attr),
                    )
                    .why(format!(
                        "back_populates works per side: changes to `{o}.{}` update `{t}.{x}` in Python, but changes to `{t}.{x}` do \
                         not update `{o}.{}` until the session flushes and the objects are reloaded. Both sides need \
                         back_populates naming each other.",
                        r.attr, r.attr
                    ))
                    .fix(format!("Add back_populates=\"{}\" to `{t}.{x}`.", r.attr))
                    .code(format!("back_populates=\"{}\"", r.attr))
                    .edit(e.span, e.text)
                    .related(s.span)
                    .example("sync_back_populates"),
                )
            }
        },
    }
}

/// Whether anything links to `r` from the other side (a back_populates naming it).
fn linked_from_elsewhere(m: &Model, r: &Relationship) -> bool {
    m.classes.iter().flat_map(|c| &c.relationships).any(|s| {
        s.back_populates.as_ref().and_then(|b| b.as_str()) == Some(&r.attr)
            && s.target_class().is_some_and(|t| is_a(m, &r.owner, t))
    })
}

fn unlinked(m: &Model, r: &Relationship) -> bool {
    r.back_populates.is_none() && r.backref.is_none() && !linked_from_elsewhere(m, r)
}

fn one_sided(cx: &Ctx<'_>, r: &Relationship, out: &mut Vec<Lint>) {
    let m = cx.model;
    if r.is_viewonly() || !unlinked(m, r) {
        return;
    }
    let Some(target) = r.target_class().and_then(|t| m.class(t)) else {
        return;
    };
    let t = &target.name;
    let o = &r.owner;
    // Self-references and custom join conditions: which columns each side
    // uses cannot be told reliably from the text.
    let custom = |x: &Relationship| x.foreign_keys.is_some() || x.primaryjoin.is_some();
    if t == o || custom(r) {
        return;
    }
    // Attributes created on the target by a backref elsewhere also point back.
    let backref_back = m
        .classes
        .iter()
        .flat_map(|c| &c.relationships)
        .any(|s| s.target_class() == Some(o) && s.owner == *t && s.backref.is_some());
    let back: Vec<&Relationship> = rels_of(m, t)
        .into_iter()
        .filter(|s| {
            points_to(m, s, o) && s.secondary.is_none() == r.secondary.is_none() && !custom(s)
        })
        .collect();
    if let Some(s) = back.iter().find(|s| unlinked(m, s)) {
        if s.span.start < r.span.start && !s.is_viewonly() {
            return; // reported on the first of the pair
        }
        let severity = if s.is_viewonly() {
            Severity::Info
        } else {
            Severity::Warning
        };
        let e1 = add_keyword(cx.source, r, &format!("back_populates=\"{}\"", s.attr));
        let e2 = add_keyword(cx.source, s, &format!("back_populates=\"{}\"", r.attr));
        out.push(
            Lint::new(
                "one-sided-relationship",
                severity,
                r.span,
                format!("`{o}.{}` and `{t}.{}` describe the same link but are not connected, so they do not sync in Python.", r.attr, s.attr),
            )
            .why(format!(
                "Two relationship()s over the same foreign key are two independent attributes until back_populates connects \
                 them. Setting `{}.{}` does not update `{}.{}` (you get [] until the session flushes and reloads), and \
                 SQLAlchemy warns (SAWarning) that one will copy the same column as the other, which conflicts.",
                t.to_lowercase(),
                s.attr,
                o.to_lowercase(),
                r.attr
            ))
            .fix(format!("Connect them: back_populates=\"{}\" on `{o}.{}` and back_populates=\"{}\" on `{t}.{}`.", s.attr, r.attr, r.attr, s.attr))
            .code(format!("{} = relationship(\"{t}\", back_populates=\"{}\")\n{} = relationship(\"{o}\", back_populates=\"{}\")", r.attr, s.attr, s.attr, r.attr))
            .edit(e1.span, e1.text)
            .edit(e2.span, e2.text)
            .related(s.span)
            .example("sync_one_sided"),
        );
        return;
    }
    if !back.is_empty() || backref_back || r.secondary.is_some() {
        return;
    }
    let (Some(ta), Some(tb)) = (m.table_of(o), m.table_of(t)) else {
        return;
    };
    // The classic case: a one-to-many whose children cannot see their parent.
    if m.fks_between(tb, ta).is_empty() || !m.fks_between(ta, tb).is_empty() {
        return;
    }
    let other = o.to_lowercase();
    let e = add_keyword(cx.source, r, &format!("back_populates=\"{other}\""));
    let decl = format!(
        "{other} = relationship(\"{o}\", back_populates=\"{}\")",
        r.attr
    );
    out.push(
        Lint::new(
            "one-sided-relationship",
            Severity::Info,
            r.span,
            format!("`{o}.{}` has no partner on {t}: a {t} cannot reach its {o} as an object.", r.attr),
        )
        .why(format!(
            "A relationship() on one side only is allowed: `{o}.{}` works, and the foreign key is filled in at flush. But {t} \
             has no attribute leading back, so `{}.{other}` does not exist, and nothing on the {t} side syncs in Python before \
             a flush. If you want both directions, declare both sides and link them with back_populates (or backref=).",
            r.attr,
            t.to_lowercase()
        ))
        .fix(format!("Add `{decl}` to {t} and back_populates=\"{other}\" here."))
        .code(decl)
        .edit(e.span, e.text)
        .example("sync_one_sided"),
    );
}
