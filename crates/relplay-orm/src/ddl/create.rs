use crate::error::{OrmError, OrmErrorKind, OrmResult};
use crate::schema::{Column, ConstraintKind, Index, ServerDefault, Table};
use crate::sql::quote::{quote, string_literal};
use crate::types::SqlType;

fn join_quoted(cols: &[String]) -> String {
    cols.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", ")
}

/// The SQLite dialect wraps a `text()` default in parentheses when it is
/// not a simple token and does not already start with a quote or paren.
fn default_clause(d: &ServerDefault) -> String {
    let text = match d {
        ServerDefault::Literal(s) => string_literal(s),
        ServerDefault::Text(s) => s.clone(),
    };
    let starts_quoted = matches!(text.trim_start().chars().next(), Some('\'' | '"' | '('));
    let has_non_word = text.chars().any(|c| !(c.is_alphanumeric() || c == '_'));
    if !starts_quoted && has_non_word {
        format!(" DEFAULT ({text})")
    } else {
        format!(" DEFAULT {text}")
    }
}

fn column_spec(table: &Table, col: &Column) -> OrmResult<String> {
    if col.ty == SqlType::Null {
        return Err(OrmError::new(
            OrmErrorKind::CompileError,
            format!(
                "(in table '{}', column '{}'): Can't generate DDL for NullType(); did you forget to specify a type on this Column?",
                table.name, col.name
            ),
        ));
    }
    let mut s = format!("{} {}", quote(&col.name), col.ty.ddl_name());
    if let Some(d) = &col.server_default {
        s.push_str(&default_clause(d));
    }
    if !col.nullable {
        s.push_str(" NOT NULL");
    }
    Ok(s)
}

fn preamble(name: &Option<String>) -> String {
    match name {
        Some(n) => format!("CONSTRAINT {} ", quote(n)),
        None => String::new(),
    }
}

/// `CREATE TABLE` exactly as `CreateTable(t).compile(sqlite)`: a leading
/// newline, one `\t`-indented line per element joined by `", \n"`, the PK
/// first, then the other constraints in creation order.
pub fn create_table(table: &Table) -> OrmResult<String> {
    let mut parts = Vec::new();
    for col in &table.columns {
        parts.push(column_spec(table, col)?);
    }
    let pk = table.primary_key();
    if !pk.is_empty() {
        let name = table
            .explicit_primary_key
            .as_ref()
            .and_then(|c| c.name.clone());
        parts.push(format!(
            "{}PRIMARY KEY ({})",
            preamble(&name),
            join_quoted(&pk)
        ));
    }
    for c in table.sorted_constraints() {
        let body = match &c.kind {
            ConstraintKind::PrimaryKey(_) => continue,
            ConstraintKind::Unique(cols) if cols.is_empty() => continue,
            ConstraintKind::Unique(cols) => format!("UNIQUE ({})", join_quoted(cols)),
            ConstraintKind::Check(sql) => format!("CHECK ({sql})"),
            ConstraintKind::ForeignKey {
                columns, targets, ..
            } => {
                let mut remote_table = String::new();
                let mut remote_cols = Vec::new();
                for t in targets {
                    let (rt, rc) = t.split()?;
                    remote_table = rt.to_string();
                    remote_cols.push(rc.to_string());
                }
                let mut s = format!(
                    "FOREIGN KEY({}) REFERENCES {} ({})",
                    join_quoted(columns),
                    quote(&remote_table),
                    join_quoted(&remote_cols)
                );
                if let Some(first) = targets.first() {
                    if let Some(d) = &first.ondelete {
                        s.push_str(&format!(" ON DELETE {d}"));
                    }
                    if let Some(u) = &first.onupdate {
                        s.push_str(&format!(" ON UPDATE {u}"));
                    }
                }
                s
            }
        };
        parts.push(format!("{}{}", preamble(&c.name), body));
    }
    Ok(format!(
        "\nCREATE TABLE {} (\n\t{}\n)\n\n",
        quote(&table.name),
        parts.join(", \n\t")
    ))
}

/// `CREATE [UNIQUE] INDEX name ON table (cols)` (no leading newline).
pub fn create_index(table: &Table, index: &Index) -> String {
    format!(
        "CREATE {}INDEX {} ON {} ({})",
        if index.unique { "UNIQUE " } else { "" },
        quote(&index.name),
        quote(&table.name),
        join_quoted(&index.columns)
    )
}

pub fn drop_table(table: &Table) -> String {
    format!("\nDROP TABLE {}", quote(&table.name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Constraint, CreationOrder, ForeignKeyRef};

    fn user_account() -> Table {
        let mut o = CreationOrder::default();
        let mut t = Table::new("user_account");
        t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        t.add_column(
            Column::new("name", SqlType::String(Some(30))).not_null(),
            &mut o,
        )
        .unwrap();
        t
    }

    #[test]
    fn create_table_user_account_from_rel_o2m_20() {
        assert_eq!(
            create_table(&user_account()).unwrap(),
            "\nCREATE TABLE user_account (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(30) NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n"
        );
    }

    #[test]
    fn create_table_address_from_rel_o2m_20() {
        let mut o = CreationOrder::default();
        let mut t = Table::new("address");
        t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        t.add_column(
            Column::new("email", SqlType::String(None)).not_null(),
            &mut o,
        )
        .unwrap();
        t.add_column(
            Column::new("user_id", SqlType::Integer).references("user_account.id"),
            &mut o,
        )
        .unwrap();
        assert_eq!(
            create_table(&t).unwrap(),
            "\nCREATE TABLE address (\n\tid INTEGER NOT NULL, \n\temail VARCHAR NOT NULL, \n\tuser_id INTEGER, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(user_id) REFERENCES user_account (id)\n)\n\n"
        );
    }

    /// The `user` table of the reference script `ddl.py`: explicit
    /// constraints (built before the Table) precede column-derived UNIQUE.
    #[test]
    fn create_table_with_defaults_and_constraints() {
        let mut o = CreationOrder::default();
        let uq = Constraint {
            name: None,
            kind: ConstraintKind::Unique(vec!["name".into(), "code".into()]),
            order: o.take(),
        };
        let ck = Constraint {
            name: None,
            kind: ConstraintKind::Check("price > 0".into()),
            order: o.take(),
        };
        let mut t = Table::new("user");
        let cols = vec![
            Column::new("id", SqlType::Integer).primary_key(),
            Column::new("name", SqlType::String(Some(30)))
                .not_null()
                .unique(),
            Column::new("active", SqlType::Boolean)
                .server_default(ServerDefault::Literal("1".into())),
            Column::new("price", SqlType::Numeric(Some(10), Some(2))),
            Column::new("f", SqlType::Float),
            Column::new("d", SqlType::Date),
            Column::new("dt", SqlType::DateTime),
            Column::new("t", SqlType::Time),
            Column::new("b", SqlType::LargeBinary),
            Column::new("tx", SqlType::Text(None)),
            Column::new("e", SqlType::Enum(vec!["a".into(), "b".into()])),
            Column::new("code", SqlType::String(Some(5))).index(),
            Column::new("order", SqlType::Integer).server_default(ServerDefault::Text("0".into())),
            Column::new("sd", SqlType::String(None))
                .server_default(ServerDefault::Literal("x'y".into())),
        ];
        for c in cols {
            t.add_column(c, &mut o).unwrap();
        }
        t.add_constraint(uq);
        t.add_constraint(ck);
        assert_eq!(
            create_table(&t).unwrap(),
            "\nCREATE TABLE user (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(30) NOT NULL, \n\tactive BOOLEAN DEFAULT '1', \n\tprice NUMERIC(10, 2), \n\tf FLOAT, \n\td DATE, \n\tdt DATETIME, \n\tt TIME, \n\tb BLOB, \n\ttx TEXT, \n\te VARCHAR(1), \n\tcode VARCHAR(5), \n\t\"order\" INTEGER DEFAULT 0, \n\tsd VARCHAR DEFAULT 'x''y', \n\tPRIMARY KEY (id), \n\tUNIQUE (name, code), \n\tCHECK (price > 0), \n\tUNIQUE (name)\n)\n\n"
        );
        assert_eq!(
            create_index(&t, &t.indexes[0]),
            "CREATE INDEX ix_user_code ON user (code)"
        );
        assert_eq!(drop_table(&t), "\nDROP TABLE user");
    }

    #[test]
    fn composite_fk_named_unique_and_ondelete() {
        // The `t` table of the reference script `ddl2.py`.
        let mut o = CreationOrder::default();
        let uq = Constraint {
            name: Some("uq_z".into()),
            kind: ConstraintKind::Unique(vec!["z".into()]),
            order: o.take(),
        };
        let mut t = Table::new("t");
        t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        t.add_column(Column::new("z", SqlType::Integer).index(), &mut o)
            .unwrap();
        t.add_column(
            Column::new("a", SqlType::Integer)
                .references("p.id")
                .unique()
                .index(),
            &mut o,
        )
        .unwrap();
        t.add_column(Column::new("b", SqlType::Integer).unique(), &mut o)
            .unwrap();
        let mut c = Column::new("c", SqlType::Integer).index();
        c.foreign_keys.push(ForeignKeyRef {
            target: "p.id".into(),
            ondelete: Some("CASCADE".into()),
            onupdate: None,
        });
        t.add_column(c, &mut o).unwrap();
        t.add_column(Column::new("y", SqlType::Integer).index(), &mut o)
            .unwrap();
        t.add_constraint(uq);
        assert_eq!(
            create_table(&t).unwrap(),
            "\nCREATE TABLE t (\n\tid INTEGER NOT NULL, \n\tz INTEGER, \n\ta INTEGER, \n\tb INTEGER, \n\tc INTEGER, \n\ty INTEGER, \n\tPRIMARY KEY (id), \n\tCONSTRAINT uq_z UNIQUE (z), \n\tFOREIGN KEY(a) REFERENCES p (id), \n\tUNIQUE (b), \n\tFOREIGN KEY(c) REFERENCES p (id) ON DELETE CASCADE\n)\n\n"
        );
        assert_eq!(
            create_index(&t, &t.indexes[1]),
            "CREATE UNIQUE INDEX ix_t_a ON t (a)"
        );
    }

    #[test]
    fn quoted_table_and_composite_fk() {
        let mut o = CreationOrder::default();
        let fk = Constraint {
            name: None,
            kind: ConstraintKind::ForeignKey {
                columns: vec!["a".into(), "b".into()],
                targets: vec![ForeignKeyRef::new("pair.x"), ForeignKeyRef::new("pair.y")],
                use_alter: false,
            },
            order: o.take(),
        };
        let mut t = Table::new("order");
        t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        t.add_column(
            Column::new("user_id", SqlType::Integer)
                .not_null()
                .references("user.id"),
            &mut o,
        )
        .unwrap();
        t.add_column(Column::new("a", SqlType::Integer), &mut o)
            .unwrap();
        t.add_column(Column::new("b", SqlType::Integer), &mut o)
            .unwrap();
        t.add_column(Column::new("name with space", SqlType::Integer), &mut o)
            .unwrap();
        t.add_constraint(fk);
        assert_eq!(
            create_table(&t).unwrap(),
            "\nCREATE TABLE \"order\" (\n\tid INTEGER NOT NULL, \n\tuser_id INTEGER NOT NULL, \n\ta INTEGER, \n\tb INTEGER, \n\t\"name with space\" INTEGER, \n\tPRIMARY KEY (id), \n\tFOREIGN KEY(a, b) REFERENCES pair (x, y), \n\tFOREIGN KEY(user_id) REFERENCES user (id)\n)\n\n"
        );
    }
}

#[cfg(test)]
mod column_flag_tests {
    use super::*;
    use crate::schema::CreationOrder;

    /// ddl3.py: a column with both ForeignKey and unique=True.
    #[test]
    fn unique_precedes_foreign_key_of_same_column() {
        let mut o = CreationOrder::default();
        let mut t = Table::new("t");
        t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        t.add_column(
            Column::new("a", SqlType::Integer)
                .references("p.id")
                .unique(),
            &mut o,
        )
        .unwrap();
        t.add_column(Column::new("c", SqlType::Integer).unique(), &mut o)
            .unwrap();
        t.add_column(
            Column::new("e", SqlType::Integer).references("p.id"),
            &mut o,
        )
        .unwrap();
        assert_eq!(
            create_table(&t).unwrap(),
            "\nCREATE TABLE t (\n\tid INTEGER NOT NULL, \n\ta INTEGER, \n\tc INTEGER, \n\te INTEGER, \n\tPRIMARY KEY (id), \n\tUNIQUE (a), \n\tFOREIGN KEY(a) REFERENCES p (id), \n\tUNIQUE (c), \n\tFOREIGN KEY(e) REFERENCES p (id)\n)\n\n"
        );
    }
}

#[cfg(test)]
mod annotation_tests {
    use super::*;
    use crate::schema::CreationOrder;

    /// reference/annotations.py: the types `Mapped[...]` annotations map to.
    #[test]
    fn mapped_annotation_types() {
        let mut o = CreationOrder::default();
        let mut t = Table::new("t");
        let cols = [
            ("s", SqlType::String(None)),
            ("b", SqlType::Boolean),
            ("f", SqlType::Double),
            ("d", SqlType::Date),
            ("dt", SqlType::DateTime),
            ("tm", SqlType::Time),
            ("n", SqlType::Numeric(None, None)),
            ("by", SqlType::LargeBinary),
            ("e", SqlType::Enum(vec!["a".into(), "bb".into()])),
        ];
        t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        for (n, ty) in cols {
            t.add_column(Column::new(n, ty).not_null(), &mut o).unwrap();
        }
        t.add_column(Column::new("o", SqlType::String(None)), &mut o)
            .unwrap();
        t.add_column(Column::new("td", SqlType::Interval).not_null(), &mut o)
            .unwrap();
        t.add_column(Column::new("u", SqlType::Uuid).not_null(), &mut o)
            .unwrap();
        assert_eq!(
            create_table(&t).unwrap(),
            "\nCREATE TABLE t (\n\tid INTEGER NOT NULL, \n\ts VARCHAR NOT NULL, \n\tb BOOLEAN NOT NULL, \n\tf DOUBLE NOT NULL, \n\td DATE NOT NULL, \n\tdt DATETIME NOT NULL, \n\ttm TIME NOT NULL, \n\tn NUMERIC NOT NULL, \n\t\"by\" BLOB NOT NULL, \n\te VARCHAR(2) NOT NULL, \n\to VARCHAR, \n\ttd DATETIME NOT NULL, \n\tu CHAR(32) NOT NULL, \n\tPRIMARY KEY (id)\n)\n\n"
        );
    }
}
