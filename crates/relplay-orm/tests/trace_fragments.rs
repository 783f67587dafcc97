//! Whole echo-log fragments of conformance traces, assembled from the core
//! pieces the way the ORM bridge will: statements from `sql`, the INSERT
//! strategy and row layers from `unitofwork`, the lines from `engine`.
//! Timings are masked as the oracle does.

use relplay_orm::engine::{Clock, EchoLog, ExecKind};
use relplay_orm::relationships::{analyze, lazy_clause, RelationshipSpec};
use relplay_orm::schema::{Column, CreationOrder, MetaData, Table};
use relplay_orm::sql::{compile, BinOp, Expr, Insert, Select, Statement};
use relplay_orm::types::SqlType;
use relplay_orm::unitofwork::{insert_strategy, layer_rows, InsertStrategy};
use relplay_orm::PyValue;
use std::cell::Cell;

struct Tick(Cell<f64>);
impl Clock for Tick {
    fn now(&self) -> f64 {
        let t = self.0.get() + 0.00003;
        self.0.set(t);
        t
    }
}

fn mask(line: &str) -> String {
    let Some(rest) = line.strip_prefix('[') else {
        return line.to_string();
    };
    let Some((head, tail)) = rest.split_once(']') else {
        return line.to_string();
    };
    let words: Vec<String> = head
        .split(' ')
        .map(|w| {
            let timed = w.len() > 1 && w.ends_with('s') && w[..w.len() - 1].parse::<f64>().is_ok();
            if timed {
                "Xs".to_string()
            } else {
                w.to_string()
            }
        })
        .collect();
    format!("[{}]{tail}", words.join(" "))
}

struct Run {
    clock: Tick,
    log: EchoLog,
    out: Vec<String>,
}

impl Run {
    fn new() -> Run {
        Run {
            clock: Tick(Cell::new(0.0)),
            log: EchoLog::new(),
            out: Vec::new(),
        }
    }
    fn line(&mut self, l: &str) {
        self.out.push(l.to_string());
    }
    fn exec(&mut self, stmt: Statement, kind: ExecKind) {
        let t = self.clock.now();
        let c = compile(stmt).unwrap();
        let lines = self.log.execute(&self.clock, &c, kind, t);
        self.out.extend(lines.iter().map(|l| mask(l)));
    }
    /// One flush group of new rows of one table, as `_emit_insert_statements`.
    fn insert_rows(&mut self, table: &str, cols: &[(&str, SqlType)], rows: Vec<Vec<PyValue>>) {
        let strategy = insert_strategy(rows.len(), false, false);
        let ins = Insert {
            table: table.into(),
            columns: cols
                .iter()
                .map(|(c, t)| (c.to_string(), t.clone()))
                .collect(),
            returning: if strategy == InsertStrategy::InsertManyValues {
                vec!["id".into()]
            } else {
                vec![]
            },
            rows,
            defaulted: vec![],
        };
        let kind = match strategy {
            InsertStrategy::InsertManyValues => ExecKind::InsertManyValuesOrdered,
            InsertStrategy::PerRow | InsertStrategy::ExecuteMany => ExecKind::Many,
        };
        self.exec(Statement::Insert(&ins), kind);
    }
}

fn s(v: &str) -> PyValue {
    PyValue::str(v)
}

#[test]
fn rel_o2m_20_flush_and_lazy_loads() {
    let mut md = MetaData::new();
    let mut o = CreationOrder::default();
    let mut u = Table::new("user_account");
    u.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
        .unwrap();
    u.add_column(
        Column::new("name", SqlType::String(Some(30))).not_null(),
        &mut o,
    )
    .unwrap();
    let mut a = Table::new("address");
    a.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
        .unwrap();
    a.add_column(
        Column::new("email", SqlType::String(None)).not_null(),
        &mut o,
    )
    .unwrap();
    a.add_column(
        Column::new("user_id", SqlType::Integer).references("user_account.id"),
        &mut o,
    )
    .unwrap();
    md.add_table(u).unwrap();
    md.add_table(a).unwrap();

    let mut r = Run::new();
    r.line(EchoLog::begin());
    r.insert_rows(
        "user_account",
        &[("name", SqlType::String(Some(30)))],
        vec![vec![s("spongebob")], vec![s("sandy")]],
    );
    let cols = [
        ("email", SqlType::String(None)),
        ("user_id", SqlType::Integer),
    ];
    r.insert_rows(
        "address",
        &cols,
        vec![
            vec![s("spongebob@sqlalchemy.org"), PyValue::Int(1)],
            vec![s("sandy@sqlalchemy.org"), PyValue::Int(2)],
            vec![s("sandy@squirrelpower.org"), PyValue::Int(2)],
        ],
    );
    r.line(EchoLog::commit());
    r.line(EchoLog::begin());
    let ua = |c: &str, t: SqlType| Expr::col("user_account", c, t);
    let sel = Select::new(vec![
        ua("id", SqlType::Integer),
        ua("name", SqlType::String(Some(30))),
    ])
    .where_(ua("name", SqlType::String(Some(30))).in_values(vec![s("spongebob"), s("sandy")]))
    .order_by(ua("id", SqlType::Integer));
    r.exec(Statement::Select(&sel), ExecKind::Single);
    let spec = RelationshipSpec {
        name: "User.addresses".into(),
        parent_table: "user_account".into(),
        target_table: "address".into(),
        ..RelationshipSpec::default()
    };
    let rel = analyze(&md, &spec).unwrap();
    let ad = |c: &str| {
        Expr::col(
            "address",
            c,
            md.table("address").unwrap().column(c).unwrap().ty.clone(),
        )
    };
    for id in [1, 2] {
        let clause = lazy_clause(&md, &rel, &|_| Some(PyValue::Int(id))).unwrap();
        let sel = Select::new(vec![ad("id"), ad("email"), ad("user_id")]).where_(clause);
        r.exec(Statement::Select(&sel), ExecKind::Single);
    }
    let sel = Select::new(vec![ad("id"), ad("email"), ad("user_id")])
        .where_(ad("email").eq_value(s("sandy@squirrelpower.org")));
    r.exec(Statement::Select(&sel), ExecKind::Single);
    r.line(EchoLog::rollback());
    let expected = "BEGIN (implicit)
INSERT INTO user_account (name) VALUES (?) RETURNING id
[generated in Xs (insertmanyvalues) 1/2 (ordered; batch not supported)] ('spongebob',)
INSERT INTO user_account (name) VALUES (?) RETURNING id
[insertmanyvalues 2/2 (ordered; batch not supported)] ('sandy',)
INSERT INTO address (email, user_id) VALUES (?, ?) RETURNING id
[generated in Xs (insertmanyvalues) 1/3 (ordered; batch not supported)] ('spongebob@sqlalchemy.org', 1)
INSERT INTO address (email, user_id) VALUES (?, ?) RETURNING id
[insertmanyvalues 2/3 (ordered; batch not supported)] ('sandy@sqlalchemy.org', 2)
INSERT INTO address (email, user_id) VALUES (?, ?) RETURNING id
[insertmanyvalues 3/3 (ordered; batch not supported)] ('sandy@squirrelpower.org', 2)
COMMIT
BEGIN (implicit)
SELECT user_account.id, user_account.name 
FROM user_account 
WHERE user_account.name IN (?, ?) ORDER BY user_account.id
[generated in Xs] ('spongebob', 'sandy')
SELECT address.id, address.email, address.user_id 
FROM address 
WHERE ? = address.user_id
[generated in Xs] (1,)
SELECT address.id, address.email, address.user_id 
FROM address 
WHERE ? = address.user_id
[cached since Xs ago] (2,)
SELECT address.id, address.email, address.user_id 
FROM address 
WHERE address.email = ?
[generated in Xs] ('sandy@squirrelpower.org',)
ROLLBACK";
    assert_eq!(r.out.join("\n"), expected);
}

#[test]
fn fk_adjacency_tree_flush() {
    // Rows: root, a, b, a1, a2, b1 with their parents; ids follow insertion.
    let names = ["root", "a", "b", "a1", "a2", "b1"];
    let parent = |i: usize| [None, Some(0), Some(0), Some(1), Some(1), Some(2)][i];
    let layers = layer_rows(&[0, 1, 2, 3, 4, 5], &parent).unwrap();
    let mut r = Run::new();
    r.line(EchoLog::begin());
    let cols = [
        ("parent_id", SqlType::Integer),
        ("name", SqlType::String(Some(20))),
    ];
    for layer in layers {
        let rows = layer
            .iter()
            .map(|&i| {
                vec![
                    parent(i).map_or(PyValue::None, |p| PyValue::Int(p as i64 + 1)),
                    s(names[i]),
                ]
            })
            .collect();
        r.insert_rows("node", &cols, rows);
    }
    r.line(EchoLog::commit());
    let expected = "BEGIN (implicit)
INSERT INTO node (parent_id, name) VALUES (?, ?)
[generated in Xs] (None, 'root')
INSERT INTO node (parent_id, name) VALUES (?, ?) RETURNING id
[generated in Xs (insertmanyvalues) 1/2 (ordered; batch not supported)] (1, 'a')
INSERT INTO node (parent_id, name) VALUES (?, ?) RETURNING id
[insertmanyvalues 2/2 (ordered; batch not supported)] (1, 'b')
INSERT INTO node (parent_id, name) VALUES (?, ?) RETURNING id
[cached since Xs ago (insertmanyvalues) 1/3 (ordered; batch not supported)] (2, 'a1')
INSERT INTO node (parent_id, name) VALUES (?, ?) RETURNING id
[insertmanyvalues 2/3 (ordered; batch not supported)] (2, 'a2')
INSERT INTO node (parent_id, name) VALUES (?, ?) RETURNING id
[insertmanyvalues 3/3 (ordered; batch not supported)] (3, 'b1')
COMMIT";
    assert_eq!(r.out.join("\n"), expected);
}

#[test]
fn legacy_query_first_limit() {
    // legacy_query_first: Query.first() is LIMIT 1 OFFSET 0.
    let p = |c: &str| Expr::col("person", c, SqlType::String(Some(20)));
    let mut sel = Select::new(vec![
        Expr::col("person", "id", SqlType::Integer),
        p("name"),
        p("town"),
    ])
    .where_(p("name").op_value(BinOp::Eq, s("Ann")))
    .limit(1);
    sel.label_style = relplay_orm::sql::LabelStyle::TablenamePlusCol;
    let mut r = Run::new();
    r.exec(Statement::Select(&sel), ExecKind::Single);
    assert_eq!(
        r.out.join("\n"),
        "SELECT person.id AS person_id, person.name AS person_name, person.town AS person_town \nFROM person \nWHERE person.name = ?\n LIMIT ? OFFSET ?\n[generated in Xs] ('Ann', 1, 0)"
    );
}

/// cascade_delete_parent_nullify: deleting an author nulls its poems' FK
/// (UPDATE executemany) before the DELETE, as the flush plan orders it.
#[test]
fn cascade_delete_parent_nullify_flush() {
    use relplay_orm::relationships::Direction;
    use relplay_orm::sql::{Delete, Update};
    use relplay_orm::unitofwork::{plan_flush, Action, FlushDep, FlushGraph};
    let graph = FlushGraph {
        mappers: vec!["__main__.Author".into(), "__main__.Poem".into()],
        deps: vec![
            FlushDep {
                sort_key: "__main__.Author_poems".into(),
                direction: Direction::OneToMany,
                parent: 0,
                child: 1,
            },
            FlushDep {
                sort_key: "__main__.Poem_author".into(),
                direction: Direction::ManyToOne,
                parent: 1,
                child: 0,
            },
        ],
        without_states: vec![],
    };
    let pk = [("id".to_string(), SqlType::Integer)];
    let mut r = Run::new();
    for action in plan_flush(&graph).unwrap() {
        match action {
            // Poem rows 1 and 2 have author_id set to None.
            Action::SaveUpdate(1) => {
                let mut up = Update::by_primary_key(
                    "poem",
                    vec![("author_id".into(), SqlType::Integer)],
                    &pk,
                );
                up.rows = vec![
                    vec![PyValue::None, PyValue::Int(1)],
                    vec![PyValue::None, PyValue::Int(2)],
                ];
                r.exec(Statement::Update(&up), ExecKind::Many);
            }
            // Author 1 is deleted.
            Action::Delete(0) => {
                let mut del = Delete::by_primary_key("author", &pk);
                del.rows = vec![vec![PyValue::Int(1)]];
                r.exec(Statement::Delete(&del), ExecKind::Many);
            }
            _ => {}
        }
    }
    assert_eq!(
        r.out.join("\n"),
        "UPDATE poem SET author_id=? WHERE poem.id = ?
[generated in Xs] [(None, 1), (None, 2)]
DELETE FROM author WHERE author.id = ?
[generated in Xs] (1,)"
    );
}
