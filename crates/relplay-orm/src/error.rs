//! Errors carry the SQLAlchemy exception class that Python would raise, so
//! the bridge can raise the same class with the same message.

use std::fmt;

/// The `sqlalchemy.exc` class (or builtin) an error maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrmErrorKind {
    ArgumentError,
    InvalidRequestError,
    NoForeignKeysError,
    AmbiguousForeignKeysError,
    NoReferencedTableError,
    NoReferencedColumnError,
    CircularDependencyError,
    /// `sqlalchemy.orm.exc.StaleDataError` (rowcount mismatch at flush).
    StaleDataError,
    CompileError,
    StatementError,
    /// A feature the playground does not emulate yet.
    NotSupported,
    /// Python's builtin `TypeError` / `ValueError` from type processing.
    TypeError,
    ValueError,
}

impl OrmErrorKind {
    /// The qualified class name as Python prints it in a traceback.
    pub fn qualified_name(self) -> &'static str {
        match self {
            OrmErrorKind::ArgumentError => "sqlalchemy.exc.ArgumentError",
            OrmErrorKind::InvalidRequestError => "sqlalchemy.exc.InvalidRequestError",
            OrmErrorKind::NoForeignKeysError => "sqlalchemy.exc.NoForeignKeysError",
            OrmErrorKind::AmbiguousForeignKeysError => "sqlalchemy.exc.AmbiguousForeignKeysError",
            OrmErrorKind::NoReferencedTableError => "sqlalchemy.exc.NoReferencedTableError",
            OrmErrorKind::NoReferencedColumnError => "sqlalchemy.exc.NoReferencedColumnError",
            OrmErrorKind::CircularDependencyError => "sqlalchemy.exc.CircularDependencyError",
            OrmErrorKind::StaleDataError => "sqlalchemy.orm.exc.StaleDataError",
            OrmErrorKind::CompileError => "sqlalchemy.exc.CompileError",
            OrmErrorKind::StatementError => "sqlalchemy.exc.StatementError",
            OrmErrorKind::NotSupported => "NotImplementedError",
            OrmErrorKind::TypeError => "TypeError",
            OrmErrorKind::ValueError => "ValueError",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrmError {
    pub kind: OrmErrorKind,
    pub message: String,
}

impl OrmError {
    pub fn new(kind: OrmErrorKind, message: impl Into<String>) -> Self {
        OrmError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for OrmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.qualified_name(), self.message)
    }
}

impl std::error::Error for OrmError {}

pub type OrmResult<T> = Result<T, OrmError>;
