//! `aliased(Class)`: the entity under an anonymous alias (`node_1`), for
//! self-joins; its column attributes render against the alias.

use std::any::Any;
use std::rc::Rc;

use relplay_orm::sql::{Alias, AliasTarget, ColRef, Expr, Source};
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use super::mapper::{self, Mapper};
use crate::util::{native, native_class};

pub struct AliasedObj {
    pub mapper: Rc<Mapper>,
    pub alias: Rc<Alias>,
}

impl AliasedObj {
    pub fn columns(&self) -> Vec<Expr> {
        self.mapper
            .cols
            .iter()
            .map(|c| {
                Expr::Column(ColRef {
                    source: Source::Alias(self.alias.clone()),
                    name: c.column.clone(),
                    ty: c.ty.clone(),
                })
            })
            .collect()
    }
}

impl NativeObject for AliasedObj {
    fn class(&self) -> Rc<Class> {
        native_class("AliasedClass", "sqlalchemy.orm.util", &[])
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
        if let Some(c) = self.mapper.cols.iter().find(|c| c.key == name) {
            let e = Expr::Column(ColRef {
                source: Source::Alias(self.alias.clone()),
                name: c.column.clone(),
                ty: c.ty.clone(),
            });
            return Ok(Some(native(crate::sql::elements::ExprObj(e))));
        }
        if self.mapper.rel(name).is_some() {
            return Err(crate::util::not_supported(
                interp,
                &format!("relationship attributes of aliased({})", self.mapper.name()),
            ));
        }
        Ok(None)
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!(
            "<AliasedClass at 0x7f0000000000; {}>",
            self.mapper.name()
        )))
    }
}

pub fn aliased(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    mapper::configure_all(interp)?;
    let target = args.first().cloned().unwrap_or(Value::None);
    let Some(m) = mapper::of_value(&target) else {
        return Err(crate::util::not_supported(
            interp,
            &format!("aliased() of a {}", target.type_name()),
        ));
    };
    let name = crate::util::kw_get(&kw, "name")
        .and_then(|v| crate::util::str_of(&v))
        .map(|s| s.to_string());
    let alias = Rc::new(Alias {
        id: super::strategies::next_alias_id(),
        name,
        target: AliasTarget::Table(m.table.to_string()),
    });
    Ok(native(AliasedObj { mapper: m, alias }))
}
