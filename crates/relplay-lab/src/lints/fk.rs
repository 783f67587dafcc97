//! Foreign keys: targets that do not exist, and a foreign key on the wrong
//! side of a relationship meant as a collection.

use super::plural::looks_plural;
use super::similar::closest;
use super::{Ctx, Lint, Severity};
use crate::model::{ColumnDef, Model, Relationship, Style};

pub(crate) fn check(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    unknown_targets(cx, out);
    for c in &cx.model.classes {
        for r in &c.relationships {
            if let Some(l) = fk_on_parent_side(cx.model, r, c.style) {
                out.push(l);
            }
        }
    }
}

fn all_columns(model: &Model) -> Vec<(&ColumnDef, Option<&str>)> {
    let mut v: Vec<(&ColumnDef, Option<&str>)> = Vec::new();
    for c in &model.classes {
        let t = model.table_of(&c.name);
        v.extend(c.columns.iter().map(|col| (col, t)));
    }
    for t in &model.tables {
        v.extend(
            t.columns
                .iter()
                .map(|col| (col, Some(t.name.value.as_str()))),
        );
    }
    v
}

fn unknown_targets(cx: &Ctx<'_>, out: &mut Vec<Lint>) {
    let model = cx.model;
    let tables = model.table_names();
    for (col, own_table) in all_columns(model) {
        for fk in &col.foreign_keys {
            let (Some(table), Some(column)) = (&fk.table, &fk.column) else {
                continue;
            };
            let here = own_table
                .map(|t| format!("{t}.{}", col.name))
                .unwrap_or_else(|| col.name.clone());
            if !tables.contains(&table.as_str()) {
                if !model.all_tables_known() {
                    continue;
                }
                // `ForeignKey("User.id")`: the class name instead of its table name.
                let by_class = model.table_of(table);
                let guess = by_class.or_else(|| closest(table, tables.iter().copied()));
                let mut l = Lint::new(
                    "fk-unknown-table",
                    Severity::Error,
                    fk.target_span,
                    format!("ForeignKey(\"{}\") names a table `{table}`, but no table of that name is declared.", fk.target),
                )
                .why(format!(
                    "A ForeignKey names a *table* and a column (\"table.column\"), not a class. The tables here are: {}. \
                     SQLAlchemy only looks the name up when it creates the tables or configures the mappers, so the \
                     class definitions run fine and the error comes later: `create_all()` raises \
                     NoReferencedTableError for column '{here}'.",
                    quote_list(&tables)
                ))
                .example("mistake_wrong_table");
                if let Some(g) = guess {
                    let text = fk.target_span.text(cx.source).replacen(
                        &format!("{table}."),
                        &format!("{g}."),
                        1,
                    );
                    let why = if by_class.is_some() {
                        format!(" (`{table}` is the class; its table is `{g}`)")
                    } else {
                        String::new()
                    };
                    l = l
                        .fix(format!("Use the table's name{why}: ForeignKey({text})."))
                        .code(format!("ForeignKey({text})"))
                        .edit(fk.target_span, text);
                } else {
                    l = l.fix("Use the `__tablename__` of the class you mean, e.g. ForeignKey(\"parent.id\").");
                }
                out.push(l);
            } else if let Some(cols) = model.columns_of_table(table) {
                if cols.iter().any(|c| &c.name == column) {
                    continue;
                }
                let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
                let pk = cols.iter().find(|c| c.primary_key).map(|c| c.name.as_str());
                let guess = closest(column, names.iter().copied()).or(pk);
                let mut l = Lint::new(
                    "fk-unknown-column",
                    Severity::Error,
                    fk.target_span,
                    format!("ForeignKey(\"{}\"): table `{table}` has no column `{column}`.", fk.target),
                )
                .why(format!(
                    "The part after the dot must be a column of table `{table}` (it has: {}), usually its primary key. \
                     `create_all()` raises NoReferencedColumnError.",
                    quote_list(&names)
                ))
                .example("mistake_wrong_table");
                if let Some(g) = guess {
                    let text = fk.target_span.text(cx.source).replacen(
                        &format!(".{column}"),
                        &format!(".{g}"),
                        1,
                    );
                    l = l
                        .fix(format!("Point at an existing column: ForeignKey({text})."))
                        .edit(fk.target_span, text);
                }
                out.push(l);
            }
        }
    }
}

pub(crate) fn quote_list(items: &[&str]) -> String {
    if items.is_empty() {
        return "none".into();
    }
    items
        .iter()
        .map(|t| format!("`{t}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The (owner table, target table) of a plain relationship (no secondary,
/// no custom join), when both are known and differ.
pub(crate) fn plain_tables<'m>(
    model: &'m Model,
    r: &Relationship,
) -> Option<(&'m str, &'m str, &'m str)> {
    if r.secondary.is_some() || r.primaryjoin.is_some() || r.foreign_keys.is_some() {
        return None;
    }
    let target = r.target_class()?;
    let tc = model.class(target)?;
    let ta = model.table_of(&r.owner)?;
    let tb = model.table_of(target)?;
    (ta != tb).then_some((ta, tb, tc.name.as_str()))
}

fn fk_on_parent_side(model: &Model, r: &Relationship, style: Style) -> Option<Lint> {
    let (ta, tb, target) = plain_tables(model, r)?;
    let outgoing = model.fks_between(ta, tb);
    if outgoing.is_empty() || !model.fks_between(tb, ta).is_empty() {
        return None;
    }
    let by_annotation = r.declared_collection();
    let by_name = looks_plural(&r.attr) && r.annotation.is_none() && r.uselist.is_none();
    if !by_annotation && !by_name {
        return None;
    }
    let (col, _) = outgoing[0];
    let owner = &r.owner;
    let attr = &r.attr;
    let pk = model
        .columns_of_table(ta)
        .and_then(|cols| cols.iter().find(|c| c.primary_key).map(|c| c.name.clone()))
        .unwrap_or_else(|| "id".into());
    let fk_name = format!("{}_id", owner.to_lowercase());
    let back = owner.to_lowercase();
    let code = if matches!(style, Style::Annotated | Style::Mixed) {
        format!(
            "class {owner}(Base):\n    # remove `{}` here\n    {attr}: Mapped[List[\"{target}\"]] = relationship(back_populates=\"{back}\")\n\n\
             class {target}(Base):\n    {fk_name}: Mapped[Optional[int]] = mapped_column(ForeignKey(\"{ta}.{pk}\"))\n    {back}: Mapped[Optional[\"{owner}\"]] = relationship(back_populates=\"{attr}\")",
            col.name
        )
    } else {
        format!(
            "class {owner}(Base):\n    # remove `{}` here\n    {attr} = relationship(\"{target}\", back_populates=\"{back}\")\n\n\
             class {target}(Base):\n    {fk_name} = Column(Integer, ForeignKey(\"{ta}.{pk}\"))\n    {back} = relationship(\"{owner}\", back_populates=\"{attr}\")",
            col.name
        )
    };
    let severity = if by_annotation {
        Severity::Error
    } else {
        Severity::Warning
    };
    Some(
        Lint::new(
            "fk-on-parent-side",
            severity,
            r.span,
            format!(
                "`{owner}.{attr}` looks like a list of {target} objects, but the foreign key `{ta}.{}` points from `{ta}` to `{tb}`, so SQLAlchemy makes it many-to-one: one {target} or None.",
                col.name
            ),
        )
        .why(format!(
            "SQLAlchemy decides a relationship's direction from where the foreign key is, not from the attribute's name. \
             The foreign key always lives on the \"many\" side: for \"one {owner} has many {target}s\" each `{tb}` row must \
             store its {owner}'s id. Here each `{ta}` row stores one `{tb}` id, so `{owner}.{attr}` can only hold one {target}: \
             it starts as None, and `.append()` fails with AttributeError: 'NoneType' object has no attribute 'append'."
        ))
        .fix(format!("Move the foreign key to `{tb}`: drop `{}` from {owner} and give {target} a column pointing at `{ta}.{pk}`.", col.name))
        .code(code)
        .related(col.span)
        .example("mistake_fk_wrong_side"),
    )
}
