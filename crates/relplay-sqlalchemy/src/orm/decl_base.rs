//! Declarative mapping: `declarative_base()`, `DeclarativeBase`,
//! `Mapped[...]` annotations, `mapped_column()`, and the mapping of each
//! subclass when its class statement finishes (`__init_subclass__`).

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use relplay_py::builtins::{builtin, method};
use relplay_py::object::class::{types, Class};
use relplay_py::object::dict::PyDict;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use super::attributes::{AttrKind, AttrObj};
use super::mapper::{self, ColProp, Mapper, MapperObj};
use super::relationships::{with_key, RelationshipObj};
use crate::schema::{ColSpec, ColumnObj, MetaDataObj};
use crate::util::{cast, native, native_class, type_error};

/// `mapped_column(...)`: a column spec completed from the annotation.
pub struct MappedColumnObj(pub RefCell<ColSpec>, pub RefCell<Option<Value>>);

impl NativeObject for MappedColumnObj {
    fn class(&self) -> Rc<Class> {
        native_class("MappedColumn", "sqlalchemy.orm.properties", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn mapped_column(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let spec = crate::schema::column_spec(interp, args, &kw, "mapped_column")?;
    Ok(native(MappedColumnObj(
        RefCell::new(spec),
        RefCell::new(None),
    )))
}

/// `Mapped[X]`; `WriteOnlyMapped[X]` / `DynamicMapped[X]` carry the
/// collection's lazy strategy in `.1`.
pub struct MappedAnn(pub Value, pub Option<&'static str>);

impl NativeObject for MappedAnn {
    fn class(&self) -> Rc<Class> {
        native_class("Mapped", "sqlalchemy.orm.base", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn mapped_class() -> Value {
    mapped_class_for("Mapped", None)
}

/// `WriteOnlyMapped` (lazy="write_only") or `DynamicMapped` (lazy="dynamic").
pub fn mapped_class_for(name: &'static str, lazy: Option<&'static str>) -> Value {
    let mut d = PyDict::new();
    d.set_str("__module__", Value::str("sqlalchemy.orm.base"));
    d.set_str(
        "__class_getitem__",
        Value::ClassMethod(Rc::new(builtin("__class_getitem__", move |_i, a, _k| {
            Ok(native(MappedAnn(
                a.get(1).cloned().unwrap_or(Value::None),
                lazy,
            )))
        }))),
    );
    match Class::new(name, vec![types().object.clone()], d, false) {
        Ok(c) => Value::Class(c),
        Err(_) => Value::None,
    }
}

/// What an annotation says: (python type or target, Optional?, collection?).
struct AnnInfo {
    inner: Value,
    optional: bool,
    collection: bool,
    lazy: Option<&'static str>,
}

fn ann_info(interp: &mut Interpreter, v: &Value) -> PyResult<Option<AnnInfo>> {
    let Some(m) = cast::<MappedAnn>(v) else {
        if let Value::Str(s) = v {
            if s.starts_with("Mapped[") {
                return Err(crate::util::not_supported(
                    interp,
                    "string annotations (from __future__ import annotations)",
                ));
            }
        }
        return Ok(None);
    };
    let mut inner = m.0.clone();
    let lazy = m.1;
    let mut optional = false;
    let mut collection = lazy.is_some();
    for _ in 0..3 {
        let name = interp.getattr_opt(&inner, "_name")?;
        let name = name.as_ref().and_then(crate::util::str_of);
        let args = interp.getattr_opt(&inner, "__args__")?;
        let first = match &args {
            Some(Value::Tuple(t)) => t.first().cloned(),
            _ => None,
        };
        match (name.as_deref(), first) {
            (Some("Optional"), Some(a)) => {
                optional = true;
                inner = a;
            }
            (Some("Union"), Some(a)) => {
                optional = true;
                inner = a;
            }
            (Some("List" | "list" | "Set" | "set"), Some(a)) => {
                collection = true;
                inner = a;
            }
            _ => break,
        }
    }
    if let Some(Value::Str(s)) = interp.getattr_opt(&inner, "__forward_arg__")? {
        inner = Value::Str(s);
    }
    Ok(Some(AnnInfo {
        inner,
        optional,
        collection,
        lazy,
    }))
}

fn map_class(
    interp: &mut Interpreter,
    cls: &Rc<Class>,
    meta: &Rc<crate::schema::MetaInner>,
) -> PyResult<()> {
    let own = cls.dict.borrow().clone();
    if let Some(v) = own.get_str("__abstract__") {
        if interp.truthy(&v)? {
            return Ok(());
        }
    }
    // `__table__ = some_table`: map an existing Table.
    let existing = own
        .get_str("__table__")
        .filter(|v| cast::<crate::schema::TableObj>(v).is_some());
    let tablename = match (&existing, own.get_str("__tablename__")) {
        (Some(t), _) => Some(
            cast::<crate::schema::TableObj>(t)
                .map(|t| t.name.clone())
                .unwrap_or_else(|| std::rc::Rc::from("")),
        ),
        (None, Some(Value::Str(s))) => Some(s),
        _ => None,
    };
    let Some(tablename) = tablename else {
        if own.get_str("__table__").is_some() {
            return Err(crate::util::not_supported(interp, "this __table__ value"));
        }
        return Err(crate::exc::raise(
            "InvalidRequestError",
            &format!(
                "Class <class '{}.{}'> does not have a __table__ or __tablename__ specified and does not inherit from an existing table-mapped class.",
                cls.module(),
                cls.name()
            ),
        ));
    };
    if cls
        .mro()
        .iter()
        .skip(1)
        .any(|c| mapper::by_class(c).is_some())
    {
        return Err(crate::util::not_supported(
            interp,
            "mapped class inheritance",
        ));
    }
    // `__table_args__`: constraints/indexes, optionally a trailing dict
    let mut table_items: Vec<Value> = Vec::new();
    match own.get_str("__table_args__") {
        None => {}
        Some(Value::Tuple(t)) => {
            for it in t.iter() {
                match it {
                    Value::Dict(d) if d.borrow().is_empty() => {}
                    Value::Dict(_) => {
                        return Err(crate::util::not_supported(
                            interp,
                            "__table_args__ options (the dict part)",
                        ))
                    }
                    other => table_items.push(other.clone()),
                }
            }
        }
        Some(Value::Dict(d)) if d.borrow().is_empty() => {}
        Some(_) => {
            return Err(crate::util::not_supported(
                interp,
                "__table_args__ options (the dict part)",
            ))
        }
    }
    // Attribute order: class dict order, with annotation-only names merged
    // in at their annotation position (as SQLAlchemy merges the two lists).
    let anns: Vec<(String, Value)> = match own.get_str("__annotations__") {
        Some(Value::Dict(d)) => d
            .borrow()
            .items()
            .into_iter()
            .filter_map(|(k, v)| crate::util::str_of(&k).map(|k| (k.to_string(), v)))
            .collect(),
        _ => Vec::new(),
    };
    let mut names: Vec<String> = own
        .keys()
        .iter()
        .filter_map(crate::util::str_of)
        .map(|s| s.to_string())
        .collect();
    let mut last: Option<usize> = None;
    for (k, _) in &anns {
        match names.iter().position(|n| n == k) {
            Some(p) => last = Some(p),
            None => {
                let at = last.map(|p| p + 1).unwrap_or(0);
                names.insert(at, k.clone());
                last = Some(at);
            }
        }
    }
    let mut columns: Vec<(String, Value)> = Vec::new();
    let mut rels: Vec<(String, Rc<super::relationships::RelProp>)> = Vec::new();
    for key in names {
        let v = own.get_str(&key);
        let ann = match anns.iter().find(|(k, _)| *k == key) {
            Some((_, a)) => ann_info(interp, a)?,
            None => None,
        };
        match v {
            Some(v) if cast::<ColumnObj>(&v).is_some() => {
                if let Some(c) = cast::<ColumnObj>(&v) {
                    if c.spec.borrow().name.is_none() {
                        c.spec.borrow_mut().name = Some(key.clone());
                    }
                }
                columns.push((key, v));
            }
            Some(v) if cast::<MappedColumnObj>(&v).is_some() => {
                let Some(mc) = cast::<MappedColumnObj>(&v) else {
                    continue;
                };
                let mut spec = mc.0.borrow().clone();
                if spec.name.is_none() {
                    spec.name = Some(key.clone());
                }
                apply_annotation(interp, &mut spec, ann.as_ref(), &key, cls)?;
                let col = native(ColumnObj {
                    spec: RefCell::new(spec),
                    table: RefCell::new(None),
                });
                *mc.1.borrow_mut() = Some(col.clone());
                columns.push((key, col));
            }
            Some(v) if cast::<RelationshipObj>(&v).is_some() => {
                let Some(r) = cast::<RelationshipObj>(&v) else {
                    continue;
                };
                let mut p = with_key(&r.0, &key);
                if let Some(a) = &ann {
                    if p.argument.is_none() {
                        p.argument = Some(a.inner.clone());
                    }
                    if p.uselist.is_none() && !a.collection {
                        p.uselist = Some(false);
                    }
                    if let Some(l) = a.lazy {
                        p.lazy = Value::str(l);
                    }
                }
                rels.push((key, Rc::new(p)));
            }
            None if existing.is_some() => {}
            None => {
                if let Some(a) = ann {
                    let mut spec =
                        crate::schema::column_spec(interp, vec![], &Vec::new(), "mapped_column")?;
                    spec.name = Some(key.clone());
                    apply_annotation(interp, &mut spec, Some(&a), &key, cls)?;
                    let col = native(ColumnObj {
                        spec: RefCell::new(spec),
                        table: RefCell::new(None),
                    });
                    columns.push((key, col));
                }
            }
            _ => {}
        }
    }
    let (table, meta) = match &existing {
        Some(t) => {
            let Some(tobj) = cast::<crate::schema::TableObj>(t) else {
                return Ok(());
            };
            if !columns.is_empty() {
                return Err(crate::util::not_supported(
                    interp,
                    "columns declared next to __table__",
                ));
            }
            for c in &tobj.columns {
                if let Some(name) = cast::<ColumnObj>(c).and_then(|c| c.name()) {
                    columns.push((name, c.clone()));
                }
            }
            (t.clone(), tobj.meta.clone())
        }
        None => (
            crate::schema::add_table(
                interp,
                meta,
                &tablename,
                columns.iter().map(|(_, c)| c.clone()).collect(),
            )?,
            meta.clone(),
        ),
    };
    let meta = &meta;
    if existing.is_none() && !table_items.is_empty() {
        crate::schema::apply_table_items(interp, meta, &tablename, &table_items)?;
    }
    let pk_names: Vec<String> = meta
        .md
        .borrow()
        .table(&tablename)
        .map(|t| t.primary_key())
        .unwrap_or_default();
    let mut cols = Vec::new();
    for (key, c) in &columns {
        if let Some(c) = cast::<ColumnObj>(c) {
            let s = c.spec.borrow();
            let name = s.name.clone().unwrap_or_default();
            let ty = meta
                .md
                .borrow()
                .table(&tablename)
                .and_then(|t| t.column(&name))
                .map(|c| c.ty.clone())
                .unwrap_or(s.ty.clone());
            cols.push(ColProp {
                key: key.clone(),
                column: name,
                ty,
                enum_class: s.enum_class.clone(),
                default_fn: s.default.clone().filter(|d| {
                    matches!(
                        d,
                        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_)
                    )
                }),
            });
        }
    }
    if pk_names.is_empty() {
        return Err(crate::exc::raise(
            "ArgumentError",
            &format!(
                "Mapper Mapper[{}({})] could not assemble any primary key columns for mapped table '{}'",
                cls.name(), tablename, tablename
            ),
        ));
    }
    let pk: Vec<usize> = pk_names
        .iter()
        .filter_map(|n| cols.iter().position(|c: &ColProp| &c.column == n))
        .collect();
    // `@validates("a", "b")` methods, found by their marker attribute
    let mut validators: Vec<(String, Value)> = Vec::new();
    for (k, v) in own.items() {
        if let Value::Function(f) = &v {
            if let Some(Value::Tuple(names)) = f.dict.borrow().get_str("__sa_validators__") {
                for n in names.iter() {
                    if let Value::Str(n) = n {
                        let _ = &k;
                        validators.push((n.to_string(), v.clone()));
                    }
                }
            }
        }
    }
    let m = Rc::new(Mapper {
        id: mapper::next_id(),
        class: cls.clone(),
        table: tablename.clone(),
        table_obj: table.clone(),
        meta: meta.clone(),
        cols,
        pk,
        rels: RefCell::new(Vec::new()),
        validators,
    });
    for (key, r) in &rels {
        *r.parent.borrow_mut() = Some(m.clone());
        m.rels.borrow_mut().push(r.clone());
        install_attr(&m, AttrKind::Rel(r.clone()), key);
    }
    for i in 0..m.cols.len() {
        let key = m.cols[i].key.clone();
        install_attr(&m, AttrKind::Column(i), &key);
    }
    if let Some(user_init) = own.get_str("__init__") {
        if matches!(user_init, Value::Function(_)) {
            // Instrumented constructor: configure mappers and create the
            // state first, as SQLAlchemy's wrapped __init__ does.
            let wrapped = method(&cls.name(), "__init__", move |i, args, kw| {
                super::mapper::configure_all(i)?;
                if let Some(me) = args.first() {
                    super::state::state_of(i, me)?;
                }
                i.call(&user_init, args, kw)
            });
            cls.dict.borrow_mut().set_str("__init__", wrapped);
        }
    }
    cls.dict.borrow_mut().set_str("__table__", table);
    cls.dict
        .borrow_mut()
        .set_str("__mapper__", native(MapperObj(m.clone())));
    mapper::register(m);
    Ok(())
}

fn apply_annotation(
    interp: &mut Interpreter,
    spec: &mut ColSpec,
    ann: Option<&AnnInfo>,
    key: &str,
    cls: &Rc<Class>,
) -> PyResult<()> {
    let Some(a) = ann else {
        if spec.ty == relplay_orm::types::SqlType::Null {
            return Err(crate::util::not_supported(
                interp,
                &format!(
                    "mapped_column() without a type or Mapped[] annotation ({}.{key})",
                    cls.name()
                ),
            ));
        }
        return Ok(());
    };
    if spec.ty == relplay_orm::types::SqlType::Null {
        if let Some(names) = crate::types::enum_names(&a.inner) {
            spec.ty = relplay_orm::types::SqlType::Enum(names);
            spec.enum_class = Some(a.inner.clone());
        }
    }
    if spec.ty == relplay_orm::types::SqlType::Null {
        match crate::types::type_for_python(&a.inner) {
            Some(t) => spec.ty = t,
            None => {
                let shown = interp.repr(&a.inner)?;
                return Err(crate::exc::raise(
                    "ArgumentError",
                    &format!("Could not locate SQLAlchemy Core type for Python type {shown} inside the '{key}' attribute Mapped annotation"),
                ));
            }
        }
    }
    if spec.nullable.is_none() && !spec.primary_key {
        spec.nullable = Some(a.optional);
    }
    crate::schema::value_types(interp, &spec.ty);
    Ok(())
}

/// Puts the instrumented attribute for `key` on the mapped class.
pub fn install_attr(m: &Rc<Mapper>, kind: AttrKind, key: &str) {
    let attr = native(AttrObj {
        mapper: m.clone(),
        key: key.to_string(),
        kind,
    });
    m.class.dict.borrow_mut().set_str(key, attr);
}

fn meta_of(cls: &Rc<Class>) -> Option<Rc<crate::schema::MetaInner>> {
    cls.lookup("metadata")
        .and_then(|v| cast::<MetaDataObj>(&v).map(|m| m.0.clone()))
}

/// `__init_subclass__` of a declarative base.
fn init_subclass(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.first().cloned() else {
        return Ok(Value::None);
    };
    match meta_of(&cls) {
        // `class Base(DeclarativeBase)`: the new base gets its own metadata.
        None => {
            cls.dict
                .borrow_mut()
                .set_str("metadata", crate::schema::new_metadata());
        }
        Some(meta) => {
            if !cls.dict.borrow().contains_str("metadata")
                || cls.dict.borrow().contains_str("__tablename__")
            {
                map_class(interp, &cls, &meta)?;
            }
        }
    }
    Ok(Value::None)
}

/// The default constructor: keyword arguments set mapped attributes.
fn default_init(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let Some(me) = args.first().cloned() else {
        return Ok(Value::None);
    };
    if args.len() > 1 {
        return Err(type_error(format!(
            "__init__() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    let cls = me.class();
    super::mapper::configure_all(interp)?;
    super::state::state_of(interp, &me)?;
    for (k, v) in kw {
        if cls.lookup(&k).is_none() {
            return Err(type_error(format!(
                "'{k}' is an invalid keyword argument for {}",
                cls.name()
            )));
        }
        interp.setattr(&me, &k, v)?;
    }
    Ok(Value::None)
}

fn base_dict(module: &str) -> PyDict {
    let mut d = PyDict::new();
    d.set_str("__module__", Value::str(module));
    d.set_str("__doc__", Value::None);
    d.set_str(
        "__init_subclass__",
        Value::ClassMethod(Rc::new(builtin("__init_subclass__", init_subclass))),
    );
    d.set_str("__init__", method("Base", "__init__", default_init));
    d
}

/// `class Base(DeclarativeBase): ...`
pub fn declarative_base_class() -> Value {
    let d = base_dict("sqlalchemy.orm.decl_api");
    match Class::new("DeclarativeBase", vec![types().object.clone()], d, false) {
        Ok(c) => Value::Class(c),
        Err(_) => Value::None,
    }
}

/// `declarative_base()`; `legacy` is the `sqlalchemy.ext.declarative` one.
pub fn declarative_base(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kwargs,
    legacy: bool,
) -> PyResult<Value> {
    if legacy {
        crate::exc::warn(
            interp,
            "MovedIn20Warning",
            "The ``declarative_base()`` function is now available as sqlalchemy.orm.declarative_base(). (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)",
        )?;
    }
    if !args.is_empty() {
        return Err(type_error(format!(
            "declarative_base() takes 0 positional arguments but {} were given",
            args.len()
        )));
    }
    let mut metadata = None;
    for (k, v) in kw {
        match &*k {
            "metadata" => metadata = Some(v),
            "name"
            | "cls"
            | "mapper"
            | "class_registry"
            | "type_annotation_map"
            | "constructor"
            | "metaclass" => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("declarative_base({k}=...)"),
                ))
            }
            _ => {
                return Err(type_error(format!(
                    "declarative_base() got an unexpected keyword argument '{k}'"
                )))
            }
        }
    }
    let mut d = base_dict("__main__");
    if let Some(f) = interp_module_name(interp) {
        d.set_str("__module__", Value::str(&f));
    }
    d.set_str(
        "metadata",
        metadata.unwrap_or_else(crate::schema::new_metadata),
    );
    match Class::new("Base", vec![types().object.clone()], d, false) {
        Ok(c) => {
            // `type(Base)` is DeclarativeMeta, as in SQLAlchemy.
            let mut md = PyDict::new();
            md.set_str("__module__", Value::str("sqlalchemy.orm.decl_api"));
            // type.__new__ builds the class; the metaclass is attached after.
            md.set_str(
                "__new__",
                Value::StaticMethod(Rc::new(builtin("__new__", |i, args, kw| {
                    let mut it = args.into_iter();
                    let mcls = it.next().unwrap_or(Value::None);
                    let rest: Vec<Value> = it.collect();
                    let t = Value::Class(types().type_.clone());
                    let c = i.call(&t, rest, kw)?;
                    if let (Value::Class(c), Value::Class(m)) = (&c, &mcls) {
                        *c.meta.borrow_mut() = Some(m.clone());
                    }
                    Ok(c)
                }))),
            );
            md.set_str(
                "__init__",
                method("DeclarativeMeta", "__init__", |_, _, _| Ok(Value::None)),
            );
            if let Ok(meta) = Class::new("DeclarativeMeta", vec![types().type_.clone()], md, false)
            {
                *c.meta.borrow_mut() = Some(meta);
            }
            Ok(Value::Class(c))
        }
        Err(e) => Err(type_error(e)),
    }
}

fn interp_module_name(_interp: &Interpreter) -> Option<String> {
    None
}

/// `@validates(*names)`: marks the method; the mapper calls it on set/append.
pub fn validates(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    for (k, _) in &kw {
        if &**k != "include_backrefs" {
            return Err(crate::util::not_supported(
                interp,
                &format!("validates({k}=...)"),
            ));
        }
    }
    let names = Value::tuple(args);
    Ok(builtin("validates", move |_i, a, _k| {
        let f = a.into_iter().next().unwrap_or(Value::None);
        if let Value::Function(func) = &f {
            func.dict
                .borrow_mut()
                .set_str("__sa_validators__", names.clone());
        }
        Ok(f)
    }))
}
