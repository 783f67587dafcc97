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
}

thread_local! {
    static REC: RefCell<Option<Recorder>> = const { RefCell::new(None) };
}

/// Starts recording (forgetting any previous recording).
pub fn start() {
    REC.with(|r| *r.borrow_mut() = Some(Recorder::default()));
}

/// Stops recording and returns what was recorded.
pub fn finish() -> Option<Recorder> {
    REC.with(|r| r.borrow_mut().take())
}

pub fn active() -> bool {
    REC.with(|r| r.borrow().is_some())
}

/// Runs `f` on the recorder when recording.
pub fn with<R>(f: impl FnOnce(&mut Recorder) -> R) -> Option<R> {
    REC.with(|r| r.borrow_mut().as_mut().map(f))
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

/// How a value shows in a change or snapshot: an object id for a tracked
/// instance, `repr()` for plain data. No Python code runs (a user's
/// `__repr__` could print or fail), so other objects show as `<Class object>`.
pub fn show(rec: &Recorder, interp: &mut Interpreter, v: &Value) -> String {
    if let Some(l) = rec.label_of(v) {
        return l.to_string();
    }
    match v {
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Bytes(_) => interp
            .repr(v)
            .unwrap_or_else(|_| format!("<{}>", v.type_name())),
        Value::Instance(i) => {
            let c = i.class.borrow();
            if super::mapper::by_class(&c).is_some() {
                format!("{}#?", c.name())
            } else {
                format!("<{} object>", c.name())
            }
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
        let mut b = r.borrow_mut();
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
    let s = st.s.borrow();
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
