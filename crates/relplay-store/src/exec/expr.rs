//! Expression evaluation with SQLite's NULL logic, affinities and arithmetic.
use super::{select::run_query, Ctx, Env};
use crate::affinity::{cast_integer, cast_numeric, cast_real, for_compare, to_number, truth, Affinity};
use crate::error::{Result, SqlError};
use crate::functions;
use crate::plan::{BinOp, CastTo, CmpOp, Expr, Query, UnOp};
use crate::value::{compare, Value};
use std::cmp::Ordering;
use std::rc::Rc;

fn bool_val(b: bool) -> Value {
    Value::Integer(b as i64)
}

pub fn cmp(op: CmpOp, a: &Value, b: &Value) -> Value {
    if a.is_null() || b.is_null() {
        return Value::Null;
    }
    let o = compare(a, b);
    bool_val(match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    })
}

fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Integer(i) => *i as f64,
        Value::Real(f) => *f,
        _ => 0.0,
    }
}

fn as_i64(v: &Value) -> i64 {
    match v {
        Value::Integer(i) => *i,
        Value::Real(f) => *f as i64,
        _ => 0,
    }
}

pub fn arith(op: BinOp, a: &Value, b: &Value) -> Value {
    if a.is_null() || b.is_null() {
        return Value::Null;
    }
    let (x, y) = (to_number(a), to_number(b));
    if let (Value::Integer(i), Value::Integer(j)) = (&x, &y) {
        let (i, j) = (*i, *j);
        let r = match op {
            BinOp::Add => i.checked_add(j),
            BinOp::Sub => i.checked_sub(j),
            BinOp::Mul => i.checked_mul(j),
            BinOp::Div => {
                if j == 0 {
                    return Value::Null;
                }
                i.checked_div(j)
            }
            BinOp::Rem => {
                if j == 0 {
                    return Value::Null;
                }
                Some(i.checked_rem(j).unwrap_or(0))
            }
            _ => None,
        };
        if let Some(r) = r {
            return Value::Integer(r);
        }
    }
    let (f, g) = (as_f64(&x), as_f64(&y));
    let r = match op {
        BinOp::Add => f + g,
        BinOp::Sub => f - g,
        BinOp::Mul => f * g,
        BinOp::Div => {
            if g == 0.0 {
                return Value::Null;
            }
            f / g
        }
        BinOp::Rem => {
            // % works on the integer parts; a REAL operand makes the result REAL.
            let (i, j) = (as_i64(&x), as_i64(&y));
            if j == 0 {
                return Value::Null;
            }
            i.checked_rem(j).unwrap_or(0) as f64
        }
        _ => 0.0,
    };
    if r.is_nan() {
        Value::Null
    } else {
        Value::Real(r)
    }
}

fn bitop(op: BinOp, a: &Value, b: &Value) -> Value {
    if a.is_null() || b.is_null() {
        return Value::Null;
    }
    let (i, j) = (as_i64(&cast_integer(a)), as_i64(&cast_integer(b)));
    Value::Integer(match op {
        BinOp::BitAnd => i & j,
        BinOp::BitOr => i | j,
        BinOp::Shl => {
            if j >= 64 {
                0
            } else if j >= 0 {
                i.wrapping_shl(j as u32)
            } else {
                i >> j.saturating_neg().min(63)
            }
        }
        _ => {
            if j >= 64 {
                if i < 0 {
                    -1
                } else {
                    0
                }
            } else if j >= 0 {
                i >> j
            } else {
                i.wrapping_shl(j.saturating_neg().min(63) as u32)
            }
        }
    })
}

pub fn cast(v: Value, t: CastTo) -> Value {
    if v.is_null() {
        return v;
    }
    match t {
        CastTo::Integer => cast_integer(&v),
        CastTo::Real => cast_real(&v),
        CastTo::Numeric => cast_numeric(&v),
        CastTo::Text => v.to_text().map(Value::Text).unwrap_or(Value::Null),
        CastTo::Blob => match v {
            Value::Blob(_) => v,
            other => Value::Blob(Rc::from(other.to_text().unwrap_or_else(|| "".into()).as_bytes())),
        },
    }
}

/// Rows of a subquery, cached per statement when it is not correlated.
pub fn subquery_rows(q: &Query, env: &Env, ctx: &Ctx) -> Result<Rc<Vec<Vec<Value>>>> {
    if !q.correlated {
        if let Some(r) = env.cache.borrow().get(&q.id) {
            return Ok(r.clone());
        }
    }
    let rows = Rc::new(run_query(q, env, Some(ctx))?);
    if !q.correlated {
        env.cache.borrow_mut().insert(q.id, rows.clone());
    }
    Ok(rows)
}

fn membership(x: &Value, items: impl Iterator<Item = Result<Value>>, aff: Affinity, negated: bool, empty: bool) -> Result<Value> {
    if empty {
        return Ok(bool_val(negated));
    }
    if x.is_null() {
        return Ok(Value::Null);
    }
    let x = &for_compare(aff, x.clone());
    let mut saw_null = false;
    for it in items {
        let v = for_compare(aff, it?);
        if v.is_null() {
            saw_null = true;
        } else if compare(x, &v) == Ordering::Equal {
            return Ok(bool_val(!negated));
        }
    }
    Ok(if saw_null { Value::Null } else { bool_val(negated) })
}

pub fn eval(e: &Expr, env: &Env, ctx: &Ctx) -> Result<Value> {
    Ok(match e {
        Expr::Literal(v) => v.clone(),
        Expr::Param(i) => env.params.get(*i).cloned().unwrap_or(Value::Null),
        Expr::Column { depth, idx } => {
            let mut c = ctx;
            for _ in 0..*depth {
                c = c.outer.ok_or_else(|| SqlError::op("internal: bad column depth"))?;
            }
            c.row.get(*idx).cloned().unwrap_or(Value::Null)
        }
        Expr::Unary(op, x) => {
            let v = eval(x, env, ctx)?;
            match op {
                UnOp::Plus => v,
                UnOp::Not => match truth(&v) {
                    None => Value::Null,
                    Some(b) => bool_val(!b),
                },
                UnOp::Neg => match to_number(&v) {
                    Value::Integer(i) => i.checked_neg().map(Value::Integer).unwrap_or(Value::Real(-(i as f64))),
                    Value::Real(f) => Value::Real(-f),
                    other => other,
                },
                UnOp::BitNot => match cast_integer(&v) {
                    Value::Integer(i) => Value::Integer(!i),
                    other => other,
                },
            }
        }
        Expr::Binary(op, l, r) => match op {
            BinOp::And => {
                let a = truth(&eval(l, env, ctx)?);
                if a == Some(false) {
                    return Ok(bool_val(false));
                }
                let b = truth(&eval(r, env, ctx)?);
                match (a, b) {
                    (_, Some(false)) => bool_val(false),
                    (Some(true), Some(true)) => bool_val(true),
                    _ => Value::Null,
                }
            }
            BinOp::Or => {
                let a = truth(&eval(l, env, ctx)?);
                if a == Some(true) {
                    return Ok(bool_val(true));
                }
                let b = truth(&eval(r, env, ctx)?);
                match (a, b) {
                    (_, Some(true)) => bool_val(true),
                    (Some(false), Some(false)) => bool_val(false),
                    _ => Value::Null,
                }
            }
            BinOp::Concat => {
                let (a, b) = (eval(l, env, ctx)?, eval(r, env, ctx)?);
                match (a.to_text(), b.to_text()) {
                    (Some(x), Some(y)) => Value::text(&format!("{x}{y}")),
                    _ => Value::Null,
                }
            }
            BinOp::BitAnd | BinOp::BitOr | BinOp::Shl | BinOp::Shr => bitop(*op, &eval(l, env, ctx)?, &eval(r, env, ctx)?),
            _ => arith(*op, &eval(l, env, ctx)?, &eval(r, env, ctx)?),
        },
        Expr::Compare { op, l, r, aff } => {
            let a = for_compare(*aff, eval(l, env, ctx)?);
            let b = for_compare(*aff, eval(r, env, ctx)?);
            cmp(*op, &a, &b)
        }
        Expr::Is { l, r, negated, aff } => {
            let (a, b) = (for_compare(*aff, eval(l, env, ctx)?), for_compare(*aff, eval(r, env, ctx)?));
            let same = match (a.is_null(), b.is_null()) {
                (true, true) => true,
                (false, false) => compare(&a, &b) == Ordering::Equal,
                _ => false,
            };
            bool_val(same != *negated)
        }
        Expr::IsNull(x, negated) => bool_val(eval(x, env, ctx)?.is_null() != *negated),
        Expr::InList { expr, list, negated, aff } => {
            let x = eval(expr, env, ctx)?;
            membership(&x, list.iter().map(|i| eval(i, env, ctx)), *aff, *negated, list.is_empty())?
        }
        Expr::InSubquery { expr, query, negated, aff } => {
            let x = eval(expr, env, ctx)?;
            let rows = subquery_rows(query, env, ctx)?;
            membership(&x, rows.iter().map(|r| Ok(r[0].clone())), *aff, *negated, rows.is_empty())?
        }
        Expr::Exists { query, negated } => bool_val(subquery_rows(query, env, ctx)?.is_empty() == *negated),
        Expr::Subquery(q) => subquery_rows(q, env, ctx)?
            .first()
            .and_then(|r| r.first().cloned())
            .unwrap_or(Value::Null),
        Expr::Like {
            expr,
            pattern,
            escape,
            negated,
            glob,
        } => {
            let (x, p) = (eval(expr, env, ctx)?, eval(pattern, env, ctx)?);
            let esc = match escape {
                Some(e) => match eval(e, env, ctx)?.to_text() {
                    None => return Ok(Value::Null),
                    Some(s) => {
                        let mut it = s.chars();
                        match (it.next(), it.next()) {
                            (Some(c), None) => Some(c),
                            _ => return Err(SqlError::op("ESCAPE expression must be a single character")),
                        }
                    }
                },
                None => None,
            };
            match (x.to_text(), p.to_text()) {
                (Some(x), Some(p)) => bool_val(functions::like(&x, &p, esc, *glob)? != *negated),
                _ => Value::Null,
            }
        }
        Expr::Case { operand, whens, else_ } => {
            let base = match operand {
                Some(o) => Some(eval(o, env, ctx)?),
                None => None,
            };
            for (w, t) in whens {
                let c = eval(w, env, ctx)?;
                let hit = match &base {
                    Some(b) => !b.is_null() && !c.is_null() && compare(b, &c) == Ordering::Equal,
                    None => truth(&c) == Some(true),
                };
                if hit {
                    return eval(t, env, ctx);
                }
            }
            match else_ {
                Some(x) => eval(x, env, ctx)?,
                None => Value::Null,
            }
        }
        Expr::Cast(x, t) => cast(eval(x, env, ctx)?, *t),
        Expr::Func(name, args) => {
            // coalesce/ifnull/iif short-circuit like SQLite's.
            if name == "coalesce" || name == "ifnull" {
                for a in args {
                    let v = eval(a, env, ctx)?;
                    if !v.is_null() {
                        return Ok(v);
                    }
                }
                return Ok(Value::Null);
            }
            let vals = args.iter().map(|a| eval(a, env, ctx)).collect::<Result<Vec<_>>>()?;
            functions::call(name, &vals)?
        }
    })
}

/// A WHERE/ON/HAVING condition holds only when it is true (not NULL).
pub fn holds(e: &Expr, env: &Env, ctx: &Ctx) -> Result<bool> {
    Ok(truth(&eval(e, env, ctx)?) == Some(true))
}
