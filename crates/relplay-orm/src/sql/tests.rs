//! Expected strings are `str(stmt.compile(dialect=sqlite.dialect()))` from
//! SQLAlchemy 2.1.9 (reference scripts comp.py, comp2.py, comp3.py), or the
//! echo log where the text is expanded at execution (IN lists, LIMIT).

use super::*;
use crate::types::SqlType;
use crate::PyValue;
use std::rc::Rc;

fn ua(c: &str) -> Expr {
    let ty = match c {
        "name" => SqlType::String(Some(30)),
        _ => SqlType::Integer,
    };
    Expr::col("user_account", c, ty)
}

fn addr(c: &str) -> Expr {
    let ty = match c {
        "email" => SqlType::String(None),
        _ => SqlType::Integer,
    };
    Expr::col("address", c, ty)
}

fn users() -> Select {
    Select::new(vec![ua("id"), ua("name"), ua("age")])
}

fn s(sel: &Select) -> String {
    compile(Statement::Select(sel)).unwrap().sql
}

fn w(e: Expr) -> String {
    let full = s(&users().where_(e));
    full.split_once("WHERE ")
        .map(|(_, r)| r.to_string())
        .unwrap_or_default()
}

fn int(i: i64) -> PyValue {
    PyValue::Int(i)
}

const UA: &str = "SELECT user_account.id, user_account.name, user_account.age \nFROM user_account";

#[test]
fn plain_select_and_where() {
    assert_eq!(s(&users()), UA);
    let sel = users()
        .where_(ua("name").eq_value(PyValue::str("x")))
        .where_(ua("age").op_value(BinOp::Gt, int(3)));
    let c = compile(Statement::Select(&sel)).unwrap();
    assert_eq!(
        c.sql,
        format!("{UA} \nWHERE user_account.name = ? AND user_account.age > ?")
    );
    assert_eq!(c.params, vec![vec![PyValue::str("x"), int(3)]]);
}

#[test]
fn and_or_parenthesisation() {
    let x = || ua("name").eq_value(PyValue::str("x"));
    let g = || ua("age").op_value(BinOp::Gt, int(3));
    assert_eq!(
        w(or_(vec![x(), g()])),
        "user_account.name = ? OR user_account.age > ?"
    );
    assert_eq!(
        w(and_(vec![or_(vec![x(), g()]), ua("id").ne_value(int(5))])),
        "(user_account.name = ? OR user_account.age > ?) AND user_account.id != ?"
    );
    assert_eq!(
        w(or_(vec![
            and_(vec![x(), g()]),
            ua("id").eq_value(PyValue::None)
        ])),
        "user_account.name = ? AND user_account.age > ? OR user_account.id IS NULL"
    );
    assert_eq!(
        w(not_(and_(vec![
            ua("id").eq_value(int(1)),
            ua("age").eq_value(int(2))
        ]))),
        "NOT (user_account.id = ? AND user_account.age = ?)"
    );
    assert_eq!(w(not_(ua("id").eq_value(int(1)))), "user_account.id != ?");
    assert_eq!(
        w(not_(ua("age").op_value(BinOp::Gt, int(1)))),
        "user_account.age <= ?"
    );
    assert_eq!(
        w(ua("name").ne_value(PyValue::None)),
        "user_account.name IS NOT NULL"
    );
}

#[test]
fn arithmetic_grouping() {
    // comp2.py: '(u.age + u.id) * ? > ?', 'u.age - (u.id - ?) = ?',
    // '(u.age - u.id) - ? = ?', 'u.age + u.id + ? = ?', '(u.name || ?) = ?'
    let sum = ua("age").binary(BinOp::Add, ua("id"));
    assert_eq!(
        w(sum.op_value(BinOp::Mul, int(2)).op_value(BinOp::Gt, int(1))),
        "(user_account.age + user_account.id) * ? > ?"
    );
    let inner = ua("id").op_value(BinOp::Sub, int(1));
    assert_eq!(
        w(ua("age").binary(BinOp::Sub, inner).eq_value(int(1))),
        "user_account.age - (user_account.id - ?) = ?"
    );
    let l = ua("age")
        .binary(BinOp::Sub, ua("id"))
        .op_value(BinOp::Sub, int(1));
    assert_eq!(
        w(l.eq_value(int(1))),
        "(user_account.age - user_account.id) - ? = ?"
    );
    let l = ua("age")
        .binary(BinOp::Add, ua("id"))
        .op_value(BinOp::Add, int(1));
    assert_eq!(
        w(l.eq_value(int(1))),
        "user_account.age + user_account.id + ? = ?"
    );
    let c = ua("name").op_value(BinOp::Concat, PyValue::str("x"));
    assert_eq!(
        w(c.eq_value(PyValue::str("y"))),
        "(user_account.name || ?) = ?"
    );
    assert_eq!(
        w(Expr::Neg(Box::new(ua("age"))).eq_value(int(1))),
        "-user_account.age = ?"
    );
}

#[test]
fn in_lists_expand_at_execution() {
    // echo2.py: 'WHERE a.id IN (?, ?, ?)' and the empty-set form.
    let c = compile(Statement::Select(
        &users().where_(ua("id").in_values(vec![int(1), int(2), int(3)])),
    ))
    .unwrap();
    assert_eq!(c.sql, format!("{UA} \nWHERE user_account.id IN (?, ?, ?)"));
    let e = compile(Statement::Select(
        &users().where_(ua("id").in_values(vec![])),
    ))
    .unwrap();
    assert_eq!(
        e.sql,
        format!("{UA} \nWHERE user_account.id IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1)")
    );
    // One shape whatever the list length, as the echo log's "cached since" shows.
    assert_eq!(c.cache_key, e.cache_key);
    let n = compile(Statement::Select(
        &users().where_(ua("id").not_in_values(vec![])),
    ))
    .unwrap();
    assert_eq!(
        n.sql,
        format!("{UA} \nWHERE (user_account.id NOT IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1))")
    );
    assert_ne!(n.cache_key, e.cache_key);
    assert_eq!(
        w(and_(vec![
            ua("id").not_in_values(vec![int(1)]),
            ua("age").eq_value(int(1))
        ])),
        "(user_account.id NOT IN (?)) AND user_account.age = ?"
    );
}

#[test]
fn cache_key_ignores_values_but_not_types() {
    let a = compile(Statement::Select(
        &users().where_(ua("name").eq_value(PyValue::str("x"))),
    ))
    .unwrap();
    let b = compile(Statement::Select(
        &users().where_(ua("name").eq_value(PyValue::str("y"))),
    ))
    .unwrap();
    let f = compile(Statement::Select(
        &users().where_(ua("name").eq_value(PyValue::Float(5.5))),
    ))
    .unwrap();
    assert_eq!(a.cache_key, b.cache_key);
    // echo2.py: `name == 5.5` was "generated", not "cached".
    assert_ne!(a.cache_key, f.cache_key);
}

#[test]
fn like_affixes_and_between() {
    assert_eq!(
        w(ua("name").like_affix(PyValue::str("a"), true, false)),
        "(user_account.name LIKE ? || '%')"
    );
    assert_eq!(
        w(ua("name").like_affix(PyValue::str("a"), true, true)),
        "(user_account.name LIKE '%' || ? || '%')"
    );
    assert_eq!(
        w(ua("name").like_affix(PyValue::str("x"), false, true)),
        "(user_account.name LIKE '%' || ?)"
    );
    assert_eq!(
        w(ua("name").op_value(BinOp::ILike, PyValue::str("a"))),
        "lower(user_account.name) LIKE lower(?)"
    );
    let b = |c: &str, lo, hi| Expr::Between {
        expr: Box::new(ua(c)),
        low: Box::new(Expr::Bind {
            value: int(lo),
            ty: SqlType::Integer,
        }),
        high: Box::new(Expr::Bind {
            value: int(hi),
            ty: SqlType::Integer,
        }),
        negated: false,
    };
    assert_eq!(
        w(and_(vec![b("age", 1, 2), b("id", 3, 4)])),
        "user_account.age BETWEEN ? AND ? AND user_account.id BETWEEN ? AND ?"
    );
    assert_eq!(
        w(not_(b("age", 1, 2))),
        "user_account.age NOT BETWEEN ? AND ?"
    );
}

#[test]
fn count_order_limit_distinct() {
    let c = Select::new(vec![Expr::count(None)]).select_from(FromItem::table("user_account"));
    assert_eq!(s(&c), "SELECT count(*) AS count_1 \nFROM user_account");
    let c = Select::new(vec![Expr::count(Some(ua("id")))]);
    assert_eq!(
        s(&c),
        "SELECT count(user_account.id) AS count_1 \nFROM user_account"
    );
    let sel = users()
        .order_by(ua("name").desc())
        .order_by(ua("id"))
        .limit(5)
        .offset(10);
    let c = compile(Statement::Select(&sel)).unwrap();
    assert_eq!(
        c.sql,
        format!("{UA} ORDER BY user_account.name DESC, user_account.id\n LIMIT ? OFFSET ?")
    );
    assert_eq!(c.params, vec![vec![int(5), int(10)]]);
    // echo2.py: limit only -> (5, 0); offset only -> (-1, 5)
    assert_eq!(
        compile(Statement::Select(&users().limit(5)))
            .unwrap()
            .params,
        vec![vec![int(5), int(0)]]
    );
    assert_eq!(
        compile(Statement::Select(&users().offset(5)))
            .unwrap()
            .params,
        vec![vec![int(-1), int(5)]]
    );
    let mut d = users();
    d.distinct = true;
    assert_eq!(
        s(&d),
        "SELECT DISTINCT user_account.id, user_account.name, user_account.age \nFROM user_account"
    );
    let sel = users()
        .where_(ua("id").eq_value(int(1)))
        .order_by(ua("id").desc())
        .limit(1);
    assert_eq!(
        s(&sel),
        format!(
            "{UA} \nWHERE user_account.id = ? ORDER BY user_account.id DESC\n LIMIT ? OFFSET ?"
        )
    );
    let f = Select::new(vec![
        Expr::func("max", vec![ua("age")]),
        Expr::func("lower", vec![ua("name")]),
    ]);
    assert_eq!(s(&f), "SELECT max(user_account.age) AS max_1, lower(user_account.name) AS lower_1 \nFROM user_account");
}

#[test]
fn joins_and_labels() {
    let on = || ua("id").binary(BinOp::Eq, addr("user_id"));
    let mut cols = users().columns;
    cols.extend([addr("id"), addr("email"), addr("user_id")]);
    let sel = Select::new(cols).join(FromItem::table("address"), on(), false);
    assert_eq!(
        s(&sel),
        "SELECT user_account.id, user_account.name, user_account.age, address.id AS id_1, address.email, address.user_id \nFROM user_account JOIN address ON user_account.id = address.user_id"
    );
    let sel = users()
        .join(FromItem::table("address"), on(), true)
        .where_(addr("email").op_value(BinOp::Like, PyValue::str("%x%")));
    assert_eq!(s(&sel), format!("{UA} LEFT OUTER JOIN address ON user_account.id = address.user_id \nWHERE address.email LIKE ?"));
    let grouped = Select {
        columns: vec![ua("name"), Expr::count(Some(addr("id"))).label("n")],
        group_by: vec![ua("name")],
        having: vec![Expr::count(Some(addr("id"))).op_value(BinOp::Gt, int(1))],
        ..Select::default()
    }
    .join(FromItem::table("address"), on(), false);
    assert_eq!(
        s(&grouped),
        "SELECT user_account.name, count(address.id) AS n \nFROM user_account JOIN address ON user_account.id = address.user_id GROUP BY user_account.name \nHAVING count(address.id) > ?"
    );
    // Same column twice: `name__1`; anonymous expression: `anon_1`.
    let sel = Select::new(vec![
        ua("age").op_value(BinOp::Add, int(1)),
        ua("name"),
        ua("name"),
    ]);
    assert_eq!(s(&sel), "SELECT user_account.age + ? AS anon_1, user_account.name, user_account.name AS name__1 \nFROM user_account");
}

#[test]
fn aliases_and_subqueries() {
    let al = Rc::new(Alias {
        id: 1,
        name: None,
        target: AliasTarget::Table("address".into()),
    });
    let ac = |c: &str| {
        Expr::Column(ColRef {
            source: Source::Alias(al.clone()),
            name: c.into(),
            ty: SqlType::Integer,
        })
    };
    let mut cols = users().columns;
    cols.extend([ac("id"), ac("email"), ac("user_id")]);
    let sel = Select::new(cols).join(
        FromItem::Alias(al.clone()),
        ua("id").binary(BinOp::Eq, ac("user_id")),
        false,
    );
    assert_eq!(
        s(&sel),
        "SELECT user_account.id, user_account.name, user_account.age, address_1.id AS id_1, address_1.email, address_1.user_id \nFROM user_account JOIN address AS address_1 ON user_account.id = address_1.user_id"
    );
    // A subquery: its columns labeled with their names, named anon_1.
    let sq = Select {
        columns: vec![addr("user_id"), Expr::count(None).label("c")],
        group_by: vec![addr("user_id")],
        ..Select::default()
    }
    .subquery(2);
    let sc = |c: &str| {
        Expr::Column(ColRef {
            source: Source::Alias(sq.clone()),
            name: c.into(),
            ty: SqlType::Integer,
        })
    };
    let sel = Select::new(vec![ua("name"), sc("c")]).join(
        FromItem::Alias(sq.clone()),
        ua("id").binary(BinOp::Eq, sc("user_id")),
        false,
    );
    assert_eq!(
        s(&sel),
        "SELECT user_account.name, anon_1.c \nFROM user_account JOIN (SELECT address.user_id AS user_id, count(*) AS c \nFROM address GROUP BY address.user_id) AS anon_1 ON user_account.id = anon_1.user_id"
    );
}

#[test]
fn legacy_query_labels() {
    // fk_sequence_sqlite / fk_adjacency_tree: Query renders `AS table_col`.
    let mut sel = Select::new(vec![
        Expr::col("node", "id", SqlType::Integer),
        Expr::col("node", "parent_id", SqlType::Integer),
        Expr::col("node", "name", SqlType::String(Some(20))),
    ])
    .where_(Expr::col("node", "parent_id", SqlType::Integer).is_null());
    sel.label_style = LabelStyle::TablenamePlusCol;
    assert_eq!(
        s(&sel),
        "SELECT node.id AS node_id, node.parent_id AS node_parent_id, node.name AS node_name \nFROM node \nWHERE node.parent_id IS NULL"
    );
}

#[test]
fn not_exists_and_not_or() {
    // comp2.py: 'NOT (EXISTS (SELECT * \nFROM u \n...' and 'NOT (u.id = ? OR u.id = ?)'
    let inner = Select::new(vec![Expr::Star])
        .select_from(FromItem::table("address"))
        .where_(addr("user_id").binary(BinOp::Eq, ua("id")));
    assert_eq!(
        w(not_(Expr::Exists(Box::new(inner)))),
        "NOT (EXISTS (SELECT * \nFROM address \nWHERE address.user_id = user_account.id))"
    );
    assert_eq!(
        w(not_(or_(vec![
            ua("id").eq_value(int(1)),
            ua("id").eq_value(int(2))
        ]))),
        "NOT (user_account.id = ? OR user_account.id = ?)"
    );
}

#[test]
fn boolean_columns_on_sqlite() {
    // 'u.f = 1', 'u.f = 0', 'u.f = 1 AND u.id = ?', 'NOT (NOT (u.id = ? AND u.id = ?))'
    let f = || Expr::col("user_account", "f", SqlType::Boolean);
    assert_eq!(w(f()), "user_account.f = 1");
    assert_eq!(w(not_(f())), "user_account.f = 0");
    assert_eq!(w(not_(not_(f()))), "user_account.f = 1");
    assert_eq!(
        w(and_(vec![f(), ua("id").eq_value(int(1))])),
        "user_account.f = 1 AND user_account.id = ?"
    );
    assert_eq!(w(f().eq_value(PyValue::Bool(true))), "user_account.f = 1");
    // comp.py: `name == True` on a String column is `= 1` too.
    assert_eq!(
        w(ua("name").eq_value(PyValue::Bool(true))),
        "user_account.name = 1"
    );
    let both = || and_(vec![ua("id").eq_value(int(1)), ua("id").eq_value(int(2))]);
    assert_eq!(
        w(not_(not_(both()))),
        "NOT (NOT (user_account.id = ? AND user_account.id = ?))"
    );
    assert_eq!(
        w(not_(not_(ua("id").in_values(vec![int(1)])))),
        "user_account.id IN (?)"
    );
}

#[test]
fn exists_grouped_inside_and_or() {
    // "WHERE (EXISTS (SELECT * \nFROM a \nWHERE a.uid = u.id)) AND u.id > :id_1"
    let ex = || {
        Expr::Exists(Box::new(
            Select::new(vec![Expr::Star]).where_(addr("user_id").binary(BinOp::Eq, ua("id"))),
        ))
    };
    let gt = || ua("id").op_value(BinOp::Gt, int(1));
    let inner = "EXISTS (SELECT * \nFROM address \nWHERE address.user_id = user_account.id)";
    assert_eq!(
        w(and_(vec![ex(), gt()])),
        format!("({inner}) AND user_account.id > ?")
    );
    assert_eq!(
        w(or_(vec![ex(), gt()])),
        format!("({inner}) OR user_account.id > ?")
    );
    assert_eq!(w(ex()), inner);
}

#[test]
fn exists_and_correlation() {
    let inner = Select::new(vec![Expr::Star]).where_(addr("user_id").binary(BinOp::Eq, ua("id")));
    assert_eq!(
        w(Expr::Exists(Box::new(inner.clone()))),
        "EXISTS (SELECT * \nFROM address \nWHERE address.user_id = user_account.id)"
    );
    let inner2 = Select::new(vec![addr("user_id")]);
    assert_eq!(
        w(ua("id").binary(BinOp::In, Expr::ScalarSelect(Box::new(inner2)))),
        "user_account.id IN (SELECT address.user_id \nFROM address)"
    );
    // Nothing left to correlate: keep the FROM (comp3.py scalar max()).
    let mx = Select::new(vec![Expr::func("max", vec![ua("age")])]);
    let sel = Select::new(vec![Expr::count(Some(ua("id")))])
        .where_(ua("age").binary(BinOp::Gt, Expr::ScalarSelect(Box::new(mx))));
    assert_eq!(
        s(&sel),
        "SELECT count(user_account.id) AS count_1 \nFROM user_account \nWHERE user_account.age > (SELECT max(user_account.age) AS max_1 \nFROM user_account)"
    );
}

#[test]
fn lazy_load_clause_bind_on_the_left() {
    // rel_o2m_20: the one-to-many lazy loader.
    let sel = Select::new(vec![addr("id"), addr("email"), addr("user_id")]).where_(Expr::value_op(
        int(1),
        BinOp::Eq,
        addr("user_id"),
    ));
    let c = compile(Statement::Select(&sel)).unwrap();
    assert_eq!(c.sql, "SELECT address.id, address.email, address.user_id \nFROM address \nWHERE ? = address.user_id");
    assert_eq!(c.params, vec![vec![int(1)]]);
}

#[test]
fn quoted_names() {
    let o = |c: &str| Expr::col("order", c, SqlType::Integer);
    let sel = Select::new(vec![o("id"), o("user")]).where_(o("user").eq_value(int(1)));
    assert_eq!(
        s(&sel),
        "SELECT \"order\".id, \"order\".user \nFROM \"order\" \nWHERE \"order\".user = ?"
    );
}

#[test]
fn dml_statements() {
    let ins = Insert {
        table: "user_account".into(),
        columns: vec![("name".into(), SqlType::String(Some(30)))],
        rows: vec![vec![PyValue::str("spongebob")], vec![PyValue::str("sandy")]],
        returning: vec!["id".into()],
        defaulted: vec![],
    };
    let c = compile(Statement::Insert(&ins)).unwrap();
    assert_eq!(
        c.sql,
        "INSERT INTO user_account (name) VALUES (?) RETURNING id"
    );
    assert_eq!(c.params.len(), 2);
    let empty = Insert {
        table: "order".into(),
        columns: vec![],
        rows: vec![vec![]],
        returning: vec!["id".into()],
        defaulted: vec![],
    };
    assert_eq!(
        compile(Statement::Insert(&empty)).unwrap().sql,
        "INSERT INTO \"order\" DEFAULT VALUES RETURNING id"
    );

    let pk = [("id".to_string(), SqlType::Integer)];
    let mut up = Update::by_primary_key("motor", vec![("car_id".into(), SqlType::Integer)], &pk);
    up.rows = vec![vec![PyValue::None, int(1)]];
    let c = compile(Statement::Update(&up)).unwrap();
    assert_eq!(c.sql, "UPDATE motor SET car_id=? WHERE motor.id = ?");
    assert_eq!(c.params, vec![vec![PyValue::None, int(1)]]);
    let mut up = Update::by_primary_key("order", vec![("user".into(), SqlType::Integer)], &pk);
    up.rows = vec![vec![int(2), int(1)]];
    assert_eq!(
        compile(Statement::Update(&up)).unwrap().sql,
        "UPDATE \"order\" SET user=? WHERE \"order\".id = ?"
    );

    let assoc = [
        ("post_id".to_string(), SqlType::Integer),
        ("tag_id".to_string(), SqlType::Integer),
    ];
    let mut del = Delete::by_primary_key("post_tags", &assoc);
    del.rows = vec![vec![int(1), int(2)]];
    let c = compile(Statement::Delete(&del)).unwrap();
    assert_eq!(
        c.sql,
        "DELETE FROM post_tags WHERE post_tags.post_id = ? AND post_tags.tag_id = ?"
    );
    assert_eq!(c.params, vec![vec![int(1), int(2)]]);
    // Core-style: the WHERE values live in the expression.
    let del = Delete {
        table: "a".into(),
        where_: vec![Expr::col("a", "id", SqlType::Integer).eq_value(int(4))],
        rows: vec![],
    };
    let c = compile(Statement::Delete(&del)).unwrap();
    assert_eq!(c.sql, "DELETE FROM a WHERE a.id = ?");
    assert_eq!(c.params, vec![vec![int(4)]]);
}

fn cols(t: &str, names: &[&str]) -> Vec<Expr> {
    names
        .iter()
        .map(|n| Expr::col(t, n, SqlType::Integer))
        .collect()
}

#[test]
fn joinedload_shape() {
    // lazy_opt_joinedload / lazy_joined traces.
    let city = Rc::new(Alias {
        id: 7,
        name: None,
        target: AliasTarget::Table("city".into()),
    });
    let cc = |c: &str| {
        Expr::Column(ColRef {
            source: Source::Alias(city.clone()),
            name: c.into(),
            ty: SqlType::Integer,
        })
    };
    let mut columns = cols("country", &["id", "name"]);
    columns.extend([cc("id"), cc("name"), cc("country_id")]);
    let sel = Select::new(columns)
        .join(
            FromItem::Alias(city.clone()),
            Expr::col("country", "id", SqlType::Integer).binary(BinOp::Eq, cc("country_id")),
            true,
        )
        .order_by(Expr::col("country", "id", SqlType::Integer))
        .order_by(cc("id"));
    assert_eq!(
        s(&sel),
        "SELECT country.id, country.name, city_1.id AS id_1, city_1.name AS name_1, city_1.country_id \nFROM country LEFT OUTER JOIN city AS city_1 ON country.id = city_1.country_id ORDER BY country.id, city_1.id"
    );
}

#[test]
fn selectinload_shape() {
    let sel = Select::new(cols("player", &["team_id", "id", "name"]))
        .where_(
            Expr::col("player", "team_id", SqlType::Integer).in_values(vec![
                int(1),
                int(2),
                int(3),
            ]),
        )
        .order_by(Expr::col("player", "name", SqlType::Integer));
    assert_eq!(s(&sel), "SELECT player.team_id, player.id, player.name \nFROM player \nWHERE player.team_id IN (?, ?, ?) ORDER BY player.name");
}

#[test]
fn subqueryload_shape() {
    // lazy_opt_subqueryload: the inner legacy Query keeps its label style.
    let mut inner = Select::new(cols("playlist", &["id"]))
        .order_by(Expr::col("playlist", "name", SqlType::Integer))
        .limit(2);
    inner.label_style = LabelStyle::TablenamePlusCol;
    let sq = inner.subquery(3);
    let anon = Expr::Column(ColRef {
        source: Source::Alias(sq.clone()),
        name: "playlist_id".into(),
        ty: SqlType::Integer,
    });
    let mut columns = cols("song", &["id", "title", "playlist_id"]);
    columns.push(anon.clone());
    let mut sel = Select::new(columns)
        .select_from(FromItem::Alias(sq.clone()))
        .join(
            FromItem::table("song"),
            anon.binary(
                BinOp::Eq,
                Expr::col("song", "playlist_id", SqlType::Integer),
            ),
            false,
        );
    sel.label_style = LabelStyle::TablenamePlusCol;
    let c = compile(Statement::Select(&sel)).unwrap();
    assert_eq!(
        c.sql,
        "SELECT song.id AS song_id, song.title AS song_title, song.playlist_id AS song_playlist_id, anon_1.playlist_id AS anon_1_playlist_id \nFROM (SELECT playlist.id AS playlist_id \nFROM playlist ORDER BY playlist.name\n LIMIT ? OFFSET ?) AS anon_1 JOIN song ON anon_1.playlist_id = song.playlist_id"
    );
    assert_eq!(c.params, vec![vec![int(2), int(0)]]);
}

#[test]
fn relationship_any_exists_shape() {
    // m2m_association_proxy-style `Student.courses.any(Course.title == ?)`.
    let crit = and_(vec![
        Expr::col("student", "id", SqlType::Integer).binary(
            BinOp::Eq,
            Expr::col("enrollment", "student_id", SqlType::Integer),
        ),
        Expr::col("course", "id", SqlType::Integer).binary(
            BinOp::Eq,
            Expr::col("enrollment", "course_id", SqlType::Integer),
        ),
        Expr::col("course", "title", SqlType::String(None)).eq_value(PyValue::str("Math")),
    ]);
    let ex = Select::new(vec![Expr::Raw("1".into())])
        .select_from(FromItem::table("course"))
        .select_from(FromItem::table("enrollment"))
        .where_(crit);
    let mut sel = Select::new(cols("student", &["id", "name"])).where_(Expr::Exists(Box::new(ex)));
    sel.label_style = LabelStyle::TablenamePlusCol;
    assert_eq!(
        s(&sel),
        "SELECT student.id AS student_id, student.name AS student_name \nFROM student \nWHERE EXISTS (SELECT 1 \nFROM course, enrollment \nWHERE student.id = enrollment.student_id AND course.id = enrollment.course_id AND course.title = ?)"
    );
}

#[test]
fn chained_joins_shape() {
    let sel = Select::new(vec![
        Expr::col("student", "name", SqlType::Integer),
        Expr::col("exam", "subject", SqlType::Integer),
        Expr::col("grades", "score", SqlType::Integer),
    ])
    .select_from(FromItem::table("grades"))
    .join(
        FromItem::table("student"),
        Expr::col("student", "id", SqlType::Integer).binary(
            BinOp::Eq,
            Expr::col("grades", "student_id", SqlType::Integer),
        ),
        false,
    )
    .join(
        FromItem::table("exam"),
        Expr::col("exam", "id", SqlType::Integer)
            .binary(BinOp::Eq, Expr::col("grades", "exam_id", SqlType::Integer)),
        false,
    );
    assert_eq!(
        s(&sel),
        "SELECT student.name, exam.subject, grades.score \nFROM grades JOIN student ON student.id = grades.student_id JOIN exam ON exam.id = grades.exam_id"
    );
}

#[test]
fn legacy_query_count_shape() {
    // legacy_person_offences: Query(...).join(...).filter(...).count()
    let off = |c: &str| Expr::col("offences", c, SqlType::Integer);
    let mut inner = Select::new(vec![off("id"), off("description"), off("person_id")])
        .join(
            FromItem::table("people"),
            Expr::col("people", "id", SqlType::Integer).binary(BinOp::Eq, off("person_id")),
            false,
        )
        .where_(
            Expr::col("people", "name", SqlType::String(None)).eq_value(PyValue::str("L. Lad")),
        );
    inner.label_style = LabelStyle::TablenamePlusCol;
    let sel = Select::new(vec![Expr::count(None)]).select_from(FromItem::Alias(inner.subquery(9)));
    let c = compile(Statement::Select(&sel)).unwrap();
    assert_eq!(
        c.sql,
        "SELECT count(*) AS count_1 \nFROM (SELECT offences.id AS offences_id, offences.description AS offences_description, offences.person_id AS offences_person_id \nFROM offences JOIN people ON people.id = offences.person_id \nWHERE people.name = ?) AS anon_1"
    );
    assert_eq!(c.params, vec![vec![PyValue::str("L. Lad")]]);
}

fn st(stmt: Statement) -> String {
    compile_str(stmt).unwrap()
}

/// reference/strstmt.py: what `print(stmt)` shows.
#[test]
fn str_of_statements() {
    let sel = users()
        .where_(ua("name").eq_value(PyValue::str("x")))
        .where_(ua("age").op_value(BinOp::Gt, int(3)))
        .where_(ua("id").eq_value(int(2)))
        .where_(ua("name").ne_value(PyValue::str("y")));
    assert_eq!(
        st(Statement::Select(&sel)),
        format!("{UA} \nWHERE user_account.name = :name_1 AND user_account.age > :age_1 AND user_account.id = :id_1 AND user_account.name != :name_2")
    );
    let sel = users()
        .where_(ua("id").in_values(vec![int(1), int(2)]))
        .limit(5);
    assert_eq!(
        st(Statement::Select(&sel)),
        format!("{UA} \nWHERE user_account.id IN (__[POSTCOMPILE_id_1])\n LIMIT :param_1")
    );
    assert_eq!(
        st(Statement::Select(&users().limit(5).offset(2))),
        format!("{UA}\n LIMIT :param_1 OFFSET :param_2")
    );
    assert_eq!(
        st(Statement::Select(&users().offset(2))),
        format!("{UA}\n LIMIT -1 OFFSET :param_1")
    );
    let lit = Select::new(vec![addr("id"), addr("email"), addr("user_id")]).where_(
        Expr::Bind {
            value: int(1),
            ty: SqlType::Integer,
        }
        .binary(BinOp::Eq, addr("user_id")),
    );
    assert_eq!(st(Statement::Select(&lit)), "SELECT address.id, address.email, address.user_id \nFROM address \nWHERE :param_1 = address.user_id");
    let b = Expr::Between {
        expr: Box::new(ua("age")),
        low: Box::new(Expr::Bind {
            value: int(1),
            ty: SqlType::Integer,
        }),
        high: Box::new(Expr::Bind {
            value: int(5),
            ty: SqlType::Integer,
        }),
        negated: false,
    };
    assert_eq!(
        st(Statement::Select(&users().where_(b))),
        format!("{UA} \nWHERE user_account.age BETWEEN :age_1 AND :age_2")
    );
    let sw = ua("name").like_affix(PyValue::str("a"), true, false);
    assert_eq!(
        st(Statement::Select(&users().where_(sw))),
        format!("{UA} \nWHERE (user_account.name LIKE :name_1 || '%')")
    );
    let ar = ua("age")
        .op_value(BinOp::Add, int(1))
        .op_value(BinOp::Gt, int(3));
    assert_eq!(
        st(Statement::Select(&users().where_(ar))),
        format!("{UA} \nWHERE user_account.age + :age_1 > :param_1")
    );
    let grouped = Select {
        columns: vec![ua("name"), Expr::count(Some(addr("id")))],
        group_by: vec![ua("name")],
        having: vec![Expr::count(Some(addr("id"))).op_value(BinOp::Gt, int(1))],
        ..Select::default()
    }
    .join(
        FromItem::table("address"),
        ua("id").binary(BinOp::Eq, addr("user_id")),
        false,
    );
    assert_eq!(
        st(Statement::Select(&grouped)),
        "SELECT user_account.name, count(address.id) AS count_1 \nFROM user_account JOIN address ON user_account.id = address.user_id GROUP BY user_account.name \nHAVING count(address.id) > :count_2"
    );
    let ins = Insert {
        table: "user_account".into(),
        columns: vec![("name".into(), SqlType::String(Some(30)))],
        rows: vec![vec![PyValue::str("x")]],
        returning: vec![],
        defaulted: vec![],
    };
    assert_eq!(
        st(Statement::Insert(&ins)),
        "INSERT INTO user_account (name) VALUES (:name)"
    );
    let up = Update {
        table: "user_account".into(),
        set: vec![("name".into(), SqlType::String(Some(30)))],
        set_exprs: Vec::new(),
        where_: vec![ua("id").eq_value(int(1))],
        rows: vec![vec![PyValue::str("z")]],
        returning: Vec::new(),
    };
    assert_eq!(
        st(Statement::Update(&up)),
        "UPDATE user_account SET name=:name WHERE user_account.id = :id_1"
    );
    let del = Delete {
        table: "user_account".into(),
        where_: vec![ua("id").eq_value(int(1))],
        rows: vec![],
    };
    assert_eq!(
        st(Statement::Delete(&del)),
        "DELETE FROM user_account WHERE user_account.id = :id_1"
    );
    // The default dialect quotes `user`, SQLite does not.
    let u = Select::new(vec![Expr::col("user", "id", SqlType::Integer)]);
    assert_eq!(
        st(Statement::Select(&u)),
        "SELECT \"user\".id \nFROM \"user\""
    );
    assert_eq!(s(&u), "SELECT user.id \nFROM user");
}
