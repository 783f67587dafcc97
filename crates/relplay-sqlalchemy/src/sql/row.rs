//! `Row`: a named tuple of a result row.

use std::any::Any;
use std::rc::Rc;

use relplay_py::ast::CmpOp;
use relplay_py::object::class::Class;
use relplay_py::object::dict::PyDict;
use relplay_py::object::native::NativeObject;
use relplay_py::{Interpreter, PyResult, Value};

use crate::util::{native, native_class};

pub struct RowObj {
    pub values: Rc<[Value]>,
    pub keys: Rc<Vec<String>>,
}

pub fn row(values: Vec<Value>, keys: &Rc<Vec<String>>) -> Value {
    native(RowObj {
        values: Rc::from(values),
        keys: keys.clone(),
    })
}

impl RowObj {
    pub fn mapping(&self) -> Value {
        let mut d = PyDict::new();
        for (k, v) in self.keys.iter().zip(self.values.iter()) {
            d.set_str(k, v.clone());
        }
        Value::dict(d)
    }
}

impl NativeObject for RowObj {
    fn class(&self) -> Rc<Class> {
        native_class("Row", "sqlalchemy.engine.row", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn match_shape(&self) -> relplay_py::object::native::MatchShape {
        relplay_py::object::native::MatchShape::Sequence
    }
    fn getattr(&self, _i: &mut Interpreter, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        if name == "_mapping" {
            return Ok(Some(self.mapping()));
        }
        if name == "_fields" {
            return Ok(Some(Value::tuple(
                self.keys.iter().map(|k| Value::str(k)).collect(),
            )));
        }
        if name == "_asdict" {
            let m = self.mapping();
            return Ok(Some(relplay_py::builtins::builtin(
                "_asdict",
                move |_, _, _| Ok(m.clone()),
            )));
        }
        if name == "_tuple" {
            let t = Value::Tuple(self.values.clone());
            return Ok(Some(relplay_py::builtins::builtin(
                "_tuple",
                move |_, _, _| Ok(t.clone()),
            )));
        }
        Ok(self
            .keys
            .iter()
            .position(|k| k == name)
            .and_then(|i| self.values.get(i).cloned()))
    }
    fn getitem(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        key: Value,
    ) -> PyResult<Option<Value>> {
        interp
            .getitem(&Value::Tuple(self.values.clone()), key)
            .map(Some)
    }
    fn iter(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        interp.iter(&Value::Tuple(self.values.clone())).map(Some)
    }
    fn len(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.values.len()))
    }
    fn contains(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        item: &Value,
    ) -> PyResult<Option<bool>> {
        interp
            .contains(&Value::Tuple(self.values.clone()), item)
            .map(Some)
    }
    fn repr(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        interp.repr(&Value::Tuple(self.values.clone())).map(Some)
    }
    fn hash(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<i64>> {
        interp.hash(&Value::Tuple(self.values.clone())).map(Some)
    }
    fn richcompare(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        op: CmpOp,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        let other = match crate::util::cast::<RowObj>(other) {
            Some(r) => Value::Tuple(r.values.clone()),
            None => other.clone(),
        };
        interp
            .richcompare(&Value::Tuple(self.values.clone()), &other, op)
            .map(Some)
    }
}

/// Result keys of a select's columns.
pub fn keys_of(cols: &[relplay_orm::sql::Expr]) -> Rc<Vec<String>> {
    use relplay_orm::sql::Expr;
    Rc::new(
        cols.iter()
            .enumerate()
            .map(|(i, c)| match c {
                Expr::Column(c) => c.name.clone(),
                Expr::Label { name, .. } => name.clone(),
                Expr::Func { name, .. } => name.clone(),
                _ => format!("_{i}"),
            })
            .collect(),
    )
}
