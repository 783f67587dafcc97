//! Builds the step trace while a script runs: the interpreter's line hook
//! opens a step at each main-script line and closes the previous one with a
//! snapshot of every tracked mapped instance, read straight from instance
//! `__dict__`s and states, so tracing loads nothing and changes nothing.
//!
//! Caps (then `Trace::truncated`): [`MAX_STEPS`] steps, at most
//! `relplay_sqlalchemy::orm::trace::MAX_OBJECTS` objects, and
//! [`MAX_SNAPSHOTS`] object snapshots in all (a long loop over many objects
//! keeps its first steps rather than exhausting memory).

use std::cell::RefCell;
use std::rc::Rc;

use relplay_py::{Interpreter, LineHook, Value};
use relplay_sqlalchemy::orm::trace::{self as rec, Recorder};
use relplay_sqlalchemy::orm::{collections, dynamic, mapper, state};

use crate::trace::{Change, ObjectSnapshot, RelValue, Step, Trace};

pub const MAX_STEPS: usize = 2_000;
pub const MAX_SNAPSHOTS: usize = 50_000;

#[derive(Default)]
pub struct Build {
    pub steps: Vec<Step>,
    /// The step being executed: its line, first event index, and the
    /// length of the event before it (a print on the same line extends it).
    open: Option<(u32, usize, usize)>,
    snapshots: usize,
    pub truncated: bool,
}

/// The line hook: shares the build with [`crate::run_traced`].
pub struct Hook(pub Rc<RefCell<Build>>);

impl LineHook for Hook {
    fn on_line(&mut self, _line: u32, _depth: usize) {}
    fn on_line_in(&mut self, interp: &mut Interpreter, line: u32, _depth: usize) {
        if !interp.in_main_script() {
            return;
        }
        let mut b = self.0.borrow_mut();
        b.close(interp);
        if b.truncated {
            return;
        }
        let events = &interp.output().events;
        let last_len = events.last().map_or(0, |e| e.text.len());
        b.open = Some((line, events.len(), last_len));
    }
}

impl Build {
    /// Ends the open step: its events, changes and the objects after it.
    pub fn close(&mut self, interp: &mut Interpreter) {
        let Some((line, first, last_len)) = self.open.take() else {
            return;
        };
        let recorded = rec::with(|r| {
            r.settle_states(None);
            let changes = std::mem::take(&mut r.changes);
            let objects = snapshot_all(r, interp);
            (objects, changes, r.truncated)
        });
        let Some((objects, changes, rec_truncated)) = recorded else {
            return;
        };
        let all = &interp.output().events;
        // a loop on one line merges its prints into one event: it belongs
        // to every step that extended it
        let grown = first
            .checked_sub(1)
            .filter(|&i| all.get(i).is_some_and(|e| e.text.len() > last_len));
        let events = grown.into_iter().chain(first..all.len()).collect();
        self.snapshots += objects.len();
        self.steps.push(Step {
            line,
            objects,
            changes: changes
                .into_iter()
                .map(|c| Change {
                    object: c.object.to_string(),
                    attr: c.attr,
                    op: c.op.to_string(),
                    value: c.value,
                    via: c.via,
                })
                .collect(),
            events,
        });
        if rec_truncated || self.steps.len() >= MAX_STEPS || self.snapshots >= MAX_SNAPSHOTS {
            self.truncated = true;
            // Stop recording: nothing more will be reported.
            rec::finish();
        }
    }
}

/// Closes the last step and assembles the trace after the run.
pub fn finish(interp: &mut Interpreter, build: &Rc<RefCell<Build>>) -> Trace {
    let mut b = build.borrow_mut();
    b.close(interp);
    let truncated = b.truncated || rec::finish().is_some_and(|r| r.truncated);
    Trace {
        model: Default::default(),
        steps: std::mem::take(&mut b.steps),
        truncated,
    }
}

fn snapshot_all(r: &Recorder, interp: &mut Interpreter) -> Vec<ObjectSnapshot> {
    let mut out = Vec::new();
    for t in &r.objects {
        let Some(inst) = t.obj.upgrade() else {
            continue;
        };
        let obj = Value::Instance(inst);
        out.push(snapshot(r, interp, &t.label, &t.class, &obj));
    }
    out
}

fn snapshot(
    r: &Recorder,
    interp: &mut Interpreter,
    label: &str,
    class: &str,
    obj: &Value,
) -> ObjectSnapshot {
    let state = rec::state_name(obj);
    let has_key = matches!(state, "persistent" | "deleted" | "detached");
    let mut columns = Vec::new();
    let mut relationships = Vec::new();
    if let Some(m) = mapper::of_value(obj) {
        for c in &m.cols {
            if let Some(v) = state::dict_get(obj, &c.key) {
                columns.push((c.key.clone(), rec::show(r, interp, &v)));
            }
        }
        for rp in m.rels.borrow().iter() {
            let uselist = rp
                .resolved()
                .map(|x| x.uselist)
                .unwrap_or(rp.uselist.unwrap_or(true));
            let (loaded, value) = match state::dict_get(obj, &rp.key) {
                Some(v) => (
                    true,
                    collections::items_of(&v)
                        .iter()
                        .filter(|x| !x.is_none())
                        .map(|x| rec::show(r, interp, x))
                        .collect(),
                ),
                // Dynamic and write-only attributes are queries, never loaded.
                None => (!has_key && !dynamic::is_dynamic(rp), Vec::new()),
            };
            relationships.push(RelValue {
                attr: rp.key.clone(),
                loaded,
                value,
                collection: uselist,
            });
        }
    }
    ObjectSnapshot {
        id: label.to_string(),
        class: class.to_string(),
        state: state.to_string(),
        columns,
        relationships,
    }
}
