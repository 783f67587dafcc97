//! The Objects pane: a timeline of the executed lines with a stepper
//! (buttons, arrow keys, Home/End), the step's changes in words, and the
//! instance cards with what this step changed highlighted. The editor marks
//! the current step's line.

use std::sync::Arc;

use leptos::prelude::*;
use relplay::trace::Trace;
use wasm_bindgen::{JsCast, JsValue};

use super::{cards, change_text, Card, RelRow};
use crate::editor;

/// Timeline chips drawn around the current step (a loop can run thousands of lines).
const CHIP_WINDOW: usize = 40;

fn scroll_current_chip_into_view() {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".obj-chip.current").ok().flatten());
    let Some(el) = el else { return };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"block".into(), &"nearest".into());
    let _ = js_sys::Reflect::set(&opts, &"inline".into(), &"center".into());
    if let Ok(f) = js_sys::Reflect::get(&el, &"scrollIntoView".into()) {
        if let Ok(f) = f.dyn_into::<js_sys::Function>() {
            let _ = f.call1(&el, &JsValue::from(opts));
        }
    }
}

/// The pane for one run: `trace` and the `code` that ran.
#[component]
pub fn ObjectsPane(trace: Option<Arc<Trace>>, code: String) -> impl IntoView {
    let Some(trace) = trace else {
        return view! {
            <div class="objects" data-testid="objects">
                <p class="hint">"Run the script: each line it executes becomes a step here, with every object on both sides of its relationships."</p>
            </div>
        }
        .into_any();
    };
    if trace.steps.is_empty() {
        return view! {
            <div class="objects" data-testid="objects">
                <p class="hint">"No script line ran."</p>
            </div>
        }
        .into_any();
    }
    let n = trace.steps.len();
    // Open where the first instance appears (imports and class bodies come before).
    let first = trace
        .steps
        .iter()
        .position(|s| !s.objects.is_empty())
        .unwrap_or(0);
    let step = RwSignal::new(first);
    let lines: Arc<Vec<String>> = Arc::new(code.lines().map(str::to_string).collect());
    let line_of = {
        let trace = trace.clone();
        move |i: usize| trace.steps.get(i).map_or(0, |s| s.line)
    };
    {
        let line_of = line_of.clone();
        Effect::new(move |_| {
            editor::highlight_line(line_of(step.get()));
            request_animation_frame(scroll_current_chip_into_view);
        });
    }
    on_cleanup(|| editor::highlight_line(0));

    let go = move |i: usize| step.set(i.min(n - 1));
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let i = step.get_untracked();
        match ev.key().as_str() {
            "ArrowLeft" | "ArrowUp" => go(i.saturating_sub(1)),
            "ArrowRight" | "ArrowDown" => go(i + 1),
            "Home" => go(0),
            "End" => go(n - 1),
            "PageUp" => go(i.saturating_sub(10)),
            "PageDown" => go(i + 10),
            _ => return,
        }
        ev.prevent_default();
    };

    let chips = {
        let trace = trace.clone();
        move || {
            let cur = step.get();
            let lo = cur.saturating_sub(CHIP_WINDOW);
            let hi = (cur + CHIP_WINDOW + 1).min(n);
            (lo..hi)
                .map(|i| {
                    let s = &trace.steps[i];
                    let changed = !s.changes.is_empty();
                    view! {
                        <button
                            class="obj-chip"
                            class:current=i == cur
                            class:changed=changed
                            tabindex="-1"
                            title=format!("Step {} · line {}", i + 1, s.line)
                            on:click=move |_| go(i)
                        >
                            {s.line.to_string()}
                        </button>
                    }
                })
                .collect_view()
        }
    };
    let header = {
        let trace = trace.clone();
        let lines = lines.clone();
        move || {
            let i = step.get();
            let line = trace.steps[i].line;
            let text = lines
                .get((line as usize).wrapping_sub(1))
                .map(|l| l.trim().to_string())
                .unwrap_or_default();
            view! {
                <span class="obj-pos" data-testid="objects-step" data-line=line.to_string()>
                    {format!("Step {} of {n} · line {line}", i + 1)}
                </span>
                <code class="obj-code">{text}</code>
            }
        }
    };
    let changes = {
        let trace = trace.clone();
        move || {
            let s = &trace.steps[step.get()];
            if s.changes.is_empty() {
                return view! { <p class="hint obj-nochange">"No object changed on this line."</p> }
                    .into_any();
            }
            view! {
                <ul class="obj-changes" data-testid="objects-changes">
                    {s.changes
                        .iter()
                        .map(|c| {
                            let via = c.via.clone();
                            view! {
                                <li>
                                    <span>{change_text(c)}</span>
                                    {via.map(|v| view! { <span class="obj-via">{v}</span> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }
    };
    let body = {
        let trace = trace.clone();
        move || {
            let list = cards(&trace, step.get());
            if list.is_empty() {
                return view! { <p class="hint">"No mapped instances exist yet."</p> }.into_any();
            }
            list.into_iter().map(card_view).collect_view().into_any()
        }
    };
    let truncated = trace.truncated.then(|| {
        view! { <p class="hint">"The trace stops here: the script ran more lines than the step limit."</p> }
    });

    view! {
        <div
            class="objects"
            data-testid="objects"
            tabindex="0"
            aria-label="Objects, step by step. Left and right arrows step."
            on:keydown=on_keydown
        >
            <div class="obj-bar" role="toolbar" aria-label="Steps">
                <button class="er-btn" aria-label="First step" title="First step (Home)" on:click=move |_| go(0)>"«"</button>
                <button class="er-btn" data-testid="step-prev" aria-label="Previous step" title="Previous step (←)" on:click=move |_| go(step.get_untracked().saturating_sub(1))>"◀"</button>
                <button class="er-btn" data-testid="step-next" aria-label="Next step" title="Next step (→)" on:click=move |_| go(step.get_untracked() + 1)>"▶"</button>
                <button class="er-btn" aria-label="Last step" title="Last step (End)" on:click=move |_| go(n - 1)>"»"</button>
                {header}
            </div>
            <div class="obj-timeline" aria-hidden="true">{chips}</div>
            {changes}
            <div class="obj-cards">{body}</div>
            {truncated}
        </div>
    }
    .into_any()
}

fn card_view(c: Card) -> impl IntoView {
    let state_note = c.was.as_ref().map(|w| format!("{w} → {}", c.state));
    view! {
        <article
            class="obj-card"
            class:new=c.is_new
            data-object=c.id.clone()
            data-state=c.state.clone()
        >
            <header class="obj-head">
                <span class="obj-id">{c.id.clone()}</span>
                <span class=format!("obj-state {}", c.state) class:changed=state_note.is_some() title=state_note.clone()>
                    {c.state.clone()}
                </span>
                {c.is_new.then(|| view! { <span class="obj-new">"new"</span> })}
            </header>
            <dl class="obj-cols">
                {c.columns
                    .into_iter()
                    .map(|col| {
                        let key = col.name.clone();
                        view! {
                            <div class="obj-row" class:changed=col.changed data-column=key>
                                <dt>{col.name}</dt>
                                <dd>{col.value}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
            <dl class="obj-rels">{c.rels.into_iter().map(rel_view).collect_view()}</dl>
        </article>
    }
}

fn rel_view(r: RelRow) -> impl IntoView {
    let changed = r.changed();
    let side = match (&r.pair, r.declared.as_deref()) {
        (Some(p), Some(d)) => format!("⟷ {p} ({d})"),
        (Some(p), None) => format!("⟷ {p}"),
        (None, Some(d)) => format!("({d})"),
        (None, None) => String::new(),
    };
    let value = if !r.loaded {
        view! { <span class="obj-unloaded" title="Not loaded: reading it would emit a SELECT">"not loaded"</span> }
            .into_any()
    } else if r.items.is_empty() {
        let empty = if r.collection { "[ ]" } else { "None" };
        view! { <span class="obj-empty">{empty}</span> }.into_any()
    } else {
        let (open, close) = if r.collection { ("[", "]") } else { ("", "") };
        view! {
            <span class="obj-items">
                {open}
                {r.items
                    .into_iter()
                    .map(|it| {
                        let key = it.id.clone();
                        view! { <span class="obj-item" class:added=it.added data-item=key>{it.id}</span> }
                    })
                    .collect_view()}
                {close}
            </span>
        }
        .into_any()
    };
    let notes = r
        .changes
        .iter()
        .map(|c| {
            let text = match &c.via {
                Some(v) => format!("{} {} — {v}", c.op, c.value.join(", ")),
                None => format!("{} {}", c.op, c.value.join(", ")),
            };
            view! { <span class="obj-note">{text}</span> }
        })
        .collect_view();
    let removed = (!r.removed.is_empty()).then(|| {
        view! { <span class="obj-removed">{format!("− {}", r.removed.join(", "))}</span> }
    });
    let key = r.attr.clone();
    view! {
        <div class="obj-row obj-rel" class:changed=changed data-attr=key>
            <dt>
                {r.attr}
                <span class="obj-side">{side}</span>
            </dt>
            <dd>{value}{removed}{notes}</dd>
        </div>
    }
}
