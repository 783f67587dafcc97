//! ORM execution of `select()` and the legacy `Query`.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use relplay_orm::sql::{compile, LabelStyle, Statement};
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use super::session::SessionInner;
use crate::sql::selectable::{apply, build_select, SelectObj};
use crate::util::{cast, native, native_class, orm_err, this};

/// Runs a select in the session; rows are tuples (instances for entities).
/// The flag tells whether a joined eager load of a collection made rows
/// repeat (2.0 results then require `.unique()`).
fn run_flagged(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    sel: &SelectObj,
    ns: &str,
) -> PyResult<(Vec<Value>, bool)> {
    super::unitofwork::autoflush(interp, s)?;
    let mut stmt = sel.sel.clone();
    let eager = match &sel.entity {
        Some(m) => super::strategies::add_contains_eager(m, &mut stmt, &sel.options),
        None => Vec::new(),
    };
    let start: usize = eager.iter().map(|e| e.target.cols.len()).sum();
    let joined = match &sel.entity {
        Some(m) => super::strategies::add_joined(m, &mut stmt, &sel.options),
        None => Vec::new(),
    };
    if !joined.is_empty() && (stmt.limit.is_some() || stmt.offset.is_some()) {
        return Err(crate::util::not_supported(
            interp,
            "joined eager loading together with limit()/offset()",
        ));
    }
    // loader options are part of SQLAlchemy's cache key
    let mut ns = ns.to_string();
    for o in &sel.options {
        for (r, st) in &o.0 {
            ns.push_str(&format!("+{}:{:?}", r.key, st));
        }
        ns.push('/');
    }
    let c = compile(Statement::Select(&stmt))
        .map_err(orm_err)?
        .in_namespace(&ns);
    let rows = s.select_rows(interp, &c)?;
    match &sel.entity {
        Some(m) => {
            // instances remember the query's options (SQLAlchemy's
            // state.load_options) when there are any
            let opts_key = (!sel.options.is_empty()).then(|| ns.clone());
            let objs = super::strategies::with_load_ctx(opts_key, None, || {
                let objs = super::loading::populating_existing(sel.populate_existing, || {
                    super::loading::instances(interp, s, m, &rows, start)
                })?;
                super::strategies::populate_joined(interp, s, &objs, &rows, &eager)?;
                super::strategies::populate_joined(interp, s, &objs, &rows, &joined)?;
                super::strategies::post_load_from(
                    interp,
                    s,
                    m,
                    &objs,
                    &sel.options,
                    Some(&sel.sel),
                )?;
                Ok::<_, relplay_py::PyErr>(objs)
            })?;
            let collection = joined
                .iter()
                .chain(eager.iter())
                .any(|j| j.rel.resolved().map(|r| r.uselist).unwrap_or(false));
            Ok((
                objs.into_iter().map(|o| Value::tuple(vec![o])).collect(),
                collection,
            ))
        }
        None if !sel.parts.is_empty() => Ok((mixed_rows(interp, s, sel, &rows)?, false)),
        None => Ok((crate::sql::execute::column_rows(&sel.sel, rows)?, false)),
    }
}

fn run(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    sel: &SelectObj,
    ns: &str,
) -> PyResult<Vec<Value>> {
    let (rows, collection) = run_flagged(interp, s, sel, ns)?;
    if !collection {
        return Ok(rows);
    }
    // the legacy Query uniques entity rows itself
    let mut out: Vec<Value> = Vec::new();
    for r in rows {
        let first = match &r {
            Value::Tuple(t) => t.first().cloned().unwrap_or(Value::None),
            o => o.clone(),
        };
        if !out.iter().any(|x| match x {
            Value::Tuple(t) => t.first().map(|f| f.is(&first)).unwrap_or(false),
            _ => false,
        }) {
            out.push(r);
        }
    }
    Ok(out)
}

pub fn session_execute(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    stmt: &Value,
    params: Option<Value>,
    sync: Option<Value>,
) -> PyResult<Value> {
    if let Some(sel) = cast::<SelectObj>(stmt) {
        let ns = if sel.entity.is_some() { "orm" } else { "core" };
        let (rows, needs_unique) = run_flagged(interp, s, sel, ns)?;
        let r = crate::engine::result::new_result(rows, false);
        if needs_unique {
            if let Some(ro) = cast::<crate::engine::result::ResultObj>(&r) {
                ro.needs_unique.set(true);
            }
        }
        return Ok(r);
    }
    // Core statements (DML, text) in the session's transaction
    super::unitofwork::autoflush(interp, s)?;
    if let Some(d) = cast::<crate::sql::dml::DmlObj>(stmt) {
        if let (Some(m), false) = (&d.entity, d.kind == crate::sql::dml::DmlKind::Insert) {
            return super::bulk::execute(interp, s, d, m, params, sync);
        }
    }
    let s2 = s.clone();
    crate::sql::execute::execute_with(interp, stmt, params, &mut |i, c, k| s2.exec(i, c, k))
}

pub struct QueryObj {
    pub session: Rc<SessionInner>,
    pub sel: RefCell<SelectObj>,
}

pub fn new_query(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    args: Vec<Value>,
) -> PyResult<Value> {
    let mut sel = build_select(interp, &args)?;
    sel.sel.label_style = LabelStyle::TablenamePlusCol;
    Ok(native(QueryObj {
        session: s.clone(),
        sel: RefCell::new(sel),
    }))
}

fn rows(interp: &mut Interpreter, q: &QueryObj, sel: &SelectObj) -> PyResult<Vec<Value>> {
    let rows = run(interp, &q.session, sel, "query")?;
    Ok(if sel.entity.is_some() {
        rows.into_iter()
            .map(|r| match r {
                Value::Tuple(t) => t.first().cloned().unwrap_or(Value::None),
                o => o,
            })
            .collect()
    } else {
        rows
    })
}

macro_rules! generative {
    ($($f:ident => $name:literal),*) => {
        $(fn $f(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
            let q = this::<QueryObj>(&args, "Query")?;
            let mut sel = q.sel.borrow().clone();
            apply(interp, &mut sel, $name, &args[1..], &kw)?;
            Ok(native(QueryObj { session: q.session.clone(), sel: RefCell::new(sel) }))
        })*
    };
}
generative!(q_options => "options", q_group_by => "group_by", q_having => "having", q_join => "join", q_outerjoin => "outerjoin", q_filter => "filter", q_where => "where", q_filter_by => "filter_by", q_order_by => "order_by", q_limit => "limit", q_offset => "offset", q_distinct => "distinct");

fn q_all(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    let sel = q.sel.borrow().clone();
    Ok(Value::list(rows(interp, q, &sel)?))
}

fn q_first(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    let mut sel = q.sel.borrow().clone();
    sel.sel.limit = Some(1);
    Ok(rows(interp, q, &sel)?
        .into_iter()
        .next()
        .unwrap_or(Value::None))
}

fn q_one(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    let sel = q.sel.borrow().clone();
    crate::engine::result::exactly_one(rows(interp, q, &sel)?, false)
}

fn q_one_or_none(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    let sel = q.sel.borrow().clone();
    crate::engine::result::exactly_one(rows(interp, q, &sel)?, true)
}

/// `Query.scalar()`: the first column of the only row, None for no rows.
fn q_scalar(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    let sel = q.sel.borrow().clone();
    let row = crate::engine::result::exactly_one(rows(interp, q, &sel)?, true)?;
    if sel.entity.is_some() || row.is_none() {
        return Ok(row);
    }
    interp.getitem(&row, Value::Int(0))
}

/// `Query.exists()`: `EXISTS (SELECT 1 FROM ... WHERE ...)`.
fn q_exists(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    let sel = q.sel.borrow();
    let mut inner = sel.sel.clone();
    // the FROMs the entity's columns implied stay explicit
    if inner.from.is_empty() {
        if let Some(m) = &sel.entity {
            inner.from = vec![relplay_orm::sql::FromItem::table(&m.table)];
        }
    }
    inner.columns = vec![relplay_orm::sql::Expr::Raw("1".into())];
    inner.label_style = LabelStyle::Disambiguate;
    Ok(native(crate::sql::elements::ExprObj(
        relplay_orm::sql::Expr::Exists(Box::new(inner)),
    )))
}

fn q_count(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    let inner = q.sel.borrow().sel.clone();
    let sel = relplay_orm::sql::Select::new(vec![relplay_orm::sql::Expr::count(None)])
        .select_from(relplay_orm::sql::FromItem::Alias(inner.subquery(1)));
    let count = SelectObj {
        sel,
        entity: None,
        joined: None,
        options: Vec::new(),
        parts: Vec::new(),
        populate_existing: false,
    };
    let rows = run(interp, &q.session, &count, "query")?;
    Ok(match rows.into_iter().next() {
        Some(r) => match cast::<crate::sql::row::RowObj>(&r) {
            Some(row) => row.values.first().cloned().unwrap_or(Value::Int(0)),
            None => Value::Int(0),
        },
        None => Value::Int(0),
    })
}

/// `Query.delete()` / `Query.update(values)`: bulk DML with the query's
/// criteria (the identity map is not synchronized).
fn q_bulk(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs, update: bool) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    let sel = q.sel.borrow().clone();
    let Some(m) = sel.entity.clone() else {
        return Err(crate::util::not_supported(
            interp,
            "bulk delete()/update() without an entity",
        ));
    };
    if let Some((k, _)) = kw.iter().find(|(k, _)| &**k != "synchronize_session") {
        return Err(crate::util::not_supported(
            interp,
            &format!("Query bulk operation with {k}="),
        ));
    }
    let target = Value::Class(m.class.clone());
    let stmt = if update {
        crate::sql::dml::update(interp, vec![target], Vec::new())?
    } else {
        crate::sql::dml::delete(interp, vec![target], Vec::new())?
    };
    let mut values = Vec::new();
    if update {
        let Some(Value::Dict(d)) = args.get(1) else {
            return Err(crate::util::type_error(
                "Query.update() takes a dictionary of values",
            ));
        };
        for (k, v) in d.borrow().items() {
            let name = match crate::util::str_of(&k) {
                Some(s) => m
                    .cols
                    .iter()
                    .find(|c| c.key == *s)
                    .map(|c| c.column.clone())
                    .unwrap_or(s.to_string()),
                None => crate::sql::dml::key_name(interp, &k)?,
            };
            values.push((name, v));
        }
    }
    let stmt = match crate::util::cast::<crate::sql::dml::DmlObj>(&stmt) {
        Some(d) => {
            let mut d = d.clone();
            d.where_ = sel.sel.where_.clone();
            d.values = values;
            native(d)
        }
        None => stmt,
    };
    let sync = crate::util::kw_get(&kw, "synchronize_session");
    let r = session_execute(interp, &q.session, &stmt, None, sync)?;
    Ok(
        match crate::util::cast::<crate::engine::result::ResultObj>(&r) {
            Some(ro) => Value::Int(ro.rowcount.get()),
            None => Value::Int(0),
        },
    )
}

fn q_get(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let q = this::<QueryObj>(&args, "Query")?;
    crate::exc::warn(
        interp,
        "LegacyAPIWarning",
        "The Query.get() method is considered legacy as of the 1.x series of SQLAlchemy and becomes a legacy construct in 2.0. The method is now available as Session.get() (deprecated since: 2.0) (Background on SQLAlchemy 2.0 at: https://sqlalche.me/e/b8d9)",
    )?;
    let Some(m) = q.sel.borrow().entity.clone() else {
        return Err(crate::util::not_supported(
            interp,
            "Query.get() without an entity",
        ));
    };
    let ident = args.get(1).cloned().unwrap_or(Value::None);
    super::loading::get(interp, &q.session, &Value::Class(m.class.clone()), &ident)
}

impl NativeObject for QueryObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "Query",
            "sqlalchemy.orm.query",
            &[
                ("filter", q_filter),
                ("where", q_where),
                ("join", q_join),
                ("group_by", q_group_by),
                ("options", q_options),
                ("having", q_having),
                ("outerjoin", q_outerjoin),
                ("count", q_count),
                ("filter_by", q_filter_by),
                ("order_by", q_order_by),
                ("limit", q_limit),
                ("offset", q_offset),
                ("distinct", q_distinct),
                ("all", q_all),
                ("first", q_first),
                ("one", q_one),
                ("one_or_none", q_one_or_none),
                ("scalar", q_scalar),
                ("exists", q_exists),
                ("get", q_get),
                ("delete", |i, a, k| q_bulk(i, a, k, false)),
                ("update", |i, a, k| q_bulk(i, a, k, true)),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    /// `str(query)`: the SELECT as the default dialect renders it.
    fn str(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let sel = self.sel.borrow().sel.clone();
        // a Query renders with its session's bind: the SQLite dialect
        compile(Statement::Select(&sel))
            .map(|c| Some(c.sql))
            .map_err(orm_err)
    }
    /// `query[i]` is LIMIT 1 OFFSET i; `query[a:b]` LIMIT b-a OFFSET a.
    fn getitem(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        key: Value,
    ) -> PyResult<Option<Value>> {
        let mut sel = self.sel.borrow().clone();
        match &key {
            Value::Int(i) if *i >= 0 => {
                sel.sel.limit = Some(1);
                sel.sel.offset = Some(*i);
                let r = rows(interp, self, &sel)?;
                match r.into_iter().next() {
                    Some(v) => Ok(Some(v)),
                    None => Err(relplay_py::PyErr::new(
                        "IndexError",
                        "list index out of range",
                    )),
                }
            }
            Value::Slice(s) => {
                let start = match &s[0] {
                    Value::Int(i) if *i >= 0 => *i,
                    Value::None => 0,
                    _ => {
                        return Err(crate::util::not_supported(
                            interp,
                            "negative or stepped Query slices",
                        ))
                    }
                };
                match (&s[1], &s[2]) {
                    (Value::Int(stop), Value::None) if *stop >= start => {
                        sel.sel.limit = Some(stop - start)
                    }
                    (Value::None, Value::None) => {}
                    _ => {
                        return Err(crate::util::not_supported(
                            interp,
                            "negative or stepped Query slices",
                        ))
                    }
                }
                if start > 0 {
                    sel.sel.offset = Some(start);
                }
                Ok(Some(Value::list(rows(interp, self, &sel)?)))
            }
            _ => Err(crate::util::not_supported(interp, "this Query index")),
        }
    }
    fn iter(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        let sel = self.sel.borrow().clone();
        let r = rows(interp, self, &sel)?;
        interp.iter(&Value::list(r)).map(Some)
    }
}

/// Rows of `select(User, Address.email, ...)`: entities through the
/// identity map, other columns as values.
fn mixed_rows(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    sel: &SelectObj,
    rows: &[Vec<relplay_store::Value>],
) -> PyResult<Vec<Value>> {
    use crate::sql::selectable::Part;
    let mut keys = Vec::new();
    let mut col = 0;
    for p in &sel.parts {
        match p {
            Part::Entity(m) => {
                keys.push(m.name().to_string());
                col += m.cols.len();
            }
            Part::Column => {
                keys.push(crate::sql::row::keys_of(&sel.sel.columns[col..col + 1])[0].clone());
                col += 1;
            }
        }
    }
    let keys = Rc::new(keys);
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut vals = Vec::new();
        let mut off = 0;
        for p in &sel.parts {
            match p {
                Part::Entity(m) => {
                    let o =
                        super::loading::instances(interp, s, m, std::slice::from_ref(row), off)?;
                    vals.push(o.into_iter().next().unwrap_or(Value::None));
                    off += m.cols.len();
                }
                Part::Column => {
                    let ty = sel
                        .sel
                        .columns
                        .get(off)
                        .map(|c| c.sql_type())
                        .unwrap_or(relplay_orm::types::SqlType::Null);
                    let v = row.get(off).cloned().unwrap_or(relplay_store::Value::Null);
                    vals.push(crate::util::from_py(
                        &relplay_orm::types::result_process(&ty, &v).map_err(orm_err)?,
                    ));
                    off += 1;
                }
            }
        }
        out.push(crate::sql::row::row(vals, &keys));
    }
    Ok(out)
}
