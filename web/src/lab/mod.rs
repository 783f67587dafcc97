//! The relationship lab: the model panel (edits as minimal, undoable text
//! edits), the side-by-side compare view, the lints shown before running,
//! and the seeds' lessons as ready comparisons.
//!
//! `model.rs` the model panel, `compare.rs` the compare view, `lints.rs`
//! the lint list, `lessons.rs` the ready comparisons. State is one `Lab`
//! of Copy signals, reachable from the page contract through `lab()`.

mod compare;
mod lessons;
mod lints;
mod model;

use std::cell::Cell;

use leptos::prelude::*;
use relplay_lab::edit::{self, Action};

use crate::editor;

pub use compare::Comparison;

/// The lab's state.
#[derive(Clone, Copy)]
pub struct Lab {
    /// The editor's text, updated on every change.
    pub code: RwSignal<String>,
    /// The last edit's refusal, shown in the model panel.
    pub error: RwSignal<Option<String>>,
    /// The comparison shown in the compare view.
    pub comparison: RwSignal<Option<Comparison>>,
}

thread_local! {
    static LAB: Cell<Option<Lab>> = const { Cell::new(None) };
}

pub fn lab() -> Option<Lab> {
    LAB.with(Cell::get)
}

/// Called by the page after every edit of the code.
pub fn code_changed(text: &str) {
    if let Some(l) = lab() {
        l.code.set(text.to_string());
    }
}

impl Lab {
    /// Applies an edit to the editor's code (one undoable change), or shows why not.
    pub fn perform(self, action: &Action) {
        let code = editor::get_code();
        match edit::apply(&code, action) {
            Ok(new) => {
                self.error.set(None);
                editor::apply_text(&new);
                self.code.set(new);
            }
            Err(e) => self.error.set(Some(e.to_string())),
        }
    }

    /// Runs the current code's variants of `rel` and shows them.
    pub fn compare(self, rel: &str, kind: &str) -> Comparison {
        let code = editor::get_code();
        let c = Comparison::run(&code, rel, kind);
        self.comparison.set(Some(c.clone()));
        c
    }
}

/// Creates the lab's state (cheap), so `compare` and code changes reach it
/// before its panel is mounted: the page mounts the panel only after the
/// first result and the editor (ARCHITECTURE.md, "Size and cold start").
pub fn init() -> Lab {
    let l = Lab {
        code: RwSignal::new(editor::get_code()),
        error: RwSignal::new(None),
        comparison: RwSignal::new(None),
    };
    LAB.with(|c| c.set(Some(l)));
    l
}

/// The lab's contents; the page puts them in its `<section class="lab">`
/// (there from the first paint, so the layout does not move when they come).
#[component]
pub fn LabPanel(lab: Lab) -> impl IntoView {
    let l = lab;
    view! {
        <lints::LintList lab=l />
        <div class="lab-columns">
            <model::ModelEditor lab=l />
            <div class="lab-side">
                <lessons::Lessons lab=l />
                <compare::CompareView lab=l />
            </div>
        </div>
    }
}
