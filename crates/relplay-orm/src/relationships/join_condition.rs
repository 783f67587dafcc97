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

/// The ON clause `select(left).join(right)` infers (`Join._join_condition`
/// via `Select.join`), e.g. `users.id = posts.user_id`, or SQLAlchemy's
/// error. `target_repr` is how the error names the join target: a Table's
/// repr, or the bridge's `<Mapper at 0x...; C>` (reference/join_infer.py).
pub fn join_onclause(
    md: &MetaData,
    left: &str,
    right: &str,
    target_repr: &str,
) -> crate::error::OrmResult<crate::sql::Expr> {
    use crate::error::{OrmError, OrmErrorKind};
    use crate::sql::{and_, BinOp, Expr};
    let pairs = join_condition(md, left, right, None).map_err(|e| match e {
        JoinCondError::NoForeignKeys => OrmError::new(
            OrmErrorKind::InvalidRequestError,
            format!(
                "Don't know how to join to {target_repr}. Please use the .select_from() method to establish an explicit left side, as well as providing an explicit ON clause if not present already to help resolve the ambiguity."
            ),
        ),
        JoinCondError::Ambiguous => OrmError::new(
            OrmErrorKind::AmbiguousForeignKeysError,
            format!(
                "Can't determine join between '{left}' and '{right}'; tables have more than one foreign key constraint relationship between them. Please specify the 'onclause' of this join explicitly."
            ),
        ),
    })?;
    let col = |c: &ColId| {
        let ty = md
            .table(&c.table)
            .and_then(|t| t.column(&c.column))
            .map(|c| c.ty.clone())
            .unwrap_or(crate::types::SqlType::Null);
        Expr::col(&c.table, &c.column, ty)
    };
    Ok(and_(
        pairs
            .iter()
            .map(|(a, b)| col(a).binary(BinOp::Eq, col(b)))
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::OrmErrorKind;
    use crate::schema::{Column, CreationOrder, Table};
    use crate::sql::{compile, Expr, FromItem, Select, Statement};
    use crate::types::SqlType;

    #[test]
    fn inferred_onclauses_and_errors() {
        let mut o = CreationOrder::default();
        let mut md = MetaData::new();
        let mut users = Table::new("users");
        users
            .add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        let mut posts = Table::new("posts");
        posts
            .add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        posts
            .add_column(
                Column::new("user_id", SqlType::Integer).references("users.id"),
                &mut o,
            )
            .unwrap();
        posts
            .add_column(
                Column::new("editor_id", SqlType::Integer).references("users.id"),
                &mut o,
            )
            .unwrap();
        let mut c = Table::new("c");
        c.add_column(Column::new("id", SqlType::Integer).primary_key(), &mut o)
            .unwrap();
        let c_repr = c.repr();
        md.add_table(users).unwrap();
        md.add_table(posts).unwrap();
        md.add_table(c).unwrap();
        let e = join_onclause(&md, "users", "c", &c_repr).unwrap_err();
        assert_eq!(e.kind, OrmErrorKind::InvalidRequestError);
        assert_eq!(
            e.message,
            "Don't know how to join to Table('c', MetaData(), Column('id', Integer(), table=<c>, primary_key=True, nullable=False), schema=None). Please use the .select_from() method to establish an explicit left side, as well as providing an explicit ON clause if not present already to help resolve the ambiguity."
        );
        let e = join_onclause(&md, "users", "posts", "").unwrap_err();
        assert_eq!(e.kind, OrmErrorKind::AmbiguousForeignKeysError);
        assert_eq!(
            e.message,
            "Can't determine join between 'users' and 'posts'; tables have more than one foreign key constraint relationship between them. Please specify the 'onclause' of this join explicitly."
        );
        md.tables[1].constraints.pop();
        // join_legacy_query: "FROM posts JOIN users ON users.id = posts.user_id"
        let on = join_onclause(&md, "posts", "users", "").unwrap();
        let sel = Select::new(vec![Expr::col("posts", "id", SqlType::Integer)]).join(
            FromItem::table("users"),
            on,
            false,
        );
        assert_eq!(
            compile(Statement::Select(&sel)).unwrap().sql,
            "SELECT posts.id \nFROM posts JOIN users ON users.id = posts.user_id"
        );
        // and the other way: "FROM users JOIN posts ON users.id = posts.user_id"
        let on = join_onclause(&md, "users", "posts", "").unwrap();
        let sel = Select::new(vec![Expr::col("users", "id", SqlType::Integer)]).join(
            FromItem::table("posts"),
            on,
            false,
        );
        assert_eq!(
            compile(Statement::Select(&sel)).unwrap().sql,
            "SELECT users.id \nFROM users JOIN posts ON users.id = posts.user_id"
        );
    }
}
