//! Relationships with no foreign key between their tables: a many-to-many
//! without an association table, or a forgotten ForeignKey.

use super::fk::plain_tables;
use super::plural::looks_plural;
use super::{Ctx, Lint, Severity};
use crate::model::{Model, Relationship, Style};

pub(crate) fn check(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    let m = cx.model;
    for c in &m.classes {
        for r in &c.relationships {
            let Some((ta, tb, target)) = plain_tables(m, r) else {
                continue;
            };
            if !m.fks_between(ta, tb).is_empty() || !m.fks_between(tb, ta).is_empty() {
                continue;
            }
            // Only claim "no foreign key" when both tables are fully known and
            // no foreign key there names a missing table (that lint comes first).
            if m.columns_of_table(ta).is_none()
                || m.columns_of_table(tb).is_none()
                || dangling_fk(m, ta)
                || dangling_fk(m, tb)
            {
                continue;
            }
            let other = m
                .class(target)
                .map(|t| {
                    t.relationships
                        .iter()
                        .filter(|s| {
                            s.target_class() == Some(&c.name) && plain_tables(m, s).is_some()
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default();
            let collection = |r: &Relationship| {
                r.declared_collection() || (r.annotation.is_none() && looks_plural(&r.attr))
            };
            match other.iter().find(|s| collection(s)) {
                Some(s) if collection(r) => {
                    if s.span.start < r.span.start {
                        continue; // reported once, on the first side
                    }
                    out.push(m2m_lint(m, r, s, ta, tb, c.style));
                }
                _ => out.push(no_fk_lint(r, ta, tb, target)),
            }
        }
    }
}

fn pk(m: &Model, table: &str) -> String {
    m.columns_of_table(table)
        .and_then(|cols| cols.iter().find(|c| c.primary_key).map(|c| c.name.clone()))
        .unwrap_or_else(|| "id".into())
}

fn m2m_lint(
    m: &Model,
    r: &Relationship,
    s: &Relationship,
    ta: &str,
    tb: &str,
    style: Style,
) -> Lint {
    let (a, b) = (&r.owner, &s.owner);
    let assoc = format!("{ta}_{tb}");
    let (ka, kb) = (
        format!("{}_id", ta.trim_end_matches('s')),
        format!("{}_id", tb.trim_end_matches('s')),
    );
    let metadata = m
        .bases
        .first()
        .map(|b| format!("{}.metadata", b.name))
        .unwrap_or_else(|| "Base.metadata".into());
    let table = format!(
        "{assoc} = Table(\n    \"{assoc}\",\n    {metadata},\n    Column(\"{ka}\", ForeignKey(\"{ta}.{}\"), primary_key=True),\n    Column(\"{kb}\", ForeignKey(\"{tb}.{}\"), primary_key=True),\n)",
        pk(m, ta),
        pk(m, tb)
    );
    let rels = if matches!(style, Style::Annotated | Style::Mixed) {
        format!(
            "# in {a}:\n{}: Mapped[List[\"{b}\"]] = relationship(secondary={assoc}, back_populates=\"{}\")\n# in {b}:\n{}: Mapped[List[\"{a}\"]] = relationship(secondary={assoc}, back_populates=\"{}\")",
            r.attr, s.attr, s.attr, r.attr
        )
    } else {
        format!(
            "# in {a}:\n{} = relationship(\"{b}\", secondary={assoc}, back_populates=\"{}\")\n# in {b}:\n{} = relationship(\"{a}\", secondary={assoc}, back_populates=\"{}\")",
            r.attr, s.attr, s.attr, r.attr
        )
    };
    Lint::new(
        "m2m-without-secondary",
        Severity::Error,
        r.span,
        format!("`{a}.{}` and `{b}.{}` are both collections, but there is no association table (secondary=) and no foreign key between `{ta}` and `{tb}`.", r.attr, s.attr),
    )
    .why(format!(
        "Many {a}s to many {b}s cannot be stored with a foreign key in either table: a column holds one id, not a list. \
         A many-to-many needs a third table with one row per link, holding a foreign key to each side, and both \
         relationship()s must name it with secondary=. Without it SQLAlchemy raises NoForeignKeysError: \"Could not \
         determine join condition between parent/child tables on relationship {a}.{} - there are no foreign keys linking \
         these tables\".",
        r.attr
    ))
    .fix(format!("Add an association table above class {a} and pass secondary={assoc} on both sides."))
    .code(format!("{table}\n\n{rels}"))
    .related(s.span)
    .example("mistake_m2m_no_secondary")
}

fn no_fk_lint(r: &Relationship, ta: &str, tb: &str, target: &str) -> Lint {
    let o = &r.owner;
    Lint::new(
        "no-foreign-key",
        Severity::Error,
        r.span,
        format!("`{o}.{}` links {o} and {target}, but no ForeignKey connects tables `{ta}` and `{tb}`.", r.attr),
    )
    .why(format!(
        "relationship() does not create any column: it follows a foreign key that you declare. With no ForeignKey between \
         `{ta}` and `{tb}` SQLAlchemy cannot tell how the rows are linked and raises NoForeignKeysError when the classes are \
         first used."
    ))
    .fix(format!(
        "Add the foreign key on the \"many\" side: for \"one {o} has many {target}s\", give {target} a column \
         `{}_id = Column(Integer, ForeignKey(\"{ta}.id\"))`.",
        o.to_lowercase()
    ))
    .example("one_to_many")
}

/// A foreign key on `table` naming a table the script does not declare.
fn dangling_fk(m: &Model, table: &str) -> bool {
    let names = m.table_names();
    m.columns_of_table(table)
        .unwrap_or_default()
        .iter()
        .flat_map(|c| &c.foreign_keys)
        .any(|fk| fk.table.as_deref().is_some_and(|t| !names.contains(&t)))
}
