//! Column types: their SQLite DDL names and the conversion between Python
//! values and what the SQLite driver stores (mirrors `sql/sqltypes.py` plus
//! the pysqlite overrides in `dialects/sqlite`).

mod process;

pub use process::{bind_process, result_process, to_store};

/// A SQLAlchemy type as declared on a column.
#[derive(Clone, Debug, PartialEq)]
pub enum SqlType {
    Integer,
    BigInteger,
    SmallInteger,
    /// `String(length)`; `Unicode` is the same on SQLite.
    String(Option<u32>),
    Text(Option<u32>),
    Boolean,
    Float,
    /// `Double`: what `Mapped[float]` maps to in 2.1 (DDL `DOUBLE`).
    Double,
    Numeric(Option<u32>, Option<u32>),
    Date,
    DateTime,
    Time,
    LargeBinary,
    /// `Enum("a", "b")`: a VARCHAR sized to the longest member.
    Enum(Vec<String>),
    Json,
    /// `Interval` (`Mapped[datetime.timedelta]`): DATETIME on SQLite.
    Interval,
    /// `Uuid` (`Mapped[uuid.UUID]`): CHAR(32) on SQLite.
    Uuid,
    /// The type of an untyped expression (`NullType`).
    Null,
}

impl SqlType {
    /// The name rendered in `CREATE TABLE` by the SQLite dialect.
    pub fn ddl_name(&self) -> String {
        match self {
            SqlType::Integer => "INTEGER".into(),
            SqlType::BigInteger => "BIGINT".into(),
            SqlType::SmallInteger => "SMALLINT".into(),
            SqlType::String(None) => "VARCHAR".into(),
            SqlType::String(Some(n)) => format!("VARCHAR({n})"),
            SqlType::Text(None) => "TEXT".into(),
            SqlType::Text(Some(n)) => format!("TEXT({n})"),
            SqlType::Boolean => "BOOLEAN".into(),
            SqlType::Float => "FLOAT".into(),
            SqlType::Double => "DOUBLE".into(),
            SqlType::Interval => "DATETIME".into(),
            SqlType::Uuid => "CHAR(32)".into(),
            SqlType::Numeric(None, _) => "NUMERIC".into(),
            SqlType::Numeric(Some(p), None) => format!("NUMERIC({p})"),
            SqlType::Numeric(Some(p), Some(s)) => format!("NUMERIC({p}, {s})"),
            SqlType::Date => "DATE".into(),
            SqlType::DateTime => "DATETIME".into(),
            SqlType::Time => "TIME".into(),
            SqlType::LargeBinary => "BLOB".into(),
            SqlType::Enum(members) => {
                let len = members.iter().map(|m| m.chars().count()).max().unwrap_or(0);
                format!("VARCHAR({len})")
            }
            SqlType::Json => "JSON".into(),
            SqlType::Null => "NULL".into(),
        }
    }

    /// The "type affinity" SQLAlchemy compares when deciding whether a
    /// literal compared to a column takes the column's type (see
    /// `TypeEngine.coerce_compared_value`); also part of cache keys.
    pub fn affinity(&self) -> &'static str {
        match self {
            SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger => "Integer",
            SqlType::String(_) | SqlType::Text(_) | SqlType::Enum(_) => "String",
            SqlType::Boolean => "Boolean",
            SqlType::Float | SqlType::Double | SqlType::Numeric(..) => "Numeric",
            SqlType::Interval => "Interval",
            SqlType::Uuid => "Uuid",
            SqlType::Date => "Date",
            SqlType::DateTime => "DateTime",
            SqlType::Time => "Time",
            SqlType::LargeBinary => "LargeBinary",
            SqlType::Json => "JSON",
            SqlType::Null => "NullType",
        }
    }

    /// The type SQLAlchemy infers for a bare Python value
    /// (`_resolve_value_to_type`).
    pub fn for_value(v: &crate::PyValue) -> SqlType {
        use crate::PyValue as P;
        match v {
            P::None => SqlType::Null,
            P::Bool(_) => SqlType::Boolean,
            P::Int(_) => SqlType::Integer,
            P::Float(_) => SqlType::Float,
            P::Str(_) => SqlType::String(None),
            P::Bytes(_) | P::Memory(_) => SqlType::LargeBinary,
            P::Decimal(_) => SqlType::Numeric(None, None),
            P::Date(_) => SqlType::Date,
            P::DateTime(..) => SqlType::DateTime,
            P::Time(_) => SqlType::Time,
        }
    }

    /// The type a literal takes when compared with an expression of type
    /// `self`: the column's type unless the value's own type has another
    /// affinity (then e.g. `name == 5.5` binds as Float).
    pub fn coerce_compared_value(&self, v: &crate::PyValue) -> SqlType {
        let own = SqlType::for_value(v);
        if own == SqlType::Null || own.affinity() == self.affinity() {
            self.clone()
        } else {
            own
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_ddl_names() {
        // From CreateTable(...).compile(dialect=sqlite.dialect()) in 2.1.9.
        assert_eq!(SqlType::String(Some(30)).ddl_name(), "VARCHAR(30)");
        assert_eq!(SqlType::String(None).ddl_name(), "VARCHAR");
        assert_eq!(
            SqlType::Numeric(Some(10), Some(2)).ddl_name(),
            "NUMERIC(10, 2)"
        );
        assert_eq!(SqlType::LargeBinary.ddl_name(), "BLOB");
        assert_eq!(
            SqlType::Enum(vec!["a".into(), "b".into()]).ddl_name(),
            "VARCHAR(1)"
        );
        assert_eq!(SqlType::Json.ddl_name(), "JSON");
        // Mapped[float] / Mapped[timedelta] / Mapped[uuid.UUID] in 2.1.9:
        assert_eq!(SqlType::Double.ddl_name(), "DOUBLE");
        assert_eq!(SqlType::Interval.ddl_name(), "DATETIME");
        assert_eq!(SqlType::Uuid.ddl_name(), "CHAR(32)");
    }
}
