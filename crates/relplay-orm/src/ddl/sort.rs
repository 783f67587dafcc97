//! `sort_tables_and_constraints`: a layered topological sort that keeps
//! the given order within each layer (`util/topological.sort_as_subsets`).

use crate::error::OrmResult;
use crate::schema::MetaData;

/// `(referenced, referencing)` table edges among `tables`; a table's
/// references to itself don't constrain the order.
pub fn dependency_edges(md: &MetaData, tables: &[usize]) -> OrmResult<Vec<(usize, usize)>> {
    let mut edges = Vec::new();
    for &t in tables {
        let Some(table) = md.tables.get(t) else {
            continue;
        };
        for p in md.referred_tables(table)? {
            if p != t && tables.contains(&p) && !edges.contains(&(p, t)) {
                edges.push((p, t));
            }
        }
    }
    Ok(edges)
}

/// Layered sort; on a cycle, `Err` with the nodes that lie on one.
pub fn layered(items: &[usize], edges: &[(usize, usize)]) -> Result<Vec<usize>, Vec<usize>> {
    let mut todo: Vec<usize> = items.to_vec();
    let mut out = Vec::with_capacity(items.len());
    while !todo.is_empty() {
        let layer: Vec<usize> = todo
            .iter()
            .copied()
            .filter(|&n| !edges.iter().any(|&(p, c)| c == n && todo.contains(&p)))
            .collect();
        if layer.is_empty() {
            return Err(cycle_nodes(items, edges));
        }
        todo.retain(|n| !layer.contains(n));
        out.extend(layer);
    }
    Ok(out)
}

/// Nodes that can reach themselves (`topological.find_cycles`).
fn cycle_nodes(items: &[usize], edges: &[(usize, usize)]) -> Vec<usize> {
    items
        .iter()
        .copied()
        .filter(|&start| {
            let mut stack: Vec<usize> =
                edges.iter().filter(|e| e.0 == start).map(|e| e.1).collect();
            let mut seen: Vec<usize> = Vec::new();
            while let Some(n) = stack.pop() {
                if n == start {
                    return true;
                }
                if seen.contains(&n) {
                    continue;
                }
                seen.push(n);
                stack.extend(edges.iter().filter(|e| e.0 == n).map(|e| e.1));
            }
            false
        })
        .collect()
}

/// Sort the given tables (indexes into `md.tables`, in the order passed:
/// create_all passes definition order, `MetaData.sorted_tables` passes
/// name order) so each table follows those it references. As for
/// create_all on SQLite, a cycle is broken by ignoring every foreign key
/// of the tables on it (the FKs are still rendered inline).
pub fn sort_tables(md: &MetaData, tables: &[usize]) -> OrmResult<Vec<usize>> {
    let mut edges = dependency_edges(md, tables)?;
    match layered(tables, &edges) {
        Ok(order) => Ok(order),
        Err(cycle) => {
            edges.retain(|(_, child)| !cycle.contains(child));
            // Without edges into the cycle the rest is acyclic.
            Ok(layered(tables, &edges).unwrap_or_else(|_| tables.to_vec()))
        }
    }
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
