//! `sqlalchemy.ext.associationproxy`: `association_proxy(collection, attr,
//! creator=...)`, a view of one attribute of the objects in a collection.

use std::any::Any;
use std::rc::Rc;

use relplay_py::ast::CmpOp;
use relplay_py::builtins::builtin;
use relplay_py::object::class::{types, Class};
use relplay_py::object::dict::PyDict;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use crate::util::{kw_get, native, native_class, str_of, this};

pub struct ProxyObj {
    pub target: String,
    pub attr: String,
    pub creator: Option<Value>,
}

/// `obj.keywords`: the proxied list.
pub struct ProxyListObj {
    pub owner: Value,
    pub proxy: Rc<ProxyObj>,
}

impl ProxyListObj {
    fn links(&self, interp: &mut Interpreter) -> PyResult<(Value, Vec<Value>)> {
        let coll = interp.getattr(&self.owner, &self.proxy.target)?;
        let items = interp.collect_iter(&coll)?;
        Ok((coll, items))
    }
    fn values(&self, interp: &mut Interpreter) -> PyResult<Vec<Value>> {
        let (_, links) = self.links(interp)?;
        links
            .iter()
            .map(|l| interp.getattr(l, &self.proxy.attr))
            .collect()
    }
}

fn pl_append(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let p = this::<ProxyListObj>(&args, "_AssociationList")?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    let link = create_link(interp, p, v)?;
    let (coll, _) = p.links(interp)?;
    interp.call_method(&coll, "append", vec![link], vec![])?;
    Ok(Value::None)
}

/// `creator(value)`, or by default the link class called with the value.
fn create_link(interp: &mut Interpreter, p: &ProxyListObj, v: Value) -> PyResult<Value> {
    if let Some(c) = &p.proxy.creator {
        return interp.call(c, vec![v], vec![]);
    }
    match link_rel(&p.owner, &p.proxy.target) {
        Some(r) => interp.call(&Value::Class(r.target.class.clone()), vec![v], vec![]),
        None => Err(crate::util::not_supported(interp, "this association proxy")),
    }
}

/// The proxied relationship of `owner` (an instance or a class).
fn link_rel(owner: &Value, target: &str) -> Option<Rc<crate::orm::relationships::Resolved>> {
    crate::orm::mapper::of_value(owner)
        .and_then(|m| m.rel(target))
        .and_then(|r| r.resolved())
}

fn pl_extend(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let p = this::<ProxyListObj>(&args, "_AssociationList")?;
    let items = interp.collect_iter(&args.get(1).cloned().unwrap_or(Value::None))?;
    for v in items {
        let link = create_link(interp, p, v)?;
        let (coll, _) = p.links(interp)?;
        interp.call_method(&coll, "append", vec![link], vec![])?;
    }
    Ok(Value::None)
}

fn pl_remove(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let p = this::<ProxyListObj>(&args, "_AssociationList")?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    let (coll, links) = p.links(interp)?;
    for l in links {
        let x = interp.getattr(&l, &p.proxy.attr)?;
        if x.is(&v) || interp.eq(&x, &v)? {
            interp.call_method(&coll, "remove", vec![l], vec![])?;
            return Ok(Value::None);
        }
    }
    Err(relplay_py::PyErr::new(
        "ValueError",
        "list.remove(x): x not in list",
    ))
}

impl NativeObject for ProxyListObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "_AssociationList",
            "sqlalchemy.ext.associationproxy",
            &[
                ("append", pl_append),
                ("extend", pl_extend),
                ("remove", pl_remove),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn iter(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<Value>> {
        let v = self.values(interp)?;
        interp.iter(&Value::list(v)).map(Some)
    }
    fn len(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<usize>> {
        Ok(Some(self.values(interp)?.len()))
    }
    fn getitem(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        key: Value,
    ) -> PyResult<Option<Value>> {
        if let Value::Int(_) = key {
            // only the indexed link's attribute is read
            let (_, links) = self.links(interp)?;
            let link = interp.getitem(&Value::list(links), key)?;
            return interp.getattr(&link, &self.proxy.attr).map(Some);
        }
        let v = self.values(interp)?;
        interp.getitem(&Value::list(v), key).map(Some)
    }
    fn contains(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        item: &Value,
    ) -> PyResult<Option<bool>> {
        let v = self.values(interp)?;
        interp.contains(&Value::list(v), item).map(Some)
    }
    fn repr(&self, interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let v = self.values(interp)?;
        interp.repr(&Value::list(v)).map(Some)
    }
    fn richcompare(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        op: CmpOp,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        let v = self.values(interp)?;
        interp.richcompare(&Value::list(v), other, op).map(Some)
    }
}

impl NativeObject for ProxyObj {
    fn class(&self) -> Rc<Class> {
        native_class("AssociationProxy", "sqlalchemy.ext.associationproxy", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_descriptor(&self) -> bool {
        true
    }
    fn descr_get(
        &self,
        interp: &mut Interpreter,
        me: &Value,
        instance: &Value,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        let Some(p) = crate::util::cast::<ProxyObj>(me) else {
            return Ok(None);
        };
        let proxy = Rc::new(ProxyObj {
            target: p.target.clone(),
            attr: p.attr.clone(),
            creator: p.creator.clone(),
        });
        if instance.is_none() {
            // class level: comparisons go through the two relationships
            let target = self.target.clone();
            let attr = self.attr.clone();
            let owner = owner.clone();
            let _ = interp;
            return Ok(Some(native(ProxyClassObj {
                owner,
                target,
                attr,
            })));
        }
        // a proxy through a scalar relationship reads one value
        if link_rel(instance, &proxy.target).is_some_and(|r| !r.uselist) {
            let link = interp.getattr(instance, &proxy.target)?;
            if link.is_none() {
                return Ok(Some(Value::None));
            }
            return interp.getattr(&link, &proxy.attr).map(Some);
        }
        // the first access per instance reads the collection (SQLAlchemy
        // inspects its type) and caches the proxy in the instance's dict
        let cache_key = format!("_AssociationProxy_{}_{:x}", proxy.target, me.id());
        if crate::orm::state::dict_get(instance, &cache_key).is_none() {
            interp.getattr(instance, &proxy.target)?;
            crate::orm::state::dict_set(instance, &cache_key, Value::Bool(true));
        }
        Ok(Some(native(ProxyListObj {
            owner: instance.clone(),
            proxy,
        })))
    }
}

/// `Document.keywords` at class level.
pub struct ProxyClassObj {
    pub owner: Value,
    pub target: String,
    pub attr: String,
}

impl NativeObject for ProxyClassObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "ColumnAssociationProxyInstance",
            "sqlalchemy.ext.associationproxy",
            &[],
        )
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
        if name != "any" && name != "has" && name != "contains" {
            return Ok(None);
        }
        let owner = self.owner.clone();
        let target = self.target.clone();
        let attr = self.attr.clone();
        let name = name.to_string();
        Ok(Some(builtin("any", move |i, a: Vec<Value>, k| {
            // collection.any(link_attr.has(crit)) / .any(crit) for scalars
            let coll = i.getattr(&owner, &target)?;
            let coll_any = i.getattr(&coll, "any")?;
            let link_cls = {
                let m = crate::orm::mapper::of_value(&owner);
                let rel = m.and_then(|m| m.rel(&target)).and_then(|r| r.resolved());
                match rel {
                    Some(r) => Value::Class(r.target.class.clone()),
                    None => return Err(crate::util::not_supported(i, "this association proxy")),
                }
            };
            let link_attr = i.getattr(&link_cls, &attr)?;
            let attr_is_rel =
                crate::orm::mapper::of_value(&link_cls).is_some_and(|m| m.rel(&attr).is_some());
            if !attr_is_rel {
                // a column proxy: the criterion (or the column's contains)
                // goes straight into the collection's EXISTS
                let crit = if name == "contains" {
                    let f = i.getattr(&link_attr, "contains")?;
                    i.call(&f, a, k)?
                } else {
                    a.into_iter().next().unwrap_or(Value::None)
                };
                return i.call(&coll_any, vec![crit], vec![]);
            }
            if name == "contains" {
                return Err(crate::util::not_supported(
                    i,
                    "contains() on an association proxy of objects",
                ));
            }
            let inner = i.getattr(&link_attr, if name == "any" { "has" } else { "any" });
            let inner = match inner {
                Ok(f) => i.call(&f, a.clone(), k.clone())?,
                Err(_) => {
                    return Err(crate::util::not_supported(
                        i,
                        "this association proxy comparison",
                    ))
                }
            };
            i.call(&coll_any, vec![inner], vec![])
        })))
    }
}

pub fn association_proxy(
    interp: &mut Interpreter,
    args: Vec<Value>,
    kw: Kwargs,
) -> PyResult<Value> {
    let target = args.first().and_then(str_of).map(|s| s.to_string());
    let attr = args.get(1).and_then(str_of).map(|s| s.to_string());
    let (Some(target), Some(attr)) = (target, attr) else {
        return Err(crate::util::type_error(
            "association_proxy() requires target_collection and attr names",
        ));
    };
    for (k, _) in &kw {
        if &**k != "creator" {
            return Err(crate::util::not_supported(
                interp,
                &format!("association_proxy({k}=...)"),
            ));
        }
    }
    Ok(native(ProxyObj {
        target,
        attr,
        creator: kw_get(&kw, "creator"),
    }))
}

pub fn module() -> PyDict {
    let mut d = PyDict::new();
    d.set_str(
        "association_proxy",
        builtin("association_proxy", association_proxy),
    );
    // `AssociationProxy[...]` in annotations
    let mut cd = PyDict::new();
    cd.set_str("__module__", Value::str("sqlalchemy.ext.associationproxy"));
    cd.set_str(
        "__class_getitem__",
        Value::ClassMethod(Rc::new(builtin("__class_getitem__", |_i, a, _k| {
            Ok(a.first().cloned().unwrap_or(Value::None))
        }))),
    );
    if let Ok(c) = Class::new("AssociationProxy", vec![types().object.clone()], cd, false) {
        d.set_str("AssociationProxy", Value::Class(c));
    }
    d
}

/// `sqlalchemy.ext.hybrid.hybrid_property`: the getter runs on the instance
/// (a Python value) or on the class (a SQL expression), unless an
/// `.expression` override is given.
#[derive(Clone)]
pub struct HybridObj {
    pub fget: Value,
    pub fset: Option<Value>,
    pub expr: Option<Value>,
    pub method: bool,
}

fn h_setter(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut h = this::<HybridObj>(&args, "hybrid_property")?.clone();
    h.fset = args.get(1).cloned();
    Ok(native(h))
}

fn h_expression(_i: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let mut h = this::<HybridObj>(&args, "hybrid_property")?.clone();
    h.expr = args.get(1).cloned();
    Ok(native(h))
}

impl NativeObject for HybridObj {
    fn class(&self) -> Rc<Class> {
        let name = if self.method {
            "hybrid_method"
        } else {
            "hybrid_property"
        };
        native_class(
            name,
            "sqlalchemy.ext.hybrid",
            &[
                ("setter", h_setter),
                ("expression", h_expression),
                ("inplace", |_i, a, _k| {
                    Ok(a.first().cloned().unwrap_or(Value::None))
                }),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_descriptor(&self) -> bool {
        true
    }
    fn is_data_descriptor(&self) -> bool {
        !self.method
    }
    fn descr_get(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        instance: &Value,
        owner: &Value,
    ) -> PyResult<Option<Value>> {
        let (target, f) = if instance.is_none() {
            (
                owner.clone(),
                self.expr.clone().unwrap_or_else(|| self.fget.clone()),
            )
        } else {
            (instance.clone(), self.fget.clone())
        };
        if self.method {
            // bound like a method, to the instance or to the class
            let f2 = f.clone();
            return Ok(Some(builtin("hybrid_method", move |i, mut a, k| {
                a.insert(0, target.clone());
                i.call(&f2, a, k)
            })));
        }
        interp.call(&f, vec![target], vec![]).map(Some)
    }
    fn descr_set(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        instance: &Value,
        v: Value,
    ) -> PyResult<bool> {
        match &self.fset {
            Some(f) => {
                interp.call(f, vec![instance.clone(), v], vec![])?;
                Ok(true)
            }
            None => Err(relplay_py::PyErr::new(
                "AttributeError",
                "can't set attribute",
            )),
        }
    }
}

pub fn hybrid_module() -> PyDict {
    let mut d = PyDict::new();
    d.set_str(
        "hybrid_property",
        builtin("hybrid_property", |_i, a, _k| {
            let f = a.into_iter().next().unwrap_or(Value::None);
            Ok(native(HybridObj {
                fget: f,
                fset: None,
                expr: None,
                method: false,
            }))
        }),
    );
    d.set_str(
        "hybrid_method",
        builtin("hybrid_method", |_i, a, _k| {
            let f = a.into_iter().next().unwrap_or(Value::None);
            Ok(native(HybridObj {
                fget: f,
                fset: None,
                expr: None,
                method: true,
            }))
        }),
    );
    d
}
