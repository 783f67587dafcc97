//! Models from the conformance scenarios; messages from their `.expected`
//! files or from the reference script rel.py.

use super::*;
use crate::schema::{Column, CreationOrder, MetaData, Table};
use crate::sql::{compile, Expr, Select, Statement};
use crate::types::SqlType;
use crate::{OrmErrorKind, PyValue};

fn table(md: &mut MetaData, o: &mut CreationOrder, name: &str, cols: Vec<Column>) {
    let mut t = Table::new(name);
    for c in cols {
        t.add_column(c, o).unwrap();
    }
    md.add_table(t).unwrap();
}

fn id() -> Column {
    Column::new("id", SqlType::Integer).primary_key()
}

fn int(name: &str) -> Column {
    Column::new(name, SqlType::Integer)
}

fn spec(name: &str, parent: &str, target: &str) -> RelationshipSpec {
    RelationshipSpec {
        name: name.into(),
        parent_table: parent.into(),
        target_table: target.into(),
        ..RelationshipSpec::default()
    }
}

fn users_addresses() -> MetaData {
    let (mut md, mut o) = (MetaData::new(), CreationOrder::default());
    table(
        &mut md,
        &mut o,
        "user_account",
        vec![id(), Column::new("name", SqlType::String(Some(30)))],
    );
    table(
        &mut md,
        &mut o,
        "address",
        vec![
            id(),
            Column::new("email", SqlType::String(None)),
            int("user_id").references("user_account.id"),
        ],
    );
    md
}

#[test]
fn one_to_many_and_many_to_one() {
    let md = users_addresses();
    let a = analyze(&md, &spec("User.addresses", "user_account", "address")).unwrap();
    assert_eq!(a.direction, Direction::OneToMany);
    assert_eq!(
        a.primaryjoin,
        vec![(
            ColId::new("user_account", "id"),
            ColId::new("address", "user_id")
        )]
    );
    assert_eq!(
        a.sync_pairs,
        vec![(
            ColId::new("user_account", "id"),
            ColId::new("address", "user_id")
        )]
    );
    let clause = lazy_clause(&md, &a, &|_| Some(PyValue::Int(1))).unwrap();
    let addr = |c: &str| Expr::col("address", c, SqlType::Integer);
    let sel = Select::new(vec![addr("id"), addr("email"), addr("user_id")]).where_(clause);
    let c = compile(Statement::Select(&sel)).unwrap();
    // rel_o2m_20.expected
    assert_eq!(c.sql, "SELECT address.id, address.email, address.user_id \nFROM address \nWHERE ? = address.user_id");
    assert_eq!(c.params, vec![vec![PyValue::Int(1)]]);

    let b = analyze(&md, &spec("Address.user", "address", "user_account")).unwrap();
    assert_eq!(b.direction, Direction::ManyToOne);
    assert_eq!(
        b.sync_pairs,
        vec![(
            ColId::new("user_account", "id"),
            ColId::new("address", "user_id")
        )]
    );
    let clause = lazy_clause(&md, &b, &|_| Some(PyValue::Int(2))).unwrap();
    let sel = Select::new(vec![Expr::col("user_account", "id", SqlType::Integer)]).where_(clause);
    assert_eq!(
        compile(Statement::Select(&sel)).unwrap().sql,
        "SELECT user_account.id \nFROM user_account \nWHERE user_account.id = ?"
    );
}

#[test]
fn adjacency_list_directions() {
    // fk_adjacency_tree: children (no remote_side) and parent (remote_side=[id]).
    let (mut md, mut o) = (MetaData::new(), CreationOrder::default());
    table(
        &mut md,
        &mut o,
        "node",
        vec![id(), int("parent_id").references("node.id")],
    );
    let children = analyze(&md, &spec("Node.children", "node", "node")).unwrap();
    assert_eq!(children.direction, Direction::OneToMany);
    let clause = lazy_clause(&md, &children, &|_| Some(PyValue::Int(1))).unwrap();
    let sel = Select::new(vec![Expr::col("node", "id", SqlType::Integer)]).where_(clause);
    assert_eq!(
        compile(Statement::Select(&sel)).unwrap().sql,
        "SELECT node.id \nFROM node \nWHERE ? = node.parent_id"
    );
    let mut p = spec("Node.parent", "node", "node");
    p.remote_side = vec![ColId::new("node", "id")];
    let parent = analyze(&md, &p).unwrap();
    assert_eq!(parent.direction, Direction::ManyToOne);
    assert_eq!(parent.direction.name(), "MANYTOONE");
}

#[test]
fn many_to_many_lazy_clause() {
    // The actor/film trace: "FROM actor, actor_film \nWHERE ? = actor_film.film_id AND actor.id = actor_film.actor_id"
    let (mut md, mut o) = (MetaData::new(), CreationOrder::default());
    table(&mut md, &mut o, "actor", vec![id()]);
    table(&mut md, &mut o, "film", vec![id()]);
    table(
        &mut md,
        &mut o,
        "actor_film",
        vec![
            int("actor_id").references("actor.id"),
            int("film_id").references("film.id"),
        ],
    );
    let mut s = spec("Film.cast", "film", "actor");
    s.secondary = Some("actor_film".into());
    let a = analyze(&md, &s).unwrap();
    assert_eq!(a.direction, Direction::ManyToMany);
    assert_eq!(
        a.sync_pairs,
        vec![(
            ColId::new("film", "id"),
            ColId::new("actor_film", "film_id")
        )]
    );
    assert_eq!(
        a.secondary_sync_pairs,
        vec![(
            ColId::new("actor", "id"),
            ColId::new("actor_film", "actor_id")
        )]
    );
    let clause = lazy_clause(&md, &a, &|_| Some(PyValue::Int(1))).unwrap();
    let sel = Select::new(vec![Expr::col("actor", "id", SqlType::Integer)]).where_(clause);
    assert_eq!(
        compile(Statement::Select(&sel)).unwrap().sql,
        "SELECT actor.id \nFROM actor, actor_film \nWHERE ? = actor_film.film_id AND actor.id = actor_film.actor_id"
    );
}

#[test]
fn no_foreign_keys_error() {
    // fk_no_foreign_keys.expected
    let (mut md, mut o) = (MetaData::new(), CreationOrder::default());
    table(&mut md, &mut o, "playlist", vec![id()]);
    table(
        &mut md,
        &mut o,
        "track",
        vec![id(), int("playlist_id").not_null()],
    );
    let e = analyze(&md, &spec("Playlist.tracks", "playlist", "track")).unwrap_err();
    assert_eq!(e.kind, OrmErrorKind::NoForeignKeysError);
    assert_eq!(
        e.message,
        "Could not determine join condition between parent/child tables on relationship Playlist.tracks - there are no foreign keys linking these tables.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression."
    );
    let mut m2m = spec("Playlist.tracks", "playlist", "track");
    m2m.secondary = Some("track".into());
    let e = analyze(&md, &m2m).unwrap_err();
    assert!(e.message.contains("via secondary table 'track'.  Ensure"));
}

#[test]
fn ambiguous_foreign_keys_error_and_foreign_keys_fix() {
    // rel.py: two FKs from users to addr.
    let (mut md, mut o) = (MetaData::new(), CreationOrder::default());
    table(
        &mut md,
        &mut o,
        "users",
        vec![
            id(),
            int("billing_id").references("addr.id"),
            int("shipping_id").references("addr.id"),
        ],
    );
    table(&mut md, &mut o, "addr", vec![id()]);
    let e = analyze(&md, &spec("User.addr", "users", "addr")).unwrap_err();
    assert_eq!(e.kind, OrmErrorKind::AmbiguousForeignKeysError);
    assert_eq!(
        e.message,
        "Could not determine join condition between parent/child tables on relationship User.addr - there are multiple foreign key paths linking the tables.  Specify the 'foreign_keys' argument, providing a list of those columns which should be counted as containing a foreign key reference to the parent table."
    );
    let mut s = spec("User.addr", "users", "addr");
    s.foreign_keys = vec![ColId::new("users", "shipping_id")];
    let a = analyze(&md, &s).unwrap();
    assert_eq!(a.direction, Direction::ManyToOne);
    assert_eq!(
        a.primaryjoin,
        vec![(ColId::new("addr", "id"), ColId::new("users", "shipping_id"))]
    );
}

/// rel2.py: explicit primaryjoin with and without foreign keys; m2m errors.
#[test]
fn primaryjoin_and_secondary_errors() {
    let (mut md, mut o) = (MetaData::new(), CreationOrder::default());
    table(&mut md, &mut o, "p", vec![id(), int("x")]);
    table(&mut md, &mut o, "c", vec![id(), int("p_id"), int("y")]);
    let mut s = spec("P.cs", "p", "c");
    s.primaryjoin = Some(vec![(ColId::new("p", "id"), ColId::new("c", "p_id"))]);
    let e = analyze(&md, &s).unwrap_err();
    assert_eq!(e.kind, OrmErrorKind::ArgumentError);
    assert_eq!(
        e.message,
        "Could not locate any relevant foreign key columns for primary join condition 'p.id = c.p_id' on relationship P.cs.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or are annotated in the join condition with the foreign() annotation."
    );
    s.foreign_keys = vec![ColId::new("c", "p_id")];
    let a = analyze(&md, &s).unwrap();
    assert_eq!(a.direction, Direction::OneToMany);
    assert_eq!(
        a.sync_pairs,
        vec![(ColId::new("p", "id"), ColId::new("c", "p_id"))]
    );

    table(&mut md, &mut o, "sec", vec![int("a"), int("b")]);
    let mut m = spec("P.cs", "p", "c");
    m.secondary = Some("sec".into());
    let e = analyze(&md, &m).unwrap_err();
    assert_eq!(e.kind, OrmErrorKind::NoForeignKeysError);
    assert_eq!(
        e.message,
        "Could not determine join condition between parent/child tables on relationship P.cs - there are no foreign keys linking these tables via secondary table 'sec'.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify 'primaryjoin' and 'secondaryjoin' expressions."
    );

    table(
        &mut md,
        &mut o,
        "sec2",
        vec![
            int("a").references("p.id"),
            int("a2").references("p.id"),
            int("b").references("c.id"),
        ],
    );
    m.secondary = Some("sec2".into());
    let e = analyze(&md, &m).unwrap_err();
    assert_eq!(e.kind, OrmErrorKind::AmbiguousForeignKeysError);
    assert_eq!(
        e.message,
        "Could not determine join condition between parent/child tables on relationship P.cs - there are multiple foreign key paths linking the tables via secondary table 'sec2'.  Specify the 'foreign_keys' argument, providing a list of those columns which should be counted as containing a foreign key reference from the secondary table to each of the parent and child tables."
    );
}
