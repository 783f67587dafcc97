//! Python `repr()` of schema objects, as learners print them and as error
//! messages embed them ("Don't know how to join to Table('c', ...)").

use super::{Column, ServerDefault, Table};
use crate::types::SqlType;
use crate::value::str_repr;

impl SqlType {
    /// `repr(type)`: `Integer()`, `String(length=30)`, `Numeric(precision=10, scale=2)`.
    pub fn repr(&self) -> String {
        match self {
            SqlType::Integer => "Integer()".into(),
            SqlType::BigInteger => "BigInteger()".into(),
            SqlType::SmallInteger => "SmallInteger()".into(),
            SqlType::String(None) => "String()".into(),
            SqlType::String(Some(n)) => format!("String(length={n})"),
            SqlType::Text(None) => "Text()".into(),
            SqlType::Text(Some(n)) => format!("Text(length={n})"),
            SqlType::Boolean => "Boolean()".into(),
            SqlType::Float => "Float()".into(),
            SqlType::Double => "Double()".into(),
            SqlType::Interval => "Interval()".into(),
            SqlType::Uuid => "Uuid()".into(),
            SqlType::Numeric(None, None) => "Numeric()".into(),
            SqlType::Numeric(Some(p), None) => format!("Numeric(precision={p})"),
            SqlType::Numeric(None, Some(s)) => format!("Numeric(scale={s})"),
            SqlType::Numeric(Some(p), Some(s)) => format!("Numeric(precision={p}, scale={s})"),
            SqlType::Date => "Date()".into(),
            SqlType::DateTime => "DateTime()".into(),
            SqlType::Time => "Time()".into(),
            SqlType::LargeBinary => "LargeBinary()".into(),
            SqlType::Enum(members) => {
                let m: Vec<String> = members.iter().map(|s| str_repr(s)).collect();
                format!("Enum({})", m.join(", "))
            }
            SqlType::Json => "JSON()".into(),
            SqlType::Null => "NullType()".into(),
        }
    }
}

impl Column {
    /// `repr(column)` once attached to `table`.
    pub fn repr(&self, table: &str) -> String {
        let mut parts = vec![str_repr(&self.name), self.ty.repr()];
        for fk in &self.foreign_keys {
            parts.push(format!("ForeignKey({})", str_repr(&fk.target)));
        }
        parts.push(format!("table=<{table}>"));
        if self.primary_key {
            parts.push("primary_key=True".into());
        }
        if !self.nullable {
            parts.push("nullable=False".into());
        }
        if let Some(d) = &self.default {
            parts.push(format!("default=ScalarElementColumnDefault({})", d.repr()));
        }
        match &self.server_default {
            Some(ServerDefault::Literal(s)) => {
                parts.push(format!("server_default=DefaultClause({}, for_update=False)", str_repr(s)))
            }
            // A TextClause's repr holds an address the oracle doesn't mask.
            Some(ServerDefault::Text(_)) => parts.push(
                "server_default=DefaultClause(<sqlalchemy.sql.elements.TextClause object at 0x7f0000000000>, for_update=False)"
                    .into(),
            ),
            None => {}
        }
        if let Some(c) = &self.comment {
            parts.push(format!("comment={}", str_repr(c)));
        }
        format!("Column({})", parts.join(", "))
    }
}

impl Table {
    /// `repr(table)`: `Table('t', MetaData(), Column(...), ..., schema=None)`.
    pub fn repr(&self) -> String {
        let mut parts = vec![str_repr(&self.name), "MetaData()".to_string()];
        parts.extend(self.columns.iter().map(|c| c.repr(&self.name)));
        parts.push("schema=None".into());
        format!("Table({})", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CreationOrder, ForeignKeyRef};
    use super::*;
    use crate::PyValue;

    /// reference/repr.py: the repr of table `b`.
    #[test]
    fn table_repr_matches_python() {
        let mut o = CreationOrder::default();
        let mut t = Table::new("b");
        t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        t.add_column(Column::new("a1", SqlType::Null).references("a.id"), &mut o)
            .unwrap();
        t.add_column(
            Column::new("n", SqlType::String(Some(30)))
                .not_null()
                .unique(),
            &mut o,
        )
        .unwrap();
        t.add_column(Column::new("t", SqlType::Text(None)), &mut o)
            .unwrap();
        let mut f = Column::new("f", SqlType::Boolean);
        f.default = Some(PyValue::Bool(true));
        t.add_column(f, &mut o).unwrap();
        t.add_column(
            Column::new("s", SqlType::String(None))
                .server_default(ServerDefault::Literal("x".into()))
                .index(),
            &mut o,
        )
        .unwrap();
        t.add_column(
            Column::new("d", SqlType::Numeric(Some(10), Some(2))),
            &mut o,
        )
        .unwrap();
        t.add_column(Column::new("dt", SqlType::DateTime), &mut o)
            .unwrap();
        let mut x = Column::new("x", SqlType::Integer);
        x.foreign_keys.push(ForeignKeyRef {
            target: "a.id".into(),
            ondelete: Some("CASCADE".into()),
            onupdate: None,
        });
        t.add_column(x, &mut o).unwrap();
        assert_eq!(
            t.repr(),
            "Table('b', MetaData(), Column('id', Integer(), table=<b>, primary_key=True, nullable=False), Column('a1', NullType(), ForeignKey('a.id'), table=<b>), Column('n', String(length=30), table=<b>, nullable=False), Column('t', Text(), table=<b>), Column('f', Boolean(), table=<b>, default=ScalarElementColumnDefault(True)), Column('s', String(), table=<b>, server_default=DefaultClause('x', for_update=False)), Column('d', Numeric(precision=10, scale=2), table=<b>), Column('dt', DateTime(), table=<b>), Column('x', Integer(), ForeignKey('a.id'), table=<b>), schema=None)"
        );
        assert_eq!(
            SqlType::Enum(vec!["a".into(), "b".into()]).repr(),
            "Enum('a', 'b')"
        );
        assert_eq!(SqlType::Text(Some(5)).repr(), "Text(length=5)");
    }
}
