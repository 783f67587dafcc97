//! Loader strategies: lazy "select" (in `loading`), and the eager ones —
//! "selectin" (a second SELECT ... WHERE fk IN (...)) and "joined" (LEFT
//! OUTER JOIN to an anonymous alias) — plus "raise"/"noload", chosen by
//! `relationship(lazy=...)` or per query by loader options.

use std::any::Any;
use std::rc::Rc;

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
    RaiseOnSql,
    NoLoad,
    Subquery,
    /// A lazy load run right after the rows (`lazy="immediate"`).
    Immediate,
    /// `defaultload()`: the relationship's own strategy, a path step only.
    Default,
    /// `contains_eager()`: filled from the statement's own JOIN.
    ContainsEager,
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
                "raise" => Strategy::Raise,
                "raise_on_sql" => Strategy::RaiseOnSql,
                "immediate" => Strategy::Immediate,
                "noload" => Strategy::NoLoad,
                "subquery" => Strategy::Subquery,
                "dynamic" | "write_only" => Strategy::Select,
                _ => return None,
            },
            _ => return None,
        })
    }
}

/// One loader option: a path of (relationship, strategy) from the entity;
/// a wildcard (`raiseload("*")`) has an empty path and its strategy in `.1`.
#[derive(Clone)]
pub struct LoaderOpt(pub Vec<(Rc<RelProp>, Strategy)>, pub Option<Strategy>);

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
                ("immediateload", |i, a, k| {
                    chain(i, a, k, Strategy::Immediate)
                }),
                ("defaultload", |i, a, k| chain(i, a, k, Strategy::Default)),
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

fn chain(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs, st: Strategy) -> PyResult<Value> {
    let mut o = this::<LoaderOpt>(&args, "Load")?.clone();
    if o.1.is_some() {
        return Err(crate::util::not_supported(
            interp,
            "a loader option chained after '*'",
        ));
    }
    let r = rel_of(interp, args.get(1).unwrap_or(&Value::None))?;
    o.0.push((r, raise_kind(interp, st, &kw)?));
    Ok(native(o))
}

/// `raiseload(..., sql_only=True)` is "raise_on_sql".
fn raise_kind(interp: &mut Interpreter, st: Strategy, kw: &Kwargs) -> PyResult<Strategy> {
    let sql_only = crate::util::kw_get(kw, "sql_only");
    if st == Strategy::Raise && crate::util::truthy(interp, &sql_only)? {
        return Ok(Strategy::RaiseOnSql);
    }
    Ok(st)
}

pub fn option(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kwargs,
    st: Strategy,
) -> PyResult<Value> {
    if st == Strategy::NoLoad {
        crate::exc::warn(interp, "SADeprecationWarning", "The noload() option is deprecated and will be removed in a future release.  This option produces incorrect results by returning ``None`` for related items. (deprecated since: 2.1)")?;
    }
    let st = raise_kind(interp, st, &kw)?;
    let first = args.first().cloned().unwrap_or(Value::None);
    if matches!(&first, Value::Str(s) if &**s == "*") {
        if matches!(
            st,
            Strategy::Default | Strategy::Joined | Strategy::Subquery
        ) {
            return Err(crate::util::not_supported(
                interp,
                "this loader option with '*'",
            ));
        }
        return Ok(native(LoaderOpt(Vec::new(), Some(st))));
    }
    let r = rel_of(interp, &first)?;
    Ok(native(LoaderOpt(vec![(r, st)], None)))
}

/// The strategy for `r` at the head of `opts`, else a wildcard's, else the
/// relationship's own.
pub fn strategy_for(r: &Rc<RelProp>, opts: &[LoaderOpt]) -> Strategy {
    for o in opts {
        if let Some((head, st)) = o.0.first() {
            if Rc::ptr_eq(head, r) && *st != Strategy::Default {
                return *st;
            }
        }
    }
    if let Some(st) = opts.iter().find_map(|o| o.1) {
        return st;
    }
    own_strategy(r)
}

pub fn own_strategy(r: &RelProp) -> Strategy {
    Strategy::parse(&r.lazy).unwrap_or(Strategy::Select)
}

/// The strategy a lazy access of `obj.r` uses: a loader option recorded on
/// the instance when its query loaded it, else the relationship's own.
pub fn lazy_strategy(interp: &mut Interpreter, obj: &Value, r: &RelProp) -> PyResult<Strategy> {
    let over = with_state(interp, obj, |st| {
        st.s.borrow().lazy_override.get(&r.key).copied()
    })?;
    Ok(over.unwrap_or_else(|| own_strategy(r)))
}

/// The options that continue below `r`.
fn sub_options(r: &Rc<RelProp>, opts: &[LoaderOpt]) -> Vec<LoaderOpt> {
    opts.iter()
        .filter(|o| o.0.first().map(|(h, _)| Rc::ptr_eq(h, r)).unwrap_or(false) && o.0.len() > 1)
        .map(|o| LoaderOpt(o.0[1..].to_vec(), None))
        .collect()
}

/// Relationship values of `obj` read with its lazy strategy: None if the
/// ordinary lazy load should run.
pub fn without_sql(
    interp: &mut Interpreter,
    obj: &Value,
    r: &Rc<RelProp>,
) -> PyResult<Option<Value>> {
    let st = lazy_strategy(interp, obj, r)?;
    let raise = |interp: &mut Interpreter, how: &str| -> PyResult<Option<Value>> {
        let m = super::state::mapper_of(interp, obj)?;
        Err(crate::exc::raise(
            "InvalidRequestError",
            &format!(
                "'{}.{}' is not available due to lazy='{how}'",
                m.name(),
                r.key
            ),
        ))
    };
    match st {
        Strategy::Raise => raise(interp, "raise"),
        Strategy::RaiseOnSql => {
            // fine when the identity map answers a many-to-one without SQL
            if r.direction() == Some(Direction::ManyToOne) {
                let v = super::loading::lazy_load_scalar_quiet(interp, obj, r)?;
                let fk_null = super::loading::m2o_key_is_null(interp, obj, r)?;
                if !v.is_none() || fk_null {
                    return Ok(Some(v));
                }
            }
            raise(interp, "raise_on_sql")
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
    /// The load whose rows are this one's parents (nested joined loads);
    /// None: the statement's entity.
    pub parent: Option<usize>,
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

/// `contains_eager()` targets: their table's columns go first in the
/// SELECT (as SQLAlchemy orders them); the JOIN is the statement's own.
pub fn add_contains_eager(m: &Rc<Mapper>, sel: &mut Select, opts: &[LoaderOpt]) -> Vec<JoinedLoad> {
    let mut out: Vec<JoinedLoad> = Vec::new();
    let mut front = Vec::new();
    for r in m.rels.borrow().iter() {
        if strategy_for(r, opts) != Strategy::ContainsEager {
            continue;
        }
        let Some(res) = r.resolved() else { continue };
        let t = res.target.clone();
        out.push(JoinedLoad {
            rel: r.clone(),
            target: t.clone(),
            offset: front.len(),
            parent: None,
        });
        for c in &t.cols {
            front.push(Expr::col(&t.table, &c.column, c.ty.clone()));
        }
    }
    front.append(&mut sel.columns);
    sel.columns = front;
    out
}

/// Adds LEFT OUTER JOINs for the joined loads of `m` in `sel`, nested
/// ones included: joins in pre-order, columns deepest first (as SQLAlchemy
/// lays them out, which also decides the alias numbering).
pub fn add_joined(m: &Rc<Mapper>, sel: &mut Select, opts: &[LoaderOpt]) -> Vec<JoinedLoad> {
    let mut out = Vec::new();
    let mut seen = vec![m.id];
    add_joined_at(m, None, None, sel, opts, false, &mut seen, &mut out);
    out
}

/// One level of joined loads from `m` (read from alias `from` below the
/// top). Around a mapper cycle only relationships the options name are
/// followed (`explicit_only`): a lazy="joined" default would loop.
#[allow(clippy::too_many_arguments)]
fn add_joined_at(
    m: &Rc<Mapper>,
    from: Option<&Rc<Alias>>,
    parent: Option<usize>,
    sel: &mut Select,
    opts: &[LoaderOpt],
    explicit_only: bool,
    seen: &mut Vec<usize>,
    out: &mut Vec<JoinedLoad>,
) {
    let rels = m.rels.borrow().clone();
    for r in rels {
        let named = opts
            .iter()
            .any(|o| o.0.first().is_some_and(|(h, _)| Rc::ptr_eq(h, &r)));
        if (explicit_only && !named) || strategy_for(&r, opts) != Strategy::Joined {
            continue;
        }
        let Some(res) = r.resolved() else { continue };
        if res.analysis.direction == Direction::ManyToMany {
            continue;
        }
        let t = res.target.clone();
        let a = Rc::new(Alias {
            id: next_alias_id(),
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
            } else if let Some(f) = from {
                alias_col(f, &c.column, ty)
            } else {
                Expr::col(&c.table, &c.column, ty)
            }
        };
        let mut on: Vec<Expr> = res
            .analysis
            .primaryjoin
            .iter()
            .map(|(l, rr)| map(l).binary(BinOp::Eq, map(rr)))
            .collect();
        on.extend(res.analysis.extra.iter().map(|e| retarget(e, &t.table, &a)));
        let joined =
            std::mem::take(sel).join(FromItem::Alias(a.clone()), relplay_orm::sql::and_(on), true);
        *sel = joined;
        for ob in r.order_by.borrow().iter() {
            sel.order_by.push(retarget(ob, &t.table, &a));
        }
        let me = out.len();
        out.push(JoinedLoad {
            rel: r.clone(),
            target: t.clone(),
            offset: 0,
            parent,
        });
        let sub = sub_options(&r, opts);
        let cycle = seen.contains(&t.id);
        seen.push(t.id);
        add_joined_at(&t, Some(&a), Some(me), sel, &sub, cycle, seen, out);
        seen.pop();
        // this level's columns follow the nested ones
        out[me].offset = sel.columns.len();
        for c in &t.cols {
            sel.columns.push(alias_col(&a, &c.column, c.ty.clone()));
        }
    }
}

/// `e` with `table`'s columns read from the alias `a`.
fn retarget(e: &Expr, table: &str, a: &Rc<Alias>) -> Expr {
    let re = |x: &Expr| Box::new(retarget(x, table, a));
    match e {
        Expr::Column(c) if matches!(&c.source, Source::Table(t) if &**t == table) => {
            alias_col(a, &c.name, c.ty.clone())
        }
        Expr::Desc(x) => Expr::Desc(re(x)),
        Expr::Asc(x) => Expr::Asc(re(x)),
        Expr::Not(x) => Expr::Not(re(x)),
        Expr::Binary { left, op, right } => Expr::Binary {
            left: re(left),
            op: *op,
            right: re(right),
        },
        Expr::And(v) => Expr::And(v.iter().map(|x| retarget(x, table, a)).collect()),
        Expr::Or(v) => Expr::Or(v.iter().map(|x| retarget(x, table, a)).collect()),
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
    // per load, the object each row gave (the parents of nested loads)
    let mut row_objs: Vec<Vec<Value>> = Vec::with_capacity(loads.len());
    for jl in loads {
        let mut per_parent: Vec<(Value, Vec<Value>)> = Vec::new();
        let owners: Vec<Value> = match jl.parent.and_then(|i| row_objs.get(i)) {
            Some(v) => v.clone(),
            None => parents.to_vec(),
        };
        let mut mine = Vec::with_capacity(rows.len());
        // parent identity -> its slot in `per_parent` (rows repeat parents)
        let mut slot: rustc_hash::FxHashMap<u64, usize> = Default::default();
        for (p, row) in owners.iter().zip(rows) {
            if p.is_none() {
                mine.push(Value::None);
                continue;
            }
            let child = child_path(&jl.rel, || {
                super::loading::instances(
                    interp,
                    s,
                    &jl.target,
                    std::slice::from_ref(row),
                    jl.offset,
                )
            })?
            .into_iter()
            .next()
            .unwrap_or(Value::None);
            mine.push(child.clone());
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
        row_objs.push(mine);
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

thread_local! {
    /// The load path of the eager loads running now (root mapper, then
    /// relationship keys): part of each eager statement's cache key.
    static PATH: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

thread_local! {
    /// The loader options of the query loading rows now (cache-key text).
    static LOAD_OPTS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with `opts` as the propagated loader options and, when given,
/// `path` as the load path of the rows it loads.
pub fn with_load_ctx<R>(
    opts: Option<String>,
    path: Option<Vec<String>>,
    f: impl FnOnce() -> R,
) -> R {
    let was_o = LOAD_OPTS.with(|o| o.replace(opts));
    let was_p = path.map(|p| PATH.with(|x| std::mem::replace(&mut *x.borrow_mut(), p)));
    let r = f();
    LOAD_OPTS.with(|o| *o.borrow_mut() = was_o);
    if let Some(p) = was_p {
        PATH.with(|x| *x.borrow_mut() = p);
    }
    r
}

/// What a newly loaded instance of `m` records as its load context.
pub fn current_load_ctx(m: &Mapper) -> Option<(String, String)> {
    let opts = LOAD_OPTS.with(|o| o.borrow().clone())?;
    let path = PATH.with(|p| p.borrow().join("."));
    Some((
        opts,
        if path.is_empty() {
            m.name().to_string()
        } else {
            path
        },
    ))
}

/// Runs `f` one step down the load path (the rows of `r`).
fn child_path<R>(r: &RelProp, f: impl FnOnce() -> R) -> R {
    PATH.with(|p| p.borrow_mut().push(r.key.clone()));
    let out = f();
    PATH.with(|p| p.borrow_mut().pop());
    out
}

/// `kind:Root.rel...key`, the cache namespace of an eager load of `r`.
fn path_ns(kind: &str, r: &RelProp) -> String {
    PATH.with(|p| format!("{kind}:{}.{}", p.borrow().join("."), r.key))
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
/// "subquery" strategy re-runs it as a subquery). A new load path starts.
pub fn post_load_from(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    objs: &[Value],
    opts: &[LoaderOpt],
    origin: Option<&Select>,
) -> PyResult<()> {
    let saved = PATH.with(|p| std::mem::replace(&mut *p.borrow_mut(), vec![m.name().to_string()]));
    let r = load_level(interp, s, m, objs, opts, origin);
    PATH.with(|p| *p.borrow_mut() = saved);
    r
}

/// Eager loads below `r` for `children` (one step down the load path).
fn load_below(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    r: &RelProp,
    target: &Rc<Mapper>,
    children: &[Value],
    opts: &[LoaderOpt],
) -> PyResult<()> {
    PATH.with(|p| p.borrow_mut().push(r.key.clone()));
    let res = load_level(interp, s, target, children, opts, None);
    PATH.with(|p| p.borrow_mut().pop());
    res
}

fn load_level(
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
        // an option's lazy strategy, and options chained below it, stay
        // with each instance the query loaded
        let lazy_now = is_lazy(st) || (st == Strategy::Default && is_lazy(own_strategy(&r)));
        if (st != own_strategy(&r) && is_lazy(st)) || (lazy_now && !sub.is_empty()) {
            for o in objs {
                if !o.is_none() && dict_get(o, &r.key).is_none() {
                    with_state(interp, o, |s| {
                        let mut b = s.s.borrow_mut();
                        if is_lazy(st) && st != own_strategy(&r) {
                            b.lazy_override.insert(r.key.clone(), st);
                        }
                        if !sub.is_empty() {
                            b.lazy_opts.insert(r.key.clone(), sub.clone());
                        }
                    })?;
                }
            }
        }
        match st {
            Strategy::Selectin => {
                let cause = format!("selectin load {}.{}", m.name(), r.key);
                super::trace::caused(interp, cause, |i| selectin(i, s, m, &r, objs, &sub))?
            }
            Strategy::Subquery => {}
            Strategy::Immediate => {
                // each object's attribute is loaded right away, the SQL
                // attributed to the strategy (see trace::lazy_loading)
                let cause = format!("immediate load {}.{}", m.name(), r.key);
                let mut children = Vec::new();
                let mut done: Vec<Value> = Vec::new();
                for o in objs {
                    if o.is_none() || done.iter().any(|c| c.is(o)) {
                        continue;
                    }
                    done.push(o.clone());
                    let v = match dict_get(o, &r.key) {
                        Some(v) => v,
                        None => {
                            super::trace::caused(interp, cause.clone(), |i| i.getattr(o, &r.key))?
                        }
                    };
                    children.extend(super::collections::items_of(&v));
                }
                if !sub.is_empty() {
                    let Some(res) = r.resolved() else { continue };
                    load_below(interp, s, &r, &res.target, &children, &sub)?;
                }
            }
            Strategy::Joined
            | Strategy::ContainsEager
            | Strategy::Select
            | Strategy::Raise
            | Strategy::RaiseOnSql
            | Strategy::NoLoad
            | Strategy::Default => {
                if !sub.is_empty() {
                    // options below a joined/lazy level apply to what it loaded
                    let Some(res) = r.resolved() else { continue };
                    let mut children = Vec::new();
                    for o in objs {
                        if let Some(v) = dict_get(o, &r.key) {
                            children.extend(super::collections::items_of(&v));
                        }
                    }
                    load_below(interp, s, &r, &res.target, &children, &sub)?;
                }
            }
        }
    }
    Ok(())
}

fn is_lazy(st: Strategy) -> bool {
    matches!(
        st,
        Strategy::Select | Strategy::Raise | Strategy::RaiseOnSql | Strategy::NoLoad
    )
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
        .in_namespace(&path_ns("subquery", r));
    let rows = s.select_rows(interp, &c)?;
    let n = t.cols.len();
    let children = child_path(r, || super::loading::instances(interp, s, &t, &rows, 0))?;
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
    load_below(interp, s, r, &t, &children, sub)
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
            for e in &res.analysis.extra {
                sel = sel.where_(e.clone());
            }
            sel.order_by = r.order_by.borrow().clone();
            // joined loads of the children ride along, unlabelled
            let joined = add_joined(&t, &mut sel, sub);
            if !joined.is_empty() {
                sel.label_style = relplay_orm::sql::LabelStyle::None;
            }
            let c = compile(Statement::Select(&sel))
                .map_err(orm_err)?
                .in_namespace(&path_ns("selectin", r));
            let rows = s.select_rows(interp, &c)?;
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
            let children = child_path(r, || super::loading::instances(interp, s, &t, &ordered, 0))?;
            populate_joined(interp, s, &children, &ordered, &joined)?;
            let by_key = super::identity::group_keys(&fks);
            for (p, k) in parents.iter().zip(&keys) {
                // joined rows repeat a child
                let items = super::identity::distinct_objs(
                    by_key
                        .get(&super::identity::KeyRef(k))
                        .into_iter()
                        .flatten()
                        .filter_map(|&i| children.get(i)),
                );
                set_loaded(interp, p, r, items)?;
            }
            load_below(interp, s, r, &t, &children, sub)?;
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
                    .in_namespace(&path_ns("selectin", r));
                let rows = s.select_rows(interp, &c)?;
                loaded = child_path(r, || super::loading::instances(interp, s, &t, &rows, 0))?;
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
            load_below(interp, s, r, &t, &loaded, sub)?;
        }
        Direction::ManyToMany => selectin_m2m(interp, s, m, r, &parents, sub)?,
    }
    Ok(())
}

/// Many-to-many "selectin": `SELECT secondary.parent_fk, child... FROM
/// secondary JOIN child ON child.pk = secondary.child_fk WHERE
/// secondary.parent_fk IN (...)`.
fn selectin_m2m(
    interp: &mut Interpreter,
    s: &Rc<SessionInner>,
    m: &Rc<Mapper>,
    r: &Rc<RelProp>,
    parents: &[Value],
    sub: &[LoaderOpt],
) -> PyResult<()> {
    let Some(res) = r.resolved() else {
        return Ok(());
    };
    let t = res.target.clone();
    let a = &res.analysis;
    if a.sync_pairs.len() != 1 || a.secondary_sync_pairs.is_empty() {
        return Err(crate::util::not_supported(
            interp,
            "selectin loading of a many-to-many relationship over a composite key",
        ));
    }
    let (psrc, pdest) = a.sync_pairs[0].clone();
    let Some(pprop) = m.col_by_column(&psrc.column) else {
        return Ok(());
    };
    let col_ty = |c: &relplay_orm::relationships::ColId| {
        m.meta
            .md
            .borrow()
            .table(&c.table)
            .and_then(|tb| tb.column(&c.column))
            .map(|c| c.ty.clone())
            .unwrap_or(relplay_orm::types::SqlType::Null)
    };
    let key_ty = col_ty(&pdest);
    let key_col = Expr::col(&pdest.table, &pdest.column, key_ty.clone());
    let mut keys: Vec<PyValue> = Vec::new();
    for p in parents {
        keys.push(to_py(&dict_get(p, &pprop.key).unwrap_or(Value::None))?);
    }
    let mut cols = vec![key_col.clone()];
    for c in &t.cols {
        cols.push(Expr::col(&t.table, &c.column, c.ty.clone()));
    }
    let on: Vec<Expr> = a
        .secondary_sync_pairs
        .iter()
        .map(|(src, dest)| {
            Expr::col(&src.table, &src.column, col_ty(src)).binary(
                BinOp::Eq,
                Expr::col(&dest.table, &dest.column, col_ty(dest)),
            )
        })
        .collect();
    let mut sel = Select::new(cols)
        .select_from(FromItem::table(&pdest.table))
        .join(FromItem::table(&t.table), relplay_orm::sql::and_(on), false)
        .where_(key_col.in_values(keys.clone()));
    sel.order_by = r.order_by.borrow().clone();
    let c = compile(Statement::Select(&sel))
        .map_err(orm_err)?
        .in_namespace(&path_ns("selectin", r));
    let rows = s.select_rows(interp, &c)?;
    let children = child_path(r, || super::loading::instances(interp, s, &t, &rows, 1))?;
    let mut fks = Vec::with_capacity(rows.len());
    for row in &rows {
        let v = row.first().cloned().unwrap_or(relplay_store::Value::Null);
        fks.push(relplay_orm::types::result_process(&key_ty, &v).map_err(orm_err)?);
    }
    for (p, k) in parents.iter().zip(&keys) {
        let items: Vec<Value> = children
            .iter()
            .zip(&fks)
            .filter(|(_, f)| *f == k)
            .map(|(c, _)| c.clone())
            .collect();
        set_loaded(interp, p, r, items)?;
    }
    let mut uniq: Vec<Value> = Vec::new();
    for c in children {
        if !c.is_none() && !uniq.iter().any(|x| x.is(&c)) {
            uniq.push(c);
        }
    }
    load_below(interp, s, r, &t, &uniq, sub)
}
