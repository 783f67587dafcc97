use crate::types::SqlType;
use crate::PyValue;

/// `server_default=`: a plain string is quoted as a SQL literal, `text()`
/// is rendered as given.
#[derive(Clone, Debug, PartialEq)]
pub enum ServerDefault {
    Literal(String),
    Text(String),
}

/// A column as declared. `nullable` is already resolved by the caller
/// (SQLAlchemy: primary keys are NOT NULL, the declarative mapper decides
/// from `Mapped[Optional[...]]`); `Column::new` applies Core's default.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub name: String,
    pub ty: SqlType,
    pub primary_key: bool,
    pub nullable: bool,
    pub unique: bool,
    pub index: bool,
    /// Python-side `default=` scalar, applied at INSERT time.
    pub default: Option<PyValue>,
    pub server_default: Option<ServerDefault>,
    /// `None` means SQLAlchemy's "auto".
    pub autoincrement: Option<bool>,
    /// Ignored by SQLite DDL, kept for `repr`.
    pub comment: Option<String>,
    /// `Column(Integer, Sequence(...))`: ignored by SQLite, ids still come
    /// from SQLite's rowid (a `start=` has no effect).
    pub sequence: Option<crate::schema::Sequence>,
    /// `ForeignKey("table.col")` targets on this column, in order.
    pub foreign_keys: Vec<crate::schema::ForeignKeyRef>,
}

impl Column {
    pub fn new(name: &str, ty: SqlType) -> Column {
        Column {
            name: name.into(),
            ty,
            primary_key: false,
            nullable: true,
            unique: false,
            index: false,
            default: None,
            server_default: None,
            autoincrement: None,
            comment: None,
            sequence: None,
            foreign_keys: Vec::new(),
        }
    }

    /// A primary key column; Core makes it NOT NULL.
    pub fn primary_key(mut self) -> Column {
        self.primary_key = true;
        self.nullable = false;
        self
    }

    pub fn not_null(mut self) -> Column {
        self.nullable = false;
        self
    }

    pub fn unique(mut self) -> Column {
        self.unique = true;
        self
    }

    pub fn index(mut self) -> Column {
        self.index = true;
        self
    }

    pub fn references(mut self, target: &str) -> Column {
        self.foreign_keys
            .push(crate::schema::ForeignKeyRef::new(target));
        self
    }

    pub fn server_default(mut self, d: ServerDefault) -> Column {
        self.server_default = Some(d);
        self
    }
}
