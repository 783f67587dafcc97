use super::{ColId, Direction, JoinAnalysis};
use crate::error::{OrmError, OrmErrorKind, OrmResult};
use crate::schema::MetaData;
use crate::sql::{and_, BinOp, Expr};
use crate::types::SqlType;
use crate::PyValue;

fn col_type(md: &MetaData, c: &ColId) -> SqlType {
    md.table(&c.table)
        .and_then(|t| t.column(&c.column))
        .map(|c| c.ty.clone())
        .unwrap_or(SqlType::Null)
}

fn col_expr(md: &MetaData, c: &ColId) -> Expr {
    Expr::col(&c.table, &c.column, col_type(md, c))
}

/// The lazy loader's WHERE clause: the join condition with each local
/// (parent-side) column replaced by a bind of the parent's value, keeping
/// the written sides, hence `? = address.user_id` for one-to-many and
/// `? = secondary.x AND child.id = secondary.y` for many-to-many.
/// `value_of` supplies the parent's value for a local column.
pub fn lazy_clause(
    md: &MetaData,
    a: &JoinAnalysis,
    value_of: &dyn Fn(&ColId) -> Option<PyValue>,
) -> OrmResult<Expr> {
    // Only the primary join binds the parent's values.
    let local: Vec<&ColId> = a
        .local_remote_pairs
        .iter()
        .map(|(l, _)| l)
        .filter(|l| a.primaryjoin.iter().any(|(x, y)| x == *l || y == *l))
        .collect();
    let mut crit = Vec::new();
    for (l, r) in &a.primaryjoin {
        let side = |c: &ColId| -> OrmResult<Expr> {
            if local.contains(&c) {
                let v = value_of(c).ok_or_else(|| {
                    OrmError::new(
                        OrmErrorKind::InvalidRequestError,
                        format!("no value for {}.{}", c.table, c.column),
                    )
                })?;
                Ok(Expr::Bind {
                    value: v,
                    ty: col_type(md, c),
                })
            } else {
                Ok(col_expr(md, c))
            }
        };
        let (le, re) = (side(l)?, side(r)?);
        // A NULL parent value compares as IS NULL, as the loader adapts it.
        let e = match (&le, &re) {
            (
                Expr::Bind {
                    value: PyValue::None,
                    ..
                },
                _,
            ) => re.is_null(),
            (
                _,
                Expr::Bind {
                    value: PyValue::None,
                    ..
                },
            ) => le.is_null(),
            _ => le.binary(BinOp::Eq, re),
        };
        crit.push(e);
    }
    if a.direction == Direction::ManyToMany {
        if let Some(sj) = &a.secondaryjoin {
            for (l, r) in sj {
                crit.push(col_expr(md, l).binary(BinOp::Eq, col_expr(md, r)));
            }
        }
    }
    crit.extend(a.extra.iter().cloned());
    Ok(and_(crit))
}
