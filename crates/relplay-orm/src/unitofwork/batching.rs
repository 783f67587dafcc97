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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InsertStrategy {
    /// `INSERT ... VALUES (?)`, logged as a tuple (1 row) or a list of
    /// tuples (several rows, executemany).
    Plain,
    /// `INSERT ... RETURNING <pk>`, one statement per row with the
    /// `(insertmanyvalues) i/n (ordered; batch not supported)` notes.
    ReturningPerRow,
}

/// `rows`: rows in the group; `has_all_pks`: every row supplies its full
/// primary key; `has_sql_values`: some value is a SQL expression.
pub fn insert_strategy(rows: usize, has_all_pks: bool, has_sql_values: bool) -> InsertStrategy {
    if has_all_pks && !has_sql_values {
        InsertStrategy::Plain
    } else if rows > 1 && !has_sql_values {
        InsertStrategy::ReturningPerRow
    } else {
        InsertStrategy::Plain
    }
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
        assert_eq!(insert_strategy(1, false, false), InsertStrategy::Plain);
        // rel_o2m_20: two users -> RETURNING per row.
        assert_eq!(
            insert_strategy(2, false, false),
            InsertStrategy::ReturningPerRow
        );
        // Association rows carry their whole key -> plain executemany.
        assert_eq!(insert_strategy(3, true, false), InsertStrategy::Plain);
    }

    #[test]
    fn groupby_is_consecutive_only() {
        let g = group_consecutive(vec![1, 1, 2, 1], |x| *x);
        assert_eq!(g, vec![vec![1, 1], vec![2], vec![1]]);
    }
}
