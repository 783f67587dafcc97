//! GROUP BY and aggregate functions. Each output row is the group's last source
//! row (SQLite's value for bare columns) followed by the aggregate results.
use super::expr::{eval, holds};
use super::{Ctx, Env};
use crate::error::{Result, SqlError};
use crate::plan::{AggCall, AggFn, SimpleSelect};
use crate::value::{compare, SortKey, Value};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Default, Clone)]
struct Acc {
    count: i64,
    int_sum: i64,
    real_sum: f64,
    any_real: bool,
    overflow: bool,
    best: Option<Value>,
    text: Option<String>,
    seen: BTreeSet<SortKey>,
}

impl Acc {
    /// Returns true when a min()/max() found a new best value.
    fn add(&mut self, call: &AggCall, args: &[Value]) -> Result<bool> {
        if call.func == AggFn::CountStar {
            self.count += 1;
            return Ok(false);
        }
        let v = &args[0];
        if v.is_null() {
            return Ok(false);
        }
        if call.distinct && !self.seen.insert(SortKey(v.clone())) {
            return Ok(false);
        }
        self.count += 1;
        match call.func {
            // sqlite3_value_numeric_type: integer-looking text sums as an integer.
            AggFn::Sum | AggFn::Total | AggFn::Avg => match (
                crate::affinity::for_compare(crate::affinity::Affinity::Numeric, v.clone()),
                crate::affinity::to_number(v),
            ) {
                (Value::Integer(_), Value::Integer(i)) => {
                    self.real_sum += i as f64;
                    match self.int_sum.checked_add(i) {
                        Some(s) => self.int_sum = s,
                        None => self.overflow = true,
                    }
                }
                (_, n) => {
                    // Text and blobs count as reals, as in SQLite's sumStep.
                    self.real_sum += match n {
                        Value::Integer(i) => i as f64,
                        Value::Real(f) => f,
                        _ => 0.0,
                    };
                    self.any_real = true;
                }
            },
            AggFn::Min | AggFn::Max => {
                let better = match &self.best {
                    None => true,
                    Some(b) => {
                        let o = compare(v, b);
                        (call.func == AggFn::Min && o == Ordering::Less) || (call.func == AggFn::Max && o == Ordering::Greater)
                    }
                };
                if better {
                    self.best = Some(v.clone());
                    return Ok(true);
                }
            }
            AggFn::GroupConcat => {
                let s = v.to_text().unwrap_or_else(|| "".into());
                match &mut self.text {
                    None => self.text = Some(s.to_string()),
                    Some(t) => {
                        let sep = match args.get(1) {
                            Some(x) => x.to_text().map(|x| x.to_string()).unwrap_or_default(),
                            None => ",".into(),
                        };
                        t.push_str(&sep);
                        t.push_str(&s);
                    }
                }
            }
            _ => {}
        }
        Ok(false)
    }

    fn finish(&self, f: AggFn) -> Result<Value> {
        Ok(match f {
            AggFn::Count | AggFn::CountStar => Value::Integer(self.count),
            AggFn::Sum => {
                if self.count == 0 {
                    Value::Null
                } else if self.any_real {
                    Value::Real(self.real_sum)
                } else if self.overflow {
                    return Err(SqlError::op("integer overflow"));
                } else {
                    Value::Integer(self.int_sum)
                }
            }
            AggFn::Total => Value::Real(self.real_sum),
            AggFn::Avg => {
                if self.count == 0 {
                    Value::Null
                } else {
                    Value::Real(self.real_sum / self.count as f64)
                }
            }
            AggFn::Min | AggFn::Max => self.best.clone().unwrap_or(Value::Null),
            AggFn::GroupConcat => self.text.as_deref().map(Value::text).unwrap_or(Value::Null),
        })
    }
}

struct Group {
    rep: Vec<Value>,
    accs: Vec<Acc>,
}

/// Group `rows` and return one aggregated row per group that passes HAVING.
pub fn aggregate(sel: &SimpleSelect, rows: Vec<Vec<Value>>, env: &Env, outer: Option<&Ctx>) -> Result<Vec<Vec<Value>>> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: BTreeMap<Vec<SortKey>, usize> = BTreeMap::new();
    let fresh = || Group {
        rep: Vec::new(),
        accs: vec![Acc::default(); sel.aggs.len()],
    };
    if sel.group_by.is_empty() {
        groups.push(fresh());
    }
    let single_minmax = sel.aggs.iter().filter(|a| matches!(a.func, AggFn::Min | AggFn::Max)).count() == 1;
    for row in rows {
        let ctx = Ctx { row: &row, outer };
        let gi = if sel.group_by.is_empty() {
            0
        } else {
            let key = sel
                .group_by
                .iter()
                .map(|g| eval(g, env, &ctx).map(SortKey))
                .collect::<Result<Vec<_>>>()?;
            *by_key.entry(key).or_insert_with(|| {
                groups.push(fresh());
                groups.len() - 1
            })
        };
        let g = &mut groups[gi];
        let mut improved = false;
        for (k, call) in sel.aggs.iter().enumerate() {
            let args = call.args.iter().map(|a| eval(a, env, &ctx)).collect::<Result<Vec<_>>>()?;
            improved |= g.accs[k].add(call, &args)?;
        }
        // Bare columns come from the group's first row, or, with a single
        // min()/max(), from the row that supplied its value (as SQLite does).
        if g.rep.is_empty() || (single_minmax && improved) {
            g.rep = row;
        }
    }
    let mut out = Vec::new();
    // GROUP BY output comes in key order, as SQLite's sorter produces it.
    let order: Vec<usize> = if sel.group_by.is_empty() {
        vec![0]
    } else {
        by_key.values().copied().collect()
    };
    for gi in order {
        let g = &groups[gi];
        let mut row = if g.rep.is_empty() {
            vec![Value::Null; sel.width]
        } else {
            g.rep.clone()
        };
        for (k, call) in sel.aggs.iter().enumerate() {
            row.push(g.accs[k].finish(call.func)?);
        }
        if let Some(h) = &sel.having {
            if !holds(h, env, &Ctx { row: &row, outer })? {
                continue;
            }
        }
        out.push(row);
    }
    Ok(out)
}
