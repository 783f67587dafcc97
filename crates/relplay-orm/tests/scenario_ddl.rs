//! Every conformance scenario's schema, rebuilt from the fixture dumped by
//! the reference SQLAlchemy 2.1.9, must give the exact CREATE TABLE text
//! and the exact create_all echo block recorded in its `.expected` file.

use relplay_orm::ddl::{create_all, create_table, DdlKind};
use relplay_orm::schema::{Column, CreationOrder, MetaData, Table};
use relplay_orm::types::SqlType;
use serde_json::Value;

fn sql_type(s: &str) -> SqlType {
    match s {
        "INTEGER" => SqlType::Integer,
        "VARCHAR" => SqlType::String(None),
        other => match other
            .strip_prefix("VARCHAR(")
            .and_then(|r| r.strip_suffix(')'))
        {
            Some(n) => SqlType::String(n.parse().ok()),
            None => panic!("type {other} not in fixture mapping"),
        },
    }
}

fn build(tables: &[Value]) -> MetaData {
    let mut md = MetaData::new();
    let mut order = CreationOrder::default();
    for t in tables {
        let mut table = Table::new(t["name"].as_str().unwrap());
        for c in t["columns"].as_array().unwrap() {
            let mut col = Column::new(
                c["name"].as_str().unwrap(),
                sql_type(c["type"].as_str().unwrap()),
            );
            col.primary_key = c["pk"].as_bool().unwrap();
            col.nullable = c["nullable"].as_bool().unwrap();
            col.unique = c["unique"].as_bool().unwrap();
            col.index = c["index"].as_bool().unwrap();
            for fk in c["fks"].as_array().unwrap() {
                col = col.references(fk.as_str().unwrap());
            }
            table.add_column(col, &mut order).unwrap();
        }
        md.add_table(table).unwrap();
    }
    md
}

#[test]
fn scenario_create_table_and_create_all_blocks() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/scenario_schemas.json")).unwrap();
    let mut checked_tables = 0;
    let mut checked_blocks = 0;
    for sc in fixture.as_array().unwrap() {
        let name = sc["scenario"].as_str().unwrap();
        let tables = sc["tables"].as_array().unwrap();
        let md = build(tables);
        for (t, jt) in md.tables.iter().zip(tables) {
            if let Some(ddl) = jt["ddl"].as_str() {
                assert_eq!(create_table(t).unwrap(), ddl, "{name}: table {}", t.name);
                checked_tables += 1;
            }
        }
        let Some(block) = sc["create_all_echo"].as_str() else {
            continue;
        };
        let plan = create_all(&md, &|_| false);
        if plan.error.is_some() {
            continue;
        }
        let mut lines = vec!["BEGIN (implicit)".to_string()];
        for s in &plan.statements {
            lines.push(s.sql.clone());
            lines.push(match s.kind {
                DdlKind::Raw => "[raw sql] ()".into(),
                DdlKind::NoKey => "[no key Xs] ()".into(),
            });
        }
        lines.push("COMMIT".into());
        assert_eq!(lines.join("\n"), block, "{name}");
        checked_blocks += 1;
    }
    eprintln!("checked {checked_tables} tables, {checked_blocks} create_all blocks");
    assert!(checked_tables > 100, "only {checked_tables} tables checked");
    assert!(checked_blocks > 45, "only {checked_blocks} blocks checked");
}
