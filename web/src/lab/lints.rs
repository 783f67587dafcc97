//! The lints of the code as it is, before running: each with its why, its
//! fix, the line it points at (a click highlights it) and its gallery example.

use leptos::prelude::*;

use super::Lab;
use crate::{app::page_base, editor};

#[component]
pub fn LintList(lab: Lab) -> impl IntoView {
    let lints = Memo::new(move |_| lab.code.with(|c| relplay::lint(c)));
    view! {
        <div class="lab-lints" data-testid="lints" aria-live="polite">
            {move || {
                lints
                    .get()
                    .into_iter()
                    .map(|l| {
                        let line = l.line;
                        let href = l
                            .example
                            .as_ref()
                            .map(|e| format!("{}?example={e}", page_base()));
                        let sev = format!("{:?}", l.severity).to_lowercase();
                        view! {
                            <details class=format!("lint lint-{sev}") data-testid="lint" data-code=l.code.clone() data-line=line.to_string()>
                                <summary>
                                    <button class="lint-line" title="Show the line" on:click=move |ev| {
                                        ev.prevent_default();
                                        editor::highlight_line(line);
                                    }>{format!("line {line}")}</button>
                                    " "
                                    <span class="lint-message">{l.message.clone()}</span>
                                </summary>
                                <p class="lint-why">{l.why.clone()}</p>
                                <p class="lint-fix"><strong>"Fix: "</strong>{l.fix.clone()}</p>
                                {l.fix_code.clone().map(|c| view! { <pre class="lint-code">{c}</pre> })}
                                {href.map(|h| view! {
                                    <a class="lint-example" data-testid="lint-example" href=h target="_blank" rel="noopener">"See it in the gallery ↗"</a>
                                })}
                            </details>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}
