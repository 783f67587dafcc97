//! `Session.merge()`: copy a (detached or transient) instance's state onto
//! the session's instance of the same identity — found in the identity map,
//! loaded with `get()`, or created — cascading along "merge" relationships.

use std::rc::Rc;

use relplay_orm::PyValue;
use relplay_py::{Interpreter, PyResult, Value};

use super::session::{ident_key, SessionInner};
use super::state::{dict_get, dict_set, with_state};
use crate::util::to_py;

pub fn merge(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    obj: &Value,
    load: bool,
) -> PyResult<Value> {
    super::mapper::configure_all(interp)?;
    super::state::mapper_of(interp, obj)?;
    if load {
        super::unitofwork::autoflush(interp, s)?;
    }
    // no autoflush while merging: the merged graph is flushed as a whole
    let was = s.autoflush.replace(false);
    let mut memo = Vec::new();
    let r = merge_one(interp, s, obj, load, &mut memo);
    s.autoflush.set(was);
    r
}

fn merge_one(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    obj: &Value,
    load: bool,
    memo: &mut Vec<(Value, Value)>,
) -> PyResult<Value> {
    if let Some((_, m)) = memo.iter().find(|(src, _)| src.is(obj)) {
        return Ok(m.clone());
    }
    let (key, m, modified) = with_state(interp, obj, |st| {
        let b = st.s.borrow();
        (b.key.clone(), st.mapper.clone(), b.modified)
    })?;
    let key = match key {
        Some(k) => Some(k),
        None => {
            if s.new.borrow().contains(obj) {
                let msg = format!("Instance {} is already pending in this Session yet is being merged again; this is probably not what you want to do", super::loading::state_str(obj));
                crate::exc::warn(interp, "SAWarning", &msg)?;
            }
            if !load {
                return Err(crate::exc::raise("InvalidRequestError", "merge() with load=False option does not support objects transient (i.e. unpersisted) objects.  flush() all changes on mapped instances before merging with load=False."));
            }
            let mut k = Vec::new();
            for &i in &m.pk {
                k.push(to_py(
                    &dict_get(obj, &m.cols[i].key).unwrap_or(Value::None),
                )?);
            }
            if k.contains(&PyValue::None) {
                None
            } else {
                Some(k)
            }
        }
    };
    let mut merged = key.as_ref().and_then(|k| s.lookup(m.id, &ident_key(k)));
    if merged.is_none() {
        if let Some(k) = &key {
            if !load {
                if modified {
                    return Err(crate::exc::raise("InvalidRequestError", "merge() with load=False option does not support objects marked as 'dirty'.  flush() all changes on mapped instances before merging with load=False."));
                }
                let o = new_instance(interp, &m)?;
                with_state(interp, &o, |st| {
                    let mut b = st.s.borrow_mut();
                    b.key = Some(k.clone());
                    b.session = Some(s.id);
                })?;
                s.identity
                    .borrow_mut()
                    .push((m.id, ident_key(k), o.clone()));
                merged = Some(o);
            } else {
                let ident = Value::tuple(k.iter().map(crate::util::from_py).collect());
                let found = super::loading::get(interp, s, &Value::Class(m.class.clone()), &ident)?;
                if !found.is_none() {
                    merged = Some(found);
                }
            }
        }
    }
    let merged = match merged {
        Some(o) => o,
        None => {
            let o = new_instance(interp, &m)?;
            super::session::add_to(interp, s.id, &o)?;
            o
        }
    };
    memo.push((obj.clone(), merged.clone()));
    if obj.is(&merged) {
        return Ok(merged);
    }
    for c in &m.cols {
        let Some(v) = dict_get(obj, &c.key) else {
            continue;
        };
        if load {
            interp.setattr(&merged, &c.key, v)?;
        } else {
            dict_set(&merged, &c.key, v);
        }
    }
    let rels = m.rels.borrow().clone();
    for r in rels {
        if !r.has_cascade("merge") {
            continue;
        }
        let Some(v) = dict_get(obj, &r.key) else {
            continue;
        };
        let is_coll = crate::util::cast::<super::collections::CollObj>(&v).is_some();
        if load && is_coll {
            // the destination collection is loaded, then replaced
            interp.getattr(&merged, &r.key)?;
        }
        let mut items = Vec::new();
        for it in super::collections::items_of(&v) {
            items.push(merge_one(interp, s, &it, load, memo)?);
        }
        if load {
            let nv = if is_coll {
                Value::list(items)
            } else {
                items.into_iter().next().unwrap_or(Value::None)
            };
            interp.setattr(&merged, &r.key, nv)?;
        } else if is_coll {
            super::attributes::new_collection(interp, &merged, &r, items.clone())?;
            with_state(interp, &merged, |st| {
                st.s.borrow_mut()
                    .coll_committed
                    .insert(r.key.clone(), items);
            })?;
        } else {
            let t = items.into_iter().next().unwrap_or(Value::None);
            dict_set(&merged, &r.key, t.clone());
            with_state(interp, &merged, |st| {
                st.s.borrow_mut()
                    .coll_committed
                    .insert(r.key.clone(), vec![t]);
            })?;
        }
    }
    if !load {
        // load=False: the copied state is taken as the database's
        let mut committed = Vec::new();
        for c in &m.cols {
            if let Some(v) = dict_get(&merged, &c.key) {
                committed.push((c.key.clone(), v));
            }
        }
        with_state(interp, &merged, |st| {
            let mut b = st.s.borrow_mut();
            b.committed.extend(committed);
            b.expired = false;
        })?;
    }
    Ok(merged)
}

fn new_instance(interp: &mut Interpreter, m: &super::mapper::Mapper) -> PyResult<Value> {
    let obj = Value::Instance(relplay_py::vm::exc::new_instance(&m.class));
    super::state::state_of(interp, &obj)?;
    Ok(obj)
}
