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
        if let Some(rel) = self.mapper.rel(name) {
            let _ = interp;
            return Ok(Some(native(AliasedRelObj {
                alias: self.alias.clone(),
                rel,
            })));
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

/// `aliased(Class).rel`: a relationship whose parent side is the alias;
/// usable as the ON clause of `join(target, alias.rel)`.
pub struct AliasedRelObj {
    pub alias: Rc<Alias>,
    pub rel: Rc<super::relationships::RelProp>,
}

impl NativeObject for AliasedRelObj {
    fn class(&self) -> Rc<Class> {
        native_class("InstrumentedAttribute", "sqlalchemy.orm.attributes", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The ON clause of a join along `rel` from `parent` (an alias, or the
/// plain table) to `target` (an alias, or the plain table).
pub fn rel_onclause(
    rel: &super::relationships::RelProp,
    parent: Option<&Rc<Alias>>,
    target: Option<&Rc<Alias>>,
) -> Option<Expr> {
    let res = rel.resolved()?;
    if !res.analysis.secondary_sync_pairs.is_empty() {
        return None;
    }
    let md = res.target.meta.md.borrow();
    let col = |c: &relplay_orm::relationships::ColId| -> Expr {
        let ty = md
            .table(&c.table)
            .and_then(|t| t.column(&c.column))
            .map(|c| c.ty.clone())
            .unwrap_or(relplay_orm::types::SqlType::Null);
        // remote columns are the target's, the others the parent's
        let alias = if res.analysis.remote.contains(c) {
            target
        } else {
            parent
        };
        match alias {
            Some(a) => Expr::Column(ColRef {
                source: Source::Alias(a.clone()),
                name: c.column.clone(),
                ty,
            }),
            None => Expr::col(&c.table, &c.column, ty),
        }
    };
    let items: Vec<Expr> = res
        .analysis
        .primaryjoin
        .iter()
        .map(|(l, r)| col(l).binary(relplay_orm::sql::BinOp::Eq, col(r)))
        .collect();
    Some(relplay_orm::sql::and_(items))
}
