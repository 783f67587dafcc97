//! An in-memory relational store with SQLite's semantics (SQLite 3.40 as
//! Python's `sqlite3` exposes it to SQLAlchemy's `sqlite` dialect). SQL text is
//! parsed with `sqlparser`, translated into the store's own plan (only
//! `translate` sees `sqlparser::ast`) and executed against tables held in
//! memory. Translated statements are cached by SQL text. The store knows
//! nothing of the ORM.
//!
//! Supported: CREATE TABLE (affinity from the declared type, INTEGER PRIMARY
//! KEY as rowid alias incl. table-level `PRIMARY KEY (id)`, AUTOINCREMENT,
//! NOT NULL, UNIQUE, DEFAULT, CHECK, REFERENCES / FOREIGN KEY with ON
//! DELETE/UPDATE actions), CREATE [UNIQUE] INDEX, DROP TABLE/INDEX [IF
//! EXISTS], sqlite_master, PRAGMA table_info / foreign_keys / foreign_key_list
//! / index_list; INSERT (VALUES, DEFAULT VALUES, SELECT, OR IGNORE/REPLACE,
//! RETURNING), UPDATE and DELETE (RETURNING); SELECT with joins (inner, left,
//! cross, comma), subqueries (FROM, scalar, IN, EXISTS, correlated), GROUP BY /
//! HAVING / aggregates, DISTINCT, ORDER BY (NULLS FIRST/LAST), LIMIT/OFFSET,
//! UNION [ALL] / INTERSECT / EXCEPT, VALUES; BEGIN / COMMIT / ROLLBACK and
//! savepoints (undo log, DDL included). Anything else is rejected with an
//! error whose message starts "not supported by relplay-store".
//!
//! Lookups: rowid and index probes for `col = expr` / `col IN (...)`, also on
//! join conditions; UNIQUE, non-rowid PRIMARY KEY and FK child columns are indexed.

mod affinity;
mod ddl;
mod error;
mod exec;
mod functions;
mod parser;
mod plan;
mod schema;
mod storage;
mod translate;
mod txn;
mod value;

pub use error::{SqlError, SqlErrorKind};
pub use value::Value;

/// The AST the store's own parser builds for one statement. For the oracle
/// test (`tests/parser_oracle.rs`), which compares it with sqlparser's
/// `Parser`; the product never calls it.
#[doc(hidden)]
pub fn parse_ast(sql: &str) -> Result<sqlparser::ast::Statement, SqlError> {
    translate::parse_ast(sql)
}

use exec::{Env, State};
use plan::{Prepared, Stmt};
use std::collections::HashMap;
use std::rc::Rc;
use txn::Txn;

/// Statement parameters: `?`/`?NNN` take positional values, `:name` named ones.
#[derive(Clone, Debug, Default)]
pub enum Params {
    #[default]
    None,
    Positional(Vec<Value>),
    Named(Vec<(String, Value)>),
}

/// What one statement produced.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueryResult {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// Rows inserted, updated or deleted (0 for other statements).
    pub rows_affected: u64,
    /// The connection's last inserted rowid, as `sqlite3_last_insert_rowid`.
    pub last_insert_rowid: i64,
}

/// Prepared statements kept per SQL text; SQLAlchemy re-sends identical text often.
const CACHE_LIMIT: usize = 512;

/// One in-memory database, like `sqlite3.connect(":memory:")`.
#[derive(Default)]
pub struct Database {
    state: State,
    txn: Txn,
    cache: HashMap<String, (u64, Rc<Prepared>)>,
    /// Bumped by every schema change so cached plans are re-translated.
    schema_version: u64,
}

impl Database {
    pub fn new() -> Self {
        Self::default()
    }

    /// True inside BEGIN ... COMMIT/ROLLBACK (or a SAVEPOINT opened outside one).
    pub fn in_transaction(&self) -> bool {
        self.txn.active
    }

    fn prepare(&mut self, sql: &str) -> Result<Rc<Prepared>, SqlError> {
        if let Some((v, p)) = self.cache.get(sql) {
            if *v == self.schema_version {
                return Ok(p.clone());
            }
        }
        let p = Rc::new(translate::prepare(sql, &self.state.tables)?);
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(sql.to_string(), (self.schema_version, p.clone()));
        Ok(p)
    }

    /// Execute one SQL statement.
    pub fn execute(&mut self, sql: &str, params: &Params) -> Result<QueryResult, SqlError> {
        let prepared = self.prepare(sql)?;
        let named;
        let values: &[Value] = match params {
            Params::Named(_) => {
                named = bind(&prepared, params)?;
                &named
            }
            Params::Positional(v) if v.len() == prepared.param_names.len() => v,
            Params::None if prepared.param_names.is_empty() => &[],
            _ => {
                return Err(bind(&prepared, params)
                    .err()
                    .unwrap_or_else(|| SqlError::programming("bad parameters")))
            }
        };
        let mark = self.state.log.len();
        let result = self.run(&prepared.stmt, values);
        let result = result.and_then(|r| exec::fk::check_pending(&mut self.state).map(|_| r));
        match result {
            Ok(mut r) => {
                if !self.txn.active {
                    self.state.log.clear();
                }
                r.last_insert_rowid = self.state.last_rowid;
                Ok(r)
            }
            Err(e) => {
                // A failed statement leaves no trace (SQLite's statement journal).
                self.state.pending_fk.clear();
                if self.state.log.len() > mark {
                    let ddl = self.state.log[mark..].iter().any(|u| {
                        !matches!(
                            u,
                            txn::Undo::Insert { .. } | txn::Undo::Delete { .. } | txn::Undo::Update { .. } | txn::Undo::Seq { .. }
                        )
                    });
                    self.state.undo_to(mark);
                    if ddl {
                        self.schema_version += 1;
                    }
                }
                if !self.txn.active {
                    self.state.log.clear();
                }
                Err(e)
            }
        }
    }

    fn run(&mut self, stmt: &Stmt, params: &[Value]) -> Result<QueryResult, SqlError> {
        let st = &mut self.state;
        match stmt {
            Stmt::Query(q) => {
                let mut env = Env::new(&st.tables, params);
                env.sequence_table = st.sequence_table;
                let rows = exec::select::run_query(q, &env, None)?;
                Ok(QueryResult {
                    columns: q.columns.clone(),
                    rows,
                    ..Default::default()
                })
            }
            Stmt::Insert {
                table,
                columns,
                source,
                conflict,
                returning,
            } => exec::insert::insert(st, params, table, columns, source, *conflict, returning),
            Stmt::Update {
                table,
                sets,
                filter,
                access,
                returning,
            } => exec::update::update(st, params, table, sets, filter, access, returning),
            Stmt::Delete {
                table,
                filter,
                access,
                returning,
            } => exec::delete::delete(st, params, table, filter, access, returning),
            Stmt::CreateTable { .. } | Stmt::CreateIndex { .. } | Stmt::DropTable { .. } | Stmt::DropIndex { .. } => {
                let r = ddl::run(st, stmt)?;
                self.schema_version += 1;
                Ok(r)
            }
            Stmt::Pragma(p) => ddl::pragma(st, p),
            Stmt::Begin => {
                if self.txn.active {
                    return Err(SqlError::op("cannot start a transaction within a transaction"));
                }
                self.txn.active = true;
                self.txn.by_savepoint = false;
                Ok(QueryResult::default())
            }
            Stmt::Commit => {
                if !self.txn.active {
                    return Err(SqlError::op("cannot commit - no transaction is active"));
                }
                self.end_txn();
                Ok(QueryResult::default())
            }
            Stmt::Rollback => {
                if !self.txn.active {
                    return Err(SqlError::op("cannot rollback - no transaction is active"));
                }
                self.state.undo_to(0);
                self.schema_version += 1;
                self.end_txn();
                Ok(QueryResult::default())
            }
            Stmt::Savepoint(name) => {
                if !self.txn.active {
                    self.txn.active = true;
                    self.txn.by_savepoint = true;
                }
                self.txn.savepoints.push((name.clone(), self.state.log.len()));
                Ok(QueryResult::default())
            }
            Stmt::Release(name) => {
                let i = self.find_savepoint(name)?;
                self.txn.savepoints.truncate(i);
                if self.txn.savepoints.is_empty() && self.txn.by_savepoint {
                    self.end_txn();
                }
                Ok(QueryResult::default())
            }
            Stmt::RollbackTo(name) => {
                let i = self.find_savepoint(name)?;
                let mark = self.txn.savepoints[i].1;
                self.state.undo_to(mark);
                self.schema_version += 1;
                self.txn.savepoints.truncate(i + 1);
                Ok(QueryResult::default())
            }
        }
    }

    fn find_savepoint(&self, name: &str) -> Result<usize, SqlError> {
        self.txn
            .savepoints
            .iter()
            .rposition(|(n, _)| n.eq_ignore_ascii_case(name))
            .ok_or_else(|| SqlError::op(format!("no such savepoint: {name}")))
    }

    fn end_txn(&mut self) {
        self.txn = Txn::default();
        self.state.log.clear();
    }
}

/// Match supplied parameters to the statement's placeholders, as Python's sqlite3 does.
fn bind(p: &Prepared, params: &Params) -> Result<Vec<Value>, SqlError> {
    let n = p.param_names.len();
    match params {
        Params::None | Params::Positional(_) => {
            let vals = match params {
                Params::Positional(v) => v.clone(),
                _ => Vec::new(),
            };
            if vals.len() != n {
                return Err(SqlError::programming(format!(
                    "Incorrect number of bindings supplied. The current statement uses {n}, and there are {} supplied.",
                    vals.len()
                )));
            }
            Ok(vals)
        }
        Params::Named(named) => p
            .param_names
            .iter()
            .enumerate()
            .map(|(i, name)| match name {
                None => Err(SqlError::programming(format!(
                    "Binding {} has no name, but you supplied a dictionary (which has only names).",
                    i + 1
                ))),
                Some(full) => {
                    let bare = &full[1..];
                    named
                        .iter()
                        .find(|(k, _)| k == bare || k == full)
                        .map(|(_, v)| v.clone())
                        .ok_or_else(|| SqlError::programming(format!("You did not supply a value for binding parameter {full}.")))
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(db: &mut Database, sql: &str) -> QueryResult {
        db.execute(sql, &Params::None).unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    fn err(db: &mut Database, sql: &str, params: &Params) -> SqlError {
        db.execute(sql, params).expect_err(sql)
    }

    #[test]
    fn end_to_end_with_params_and_counts() {
        let mut db = Database::new();
        run(
            &mut db,
            "CREATE TABLE user_account (id INTEGER NOT NULL, name VARCHAR(30), PRIMARY KEY (id))",
        );
        let r = db
            .execute(
                "INSERT INTO user_account (name) VALUES (?) RETURNING id",
                &Params::Positional(vec![Value::text("ann")]),
            )
            .unwrap();
        assert_eq!(
            (r.columns.clone(), r.rows.clone(), r.rows_affected, r.last_insert_rowid),
            (vec!["id".to_string()], vec![vec![Value::Integer(1)]], 1, 1)
        );
        let r = db
            .execute(
                "INSERT INTO user_account (name) VALUES (:n), (:n)",
                &Params::Named(vec![("n".into(), Value::text("bob"))]),
            )
            .unwrap();
        assert_eq!((r.rows_affected, r.last_insert_rowid), (2, 3));
        let r = db
            .execute(
                "UPDATE user_account SET name = ?1 || ?1 WHERE id > ?2",
                &Params::Positional(vec![Value::text("x"), Value::Integer(1)]),
            )
            .unwrap();
        assert_eq!(r.rows_affected, 2);
        let r = run(
            &mut db,
            "SELECT user_account.id AS user_account_id, name FROM user_account ORDER BY id DESC",
        );
        assert_eq!(r.columns, vec!["user_account_id", "name"]);
        assert_eq!(r.rows[0], vec![Value::Integer(3), Value::text("xx")]);
        // last_insert_rowid is the connection's, unchanged by other statements.
        assert_eq!(r.last_insert_rowid, 3);
        assert_eq!(run(&mut db, "DELETE FROM user_account").rows_affected, 3);
    }

    #[test]
    fn binding_errors_are_programming_errors() {
        let mut db = Database::new();
        run(&mut db, "CREATE TABLE t (a)");
        let e = err(
            &mut db,
            "SELECT * FROM t WHERE a = ?",
            &Params::Positional(vec![Value::Integer(1), Value::Integer(2)]),
        );
        assert_eq!(e.kind, SqlErrorKind::Programming);
        assert_eq!(
            e.message,
            "Incorrect number of bindings supplied. The current statement uses 1, and there are 2 supplied."
        );
        let e = err(&mut db, "SELECT * FROM t WHERE a = :x", &Params::Named(vec![]));
        assert_eq!(
            (e.kind, e.message.as_str()),
            (SqlErrorKind::Programming, "You did not supply a value for binding parameter :x.")
        );
        let e = err(&mut db, "SELECT 1; SELECT 2", &Params::None);
        assert_eq!(e.kind, SqlErrorKind::Programming);
    }

    #[test]
    fn error_kinds() {
        let mut db = Database::new();
        run(&mut db, "CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE)");
        run(&mut db, "INSERT INTO t (code) VALUES ('a')");
        let e = err(&mut db, "INSERT INTO t (code) VALUES ('a')", &Params::None);
        assert_eq!(
            (e.kind, e.message.as_str()),
            (SqlErrorKind::Integrity, "UNIQUE constraint failed: t.code")
        );
        let e = err(&mut db, "SELEC 1", &Params::None);
        assert_eq!(
            (e.kind, e.message.as_str()),
            (SqlErrorKind::Operational, "near \"SELEC\": syntax error")
        );
        let e = err(&mut db, "SELECT * FROM t WINDOW w AS (ORDER BY id)", &Params::None);
        assert!(e.is_unsupported() || e.kind == SqlErrorKind::Operational, "{e}");
        let e = err(&mut db, "WITH x AS (SELECT 1) SELECT * FROM x", &Params::None);
        assert!(e.is_unsupported(), "{e}");
        let e = err(&mut db, "SELECT row_number() OVER (ORDER BY id) FROM t", &Params::None);
        assert!(e.is_unsupported(), "{e}");
        let e = err(&mut db, "SELECT CURRENT_TIMESTAMP", &Params::None);
        assert!(e.is_unsupported(), "{e}");
    }

    #[test]
    fn transactions_and_in_transaction() {
        let mut db = Database::new();
        run(&mut db, "CREATE TABLE t (v)");
        assert!(!db.in_transaction());
        run(&mut db, "BEGIN");
        assert!(db.in_transaction());
        run(&mut db, "INSERT INTO t VALUES (1)");
        run(&mut db, "ROLLBACK");
        assert!(!db.in_transaction());
        assert_eq!(run(&mut db, "SELECT count(*) FROM t").rows, vec![vec![Value::Integer(0)]]);
        run(&mut db, "SAVEPOINT a");
        assert!(db.in_transaction());
        run(&mut db, "RELEASE a");
        assert!(!db.in_transaction());
    }

    #[test]
    fn plans_are_retranslated_after_schema_changes() {
        let mut db = Database::new();
        run(&mut db, "CREATE TABLE t (a)");
        run(&mut db, "INSERT INTO t VALUES (1)");
        assert_eq!(run(&mut db, "SELECT * FROM t").columns, vec!["a"]);
        run(&mut db, "DROP TABLE t");
        run(&mut db, "CREATE TABLE t (a, b)");
        assert_eq!(run(&mut db, "SELECT * FROM t").columns, vec!["a", "b"]);
        run(&mut db, "BEGIN");
        run(&mut db, "DROP TABLE t");
        run(&mut db, "ROLLBACK");
        assert_eq!(run(&mut db, "SELECT * FROM t").columns, vec!["a", "b"]);
    }

    #[test]
    fn hostile_nesting_is_an_error_not_a_crash() {
        let mut db = Database::new();
        let deep = format!("SELECT {}1{}", "(".repeat(5000), ")".repeat(5000));
        assert!(db.execute(&deep, &Params::None).is_err());
        let deep = format!("SELECT 1{}", " + 1".repeat(20000));
        let _ = db.execute(&deep, &Params::None);
        let deep = format!("SELECT {}1", "NOT ".repeat(5000));
        assert!(db.execute(&deep, &Params::None).is_err());
    }

    #[test]
    fn garbage_input_never_panics() {
        let mut db = Database::new();
        run(&mut db, "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT)");
        for sql in [
            "",
            ";",
            "'",
            "SELECT '",
            "SELECT x'zz'",
            "SELECT ?999999",
            "INSERT INTO t",
            "UPDATE",
            "PRAGMA",
            "PRAGMA table_info",
            "SELECT * FROM t WHERE",
            "ROLLBACK TO",
            "SELECT 9999999999999999999999",
            "SELECT -9223372036854775808",
            "SELECT abs(-9223372036854775808)",
            "SELECT substr('abc', -9223372036854775808, 9223372036854775807)",
            "SELECT substr('abc', -9223372036854775807, -9223372036854775807)",
            "SELECT 1 << -9223372036854775808, 1 >> -9223372036854775808",
            "SELECT 1 LIMIT 9223372036854775807 OFFSET 9223372036854775807",
            "SELECT 9223372036854775807 * 2, -9223372036854775808 / -1, -9223372036854775808 % -1",
        ] {
            let _ = db.execute(sql, &Params::None);
        }
    }
}
