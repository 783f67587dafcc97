//! Loader strategies: lazy "select" (in `loading`), and the eager ones —
//! "selectin" (a second SELECT ... WHERE fk IN (...)) and "joined" (LEFT
//! OUTER JOIN to an anonymous alias) — plus "raise"/"noload", chosen by
//! `relationship(lazy=...)` or per query by loader options.

use std::any::Any;
use std::rc::Rc;

use relplay_orm::engine::ExecKind;
use relplay_orm::relationships::Direction;
use relplay_orm::sql::{
    compile, Alias, AliasTarget, BinOp, ColRef, Expr, FromItem, Select, Source, Statement,
};
use relplay_orm::PyValue;
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use super::mapper::Mapper;
use super::relationships::RelProp;
use super::session::SessionInner;
use super::state::{dict_get, dict_set, with_state};
use crate::util::{cast, native, native_class, orm_err, this, to_py};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    Select,
    Selectin,
    Joined,
    Raise,
    NoLoad,
    Subquery,
}

impl Strategy {
    pub fn parse(v: &Value) -> Option<Strategy> {
        Some(match v {
            Value::Bool(true) => Strategy::Select,
            Value::Bool(false) => Strategy::Joined,
            Value::Str(s) => match &**s {
                "select" => Strategy::Select,
                "selectin" => Strategy::Selectin,
                "joined" => Strategy::Joined,
                "raise" | "raise_on_sql" => Strategy::Raise,
                "noload" => Strategy::NoLoad,
                "subquery" => Strategy::Subquery,
                "dynamic" => Strategy::Select,
                _ => return None,
            },
            _ => return None,
        })
    }
}

/// One loader option: a path of (relationship, strategy) from the entity.
#[derive(Clone)]
pub struct LoaderOpt(pub Vec<(Rc<RelProp>, Strategy)>);

impl NativeObject for LoaderOpt {
    fn class(&self) -> Rc<Class> {
        native_class(
            "_AbstractLoad",
            "sqlalchemy.orm.strategy_options",
            &[
                ("selectinload", |i, a, k| chain(i, a, k, Strategy::Selectin)),
                ("joinedload", |i, a, k| chain(i, a, k, Strategy::Joined)),
                ("lazyload", |i, a, k| chain(i, a, k, Strategy::Select)),
                ("raiseload", |i, a, k| chain(i, a, k, Strategy::Raise)),
                ("noload", |i, a, k| chain(i, a, k, Strategy::NoLoad)),
                ("subqueryload", |i, a, k| chain(i, a, k, Strategy::Subquery)),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn rel_of(interp: &mut Interpreter, v: &Value) -> PyResult<Rc<RelProp>> {
    super::mapper::configure_all(interp)?;
    match cast::<super::attributes::AttrObj>(v).map(|a| &a.kind) {
        Some(super::attributes::AttrKind::Rel(r)) => Ok(r.clone()),
        _ => Err(crate::exc::raise(
            "ArgumentError",
            &format!(
                "expected ORM mapped attribute for loader strategy argument, got {}",
                interp.repr(v)?
            ),
        )),
    }
}

fn chain(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs, st: Strategy) -> PyResult<Value> {
    let mut o = this::<LoaderOpt>(&args, "Load")?.clone();
    let r = rel_of(interp, args.get(1).unwrap_or(&Value::None))?;
    o.0.push((r, st));
    Ok(native(o))
}

pub fn option(interp: &mut Interpreter, args: Vec<Value>, st: Strategy) -> PyResult<Value> {
    let r = rel_of(interp, args.first().unwrap_or(&Value::None))?;
    Ok(native(LoaderOpt(vec![(r, st)])))
}

/// The strategy for `r` at the head of `opts`, else the relationship's own.
pub fn strategy_for(r: &Rc<RelProp>, opts: &[LoaderOpt]) -> Strategy {
    for o in opts {
        if let Some((head, st)) = o.0.first() {
            if Rc::ptr_eq(head, r) {
                return *st;
            }
        }
    }
    Strategy::parse(&r.lazy).unwrap_or(Strategy::Select)
}

/// The options that continue below `r`.
fn sub_options(r: &Rc<RelProp>, opts: &[LoaderOpt]) -> Vec<LoaderOpt> {
    opts.iter()
        .filter(|o| o.0.first().map(|(h, _)| Rc::ptr_eq(h, r)).unwrap_or(false) && o.0.len() > 1)
        .map(|o| LoaderOpt(o.0[1..].to_vec()))
        .collect()
}

/// Relationship values of `obj` read with `strategy`: None if no SQL should run.
pub fn without_sql(
    interp: &mut Interpreter,
    obj: &Value,
    r: &Rc<RelProp>,
) -> PyResult<Option<Value>> {
    match Strategy::parse(&r.lazy).unwrap_or(Strategy::Select) {
        Strategy::Raise => {
            let m = super::state::mapper_of(interp, obj)?;
            Err(crate::exc::raise(
                "InvalidRequestError",
                &format!(
                    "'{}.{}' is not available due to lazy='raise'",
                    m.name(),
                    r.key
                ),
            ))
        }
        Strategy::NoLoad => Ok(Some(Value::None)),
        _ => Ok(None),
    }
}

/// A joined eager load added to a SELECT: where its columns start.
pub struct JoinedLoad {
    pub rel: Rc<RelProp>,
    pub target: Rc<Mapper>,
    pub offset: usize,
}

thread_local! {
    static ALIAS_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1_000_000) };
}

/// A fresh identity for an anonymous alias.
pub fn next_alias_id() -> u32 {
    ALIAS_ID.with(|c| {
        c.set(c.get() + 1);
        c.get()
    })
}

fn alias_col(a: &Rc<Alias>, name: &str, ty: relplay_orm::types::SqlType) -> Expr {
    Expr::Column(ColRef {
        source: Source::Alias(a.clone()),
        name: name.to_string(),
        ty,
    })
}

/// Adds LEFT OUTER JOINs for the joined loads of `m` in `sel`.
pub fn add_joined(m: &Rc<Mapper>, sel: &mut Select, opts: &[LoaderOpt]) -> Vec<JoinedLoad> {
    let mut out = Vec::new();
    let rels = m.rels.borrow().clone();
    for r in rels {
        if strategy_for(&r, opts) != Strategy::Joined {
            continue;
        }
        let Some(res) = r.resolved() else { continue };
        if res.analysis.direction == Direction::ManyToMany {
            continue;
        }
        let t = res.target.clone();
        let id = ALIAS_ID.with(|c| {
            c.set(c.get() + 1);
            c.get()
        });
        let a = Rc::new(Alias {
            id,
            name: None,
            target: AliasTarget::Table(t.table.to_string()),
        });
        let map = |c: &relplay_orm::relationships::ColId| -> Expr {
            let ty = m
                .meta
                .md
                .borrow()
                .table(&c.table)
                .and_then(|tb| tb.column(&c.column))
                .map(|c| c.ty.clone())
                .unwrap_or(relplay_orm::types::SqlType::Null);
            if c.table == *t.table && (c.table != *m.table || res.analysis.remote.contains(c)) {
                alias_col(&a, &c.column, ty)
            } else {
                Expr::col(&c.table, &c.column, ty)
            }
        };
        let on: Vec<Expr> = res
            .analysis
            .primaryjoin
            .iter()
            .map(|(l, rr)| map(l).binary(BinOp::Eq, map(rr)))
            .collect();
        let offset = sel.columns.len();
        for c in &t.cols {
            sel.columns.push(alias_col(&a, &c.column, c.ty.clone()));
        }
        let joined =
            std::mem::take(sel).join(FromItem::Alias(a.clone()), relplay_orm::sql::and_(on), true);
        *sel = joined;
        for ob in r.order_by.borrow().iter() {
            sel.order_by.push(retarget(ob, &t.table, &a));
        }
        out.push(JoinedLoad {
            rel: r.clone(),
            target: t,
            offset,
        });
    }
    out
}

fn retarget(e: &Expr, table: &str, a: &Rc<Alias>) -> Expr {
    match e {
        Expr::Column(c) if matches!(&c.source, Source::Table(t) if &**t == table) => {
            alias_col(a, &c.name, c.ty.clone())
        }
        Expr::Desc(x) => Expr::Desc(Box::new(retarget(x, table, a))),
        Expr::Asc(x) => Expr::Asc(Box::new(retarget(x, table, a))),
        other => other.clone(),
    }
}

/// Fills joined-loaded relationships from the rows.
pub fn populate_joined(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    parents: &[Value],
    rows: &[Vec<relplay_store::Value>],
    loads: &[JoinedLoad],
) -> PyResult<()> {
    for jl in loads {
        let mut per_parent: Vec<(Value, Vec<Value>)> = Vec::new();
        // parent identity -> its slot in `per_parent` (rows repeat parents)
        let mut slot: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
        for (p, row) in parents.iter().zip(rows) {
            if p.is_none() {
                continue;
            }
            let child = super::loading::instances(
                interp,
                s,
                &jl.target,
                std::slice::from_ref(row),
                jl.offset,
            )?
            .into_iter()
            .next()
            .unwrap_or(Value::None);
            match slot.get(&p.id()).and_then(|&i| per_parent.get_mut(i)) {
                Some((_, items)) => {
                    if !child.is_none() && !items.iter().any(|i| i.is(&child)) {
                        items.push(child);
                    }
                }
                None => {
                    slot.insert(p.id(), per_parent.len());
                    per_parent.push((
                        p.clone(),
                        if child.is_none() { vec![] } else { vec![child] },
                    ))
                }
            }
        }
        for (p, items) in per_parent {
            set_loaded(interp, &p, &jl.rel, items)?;
        }
    }
    Ok(())
}

/// Stores a loaded relationship value (as a lazy load would).
pub fn set_loaded(
    interp: &mut Interpreter,
    obj: &Value,
    r: &Rc<RelProp>,
    items: Vec<Value>,
) -> PyResult<()> {
    if dict_get(obj, &r.key).is_some() {
        return Ok(());
    }
    if super::trace::active() {
        // selectin/subquery loads run under their cause; a joined load is the query itself
        let via = interp.cause().unwrap_or("joined load").to_string();
        super::trace::change(interp, obj, &r.key, "load", &items, Some(via));
    }
    let uselist = r.resolved().map(|x| x.uselist).unwrap_or(true);
    if uselist {
        super::attributes::new_collection(interp, obj, r, items.clone())?;
        with_state(interp, obj, |st| {
            st.s.borrow_mut()
                .coll_committed
                .insert(r.key.clone(), items);
        })
    } else {
        let v = items.into_iter().next().unwrap_or(Value::None);
        dict_set(obj, &r.key, v.clone());
        with_state(interp, obj, |st| {
            st.s.borrow_mut()
                .coll_committed
                .insert(r.key.clone(), vec![v]);
        })
    }
}

/// Runs the "selectin" loads for freshly loaded `objs` of mapper `m`.
pub fn post_load(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    objs: &[Value],
    opts: &[LoaderOpt],
) -> PyResult<()> {
    post_load_from(interp, s, m, objs, opts, None)
}

/// As `post_load`; `origin` is the statement that loaded `objs` (the
/// "subquery" strategy re-runs it as a subquery).
pub fn post_load_from(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    objs: &[Value],
    opts: &[LoaderOpt],
    origin: Option<&Select>,
) -> PyResult<()> {
    let rels = m.rels.borrow().clone();
    // subquery loads run while rows are processed, selectin loads after
    for r in &rels {
        if strategy_for(r, opts) == Strategy::Subquery {
            let sub = sub_options(r, opts);
            let Some(origin) = origin else {
                return Err(crate::util::not_supported(
                    interp,
                    "subquery eager loading below another loader",
                ));
            };
            let cause = format!("subquery load {}.{}", m.name(), r.key);
            super::trace::caused(interp, cause, |i| subquery(i, s, m, r, objs, origin, &sub))?;
        }
    }
    for r in rels {
        let st = strategy_for(&r, opts);
        let sub = sub_options(&r, opts);
        match st {
            Strategy::Selectin => {
                let cause = format!("selectin load {}.{}", m.name(), r.key);
                super::trace::caused(interp, cause, |i| selectin(i, s, m, &r, objs, &sub))?
            }
            Strategy::Subquery => {}
            Strategy::Joined | Strategy::Select | Strategy::Raise | Strategy::NoLoad => {
                if !sub.is_empty() {
                    // options below a joined/lazy level apply to what it loaded
                    let Some(res) = r.resolved() else { continue };
                    let mut children = Vec::new();
                    for o in objs {
                        if let Some(v) = dict_get(o, &r.key) {
                            children.extend(super::collections::items_of(&v));
                        }
                    }
                    post_load(interp, s, &res.target, &children, &sub)?;
                }
            }
        }
    }
    Ok(())
}

/// "subquery": `SELECT child..., anon_1.key FROM (original query's key
/// columns) AS anon_1 JOIN child ON anon_1.key = child.fk`.
fn subquery(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    r: &Rc<RelProp>,
    objs: &[Value],
    origin: &Select,
    sub: &[LoaderOpt],
) -> PyResult<()> {
    let Some(res) = r.resolved() else {
        return Ok(());
    };
    if res.analysis.direction != Direction::OneToMany {
        return Err(crate::util::not_supported(
            interp,
            "subquery eager loading other than one-to-many",
        ));
    }
    let pairs: Vec<(
        relplay_orm::relationships::ColId,
        relplay_orm::relationships::ColId,
    )> = res.analysis.local_remote_pairs.clone();
    if pairs.len() != 1 {
        return Err(crate::util::not_supported(
            interp,
            "subquery eager loading over a composite key",
        ));
    }
    let (local, remote) = pairs[0].clone();
    let Some(lprop) = m.col_by_column(&local.column) else {
        return Ok(());
    };
    let t = res.target.clone();
    let Some(rprop) = t.col_by_column(&remote.column) else {
        return Ok(());
    };
    let mut inner = origin.clone();
    inner.columns = vec![Expr::col(&m.table, &local.column, lprop.ty.clone())];
    inner.label_style = relplay_orm::sql::LabelStyle::TablenamePlusCol;
    if inner.limit.is_none() && inner.offset.is_none() {
        inner.order_by.clear();
    }
    let alias = inner.subquery(next_alias_id());
    let key_name = format!("{}_{}", m.table, local.column);
    let key_col = alias_col(&alias, &key_name, lprop.ty.clone());
    let mut cols: Vec<Expr> = t
        .cols
        .iter()
        .map(|c| Expr::col(&t.table, &c.column, c.ty.clone()))
        .collect();
    cols.push(key_col.clone());
    let on = key_col.binary(
        BinOp::Eq,
        Expr::col(&t.table, &remote.column, rprop.ty.clone()),
    );
    let mut sel = Select::new(cols).select_from(FromItem::Alias(alias)).join(
        FromItem::table(&t.table),
        on,
        false,
    );
    sel.label_style = relplay_orm::sql::LabelStyle::TablenamePlusCol;
    sel.order_by = r.order_by.borrow().clone();
    let c = compile(Statement::Select(&sel))
        .map_err(orm_err)?
        .in_namespace(&format!("subquery:{}.{}", m.name(), r.key));
    let rows = s
        .exec(interp, &c, ExecKind::Single)?
        .into_iter()
        .next()
        .map(|r| r.rows)
        .unwrap_or_default();
    let n = t.cols.len();
    let children = super::loading::instances(interp, s, &t, &rows, 0)?;
    let mut keys = Vec::with_capacity(rows.len());
    for row in &rows {
        keys.push(
            relplay_orm::types::result_process(
                &lprop.ty,
                row.get(n).unwrap_or(&relplay_store::Value::Null),
            )
            .map_err(orm_err)?,
        );
    }
    let by_key = super::identity::group_keys(&keys);
    for p in &super::identity::distinct_objs(objs) {
        let k = to_py(&dict_get(p, &lprop.key).unwrap_or(Value::None))?;
        let items: Vec<Value> = by_key
            .get(&super::identity::KeyRef(&k))
            .map(|ix| {
                ix.iter()
                    .filter_map(|&i| children.get(i).cloned())
                    .collect()
            })
            .unwrap_or_default();
        set_loaded(interp, p, r, items)?;
    }
    post_load(interp, s, &t, &children, sub)
}

fn selectin(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    r: &Rc<RelProp>,
    objs: &[Value],
    sub: &[LoaderOpt],
) -> PyResult<()> {
    let Some(res) = r.resolved() else {
        return Ok(());
    };
    let parents: Vec<Value> =
        super::identity::distinct_objs(objs.iter().filter(|o| dict_get(o, &r.key).is_none()));
    if parents.is_empty() {
        return Ok(());
    }
    let t = res.target.clone();
    match res.analysis.direction {
        Direction::OneToMany => {
            // (parent column, child column) pairs
            let pairs: Vec<(String, String)> = res
                .analysis
                .local_remote_pairs
                .iter()
                .map(|(l, rm)| (l.column.clone(), rm.column.clone()))
                .collect();
            if pairs.len() != 1 {
                return Err(crate::util::not_supported(
                    interp,
                    "selectin loading over a composite key",
                ));
            }
            let (pcol, ccol) = pairs[0].clone();
            let Some(pprop) = m.col_by_column(&pcol) else {
                return Ok(());
            };
            let Some(cprop) = t.col_by_column(&ccol) else {
                return Ok(());
            };
            let mut keys: Vec<PyValue> = Vec::new();
            for p in &parents {
                keys.push(to_py(&dict_get(p, &pprop.key).unwrap_or(Value::None))?);
            }
            let fk = Expr::col(&t.table, &ccol, cprop.ty.clone());
            let mut cols = vec![fk.clone()];
            for c in &t.cols {
                if c.column != ccol {
                    cols.push(Expr::col(&t.table, &c.column, c.ty.clone()));
                }
            }
            let mut sel = Select::new(cols).where_(fk.in_values(keys.clone()));
            sel.order_by = r.order_by.borrow().clone();
            let c = compile(Statement::Select(&sel))
                .map_err(orm_err)?
                .in_namespace(&format!("selectin:{}.{}", m.name(), r.key));
            let rows = s
                .exec(interp, &c, ExecKind::Single)?
                .into_iter()
                .next()
                .map(|r| r.rows)
                .unwrap_or_default();
            // rebuild rows in the target's column order for `instances`
            let fk_pos = t.cols.iter().position(|c| c.column == ccol).unwrap_or(0);
            let mut ordered = Vec::with_capacity(rows.len());
            let mut fks = Vec::with_capacity(rows.len());
            for row in rows {
                let mut rest: Vec<relplay_store::Value> = row[1..].to_vec();
                rest.insert(fk_pos.min(rest.len()), row[0].clone());
                fks.push(relplay_orm::types::result_process(&cprop.ty, &row[0]).map_err(orm_err)?);
                ordered.push(rest);
            }
            let children = super::loading::instances(interp, s, &t, &ordered, 0)?;
            let by_key = super::identity::group_keys(&fks);
            for (p, k) in parents.iter().zip(&keys) {
                let items: Vec<Value> = by_key
                    .get(&super::identity::KeyRef(k))
                    .map(|ix| {
                        ix.iter()
                            .filter_map(|&i| children.get(i).cloned())
                            .collect()
                    })
                    .unwrap_or_default();
                set_loaded(interp, p, r, items)?;
            }
            post_load(interp, s, &t, &children, sub)?;
        }
        Direction::ManyToOne => {
            let mut need: Vec<PyValue> = Vec::new();
            let mut needed: std::collections::HashSet<String> = std::collections::HashSet::new();
            let mut fk_of: Vec<Option<PyValue>> = Vec::new();
            let pk = t.pk.first().copied().unwrap_or(0);
            let local = res
                .analysis
                .local_remote_pairs
                .iter()
                .find(|(_, rm)| rm.column == t.cols[pk].column)
                .map(|(l, _)| l.column.clone());
            let Some(local) = local else { return Ok(()) };
            let Some(lprop) = m.col_by_column(&local) else {
                return Ok(());
            };
            for p in &parents {
                let v = to_py(&dict_get(p, &lprop.key).unwrap_or(Value::None))?;
                if v != PyValue::None {
                    let ks = super::session::ident_key(std::slice::from_ref(&v));
                    if s.lookup(t.id, &ks).is_none() && needed.insert(ks) {
                        need.push(v.clone());
                    }
                    fk_of.push(Some(v));
                } else {
                    fk_of.push(None);
                }
            }
            let mut loaded = Vec::new();
            if !need.is_empty() {
                let pkc = Expr::col(&t.table, &t.cols[pk].column, t.cols[pk].ty.clone());
                let sel = super::loading::select_of(&t).where_(pkc.in_values(need));
                let c = compile(Statement::Select(&sel))
                    .map_err(orm_err)?
                    .in_namespace(&format!("selectin:{}.{}", m.name(), r.key));
                let rows = s
                    .exec(interp, &c, ExecKind::Single)?
                    .into_iter()
                    .next()
                    .map(|r| r.rows)
                    .unwrap_or_default();
                loaded = super::loading::instances(interp, s, &t, &rows, 0)?;
            }
            for (p, k) in parents.iter().zip(fk_of) {
                let v = match k {
                    Some(k) => s
                        .lookup(t.id, &super::session::ident_key(&[k]))
                        .unwrap_or(Value::None),
                    None => Value::None,
                };
                set_loaded(interp, p, r, vec![v])?;
            }
            post_load(interp, s, &t, &loaded, sub)?;
        }
        Direction::ManyToMany => {
            return Err(crate::util::not_supported(
                interp,
                "selectin loading of a many-to-many relationship",
            ));
        }
    }
    Ok(())
}
