//! Query execution: simple selects, compounds, ORDER BY, DISTINCT, LIMIT.
use super::aggregate::aggregate;
use super::expr::eval;
use super::join::for_each_row;
use super::{Ctx, Env, EMPTY};
use crate::error::{Result, SqlError};
use crate::plan::{Body, OrderTerm, Query, SetOp, SimpleSelect};
use crate::value::{compare, keys, SortKey, Value};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

type Row = Vec<Value>;

fn order_cmp(terms: &[OrderTerm], a: &[Value], b: &[Value]) -> Ordering {
    for (k, t) in terms.iter().enumerate() {
        let (x, y) = (&a[k], &b[k]);
        let o = match (x.is_null(), y.is_null()) {
            (true, true) => Ordering::Equal,
            (true, false) => {
                if t.nulls_first {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (false, true) => {
                if t.nulls_first {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            _ => {
                let o = compare(x, y);
                if t.desc {
                    o.reverse()
                } else {
                    o
                }
            }
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

fn limit_value(e: &Option<crate::plan::Expr>, env: &Env, outer: Option<&Ctx>) -> Result<Option<i64>> {
    let Some(e) = e else { return Ok(None) };
    let v = eval(e, env, outer.unwrap_or(&EMPTY))?;
    match crate::affinity::Affinity::Numeric.apply(v) {
        Value::Integer(i) => Ok(Some(i)),
        _ => Err(SqlError::new(crate::error::SqlErrorKind::Integrity, "datatype mismatch")),
    }
}

pub fn run_query(q: &Query, env: &Env, outer: Option<&Ctx>) -> Result<Vec<Row>> {
    let mut rows = match &q.body {
        Body::Select(s) => run_simple(s, env, outer)?,
        other => {
            let mut rows = run_body(other, env, outer)?;
            if !q.order_by.is_empty() {
                let mut keyed: Vec<(Row, Row)> = rows
                    .into_iter()
                    .map(|r| {
                        let ctx = Ctx { row: &r, outer };
                        let k = q.order_by.iter().map(|t| eval(&t.expr, env, &ctx)).collect::<Result<Vec<_>>>()?;
                        Ok((k, r))
                    })
                    .collect::<Result<_>>()?;
                keyed.sort_by(|a, b| order_cmp(&q.order_by, &a.0, &b.0));
                rows = keyed.into_iter().map(|(_, r)| r).collect();
            }
            rows
        }
    };
    let limit = limit_value(&q.limit, env, outer)?;
    let offset = usize::try_from(limit_value(&q.offset, env, outer)?.unwrap_or(0).max(0)).unwrap_or(usize::MAX);
    if offset > 0 {
        rows.drain(..offset.min(rows.len()));
    }
    if let Some(l) = limit {
        if l >= 0 {
            rows.truncate(usize::try_from(l).unwrap_or(usize::MAX));
        }
    }
    Ok(rows)
}

fn run_body(b: &Body, env: &Env, outer: Option<&Ctx>) -> Result<Vec<Row>> {
    match b {
        Body::Select(s) => run_simple(s, env, outer),
        Body::Values(rows) => {
            let ctx = outer.copied().unwrap_or(EMPTY);
            let wrap = Ctx {
                row: &[],
                outer: Some(&ctx),
            };
            let c = if outer.is_some() { &wrap } else { &EMPTY };
            rows.iter().map(|r| r.iter().map(|e| eval(e, env, c)).collect()).collect()
        }
        Body::Compound(op, l, r) => {
            let left = run_body(l, env, outer)?;
            let right = run_body(r, env, outer)?;
            // UNION/INTERSECT/EXCEPT go through a sorted temporary index in SQLite:
            // output in key order, and a later duplicate replaces an earlier one.
            let dedup = |rows: Vec<Row>| -> BTreeMap<Vec<SortKey>, Row> { rows.into_iter().map(|r| (keys(&r), r)).collect() };
            Ok(match op {
                SetOp::UnionAll => left.into_iter().chain(right).collect(),
                SetOp::Union => dedup(left.into_iter().chain(right).collect()).into_values().collect(),
                SetOp::Intersect => {
                    let rset = dedup(right);
                    dedup(left)
                        .into_iter()
                        .filter(|(k, _)| rset.contains_key(k))
                        .map(|(_, r)| r)
                        .collect()
                }
                SetOp::Except => {
                    let rset = dedup(right);
                    dedup(left)
                        .into_iter()
                        .filter(|(k, _)| !rset.contains_key(k))
                        .map(|(_, r)| r)
                        .collect()
                }
            })
        }
    }
}

fn run_simple(sel: &SimpleSelect, env: &Env, outer: Option<&Ctx>) -> Result<Vec<Row>> {
    // Sort keys are kept beside the rows only when there is an ORDER BY.
    let mut out: Vec<Row> = Vec::new();
    let mut sort_keys: Vec<Row> = Vec::new();
    let mut seen: BTreeSet<Vec<SortKey>> = BTreeSet::new();
    let mut project = |row: &[Value]| -> Result<()> {
        let ctx = Ctx { row, outer };
        let mut vals = Vec::with_capacity(sel.projection.len());
        for e in &sel.projection {
            vals.push(eval(e, env, &ctx)?);
        }
        if sel.distinct && !seen.insert(keys(&vals)) {
            return Ok(());
        }
        if !sel.order_by.is_empty() {
            sort_keys.push(sel.order_by.iter().map(|t| eval(&t.expr, env, &ctx)).collect::<Result<Vec<_>>>()?);
        }
        out.push(vals);
        Ok(())
    };
    if sel.sources.is_empty() && !sel.aggregate {
        if let Some(f) = &sel.filter {
            if !super::expr::holds(f, env, &Ctx { row: &[], outer })? {
                return Ok(Vec::new());
            }
        }
        project(&[])?;
    } else if sel.aggregate {
        let mut src = Vec::new();
        if sel.sources.is_empty() {
            let pass = match &sel.filter {
                Some(f) => super::expr::holds(f, env, &Ctx { row: &[], outer })?,
                None => true,
            };
            if pass {
                src.push(Vec::new());
            }
        } else {
            for_each_row(sel, env, outer, &mut |r| {
                src.push(r.to_vec());
                Ok(())
            })?;
        }
        for r in aggregate(sel, src, env, outer)? {
            project(&r)?;
        }
    } else {
        for_each_row(sel, env, outer, &mut project)?;
    }
    if sel.order_by.is_empty() {
        return Ok(out);
    }
    let mut keyed: Vec<(Row, Row)> = sort_keys.into_iter().zip(out).collect();
    keyed.sort_by(|a, b| order_cmp(&sel.order_by, &a.0, &b.0));
    Ok(keyed.into_iter().map(|(_, v)| v).collect())
}
