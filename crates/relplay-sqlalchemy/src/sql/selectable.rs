//! `select()` and its generative methods; shared with the legacy Query.

use std::any::Any;
use std::rc::Rc;

use relplay_orm::relationships::ColId;
use relplay_orm::sql::{Expr, FromItem, Select};
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use crate::orm::attributes::{AttrKind, AttrObj};
use crate::orm::mapper::{self, Mapper};
use crate::util::{cast, native, native_class, this, to_py};

#[derive(Clone)]
pub struct SelectObj {
    pub sel: Select,
    /// `select(User)`: rows are instances.
    pub entity: Option<Rc<Mapper>>,
    /// The last joined entity: `filter_by()` applies to it.
    pub joined: Option<Rc<Mapper>>,
    /// Loader options (`.options(selectinload(...))`).
    pub options: Vec<crate::orm::strategies::LoaderOpt>,
    /// `select(User, Address.email)`: what each result column group is
    /// (empty unless entities are mixed with other items).
    pub parts: Vec<Part>,
    /// `.execution_options(populate_existing=True)`.
    pub populate_existing: bool,
}

#[derive(Clone)]
pub enum Part {
    Entity(Rc<Mapper>),
    Column,
}

pub fn build_select(interp: &mut Interpreter, args: &[Value]) -> PyResult<SelectObj> {
    mapper::configure_all(interp)?;
    let mut cols = Vec::new();
    let mut parts = Vec::new();
    for a in args {
        if let Some(m) = mapper::of_value(a) {
            cols.extend(crate::orm::loading::select_of(&m).columns);
            parts.push(Part::Entity(m));
        } else if let Some(al) = cast::<crate::orm::aliased::AliasedObj>(a) {
            cols.extend(al.columns());
            parts.push(Part::Entity(al.mapper.clone()));
        } else if let Some(t) = cast::<crate::schema::TableObj>(a) {
            for c in &t.columns {
                if let Some(e) = crate::sql::elements::as_expr(c) {
                    cols.push(e);
                    parts.push(Part::Column);
                }
            }
        } else if let Some(e) = crate::sql::elements::as_expr(a) {
            cols.push(e);
            parts.push(Part::Column);
        } else {
            return Err(crate::util::not_supported(
                interp,
                &format!("select() of a {}", a.type_name()),
            ));
        }
    }
    // a lone entity: rows are its instances (loader options apply to it)
    let entity = match parts.as_slice() {
        [Part::Entity(m)] => Some(m.clone()),
        _ => None,
    };
    let parts = if parts.iter().any(|p| matches!(p, Part::Entity(_))) && entity.is_none() {
        parts
    } else {
        Vec::new()
    };
    Ok(SelectObj {
        sel: Select::new(cols),
        entity,
        joined: None,
        options: Vec::new(),
        parts,
        populate_existing: false,
    })
}

pub fn select(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(native(build_select(interp, &args)?))
}

/// Applies one generative method to a select; `None` if `name` isn't one.
pub fn apply(
    interp: &mut Interpreter,
    s: &mut SelectObj,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<bool> {
    match name {
        "where" | "filter" => {
            for a in args {
                match crate::sql::elements::as_expr(a) {
                    Some(e) => s.sel.where_.push(e),
                    None => {
                        return Err(crate::util::not_supported(
                            interp,
                            &format!("{name}() with a {}", a.type_name()),
                        ))
                    }
                }
            }
        }
        "filter_by" => {
            let Some(m) = s
                .joined
                .clone()
                .or_else(|| s.entity.clone())
                .or_else(|| first_mapper(&s.sel))
            else {
                return Err(crate::util::not_supported(
                    interp,
                    "filter_by() without an entity",
                ));
            };
            for (k, v) in kw {
                let Some(c) = m.cols.iter().find(|c| c.key == **k) else {
                    return Err(crate::exc::raise(
                        "InvalidRequestError",
                        &format!(
                            "Entity namespace for \"{}\" has no property \"{k}\"",
                            m.table
                        ),
                    ));
                };
                let col = Expr::col(&m.table, &c.column, c.ty.clone());
                s.sel.where_.push(col.eq_value(to_py(v)?));
            }
        }
        "order_by" => {
            for a in args {
                // a string names a selected column (by label)
                let named = match a {
                    Value::Str(n) => s.sel.columns.iter().find_map(|c| match c {
                        Expr::Column(col) if col.name == **n => Some(c.clone()),
                        // a label is referred to by its name
                        Expr::Label { name, .. } if name == &**n => Some(Expr::Raw(name.clone())),
                        _ => None,
                    }),
                    _ => None,
                };
                match named.or_else(|| crate::sql::elements::as_expr(a)) {
                    Some(e) => s.sel.order_by.push(e),
                    None => {
                        return Err(crate::util::not_supported(
                            interp,
                            &format!("order_by() with a {}", a.type_name()),
                        ))
                    }
                }
            }
        }
        "group_by" | "having" => {
            for a in args {
                match crate::sql::elements::as_expr(a) {
                    Some(e) => {
                        if name == "group_by" {
                            s.sel.group_by.push(e)
                        } else {
                            s.sel.having.push(e)
                        }
                    }
                    None => {
                        return Err(crate::util::not_supported(
                            interp,
                            &format!("{name}() with a {}", a.type_name()),
                        ))
                    }
                }
            }
        }
        "limit" => {
            s.sel.limit = match args.first() {
                Some(Value::Int(n)) => Some(*n),
                _ => None,
            }
        }
        "offset" => {
            s.sel.offset = match args.first() {
                Some(Value::Int(n)) => Some(*n),
                _ => None,
            }
        }
        "distinct" => s.sel.distinct = true,
        "select_from" => {
            for a in args {
                let item = if let Some(m) = crate::orm::mapper::of_value(a) {
                    FromItem::table(&m.table)
                } else if let Some(t) = cast::<crate::schema::TableObj>(a) {
                    FromItem::table(&t.name)
                } else if let Some(al) = cast::<crate::orm::aliased::AliasedObj>(a) {
                    FromItem::Alias(al.alias.clone())
                } else if let Some(sq) = cast::<SubqueryObj>(a) {
                    FromItem::Alias(sq.alias.clone())
                } else {
                    return Err(crate::util::not_supported(
                        interp,
                        &format!("select_from() with a {}", a.type_name()),
                    ));
                };
                s.sel.from.push(item);
            }
        }
        "execution_options" => {
            for (k, v) in kw {
                match &**k {
                    "populate_existing" => {
                        s.populate_existing = crate::util::truthy(interp, &Some(v.clone()))?
                    }
                    other => {
                        return Err(crate::util::not_supported(
                            interp,
                            &format!("execution_options({other}=...)"),
                        ))
                    }
                }
            }
        }
        "options" => {
            for a in args {
                match cast::<crate::orm::strategies::LoaderOpt>(a) {
                    Some(o) => s.options.push(o.clone()),
                    None => {
                        return Err(crate::util::not_supported(
                            interp,
                            &format!("options() with a {}", a.type_name()),
                        ))
                    }
                }
            }
        }
        "join" | "outerjoin" => {
            let outer = name == "outerjoin"
                || crate::util::truthy(interp, &crate::util::kw_get(kw, "isouter"))?;
            join(interp, s, args, outer)?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

macro_rules! generative {
    ($($f:ident => $name:literal),*) => {
        $(fn $f(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
            let mut s = this::<SelectObj>(&args, "Select")?.clone();
            apply(interp, &mut s, $name, &args[1..], &kw)?;
            Ok(native(s))
        })*
    };
}
generative!(s_options => "options", s_group_by => "group_by", s_having => "having", s_join => "join", s_outerjoin => "outerjoin", s_where => "where", s_filter => "filter", s_filter_by => "filter_by", s_order_by => "order_by", s_limit => "limit", s_offset => "offset", s_distinct => "distinct", s_execution_options => "execution_options", s_select_from => "select_from");

impl NativeObject for SelectObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "Select",
            "sqlalchemy.sql.selectable",
            &[
                ("where", s_where),
                ("join", s_join),
                ("group_by", s_group_by),
                ("options", s_options),
                ("subquery", s_subquery),
                ("scalar_subquery", s_scalar_subquery),
                ("exists", s_exists),
                ("having", s_having),
                ("outerjoin", s_outerjoin),
                ("filter", s_filter),
                ("filter_by", s_filter_by),
                ("order_by", s_order_by),
                ("limit", s_limit),
                ("offset", s_offset),
                ("distinct", s_distinct),
                ("execution_options", s_execution_options),
                ("select_from", s_select_from),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn str(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        relplay_orm::sql::compile_str(relplay_orm::sql::Statement::Select(&self.sel))
            .map(Some)
            .map_err(crate::util::orm_err)
    }
}

fn col_eq(md: &relplay_orm::schema::MetaData, pairs: &[(ColId, ColId)]) -> Expr {
    let ty = |c: &ColId| {
        md.table(&c.table)
            .and_then(|t| t.column(&c.column))
            .map(|c| c.ty.clone())
            .unwrap_or(relplay_orm::types::SqlType::Null)
    };
    let items: Vec<Expr> = pairs
        .iter()
        .map(|(a, b)| {
            Expr::col(&a.table, &a.column, ty(a)).binary(
                relplay_orm::sql::BinOp::Eq,
                Expr::col(&b.table, &b.column, ty(b)),
            )
        })
        .collect();
    relplay_orm::sql::and_(items)
}

/// The table the select's FROM starts with (for an inferred join condition).
fn left_table(s: &SelectObj) -> Option<String> {
    if let Some(m) = &s.entity {
        return Some(m.table.to_string());
    }
    s.sel.columns.iter().find_map(|c| match c {
        Expr::Column(c) => match &c.source {
            relplay_orm::sql::Source::Table(t) => Some(t.to_string()),
            _ => None,
        },
        _ => None,
    })
}

/// `.join(Target)`, `.join(Target, onclause)`, `.join(Parent.rel)`.
fn join(interp: &mut Interpreter, s: &mut SelectObj, args: &[Value], outer: bool) -> PyResult<()> {
    let target = args.first().cloned().unwrap_or(Value::None);
    if let Some(a) = cast::<AttrObj>(&target) {
        if let AttrKind::Rel(r) = &a.kind {
            let Some(res) = r.resolved() else {
                return Err(crate::util::not_supported(
                    interp,
                    "join() along an unconfigured relationship",
                ));
            };
            if res.analysis.secondary_sync_pairs.is_empty() {
                let on = col_eq(&a.mapper.meta.md.borrow(), &res.analysis.primaryjoin);
                // the relationship's parent is the left side of the join
                if s.sel.from.is_empty() && left_table(s).as_deref() != Some(&*a.mapper.table) {
                    s.sel.from.push(FromItem::table(&a.mapper.table));
                }
                s.sel =
                    std::mem::take(&mut s.sel).join(FromItem::table(&res.target.table), on, outer);
                s.joined = Some(res.target.clone());
                return Ok(());
            }
            // many-to-many: through an anonymous alias of the secondary table
            let Some(sec) = res.analysis.sync_pairs.first().map(|p| p.1.table.clone()) else {
                return Err(crate::util::not_supported(interp, "this many-to-many join"));
            };
            let alias = Rc::new(relplay_orm::sql::Alias {
                id: crate::orm::strategies::next_alias_id(),
                name: None,
                target: relplay_orm::sql::AliasTarget::Table(sec.clone()),
            });
            let md = a.mapper.meta.md.borrow();
            let col = |c: &ColId| -> Expr {
                let ty = md
                    .table(&c.table)
                    .and_then(|t| t.column(&c.column))
                    .map(|c| c.ty.clone())
                    .unwrap_or(relplay_orm::types::SqlType::Null);
                if c.table == sec {
                    Expr::Column(relplay_orm::sql::ColRef {
                        source: relplay_orm::sql::Source::Alias(alias.clone()),
                        name: c.column.clone(),
                        ty,
                    })
                } else {
                    Expr::col(&c.table, &c.column, ty)
                }
            };
            let eqs = |pairs: &[(ColId, ColId)]| {
                relplay_orm::sql::and_(
                    pairs
                        .iter()
                        .map(|(l, r)| col(l).binary(relplay_orm::sql::BinOp::Eq, col(r)))
                        .collect(),
                )
            };
            let on1 = eqs(&res.analysis.primaryjoin);
            let on2 = eqs(res.analysis.secondaryjoin.as_deref().unwrap_or(&[]));
            drop(md);
            if s.sel.from.is_empty() && left_table(s).as_deref() != Some(&*a.mapper.table) {
                s.sel.from.push(FromItem::table(&a.mapper.table));
            }
            s.sel = std::mem::take(&mut s.sel)
                .join(FromItem::Alias(alias), on1, outer)
                .join(FromItem::table(&res.target.table), on2, outer);
            s.joined = Some(res.target.clone());
            return Ok(());
        }
    }
    if let Some(sq) = cast::<SubqueryObj>(&target) {
        let Some(on) = args.get(1).and_then(crate::sql::elements::as_expr) else {
            return Err(crate::util::not_supported(
                interp,
                "join() to a subquery without an ON clause",
            ));
        };
        s.sel = std::mem::take(&mut s.sel).join(FromItem::Alias(sq.alias.clone()), on, outer);
        return Ok(());
    }
    if let Some(al) = cast::<crate::orm::aliased::AliasedObj>(&target) {
        // join(alias, Parent.rel) / join(alias, parent_alias.rel)
        let along = match args.get(1) {
            Some(v) => match (
                cast::<crate::orm::aliased::AliasedRelObj>(v),
                cast::<AttrObj>(v),
            ) {
                (Some(ar), _) => Some((ar.rel.clone(), Some(ar.alias.clone()))),
                (
                    None,
                    Some(AttrObj {
                        kind: AttrKind::Rel(r),
                        ..
                    }),
                ) => Some((r.clone(), None)),
                _ => None,
            },
            None => None,
        };
        if let Some((rel, parent)) = along {
            let Some(on) =
                crate::orm::aliased::rel_onclause(&rel, parent.as_ref(), Some(&al.alias))
            else {
                return Err(crate::util::not_supported(
                    interp,
                    "join() to an aliased class along a many-to-many relationship",
                ));
            };
            s.sel = std::mem::take(&mut s.sel).join(FromItem::Alias(al.alias.clone()), on, outer);
            return Ok(());
        }
        let Some(on) = args.get(1).and_then(crate::sql::elements::as_expr) else {
            return Err(crate::util::not_supported(
                interp,
                "join() to an aliased class without an ON clause",
            ));
        };
        s.sel = std::mem::take(&mut s.sel).join(FromItem::Alias(al.alias.clone()), on, outer);
        return Ok(());
    }
    let Some(m) = mapper::of_value(&target) else {
        return Err(crate::util::not_supported(
            interp,
            &format!("join() to a {}", target.type_name()),
        ));
    };
    let on = match args.get(1) {
        Some(v) => match crate::sql::elements::as_expr(v) {
            Some(e) => e,
            None => return Err(crate::util::not_supported(interp, "this join() onclause")),
        },
        None => {
            let Some(left) = left_table(s) else {
                return Err(crate::util::not_supported(
                    interp,
                    "join() without a left side",
                ));
            };
            let md = m.meta.md.borrow();
            match relplay_orm::relationships::join_condition(&md, &left, &m.table, None) {
                Ok(pairs) => col_eq(&md, &pairs),
                Err(_) => {
                    return Err(crate::exc::raise(
                        "InvalidRequestError",
                        &format!("Don't know how to join to <Mapper at 0x7f0000000000; {}>. Please use the .select_from() method to establish an explicit left side, as well as providing an explicit ON clause if not present already to help resolve the ambiguity.", m.name()),
                    ))
                }
            }
        }
    };
    s.sel = std::mem::take(&mut s.sel).join(FromItem::table(&m.table), on, outer);
    s.joined = Some(m);
    Ok(())
}

/// The mapper whose table the first selected column comes from.
fn first_mapper(sel: &Select) -> Option<Rc<Mapper>> {
    let t = sel.columns.iter().find_map(|c| match c {
        Expr::Column(c) => match &c.source {
            relplay_orm::sql::Source::Table(t) => Some(t.to_string()),
            _ => None,
        },
        _ => None,
    })?;
    mapper::all().into_iter().find(|m| *m.table == *t)
}

/// `select(...).subquery()`: an anonymous alias whose `.c` columns can be
/// selected and joined.
pub struct SubqueryObj {
    pub alias: Rc<relplay_orm::sql::Alias>,
    pub columns: Vec<(String, relplay_orm::types::SqlType)>,
}

impl NativeObject for SubqueryObj {
    fn class(&self) -> Rc<Class> {
        native_class("Subquery", "sqlalchemy.sql.selectable", &[])
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
            "c" | "columns" => Some(native(SubqueryColumns(me.clone()))),
            _ => None,
        })
    }
}

pub struct SubqueryColumns(pub Value);

impl NativeObject for SubqueryColumns {
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
        let Some(sq) = cast::<SubqueryObj>(&self.0) else {
            return Ok(None);
        };
        Ok(sq.columns.iter().find(|(n, _)| n == name).map(|(n, ty)| {
            native(crate::sql::elements::ExprObj(Expr::Column(
                relplay_orm::sql::ColRef {
                    source: relplay_orm::sql::Source::Alias(sq.alias.clone()),
                    name: n.clone(),
                    ty: ty.clone(),
                },
            )))
        }))
    }
}

fn s_subquery(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = this::<SelectObj>(&args, "Select")?.clone();
    let keys = crate::sql::row::keys_of(&s.sel.columns);
    let columns = keys
        .iter()
        .zip(s.sel.columns.iter())
        .map(|(k, c)| (k.clone(), c.sql_type()))
        .collect();
    let alias = s.sel.subquery(crate::orm::strategies::next_alias_id());
    Ok(native(SubqueryObj { alias, columns }))
}

fn s_scalar_subquery(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = this::<SelectObj>(&args, "Select")?.clone();
    Ok(native(crate::sql::elements::ExprObj(Expr::ScalarSelect(
        Box::new(s.sel),
    ))))
}

fn s_exists(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let s = this::<SelectObj>(&args, "Select")?.clone();
    Ok(native(crate::sql::elements::ExprObj(Expr::Exists(
        Box::new(s.sel),
    ))))
}
