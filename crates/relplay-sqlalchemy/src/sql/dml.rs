//! Core `insert()` / `update()` / `delete()` (mirrors `sql/dml.py`).

use std::any::Any;
use std::rc::Rc;

use relplay_orm::sql::Expr;
use relplay_orm::types::SqlType;
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use crate::util::{cast, native, native_class, this};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DmlKind {
    Insert,
    Update,
    Delete,
}

/// A DML statement against one table.
#[derive(Clone)]
pub struct DmlObj {
    pub kind: DmlKind,
    pub table: Rc<str>,
    /// Table columns: (name, type, python default).
    pub columns: Vec<(String, SqlType, Option<relplay_orm::PyValue>)>,
    pub values: Vec<(String, Value)>,
    pub where_: Vec<Expr>,
    /// `update(Entity)` / `delete(Entity)`: ORM-enabled (synchronize_session).
    pub entity: Option<Rc<crate::orm::mapper::Mapper>>,
    /// `.returning(cols)`: columns of the target table.
    pub returning: Vec<Expr>,
}

/// The table a DML target stands for (a Table or a mapped class).
/// Table columns: (name, type, python default).
type ColumnDefs = Vec<(String, SqlType, Option<relplay_orm::PyValue>)>;

fn target(interp: &mut Interpreter, v: &Value) -> PyResult<(Rc<str>, ColumnDefs)> {
    let tv = match crate::orm::mapper::of_value(v) {
        Some(m) => m.table_obj.clone(),
        None => v.clone(),
    };
    let Some(t) = cast::<crate::schema::TableObj>(&tv) else {
        return Err(crate::util::not_supported(
            interp,
            &format!("DML against a {}", v.type_name()),
        ));
    };
    let md = t.meta.md.borrow();
    let cols = md
        .table(&t.name)
        .map(|tb| {
            tb.columns
                .iter()
                .map(|c| (c.name.clone(), c.ty.clone(), c.default.clone()))
                .collect()
        })
        .unwrap_or_default();
    Ok((t.name.clone(), cols))
}

fn make(interp: &mut Interpreter, args: Vec<Value>, kind: DmlKind) -> PyResult<Value> {
    let t = args.first().cloned().unwrap_or(Value::None);
    let (table, columns) = target(interp, &t)?;
    let entity = crate::orm::mapper::of_value(&t);
    Ok(native(DmlObj {
        kind,
        table,
        columns,
        values: Vec::new(),
        where_: Vec::new(),
        entity,
        returning: Vec::new(),
    }))
}

pub fn insert(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    make(interp, args, DmlKind::Insert)
}
pub fn update(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    make(interp, args, DmlKind::Update)
}
pub fn delete(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    make(interp, args, DmlKind::Delete)
}

/// Keys of a `.values()` / parameter mapping: column names or column objects.
pub fn key_name(interp: &mut Interpreter, k: &Value) -> PyResult<String> {
    if let Value::Str(s) = k {
        return Ok(s.to_string());
    }
    match crate::sql::elements::as_expr(k) {
        Some(Expr::Column(c)) => Ok(c.name),
        _ => Err(crate::util::not_supported(
            interp,
            &format!("a {} as a values() key", k.type_name()),
        )),
    }
}

fn d_values(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut d = this::<DmlObj>(&args, "DML")?.clone();
    if let Some(Value::Dict(m)) = args.get(1) {
        for (k, v) in m.borrow().items() {
            let name = key_name(interp, &k)?;
            d.values.push((name, v));
        }
    } else if args.len() > 1 {
        return Err(crate::util::not_supported(
            interp,
            "values() with positional rows",
        ));
    }
    for (k, v) in kw {
        d.values.push((k.to_string(), v));
    }
    Ok(native(d))
}

fn d_where(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut d = this::<DmlObj>(&args, "DML")?.clone();
    for a in &args[1..] {
        match crate::sql::elements::as_expr(a) {
            Some(e) => d.where_.push(e),
            None => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("where() with a {}", a.type_name()),
                ))
            }
        }
    }
    Ok(native(d))
}

fn d_returning(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut d = this::<DmlObj>(&args, "DML")?.clone();
    if d.kind == DmlKind::Delete {
        return Err(crate::util::not_supported(
            interp,
            "returning() on a DELETE",
        ));
    }
    for a in &args[1..] {
        match crate::sql::elements::as_expr(a) {
            Some(e @ Expr::Column(_)) => d.returning.push(e),
            _ => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("returning() of a {}", a.type_name()),
                ))
            }
        }
    }
    Ok(native(d))
}

impl DmlObj {
    /// The RETURNING column names.
    pub fn returning_names(&self) -> Vec<String> {
        self.returning
            .iter()
            .filter_map(|e| match e {
                Expr::Column(c) => Some(c.name.clone()),
                _ => None,
            })
            .collect()
    }
}

impl NativeObject for DmlObj {
    fn class(&self) -> Rc<Class> {
        let methods: &[(&str, crate::util::MethodFn)] = &[
            ("values", d_values),
            ("where", d_where),
            ("filter", d_where),
            ("returning", d_returning),
        ];
        match self.kind {
            DmlKind::Insert => native_class("Insert", "sqlalchemy.sql.dml", methods),
            DmlKind::Update => native_class("Update", "sqlalchemy.sql.dml", methods),
            DmlKind::Delete => native_class("Delete", "sqlalchemy.sql.dml", methods),
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn str(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let st = self.statement(&[])?;
        let s = match &st {
            Built::Insert(i) => {
                relplay_orm::sql::compile_str(relplay_orm::sql::Statement::Insert(i))
            }
            Built::Update(u) => {
                relplay_orm::sql::compile_str(relplay_orm::sql::Statement::Update(u))
            }
            Built::Delete(d) => {
                relplay_orm::sql::compile_str(relplay_orm::sql::Statement::Delete(d))
            }
        };
        s.map(Some).map_err(crate::util::orm_err)
    }
}

pub enum Built {
    Insert(relplay_orm::sql::Insert),
    Update(relplay_orm::sql::Update),
    Delete(relplay_orm::sql::Delete),
}

impl DmlObj {
    /// The statement for the given parameter sets (name → value per row).
    pub fn statement(&self, rows: &[Vec<(String, relplay_orm::PyValue)>]) -> PyResult<Built> {
        // SQL expression values (`salary=Emp.salary + 10`) render inline
        let mut own: Vec<(String, relplay_orm::PyValue)> = Vec::new();
        let mut exprs: Vec<(String, Expr)> = Vec::new();
        for (k, v) in &self.values {
            match crate::sql::elements::as_expr(v) {
                Some(e) if self.kind == DmlKind::Update => exprs.push((k.clone(), e)),
                Some(_) => {
                    return Err(crate::util::type_error(
                        "SQL expression values are supported in update() only in the playground",
                    ))
                }
                None => own.push((k.clone(), crate::util::to_py(v)?)),
            }
        }
        let sets: Vec<Vec<(String, relplay_orm::PyValue)>> = if rows.is_empty() {
            vec![own.clone()]
        } else {
            rows.iter()
                .map(|r| own.iter().cloned().chain(r.iter().cloned()).collect())
                .collect()
        };
        let first = sets.first().cloned().unwrap_or_default();
        // parameters keys decide the columns, in table order
        let used: Vec<&(String, SqlType, Option<relplay_orm::PyValue>)> = self
            .columns
            .iter()
            .filter(|(n, _, d)| {
                first.iter().any(|(k, _)| k == n)
                    || exprs.iter().any(|(k, _)| k == n)
                    || (self.kind == DmlKind::Insert && d.is_some())
            })
            .collect();
        let set_exprs: Vec<Option<Expr>> = used
            .iter()
            .map(|(n, _, _)| {
                exprs
                    .iter()
                    .rev()
                    .find(|(k, _)| k == n)
                    .map(|(_, e)| e.clone())
            })
            .collect();
        let plain: Vec<bool> = set_exprs.iter().map(|e| e.is_none()).collect();
        let row_of = |set: &Vec<(String, relplay_orm::PyValue)>| -> Vec<relplay_orm::PyValue> {
            used.iter()
                .map(|(n, _, d)| {
                    set.iter()
                        .rev()
                        .find(|(k, _)| k == n)
                        .map(|(_, v)| v.clone())
                        .or_else(|| d.clone())
                        .unwrap_or(relplay_orm::PyValue::None)
                })
                .collect()
        };
        let cols: Vec<(String, SqlType)> = used
            .iter()
            .map(|(n, t, _)| (n.clone(), t.clone()))
            .collect();
        Ok(match self.kind {
            DmlKind::Insert => Built::Insert(relplay_orm::sql::Insert {
                table: self.table.to_string(),
                columns: cols,
                rows: sets.iter().map(row_of).collect(),
                returning: self.returning_names(),
                defaulted: used
                    .iter()
                    .filter(|(n, _, d)| d.is_some() && !first.iter().any(|(k, _)| k == n))
                    .map(|(n, _, _)| n.clone())
                    .collect(),
            }),
            DmlKind::Update => Built::Update(relplay_orm::sql::Update {
                table: self.table.to_string(),
                set: cols,
                set_exprs,
                where_: self.where_.clone(),
                // rows carry the bound SET values only
                rows: sets
                    .iter()
                    .map(|set| {
                        row_of(set)
                            .into_iter()
                            .zip(&plain)
                            .filter(|(_, p)| **p)
                            .map(|(v, _)| v)
                            .collect()
                    })
                    .collect(),
                returning: self.returning_names(),
            }),
            DmlKind::Delete => Built::Delete(relplay_orm::sql::Delete {
                table: self.table.to_string(),
                where_: self.where_.clone(),
                rows: Vec::new(),
            }),
        })
    }
}
