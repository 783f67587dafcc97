//! The unit-of-work action order of every (acyclic) flush in the
//! conformance scenarios, as SQLAlchemy 2.1.9 sorted it (fixture dumped by
//! `fixtures/dump_flushes.py`), reproduced by `plan_flush`.

use relplay_orm::relationships::Direction;
use relplay_orm::unitofwork::{plan_flush, Action, FlushDep, FlushGraph};
use serde_json::Value;

fn direction(s: &str) -> Direction {
    match s {
        "ONETOMANY" => Direction::OneToMany,
        "MANYTOONE" => Direction::ManyToOne,
        _ => Direction::ManyToMany,
    }
}

#[test]
fn scenario_flush_orders_match_sqlalchemy() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/scenario_flushes.json")).unwrap();
    let mut checked = 0;
    for sc in fixture.as_array().unwrap() {
        let name = sc["scenario"].as_str().unwrap();
        for (fi, flush) in sc["flushes"].as_array().unwrap().iter().enumerate() {
            // Flushes with cycles run per-row actions; not compared here.
            if flush.is_null() {
                continue;
            }
            let actions = flush["actions"].as_array().unwrap();
            let with_states: Vec<&str> = flush["with_states"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let mut mappers: Vec<String> = Vec::new();
            let mut deps: Vec<(String, String, String, String)> = Vec::new();
            let add_mapper = |m: &str, mappers: &mut Vec<String>| {
                if !mappers.iter().any(|x| x == m) {
                    mappers.push(m.to_string());
                }
            };
            for a in actions {
                let a = a.as_array().unwrap();
                match a[0].as_str().unwrap() {
                    "SaveUpdateAll" | "DeleteAll" => {
                        add_mapper(a[1].as_str().unwrap(), &mut mappers)
                    }
                    "ProcessAll" => {
                        let d = (
                            a[1].as_str().unwrap().to_string(),
                            a[2].as_str().unwrap().to_string(),
                            a[3].as_str().unwrap().to_string(),
                            a[4].as_str().unwrap().to_string(),
                        );
                        add_mapper(&d.0, &mut mappers);
                        add_mapper(&d.3, &mut mappers);
                        if !deps.contains(&d) {
                            deps.push(d);
                        }
                    }
                    other => panic!("{name}: unexpected action {other}"),
                }
            }
            let idx = |m: &str| mappers.iter().position(|x| x == m).unwrap();
            let graph = FlushGraph {
                mappers: mappers.iter().map(|m| format!("__main__.{m}")).collect(),
                deps: deps
                    .iter()
                    .map(|(p, key, dir, t)| FlushDep {
                        sort_key: format!("__main__.{p}_{key}"),
                        direction: direction(dir),
                        parent: idx(p),
                        child: idx(t),
                    })
                    .collect(),
                without_states: (0..mappers.len())
                    .filter(|&i| !with_states.contains(&mappers[i].as_str()))
                    .collect(),
            };
            let render = |a: &Action| -> Value {
                match a {
                    Action::SaveUpdate(m) => serde_json::json!(["SaveUpdateAll", mappers[*m]]),
                    Action::Delete(m) => serde_json::json!(["DeleteAll", mappers[*m]]),
                    Action::Process { dep, isdelete } => {
                        let (p, key, dir, t) = &deps[*dep];
                        serde_json::json!(["ProcessAll", p, key, dir, t, isdelete])
                    }
                }
            };
            let ours: Vec<Value> = plan_flush(&graph)
                .unwrap()
                .iter()
                .map(render)
                .filter(|v| actions.contains(v))
                .collect();
            assert_eq!(&ours, actions, "{name} flush #{fi} {graph:?}");
            checked += 1;
        }
    }
    eprintln!("checked {checked} flushes");
    assert!(checked > 80, "only {checked} flushes checked");
}
