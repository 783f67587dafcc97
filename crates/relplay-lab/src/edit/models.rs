//! Models and columns: add, rename, delete a mapped class; add, change,
//! rename, delete a column.

use super::ctx::Ctx;
use super::decl::{column_line, python_type, type_import, ColumnLine};
use super::relation::default_attr;
use super::rename::{attr_refs, class_refs};
use super::text::{
    delete_lines, insert_after, line_start, next_line, remove_arg, requote, set_keyword, Patches,
};
use super::{check_ident, ColumnSpec, EditError};
use crate::model::{ColumnCall, ColumnDef, MappedClass, Style};

/// The declarative base new classes derive from.
fn base_name(cx: &Ctx<'_>) -> Result<String, EditError> {
    if let Some(c) = cx.model.classes.iter().find(|c| c.tablename.is_some()) {
        if let Some(b) = c.bases.first() {
            return Ok(b.clone());
        }
    }
    cx.model
        .bases
        .first()
        .map(|b| b.name.clone())
        .ok_or(EditError::Unsupported(
            "the script declares no declarative Base".into(),
        ))
}

/// Whether new classes are written in 2.0 style.
fn script_annotated(cx: &Ctx<'_>) -> bool {
    if cx.model.classes.iter().any(|c| c.style == Style::Annotated) {
        return true;
    }
    if cx.model.classes.iter().any(|c| c.style == Style::Legacy) {
        return false;
    }
    cx.model
        .bases
        .iter()
        .any(|b| b.kind == crate::model::BaseKind::DeclarativeBaseClass)
}

/// Blank lines the script puts between top-level classes (PEP 8's 2 by default).
fn class_gap(cx: &Ctx<'_>) -> usize {
    let cls = &cx.model.classes;
    if cls.len() >= 2 {
        let between =
            &cx.src[cls[0].span.end as usize..line_start(cx.src, cls[1].span.start as usize)];
        return between.matches('\n').count().saturating_sub(1).clamp(1, 2);
    }
    2
}

/// Inserts a top-level block after `after` (a statement span), separated by the script's gap.
pub(crate) fn insert_block(cx: &Ctx<'_>, p: &mut Patches, after: crate::span::Span, block: &str) {
    let gap = "\n".repeat(class_gap(cx));
    let at = next_line(cx.src, after.end as usize);
    let follows = cx.src[at..]
        .lines()
        .next()
        .is_some_and(|l| !l.trim().is_empty());
    let tail = if follows { gap.clone() } else { String::new() };
    insert_after(p, cx.src, after, &format!("{gap}{block}{tail}"));
}

/// Where a new top-level class goes: after the last mapped class, else after the base.
fn class_slot(cx: &Ctx<'_>) -> Result<crate::span::Span, EditError> {
    if let Some(c) = cx.model.classes.last() {
        return Ok(c.span);
    }
    cx.model
        .bases
        .last()
        .map(|b| b.span)
        .ok_or(EditError::Unsupported(
            "the script declares no declarative Base".into(),
        ))
}

/// `class Name(Base)` with `__tablename__` and an `id` primary key.
pub(crate) fn model_block(
    cx: &Ctx<'_>,
    p: &mut Patches,
    name: &str,
    table: &str,
    extra: &[String],
) -> Result<String, EditError> {
    let base = base_name(cx)?;
    let annotated = script_annotated(cx);
    let id = column_line(
        cx,
        p,
        annotated,
        &ColumnLine {
            attr: "id",
            type_: "Integer",
            primary_key: true,
            nullable: false,
            unique: false,
            foreign_key: None,
        },
    );
    let mut body = format!(
        "class {name}({base}):\n    __tablename__ = {}\n\n    {id}\n",
        cx.quote(table)
    );
    for l in extra {
        body.push_str(&format!("    {l}\n"));
    }
    Ok(body)
}

pub(crate) fn add_model(
    cx: &Ctx<'_>,
    name: &str,
    table: Option<&str>,
) -> Result<Patches, EditError> {
    check_ident(name)?;
    if cx.model.class(name).is_some() {
        return Err(EditError::BadName(name.to_string()));
    }
    let table = table
        .map(str::to_string)
        .unwrap_or_else(|| default_attr(name, false));
    if cx.model.table_names().contains(&table.as_str()) {
        return Err(EditError::BadName(table));
    }
    let mut p = Patches::default();
    let block = model_block(cx, &mut p, name, &table, &[])?;
    insert_block(cx, &mut p, class_slot(cx)?, &block);
    Ok(p)
}

pub(crate) fn rename_model(cx: &Ctx<'_>, name: &str, to: &str) -> Result<Patches, EditError> {
    check_ident(to)?;
    cx.class(name)?;
    if cx.model.class(to).is_some() {
        return Err(EditError::BadName(to.to_string()));
    }
    let mut p = Patches::default();
    for (s, e) in class_refs(cx.src, name) {
        p.replace(s, e, to);
    }
    Ok(p)
}

pub(crate) fn delete_model(cx: &Ctx<'_>, name: &str) -> Result<Patches, EditError> {
    let class = cx.class(name)?;
    let mut p = Patches::default();
    // The class and the blank lines before it.
    let start = line_start(cx.src, class.span.start as usize);
    let before = cx.src[..start]
        .trim_end_matches(['\n', ' ', '\t', '\r'])
        .len();
    let from = next_line(cx.src, before).min(start);
    p.delete(from, next_line(cx.src, class.span.end as usize));
    let table = class.tablename.as_ref().map(|t| t.value.clone());
    for other in cx.model.classes.iter().filter(|c| c.name != name) {
        for r in &other.relationships {
            if r.target_class() == Some(name) {
                delete_lines(&mut p, cx.src, r.span);
            }
        }
        for c in &other.columns {
            if c.foreign_keys
                .iter()
                .any(|f| f.table.is_some() && f.table == table)
            {
                delete_lines(&mut p, cx.src, c.span);
            }
        }
    }
    Ok(p)
}

fn column<'m>(
    cx: &'m Ctx<'_>,
    class: &str,
    name: &str,
) -> Result<(&'m MappedClass, &'m ColumnDef), EditError> {
    let c = cx.class(class)?;
    let col = c
        .columns
        .iter()
        .find(|k| k.attr.as_deref() == Some(name))
        .ok_or_else(|| EditError::NoColumn(format!("{class}.{name}")))?;
    Ok((c, col))
}

pub(crate) fn add_column(
    cx: &Ctx<'_>,
    class: &str,
    spec: &ColumnSpec,
) -> Result<Patches, EditError> {
    check_ident(&spec.name)?;
    let c = cx.class(class)?;
    if c.declares(&spec.name) {
        return Err(EditError::BadName(spec.name.clone()));
    }
    check_type(&spec.type_)?;
    let mut p = Patches::default();
    let line = column_line(cx, &mut p, cx.annotated(c), &spec_line(spec));
    cx.add_member(&mut p, c, &line);
    Ok(p)
}

fn spec_line(spec: &ColumnSpec) -> ColumnLine<'_> {
    ColumnLine {
        attr: &spec.name,
        type_: &spec.type_,
        primary_key: spec.primary_key,
        nullable: spec.nullable,
        unique: spec.unique,
        foreign_key: spec.foreign_key.as_deref(),
    }
}

/// Only SQL type names (with an optional length): text rendered into code.
fn check_type(t: &str) -> Result<(), EditError> {
    let head = type_import(t);
    let args = t[head.len()..].trim();
    let ok = super::check_ident(head).is_ok()
        && (args.is_empty()
            || (args.starts_with('(')
                && args.ends_with(')')
                && args[1..args.len() - 1]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == ' ')));
    if ok {
        Ok(())
    } else {
        Err(EditError::BadName(t.to_string()))
    }
}

pub(crate) fn rename_column(
    cx: &Ctx<'_>,
    class: &str,
    name: &str,
    to: &str,
) -> Result<Patches, EditError> {
    check_ident(to)?;
    let (c, col) = column(cx, class, name)?;
    if c.declares(to) {
        return Err(EditError::BadName(to.to_string()));
    }
    let mut p = Patches::default();
    let start = col.span.start as usize;
    if !cx.src[start..].starts_with(name) {
        return Err(EditError::Unreadable("column"));
    }
    p.replace(start, start + name.len(), to);
    for (s, e) in attr_refs(cx.src, class, name) {
        p.replace(s, e, to);
    }
    // The table column is renamed too unless it has its own name: FKs follow.
    if col.name == name {
        if let Some(t) = cx.model.table_of(class) {
            let old = format!("{t}.{name}");
            for fk in all_columns(cx).flat_map(|k| k.foreign_keys.iter()) {
                if fk.target == old && fk.table.is_some() {
                    let orig = fk.target_span.text(cx.src);
                    p.replace(
                        fk.target_span.start as usize,
                        fk.target_span.end as usize,
                        requote(orig, &format!("{t}.{to}")),
                    );
                }
            }
        }
    }
    Ok(p)
}

fn all_columns<'m>(cx: &'m Ctx<'_>) -> impl Iterator<Item = &'m ColumnDef> {
    cx.model
        .classes
        .iter()
        .flat_map(|c| c.columns.iter())
        .chain(cx.model.tables.iter().flat_map(|t| t.columns.iter()))
}

pub(crate) fn delete_column(cx: &Ctx<'_>, class: &str, name: &str) -> Result<Patches, EditError> {
    let (_, col) = column(cx, class, name)?;
    let mut p = Patches::default();
    delete_lines(&mut p, cx.src, col.span);
    Ok(p)
}

/// Changes a column in place: each differing property is one small edit
/// (a keyword, the type, the FK target); the attribute is renamed last.
pub(crate) fn set_column(
    cx: &Ctx<'_>,
    class: &str,
    name: &str,
    spec: &ColumnSpec,
) -> Result<Patches, EditError> {
    check_type(&spec.type_)?;
    let (c, col) = column(cx, class, name)?;
    if spec.name != name {
        check_ident(&spec.name)?;
        if c.declares(&spec.name) {
            return Err(EditError::BadName(spec.name.clone()));
        }
    }
    let mut p = Patches::default();
    if col.call == ColumnCall::AnnotationOnly {
        // `x: Mapped[int]` has no call to edit: write the declaration anew.
        let line = column_line(cx, &mut p, true, &spec_line(spec));
        p.replace(col.span.start as usize, col.span.end as usize, line);
        return Ok(p);
    }
    let call = call_span(cx, col)?;
    let annotated = col.annotation.is_some();
    let ann_optional = col
        .annotation
        .as_ref()
        .is_some_and(|a| a.value.contains("Optional[") || a.value.contains("None"));
    // Keywords to drop, and to set (name, value).
    let mut drop: Vec<&str> = Vec::new();
    let mut set: Vec<(&str, &str)> = Vec::new();
    let flag = |on: bool, name: &'static str, drop: &mut Vec<&str>, set: &mut Vec<(&str, &str)>| {
        if on {
            set.push((name, "True"));
        } else {
            drop.push(name);
        }
    };
    if spec.primary_key != col.primary_key {
        flag(spec.primary_key, "primary_key", &mut drop, &mut set);
    }
    if spec.unique != col.unique {
        flag(spec.unique, "unique", &mut drop, &mut set);
    }
    let implied = if spec.primary_key {
        false
    } else if annotated {
        ann_optional
    } else {
        true
    };
    if spec.nullable != col.nullable || col.keywords.iter().any(|k| k.name == "nullable") {
        if spec.nullable == implied {
            drop.push("nullable");
        } else {
            set.push(("nullable", if spec.nullable { "True" } else { "False" }));
        }
    }
    // The type: in the call (legacy, or an explicit SQL type), and in the annotation.
    let type_in_call = col
        .type_
        .as_ref()
        .filter(|t| col.annotation.as_ref().map_or(true, |a| a.span != t.span));
    let (py, explicit) = python_type(&spec.type_);
    let mut insert_first: Vec<String> = Vec::new();
    if let Some(ann) = &col.annotation {
        let old_py = col
            .type_
            .as_ref()
            .filter(|t| t.span == ann.span)
            .map(|t| t.value.clone());
        let old_py = old_py.or_else(|| type_in_call.map(|t| python_type(&t.value).0.to_string()));
        if let Some(old) = old_py {
            if old != py {
                let text = replace_word(&ann.value, &old, py);
                p.replace(ann.span.start as usize, ann.span.end as usize, text);
            }
        }
    }
    match type_in_call {
        Some(t) if t.value != spec.type_ => {
            if annotated && !explicit {
                remove_arg(&mut p, cx.src, t.span);
            } else {
                cx.ensure_import(&mut p, "sqlalchemy", type_import(&spec.type_));
                p.replace(
                    t.span.start as usize,
                    t.span.end as usize,
                    spec.type_.clone(),
                );
            }
        }
        None if !annotated || explicit => {
            cx.ensure_import(&mut p, "sqlalchemy", type_import(&spec.type_));
            insert_first.push(spec.type_.clone());
        }
        _ => {}
    }
    // The foreign key.
    match (col.foreign_keys.first(), &spec.foreign_key) {
        (Some(fk), Some(t)) if &fk.target != t => {
            let orig = fk.target_span.text(cx.src);
            p.replace(
                fk.target_span.start as usize,
                fk.target_span.end as usize,
                requote(orig, t),
            );
        }
        (Some(fk), None) => remove_arg(&mut p, cx.src, fk.span),
        (None, Some(t)) => {
            cx.ensure_import(&mut p, "sqlalchemy", "ForeignKey");
            insert_first.push(format!("ForeignKey({})", cx.quote(t)));
        }
        _ => {}
    }
    // New positionals go after the type (or first); keywords after the last argument kept.
    let open = cx.src[call.start as usize..]
        .find('(')
        .map(|i| call.start as usize + i + 1)
        .ok_or(EditError::Unreadable("column"))?;
    if !insert_first.is_empty() {
        let after_type = type_in_call
            .filter(|t| t.value == spec.type_)
            .map(|t| t.span.end as usize);
        let inside = cx.src.get(open..(call.end as usize).saturating_sub(1));
        let has_args = !inside
            .ok_or(EditError::Unreadable("column"))?
            .trim()
            .is_empty();
        match after_type {
            Some(at) => p.insert(at, format!(", {}", insert_first.join(", "))),
            None if has_args => p.insert(open, format!("{}, ", insert_first.join(", "))),
            None => p.insert(open, insert_first.join(", ")),
        }
    }
    let kept_end = col
        .keywords
        .iter()
        .filter(|k| !drop.contains(&k.name.as_str()))
        .map(|k| k.span.end as usize)
        .chain(type_in_call.map(|t| t.span.end as usize))
        .chain(
            col.foreign_keys
                .iter()
                .filter(|_| spec.foreign_key.is_some())
                .map(|f| f.span.end as usize),
        )
        .max();
    for k in &col.keywords {
        if drop.contains(&k.name.as_str()) {
            remove_arg(&mut p, cx.src, k.span);
        }
    }
    for (name, value) in set {
        let kept: Vec<_> = col
            .keywords
            .iter()
            .filter(|k| !drop.contains(&k.name.as_str()))
            .cloned()
            .collect();
        set_keyword(
            &mut p,
            cx.src,
            call,
            &kept,
            kept_end.or(Some(open).filter(|_| !insert_first.is_empty())),
            name,
            value,
        )?;
    }
    if spec.name != name {
        let start = col.span.start as usize;
        if !cx.src[start..].starts_with(name) {
            return Err(EditError::Unreadable("column"));
        }
        p.replace(start, start + name.len(), spec.name.clone());
    }
    Ok(p)
}

/// The `Column(...)`/`mapped_column(...)` call inside a column statement.
fn call_span(cx: &Ctx<'_>, col: &ColumnDef) -> Result<crate::span::Span, EditError> {
    let stmt = col.span.text(cx.src);
    let name = if col.call == ColumnCall::Column {
        "Column("
    } else {
        "mapped_column("
    };
    let at = stmt.find(name).ok_or(EditError::Unreadable("column"))?;
    let start = col.span.start as usize + at;
    Ok(crate::span::Span {
        start: start as u32,
        ..col.span
    })
}

fn replace_word(text: &str, old: &str, new: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(old) {
        let before_ok = rest[..i]
            .chars()
            .last()
            .map_or(true, |c| !(c.is_alphanumeric() || c == '_'));
        let after_ok = rest[i + old.len()..]
            .chars()
            .next()
            .map_or(true, |c| !(c.is_alphanumeric() || c == '_'));
        out.push_str(&rest[..i]);
        out.push_str(if before_ok && after_ok { new } else { old });
        rest = &rest[i + old.len()..];
    }
    out.push_str(rest);
    out
}
