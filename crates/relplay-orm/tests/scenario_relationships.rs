//! Every relationship of the conformance scenarios, analysed by the core
//! and compared with what SQLAlchemy 2.1.9 derived (fixture dumped by
//! `fixtures/dump_relationships.py`): direction, sync pairs and
//! local/remote pairs, in SQLAlchemy's order.

use relplay_orm::relationships::{analyze, lazy_clause, ColId, RelationshipSpec};
use relplay_orm::schema::{Column, CreationOrder, MetaData, Table};
use relplay_orm::sql::{compile, Expr, Select, Statement};
use relplay_orm::types::SqlType;
use relplay_orm::PyValue;
use serde_json::Value;

fn build(tables: &[Value]) -> MetaData {
    let mut md = MetaData::new();
    let mut order = CreationOrder::default();
    for t in tables {
        let mut table = Table::new(t["name"].as_str().unwrap());
        for c in t["columns"].as_array().unwrap() {
            let mut col = Column::new(c["name"].as_str().unwrap(), SqlType::Integer);
            col.primary_key = c["pk"].as_bool().unwrap();
            for fk in c["fks"].as_array().unwrap() {
                col = col.references(fk.as_str().unwrap());
            }
            table.add_column(col, &mut order).unwrap();
        }
        md.add_table(table).unwrap();
    }
    md
}

fn colid(v: &Value) -> ColId {
    ColId::new(v[0].as_str().unwrap(), v[1].as_str().unwrap())
}

fn cols(v: &Value) -> Vec<ColId> {
    v.as_array().unwrap().iter().map(colid).collect()
}

fn pairs(v: &Value) -> Vec<(ColId, ColId)> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| (colid(&p[0]), colid(&p[1])))
        .collect()
}

#[test]
fn scenario_relationships_match_sqlalchemy() {
    let schemas: Value =
        serde_json::from_str(include_str!("fixtures/scenario_schemas.json")).unwrap();
    let rels: Value =
        serde_json::from_str(include_str!("fixtures/scenario_relationships.json")).unwrap();
    let mut checked = 0;
    for sc in rels.as_array().unwrap() {
        let name = sc["scenario"].as_str().unwrap();
        let Some(schema) = schemas
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["scenario"] == name)
        else {
            continue;
        };
        let md = build(schema["tables"].as_array().unwrap());
        for r in sc["relationships"].as_array().unwrap() {
            let Some(direction) = r["direction"].as_str() else {
                continue;
            };
            let spec = RelationshipSpec {
                name: r["name"].as_str().unwrap().into(),
                parent_table: r["parent_table"].as_str().unwrap().into(),
                target_table: r["target_table"].as_str().unwrap().into(),
                secondary: r["secondary"].as_str().map(String::from),
                foreign_keys: cols(&r["foreign_keys"]),
                remote_side: cols(&r["remote_side"]),
                primaryjoin: (!r["primaryjoin"].is_null()).then(|| pairs(&r["primaryjoin"])),
                secondaryjoin: (!r["secondaryjoin"].is_null()).then(|| pairs(&r["secondaryjoin"])),
                primaryjoin_extra: Vec::new(),
            };
            let a = analyze(&md, &spec).unwrap_or_else(|e| panic!("{name} {}: {e}", spec.name));
            let ctx = format!("{name} {}", spec.name);
            assert_eq!(a.direction.name(), direction, "{ctx}");
            assert_eq!(a.sync_pairs, pairs(&r["sync_pairs"]), "{ctx}: sync pairs");
            assert_eq!(
                a.secondary_sync_pairs,
                pairs(&r["secondary_sync_pairs"]),
                "{ctx}: secondary sync pairs"
            );
            assert_eq!(
                a.local_remote_pairs,
                pairs(&r["local_remote_pairs"]),
                "{ctx}: local/remote pairs"
            );
            // The lazy loader's WHERE, as `_lazywhere` compiles on SQLite.
            let clause = lazy_clause(&md, &a, &|_| Some(PyValue::Int(1))).unwrap();
            let t = &spec.target_table;
            let sel = Select::new(vec![Expr::col(t, "id", SqlType::Integer)]).where_(clause);
            let sql = compile(Statement::Select(&sel)).unwrap().sql;
            let where_ = sql.split_once("WHERE ").map(|(_, w)| w).unwrap_or("");
            assert_eq!(
                where_,
                r["lazywhere"].as_str().unwrap(),
                "{ctx}: lazy clause"
            );
            checked += 1;
        }
    }
    eprintln!("checked {checked} relationships");
    assert!(checked > 100, "only {checked} relationships checked");
}
