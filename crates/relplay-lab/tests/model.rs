//! The static model read from the gallery scripts: bases, tables, columns,
//! relationships and the spans the model editor will rewrite.

use relplay_lab::model::{BaseKind, ColumnCall, Model, Style, Target, Value};
use relplay_lab::read_model;
use std::fs;
use std::path::Path;

fn gallery(id: &str) -> (String, Model) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../tests/gallery/{id}.py"));
    let src = fs::read_to_string(path).unwrap();
    let model = read_model(&src).unwrap_or_else(|l| panic!("{id}: {}", l.message));
    (src, model)
}

#[test]
fn one_to_many_annotated() {
    let (src, m) = gallery("one_to_many");
    assert_eq!(m.bases.len(), 1);
    assert_eq!(m.bases[0].name, "Base");
    assert_eq!(m.bases[0].kind, BaseKind::DeclarativeBaseClass);
    let names: Vec<&str> = m.classes.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Parent", "Child"]);
    let parent = m.class("Parent").unwrap();
    assert_eq!(parent.style, Style::Annotated);
    assert_eq!(parent.tablename.as_ref().unwrap().value, "parent");
    assert_eq!(
        parent.tablename.as_ref().unwrap().span.text(&src),
        "\"parent\""
    );
    let id = parent.column("id").unwrap();
    assert!(id.primary_key && !id.nullable);
    assert_eq!(id.type_.as_ref().unwrap().value, "int");
    assert_eq!(
        parent.column("name").unwrap().type_.as_ref().unwrap().value,
        "String(30)"
    );

    let children = parent.relationship("children").unwrap();
    assert_eq!(
        children.target.as_ref().unwrap().value,
        Target::Annotation("Child".into())
    );
    assert_eq!(children.target_class(), Some("Child"));
    let ann = children.annotation.as_ref().unwrap();
    assert_eq!(ann.collection.as_deref(), Some("List"));
    assert_eq!(ann.text, "Mapped[List[\"Child\"]]");
    let bp = children.back_populates.as_ref().unwrap();
    assert_eq!(bp.value, Value::Str("parent".into()));
    assert_eq!(bp.span.text(&src), "\"parent\"");
    assert_eq!(bp.span.line, 18);
    assert_eq!(children.span.line, 18);
    assert_eq!(
        children.call_span.text(&src),
        "relationship(back_populates=\"parent\")"
    );
    assert_eq!(children.attr_span.text(&src), "children");

    let child = m.class("Child").unwrap();
    let fk_col = child.column("parent_id").unwrap();
    assert!(fk_col.nullable, "Optional[int] is nullable");
    assert_eq!(fk_col.call, ColumnCall::MappedColumn);
    assert_eq!(fk_col.foreign_keys[0].table.as_deref(), Some("parent"));
    assert_eq!(fk_col.foreign_keys[0].column.as_deref(), Some("id"));
    assert_eq!(
        fk_col.foreign_keys[0].target_span.text(&src),
        "\"parent.id\""
    );
    let parent_rel = child.relationship("parent").unwrap();
    assert!(parent_rel.annotation.as_ref().unwrap().optional);
    assert!(parent_rel.annotation.as_ref().unwrap().collection.is_none());
    assert_eq!(m.fks_between("child", "parent").len(), 1);
}

#[test]
fn legacy_columns_and_backref() {
    let (src, m) = gallery("person_offences");
    assert_eq!(
        m.bases[0].kind,
        BaseKind::DeclarativeBaseFunction {
            module: Some("sqlalchemy.orm".into())
        }
    );
    let person = m.class("Person").unwrap();
    assert_eq!(person.style, Style::Legacy);
    let id = person.column("id").unwrap();
    assert_eq!(
        id.type_.as_ref().unwrap().value,
        "Integer",
        "Sequence(...) is not the type"
    );
    assert!(id.primary_key);
    let offences = person.relationship("offences").unwrap();
    assert_eq!(
        offences.target.as_ref().unwrap().value,
        Target::Str("Offence".into())
    );
    assert_eq!(
        offences.target.as_ref().unwrap().span.text(&src),
        "\"Offence\""
    );
    let br = offences.backref.as_ref().unwrap();
    assert_eq!(br.name, "person");
    assert_eq!(br.name_span.text(&src), "\"person\"");
    assert_eq!(offences.lazy.as_ref().unwrap().value, Value::Bool(true));
    assert_eq!(offences.lazy_strategy(), Some("select"));
    assert_eq!(
        offences
            .keywords
            .iter()
            .map(|k| k.name.as_str())
            .collect::<Vec<_>>(),
        ["backref", "lazy"]
    );
    assert_eq!(offences.keywords[1].span.text(&src), "lazy=True");
}

#[test]
fn association_table_and_secondary() {
    let (src, m) = gallery("many_to_many_table");
    assert_eq!(m.tables.len(), 1);
    let t = &m.tables[0];
    assert_eq!(t.var.as_deref(), Some("association_table"));
    assert_eq!(t.name.value, "association");
    assert_eq!(t.metadata.as_deref(), Some("Base.metadata"));
    let cols: Vec<(&str, Option<&str>)> = t
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.foreign_keys[0].table.as_deref()))
        .collect();
    assert_eq!(
        cols,
        [("left_id", Some("left")), ("right_id", Some("right"))]
    );
    assert_eq!(t.span.line, 8);
    let children = m.class("Parent").unwrap().relationship("children").unwrap();
    let sec = children.secondary.as_ref().unwrap();
    assert_eq!(sec.value, Value::Name("association_table".into()));
    assert_eq!(sec.span.text(&src), "association_table");
    assert!(m.table("association_table").is_some());
    assert_eq!(m.table_names(), ["left", "right", "association"]);
}

#[test]
fn secondary_as_lambda_and_string() {
    let (_, m) = gallery("many_to_many_lambda");
    let courses = m.class("Student").unwrap().relationship("courses").unwrap();
    assert_eq!(
        courses.secondary.as_ref().unwrap().value,
        Value::Lambda("enrollment".into())
    );
    let students = m.class("Course").unwrap().relationship("students").unwrap();
    assert_eq!(
        students.secondary.as_ref().unwrap().value,
        Value::Str("enrollment".into())
    );
    // The table is declared after the classes and still found.
    assert_eq!(m.tables[0].name.value, "enrollment");
    assert!(m.tables[0]
        .columns
        .iter()
        .all(|c| c.primary_key && c.type_.is_none()));
}

#[test]
fn self_reference_one_to_one_and_cascade() {
    let (src, m) = gallery("adjacency_list");
    let parent = m.class("Node").unwrap().relationship("parent").unwrap();
    assert_eq!(parent.remote_side.as_ref().unwrap().text, "[id]");
    assert_eq!(parent.backref.as_ref().unwrap().name, "children");
    assert!(m
        .class("Node")
        .unwrap()
        .other_attrs
        .iter()
        .any(|a| a.value == "__repr__"));
    assert_eq!(parent.remote_side.as_ref().unwrap().span.text(&src), "[id]");

    let (_, m) = gallery("one_to_one");
    let passport = m.class("Person").unwrap().relationship("passport").unwrap();
    assert_eq!(passport.uselist.as_ref().unwrap().value, Value::Bool(false));
    assert!(
        m.class("Passport")
            .unwrap()
            .column("owner_id")
            .unwrap()
            .unique
    );

    let (_, m) = gallery("blog");
    let posts = m.class("User").unwrap().relationship("posts").unwrap();
    assert_eq!(
        posts.cascade.as_ref().unwrap().value,
        Value::Str("all, delete-orphan".into())
    );
    assert!(m.class("User").unwrap().column("username").unwrap().unique);
    assert_eq!(
        m.class("Post")
            .unwrap()
            .column("body")
            .unwrap()
            .type_
            .as_ref()
            .unwrap()
            .value,
        "Text"
    );

    let (_, m) = gallery("lazy_strategies");
    let lazies: Vec<Option<&str>> = m
        .class("Author")
        .unwrap()
        .relationships
        .iter()
        .map(|r| r.lazy_strategy())
        .collect();
    assert_eq!(
        lazies,
        [
            Some("select"),
            Some("joined"),
            Some("selectin"),
            Some("subquery")
        ]
    );
    assert!(m
        .class("Author")
        .unwrap()
        .relationships
        .iter()
        .all(|r| r.is_viewonly()));
}

#[test]
fn legacy_base_with_bind() {
    let (src, m) = gallery("mistake_legacy_1x");
    assert_eq!(
        m.bases[0].kind,
        BaseKind::DeclarativeBaseFunction {
            module: Some("sqlalchemy.ext.declarative".into())
        }
    );
    let bind = m.bases[0].bind.as_ref().unwrap();
    assert_eq!(bind.value, Value::Name("engine".into()));
    assert_eq!(bind.span.text(&src), "engine");
}

#[test]
fn every_gallery_script_reads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/gallery");
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "py") {
            let src = fs::read_to_string(&p).unwrap();
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            match read_model(&src) {
                Ok(m) => {
                    assert!(
                        !m.classes.is_empty() || stem == "mistake_legacy_1x",
                        "{stem}"
                    );
                    // Serde round trip: the page receives the model as JSON.
                    let json = serde_json::to_string(&m).unwrap();
                    let back: Model = serde_json::from_str(&json).unwrap();
                    assert_eq!(back, m, "{stem}");
                    for c in &m.classes {
                        for r in &c.relationships {
                            assert!(
                                r.call_span.text(&src).starts_with("relationship("),
                                "{stem}: {}",
                                r.attr
                            );
                            for k in &r.keywords {
                                assert!(
                                    k.span.text(&src).starts_with(&format!("{}=", k.name)),
                                    "{stem}: {}",
                                    k.name
                                );
                                assert_eq!(k.arg.span.text(&src), k.arg.text, "{stem}");
                            }
                        }
                    }
                }
                Err(l) => {
                    assert_eq!(stem, "mistake_py2_print");
                    assert_eq!((l.code.as_str(), l.line), ("python2-print", 31));
                    assert_eq!(l.fix_code.as_deref(), Some("print(\"Found %s with %d offence(s)\" % (person.name, len(person.offences)))"));
                }
            }
        }
    }
}

#[test]
fn other_base_spellings() {
    let src = "from sqlalchemy.orm import registry, relationship, as_declarative\nfrom sqlalchemy import Column, Integer\n\
               reg = registry()\nBase = reg.generate_base()\n\n@as_declarative()\nclass Other:\n    pass\n\n\
               class A(Base):\n    __tablename__ = 'a'\n    id = Column(Integer, primary_key=True)\n    x = object()\n\n\
               class B(Other):\n    __tablename__ = 'b'\n    id = Column('b_id', Integer, primary_key=True)\n    a = relationship(lambda: A)\n";
    let m = read_model(src).unwrap();
    assert_eq!(
        m.bases.iter().map(|b| b.kind.clone()).collect::<Vec<_>>(),
        [BaseKind::RegistryGenerateBase, BaseKind::AsDeclarative]
    );
    assert_eq!(m.classes.len(), 2);
    assert!(m.class("A").unwrap().declares("x"));
    assert_eq!(m.class("B").unwrap().columns[0].name, "b_id");
    assert_eq!(m.class("B").unwrap().columns[0].attr.as_deref(), Some("id"));
    assert_eq!(
        m.class("B").unwrap().relationships[0]
            .target
            .as_ref()
            .unwrap()
            .value,
        Target::Lambda("A".into())
    );
}

#[test]
fn directions_as_sqlalchemy_decides() {
    use relplay_lab::model::Direction::*;
    let cases = [
        ("one_to_many", "Parent", "children", Some(OneToMany)),
        ("one_to_many", "Child", "parent", Some(ManyToOne)),
        ("many_to_one", "Parent", "child", Some(ManyToOne)),
        ("many_to_many_table", "Parent", "children", Some(ManyToMany)),
        ("adjacency_list", "Node", "parent", Some(ManyToOne)),
        ("mistake_fk_wrong_side", "Author", "books", Some(ManyToOne)),
        ("mistake_m2m_no_secondary", "Student", "courses", None),
    ];
    for (id, class, attr, want) in cases {
        let (_, m) = gallery(id);
        let r = m.class(class).unwrap().relationship(attr).unwrap();
        assert_eq!(m.direction(r), want, "{id}: {class}.{attr}");
    }
}
