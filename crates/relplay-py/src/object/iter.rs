//! Native iterators: one `step` function over [`NativeIter`] states.

use std::cell::RefCell;

use crate::value::{NativeIter, PyErr, PyResult, Value, ViewKind};
use crate::vm::Interpreter;

pub fn iter_type_name(it: &NativeIter) -> &'static str {
    match it {
        NativeIter::Seq {
            seq: Value::List(_),
            ..
        } => "list_iterator",
        NativeIter::Seq {
            seq: Value::Tuple(_),
            ..
        } => "tuple_iterator",
        NativeIter::Seq {
            seq: Value::Bytes(_),
            ..
        } => "bytes_iterator",
        NativeIter::Seq { .. } => "iterator",
        NativeIter::Range { .. } => "range_iterator",
        NativeIter::DictKeys {
            kind: ViewKind::Keys,
            ..
        } => "dict_keyiterator",
        NativeIter::DictKeys {
            kind: ViewKind::Values,
            ..
        } => "dict_valueiterator",
        NativeIter::DictKeys {
            kind: ViewKind::Items,
            ..
        } => "dict_itemiterator",
        NativeIter::Chars { .. } => "str_ascii_iterator",
        NativeIter::Map { .. } => "map",
        NativeIter::Filter { .. } => "filter",
        NativeIter::Zip { .. } => "zip",
        NativeIter::Enumerate { .. } => "enumerate",
        NativeIter::Reversed { .. } => "list_reverseiterator",
        NativeIter::Callable { .. } => "callable_iterator",
        NativeIter::Values { name, .. } => name,
        NativeIter::Count { .. } => "itertools.count",
        NativeIter::Chain { .. } => "itertools.chain",
        NativeIter::Islice { .. } => "itertools.islice",
        NativeIter::Done => "iterator",
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}

/// Advances a native iterator. The state is taken out while Python code
/// runs (map/filter callbacks), so re-entrant use sees an exhausted iterator
/// instead of a RefCell panic.
pub fn step(
    interp: &mut Interpreter,
    cell: &std::rc::Rc<RefCell<NativeIter>>,
) -> PyResult<Option<Value>> {
    // Fast paths that run no Python code.
    {
        let mut st = cell.borrow_mut();
        match &mut *st {
            NativeIter::Seq {
                seq: Value::List(l),
                index,
            } => {
                let l = l.borrow();
                let r = l.get(*index).cloned();
                *index += 1;
                return Ok(r);
            }
            NativeIter::Seq {
                seq: Value::Tuple(t),
                index,
            } => {
                let r = t.get(*index).cloned();
                *index += 1;
                return Ok(r);
            }
            NativeIter::Seq {
                seq: Value::Bytes(t),
                index,
            } => {
                let r = t.get(*index).map(|b| Value::Int(*b as i64));
                *index += 1;
                return Ok(r);
            }
            NativeIter::Chars { s, pos } => {
                let r = s[*pos..].chars().next();
                return Ok(r.map(|c| {
                    *pos += c.len_utf8();
                    Value::str(c.encode_utf8(&mut [0; 4]))
                }));
            }
            NativeIter::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur = cur.saturating_add(*step);
                    return Ok(Some(Value::Int(v)));
                }
                return Ok(None);
            }
            NativeIter::DictKeys {
                dict,
                index,
                kind,
                len,
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    *len = d.len();
                    return Err(PyErr::new(
                        "RuntimeError",
                        "dictionary changed size during iteration",
                    ));
                }
                while *index < d.slot_count() {
                    let i = *index;
                    *index += 1;
                    if let Some((k, v)) = d.slot(i) {
                        return Ok(Some(match kind {
                            ViewKind::Keys => k.clone(),
                            ViewKind::Values => v.clone(),
                            ViewKind::Items => Value::tuple(vec![k.clone(), v.clone()]),
                        }));
                    }
                }
                return Ok(None);
            }
            NativeIter::Values { items, index, .. } => {
                let r = items.get(*index).cloned();
                *index += 1;
                return Ok(r);
            }
            NativeIter::Done => return Ok(None),
            _ => {}
        }
    }
    let mut st = std::mem::replace(&mut *cell.borrow_mut(), NativeIter::Done);
    let r = step_slow(interp, &mut st);
    let done = matches!(r, Ok(None));
    if !done {
        *cell.borrow_mut() = st;
    }
    r
}

fn step_slow(interp: &mut Interpreter, st: &mut NativeIter) -> PyResult<Option<Value>> {
    match st {
        NativeIter::Seq { seq, index } => {
            let r = interp.getitem(seq, Value::Int(*index as i64));
            *index += 1;
            match r {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance_of("IndexError") || e.is_instance_of("StopIteration") => {
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        NativeIter::Map { func, iters } => {
            let mut args = Vec::with_capacity(iters.len());
            for it in iters.iter() {
                match interp.next(it)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            let f = func.clone();
            interp.call(&f, args, vec![]).map(Some)
        }
        NativeIter::Filter { func, iter } => loop {
            let Some(v) = interp.next(iter)? else {
                return Ok(None);
            };
            let keep = if func.is_none() {
                interp.truthy(&v)?
            } else {
                let f = func.clone();
                let r = interp.call(&f, vec![v.clone()], vec![])?;
                interp.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        NativeIter::Zip { iters, strict } => {
            if iters.is_empty() {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(iters.len());
            for (i, it) in iters.iter().enumerate() {
                match interp.next(it)? {
                    Some(v) => out.push(v),
                    None => {
                        if *strict {
                            if i > 0 {
                                let s = if i == 1 {
                                    " 1".to_string()
                                } else {
                                    format!("s 1-{i}")
                                };
                                return Err(PyErr::new(
                                    "ValueError",
                                    format!("zip() argument {} is shorter than argument{s}", i + 1),
                                ));
                            }
                            for (j, other) in iters.iter().enumerate().skip(1) {
                                if interp.next(other)?.is_some() {
                                    let s = if j == 1 {
                                        " 1".to_string()
                                    } else {
                                        format!("s 1-{j}")
                                    };
                                    return Err(PyErr::new(
                                        "ValueError",
                                        format!(
                                            "zip() argument {} is longer than argument{s}",
                                            j + 1
                                        ),
                                    ));
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        NativeIter::Enumerate { iter, count } => match interp.next(iter)? {
            Some(v) => {
                let c = *count;
                *count += 1;
                Ok(Some(Value::tuple(vec![Value::Int(c), v])))
            }
            None => Ok(None),
        },
        NativeIter::Reversed { seq, index } => {
            if *index == 0 {
                return Ok(None);
            }
            *index -= 1;
            interp.getitem(seq, Value::Int(*index as i64)).map(Some)
        }
        NativeIter::Callable { func, sentinel } => {
            let f = func.clone();
            let v = interp.call(&f, vec![], vec![])?;
            if interp.eq(&v, sentinel)? {
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        NativeIter::Count { cur, step } => {
            let v = cur.clone();
            *cur = interp.binary_op(&v, step, crate::ast::BinOp::Add)?;
            Ok(Some(v))
        }
        NativeIter::Chain { iters, index } => {
            while *index < iters.len() {
                if let Some(v) = interp.next(&iters[*index].clone())? {
                    return Ok(Some(v));
                }
                *index += 1;
                if *index < iters.len() {
                    let src = iters[*index].clone();
                    iters[*index] = interp.iter(&src)?;
                }
            }
            Ok(None)
        }
        NativeIter::Islice {
            iter,
            next,
            stop,
            step,
            pos,
        } => loop {
            if let Some(s) = stop {
                if *pos >= *s {
                    return Ok(None);
                }
            }
            let Some(v) = interp.next(iter)? else {
                return Ok(None);
            };
            let p = *pos;
            *pos += 1;
            if p == *next {
                *next += *step;
                return Ok(Some(v));
            }
        },
        _ => Ok(None),
    }
}
