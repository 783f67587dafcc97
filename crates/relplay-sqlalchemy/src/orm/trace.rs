//! The opt-in recorder behind the facade's step trace: which mapped
//! instances exist (in creation order, by weak reference so tracing never
//! keeps alive what the script dropped) and the attribute changes the
//! attributes/backref machinery made. Off unless [`start`] was called; every
//! hook then costs one thread-local check.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use relplay_py::value::Instance;
use relplay_py::{Interpreter, Value};

/// At most this many instances get an id; later ones are untracked and the
/// trace is marked truncated (a loop creating objects cannot blow memory).
pub const MAX_OBJECTS: usize = 300;
/// At most this many changes are kept between two steps.
pub const MAX_CHANGES_PER_STEP: usize = 2_000;

pub struct Tracked {
    /// `"Parent#1"`.
    pub label: Rc<str>,
    pub class: Rc<str>,
    pub obj: Weak<Instance>,
    /// The state last reported, to report transitions once.
    pub state: &'static str,
}

/// One attribute change, as [`crate`]'s facade reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawChange {
    pub object: Rc<str>,
    pub attr: String,
    pub op: &'static str,
    pub value: Vec<String>,
    pub via: Option<String>,
}

#[derive(Default)]
pub struct Recorder {
    pub objects: Vec<Tracked>,
    by_id: HashMap<u64, usize>,
    per_class: HashMap<Rc<str>, usize>,
    pub changes: Vec<RawChange>,
    /// Set when an object or change cap was reached.
    pub truncated: bool,
    /// Session operations in progress, innermost last (see [`phase`]).
    phases: Vec<&'static str>,
    /// `repr()` of immutable library values (datetime, Decimal, enum
    /// members) by object id: computed once, as it runs Python code.
    reprs: RefCell<HashMap<u64, String>>,
}

thread_local! {
    static REC: RefCell<Option<Recorder>> = const { RefCell::new(None) };
}

// The recorder is borrowed with `try_`: while it is busy (a library repr
// running Python code mid-snapshot), nested hooks record nothing rather
// than panic.

/// Starts recording (forgetting any previous recording).
pub fn start() {
    REC.with(|r| {
        if let Ok(mut b) = r.try_borrow_mut() {
            *b = Some(Recorder::default());
        }
    });
}

/// Stops recording and returns what was recorded.
pub fn finish() -> Option<Recorder> {
    REC.with(|r| r.try_borrow_mut().ok().and_then(|mut b| b.take()))
}

/// Recording, and free to record now.
pub fn active() -> bool {
    REC.with(|r| r.try_borrow().is_ok_and(|b| b.is_some()))
}

/// Runs `f` on the recorder when recording.
pub fn with<R>(f: impl FnOnce(&mut Recorder) -> R) -> Option<R> {
    REC.with(|r| r.try_borrow_mut().ok()?.as_mut().map(f))
}

/// A new mapped instance got its state: give it the next `Class#n`.
pub fn track(obj: &Value) {
    let Value::Instance(inst) = obj else { return };
    with(|rec| {
        if rec.by_id.contains_key(&inst.id) {
            return;
        }
        if rec.objects.len() >= MAX_OBJECTS {
            rec.truncated = true;
            return;
        }
        let class = inst.class.borrow().name();
        let n = rec.per_class.entry(class.clone()).or_insert(0);
        *n += 1;
        let label: Rc<str> = Rc::from(format!("{class}#{n}"));
        rec.by_id.insert(inst.id, rec.objects.len());
        rec.objects.push(Tracked {
            label,
            class,
            obj: Rc::downgrade(inst),
            state: "transient",
        });
    });
}

impl Recorder {
    pub fn label_of(&self, obj: &Value) -> Option<Rc<str>> {
        match obj {
            Value::Instance(i) => self
                .by_id
                .get(&i.id)
                .map(|&n| self.objects[n].label.clone()),
            _ => None,
        }
    }
}

/// Longer reprs are cut (a long string shows its first half of this).
const MAX_SHOWN: usize = 200;

/// Modules whose values are immutable and whose `__repr__` is side-effect
/// free library code.
const LIBRARY_REPRS: &[&str] = &["datetime", "decimal", "uuid", "fractions"];

/// `<Color.RED: 1>` for an enum member, built here: `Enum.__repr__` would
/// call `repr()` on a value that may be a user object.
fn enum_repr(
    rec: &Recorder,
    interp: &mut Interpreter,
    c: &Rc<relplay_py::object::class::Class>,
    i: &Instance,
) -> Option<String> {
    if !c.mro().iter().any(|k| &*k.module() == "enum") {
        return None;
    }
    let d = i.dict.borrow();
    let name = d.get_str("_name_")?;
    let value = d.get_str("_value_")?;
    drop(d);
    let shown = match &value {
        Value::Instance(_) => format!("<{} object>", value.type_name()),
        v => show(rec, interp, v),
    };
    Some(format!(
        "<{}.{}: {shown}>",
        c.name(),
        crate::util::str_of(&name)?
    ))
}

/// How a value shows in a change or snapshot: an object id for a tracked
/// instance, `repr()` for plain data and for library values (datetime,
/// Decimal, enum members; once per object). A user's `__repr__` never runs
/// (it could print or fail), so other objects show as `<Class object>`.
pub fn show(rec: &Recorder, interp: &mut Interpreter, v: &Value) -> String {
    if let Some(l) = rec.label_of(v) {
        return l.to_string();
    }
    match v {
        // long text shows its start: a snapshot per step must stay small
        Value::Str(s) if s.len() > MAX_SHOWN => {
            let head: String = s.chars().take(MAX_SHOWN / 2).collect();
            let r = interp.repr(&Value::str(&head)).unwrap_or_default();
            format!(
                "{}…{}",
                &r[..r.len().saturating_sub(1)],
                &r[r.len().saturating_sub(1)..]
            )
        }
        Value::Bytes(b) if b.len() > MAX_SHOWN => {
            let head = Value::Bytes(b[..MAX_SHOWN / 2].into());
            let r = interp.repr(&head).unwrap_or_default();
            format!(
                "{}…{}",
                &r[..r.len().saturating_sub(1)],
                &r[r.len().saturating_sub(1)..]
            )
        }
        Value::BigInt(_) => {
            let r = interp.repr(v).unwrap_or_else(|_| "<int>".into());
            if r.len() > MAX_SHOWN {
                format!("{}…", &r[..MAX_SHOWN / 2])
            } else {
                r
            }
        }
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Bytes(_) => interp
            .repr(v)
            .unwrap_or_else(|_| format!("<{}>", v.type_name())),
        Value::Instance(i) => {
            let c = i.class.borrow().clone();
            if super::mapper::by_class(&c).is_some() {
                return format!("{}#?", c.name());
            }
            if let Some(s) = rec.reprs.borrow().get(&i.id) {
                return s.clone();
            }
            if let Some(s) = enum_repr(rec, interp, &c, i) {
                return s;
            }
            let repr_module = c
                .mro()
                .iter()
                .find(|k| k.dict.borrow().get_str("__repr__").is_some())
                .map(|k| k.module());
            if !repr_module.is_some_and(|m| LIBRARY_REPRS.contains(&&*m)) {
                return format!("<{} object>", c.name());
            }
            let s = interp
                .repr(v)
                .unwrap_or_else(|_| format!("<{} object>", c.name()));
            rec.reprs.borrow_mut().insert(i.id, s.clone());
            s
        }
        other => format!("<{} object>", other.type_name()),
    }
}

/// Records a change on `obj.attr` when recording; `value` objects show as
/// ids or reprs.
pub fn change(
    interp: &mut Interpreter,
    obj: &Value,
    attr: &str,
    op: &'static str,
    value: &[Value],
    via: Option<String>,
) {
    if !active() {
        return;
    }
    REC.with(|r| {
        let Ok(mut b) = r.try_borrow_mut() else {
            return;
        };
        let Some(rec) = b.as_mut() else { return };
        let Some(object) = rec.label_of(obj) else {
            return;
        };
        if rec.changes.len() >= MAX_CHANGES_PER_STEP {
            rec.truncated = true;
            return;
        }
        let value = value.iter().map(|v| show(rec, interp, v)).collect();
        rec.changes.push(RawChange {
            object,
            attr: attr.to_string(),
            op,
            value,
            via,
        });
    });
}

/// Runs the lazy load of `class.key` under the cause `"lazy load
/// class.key"`, unless a loader strategy already named this very load
/// (an eager strategy that loads through the attribute, e.g. `"immediate
/// load class.key"` around each object's access). Returns `f`'s result and
/// the load's `via` (`"lazy load"` or the strategy's cause).
pub fn lazy_loading<R>(
    interp: &mut Interpreter,
    class: &str,
    key: &str,
    f: impl FnOnce(&mut Interpreter) -> R,
) -> (R, String) {
    let target = format!("{class}.{key}");
    if let Some(outer) = interp.cause() {
        if outer
            .strip_suffix(target.as_str())
            .is_some_and(|k| k.ends_with(" load "))
        {
            let outer = outer.to_string();
            return (f(interp), outer);
        }
    }
    (
        caused(interp, format!("lazy load {target}"), f),
        "lazy load".into(),
    )
}

/// Runs `f` with `cause` marking the SQL it emits (see `Interpreter::push_cause`).
pub fn caused<R>(
    interp: &mut Interpreter,
    cause: impl Into<Rc<str>>,
    f: impl FnOnce(&mut Interpreter) -> R,
) -> R {
    interp.push_cause(cause.into());
    let r = f(interp);
    interp.pop_cause();
    r
}

/// The state name `inspect(obj)`'s flags give, read without side effects.
pub fn state_name(obj: &Value) -> &'static str {
    let Some(st) = super::state::dict_get(obj, "_sa_instance_state") else {
        return "transient";
    };
    let Some(st) = crate::util::cast::<super::state::StateObj>(&st) else {
        return "transient";
    };
    let Ok(s) = st.s.try_borrow() else {
        return "transient";
    };
    let attached = s.session.and_then(super::session::by_id).is_some();
    match (s.key.is_some(), attached) {
        (false, false) => "transient",
        (false, true) => "pending",
        (true, true) if s.deleted => "deleted",
        (true, true) => "persistent",
        (true, false) => "detached",
    }
}

impl Recorder {
    /// Reports each tracked object whose state changed since last reported,
    /// as a `"state"` change `via` the given operation.
    pub fn settle_states(&mut self, via: Option<&str>) {
        for t in &mut self.objects {
            let Some(inst) = t.obj.upgrade() else {
                continue;
            };
            let now = state_name(&Value::Instance(inst));
            if now == t.state {
                continue;
            }
            t.state = now;
            if self.changes.len() >= MAX_CHANGES_PER_STEP {
                self.truncated = true;
                continue;
            }
            self.changes.push(RawChange {
                object: t.label.clone(),
                attr: String::new(),
                op: "state",
                value: vec![now.to_string()],
                via: via.map(str::to_string),
            });
        }
    }

    /// The innermost session operation in progress.
    pub fn phase(&self) -> Option<&'static str> {
        self.phases.last().copied()
    }
}

/// A session operation (`"flush"`, `"commit"`, `"close"`, ...) in
/// progress: state transitions seen when it ends are reported `via` it.
/// A flush inside an autoflush keeps the name `"autoflush"`.
pub struct Phase(bool);

pub fn phase(name: &'static str) -> Phase {
    Phase(
        with(|rec| {
            if name == "flush" && rec.phase() == Some("autoflush") {
                return false;
            }
            rec.phases.push(name);
            true
        })
        .unwrap_or(false),
    )
}

impl Drop for Phase {
    fn drop(&mut self) {
        if !self.0 {
            return;
        }
        with(|rec| {
            let name = rec.phases.pop();
            rec.settle_states(name);
        });
    }
}

/// The `via` of the current session operation, for changes it makes.
pub fn current_phase() -> Option<String> {
    with(|rec| rec.phase().map(str::to_string)).flatten()
}

/// `"backref of Child.parent"` / `"back_populates of Child.parent"`: why
/// `rev` (the other side) changed when its pair was set directly.
pub fn via_pair(rev: &super::relationships::RelProp) -> Option<String> {
    let res = rev.resolved()?;
    let origin_key = rev.reverse()?;
    let origin = res.target.rel(&origin_key)?;
    let kind = if rev.backref.is_some() || origin.backref.is_some() {
        "backref"
    } else {
        "back_populates"
    };
    Some(format!("{kind} of {}.{origin_key}", res.target.name()))
}

/// Column values of the tracked objects, by object: `None` when not recording.
pub type ColumnValues = Option<Vec<(usize, Vec<(String, Option<Value>)>)>>;

/// The column values of every live tracked object (before a flush).
pub fn column_values() -> ColumnValues {
    with(|rec| {
        let mut out = Vec::new();
        for (n, t) in rec.objects.iter().enumerate() {
            let Some(inst) = t.obj.upgrade() else {
                continue;
            };
            let obj = Value::Instance(inst);
            let Some(m) = super::mapper::of_value(&obj) else {
                continue;
            };
            let cols = m
                .cols
                .iter()
                .map(|c| (c.key.clone(), super::state::dict_get(&obj, &c.key)))
                .collect();
            out.push((n, cols));
        }
        out
    })
}

fn same(a: &Option<Value>, b: &Option<Value>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => match (a, b) {
            (Value::None, Value::None) => true,
            (Value::Bool(x), Value::Bool(y)) => x == y,
            (Value::Int(x), Value::Int(y)) => x == y,
            (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
            (Value::Str(x), Value::Str(y)) => x == y,
            _ => a.is(b),
        },
        _ => false,
    }
}

/// Reports the columns that changed since `before` as `"set"` changes via
/// the current operation (values that left `__dict__` are expiry, not sets).
pub fn report_columns(interp: &mut Interpreter, before: ColumnValues) {
    let Some(before) = before else { return };
    let via = current_phase();
    for (n, cols) in before {
        let obj = with(|rec| rec.objects.get(n).and_then(|t| t.obj.upgrade())).flatten();
        let Some(inst) = obj else { continue };
        let obj = Value::Instance(inst);
        for (key, old) in cols {
            let now = super::state::dict_get(&obj, &key);
            if now.is_some() && !same(&old, &now) {
                let v = now.unwrap_or(Value::None);
                change(
                    interp,
                    &obj,
                    &key,
                    "set",
                    std::slice::from_ref(&v),
                    via.clone(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strategy_that_names_the_load_keeps_its_name() {
        let mut interp = Interpreter::new(relplay_py::Config::default());
        let seen = |i: &mut Interpreter| i.cause().map(str::to_string);
        let (c, via) = lazy_loading(&mut interp, "P", "kids", seen);
        assert_eq!(
            (c.as_deref(), via.as_str()),
            (Some("lazy load P.kids"), "lazy load")
        );
        interp.push_cause(Rc::from("immediate load P.kids"));
        let (c, via) = lazy_loading(&mut interp, "P", "kids", seen);
        assert_eq!(c.as_deref(), Some("immediate load P.kids"));
        assert_eq!(via, "immediate load P.kids");
        // a load of another attribute inside it is its own lazy load
        let (c, _) = lazy_loading(&mut interp, "C", "parent", seen);
        assert_eq!(c.as_deref(), Some("lazy load C.parent"));
        interp.pop_cause();
    }

    #[test]
    fn hooks_inside_a_busy_recorder_record_nothing_and_never_panic() {
        let mut interp = Interpreter::new(relplay_py::Config::default());
        start();
        let nested = with(|_| {
            // what a library repr calling back into the ORM would reach
            let obj = Value::None;
            change(&mut interp, &obj, "x", "set", &[], None);
            let _p = phase("flush");
            (active(), with(|_| ()).is_some(), finish().is_some())
        });
        assert_eq!(nested, Some((false, false, false)));
        assert!(finish().is_some());
        assert!(!active());
    }
}
