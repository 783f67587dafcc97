//! What the ER diagram shows, derived from the static model
//! (`relplay::model`): one box per table, the foreign keys between them,
//! and each relationship as a link with its two ends — a `back_populates`
//! pair, a `backref` pair (one end generated), or a one-sided declaration
//! whose other end is absent. Pure data, so layout and drawing are tested
//! natively.

use relplay::Model;
use relplay_lab::model::{Direction, Relationship, Value};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Diagram {
    pub tables: Vec<TableBox>,
    pub fks: Vec<FkEdge>,
    pub rels: Vec<RelLink>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableBox {
    pub name: String,
    /// The mapped class(es) on this table (`None` for a `Table(...)`).
    pub classes: Vec<String>,
    pub columns: Vec<Col>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Col {
    pub name: String,
    /// As written: `Integer`, `String(50)`, `int` (from `Mapped[int]`).
    pub type_: String,
    pub pk: bool,
    /// The FK target as written (`parent.id`), if any.
    pub fk: Option<String>,
    pub nullable: bool,
    pub unique: bool,
}

/// A foreign key from `from`'s column to table `to` (indices into `tables`).
#[derive(Clone, Debug, PartialEq)]
pub struct FkEdge {
    pub from: usize,
    pub column: String,
    pub to: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Both sides declared, each naming the other.
    BackPopulates,
    /// One side declared with `backref=`; the other end is generated.
    Backref,
    /// No other side: `b` is absent.
    OneSided,
    /// `back_populates` that the other side does not return (or names a
    /// missing attribute): drawn like one-sided, with the name it asked for.
    Mismatched,
}

impl Kind {
    pub fn class(self) -> &'static str {
        match self {
            Kind::BackPopulates => "back-populates",
            Kind::Backref => "backref",
            Kind::OneSided => "one-sided",
            Kind::Mismatched => "mismatched",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RelEnd {
    pub class: String,
    pub attr: String,
    /// The table box of `class`.
    pub table: usize,
    /// Holds a list (`uselist`), as far as it can be told statically.
    pub collection: Option<bool>,
    /// `uselist=False` written explicitly.
    pub uselist_false: bool,
    /// `lazy=` when not the default `select`.
    pub lazy: Option<String>,
    /// Created by the other side's `backref=`.
    pub generated: bool,
    /// Byte range of the code that declares this end.
    pub span: (u32, u32),
}

impl RelEnd {
    pub fn key(&self) -> String {
        format!("{}.{}", self.class, self.attr)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct RelLink {
    pub kind: Kind,
    pub a: RelEnd,
    /// The other end; `None` when absent (one-sided or mismatched).
    pub b: Option<RelEnd>,
    /// The table the link points at (`b`'s table when present).
    pub target: usize,
    /// The class `a` points at.
    pub target_class: String,
    /// For a mismatched `back_populates`: the attribute it names.
    pub wanted: Option<String>,
    /// The association table of a many-to-many.
    pub secondary: Option<usize>,
    pub direction: Option<Direction>,
}

impl Diagram {
    pub fn from_model(m: &Model) -> Diagram {
        let mut d = Diagram::default();
        collect_tables(m, &mut d);
        collect_fks(m, &mut d);
        collect_rels(m, &mut d);
        d
    }

    pub fn table_index(&self, name: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.name == name)
    }

    /// Every relationship end drawn, as `Class.attr` (absent ends excluded).
    #[cfg(test)]
    pub fn ends(&self) -> Vec<String> {
        let mut v = Vec::new();
        for r in &self.rels {
            v.push(r.a.key());
            if let Some(b) = &r.b {
                v.push(b.key());
            }
        }
        v
    }
}

fn col_of(c: &relplay_lab::model::ColumnDef) -> Col {
    Col {
        name: c.name.clone(),
        type_: c
            .type_
            .as_ref()
            .map(|t| t.value.clone())
            .unwrap_or_default(),
        pk: c.primary_key,
        fk: c.foreign_keys.first().map(|f| f.target.clone()),
        nullable: c.nullable,
        unique: c.unique,
    }
}

fn collect_tables(m: &Model, d: &mut Diagram) {
    for c in &m.classes {
        if c.is_abstract {
            continue;
        }
        let Some(table) = m.table_of(&c.name) else {
            continue;
        };
        let i = match d.table_index(table) {
            Some(i) => i,
            None => {
                d.tables.push(TableBox {
                    name: table.to_string(),
                    classes: Vec::new(),
                    columns: Vec::new(),
                });
                d.tables.len() - 1
            }
        };
        let t = &mut d.tables[i];
        t.classes.push(c.name.clone());
        for col in &c.columns {
            if !t.columns.iter().any(|x| x.name == col.name) {
                t.columns.push(col_of(col));
            }
        }
    }
    for t in &m.tables {
        if d.table_index(&t.name.value).is_none() {
            d.tables.push(TableBox {
                name: t.name.value.clone(),
                classes: Vec::new(),
                columns: t.columns.iter().map(col_of).collect(),
            });
        }
    }
}

/// The table an FK target names: `"parent.id"`, or `Parent.id` (a class).
fn fk_table(m: &Model, d: &Diagram, fk: &relplay_lab::model::ForeignKeyRef) -> Option<usize> {
    if let Some(t) = &fk.table {
        if let Some(i) = d.table_index(t) {
            return Some(i);
        }
    }
    let cls = fk.target.split('.').next()?;
    d.table_index(m.table_of(cls)?)
}

fn collect_fks(m: &Model, d: &mut Diagram) {
    let mut edges = Vec::new();
    let mut add = |from: usize, cols: &[relplay_lab::model::ColumnDef], d: &Diagram| {
        for c in cols {
            for fk in &c.foreign_keys {
                if let Some(to) = fk_table(m, d, fk) {
                    let e = FkEdge {
                        from,
                        column: c.name.clone(),
                        to,
                    };
                    if !edges.contains(&e) {
                        edges.push(e);
                    }
                }
            }
        }
    };
    for c in &m.classes {
        if let Some(from) = m.table_of(&c.name).and_then(|t| d.table_index(t)) {
            add(from, &c.columns, d);
        }
    }
    for t in &m.tables {
        if let Some(from) = d.table_index(&t.name.value) {
            add(from, &t.columns, d);
        }
    }
    d.fks = edges;
}

fn lazy_of(r: &Relationship) -> Option<String> {
    match r.lazy_strategy() {
        Some("select") => None,
        Some(s) => Some(s.to_string()),
        None => r.lazy.as_ref().map(|a| a.text.clone()),
    }
}

fn end_of(m: &Model, d: &Diagram, r: &Relationship) -> Option<RelEnd> {
    let table = d.table_index(m.table_of(&r.owner)?)?;
    let uselist = r.uselist.as_ref().and_then(|a| a.as_bool());
    let collection = uselist.or_else(|| {
        if r.declared_collection() {
            return Some(true);
        }
        if r.annotation.is_some() {
            return Some(false); // `Mapped["Parent"]`: a scalar
        }
        match m.direction(r)? {
            Direction::ManyToOne => Some(false),
            Direction::OneToMany | Direction::ManyToMany => Some(true),
        }
    });
    Some(RelEnd {
        class: r.owner.clone(),
        attr: r.attr.clone(),
        table,
        collection,
        uselist_false: uselist == Some(false),
        lazy: lazy_of(r),
        generated: false,
        span: (r.span.start, r.span.end),
    })
}

/// The end a `backref=` creates on the target class.
fn generated_end(m: &Model, r: &Relationship, target: &str, table: usize) -> Option<RelEnd> {
    let br = r.backref.as_ref()?;
    let kw = |name: &str| br.keywords.iter().find(|k| k.name == name);
    let uselist = kw("uselist").and_then(|k| k.arg.as_bool());
    let collection = uselist.or(match m.direction(r) {
        Some(Direction::OneToMany) => Some(false),
        Some(Direction::ManyToOne | Direction::ManyToMany) => Some(true),
        None => None,
    });
    let lazy = kw("lazy").map(|k| match &k.arg.value {
        Value::Str(s) => s.clone(),
        _ => k.arg.text.clone(),
    });
    Some(RelEnd {
        class: target.to_string(),
        attr: br.name.clone(),
        table,
        collection,
        uselist_false: uselist == Some(false),
        lazy: lazy.filter(|l| l != "select"),
        generated: true,
        span: (br.span.start, br.span.end),
    })
}

fn secondary_of(m: &Model, d: &Diagram, r: &Relationship) -> Option<usize> {
    let arg = r.secondary.as_ref()?;
    let name = match &arg.value {
        Value::Str(s) | Value::Name(s) | Value::Lambda(s) => s.trim(),
        _ => arg.text.trim(),
    };
    let t = m.table(name)?;
    d.table_index(&t.name.value)
}

fn collect_rels(m: &Model, d: &mut Diagram) {
    let all: Vec<&Relationship> = m.classes.iter().flat_map(|c| &c.relationships).collect();
    let mut done = vec![false; all.len()];
    let mut rels = Vec::new();
    for (i, r) in all.iter().enumerate() {
        if done[i] {
            continue;
        }
        done[i] = true;
        let Some(a) = end_of(m, d, r) else { continue };
        let target_class = r.target_class().unwrap_or("");
        let Some(target) = m.table_of(target_class).and_then(|t| d.table_index(t)) else {
            continue;
        };
        let mut link = RelLink {
            kind: Kind::OneSided,
            a,
            b: None,
            target,
            target_class: target_class.to_string(),
            wanted: None,
            secondary: secondary_of(m, d, r),
            direction: m.direction(r),
        };
        if let Some(bp) = r.back_populates.as_ref().and_then(|a| a.as_str()) {
            // The other side, if it names us back.
            let other = all.iter().position(|o| {
                o.owner == target_class
                    && o.attr == bp
                    && o.back_populates.as_ref().and_then(|a| a.as_str()) == Some(r.attr.as_str())
                    && o.target_class() == Some(r.owner.as_str())
            });
            match other.and_then(|j| Some((j, end_of(m, d, all[j])?))) {
                Some((j, b)) => {
                    done[j] = true;
                    link.kind = Kind::BackPopulates;
                    link.b = Some(b);
                }
                None => {
                    link.kind = Kind::Mismatched;
                    link.wanted = Some(bp.to_string());
                }
            }
        } else if r.backref.is_some() {
            if let Some(b) = generated_end(m, r, target_class, target) {
                link.kind = Kind::Backref;
                link.b = Some(b);
            }
        }
        rels.push(link);
    }
    d.rels = rels;
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub const BACK_POPULATES: &str = r#"
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship
Base = declarative_base()

class Parent(Base):
    __tablename__ = "parent"
    id = Column(Integer, primary_key=True)
    name = Column(String(20))
    children = relationship("Child", back_populates="parent", lazy="joined")

class Child(Base):
    __tablename__ = "child"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("parent.id"))
    parent = relationship("Parent", back_populates="children")
"#;

    pub fn diagram(src: &str) -> Diagram {
        Diagram::from_model(&relplay::model(src).expect("model"))
    }

    #[test]
    fn back_populates_pair() {
        let d = diagram(BACK_POPULATES);
        let names: Vec<&str> = d.tables.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["parent", "child"]);
        assert_eq!(d.tables[0].classes, ["Parent"]);
        assert!(d.tables[0].columns[0].pk);
        assert_eq!(d.tables[1].columns[1].fk.as_deref(), Some("parent.id"));
        assert_eq!(
            d.fks,
            [FkEdge {
                from: 1,
                column: "parent_id".into(),
                to: 0
            }]
        );
        assert_eq!(d.rels.len(), 1);
        let r = &d.rels[0];
        assert_eq!(r.kind, Kind::BackPopulates);
        assert_eq!(r.a.key(), "Parent.children");
        assert_eq!(r.a.collection, Some(true));
        assert_eq!(r.a.lazy.as_deref(), Some("joined"));
        let b = r.b.as_ref().unwrap();
        assert_eq!(b.key(), "Child.parent");
        assert_eq!(b.collection, Some(false));
        assert_eq!(d.ends(), ["Parent.children", "Child.parent"]);
        // The span is the declaring statement.
        let (s, e) = r.a.span;
        assert!(BACK_POPULATES[s as usize..e as usize].starts_with("children = relationship("));
    }

    #[test]
    fn backref_generated_end() {
        let src = BACK_POPULATES
            .replace(
                r#"relationship("Child", back_populates="parent", lazy="joined")"#,
                r#"relationship("Child", backref=backref("parent", uselist=False))"#,
            )
            .replace(
                r#"    parent = relationship("Parent", back_populates="children")"#,
                "",
            );
        let d = diagram(&src);
        let r = &d.rels[0];
        assert_eq!(r.kind, Kind::Backref);
        let b = r.b.as_ref().unwrap();
        assert!(b.generated && b.uselist_false);
        assert_eq!(b.key(), "Child.parent");
        assert_eq!(b.table, 1);
    }

    #[test]
    fn one_sided_and_mismatched() {
        let src = BACK_POPULATES
            .replace(r#", back_populates="parent", lazy="joined""#, "")
            .replace(r#"back_populates="children""#, r#"back_populates="kids""#);
        let d = diagram(&src);
        assert_eq!(d.rels.len(), 2);
        assert_eq!(d.rels[0].kind, Kind::OneSided);
        assert!(d.rels[0].b.is_none());
        assert_eq!(d.rels[0].target, 1);
        assert_eq!(d.rels[1].kind, Kind::Mismatched);
        assert_eq!(d.rels[1].wanted.as_deref(), Some("kids"));
        assert_eq!(d.ends(), ["Parent.children", "Child.parent"]);
    }

    #[test]
    fn many_to_many_through_table() {
        let src = r#"
from sqlalchemy import Column, ForeignKey, Integer, Table
from sqlalchemy.orm import declarative_base, relationship
Base = declarative_base()
assoc = Table("assoc", Base.metadata,
    Column("l", Integer, ForeignKey("left.id"), primary_key=True),
    Column("r", Integer, ForeignKey("right.id"), primary_key=True))
class L(Base):
    __tablename__ = "left"
    id = Column(Integer, primary_key=True)
    rs = relationship("R", secondary=assoc, back_populates="ls")
class R(Base):
    __tablename__ = "right"
    id = Column(Integer, primary_key=True)
    ls = relationship("L", secondary="assoc", back_populates="rs")
"#;
        let d = diagram(src);
        assert_eq!(d.table_index("assoc"), Some(2));
        assert_eq!(d.fks.len(), 2);
        assert_eq!(d.rels.len(), 1);
        assert_eq!(d.rels[0].secondary, Some(2));
        assert_eq!(d.rels[0].direction, Some(Direction::ManyToMany));
        assert_eq!(d.rels[0].b.as_ref().unwrap().collection, Some(true));
    }
}
