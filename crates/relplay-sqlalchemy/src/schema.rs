//! `sqlalchemy.schema`: Column, ForeignKey, Table, MetaData as Python
//! objects over relplay-orm's schema model.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use relplay_orm::schema::{self as os, CreationOrder};
use relplay_orm::sql::Expr;
use relplay_orm::types::SqlType;
use relplay_py::ast::CmpOp;
use relplay_py::object::class::Class;
use relplay_py::object::dict::PyDict;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyErr, PyResult, Value};

use crate::util::{cast, kw_get, native, native_class, orm_err, str_of, this, to_py, truthy};

thread_local! {
    /// Column() calls are numbered: constraint order follows creation order.
    static COLUMN_ORDER: Cell<u64> = const { Cell::new(0) };
}

#[derive(Clone, Debug)]
pub struct ColSpec {
    pub name: Option<String>,
    pub ty: SqlType,
    pub primary_key: bool,
    pub nullable: Option<bool>,
    pub unique: bool,
    pub index: bool,
    pub default: Option<Value>,
    pub server_default: Option<os::ServerDefault>,
    pub fks: Vec<os::ForeignKeyRef>,
    pub autoincrement: Option<bool>,
    pub comment: Option<String>,
    /// `Sequence(...)` given positionally (SQLite ignores it).
    pub sequence: Option<Value>,
    /// `Enum(PyEnum)`: the Python enum class.
    pub enum_class: Option<Value>,
    pub order: u64,
}

pub struct ColumnObj {
    pub spec: RefCell<ColSpec>,
    pub table: RefCell<Option<Rc<str>>>,
}

impl ColumnObj {
    pub fn expr(&self) -> Option<Expr> {
        let t = self.table.borrow().clone()?;
        let s = self.spec.borrow();
        Some(Expr::col(&t, s.name.as_deref()?, s.ty.clone()))
    }
    pub fn name(&self) -> Option<String> {
        self.spec.borrow().name.clone()
    }
}

impl NativeObject for ColumnObj {
    fn class(&self) -> Rc<Class> {
        native_class("Column", "sqlalchemy.sql.schema", &[])
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
            "name" | "key" => return Ok(self.name().map(|n| Value::str(&n))),
            "primary_key" => return Ok(Some(Value::Bool(self.spec.borrow().primary_key))),
            "comment" => {
                return Ok(Some(
                    self.spec
                        .borrow()
                        .comment
                        .clone()
                        .map(|c| Value::str(&c))
                        .unwrap_or(Value::None),
                ))
            }
            "default" => {
                let s = self.spec.borrow();
                return Ok(Some(s.sequence.clone().unwrap_or(Value::None)));
            }
            "unique" => return Ok(Some(Value::Bool(self.spec.borrow().unique))),
            "index" => return Ok(Some(Value::Bool(self.spec.borrow().index))),
            "type" => {
                let ty = self.spec.borrow().ty.clone();
                return Ok(Some(native(crate::types::TypeObj {
                    name: crate::types::name_of(&ty),
                    ty,
                    factory: false,
                    enum_class: self.spec.borrow().enum_class.clone(),
                })));
            }
            "table" => {
                return Ok(self
                    .table
                    .borrow()
                    .as_ref()
                    .and_then(|t| crate::schema::table_by_name(t)));
            }
            "nullable" => {
                let s = self.spec.borrow();
                return Ok(Some(Value::Bool(s.nullable.unwrap_or(!s.primary_key))));
            }
            _ => {}
        }
        match self.expr() {
            Some(e) => crate::sql::elements::expr_attr(interp, e, name),
            None => Ok(None),
        }
    }
    fn richcompare(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        op: CmpOp,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        match self.expr() {
            Some(e) => crate::sql::elements::compare(interp, e, op, other).map(Some),
            None => Ok(None),
        }
    }
    fn hash(&self, _interp: &mut Interpreter, me: &Value) -> PyResult<Option<i64>> {
        Ok(Some(me.id() as i64))
    }
    fn repr(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let spec = self.spec.borrow().clone();
        let Some(t) = self.table.borrow().clone() else {
            return Ok(Some(format!(
                "Column({:?}, {})",
                spec.name.clone().unwrap_or_default(),
                spec.ty.repr()
            )));
        };
        // the attached column's repr comes from the table's model
        let found = crate::schema::table_by_name(&t).and_then(|tv| {
            cast::<TableObj>(&tv).and_then(|to| {
                let md = to.meta.md.borrow();
                md.table(&t).and_then(|tb| {
                    tb.column(spec.name.as_deref().unwrap_or(""))
                        .map(|c| c.repr(&t))
                })
            })
        });
        Ok(Some(found.unwrap_or_default()))
    }
    fn str(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let s = self.spec.borrow();
        let n = s.name.clone().unwrap_or_default();
        Ok(Some(match &*self.table.borrow() {
            Some(t) => format!("{t}.{n}"),
            None => n,
        }))
    }
}

pub struct ForeignKeyObj {
    pub target: String,
    pub ondelete: Option<String>,
    pub onupdate: Option<String>,
}

impl ForeignKeyObj {
    pub fn fkref(&self) -> os::ForeignKeyRef {
        let mut r = os::ForeignKeyRef::new(&self.target);
        r.ondelete = self.ondelete.clone();
        r.onupdate = self.onupdate.clone();
        r
    }
}

impl NativeObject for ForeignKeyObj {
    fn class(&self) -> Rc<Class> {
        native_class("ForeignKey", "sqlalchemy.sql.schema", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!("ForeignKey('{}')", self.target)))
    }
}

/// `ForeignKey("t.c")` or `ForeignKey(column)`.
pub fn foreign_key(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    for (k, _) in &kw {
        if !matches!(&**k, "ondelete" | "onupdate" | "name") {
            return Err(crate::util::not_supported(
                interp,
                &format!("ForeignKey({k}=...)"),
            ));
        }
    }
    let target = match args.first() {
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => match cast::<ColumnObj>(v) {
            Some(c) => c.str(interp, v)?.unwrap_or_default(),
            None => match crate::orm::attributes::column_of_attr(v) {
                Some((t, c)) => format!("{t}.{c}"),
                None => {
                    return Err(crate::util::type_error(
                        "ForeignKey() expects a column or 'table.column'",
                    ))
                }
            },
        },
        None => {
            return Err(crate::util::type_error(
                "ForeignKey() missing required argument 'column'",
            ))
        }
    };
    Ok(native(ForeignKeyObj {
        target,
        ondelete: kw_get(&kw, "ondelete")
            .and_then(|v| str_of(&v))
            .map(|s| s.to_string()),
        onupdate: kw_get(&kw, "onupdate")
            .and_then(|v| str_of(&v))
            .map(|s| s.to_string()),
    }))
}

/// `Column(name?, type?, *constraints, **kw)`; `mapped_column` shares it.
pub fn column_spec(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: &Kwargs,
    fname: &str,
) -> PyResult<ColSpec> {
    let order = COLUMN_ORDER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let mut spec = ColSpec {
        name: None,
        ty: SqlType::Null,
        primary_key: false,
        nullable: None,
        unique: false,
        index: false,
        default: None,
        server_default: None,
        fks: Vec::new(),
        autoincrement: None,
        comment: None,
        sequence: None,
        enum_class: None,
        order,
    };
    for a in args {
        if let Value::Str(s) = &a {
            spec.name = Some(s.to_string());
        } else if let Some(t) = crate::types::sql_type_of(&a) {
            spec.ty = t;
            spec.enum_class = crate::types::enum_class_of(&a);
        } else if let Some(fk) = cast::<ForeignKeyObj>(&a) {
            spec.fks.push(fk.fkref());
        } else if cast::<SequenceObj>(&a).is_some() {
            spec.sequence = Some(a.clone());
        } else {
            return Err(crate::util::not_supported(
                interp,
                &format!("{fname}() argument of type {}", a.type_name()),
            ));
        }
    }
    for (k, v) in kw {
        match &**k {
            "primary_key" => spec.primary_key = truthy(interp, &Some(v.clone()))?,
            "nullable" => spec.nullable = Some(truthy(interp, &Some(v.clone()))?),
            "unique" => spec.unique = truthy(interp, &Some(v.clone()))?,
            "index" => spec.index = truthy(interp, &Some(v.clone()))?,
            "default" => spec.default = Some(v.clone()),
            "autoincrement" => spec.autoincrement = Some(truthy(interp, &Some(v.clone()))?),
            "comment" => spec.comment = str_of(v).map(|s| s.to_string()),
            "server_default" => {
                spec.server_default = match v {
                    Value::Str(s) => Some(os::ServerDefault::Literal(s.to_string())),
                    other => match cast::<crate::sql::elements::TextObj>(other) {
                        Some(t) => Some(os::ServerDefault::Text(t.sql.clone())),
                        None => {
                            return Err(crate::util::not_supported(interp, "this server_default"))
                        }
                    },
                }
            }
            "name" => spec.name = str_of(v).map(|s| s.to_string()),
            "type_" => spec.ty = crate::types::sql_type_of(v).unwrap_or(SqlType::Null),
            "info" | "doc" | "init" | "repr" | "sort_order" => {}
            other => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("{fname}({other}=...)"),
                ));
            }
        }
    }
    Ok(spec)
}

pub fn column(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let spec = column_spec(interp, args, &kw, "Column")?;
    value_types(interp, &spec.ty);
    Ok(native(ColumnObj {
        spec: RefCell::new(spec),
        table: RefCell::new(None),
    }))
}

/// The relplay-orm column for a spec (type affinity rules live there).
pub fn orm_column(spec: &ColSpec, _interp: &mut Interpreter) -> PyResult<os::Column> {
    let name = spec.name.clone().unwrap_or_default();
    let mut c = os::Column::new(&name, spec.ty.clone());
    if spec.primary_key {
        c = c.primary_key();
    }
    if let Some(n) = spec.nullable {
        c.nullable = n;
    }
    c.unique = spec.unique;
    c.index = spec.index;
    c.autoincrement = spec.autoincrement;
    c.comment = spec.comment.clone();
    c.server_default = spec.server_default.clone();
    if let Some(d) = &spec.default {
        match d {
            // callables run at flush time (the ORM fills them in)
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => {}
            v => c.default = Some(to_py(v)?),
        }
    }
    for fk in &spec.fks {
        c.foreign_keys.push(fk.clone());
    }
    c.sequence = spec
        .sequence
        .as_ref()
        .and_then(|v| cast::<SequenceObj>(v).map(|q| q.0.clone()));
    Ok(c)
}

pub struct MetaInner {
    pub md: RefCell<os::MetaData>,
    pub order: RefCell<CreationOrder>,
    /// Table objects by definition order (parallel to md.tables).
    pub tables: RefCell<Vec<Value>>,
}

pub struct MetaDataObj(pub Rc<MetaInner>);

pub fn new_metadata() -> Value {
    let inner = Rc::new(MetaInner {
        md: RefCell::new(os::MetaData::new()),
        order: RefCell::new(CreationOrder::default()),
        tables: RefCell::new(Vec::new()),
    });
    ALL_META.with(|m| m.borrow_mut().push(Rc::downgrade(&inner)));
    native(MetaDataObj(inner))
}

fn md_methods() -> Vec<(&'static str, crate::util::MethodFn)> {
    vec![("create_all", md_create_all), ("drop_all", md_drop_all)]
}

fn md_create_all(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let md = this::<MetaDataObj>(&args, "MetaData")?.0.clone();
    let bind = args
        .get(1)
        .cloned()
        .or_else(|| kw_get(&kw, "bind"))
        .unwrap_or(Value::None);
    crate::engine::ddl::run_ddl(interp, &md, &bind, true)?;
    Ok(Value::None)
}

fn md_drop_all(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let md = this::<MetaDataObj>(&args, "MetaData")?.0.clone();
    let bind = args
        .get(1)
        .cloned()
        .or_else(|| kw_get(&kw, "bind"))
        .unwrap_or(Value::None);
    crate::engine::ddl::run_ddl(interp, &md, &bind, false)?;
    Ok(Value::None)
}

impl NativeObject for MetaDataObj {
    fn class(&self) -> Rc<Class> {
        native_class("MetaData", "sqlalchemy.sql.schema", &md_methods())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(match name {
            "tables" => {
                let mut d = PyDict::new();
                let names: Vec<String> = self
                    .0
                    .md
                    .borrow()
                    .tables
                    .iter()
                    .map(|t| t.name.clone())
                    .collect();
                for (n, t) in names.iter().zip(self.0.tables.borrow().iter()) {
                    d.set_str(n, t.clone());
                }
                Some(Value::dict(d))
            }
            "sorted_tables" => {
                let md = self.0.md.borrow();
                let mut idx: Vec<usize> = (0..md.tables.len()).collect();
                idx.sort_by(|a, b| md.tables[*a].name.cmp(&md.tables[*b].name));
                let order = relplay_orm::ddl::sort_tables(&md, &idx).map_err(orm_err)?;
                let tables = self.0.tables.borrow();
                Some(Value::list(
                    order
                        .iter()
                        .filter_map(|i| tables.get(*i).cloned())
                        .collect(),
                ))
            }
            _ => None,
        })
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some("MetaData()".into()))
    }
}

pub struct TableObj {
    pub name: Rc<str>,
    pub meta: Rc<MetaInner>,
    pub columns: Vec<Value>,
}

impl TableObj {
    pub fn column(&self, name: &str) -> Option<&Value> {
        self.columns
            .iter()
            .find(|c| cast::<ColumnObj>(c).and_then(|c| c.name()).as_deref() == Some(name))
    }
}

impl NativeObject for TableObj {
    fn class(&self) -> Rc<Class> {
        native_class("Table", "sqlalchemy.sql.schema", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _interp: &mut Interpreter,
        me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" | "fullname" => Some(Value::Str(self.name.clone())),
            "c" | "columns" => Some(native(ColumnsObj(me.clone()))),
            "metadata" => Some(native(MetaDataObj(self.meta.clone()))),
            "insert" | "update" | "delete" => {
                let me = me.clone();
                let kind = name.to_string();
                Some(relplay_py::builtins::builtin(
                    name,
                    move |i, _a, _k| match kind.as_str() {
                        "insert" => crate::sql::dml::insert(i, vec![me.clone()], Vec::new()),
                        "update" => crate::sql::dml::update(i, vec![me.clone()], Vec::new()),
                        _ => crate::sql::dml::delete(i, vec![me.clone()], Vec::new()),
                    },
                ))
            }
            "select" => {
                let cols = self.columns.clone();
                Some(relplay_py::builtins::builtin("select", move |i, _a, _k| {
                    crate::sql::selectable::select(i, cols.clone(), Vec::new())
                }))
            }
            _ => None,
        })
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let md = self.meta.md.borrow();
        Ok(Some(
            md.table(&self.name).map(|t| t.repr()).unwrap_or_default(),
        ))
    }
    fn str(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(self.name.to_string()))
    }
}

/// `table.c`: columns by name.
pub struct ColumnsObj(pub Value);

impl NativeObject for ColumnsObj {
    fn class(&self) -> Rc<Class> {
        native_class("ReadOnlyColumnCollection", "sqlalchemy.sql.base", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(cast::<TableObj>(&self.0).and_then(|t| t.column(name).cloned()))
    }
    fn getitem(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        key: Value,
    ) -> PyResult<Option<Value>> {
        let t = cast::<TableObj>(&self.0);
        match (&key, t) {
            (Value::Str(s), Some(t)) => match t.column(s) {
                Some(c) => Ok(Some(c.clone())),
                None => Err(PyErr::new("KeyError", format!("'{s}'"))),
            },
            _ => Ok(None),
        }
    }
    fn iter(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        let cols = cast::<TableObj>(&self.0)
            .map(|t| t.columns.clone())
            .unwrap_or_default();
        interp.iter(&Value::list(cols)).map(Some)
    }
}

/// Columns declared without a type take their foreign key target's type
/// (SQLAlchemy resolves the NullType once the target table exists).
pub fn resolve_fk_types(meta: &MetaInner) {
    let mut md = meta.md.borrow_mut();
    let mut fixes: Vec<(usize, usize, SqlType)> = Vec::new();
    for (ti, t) in md.tables.iter().enumerate() {
        for (ci, c) in t.columns.iter().enumerate() {
            if c.ty != SqlType::Null {
                continue;
            }
            if let Some(fk) = c.foreign_keys.first() {
                if let Ok((tt, tc)) = fk.split() {
                    if let Some(target) = md.table(tt).and_then(|t| t.column(tc)) {
                        fixes.push((ti, ci, target.ty.clone()));
                    }
                }
            }
        }
    }
    for (ti, ci, ty) in fixes {
        if let Some(c) = md.tables.get_mut(ti).and_then(|t| t.columns.get_mut(ci)) {
            c.ty = ty.clone();
            let name = c.name.clone();
            if let Some(tv) = meta.tables.borrow().get(ti) {
                if let Some(col) = cast::<TableObj>(tv)
                    .and_then(|t| t.column(&name))
                    .and_then(cast::<ColumnObj>)
                {
                    col.spec.borrow_mut().ty = ty;
                }
            }
        }
    }
}

/// Registers a table built from column objects in a MetaData.
pub fn add_table(
    interp: &mut Interpreter,
    meta: &Rc<MetaInner>,
    name: &str,
    columns: Vec<Value>,
) -> PyResult<Value> {
    let mut t = os::Table::new(name);
    let mut specs: Vec<(ColSpec, usize)> = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        if let Some(c) = cast::<ColumnObj>(c) {
            specs.push((c.spec.borrow().clone(), i));
        }
    }
    // Constraints are numbered by Column() creation order.
    {
        let mut order = meta.order.borrow_mut();
        for (s, _) in &specs {
            let col = orm_column(s, interp)?;
            t.add_column(col, &mut order).map_err(orm_err)?;
        }
    }
    meta.md.borrow_mut().add_table(t).map_err(orm_err)?;
    let tname: Rc<str> = Rc::from(name);
    for c in &columns {
        if let Some(c) = cast::<ColumnObj>(c) {
            *c.table.borrow_mut() = Some(tname.clone());
        }
    }
    let tv = native(TableObj {
        name: tname,
        meta: meta.clone(),
        columns,
    });
    meta.tables.borrow_mut().push(tv.clone());
    resolve_fk_types(meta);
    Ok(tv)
}

/// `Table(name, metadata, *columns, **kw)`.
pub fn table(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut it = args.into_iter();
    let name = match it.next() {
        Some(Value::Str(s)) => s,
        _ => return Err(crate::util::type_error("Table() requires a name")),
    };
    let meta = match it.next() {
        Some(v) => match cast::<MetaDataObj>(&v) {
            Some(m) => m.0.clone(),
            None => {
                return Err(crate::util::type_error(
                    "Table() requires a MetaData as second argument",
                ))
            }
        },
        None => {
            return Err(crate::util::type_error(
                "Table() requires a MetaData as second argument",
            ))
        }
    };
    if let Some((k, _)) = kw.first() {
        return Err(crate::util::not_supported(
            interp,
            &format!("Table({k}=...)"),
        ));
    }
    let all: Vec<Value> = it.collect();
    let (cols, extra): (Vec<Value>, Vec<Value>) = all
        .into_iter()
        .partition(|c| cast::<ColumnObj>(c).is_some());
    for c in &cols {
        if cast::<ColumnObj>(c).is_none() {
            return Err(crate::util::not_supported(
                interp,
                &format!("Table() argument of type {}", c.type_name()),
            ));
        }
    }
    let t = add_table(interp, &meta, &name, cols)?;
    apply_table_items(interp, &meta, &name, &extra)?;
    Ok(t)
}

/// `Sequence(name, start=...)`: accepted, ignored by SQLite.
pub struct SequenceObj(pub os::Sequence);

impl NativeObject for SequenceObj {
    fn class(&self) -> Rc<Class> {
        native_class("Sequence", "sqlalchemy.sql.schema", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(self.0.repr(true)))
    }
}

pub fn sequence(_interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(str_of)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let mut seq = os::Sequence::new(&name);
    let int = |v: Option<Value>| match v {
        Some(Value::Int(i)) => Some(i),
        _ => None,
    };
    seq.start = int(args.get(1).cloned().or_else(|| kw_get(&kw, "start")));
    seq.increment = int(args.get(2).cloned().or_else(|| kw_get(&kw, "increment")));
    Ok(native(SequenceObj(seq)))
}

thread_local! {
    static ALL_META: RefCell<Vec<std::rc::Weak<MetaInner>>> = const { RefCell::new(Vec::new()) };
}

/// Forgets the MetaData of a previous run.
pub fn reset() {
    ALL_META.with(|m| m.borrow_mut().clear());
}

/// The Table object named `name` in any live MetaData.
pub fn table_by_name(name: &str) -> Option<Value> {
    ALL_META.with(|m| {
        for w in m.borrow().iter() {
            if let Some(meta) = w.upgrade() {
                let idx = meta.md.borrow().table_index(name);
                if let Some(i) = idx {
                    return meta.tables.borrow().get(i).cloned();
                }
            }
        }
        None
    })
}

/// `UniqueConstraint` / `CheckConstraint` / `PrimaryKeyConstraint` /
/// `ForeignKeyConstraint`, given to `Table()` or in `__table_args__`.
pub struct ConstraintObj(pub os::Constraint);

impl NativeObject for ConstraintObj {
    fn class(&self) -> Rc<Class> {
        let name = match &self.0.kind {
            os::ConstraintKind::PrimaryKey(_) => "PrimaryKeyConstraint",
            os::ConstraintKind::ForeignKey { .. } => "ForeignKeyConstraint",
            os::ConstraintKind::Unique(_) => "UniqueConstraint",
            os::ConstraintKind::Check(_) => "CheckConstraint",
        };
        native_class(name, "sqlalchemy.sql.schema", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `Index(name, *columns, unique=False)`.
pub struct IndexObj(pub os::Index);

impl NativeObject for IndexObj {
    fn class(&self) -> Rc<Class> {
        native_class("Index", "sqlalchemy.sql.schema", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn col_names(interp: &mut Interpreter, args: &[Value]) -> PyResult<Vec<String>> {
    let mut out = Vec::new();
    for a in args {
        match a {
            Value::Str(s) => out.push(s.to_string()),
            other => match crate::sql::elements::as_expr(other) {
                Some(relplay_orm::sql::Expr::Column(c)) => out.push(c.name),
                _ => match cast::<ColumnObj>(other).and_then(|c| c.name()) {
                    Some(n) => out.push(n),
                    None => {
                        return Err(crate::util::not_supported(
                            interp,
                            &format!("a {} as a constraint column", other.type_name()),
                        ))
                    }
                },
            },
        }
    }
    Ok(out)
}

fn constraint(kind: os::ConstraintKind, kw: &Kwargs) -> Value {
    // explicit constraints come before column-derived ones (order 0,
    // stable among themselves), as they are built before the Table
    native(ConstraintObj(os::Constraint {
        name: kw_get(kw, "name")
            .and_then(|v| str_of(&v))
            .map(|s| s.to_string()),
        kind,
        order: 0,
    }))
}

pub fn unique_constraint(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kwargs,
) -> PyResult<Value> {
    let cols = col_names(interp, &args)?;
    Ok(constraint(os::ConstraintKind::Unique(cols), &kw))
}

pub fn primary_key_constraint(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kwargs,
) -> PyResult<Value> {
    let cols = col_names(interp, &args)?;
    Ok(constraint(os::ConstraintKind::PrimaryKey(cols), &kw))
}

pub fn check_constraint(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let sql = match args.first() {
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => match cast::<crate::sql::elements::TextObj>(other) {
            Some(t) => t.sql.clone(),
            None => {
                return Err(crate::util::not_supported(
                    interp,
                    "CheckConstraint() with an expression",
                ))
            }
        },
        None => {
            return Err(crate::util::type_error(
                "CheckConstraint() missing required argument 'sqltext'",
            ))
        }
    };
    Ok(constraint(os::ConstraintKind::Check(sql), &kw))
}

pub fn foreign_key_constraint(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kwargs,
) -> PyResult<Value> {
    let cols = match args.first() {
        Some(v) => {
            let items = interp.collect_iter(v)?;
            col_names(interp, &items)?
        }
        None => Vec::new(),
    };
    let targets: Vec<os::ForeignKeyRef> = match args.get(1) {
        Some(v) => {
            let items = interp.collect_iter(v)?;
            let mut out = Vec::new();
            for it in items {
                let t = match &it {
                    Value::Str(s) => s.to_string(),
                    other => match crate::orm::attributes::column_of_attr(other) {
                        Some((t, c)) => format!("{t}.{c}"),
                        None => match cast::<ColumnObj>(other) {
                            Some(c) => c.str(interp, other)?.unwrap_or_default(),
                            None => {
                                return Err(crate::util::not_supported(
                                    interp,
                                    "this ForeignKeyConstraint target",
                                ))
                            }
                        },
                    },
                };
                let mut r = os::ForeignKeyRef::new(&t);
                r.ondelete = kw_get(&kw, "ondelete")
                    .and_then(|v| str_of(&v))
                    .map(|s| s.to_string());
                r.onupdate = kw_get(&kw, "onupdate")
                    .and_then(|v| str_of(&v))
                    .map(|s| s.to_string());
                out.push(r);
            }
            out
        }
        None => Vec::new(),
    };
    Ok(constraint(
        os::ConstraintKind::ForeignKey {
            columns: cols,
            targets,
            use_alter: false,
        },
        &kw,
    ))
}

pub fn index(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(str_of)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let cols = col_names(interp, &args[1.min(args.len())..])?;
    let unique = truthy(interp, &kw_get(&kw, "unique"))?;
    Ok(native(IndexObj(os::Index {
        name,
        columns: cols,
        unique,
    })))
}

/// Adds the constraints / indexes of `Table(...)` args or `__table_args__`.
pub fn apply_table_items(
    interp: &mut Interpreter,
    meta: &MetaInner,
    table: &str,
    items: &[Value],
) -> PyResult<()> {
    let mut md = meta.md.borrow_mut();
    let Some(idx) = md.table_index(table) else {
        return Ok(());
    };
    let t = &mut md.tables[idx];
    for it in items {
        if let Some(c) = cast::<ConstraintObj>(it) {
            if let os::ConstraintKind::PrimaryKey(cols) = &c.0.kind {
                for col in t.columns.iter_mut() {
                    if cols.contains(&col.name) {
                        col.nullable = false;
                    }
                }
            }
            t.add_constraint(c.0.clone());
        } else if let Some(ix) = cast::<IndexObj>(it) {
            t.indexes.push(ix.0.clone());
        } else {
            return Err(crate::util::not_supported(
                interp,
                &format!("a {} in a table definition", it.type_name()),
            ));
        }
    }
    Ok(())
}

/// Columns of date/time/decimal types return the interpreter's objects.
pub fn value_types(interp: &mut Interpreter, ty: &SqlType) {
    if matches!(
        ty,
        SqlType::Date | SqlType::DateTime | SqlType::Time | SqlType::Numeric(..)
    ) {
        crate::util::ensure_value_classes(interp);
    }
}
