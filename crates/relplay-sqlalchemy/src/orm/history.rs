//! Attribute history (`inspect(obj).attrs.x.history`) and
//! `Session.is_modified`: the net change of an attribute since it was last
//! loaded or flushed, as SQLAlchemy's `History(added, unchanged, deleted)`.

use std::any::Any;
use std::rc::Rc;

use relplay_py::object::class::Class;
use relplay_py::object::native::NativeObject;
use relplay_py::{Interpreter, PyResult, Value};

use super::state::{dict_get, with_state};
use crate::util::{native, native_class};

/// `(added, unchanged, deleted)` of a column attribute; `()` for empty parts.
pub fn column_history(
    interp: &mut Interpreter,
    obj: &Value,
    key: &str,
) -> PyResult<(Vec<Value>, Vec<Value>, Vec<Value>)> {
    let committed = with_state(interp, obj, |st| st.s.borrow().committed.get(key).cloned())?;
    let Some(cur) = dict_get(obj, key) else {
        return Ok((vec![], vec![], vec![]));
    };
    Ok(match committed {
        None => (vec![cur], vec![], vec![]),
        Some(old) if old.is(&cur) || interp.eq(&old, &cur)? => (vec![], vec![cur], vec![]),
        Some(old) => (vec![cur], vec![], vec![old]),
    })
}

/// Whether any column or relationship of `obj` has a net change.
pub fn is_modified(interp: &mut Interpreter, obj: &Value, collections: bool) -> PyResult<bool> {
    let m = super::state::mapper_of(interp, obj)?;
    for c in &m.cols {
        if !column_history(interp, obj, &c.key)?.0.is_empty() {
            return Ok(true);
        }
    }
    for r in m.rels.borrow().iter() {
        let Some(v) = dict_get(obj, &r.key) else {
            continue;
        };
        let is_coll = crate::util::cast::<super::collections::CollObj>(&v).is_some();
        if is_coll && !collections {
            continue;
        }
        let cur = super::collections::items_of(&v);
        let old = with_state(interp, obj, |st| {
            st.s.borrow().coll_committed.get(&r.key).cloned()
        })?;
        let same = match old {
            Some(old) => old.len() == cur.len() && old.iter().zip(&cur).all(|(a, b)| a.is(b)),
            None => cur.is_empty(),
        };
        if !same {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `inspect(obj).attrs`: attribute states by key.
pub struct AttrsObj(pub Value);

impl NativeObject for AttrsObj {
    fn class(&self) -> Rc<Class> {
        native_class("ReadOnlyProperties", "sqlalchemy.util._collections", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let m = super::state::mapper_of(interp, &self.0)?;
        if m.cols.iter().any(|c| c.key == name) {
            return Ok(Some(native(AttrStateObj(self.0.clone(), name.to_string()))));
        }
        if m.rel(name).is_some() {
            return Err(crate::util::not_supported(
                interp,
                "inspect(obj).attrs of a relationship",
            ));
        }
        Ok(None)
    }
}

/// One attribute's `AttributeState`: `.value`, `.loaded_value`, `.history`.
pub struct AttrStateObj(pub Value, pub String);

impl NativeObject for AttrStateObj {
    fn class(&self) -> Rc<Class> {
        native_class("AttributeState", "sqlalchemy.orm.state", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        match name {
            "key" => Ok(Some(Value::str(&self.1))),
            "value" => interp.getattr(&self.0, &self.1).map(Some),
            "history" => {
                let (a, u, d) = column_history(interp, &self.0, &self.1)?;
                Ok(Some(native(HistoryObj(a, u, d))))
            }
            _ => Ok(None),
        }
    }
}

/// `History(added=[..], unchanged=(), deleted=[..])`.
pub struct HistoryObj(pub Vec<Value>, pub Vec<Value>, pub Vec<Value>);

impl HistoryObj {
    fn part(v: &[Value]) -> Value {
        if v.is_empty() {
            Value::tuple(vec![])
        } else {
            Value::list(v.to_vec())
        }
    }
}

impl NativeObject for HistoryObj {
    fn class(&self) -> Rc<Class> {
        native_class("History", "sqlalchemy.orm.attributes", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "added" => Self::part(&self.0),
            "unchanged" => Self::part(&self.1),
            "deleted" => Self::part(&self.2),
            _ => {
                let _ = interp;
                return Ok(None);
            }
        }))
    }
    fn repr(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let a = interp.repr(&Self::part(&self.0))?;
        let u = interp.repr(&Self::part(&self.1))?;
        let d = interp.repr(&Self::part(&self.2))?;
        Ok(Some(format!(
            "History(added={a}, unchanged={u}, deleted={d})"
        )))
    }
}
