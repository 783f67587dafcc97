//! New relationships by kind, with what each kind needs: the foreign key
//! column, the association table (many-to-many), the association class
//! (association object), `remote_side` (self-referential).

use super::ctx::Ctx;
use super::decl::{column_line, relationship_line, ColumnLine};
use super::models::{insert_block, model_block};
use super::relation::default_attr;
use super::text::Patches;
use super::{check_ident, EditError, RelKind};
use crate::model::MappedClass;

/// The SQL type of a class's primary key (for a foreign key column to it).
fn pk_type(cx: &Ctx<'_>, class: &MappedClass) -> String {
    let t = cx.pk(class).and_then(|pk| {
        class
            .column(&pk)
            .and_then(|c| c.type_.as_ref())
            .map(|t| t.value.clone())
    });
    match t.as_deref() {
        None | Some("int") => "Integer".into(),
        Some("str") => "String".into(),
        Some(s) => s.to_string(),
    }
}

fn table(cx: &Ctx<'_>, class: &str) -> Result<String, EditError> {
    cx.model
        .table_of(class)
        .map(str::to_string)
        .ok_or(EditError::Unreadable("table name"))
}

fn pk_col(cx: &Ctx<'_>, class: &MappedClass) -> Result<String, EditError> {
    let pk = cx
        .pk(class)
        .ok_or_else(|| EditError::Unsupported(format!("{} has no primary key", class.name)))?;
    Ok(class.column(&pk).map(|c| c.name.clone()).unwrap_or(pk))
}

/// Adds a nullable FK column `{attr}` on `holder` pointing at `to`'s primary key.
fn fk_column(
    cx: &Ctx<'_>,
    p: &mut Patches,
    holder: &MappedClass,
    to: &MappedClass,
    attr: &str,
    unique: bool,
) -> Result<(), EditError> {
    if holder.declares(attr) {
        return Ok(()); // already there: reuse it
    }
    let target = format!("{}.{}", table(cx, &to.name)?, pk_col(cx, to)?);
    let ty = pk_type(cx, to);
    let line = column_line(
        cx,
        p,
        cx.annotated(holder),
        &ColumnLine {
            attr,
            type_: &ty,
            primary_key: false,
            nullable: true,
            unique,
            foreign_key: Some(&target),
        },
    );
    cx.add_member(p, holder, &line);
    Ok(())
}

fn kw_back(cx: &Ctx<'_>, back: Option<&str>) -> Vec<(String, String)> {
    back.map(|b| vec![("back_populates".to_string(), cx.quote(b))])
        .unwrap_or_default()
}

fn declare(
    cx: &Ctx<'_>,
    p: &mut Patches,
    on: &MappedClass,
    attr: &str,
    target: &str,
    collection: bool,
    kw: Vec<(String, String)>,
) {
    let line = relationship_line(cx, p, cx.annotated(on), attr, target, collection, &kw);
    cx.add_member(p, on, &line);
}

pub(crate) fn relationship(
    cx: &Ctx<'_>,
    kind: RelKind,
    from: &str,
    to: &str,
    attr: &str,
    back: Option<&str>,
) -> Result<Patches, EditError> {
    check_ident(attr)?;
    if let Some(b) = back {
        check_ident(b)?;
    }
    let a = cx.class(from)?;
    let b = cx.class(if kind == RelKind::SelfReferential {
        from
    } else {
        to
    })?;
    if a.declares(attr) {
        return Err(EditError::BadName(attr.to_string()));
    }
    if let Some(bk) = back {
        if b.declares(bk) || (a.name == b.name && bk == attr) {
            return Err(EditError::BadName(bk.to_string()));
        }
    }
    let mut p = Patches::default();
    let back_kw = |name: &str| kw_back(cx, Some(name));
    match kind {
        RelKind::OneToMany => {
            fk_column(
                cx,
                &mut p,
                b,
                a,
                &format!("{}_id", default_attr(&a.name, false)),
                false,
            )?;
            declare(cx, &mut p, a, attr, &b.name, true, kw_back(cx, back));
            if let Some(bk) = back {
                declare(cx, &mut p, b, bk, &a.name, false, back_kw(attr));
            }
        }
        RelKind::ManyToOne | RelKind::OneToOne => {
            let one = kind == RelKind::OneToOne;
            fk_column(
                cx,
                &mut p,
                a,
                b,
                &format!("{}_id", default_attr(&b.name, false)),
                one,
            )?;
            declare(cx, &mut p, a, attr, &b.name, false, kw_back(cx, back));
            if let Some(bk) = back {
                let mut kw = back_kw(attr);
                if one && !cx.annotated(b) {
                    kw.insert(0, ("uselist".into(), "False".into()));
                }
                declare(cx, &mut p, b, bk, &a.name, !one, kw);
            }
        }
        RelKind::SelfReferential => {
            let parent = back.unwrap_or("parent");
            let fk = format!("{parent}_id");
            fk_column(cx, &mut p, a, a, &fk, false)?;
            declare(cx, &mut p, a, attr, &a.name, true, kw_back(cx, back));
            if let Some(bk) = back {
                let mut kw = vec![(
                    "remote_side".to_string(),
                    cx.quote(&format!(
                        "{}.{}",
                        a.name,
                        cx.pk(a).unwrap_or_else(|| "id".into())
                    )),
                )];
                kw.extend(back_kw(attr));
                declare(cx, &mut p, a, bk, &a.name, false, kw);
            }
        }
        RelKind::ManyToMany => {
            let (ta, tb) = (table(cx, &a.name)?, table(cx, &b.name)?);
            let var = format!("{ta}_{tb}");
            check_ident(&var)?;
            if cx.model.table_names().contains(&var.as_str())
                || cx.src.contains(&format!("{var} ="))
            {
                return Err(EditError::BadName(var));
            }
            let base = a.bases.first().cloned().unwrap_or_else(|| "Base".into());
            for n in ["Table", "Column", "ForeignKey"] {
                cx.ensure_import(&mut p, "sqlalchemy", n);
            }
            let q = |s: &str| cx.quote(s);
            let col = |t: &str, k: &MappedClass| -> Result<String, EditError> {
                Ok(format!(
                    "    Column({}, ForeignKey({}), primary_key=True),\n",
                    q(&format!("{t}_id")),
                    q(&format!("{t}.{}", pk_col(cx, k)?))
                ))
            };
            let block = format!(
                "{var} = Table(\n    {},\n    {base}.metadata,\n{}{})\n",
                q(&var),
                col(&ta, a)?,
                col(&tb, b)?
            );
            // Before the first of the two classes, so `secondary=` can name it.
            let first = if a.span.start < b.span.start { a } else { b };
            insert_before_class(cx, &mut p, first, &block);
            let mut kw = vec![("secondary".to_string(), var.clone())];
            kw.extend(kw_back(cx, back));
            declare(cx, &mut p, a, attr, &b.name, true, kw);
            if let Some(bk) = back {
                let mut kw = vec![("secondary".to_string(), var.clone())];
                kw.extend(back_kw(attr));
                declare(cx, &mut p, b, bk, &a.name, true, kw);
            }
        }
        RelKind::AssociationObject => {
            let assoc = format!("{}{}", a.name, b.name);
            if cx.model.class(&assoc).is_some() {
                return Err(EditError::BadName(assoc));
            }
            let (ta, tb) = (table(cx, &a.name)?, table(cx, &b.name)?);
            let (sa, sb) = (default_attr(&a.name, false), default_attr(&b.name, false));
            let annotated = cx.annotated(a);
            let mut lines = Vec::new();
            for (t, k) in [(&ta, a), (&tb, b)] {
                let target = format!("{t}.{}", pk_col(cx, k)?);
                let attr = format!("{t}_id");
                lines.push(column_line(
                    cx,
                    &mut p,
                    annotated,
                    &ColumnLine {
                        attr: &attr,
                        type_: &pk_type(cx, k),
                        primary_key: true,
                        nullable: false,
                        unique: false,
                        foreign_key: Some(&target),
                    },
                ));
            }
            lines.push(relationship_line(
                cx,
                &mut p,
                annotated,
                &sa,
                &a.name,
                false,
                &[("back_populates".into(), cx.quote(attr))],
            ));
            if let Some(bk) = back {
                lines.push(relationship_line(
                    cx,
                    &mut p,
                    annotated,
                    &sb,
                    &b.name,
                    false,
                    &[("back_populates".into(), cx.quote(bk))],
                ));
            } else {
                lines.push(relationship_line(
                    cx,
                    &mut p,
                    annotated,
                    &sb,
                    &b.name,
                    false,
                    &[],
                ));
            }
            // Members first: when the last class is one of the two, its new
            // member and the new class go to the same place, member first.
            declare(
                cx,
                &mut p,
                a,
                attr,
                &assoc,
                true,
                vec![("back_populates".into(), cx.quote(&sa))],
            );
            if let Some(bk) = back {
                declare(
                    cx,
                    &mut p,
                    b,
                    bk,
                    &assoc,
                    true,
                    vec![("back_populates".into(), cx.quote(&sb))],
                );
            }
            // A many-to-many between the same tables may own `{ta}_{tb}` already.
            let mut assoc_table = format!("{ta}_{tb}");
            if cx.model.table_names().contains(&assoc_table.as_str()) {
                assoc_table.push_str("_link");
            }
            if cx.model.table_names().contains(&assoc_table.as_str()) {
                return Err(EditError::BadName(assoc_table));
            }
            let block = assoc_block(cx, &assoc, &assoc_table, &lines)?;
            let last = cx.model.classes.last().map(|c| c.span).unwrap_or(b.span);
            insert_block(cx, &mut p, last, &block);
        }
    }
    Ok(p)
}

/// An association class: its two primary-key FK columns and relationships.
fn assoc_block(
    cx: &Ctx<'_>,
    name: &str,
    table: &str,
    lines: &[String],
) -> Result<String, EditError> {
    let mut scratch = Patches::default();
    let base = model_block(cx, &mut scratch, name, table, &[])?;
    // The generated `id` line is not wanted: the FKs are the key.
    let head: Vec<&str> = base.lines().take(3).collect();
    let mut out = head.join("\n");
    out.push('\n');
    for l in lines {
        out.push_str(&format!("    {l}\n"));
    }
    Ok(out)
}

fn insert_before_class(cx: &Ctx<'_>, p: &mut Patches, class: &MappedClass, block: &str) {
    let start = super::text::line_start(cx.src, class.span.start as usize);
    let gap = "\n".repeat(2);
    p.insert(start, format!("{block}{gap}"));
}
