use super::{Column, Constraint, ConstraintKind, CreationOrder, Index};
use crate::error::{OrmError, OrmErrorKind, OrmResult};

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    /// Non-primary-key constraints; see `Constraint::order`.
    pub constraints: Vec<Constraint>,
    /// An explicit `PrimaryKeyConstraint`, else the PK columns are used.
    pub explicit_primary_key: Option<Constraint>,
    pub indexes: Vec<Index>,
}

impl Table {
    pub fn new(name: &str) -> Table {
        Table {
            name: name.into(),
            columns: Vec::new(),
            constraints: Vec::new(),
            explicit_primary_key: None,
            indexes: Vec::new(),
        }
    }

    /// Attach a column, deriving its constraints as `Column._set_parent`
    /// does: first UNIQUE (or a unique index when both `unique` and `index`
    /// are set), then a FOREIGN KEY per `ForeignKey` (its table-attach
    /// callback runs after), so `UNIQUE (a)` precedes `FOREIGN KEY(a)`.
    pub fn add_column(&mut self, col: Column, order: &mut CreationOrder) -> OrmResult<()> {
        if self.column(&col.name).is_some() {
            return Err(OrmError::new(
                OrmErrorKind::ArgumentError,
                format!(
                    "A column with name '{}' is already present in table '{}'.",
                    col.name, self.name
                ),
            ));
        }
        if col.index {
            self.indexes.push(Index {
                name: format!("ix_{}_{}", self.name, col.name),
                columns: vec![col.name.clone()],
                unique: col.unique,
            });
        } else if col.unique {
            self.constraints.push(Constraint {
                name: None,
                kind: ConstraintKind::Unique(vec![col.name.clone()]),
                order: order.take(),
            });
        }
        for fk in &col.foreign_keys {
            fk.split()?;
            self.constraints.push(Constraint {
                name: None,
                kind: ConstraintKind::ForeignKey {
                    columns: vec![col.name.clone()],
                    targets: vec![fk.clone()],
                    use_alter: false,
                },
                order: order.take(),
            });
        }
        self.columns.push(col);
        Ok(())
    }

    /// Add an explicit table-level constraint built earlier (its `order`
    /// was taken when the learner constructed it).
    pub fn add_constraint(&mut self, c: Constraint) {
        if let ConstraintKind::PrimaryKey(_) = c.kind {
            self.explicit_primary_key = Some(c);
        } else {
            self.constraints.push(c);
        }
    }

    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Primary key column names in PK order.
    pub fn primary_key(&self) -> Vec<String> {
        if let Some(Constraint {
            kind: ConstraintKind::PrimaryKey(cols),
            ..
        }) = &self.explicit_primary_key
        {
            return cols.clone();
        }
        self.columns
            .iter()
            .filter(|c| c.primary_key)
            .map(|c| c.name.clone())
            .collect()
    }

    /// Constraints in creation order, as CREATE TABLE lists them after the PK.
    pub fn sorted_constraints(&self) -> Vec<&Constraint> {
        let mut v: Vec<&Constraint> = self.constraints.iter().collect();
        v.sort_by_key(|c| c.order);
        v
    }

    /// `(local column, "table", "col")` for each foreign key column.
    pub fn foreign_key_pairs(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        for c in self.sorted_constraints() {
            if let ConstraintKind::ForeignKey {
                columns, targets, ..
            } = &c.kind
            {
                for (l, t) in columns.iter().zip(targets) {
                    if let Ok((tt, tc)) = t.split() {
                        out.push((l.clone(), tt.to_string(), tc.to_string()));
                    }
                }
            }
        }
        out
    }
}
