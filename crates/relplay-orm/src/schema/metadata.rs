use super::Table;
use crate::error::{OrmError, OrmErrorKind, OrmResult};

/// SQLAlchemy's global `_creation_order` counter, owned by the embedder so
/// that explicit constraints and column-derived ones interleave correctly.
#[derive(Debug, Default)]
pub struct CreationOrder(u64);

impl CreationOrder {
    pub fn take(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }
}

/// Tables in definition order (`MetaData.tables` is insertion-ordered).
#[derive(Debug, Default)]
pub struct MetaData {
    pub tables: Vec<Table>,
}

impl MetaData {
    pub fn new() -> MetaData {
        MetaData::default()
    }

    pub fn add_table(&mut self, table: Table) -> OrmResult<()> {
        if self.table(&table.name).is_some() {
            return Err(OrmError::new(
                OrmErrorKind::InvalidRequestError,
                format!(
                    "Table '{}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object.",
                    table.name
                ),
            ));
        }
        self.tables.push(table);
        Ok(())
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    pub fn table_index(&self, name: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.name == name)
    }

    /// Resolve every foreign key of `table` to a table index, raising
    /// `NoReferencedTableError` / `NoReferencedColumnError` as SQLAlchemy
    /// does when a target is missing.
    pub fn referred_tables(&self, table: &Table) -> OrmResult<Vec<usize>> {
        let mut out = Vec::new();
        for c in &table.constraints {
            if let super::ConstraintKind::ForeignKey {
                columns, targets, ..
            } = &c.kind
            {
                for (local, target) in columns.iter().zip(targets) {
                    let (tname, cname) = target.split()?;
                    let Some(idx) = self.table_index(tname) else {
                        return Err(OrmError::new(
                            OrmErrorKind::NoReferencedTableError,
                            format!(
                                "Foreign key associated with column '{}.{}' could not find table '{}' with which to generate a foreign key to target column '{}'",
                                table.name, local, tname, cname
                            ),
                        ));
                    };
                    if self.tables[idx].column(cname).is_none() {
                        return Err(OrmError::new(
                            OrmErrorKind::NoReferencedColumnError,
                            format!(
                                "Could not initialize target column for ForeignKey '{}' on table '{}': table '{}' has no column named '{}'",
                                target.target, table.name, tname, cname
                            ),
                        ));
                    }
                    if !out.contains(&idx) {
                        out.push(idx);
                    }
                }
            }
        }
        Ok(out)
    }
}
