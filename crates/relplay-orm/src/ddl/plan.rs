//! The statements `MetaData.create_all` / `drop_all` emit on SQLite.
//!
//! Both first check every table (definition order) with
//! `PRAGMA main.table_info("t")`, and only when that returns no rows with
//! `PRAGMA temp.table_info("t")`; then create in dependency order (each
//! table followed by its indexes) or drop in reverse dependency order.
//! Foreign keys are resolved only at the sort, i.e. after the PRAGMAs.

use super::sort::{dependency_edges, layered};
use super::{create_index, create_table, drop_table, sort_tables};
use crate::error::OrmError;
use crate::schema::MetaData;
use crate::sql::quote::quote_identifier;

/// How the echo log tags the statement's parameter line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DdlKind {
    /// `exec_driver_sql`: `[raw sql] ()`.
    Raw,
    /// A DDL construct: `[no key 0.00004s] ()`.
    NoKey,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DdlStatement {
    pub sql: String,
    pub kind: DdlKind,
}

/// The outcome of planning: the statements to run, in order, and an
/// error to raise after them (inside the still-open transaction).
#[derive(Clone, Debug, PartialEq)]
pub struct DdlPlan {
    pub statements: Vec<DdlStatement>,
    /// `SAWarning` messages, emitted before the statements.
    pub warnings: Vec<String>,
    pub error: Option<OrmError>,
}

fn pragmas(name: &str, exists: &dyn Fn(&str) -> bool, out: &mut Vec<DdlStatement>) -> bool {
    let q = quote_identifier(name);
    out.push(DdlStatement {
        sql: format!("PRAGMA main.table_info({q})"),
        kind: DdlKind::Raw,
    });
    if exists(name) {
        return true;
    }
    out.push(DdlStatement {
        sql: format!("PRAGMA temp.table_info({q})"),
        kind: DdlKind::Raw,
    });
    false
}

/// `create_all(checkfirst=True)`; `exists` tells whether a table is in the store.
pub fn create_all(md: &MetaData, exists: &dyn Fn(&str) -> bool) -> DdlPlan {
    let mut statements = Vec::new();
    let mut to_create = Vec::new();
    for (i, t) in md.tables.iter().enumerate() {
        if !pragmas(&t.name, exists, &mut statements) {
            to_create.push(i);
        }
    }
    let order = match sort_tables(md, &to_create) {
        Ok(o) => o,
        Err(e) => {
            return DdlPlan {
                statements,
                warnings: Vec::new(),
                error: Some(e),
            }
        }
    };
    for i in order {
        let t = &md.tables[i];
        match create_table(t) {
            Ok(sql) => statements.push(DdlStatement {
                sql,
                kind: DdlKind::NoKey,
            }),
            Err(e) => {
                return DdlPlan {
                    statements,
                    warnings: Vec::new(),
                    error: Some(e),
                }
            }
        }
        for ix in &t.indexes {
            statements.push(DdlStatement {
                sql: create_index(t, ix),
                kind: DdlKind::NoKey,
            });
        }
    }
    DdlPlan {
        statements,
        warnings: Vec::new(),
        error: None,
    }
}

/// `drop_all(checkfirst=True)`: only existing tables, children first.
pub fn drop_all(md: &MetaData, exists: &dyn Fn(&str) -> bool) -> DdlPlan {
    let mut statements = Vec::new();
    let mut to_drop = Vec::new();
    for (i, t) in md.tables.iter().enumerate() {
        if pragmas(&t.name, exists, &mut statements) {
            to_drop.push(i);
        }
    }
    let edges = match dependency_edges(md, &to_drop) {
        Ok(e) => e,
        Err(e) => {
            return DdlPlan {
                statements,
                warnings: Vec::new(),
                error: Some(e),
            }
        }
    };
    let mut warnings = Vec::new();
    // SQLite can't drop FK constraints separately: on a cycle SQLAlchemy
    // warns and drops in definition order.
    let order = match layered(&to_drop, &edges) {
        Ok(mut o) => {
            o.reverse();
            o
        }
        Err(cycle) => {
            let mut names: Vec<&str> = cycle.iter().map(|&i| md.tables[i].name.as_str()).collect();
            names.sort();
            warnings.push(format!(
                "Can't sort tables for DROP; an unresolvable foreign key dependency exists between tables: {}; and backend does not support ALTER.  To restore at least a partial sort, apply use_alter=True to ForeignKey and ForeignKeyConstraint objects involved in the cycle to mark these as known cycles that will be ignored.",
                names.join(", ")
            ));
            to_drop.clone()
        }
    };
    for i in order {
        statements.push(DdlStatement {
            sql: drop_table(&md.tables[i]),
            kind: DdlKind::NoKey,
        });
    }
    DdlPlan {
        statements,
        warnings,
        error: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Column, CreationOrder, Table};
    use crate::types::SqlType;
    use crate::OrmErrorKind;

    fn md_a_b() -> MetaData {
        // Reference script echo1.py: a (with index on name), b -> a.
        let mut o = CreationOrder::default();
        let mut md = MetaData::new();
        let mut b = Table::new("b");
        b.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        b.add_column(
            Column::new("a_id", SqlType::Integer).references("a.id"),
            &mut o,
        )
        .unwrap();
        let mut a = Table::new("a");
        a.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        a.add_column(
            Column::new("name", SqlType::String(Some(20))).index(),
            &mut o,
        )
        .unwrap();
        // b defined first to check the dependency sort.
        md.add_table(b).unwrap();
        md.add_table(a).unwrap();
        md
    }

    #[test]
    fn create_all_on_empty_db() {
        let plan = create_all(&md_a_b(), &|_| false);
        let sqls: Vec<&str> = plan.statements.iter().map(|s| s.sql.as_str()).collect();
        assert_eq!(
            sqls,
            [
                "PRAGMA main.table_info(\"b\")",
                "PRAGMA temp.table_info(\"b\")",
                "PRAGMA main.table_info(\"a\")",
                "PRAGMA temp.table_info(\"a\")",
                "\nCREATE TABLE a (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(20), \n\tPRIMARY KEY (id)\n)\n\n",
                "CREATE INDEX ix_a_name ON a (name)",
                "\nCREATE TABLE b (\n\tid INTEGER NOT NULL, \n\ta_id INTEGER, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(a_id) REFERENCES a (id)\n)\n\n",
            ]
        );
        assert_eq!(plan.statements[0].kind, DdlKind::Raw);
        assert_eq!(plan.statements[4].kind, DdlKind::NoKey);
    }

    #[test]
    fn second_create_all_and_drop_all() {
        let md = md_a_b();
        let plan = create_all(&md, &|_| true);
        let sqls: Vec<&str> = plan.statements.iter().map(|s| s.sql.as_str()).collect();
        assert_eq!(
            sqls,
            [
                "PRAGMA main.table_info(\"b\")",
                "PRAGMA main.table_info(\"a\")"
            ]
        );
        let plan = drop_all(&md, &|_| true);
        let sqls: Vec<&str> = plan.statements.iter().map(|s| s.sql.as_str()).collect();
        assert_eq!(
            sqls,
            [
                "PRAGMA main.table_info(\"b\")",
                "PRAGMA main.table_info(\"a\")",
                "\nDROP TABLE b",
                "\nDROP TABLE a"
            ]
        );
    }

    /// cycle.py: a <-> b, b -> x, c -> a.
    #[test]
    fn fk_cycles_create_and_drop_like_sqlalchemy() {
        let mut o = CreationOrder::default();
        let mut md = MetaData::new();
        let defs: [(&str, &[&str]); 4] = [
            ("x", &[]),
            ("a", &["b.id"]),
            ("b", &["a.id", "x.id"]),
            ("c", &["a.id"]),
        ];
        for (name, fks) in defs {
            let mut t = Table::new(name);
            t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
                .unwrap();
            for (i, fk) in fks.iter().enumerate() {
                t.add_column(
                    Column::new(&format!("fk{i}"), SqlType::Integer).references(fk),
                    &mut o,
                )
                .unwrap();
            }
            md.add_table(t).unwrap();
        }
        let tables = |p: &DdlPlan| -> Vec<String> {
            p.statements
                .iter()
                .filter(|s| s.kind == DdlKind::NoKey)
                .map(|s| s.sql.split_whitespace().nth(2).unwrap_or("").to_string())
                .collect()
        };
        let create = create_all(&md, &|_| false);
        assert_eq!(tables(&create), ["x", "a", "b", "c"]);
        assert!(create.warnings.is_empty());
        let drop = drop_all(&md, &|_| true);
        assert_eq!(tables(&drop), ["x", "a", "b", "c"]);
        assert_eq!(
            drop.warnings,
            ["Can't sort tables for DROP; an unresolvable foreign key dependency exists between tables: a, b; and backend does not support ALTER.  To restore at least a partial sort, apply use_alter=True to ForeignKey and ForeignKeyConstraint objects involved in the cycle to mark these as known cycles that will be ignored."]
        );
    }

    #[test]
    fn fk_errors_worded_as_sqlalchemy() {
        let mut o = CreationOrder::default();
        let mut md = MetaData::new();
        let mut a = Table::new("a");
        a.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        let mut b = Table::new("b");
        b.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        b.add_column(
            Column::new("a_id", SqlType::Integer).references("a.nope"),
            &mut o,
        )
        .unwrap();
        b.add_column(
            Column::new("x_id", SqlType::Integer).references("anope"),
            &mut o,
        )
        .unwrap();
        md.add_table(a).unwrap();
        md.add_table(b).unwrap();
        let err = create_all(&md, &|_| false).error.unwrap();
        assert_eq!(err.kind, OrmErrorKind::NoReferencedColumnError);
        assert_eq!(err.message, "Could not initialize target column for ForeignKey 'a.nope' on table 'b': table 'a' has no column named 'nope'");
        md.tables[1].constraints.remove(0);
        let err = create_all(&md, &|_| false).error.unwrap();
        assert_eq!(err.kind, OrmErrorKind::NoReferencedTableError);
        assert_eq!(
            err.message,
            "Foreign key associated with column 'b.x_id' could not find table 'anope' with which to generate a foreign key to target column 'None'"
        );
    }

    #[test]
    fn missing_fk_table_fails_after_pragmas() {
        // fk_wrong_table: ForeignKey("user.id") while the table is "users".
        let mut o = CreationOrder::default();
        let mut md = MetaData::new();
        let mut users = Table::new("users");
        users
            .add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        let mut posts = Table::new("posts");
        posts
            .add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        posts
            .add_column(
                Column::new("user_id", SqlType::Integer).references("user.id"),
                &mut o,
            )
            .unwrap();
        md.add_table(users).unwrap();
        md.add_table(posts).unwrap();
        let plan = create_all(&md, &|_| false);
        assert_eq!(plan.statements.len(), 4);
        let err = plan.error.unwrap();
        assert_eq!(err.kind, OrmErrorKind::NoReferencedTableError);
        assert_eq!(
            err.message,
            "Foreign key associated with column 'posts.user_id' could not find table 'user' with which to generate a foreign key to target column 'id'"
        );
    }
}
