//! How `persistence.py` turns one mapper's rows into statements.
//!
//! INSERT (`_emit_insert_statements`): rows are grouped *consecutively*
//! (itertools.groupby, in the flush's row order) by their set of parameter
//! keys and whether they carry their full primary key. A group whose rows
//! carry their primary keys is one plain (execute)many; otherwise several
//! rows use RETURNING with insertmanyvalues (one statement per row on
//! SQLite, "batch not supported") and a single row is a plain INSERT whose
//! new key comes from `cursor.lastrowid`.
//!
//! UPDATE (`_emit_update_statements`): consecutive rows with the same SET
//! columns are one executemany (a group of one logs a plain tuple).
//!
//! DELETE (`_emit_delete_statements`): all rows of a table in one
//! executemany, ordered by primary key.

use crate::schema::Table;
use crate::types::SqlType;
use crate::PyValue;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InsertStrategy {
    /// One statement for the whole group, no RETURNING: logged as a tuple
    /// (1 row) or a list of tuples (executemany). Only when every row has
    /// its primary key and every server default.
    ExecuteMany,
    /// Each row its own execute (plain, or with RETURNING when `returning`
    /// is non-empty); a row without RETURNING gets its key from lastrowid.
    PerRow,
    /// `INSERT ... RETURNING`, one statement per row with the
    /// `(insertmanyvalues) i/n (ordered; batch not supported)` notes. Its
    /// cache entry differs from the same SQL executed as `PerRow`.
    InsertManyValues,
}

/// How one group of INSERT rows runs, and what it returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InsertPlan {
    pub strategy: InsertStrategy,
    /// Columns after `RETURNING` (empty: none).
    pub returning: Vec<String>,
}

/// The facts about one group (`_emit_insert_statements` on SQLite, with
/// eager defaults "auto" so server defaults are fetched by RETURNING).
#[derive(Clone, Debug, Default)]
pub struct InsertGroup<'a> {
    pub rows: usize,
    /// Every row supplies every primary key column.
    pub has_all_pks: bool,
    /// Every row supplies every server-default column.
    pub has_all_defaults: bool,
    /// Some value is a SQL expression.
    pub has_sql_values: bool,
    pub pk_cols: &'a [String],
    pub server_default_cols: &'a [String],
}

/// Decide the statements for one group (reference/insdef.py).
pub fn insert_plan(g: &InsertGroup) -> InsertPlan {
    if g.has_all_defaults && g.has_all_pks && !g.has_sql_values {
        return InsertPlan {
            strategy: InsertStrategy::ExecuteMany,
            returning: Vec::new(),
        };
    }
    let many = !g.has_sql_values && g.rows > 1;
    let mut returning = Vec::new();
    if !g.has_all_defaults || many {
        returning.extend(g.pk_cols.iter().cloned());
    }
    if !g.has_all_defaults {
        returning.extend(g.server_default_cols.iter().cloned());
    }
    InsertPlan {
        strategy: if many {
            InsertStrategy::InsertManyValues
        } else {
            InsertStrategy::PerRow
        },
        returning,
    }
}

/// The simple case: no server defaults, no SQL values.
pub fn insert_strategy(rows: usize, has_all_pks: bool, has_sql_values: bool) -> InsertStrategy {
    insert_plan(&InsertGroup {
        rows,
        has_all_pks,
        has_all_defaults: true,
        has_sql_values,
        ..InsertGroup::default()
    })
    .strategy
}

/// One new row's INSERT parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct InsertRow {
    pub columns: Vec<(String, SqlType)>,
    pub values: Vec<PyValue>,
    /// Every primary key column was given.
    pub has_all_pks: bool,
    /// Columns filled from a Python `default=` (see `Insert::defaulted`).
    pub defaulted: Vec<String>,
}

/// The INSERT parameters of one new row (`_collect_insert_commands` plus
/// Core's defaults), in table column order: a set value; `None` for a
/// column without any default; a Python `default=` value; nothing for an
/// unset primary key or server-default column. `value_of` gives the
/// attribute's value (`None` when unset or None). Rows group together
/// (`group_consecutive`) when their columns and `defaulted` agree.
pub fn insert_params(table: &Table, value_of: &dyn Fn(&str) -> Option<PyValue>) -> InsertRow {
    let mut row = InsertRow {
        columns: Vec::new(),
        values: Vec::new(),
        has_all_pks: true,
        defaulted: Vec::new(),
    };
    for c in &table.columns {
        let v = match value_of(&c.name).filter(|v| *v != PyValue::None) {
            Some(v) => Some(v),
            None if c.primary_key => {
                row.has_all_pks = false;
                None
            }
            None if c.server_default.is_some() => None,
            None => match &c.default {
                Some(d) => {
                    row.defaulted.push(c.name.clone());
                    Some(d.clone())
                }
                None => Some(PyValue::None),
            },
        };
        if let Some(v) = v {
            row.columns.push((c.name.clone(), c.ty.clone()));
            row.values.push(v);
        }
    }
    row
}

/// `itertools.groupby`: split `items` into runs of equal `key`.
pub fn group_consecutive<T, K: PartialEq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<Vec<T>> {
    let mut out: Vec<(K, Vec<T>)> = Vec::new();
    for item in items {
        let k = key(&item);
        match out.last_mut() {
            Some((last, group)) if *last == k => group.push(item),
            _ => out.push((k, vec![item])),
        }
    }
    out.into_iter().map(|(_, g)| g).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategies_seen_in_traces() {
        // sync_back_populates: one parent, one child per flush -> plain.
        assert_eq!(insert_strategy(1, false, false), InsertStrategy::PerRow);
        // rel_o2m_20: two users -> RETURNING per row.
        assert_eq!(
            insert_strategy(2, false, false),
            InsertStrategy::InsertManyValues
        );
        // Association rows carry their whole key -> plain executemany.
        assert_eq!(insert_strategy(3, true, false), InsertStrategy::ExecuteMany);
    }

    #[test]
    fn groupby_is_consecutive_only() {
        let g = group_consecutive(vec![1, 1, 2, 1], |x| *x);
        assert_eq!(g, vec![vec![1, 1], vec![2], vec![1]]);
    }

    #[test]
    fn server_defaults_come_back_by_returning() {
        // insdef.py: table a (id, n, sd server_default, pd default=7, last).
        let pk = ["id".to_string()];
        let sd = ["sd".to_string()];
        let g = |rows, has_all_pks, has_all_defaults| InsertGroup {
            rows,
            has_all_pks,
            has_all_defaults,
            has_sql_values: false,
            pk_cols: &pk,
            server_default_cols: &sd,
        };
        let plan = |p: InsertPlan| (p.strategy, p.returning.join(", "));
        // A(n="a"): "INSERT INTO a (n, pd, last) VALUES (?, ?, ?) RETURNING id, sd"
        assert_eq!(
            plan(insert_plan(&g(1, false, false))),
            (InsertStrategy::PerRow, "id, sd".into())
        );
        // A(n="c", sd="given"): no RETURNING.
        assert_eq!(
            plan(insert_plan(&g(1, false, true))),
            (InsertStrategy::PerRow, String::new())
        );
        // two rows: insertmanyvalues, RETURNING id, sd
        assert_eq!(
            plan(insert_plan(&g(2, false, false))),
            (InsertStrategy::InsertManyValues, "id, sd".into())
        );
        // A(id=50): still RETURNING id, sd
        assert_eq!(
            plan(insert_plan(&g(1, true, false))),
            (InsertStrategy::PerRow, "id, sd".into())
        );
        // K(id=5), K(id=6) without server defaults: one executemany.
        assert_eq!(
            plan(insert_plan(&g(2, true, true))),
            (InsertStrategy::ExecuteMany, String::new())
        );
        // K(name="z"), K(name="w"): RETURNING id
        assert_eq!(
            plan(insert_plan(&g(2, false, true))),
            (InsertStrategy::InsertManyValues, "id".into())
        );
    }

    #[test]
    fn insert_params_follow_table_order_and_defaults() {
        use crate::schema::{Column, CreationOrder, ServerDefault};
        let mut o = CreationOrder::default();
        let mut t = Table::new("a");
        t.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        t.add_column(Column::new("n", SqlType::String(None)), &mut o)
            .unwrap();
        t.add_column(
            Column::new("sd", SqlType::String(None))
                .server_default(ServerDefault::Literal("x".into())),
            &mut o,
        )
        .unwrap();
        let mut pd = Column::new("pd", SqlType::Integer);
        pd.default = Some(PyValue::Int(7));
        t.add_column(pd, &mut o).unwrap();
        t.add_column(Column::new("last", SqlType::String(None)), &mut o)
            .unwrap();
        let row = insert_params(&t, &|c| (c == "n").then(|| PyValue::str("a")));
        let names: Vec<&str> = row.columns.iter().map(|(c, _)| c.as_str()).collect();
        // "INSERT INTO a (n, pd, last) VALUES (?, ?, ?)" with ('a', 7, None)
        assert_eq!(names, ["n", "pd", "last"]);
        assert_eq!(
            row.values,
            vec![PyValue::str("a"), PyValue::Int(7), PyValue::None]
        );
        assert!(!row.has_all_pks);
        assert_eq!(row.defaulted, ["pd"]);
        let given = insert_params(&t, &|c| match c {
            "n" => Some(PyValue::str("b")),
            "pd" => Some(PyValue::Int(0)),
            _ => None,
        });
        assert!(given.defaulted.is_empty());
    }
}
