//! The pysqlite DBAPI's transaction behaviour (legacy isolation control):
//! the driver sends `BEGIN` only before an INSERT/UPDATE/DELETE, and DDL
//! runs in autocommit; SQLAlchemy's `BEGIN (implicit)` is only a log line.

use relplay_store::{Database, Params};

pub fn is_dml(sql: &str) -> bool {
    let head = sql.trim_start();
    let word: String = head
        .chars()
        .take(6)
        .collect::<String>()
        .to_ascii_uppercase();
    word.starts_with("INSERT") || word.starts_with("UPDATE") || word.starts_with("DELETE")
}

pub fn before_execute(db: &mut Database, sql: &str) {
    if is_dml(sql) && !db.in_transaction() {
        let _ = db.execute("BEGIN", &Params::None);
    }
}

pub fn commit(db: &mut Database) {
    if db.in_transaction() {
        let _ = db.execute("COMMIT", &Params::None);
    }
}

pub fn rollback(db: &mut Database) {
    if db.in_transaction() {
        let _ = db.execute("ROLLBACK", &Params::None);
    }
}

/// The SQLAlchemy exception class and error-code link of a driver error.
pub fn error_class(kind: relplay_store::SqlErrorKind) -> (&'static str, &'static str) {
    use relplay_store::SqlErrorKind as K;
    match kind {
        K::Integrity => ("IntegrityError", "gkpj"),
        K::Operational => ("OperationalError", "e3q8"),
        K::Programming => ("ProgrammingError", "f405"),
        K::Interface => ("InterfaceError", "rvf5"),
        K::Data => ("DataError", "9h9h"),
        #[allow(unreachable_patterns)]
        _ => ("OperationalError", "e3q8"),
    }
}
