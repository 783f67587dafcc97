//! The seeds' lessons as ready comparisons: each loads a script and runs
//! the comparison that shows its point.

use leptos::prelude::*;

use super::Lab;
use crate::{editor, examples};

struct Lesson {
    id: &'static str,
    title: &'static str,
    /// A gallery example id, else the script itself.
    example: Option<&'static str>,
    code: &'static str,
    rel: &'static str,
    kind: &'static str,
}

const LESSONS: &[Lesson] = &[
    Lesson {
        id: "no-back-populates",
        title: "Without back_populates you get []",
        example: Some("sync_back_populates"),
        code: "",
        rel: "Parent.children",
        kind: "sync",
    },
    Lesson {
        id: "backref-vs-back-populates",
        title: "backref vs back_populates: the same sync, declared differently",
        example: Some("sync_backref"),
        code: "",
        rel: "Parent.children",
        kind: "sync",
    },
    Lesson {
        id: "lazy-strategies",
        title: "lazy='select' vs 'joined' vs 'selectin' vs 'subquery' vs 'dynamic': query counts",
        example: None,
        code: include_str!("../../../tests/lab/lessons/lazy_strategies.py"),
        rel: "Author.books",
        kind: "lazy",
    },
];

#[component]
pub fn Lessons(lab: Lab) -> impl IntoView {
    view! {
        <div class="lab-lessons" data-testid="lessons">
            <span class="lab-title">"Lessons"</span>
            {LESSONS
                .iter()
                .map(|l| {
                    view! {
                        <button class="lesson" data-testid="lesson" data-lesson=l.id on:click=move |_| {
                            let code = l
                                .example
                                .and_then(examples::find)
                                .map_or(l.code, |e| e.code);
                            editor::set_code(code);
                            lab.code.set(code.to_string());
                            lab.compare(l.rel, l.kind);
                        }>{l.title}</button>
                    }
                })
                .collect_view()}
        </div>
    }
}
