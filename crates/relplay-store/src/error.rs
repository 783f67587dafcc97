use std::fmt;

/// The `sqlite3` exception class an error maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SqlErrorKind {
    Integrity,
    Operational,
    Programming,
    Interface,
    Data,
}

/// An error worded as SQLite / Python's sqlite3 word it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SqlError {
    pub kind: SqlErrorKind,
    pub message: String,
}

impl SqlError {
    pub fn new(kind: SqlErrorKind, message: impl Into<String>) -> Self {
        SqlError {
            kind,
            message: message.into(),
        }
    }
    pub fn op(message: impl Into<String>) -> Self {
        Self::new(SqlErrorKind::Operational, message)
    }
    pub fn integrity(message: impl Into<String>) -> Self {
        Self::new(SqlErrorKind::Integrity, message)
    }
    pub fn programming(message: impl Into<String>) -> Self {
        Self::new(SqlErrorKind::Programming, message)
    }
    /// SQL the store does not implement: rejected rather than answered wrongly.
    pub fn unsupported(what: impl fmt::Display) -> Self {
        Self::op(format!("not supported by relplay-store: {what}"))
    }
    pub fn is_unsupported(&self) -> bool {
        self.message.starts_with("not supported by relplay-store")
    }
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}Error: {}", self.kind, self.message)
    }
}

impl std::error::Error for SqlError {}

pub type Result<T> = std::result::Result<T, SqlError>;
