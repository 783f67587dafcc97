//! Executing schema statements and PRAGMAs.
use crate::error::{Result, SqlError};
use crate::exec::State;
use crate::plan::{Pragma, Stmt};
use crate::schema::FkAction;
use crate::storage::{Index, Table};
use crate::txn::Undo;
use crate::value::Value;
use crate::QueryResult;
use std::collections::BTreeMap;
use std::rc::Rc;

fn name_taken(st: &State, name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    st.tables.contains_key(&l)
        || st
            .tables
            .values()
            .any(|t| t.indexes.iter().any(|i| i.name.eq_ignore_ascii_case(name)))
}

pub fn run(st: &mut State, stmt: &Stmt) -> Result<QueryResult> {
    match stmt {
        Stmt::CreateTable { schema, if_not_exists } => {
            let lname = schema.name.to_ascii_lowercase();
            if lname.starts_with("sqlite_") {
                return Err(SqlError::op(format!("object name reserved for internal use: {}", schema.name)));
            }
            if name_taken(st, &schema.name) {
                if *if_not_exists {
                    return Ok(QueryResult::default());
                }
                let kind = if st.tables.contains_key(&lname) { "table" } else { "index" };
                return Err(SqlError::op(format!("{kind} {} already exists", schema.name)));
            }
            st.next_object += 1;
            st.tables.insert(lname.clone(), Table::new(schema.clone(), st.next_object));
            // The first AUTOINCREMENT table brings sqlite_sequence into the schema.
            if schema.autoincrement && st.sequence_table.is_none() {
                st.next_object += 1;
                st.sequence_table = Some(st.next_object);
                st.log.push(Undo::SequenceTableCreated);
            }
            st.log.push(Undo::CreateTable(Rc::from(lname.as_str())));
        }
        Stmt::CreateIndex {
            name,
            table,
            columns,
            unique,
            if_not_exists,
            sql,
        } => {
            if name_taken(st, name) {
                if *if_not_exists {
                    return Ok(QueryResult::default());
                }
                return Err(SqlError::op(format!("index {name} already exists")));
            }
            let t = st
                .tables
                .get_mut(table)
                .ok_or_else(|| SqlError::op(format!("no such table: main.{table}")))?;
            st.next_object += 1;
            let created = st.next_object;
            let mut ix = Index {
                name: name.clone(),
                columns: columns.clone(),
                unique: *unique,
                auto: false,
                hidden: false,
                sql: Some(sql.clone()),
                created,
                map: BTreeMap::new(),
            };
            t.build_index(&mut ix);
            if *unique {
                for (k, ids) in &ix.map {
                    if ids.len() > 1 && !k.iter().any(|v| v.0.is_null()) {
                        let cols: Vec<String> = columns
                            .iter()
                            .map(|&c| format!("{}.{}", t.schema.name, t.schema.columns[c].name))
                            .collect();
                        return Err(SqlError::integrity(format!("UNIQUE constraint failed: {}", cols.join(", "))));
                    }
                }
            }
            // Newer explicit indexes go before the FK helper so lookups prefer them.
            t.indexes.push(ix);
            st.log.push(Undo::CreateIndex {
                table: Rc::from(table.as_str()),
                name: name.clone(),
            });
        }
        Stmt::DropTable { name, if_exists } => {
            let l = name.to_ascii_lowercase();
            match st.tables.remove(&l) {
                Some(t) => {
                    if st.foreign_keys
                        && st
                            .tables
                            .values()
                            .any(|c| c.schema.fks.iter().any(|f| f.parent.eq_ignore_ascii_case(name)) && !c.rows.is_empty())
                    {
                        st.tables.insert(l, t);
                        return Err(SqlError::integrity("FOREIGN KEY constraint failed"));
                    }
                    st.log.push(Undo::DropTable(Box::new(t)));
                    if st.seq.contains_key(&l) {
                        let old = st.seq.remove(&l);
                        st.log.push(Undo::Seq {
                            table: Rc::from(l.as_str()),
                            old,
                        });
                    }
                }
                None if *if_exists => {}
                None => return Err(SqlError::op(format!("no such table: {name}"))),
            }
        }
        Stmt::DropIndex { name, if_exists } => {
            let found = st.tables.iter_mut().find_map(|(tn, t)| {
                t.indexes
                    .iter()
                    .position(|i| i.name.eq_ignore_ascii_case(name) && !i.hidden)
                    .map(|p| (tn.clone(), p))
            });
            match found {
                Some((tn, p)) => {
                    let Some(t) = st.tables.get_mut(&tn) else {
                        return Ok(QueryResult::default());
                    };
                    if t.indexes[p].auto {
                        return Err(SqlError::op(
                            "index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped",
                        ));
                    }
                    let ix = t.indexes.remove(p);
                    st.log.push(Undo::DropIndex {
                        table: Rc::from(tn.as_str()),
                        index: Box::new(ix),
                    });
                }
                None if *if_exists => {}
                None => return Err(SqlError::op(format!("no such index: {name}"))),
            }
        }
        _ => {}
    }
    Ok(QueryResult::default())
}

fn action_name(a: FkAction) -> &'static str {
    match a {
        FkAction::NoAction => "NO ACTION",
        FkAction::Restrict => "RESTRICT",
        FkAction::Cascade => "CASCADE",
        FkAction::SetNull => "SET NULL",
        FkAction::SetDefault => "SET DEFAULT",
    }
}

fn text_or_null(s: &Option<String>) -> Value {
    s.as_deref().map(Value::text).unwrap_or(Value::Null)
}

pub fn pragma(st: &mut State, p: &Pragma) -> Result<QueryResult> {
    let cols = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Ok(match p {
        Pragma::TableInfo(t) => {
            let mut rows = Vec::new();
            if let Some(t) = st.tables.get(&t.to_ascii_lowercase()) {
                for (i, c) in t.schema.columns.iter().enumerate() {
                    rows.push(vec![
                        Value::Integer(i as i64),
                        Value::text(&c.name),
                        Value::text(&c.decl_type),
                        Value::Integer(c.not_null as i64),
                        text_or_null(&c.default_text),
                        Value::Integer(c.pk as i64),
                    ]);
                }
            }
            QueryResult {
                columns: cols(&["cid", "name", "type", "notnull", "dflt_value", "pk"]),
                rows,
                ..Default::default()
            }
        }
        Pragma::ForeignKeys(None) => QueryResult {
            columns: cols(&["foreign_keys"]),
            rows: vec![vec![Value::Integer(st.foreign_keys as i64)]],
            ..Default::default()
        },
        Pragma::ForeignKeys(Some(on)) => {
            st.foreign_keys = *on;
            QueryResult::default()
        }
        Pragma::ForeignKeyList(t) => {
            let mut rows = Vec::new();
            if let Some(t) = st.tables.get(&t.to_ascii_lowercase()) {
                for (id, fk) in t.schema.fks.iter().enumerate().rev() {
                    let nth = t.schema.fks.len() - 1 - id;
                    for (seq, &c) in fk.columns.iter().enumerate() {
                        rows.push(vec![
                            Value::Integer(nth as i64),
                            Value::Integer(seq as i64),
                            Value::text(&fk.parent),
                            Value::text(&t.schema.columns[c].name),
                            fk.parent_columns.get(seq).map(|s| Value::text(s)).unwrap_or(Value::Null),
                            Value::text(action_name(fk.on_update)),
                            Value::text(action_name(fk.on_delete)),
                            Value::text("NONE"),
                        ]);
                    }
                }
            }
            QueryResult {
                columns: cols(&["id", "seq", "table", "from", "to", "on_update", "on_delete", "match"]),
                rows,
                ..Default::default()
            }
        }
        Pragma::IndexList(t) => {
            let mut rows = Vec::new();
            if let Some(t) = st.tables.get(&t.to_ascii_lowercase()) {
                let visible: Vec<&Index> = t.indexes.iter().filter(|i| !i.hidden).collect();
                for (seq, ix) in visible.iter().rev().enumerate() {
                    let origin = if !ix.auto {
                        "c"
                    } else if t.schema.rowid_alias.is_none() && ix.columns == t.schema.pk {
                        "pk"
                    } else {
                        "u"
                    };
                    rows.push(vec![
                        Value::Integer(seq as i64),
                        Value::text(&ix.name),
                        Value::Integer(ix.unique as i64),
                        Value::text(origin),
                        Value::Integer(0),
                    ]);
                }
            }
            QueryResult {
                columns: cols(&["seq", "name", "unique", "origin", "partial"]),
                rows,
                ..Default::default()
            }
        }
        Pragma::Noop => QueryResult::default(),
    })
}
