use crate::error::{OrmError, OrmErrorKind, OrmResult};

/// A `ForeignKey` target spelled `"table.col"`, resolved lazily against
/// the MetaData (as SQLAlchemy does at create_all / mapper configure time).
#[derive(Clone, Debug, PartialEq)]
pub struct ForeignKeyRef {
    pub target: String,
    pub ondelete: Option<String>,
    pub onupdate: Option<String>,
}

impl ForeignKeyRef {
    pub fn new(target: &str) -> ForeignKeyRef {
        ForeignKeyRef {
            target: target.into(),
            ondelete: None,
            onupdate: None,
        }
    }

    /// Split `"table.col"` (a schema-qualified `"s.table.col"` keeps the
    /// schema in the table part) into table and column names. Without a dot
    /// SQLAlchemy takes the whole text as the table and the column as
    /// `None`, failing later with `NoReferencedTableError`.
    pub fn split(&self) -> OrmResult<(&str, &str)> {
        match self.target.rsplit_once('.') {
            _ if self.target.is_empty() => Err(OrmError::new(
                OrmErrorKind::ArgumentError,
                format!("Invalid foreign key column specification: {}", self.target),
            )),
            Some((t, c)) => Ok((t, c)),
            None => Ok((self.target.as_str(), "None")),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConstraintKind {
    PrimaryKey(Vec<String>),
    /// Local columns and their `"table.col"` targets, pairwise.
    ForeignKey {
        columns: Vec<String>,
        targets: Vec<ForeignKeyRef>,
        use_alter: bool,
    },
    Unique(Vec<String>),
    Check(String),
}

/// A table-level constraint. `order` is SQLAlchemy's `_creation_order`:
/// CREATE TABLE renders constraints sorted by it, so explicit constraints
/// built before the Table come before those derived from its columns.
#[derive(Clone, Debug, PartialEq)]
pub struct Constraint {
    pub name: Option<String>,
    pub kind: ConstraintKind,
    pub order: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    pub name: String,
    pub columns: Vec<String>,
    pub unique: bool,
}
