//! The model editor's edits: each [`Action`] becomes the smallest text edit
//! of the script that does it, planned from the parser's spans, so comments
//! and formatting elsewhere stay byte for byte, and written in the style the
//! script already uses (2.0 `Mapped[...]`/`mapped_column` or legacy
//! `Column`). A script edited here and one typed by hand are the same thing.
//!
//! Layout: `text.rs` patches and keyword/line operations, `ctx.rs` the parsed
//! script with lookups and imports, `decl.rs` new declarations in the
//! script's style, `relation.rs` edits of an existing relationship (sync,
//! uselist, lazy, cascade, moving the FK), `add.rs` new relationships by
//! kind, `models.rs` models and columns, `rename.rs` identifier renames.
//! Scenarios: `tests/lab/edits/*.py` (action in the header, `.after.py` beside).

mod add;
mod ctx;
mod decl;
mod models;
mod relation;
mod rename;
mod text;
mod variants;

pub use variants::{line_map, variants, LAZY};

use serde::{Deserialize, Serialize};

/// How the two sides of a relationship know each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sync {
    /// Both sides declared, each naming the other with `back_populates`.
    #[serde(rename = "back_populates")]
    BackPopulates,
    /// This side declared with `backref="other"`; the other side generated.
    #[serde(rename = "backref")]
    Backref,
    /// The other side declared with `backref="this"`.
    #[serde(rename = "backref-other")]
    BackrefOther,
    /// Each declared side on its own, unlinked: no sync in Python.
    #[serde(rename = "one-sided")]
    OneSided,
    /// No `relationship()` on either side.
    #[serde(rename = "none")]
    None,
}

impl Sync {
    pub const ALL: [Sync; 5] = [
        Sync::BackPopulates,
        Sync::Backref,
        Sync::BackrefOther,
        Sync::OneSided,
        Sync::None,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Sync::BackPopulates => "back_populates",
            Sync::Backref => "backref",
            Sync::BackrefOther => "backref-other",
            Sync::OneSided => "one-sided",
            Sync::None => "none",
        }
    }
    pub fn parse(s: &str) -> Option<Sync> {
        Sync::ALL.into_iter().find(|v| v.name() == s)
    }
}

/// The kinds of relationship the editor can add.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RelKind {
    OneToMany,
    ManyToOne,
    OneToOne,
    ManyToMany,
    AssociationObject,
    SelfReferential,
}

/// A column as the editor sets it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnSpec {
    pub name: String,
    /// `Integer`, `String`, `String(50)`, `Text`, `Boolean`, `Float`.
    #[serde(rename = "type")]
    pub type_: String,
    #[serde(default)]
    pub primary_key: bool,
    #[serde(default = "yes")]
    pub nullable: bool,
    #[serde(default)]
    pub unique: bool,
    /// `"table.column"`.
    #[serde(default)]
    pub foreign_key: Option<String>,
}

fn yes() -> bool {
    true
}

/// One edit. `rel` names a relationship as `"Class.attr"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// `other`: the other side's attribute when it has to be created.
    SetSync {
        rel: String,
        sync: Sync,
        #[serde(default)]
        other: Option<String>,
    },
    /// `None` removes `uselist=` (annotated scripts change the `Mapped[...]`).
    SetUselist {
        rel: String,
        uselist: Option<bool>,
    },
    SetLazy {
        rel: String,
        lazy: Option<String>,
    },
    SetCascade {
        rel: String,
        cascade: Option<String>,
    },
    /// Moves the foreign key to the other side's table.
    MoveForeignKey {
        rel: String,
    },
    AddRelationship {
        kind: RelKind,
        from: String,
        to: String,
        attr: String,
        /// The other side's attribute (`None`: one-sided).
        #[serde(default)]
        back: Option<String>,
    },
    AddModel {
        name: String,
        #[serde(default)]
        table: Option<String>,
    },
    RenameModel {
        name: String,
        to: String,
    },
    DeleteModel {
        name: String,
    },
    AddColumn {
        class: String,
        column: ColumnSpec,
    },
    /// Changes type, primary key, nullable, unique and FK target of a column.
    SetColumn {
        class: String,
        name: String,
        column: ColumnSpec,
    },
    RenameColumn {
        class: String,
        name: String,
        to: String,
    },
    DeleteColumn {
        class: String,
        name: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum EditError {
    /// The script does not parse, so its spans cannot be trusted.
    Syntax(String),
    NoClass(String),
    NoRelationship(String),
    NoColumn(String),
    /// A name that is not a Python identifier, or already taken.
    BadName(String),
    /// The edit needs something the script does not say (e.g. no primary key).
    Unsupported(String),
    /// Part of the script the edit would rewrite could not be read.
    Unreadable(&'static str),
    /// Two planned changes overlapped (a bug, reported instead of a guess).
    Conflict,
    /// The edited text did not parse (a bug, reported instead of returned).
    Broken(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::Syntax(m) => write!(f, "the script has a syntax error: {m}"),
            EditError::NoClass(c) => write!(f, "no mapped class {c}"),
            EditError::NoRelationship(r) => write!(f, "no relationship {r}"),
            EditError::NoColumn(c) => write!(f, "no column {c}"),
            EditError::BadName(n) => write!(f, "cannot use the name {n:?}"),
            EditError::Unsupported(m) => write!(f, "{m}"),
            EditError::Unreadable(w) => write!(f, "could not read the {w} to edit"),
            EditError::Conflict => write!(f, "the edit's changes overlap"),
            EditError::Broken(m) => write!(f, "the edit would break the script: {m}"),
        }
    }
}

/// Applies `action` to `source`, returning the whole edited script.
pub fn apply(source: &str, action: &Action) -> Result<String, EditError> {
    let cx = ctx::Ctx::new(source)?;
    let patches = match action {
        Action::SetSync { rel, sync, other } => relation::set_sync(&cx, rel, *sync, other)?,
        Action::SetUselist { rel, uselist } => relation::set_uselist(&cx, rel, *uselist)?,
        Action::SetLazy { rel, lazy } => relation::set_str_kw(&cx, rel, "lazy", lazy)?,
        Action::SetCascade { rel, cascade } => relation::set_str_kw(&cx, rel, "cascade", cascade)?,
        Action::MoveForeignKey { rel } => relation::move_fk(&cx, rel)?,
        Action::AddRelationship {
            kind,
            from,
            to,
            attr,
            back,
        } => add::relationship(&cx, *kind, from, to, attr, back.as_deref())?,
        Action::AddModel { name, table } => models::add_model(&cx, name, table.as_deref())?,
        Action::RenameModel { name, to } => models::rename_model(&cx, name, to)?,
        Action::DeleteModel { name } => models::delete_model(&cx, name)?,
        Action::AddColumn { class, column } => models::add_column(&cx, class, column)?,
        Action::SetColumn {
            class,
            name,
            column,
        } => models::set_column(&cx, class, name, column)?,
        Action::RenameColumn { class, name, to } => models::rename_column(&cx, class, name, to)?,
        Action::DeleteColumn { class, name } => models::delete_column(&cx, class, name)?,
    };
    let out = patches.apply(source)?;
    if let Err(e) = relplay_py::parse::parse_module(&out) {
        return Err(EditError::Broken(e.to_string()));
    }
    Ok(out)
}

/// A Python identifier that is not a keyword.
pub(crate) fn check_ident(name: &str) -> Result<(), EditError> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
        && !KEYWORDS.contains(&name);
    if ok {
        Ok(())
    } else {
        Err(EditError::BadName(name.to_string()))
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// A column as the editor shows it: the `Mapped[int]` Python type read back
/// as its SQL type, so a `SetColumn` built from it changes nothing else.
pub fn column_spec(col: &crate::model::ColumnDef) -> ColumnSpec {
    let t = col.type_.as_ref().map(|t| t.value.as_str()).unwrap_or("");
    let type_ = match t {
        "int" | "" => "Integer",
        "str" => "String",
        "bool" => "Boolean",
        "float" => "Float",
        other => other,
    };
    ColumnSpec {
        name: col.attr.clone().unwrap_or_else(|| col.name.clone()),
        type_: type_.to_string(),
        primary_key: col.primary_key,
        nullable: col.nullable,
        unique: col.unique,
        foreign_key: col.foreign_keys.first().map(|f| f.target.clone()),
    }
}

/// How a declared relationship is linked to its other side today.
pub fn sync_of(r: &crate::model::Relationship) -> Sync {
    if r.back_populates.is_some() {
        Sync::BackPopulates
    } else if r.backref.is_some() {
        Sync::Backref
    } else {
        Sync::OneSided
    }
}
