//! How `_emit_insert_statements` runs one group of INSERT rows: rows are
//! grouped consecutively by their parameter keys; a group whose rows carry
//! their primary keys is one plain (execute)many; otherwise several rows
//! use RETURNING with insertmanyvalues (one statement per row on SQLite,
//! "batch not supported") and a single row is a plain INSERT whose new key
//! comes from `cursor.lastrowid`.

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
}
