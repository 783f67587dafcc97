//! `relationship()` / `backref()`: declared arguments, then resolution of
//! the target and relplay-orm's join analysis at configure time.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use relplay_orm::relationships::{analyze, Direction, JoinAnalysis, RelationshipSpec};
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use super::mapper::{self, Mapper};
use crate::util::{cast, native, native_class, orm_err, str_of, truthy};

pub struct Resolved {
    pub target: Rc<Mapper>,
    pub analysis: JoinAnalysis,
    pub uselist: bool,
}

pub struct RelProp {
    pub key: String,
    pub parent: RefCell<Option<Rc<Mapper>>>,
    pub argument: Option<Value>,
    pub back_populates: RefCell<Option<String>>,
    pub backref: Option<(String, Kwargs)>,
    pub uselist: Option<bool>,
    pub secondary: Option<Value>,
    pub viewonly: bool,
    /// `order_by=` of the lazy load (resolved at configure).
    pub order_by: RefCell<Vec<relplay_orm::sql::Expr>>,
    /// Arguments evaluated at configure time (strings, lambdas, columns).
    pub deferred: Vec<(String, Value)>,
    pub overlaps: Vec<String>,
    /// `lazy=` as given (printed back by `.property.lazy`).
    pub lazy: Value,
    pub cascade: Vec<String>,
    /// `passive_deletes=`: True leaves unloaded children to the database's
    /// ON DELETE; "all" also keeps loaded ones untouched.
    pub passive_deletes: Value,
    pub single_parent: bool,
    pub resolved: RefCell<Option<Rc<Resolved>>>,
    /// The script line of the `relationship()` call; 0 for a generated backref.
    pub line: u32,
}

impl RelProp {
    pub fn has_cascade(&self, name: &str) -> bool {
        self.cascade.iter().any(|c| c == name)
    }
    /// `passive_deletes` is set (True or "all").
    pub fn passive_deletes(&self) -> bool {
        !matches!(self.passive_deletes, Value::Bool(false) | Value::None)
    }
    pub fn resolved(&self) -> Option<Rc<Resolved>> {
        self.resolved.borrow().clone()
    }
    pub fn reverse(&self) -> Option<String> {
        self.back_populates.borrow().clone()
    }
    pub fn direction(&self) -> Option<Direction> {
        self.resolved().map(|r| r.analysis.direction)
    }
}

/// What `relationship(...)` returns before the class is mapped.
pub struct RelationshipObj(pub Rc<RelProp>);

impl NativeObject for RelationshipObj {
    fn class(&self) -> Rc<Class> {
        native_class("_RelationshipDeclared", "sqlalchemy.orm.relationships", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `backref("name", **kw)`.
pub struct BackrefObj(pub String, pub Kwargs);

impl NativeObject for BackrefObj {
    fn class(&self) -> Rc<Class> {
        native_class("_backref", "sqlalchemy.orm", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn backref(_interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(str_of)
        .map(|s| s.to_string())
        .unwrap_or_default();
    Ok(native(BackrefObj(name, kw)))
}

fn build(
    interp: &mut Interpreter,
    key: &str,
    argument: Option<Value>,
    kw: Kwargs,
) -> PyResult<RelProp> {
    let mut p = RelProp {
        key: key.to_string(),
        parent: RefCell::new(None),
        argument,
        back_populates: RefCell::new(None),
        backref: None,
        uselist: None,
        secondary: None,
        viewonly: false,
        order_by: RefCell::new(Vec::new()),
        deferred: Vec::new(),
        overlaps: Vec::new(),
        lazy: Value::str("select"),
        cascade: vec!["merge".into(), "save-update".into()],
        passive_deletes: Value::Bool(false),
        single_parent: false,
        resolved: RefCell::new(None),
        line: interp.script_line(),
    };
    let mut cascade_arg: Option<String> = None;
    for (k, v) in kw {
        match &*k {
            "back_populates" => *p.back_populates.borrow_mut() = str_of(&v).map(|s| s.to_string()),
            "backref" => {
                p.backref = match &v {
                    Value::Str(s) => Some((s.to_string(), Vec::new())),
                    other => cast::<BackrefObj>(other).map(|b| (b.0.clone(), b.1.clone())),
                }
            }
            "uselist" => p.uselist = Some(truthy(interp, &Some(v))?),
            "viewonly" => p.viewonly = truthy(interp, &Some(v))?,
            "lazy" => {
                if super::strategies::Strategy::parse(&v).is_none() {
                    let shown = interp.repr(&v)?;
                    return Err(crate::util::not_supported(
                        interp,
                        &format!("relationship(lazy={shown})"),
                    ));
                }
                p.lazy = v;
            }
            "cascade" => cascade_arg = str_of(&v).map(|s| s.to_string()),
            "argument" => p.argument = Some(v),
            "secondary" => p.secondary = Some(v),
            "order_by" | "remote_side" | "foreign_keys" | "primaryjoin" | "secondaryjoin" => {
                p.deferred.push((k.to_string(), v))
            }
            "overlaps" => {
                if let Some(s) = str_of(&v) {
                    p.overlaps = s
                        .split(',')
                        .map(|x| x.trim().to_string())
                        .filter(|x| !x.is_empty())
                        .collect();
                }
            }
            "passive_deletes" => p.passive_deletes = v,
            "single_parent" => p.single_parent = truthy(interp, &Some(v))?,
            "info" | "doc" | "innerjoin" | "post_update" | "collection_class" | "sync_backref"
            | "enable_typechecks" => {
                if &*k == "collection_class" || &*k == "post_update" {
                    return Err(crate::util::not_supported(
                        interp,
                        &format!("relationship({k}=...)"),
                    ));
                }
            }
            other => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("relationship({other}=...)"),
                ));
            }
        }
    }
    if p.viewonly && p.passive_deletes() {
        crate::exc::warn(interp, "SAWarning", "Setting passive_deletes on relationship() while also setting viewonly=True does not make sense, as a viewonly=True relationship does not perform persistence operations. This configuration may raise an error in a future release.")?;
    }
    if let Some(c) = cascade_arg {
        p.cascade = parse_cascade(interp, &c)?;
    }
    if p.viewonly {
        // a viewonly relationship keeps only the cascades that do not persist
        p.cascade
            .retain(|c| matches!(c.as_str(), "expunge" | "refresh-expire" | "merge"));
    }
    Ok(p)
}

/// `CascadeOptions`: "all" expands, "none" clears, unknown names are an
/// ArgumentError, delete-orphan without delete warns.
fn parse_cascade(interp: &mut Interpreter, arg: &str) -> PyResult<Vec<String>> {
    const ALL: [&str; 5] = [
        "save-update",
        "merge",
        "refresh-expire",
        "expunge",
        "delete",
    ];
    let given: Vec<&str> = arg
        .split(',')
        .map(|x| x.trim())
        .filter(|x| !x.is_empty())
        .collect();
    let mut bad: Vec<&str> = given
        .iter()
        .copied()
        .filter(|g| !ALL.contains(g) && !matches!(*g, "all" | "none" | "delete-orphan"))
        .collect();
    if !bad.is_empty() {
        bad.sort();
        bad.dedup();
        let shown: Vec<String> = bad.iter().map(|b| format!("'{b}'")).collect();
        return Err(crate::exc::raise(
            "ArgumentError",
            &format!("Invalid cascade option(s): {}", shown.join(", ")),
        ));
    }
    let mut set: Vec<String> = Vec::new();
    for g in &given {
        let names: &[&str] = if *g == "all" {
            &ALL
        } else {
            std::slice::from_ref(g)
        };
        for n in names {
            if !set.iter().any(|x| x == n) {
                set.push(n.to_string());
            }
        }
    }
    if given.contains(&"none") {
        set.clear();
    }
    set.sort();
    if set.iter().any(|c| c == "delete-orphan") && !set.iter().any(|c| c == "delete") {
        crate::exc::warn(
            interp,
            "SAWarning",
            "The 'delete-orphan' cascade option requires 'delete'.",
        )?;
    }
    Ok(set)
}

/// The configure-time cascade checks (`_check_cascade_settings`).
fn check_cascade(
    parent: &Mapper,
    target: &Mapper,
    r: &RelProp,
    direction: Direction,
) -> PyResult<()> {
    if r.has_cascade("delete-orphan") && !r.single_parent && direction != Direction::OneToMany {
        let dir = if direction == Direction::ManyToOne {
            "many-to-one"
        } else {
            "many-to-many"
        };
        let rel = format!("{}.{}", parent.name(), r.key);
        return Err(crate::exc::raise(
            "ArgumentError",
            &format!("For {dir} relationship {rel}, delete-orphan cascade is normally configured only on the \"one\" side of a one-to-many relationship, and not on the \"many\" side of a many-to-one or many-to-many relationship.  To force this relationship to allow a particular \"{}\" object to be referenced by only a single \"{}\" object at a time via the {rel} relationship, which would allow delete-orphan cascade to take place in this direction, set the single_parent=True flag. (Background on this error at: https://sqlalche.me/e/21/bbf0)", target.name(), parent.name()),
        ));
    }
    if matches!(&r.passive_deletes, Value::Str(s) if &**s == "all")
        && (r.has_cascade("delete") || r.has_cascade("delete-orphan"))
    {
        return Err(crate::exc::raise(
            "ArgumentError",
            &format!("On {}.{}, can't set passive_deletes='all' in conjunction with 'delete' or 'delete-orphan' cascade", parent.name(), r.key),
        ));
    }
    Ok(())
}

pub fn relationship(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(crate::util::type_error(format!(
            "relationship() takes from 0 to 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let mut it = args.into_iter();
    let first = it.next();
    let mut p = build(interp, "", first, kw)?;
    if let Some(sec) = it.next() {
        p.secondary = Some(sec);
    }
    Ok(native(RelationshipObj(Rc::new(p))))
}

/// A relationship declared on a class, with its final key.
pub fn with_key(r: &RelProp, key: &str) -> RelProp {
    RelProp {
        key: key.to_string(),
        parent: RefCell::new(None),
        argument: r.argument.clone(),
        back_populates: RefCell::new(r.back_populates.borrow().clone()),
        backref: r.backref.clone(),
        uselist: r.uselist,
        secondary: r.secondary.clone(),
        viewonly: r.viewonly,
        order_by: RefCell::new(r.order_by.borrow().clone()),
        deferred: r.deferred.clone(),
        overlaps: r.overlaps.clone(),
        lazy: r.lazy.clone(),
        cascade: r.cascade.clone(),
        passive_deletes: r.passive_deletes.clone(),
        single_parent: r.single_parent,
        resolved: RefCell::new(None),
        line: r.line,
    }
}

fn resolve_target(interp: &mut Interpreter, parent: &Mapper, arg: &Value) -> PyResult<Rc<Mapper>> {
    match arg {
        Value::Str(s) => mapper::by_name(s).ok_or_else(|| {
            crate::exc::raise(
                "InvalidRequestError",
                &format!(
                    "When initializing mapper Mapper[{}({})], expression '{s}' failed to locate a name ('{s}'). If this is a class name, consider adding this relationship() to the <class '{}.{}'> class after both dependent classes have been defined.",
                    parent.name(), parent.table, parent.class.module(), parent.name()
                ),
            )
        }),
        Value::Class(c) => mapper::by_class(c).ok_or_else(|| {
            crate::exc::raise("ArgumentError", &format!("relationship target {} is not mapped", c.name()))
        }),
        Value::Function(_) => {
            let v = interp.call(arg, vec![], vec![])?;
            resolve_target(interp, parent, &v)
        }
        other => Err(crate::exc::raise(
            "ArgumentError",
            &format!("relationship '{}' expects a class or a mapper argument (received: {})", parent.name(), other.type_name()),
        )),
    }
}

fn resolve_secondary(interp: &mut Interpreter, parent: &Mapper, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => {
            if parent.meta.md.borrow().table(s).is_some() {
                Ok(s.to_string())
            } else {
                Err(crate::exc::raise(
                    "InvalidRequestError",
                    &format!(
                        "When initializing mapper Mapper[{}({})], expression '{s}' failed to locate a name ('{s}'). If this is a class name, consider adding this relationship() to the <class '{}.{}'> class after both dependent classes have been defined.",
                        parent.name(), parent.table, parent.class.module(), parent.name()
                    ),
                ))
            }
        }
        Value::Function(_) => {
            let t = interp.call(v, vec![], vec![])?;
            resolve_secondary(interp, parent, &t)
        }
        other => match cast::<crate::schema::TableObj>(other) {
            Some(t) => Ok(t.name.to_string()),
            None => Err(crate::util::not_supported(
                interp,
                &format!("relationship(secondary=<{}>)", other.type_name()),
            )),
        },
    }
}

/// Resolves the target, adds the backref's property, runs the join analysis.
pub fn configure(interp: &mut Interpreter, parent: &Rc<Mapper>, r: &Rc<RelProp>) -> PyResult<()> {
    if r.resolved().is_some() {
        return Ok(());
    }
    let Some(arg) = r.argument.clone() else {
        return Err(crate::util::not_supported(
            interp,
            "relationship() without a target",
        ));
    };
    let target = resolve_target(interp, parent, &arg)?;
    let secondary = match &r.secondary {
        Some(v) => Some(resolve_secondary(interp, parent, v)?),
        None => None,
    };
    let mut spec = RelationshipSpec {
        name: format!("{}.{}", parent.name(), r.key),
        parent_table: parent.table.to_string(),
        target_table: target.table.to_string(),
        secondary,
        ..RelationshipSpec::default()
    };
    for (k, v) in &r.deferred {
        let v = super::clsregistry::resolve(interp, parent, v)?;
        match k.as_str() {
            "order_by" => {
                let items = match &v {
                    Value::List(_) | Value::Tuple(_) => interp.collect_iter(&v)?,
                    other => vec![other.clone()],
                };
                let mut out = Vec::new();
                for it in items {
                    match crate::sql::elements::as_expr(&it) {
                        Some(e) => out.push(e),
                        None => {
                            return Err(crate::util::not_supported(
                                interp,
                                &format!("relationship(order_by=<{}>)", it.type_name()),
                            ))
                        }
                    }
                }
                *r.order_by.borrow_mut() = out;
            }
            "remote_side" => spec.remote_side = super::clsregistry::col_ids(interp, &v)?,
            "foreign_keys" => spec.foreign_keys = super::clsregistry::col_ids(interp, &v)?,
            "primaryjoin" => {
                let (pairs, extra) = super::clsregistry::join_parts(interp, &v, "primaryjoin")?;
                if !extra.is_empty() && !r.viewonly {
                    return Err(crate::util::not_supported(
                        interp,
                        "a primaryjoin with criteria beyond column equalities on a relationship that is not viewonly",
                    ));
                }
                spec.primaryjoin = Some(pairs);
                spec.primaryjoin_extra = extra;
            }
            "secondaryjoin" => {
                spec.secondaryjoin =
                    Some(super::clsregistry::eq_pairs(interp, &v, "secondaryjoin")?)
            }
            _ => {}
        }
    }
    let analysis = {
        let md = parent.meta.md.borrow();
        analyze(&md, &spec).map_err(orm_err)?
    };
    check_cascade(parent, &target, r, analysis.direction)?;
    let uselist = r
        .uselist
        .unwrap_or(analysis.direction != Direction::ManyToOne);
    if r.backref.is_none() {
        if let Some(bp) = r.reverse() {
            let exists = target.rels.borrow().iter().any(|x| x.key == bp);
            if !exists {
                let msg = if target.cols.iter().any(|c| c.key == bp) {
                    format!("back_populates on relationship '{}.{}' refers to attribute '{}.{bp}' that is not a relationship.  The back_populates parameter should refer to the name of a relationship on the target class.", parent.name(), r.key, target.name())
                } else {
                    format!("Mapper 'Mapper[{}({})]' has no property '{bp}'.  If this property was indicated from other mappers or configure events, ensure registry.configure() has been called.", target.name(), target.table)
                };
                return Err(crate::exc::raise("InvalidRequestError", &msg));
            }
        }
    }
    *r.resolved.borrow_mut() = Some(Rc::new(Resolved {
        target: target.clone(),
        analysis,
        uselist,
    }));
    if matches!(str_of(&r.lazy).as_deref(), Some("noload")) {
        let mut msg = String::from("The ``noload`` loader strategy is deprecated and will be removed in a future release.  This option produces incorrect results by returning ``None`` for related items. (deprecated since: 2.1)");
        if super::clsregistry::AUTO_CONFIGURE.with(|a| a.get()) {
            msg.push_str(" (This warning originated from the `configure_mappers()` process, which was invoked automatically in response to a user-initiated operation.)");
        }
        crate::exc::warn(interp, "SADeprecationWarning", &msg)?;
    }
    super::clsregistry::check_overlaps(interp, parent, r)?;
    if let Some((name, kw)) = &r.backref {
        let clash = target.rels.borrow().iter().any(|x| x.key == *name)
            || target.cols.iter().any(|c| c.key == *name);
        if clash {
            return Err(crate::exc::raise(
                "ArgumentError",
                &format!("Error creating backref '{name}' on relationship '{}.{}': property of that name exists on mapper 'Mapper[{}({})]'", parent.name(), r.key, target.name(), target.table),
            ));
        }
        let mut b = build(
            interp,
            name,
            Some(Value::Class(parent.class.clone())),
            kw.clone(),
        )?;
        b.back_populates = RefCell::new(Some(r.key.clone()));
        b.line = 0;
        if b.secondary.is_none() {
            b.secondary = r.secondary.clone();
        }
        *r.back_populates.borrow_mut() = Some(name.clone());
        let b = Rc::new(b);
        *b.parent.borrow_mut() = Some(target.clone());
        target.rels.borrow_mut().push(b.clone());
        super::decl_base::install_attr(&target, super::attributes::AttrKind::Rel(b.clone()), name);
        configure(interp, &target, &b)?;
    }
    Ok(())
}

/// `Class.attr.property` of a relationship.
pub struct RelPropertyObj(pub Rc<RelProp>);

/// `prop.direction` (an enum member with `.name`).
pub struct DirectionObj(pub Direction);

impl NativeObject for DirectionObj {
    fn class(&self) -> Rc<Class> {
        native_class("RelationshipDirection", "sqlalchemy.orm.interfaces", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _i: &mut Interpreter, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(Value::str(self.0.name())),
            _ => None,
        })
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!(
            "<RelationshipDirection.{}: {}>",
            self.0.name(),
            match self.0 {
                Direction::OneToMany => 1,
                Direction::ManyToOne => 2,
                Direction::ManyToMany => 3,
            }
        )))
    }
}

impl NativeObject for RelPropertyObj {
    fn class(&self) -> Rc<Class> {
        native_class("RelationshipProperty", "sqlalchemy.orm.relationships", &[])
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
        let r = &self.0;
        let res = r.resolved();
        Ok(match name {
            "key" => Some(Value::str(&r.key)),
            "direction" => res.map(|x| native(DirectionObj(x.analysis.direction))),
            "uselist" => res.map(|x| Value::Bool(x.uselist)),
            "lazy" => Some(r.lazy.clone()),
            "viewonly" => Some(Value::Bool(r.viewonly)),
            "back_populates" => Some(
                r.back_populates
                    .borrow()
                    .clone()
                    .map(|s| Value::str(&s))
                    .unwrap_or(Value::None),
            ),
            "cascade" => {
                let items: Vec<Value> = r.cascade.iter().map(|s| Value::str(s)).collect();
                Some(interp.new_set(items)?)
            }
            "collection_class" => res.map(|x| {
                if x.uselist {
                    Value::Class(relplay_py::object::class::types().list.clone())
                } else {
                    Value::None
                }
            }),
            "mapper" => res.map(|x| native(super::mapper::MapperObj(x.target.clone()))),
            _ => None,
        })
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let parent = self
            .0
            .parent
            .borrow()
            .as_ref()
            .map(|m| m.name().to_string())
            .unwrap_or_default();
        Ok(Some(format!("{parent}.{}", self.0.key)))
    }
}
