//! What a script declares, read from its syntax tree alone (nothing runs):
//! declarative bases, mapped classes, their columns and relationships, and
//! `Table(...)` association tables. Every item keeps its spans so the model
//! editor can rewrite exact text; shapes we do not understand are kept as
//! [`Opaque`] instead of being guessed.

mod annotation;
mod class;
mod column;
mod direction;
pub(crate) mod expr;
mod reader;
mod relationship;
mod table;

pub use direction::Direction;
pub use reader::read_module;

use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub bases: Vec<DeclarativeBase>,
    pub classes: Vec<MappedClass>,
    pub tables: Vec<TableDef>,
    /// Module-level statements that look like SQLAlchemy but that we could not read.
    pub opaque: Vec<Opaque>,
}

/// How a declarative base was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseKind {
    /// `class Base(DeclarativeBase)` (2.0 style).
    DeclarativeBaseClass,
    /// `Base = declarative_base(...)`; `module` is where it was imported from
    /// (`sqlalchemy.orm`, or the 1.x `sqlalchemy.ext.declarative`), if known.
    DeclarativeBaseFunction { module: Option<String> },
    /// `Base = registry().generate_base()`.
    RegistryGenerateBase,
    /// `@as_declarative() class Base: ...`.
    AsDeclarative,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeclarativeBase {
    pub name: String,
    pub kind: BaseKind,
    pub span: Span,
    /// `declarative_base(bind=...)`: the 1.x argument 2.x rejects.
    pub bind: Option<Arg>,
}

/// How a class declares its columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// `Mapped[...]` / `mapped_column()` (2.0).
    Annotated,
    /// `Column(...)` (1.x declarative).
    Legacy,
    Mixed,
    /// No columns of its own (e.g. single-table inheritance).
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MappedClass {
    pub name: String,
    pub name_span: Span,
    pub span: Span,
    /// Base classes as written (`Base`, `Parent`, `mixins.Timestamps`).
    pub bases: Vec<String>,
    pub tablename: Option<Located<String>>,
    pub style: Style,
    /// `__abstract__ = True`.
    pub is_abstract: bool,
    pub columns: Vec<ColumnDef>,
    pub relationships: Vec<Relationship>,
    /// Other attribute names the class defines (methods, properties,
    /// `column_property`, ...): a backref of the same name would clash.
    pub other_attrs: Vec<Located<String>>,
    /// Single-column unique constraints from `__table_args__`.
    pub unique_constraints: Vec<Vec<String>>,
    /// `__table_args__` we could not fully read.
    pub opaque: Vec<Opaque>,
}

impl MappedClass {
    pub fn column(&self, name: &str) -> Option<&ColumnDef> {
        self.columns
            .iter()
            .find(|c| c.attr.as_deref() == Some(name) || c.name == name)
    }
    pub fn relationship(&self, attr: &str) -> Option<&Relationship> {
        self.relationships.iter().find(|r| r.attr == attr)
    }
    /// Whether the class declares an attribute of that name in any form.
    pub fn declares(&self, attr: &str) -> bool {
        self.relationship(attr).is_some()
            || self.columns.iter().any(|c| c.attr.as_deref() == Some(attr))
            || self.other_attrs.iter().any(|a| a.value == attr)
    }
}

/// A value with the span of its source text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// A literal-ish argument value, as far as it can be read statically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Value {
    Str(String),
    Bool(bool),
    Int(i64),
    None,
    /// A (dotted) name: `association_table`, `Parent.id`.
    Name(String),
    /// `lambda: body`: the body's text.
    Lambda(String),
    /// A call, list, tuple or other expression: see `Arg::text`.
    Other,
}

/// A keyword (or positional) argument: its value, its exact text and span.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Arg {
    pub value: Value,
    pub text: String,
    pub span: Span,
}

impl Arg {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

/// A keyword argument by name, with the span of the whole `name=value`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KwArg {
    pub name: String,
    pub arg: Arg,
    pub span: Span,
}

/// Which call declared a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnCall {
    Column,
    MappedColumn,
    /// `name: Mapped[int]` with no right-hand side.
    AnnotationOnly,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnDef {
    /// The column's name in the table (the attribute name unless given).
    pub name: String,
    /// The class attribute (`None` for a `Table(...)` column).
    pub attr: Option<String>,
    pub call: ColumnCall,
    /// The declaration statement (or the `Column(...)` call inside a `Table`).
    pub span: Span,
    /// The type as written: `Integer`, `String(50)`, or `int` from `Mapped[int]`.
    pub type_: Option<Located<String>>,
    /// The `Mapped[...]` annotation, if any.
    pub annotation: Option<Located<String>>,
    pub primary_key: bool,
    /// Effective nullability: explicit `nullable=`, else `Optional[...]`/
    /// `| None` in the annotation, else SQLAlchemy's default.
    pub nullable: bool,
    pub unique: bool,
    pub foreign_keys: Vec<ForeignKeyRef>,
    pub keywords: Vec<KwArg>,
}

/// `ForeignKey("table.column")`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForeignKeyRef {
    /// The target as written (`"users.id"`, or the text of `User.id`).
    pub target: String,
    /// The table part of a string target (everything before the last dot).
    pub table: Option<String>,
    pub column: Option<String>,
    /// The span of the target argument (the string literal).
    pub target_span: Span,
    /// The span of the whole `ForeignKey(...)` call.
    pub span: Span,
}

/// `association = Table("association", Base.metadata, Column(...), ...)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TableDef {
    /// The Python name it is assigned to.
    pub var: Option<String>,
    pub name: Located<String>,
    pub span: Span,
    pub metadata: Option<String>,
    pub columns: Vec<ColumnDef>,
    /// Arguments we could not read (constraints, `autoload_with`, ...).
    pub opaque: Vec<Opaque>,
}

/// What `relationship()` points at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Target {
    /// `relationship("Child")`.
    Str(String),
    /// `relationship(Child)`.
    Name(String),
    /// `relationship(lambda: Child)`: the body's text.
    Lambda(String),
    /// Only from the annotation: `Mapped[List["Child"]] = relationship()`.
    Annotation(String),
    Opaque(String),
}

impl Target {
    /// The class name this most likely resolves to (last dotted segment).
    pub fn class_name(&self) -> Option<&str> {
        let s = match self {
            Target::Str(s) | Target::Name(s) | Target::Lambda(s) | Target::Annotation(s) => s,
            Target::Opaque(_) => return None,
        };
        let last = s.rsplit('.').next().unwrap_or(s).trim();
        let ok = !last.is_empty() && last.chars().all(|c| c.is_alphanumeric() || c == '_');
        ok.then_some(last)
    }
}

/// The `Mapped[...]` annotation of a relationship.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelAnnotation {
    pub text: String,
    pub span: Span,
    /// `List`, `list`, `Set`, `set`, `WriteOnlyMapped`, ... when it is a collection.
    pub collection: Option<String>,
    pub optional: bool,
    /// The class inside, as written (`Child` from `List["Child"]`).
    pub inner: Option<String>,
}

/// `backref="name"` or `backref=backref("name", ...)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backref {
    pub name: String,
    /// The name's string literal.
    pub name_span: Span,
    /// The whole value of the `backref=` keyword.
    pub span: Span,
    pub keywords: Vec<KwArg>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relationship {
    pub owner: String,
    pub attr: String,
    /// The whole declaration statement.
    pub span: Span,
    pub attr_span: Span,
    /// The `relationship(...)` call.
    pub call_span: Span,
    pub target: Option<Located<Target>>,
    pub annotation: Option<RelAnnotation>,
    pub back_populates: Option<Arg>,
    pub backref: Option<Backref>,
    pub uselist: Option<Arg>,
    pub secondary: Option<Arg>,
    pub lazy: Option<Arg>,
    pub cascade: Option<Arg>,
    pub viewonly: Option<Arg>,
    pub foreign_keys: Option<Arg>,
    pub remote_side: Option<Arg>,
    pub primaryjoin: Option<Arg>,
    pub secondaryjoin: Option<Arg>,
    pub order_by: Option<Arg>,
    /// Every keyword argument, including those above.
    pub keywords: Vec<KwArg>,
}

impl Relationship {
    pub fn target_class(&self) -> Option<&str> {
        self.target.as_ref().and_then(|t| t.value.class_name())
    }
    pub fn is_viewonly(&self) -> bool {
        self.viewonly.as_ref().and_then(Arg::as_bool) == Some(true)
    }
    /// The `lazy=` strategy as SQLAlchemy normalises it (`True` → select,
    /// `False` → joined, `None` → noload); `select` when not given.
    pub fn lazy_strategy(&self) -> Option<&str> {
        match self.lazy.as_ref().map(|a| &a.value) {
            None => Some("select"),
            Some(Value::Bool(true)) => Some("select"),
            Some(Value::Bool(false)) => Some("joined"),
            Some(Value::None) => Some("noload"),
            Some(Value::Str(s)) => Some(s.as_str()),
            Some(_) => None,
        }
    }
    /// `Mapped[List[...]]` or `uselist=True`: declared as a collection.
    pub fn declared_collection(&self) -> bool {
        self.annotation
            .as_ref()
            .is_some_and(|a| a.collection.is_some())
            || self.uselist.as_ref().and_then(Arg::as_bool) == Some(true)
    }
    pub fn keyword(&self, name: &str) -> Option<&KwArg> {
        self.keywords.iter().find(|k| k.name == name)
    }
}

/// A declaration we recognised as SQLAlchemy but could not read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Opaque {
    pub what: String,
    pub text: String,
    pub span: Span,
}

impl Model {
    pub fn class(&self, name: &str) -> Option<&MappedClass> {
        self.classes.iter().find(|c| c.name == name)
    }
    /// The table a class maps to, following single-table inheritance.
    pub fn table_of(&self, class: &str) -> Option<&str> {
        let mut cur = self.class(class)?;
        for _ in 0..32 {
            if let Some(t) = &cur.tablename {
                return Some(&t.value);
            }
            cur = cur.bases.iter().find_map(|b| self.class(b))?;
        }
        None
    }
    /// Whether every mapped class's table name is known: no `__table__`,
    /// no `@declared_attr __tablename__`, no unreadable `Table(...)`. Only
    /// then can a table name be called missing.
    pub fn all_tables_known(&self) -> bool {
        self.opaque.iter().all(|o| o.what != "Table")
            && self.classes.iter().all(|c| {
                c.is_abstract
                    || (self.table_of(&c.name).is_some()
                        && !c.other_attrs.iter().any(|a| a.value == "__tablename__")
                        && !c.opaque.iter().any(|o| o.what.starts_with("__table")))
            })
    }

    /// Every table name the script declares (classes and `Table(...)`).
    pub fn table_names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .classes
            .iter()
            .filter_map(|c| c.tablename.as_ref().map(|t| t.value.as_str()))
            .collect();
        v.extend(self.tables.iter().map(|t| t.name.value.as_str()));
        v
    }
    pub fn table(&self, var_or_name: &str) -> Option<&TableDef> {
        self.tables
            .iter()
            .find(|t| t.var.as_deref() == Some(var_or_name))
            .or_else(|| self.tables.iter().find(|t| t.name.value == var_or_name))
    }
    /// Columns of a table, whichever way it was declared; `None` when a
    /// class on it has parts we could not read (then no "missing" verdicts).
    pub fn columns_of_table(&self, table: &str) -> Option<Vec<&ColumnDef>> {
        if let Some(t) = self.tables.iter().find(|t| t.name.value == table) {
            return t.opaque.is_empty().then(|| t.columns.iter().collect());
        }
        let owner = self
            .classes
            .iter()
            .find(|c| c.tablename.as_ref().is_some_and(|t| t.value == table))?;
        let mut cols: Vec<&ColumnDef> = Vec::new();
        for c in &self.classes {
            let on_table = c.name == owner.name
                || (c.tablename.is_none() && self.table_of(&c.name) == Some(table));
            if on_table {
                if !c.opaque.is_empty() {
                    return None;
                }
                cols.extend(c.columns.iter());
            }
        }
        // Columns from mixins or bases we cannot see make the list incomplete.
        let known_bases = owner
            .bases
            .iter()
            .all(|b| self.class(b).is_some() || self.bases.iter().any(|d| &d.name == b));
        known_bases.then_some(cols)
    }
    /// Foreign keys from `from_table` whose target is `to_table`.
    pub fn fks_between(
        &self,
        from_table: &str,
        to_table: &str,
    ) -> Vec<(&ColumnDef, &ForeignKeyRef)> {
        let mut out = Vec::new();
        let cols: Vec<&ColumnDef> =
            if let Some(t) = self.tables.iter().find(|t| t.name.value == from_table) {
                t.columns.iter().collect()
            } else {
                self.classes
                    .iter()
                    .filter(|c| self.table_of(&c.name) == Some(from_table))
                    .flat_map(|c| c.columns.iter())
                    .collect()
            };
        for c in cols {
            for fk in &c.foreign_keys {
                if fk.table.as_deref() == Some(to_table) || fk_names_class_of(self, fk, to_table) {
                    out.push((c, fk));
                }
            }
        }
        out
    }
}

/// `ForeignKey(User.id)`: an expression target naming a class on `table`.
fn fk_names_class_of(model: &Model, fk: &ForeignKeyRef, table: &str) -> bool {
    fk.table.is_none()
        && fk
            .target
            .split('.')
            .next()
            .is_some_and(|cls| model.table_of(cls) == Some(table))
}
