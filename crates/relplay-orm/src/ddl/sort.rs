//! `sort_tables_and_constraints`: a layered topological sort that keeps
//! the given order within each layer (`util/topological.sort_as_subsets`).

use crate::error::{OrmError, OrmErrorKind, OrmResult};
use crate::schema::MetaData;

/// Sort the given tables (indexes into `md.tables`, in the order passed:
/// create_all passes definition order, `MetaData.sorted_tables` passes
/// name order) so each table follows those it references.
pub fn sort_tables(md: &MetaData, tables: &[usize]) -> OrmResult<Vec<usize>> {
    // (parent, child) edges; self-references don't constrain the order.
    let mut parents_of: Vec<Vec<usize>> = vec![Vec::new(); md.tables.len()];
    for &t in tables {
        let table = md
            .tables
            .get(t)
            .ok_or_else(|| OrmError::new(OrmErrorKind::InvalidRequestError, "unknown table"))?;
        for p in md.referred_tables(table)? {
            if p != t && !parents_of[t].contains(&p) {
                parents_of[t].push(p);
            }
        }
    }
    let mut todo: Vec<usize> = tables.to_vec();
    let mut out = Vec::with_capacity(todo.len());
    while !todo.is_empty() {
        let layer: Vec<usize> = todo
            .iter()
            .copied()
            .filter(|&n| parents_of[n].iter().all(|p| !todo.contains(p)))
            .collect();
        if layer.is_empty() {
            let mut names: Vec<&str> = todo.iter().map(|&i| md.tables[i].name.as_str()).collect();
            names.sort();
            // SQLite has no ALTER for FKs; SQLAlchemy would warn and emit
            // the cycle's FKs inline. Not emulated yet.
            return Err(OrmError::new(
                OrmErrorKind::NotSupported,
                format!(
                    "Cannot correctly sort tables; there are unresolvable cycles between tables \"{}\" (use_alter cycles are not supported by the playground yet)",
                    names.join(", ")
                ),
            ));
        }
        todo.retain(|n| !layer.contains(n));
        out.extend(layer);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Column, CreationOrder, Table};
    use crate::types::SqlType;

    /// `MetaData.sorted_tables` of the reference `ddl.py`: tables are fed in
    /// name order, giving ['pair', 'user', 'order'].
    #[test]
    fn layered_sort_keeps_input_order() {
        let mut o = CreationOrder::default();
        let mut md = MetaData::new();
        let mut user = Table::new("user");
        user.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        let mut order = Table::new("order");
        order
            .add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        order
            .add_column(
                Column::new("user_id", SqlType::Integer).references("user.id"),
                &mut o,
            )
            .unwrap();
        order
            .add_column(
                Column::new("a", SqlType::Integer).references("pair.x"),
                &mut o,
            )
            .unwrap();
        let mut pair = Table::new("pair");
        pair.add_column(Column::new("x", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        md.add_table(user).unwrap();
        md.add_table(order).unwrap();
        md.add_table(pair).unwrap();
        // definition order: user, order, pair -> layer 1: user, pair; then order
        let names = |v: Vec<usize>| {
            v.into_iter()
                .map(|i| md.tables[i].name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(sort_tables(&md, &[0, 1, 2]).unwrap()),
            ["user", "pair", "order"]
        );
        // name order: order, pair, user
        assert_eq!(
            names(sort_tables(&md, &[1, 2, 0]).unwrap()),
            ["pair", "user", "order"]
        );
    }
}
