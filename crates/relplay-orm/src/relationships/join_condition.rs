use super::{ColId, EqPairs};
use crate::schema::{ConstraintKind, MetaData};

#[derive(Clone, Debug, PartialEq)]
pub enum JoinCondError {
    NoForeignKeys,
    Ambiguous,
}

/// `join_condition(a, b)`: the FKs of `b` that point at `a`, then (when the
/// tables differ) those of `a` pointing at `b`, in column order, grouped per
/// FK constraint. Each pair is `(referenced column, referencing column)`,
/// rendered `a.id = b.a_id`. Only FK columns in `consider` count when given.
pub fn join_condition(
    md: &MetaData,
    a: &str,
    b: &str,
    consider: Option<&[ColId]>,
) -> Result<EqPairs, JoinCondError> {
    let scan = |from: &str, to: &str, groups: &mut Vec<EqPairs>| {
        let Some(t) = md.table(from) else { return };
        let Some(target) = md.table(to) else { return };
        // Each FK element, ordered by its column's position in the table
        // (SQLAlchemy sorts by the column's creation order).
        let mut elems: Vec<(usize, usize, String, String)> = Vec::new();
        for (ci, c) in t.constraints.iter().enumerate() {
            if let ConstraintKind::ForeignKey {
                columns, targets, ..
            } = &c.kind
            {
                for (local, fk) in columns.iter().zip(targets) {
                    let Ok((tt, tc)) = fk.split() else { continue };
                    if tt != to || target.column(tc).is_none() {
                        continue;
                    }
                    let pos = t
                        .columns
                        .iter()
                        .position(|x| &x.name == local)
                        .unwrap_or(usize::MAX);
                    elems.push((pos, ci, local.clone(), tc.to_string()));
                }
            }
        }
        elems.sort_by_key(|e| e.0);
        let mut keys: Vec<usize> = Vec::new();
        for (_, ci, local, remote) in elems {
            let parent = ColId::new(from, &local);
            if let Some(cons) = consider {
                if !cons.contains(&parent) {
                    continue;
                }
            }
            let pair = (ColId::new(to, &remote), parent);
            match keys.iter().position(|k| *k == ci) {
                Some(i) => groups[i].push(pair),
                None => {
                    keys.push(ci);
                    groups.push(vec![pair]);
                }
            }
        }
    };
    // Constraint indexes are per table: scan each side into its own list.
    let mut groups: Vec<EqPairs> = Vec::new();
    scan(b, a, &mut groups);
    if a != b {
        let mut second = Vec::new();
        scan(a, b, &mut second);
        groups.extend(second);
    }
    if groups.is_empty() {
        return Err(JoinCondError::NoForeignKeys);
    }
    if groups.len() > 1 {
        if let Some(cons) = consider {
            groups.retain(|g| {
                let mut parents: Vec<&ColId> = g.iter().map(|p| &p.1).collect();
                parents.sort_by(|x, y| (&x.table, &x.column).cmp(&(&y.table, &y.column)));
                let mut c: Vec<&ColId> = cons.iter().collect();
                c.sort_by(|x, y| (&x.table, &x.column).cmp(&(&y.table, &y.column)));
                c.dedup();
                parents == c
            });
        }
        let all_same = groups.windows(2).all(|w| w[0] == w[1]);
        if groups.is_empty() || (groups.len() > 1 && !all_same) {
            return Err(JoinCondError::Ambiguous);
        }
    }
    Ok(groups.swap_remove(0))
}
