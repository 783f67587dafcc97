//! The statements `MetaData.create_all` / `drop_all` emit on SQLite.
//!
//! Both first check every table (definition order) with
//! `PRAGMA main.table_info("t")`, and only when that returns no rows with
//! `PRAGMA temp.table_info("t")`; then create in dependency order (each
//! table followed by its indexes) or drop in reverse dependency order.
//! Foreign keys are resolved only at the sort, i.e. after the PRAGMAs.

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
    let order = match sort_tables(md, &to_drop) {
        Ok(o) => o,
        Err(e) => {
            return DdlPlan {
                statements,
                error: Some(e),
            }
        }
    };
    for i in order.into_iter().rev() {
        statements.push(DdlStatement {
            sql: drop_table(&md.tables[i]),
            kind: DdlKind::NoKey,
        });
    }
    DdlPlan {
        statements,
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
