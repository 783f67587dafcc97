//! New declarations written in the script's style: a relationship line,
//! a column line, the relationship keywords of a side.

use super::ctx::Ctx;
use super::text::Patches;

/// A new `relationship()` member of `class`: `attr` pointing at `target`,
/// a collection or not, with extra keyword arguments (already rendered).
pub(crate) fn relationship_line(
    cx: &Ctx<'_>,
    p: &mut Patches,
    annotated: bool,
    attr: &str,
    target: &str,
    collection: bool,
    kwargs: &[(String, String)],
) -> String {
    cx.ensure_import(p, "sqlalchemy.orm", "relationship");
    let kw: Vec<String> = kwargs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    if annotated {
        cx.ensure_import(p, "sqlalchemy.orm", "Mapped");
        let inner = cx.quote(target);
        let ann = if collection {
            let list = cx.list_name();
            if list == "List" {
                cx.ensure_import(p, "typing", "List");
            }
            format!("{list}[{inner}]")
        } else {
            inner
        };
        format!("{attr}: Mapped[{ann}] = relationship({})", kw.join(", "))
    } else {
        let mut args = vec![cx.quote(target)];
        args.extend(kw);
        format!("{attr} = relationship({})", args.join(", "))
    }
}

/// The Python type `Mapped[...]` uses for a SQL type, and whether the SQL
/// type must still be given to `mapped_column` (lengths, `Text`).
pub(crate) fn python_type(sql: &str) -> (&'static str, bool) {
    let head = sql.split('(').next().unwrap_or(sql).trim();
    let py = match head {
        "Integer" | "BigInteger" | "SmallInteger" => "int",
        "Boolean" => "bool",
        "Float" | "Numeric" => "float",
        _ => "str",
    };
    let explicit = sql.contains('(') || !matches!(head, "Integer" | "Boolean" | "Float" | "String");
    (py, explicit)
}

/// The SQL type name a `ColumnSpec.type` needs imported.
pub(crate) fn type_import(sql: &str) -> &str {
    sql.split('(').next().unwrap_or(sql).trim()
}

pub(crate) struct ColumnLine<'s> {
    pub attr: &'s str,
    pub type_: &'s str,
    pub primary_key: bool,
    pub nullable: bool,
    pub unique: bool,
    pub foreign_key: Option<&'s str>,
}

/// A new column member in the class's style, importing what it uses.
pub(crate) fn column_line(
    cx: &Ctx<'_>,
    p: &mut Patches,
    annotated: bool,
    c: &ColumnLine<'_>,
) -> String {
    let mut args: Vec<String> = Vec::new();
    let (py, explicit) = python_type(c.type_);
    if !annotated || explicit {
        cx.ensure_import(p, "sqlalchemy", type_import(c.type_));
        args.push(c.type_.to_string());
    }
    if let Some(fk) = c.foreign_key {
        cx.ensure_import(p, "sqlalchemy", "ForeignKey");
        args.push(format!("ForeignKey({})", cx.quote(fk)));
    }
    if c.primary_key {
        args.push("primary_key=True".into());
    }
    if c.unique {
        args.push("unique=True".into());
    }
    if annotated {
        cx.ensure_import(p, "sqlalchemy.orm", "Mapped");
        cx.ensure_import(p, "sqlalchemy.orm", "mapped_column");
        // Optional[...] is how 2.0 spells nullable; keep imports minimal
        // by writing nullable= only when the annotation cannot say it.
        let opt = c.nullable && !c.primary_key;
        let ann = if opt {
            if cx.src.contains("Optional[") {
                cx.ensure_import(p, "typing", "Optional");
                format!("Optional[{py}]")
            } else {
                args.push("nullable=True".into());
                py.to_string()
            }
        } else {
            py.to_string()
        };
        format!(
            "{}: Mapped[{ann}] = mapped_column({})",
            c.attr,
            args.join(", ")
        )
    } else {
        cx.ensure_import(p, "sqlalchemy", "Column");
        if !c.nullable && !c.primary_key {
            args.push("nullable=False".into());
        }
        format!("{} = Column({})", c.attr, args.join(", "))
    }
}
