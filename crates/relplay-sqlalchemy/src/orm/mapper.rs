//! Mappers: which table and columns a class maps, its relationships, and
//! configuration at first use (`configure_mappers`).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use relplay_orm::types::SqlType;
use relplay_py::object::class::Class;
use relplay_py::object::native::NativeObject;
use relplay_py::{Interpreter, PyResult, Value};

use super::relationships::RelProp;
use crate::schema::MetaInner;
use crate::util::native_class;

pub struct ColProp {
    /// Attribute name on the class.
    pub key: String,
    pub column: String,
    pub ty: SqlType,
    /// A Python callable `default=`, called for new rows at flush.
    pub default_fn: Option<Value>,
    /// `Enum(PyEnum)` columns: stored names come back as members.
    pub enum_class: Option<Value>,
}

pub struct Mapper {
    pub id: usize,
    pub class: Rc<Class>,
    pub table: Rc<str>,
    pub table_obj: Value,
    pub meta: Rc<MetaInner>,
    pub cols: Vec<ColProp>,
    /// Indexes into `cols` of the primary key, in table order.
    pub pk: Vec<usize>,
    pub rels: RefCell<Vec<Rc<RelProp>>>,
    /// `@validates` methods by attribute key.
    pub validators: Vec<(String, Value)>,
}

impl Mapper {
    pub fn name(&self) -> Rc<str> {
        self.class.name()
    }
    /// `module.Class`, the unit of work's sort key.
    pub fn sort_key(&self) -> String {
        format!("{}.{}", self.class.module(), self.class.name())
    }
    pub fn col_by_column(&self, column: &str) -> Option<&ColProp> {
        self.cols.iter().find(|c| c.column == column)
    }
    pub fn validator(&self, key: &str) -> Option<Value> {
        self.validators
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, f)| f.clone())
    }
    pub fn rel(&self, key: &str) -> Option<Rc<RelProp>> {
        self.rels.borrow().iter().find(|r| r.key == key).cloned()
    }
    pub fn pk_cols(&self) -> Vec<(String, SqlType)> {
        self.pk
            .iter()
            .map(|&i| (self.cols[i].column.clone(), self.cols[i].ty.clone()))
            .collect()
    }
}

thread_local! {
    static MAPPERS: RefCell<Vec<Rc<Mapper>>> = const { RefCell::new(Vec::new()) };
    static CONFIGURED: Cell<bool> = const { Cell::new(true) };
    /// (triggering mapper, original message) of a failed configure.
    static FAILED: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

pub fn register(m: Rc<Mapper>) {
    MAPPERS.with(|v| v.borrow_mut().push(m));
    CONFIGURED.with(|c| c.set(false));
}

pub fn next_id() -> usize {
    MAPPERS.with(|v| v.borrow().len())
}

pub fn all() -> Vec<Rc<Mapper>> {
    MAPPERS.with(|v| v.borrow().clone())
}

pub fn reset() {
    super::clsregistry::reset();
    FAILED.with(|f| *f.borrow_mut() = None);
    MAPPERS.with(|v| v.borrow_mut().clear());
    CONFIGURED.with(|c| c.set(true));
}

pub fn by_class(c: &Rc<Class>) -> Option<Rc<Mapper>> {
    MAPPERS.with(|v| v.borrow().iter().find(|m| Rc::ptr_eq(&m.class, c)).cloned())
}

pub fn by_name(name: &str) -> Option<Rc<Mapper>> {
    MAPPERS.with(|v| {
        v.borrow()
            .iter()
            .find(|m| &*m.class.name() == name)
            .cloned()
    })
}

/// The mapper of a mapped class or instance.
pub fn of_value(v: &Value) -> Option<Rc<Mapper>> {
    match v {
        Value::Class(c) => by_class(c),
        Value::Instance(i) => by_class(&i.class.borrow()),
        _ => None,
    }
}

/// Resolves every relationship once, before the first use of any mapper.
pub fn configure_all(interp: &mut Interpreter) -> PyResult<()> {
    if CONFIGURED.with(|c| c.get()) {
        return Ok(());
    }
    // a mapper that failed before makes every later configure fail
    if let Some((label, msg)) = FAILED.with(|f| f.borrow().clone()) {
        return Err(crate::exc::raise(
            "InvalidRequestError",
            &format!("One or more mappers failed to initialize - can't proceed with initialization of other mappers. Triggering mapper: '{label}'. Original exception was: {msg}"),
        ));
    }
    CONFIGURED.with(|c| c.set(true));
    for m in all() {
        let rels = m.rels.borrow().clone();
        for r in rels {
            if let Err(e) = super::relationships::configure(interp, &m, &r) {
                CONFIGURED.with(|c| c.set(false));
                let msg = e
                    .args()
                    .first()
                    .and_then(crate::util::str_of)
                    .map(|s| s.to_string())
                    .unwrap_or_default();
                let label = format!("Mapper[{}({})]", m.name(), m.table);
                FAILED.with(|f| *f.borrow_mut() = Some((label, msg)));
                return Err(e);
            }
        }
    }
    Ok(())
}

/// `Class.__mapper__`.
pub struct MapperObj(pub Rc<Mapper>);

impl NativeObject for MapperObj {
    fn class(&self) -> Rc<Class> {
        native_class("Mapper", "sqlalchemy.orm.mapper", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!(
            "<Mapper at 0x7f0000000000; {}>",
            self.0.name()
        )))
    }
}
