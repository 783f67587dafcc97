//! Every distinct echo parameter line of the conformance scenarios, from
//! the raw parameters SQLAlchemy logged (fixture `fixtures/dump_param_lines.py`).

use relplay_orm::engine::repr_params;
use relplay_orm::PyValue;
use serde_json::Value;

fn value(v: &Value) -> PyValue {
    match v[0].as_str().unwrap() {
        "None" => PyValue::None,
        "Bool" => PyValue::Bool(v[1].as_bool().unwrap()),
        "Int" => PyValue::Int(v[1].as_i64().unwrap()),
        "Float" => PyValue::Float(v[1].as_str().unwrap().parse().unwrap()),
        "Str" => PyValue::str(v[1].as_str().unwrap()),
        other => panic!("untagged value {other}"),
    }
}

#[test]
fn scenario_param_lines_match_sqlalchemy() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/scenario_param_lines.json")).unwrap();
    let mut checked = 0;
    for r in fixture.as_array().unwrap() {
        let sets: Vec<Vec<PyValue>> = r["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_array().unwrap().iter().map(value).collect())
            .collect();
        assert_eq!(
            repr_params(&sets, r["multi"].as_bool().unwrap()),
            r["repr"].as_str().unwrap()
        );
        checked += 1;
    }
    assert!(checked > 200, "only {checked} lines checked");
}
