//! The page: header with the example picker, the editor, the Run button and
//! the output panes. All state lives in `Playground` (Copy signals), which the
//! UI and the `window.relplay` contract share.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::{contract, editor, examples, storage, traceback};

/// The path the script runs as: it is what tracebacks name.
pub const SCRIPT_PATH: &str = "main.py";

thread_local! {
    /// True while `relplay::run` is on the stack. If the wasm traps mid-run
    /// (a panic, or the JS engine's stack limit), the flag stays set and the
    /// window `error` listener reports the crash in the console pane.
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

/// What the last run printed. `exit` is -1 when the run crashed relplay itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub exit: i32,
    pub millis: f64,
}

/// The page's state and actions.
#[derive(Clone, Copy)]
pub struct Playground {
    /// The id of the example last loaded whose text is still unchanged, or "".
    pub example: RwSignal<String>,
    pub output: RwSignal<Option<Output>>,
}

impl Playground {
    fn new() -> Self {
        Self {
            example: RwSignal::new(String::new()),
            output: RwSignal::new(None),
        }
    }

    /// Runs the editor's code, shows the result, marks the failing line.
    pub fn run(self) -> relplay::Run {
        let code = editor::get_code();
        editor::clear_errors();
        let t0 = now();
        RUNNING.with(|r| r.set(true));
        let result = relplay::run(&code, SCRIPT_PATH);
        RUNNING.with(|r| r.set(false));
        let millis = now() - t0;
        if result.exit != 0 {
            if let Some(spot) = traceback::error_spot(&result.stderr, SCRIPT_PATH) {
                editor::mark_error(spot.line, &spot.message);
            }
        }
        self.output.set(Some(Output {
            stdout: result.stdout.clone(),
            stderr: result.stderr.clone(),
            exit: result.exit,
            millis,
        }));
        result
    }

    pub fn load_example(self, id: &str) -> bool {
        match examples::find(id) {
            Some(ex) => {
                editor::set_code(ex.code);
                self.example.set(ex.id.to_string());
                self.output.set(None);
                true
            }
            None => false,
        }
    }

    pub fn set_code(self, text: &str) {
        editor::set_code(text);
    }

    /// Called by the editor after every change.
    fn code_changed(self, text: &str) {
        storage::save_code(text);
        let still_example =
            examples::find(&self.example.get_untracked()).is_some_and(|e| e.code == text);
        if !still_example && !self.example.get_untracked().is_empty() {
            self.example.set(String::new());
        }
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

fn is_mac() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().platform().ok())
        .is_some_and(|p| p.starts_with("Mac") || p.starts_with("iP"))
}

/// Ctrl/Cmd+Enter runs from anywhere on the page. Capture phase, so the
/// editor never also sees it (CodeMirror binds Mod-Enter to "insert line").
fn install_run_shortcut(pg: Playground) {
    let handler =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) && !ev.repeat() {
                ev.prevent_default();
                ev.stop_propagation();
                pg.run();
            }
        });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback_and_bool(
            "keydown",
            handler.as_ref().unchecked_ref(),
            true,
        );
    }
    handler.forget();
}

/// A run that never returned (the wasm trapped) surfaces as an uncaught
/// error on `window`: say so in the console pane rather than leave the old output.
fn install_crash_report(pg: Playground) {
    let handler = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
        if !RUNNING.with(|r| r.replace(false)) {
            return;
        }
        pg.output.set(Some(Output {
            stdout: String::new(),
            stderr: format!(
                "relplay crashed while running this script: {}\n\
                 This is a bug in relplay, not in your script. If the page misbehaves, reload it.\n",
                ev.message()
            ),
            exit: -1,
            millis: 0.0,
        }));
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("error", handler.as_ref().unchecked_ref());
    }
    handler.forget();
}

#[component]
pub fn App() -> impl IntoView {
    let pg = Playground::new();
    let editor_ref = NodeRef::<leptos::html::Div>::new();

    // Mount the editor once its container is in the document, then publish
    // the page contract: `window.relplay` exists only once the page works.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = editor_ref.get() else {
            return false;
        };
        let (initial, example) = match storage::load_code() {
            Some(saved) => {
                let id = examples::EXAMPLES
                    .iter()
                    .find(|e| e.code == saved)
                    .map_or("", |e| e.id);
                (saved, id.to_string())
            }
            None => (
                examples::EXAMPLES[0].code.to_string(),
                examples::EXAMPLES[0].id.to_string(),
            ),
        };
        pg.example.set(example);
        editor::mount(&el, &initial, move |text| pg.code_changed(&text));
        let _ = el.set_attribute("data-editor", editor::kind());
        install_run_shortcut(pg);
        install_crash_report(pg);
        contract::install(pg);
        true
    });

    let shortcut = if is_mac() { "⌘ Enter" } else { "Ctrl Enter" };

    view! {
        <header class="topbar">
            <h1 class="brand">"relplay"</h1>
            <span class="tagline">"SQLAlchemy relationships, run in your browser"</span>
            <div class="spacer"></div>
            <label class="picker">
                <span class="visually-hidden">"Example"</span>
                <select
                    data-testid="example-picker"
                    prop:value=move || pg.example.get()
                    on:change=move |ev| {
                        let id = event_target_value(&ev);
                        if !id.is_empty() {
                            pg.load_example(&id);
                            editor::focus();
                        }
                    }
                >
                    <option value="" disabled=true>"Examples…"</option>
                    {examples::groups()
                        .into_iter()
                        .map(|(group, list)| {
                            view! {
                                <optgroup label=group>
                                    {list
                                        .into_iter()
                                        .map(|e| view! { <option value=e.id>{e.title}</option> })
                                        .collect_view()}
                                </optgroup>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <button
                class="run"
                data-testid="run"
                title=format!("Run ({shortcut})")
                on:click=move |_| {
                    pg.run();
                }
            >
                <span class="run-icon" aria-hidden="true">"▶"</span>
                " Run"
                <kbd class="run-kbd">{shortcut}</kbd>
            </button>
        </header>
        <main class="workspace">
            <section class="pane editor-pane" aria-label="Script">
                <div class="pane-head">
                    <span class="pane-title">{SCRIPT_PATH}</span>
                </div>
                <div class="editor" data-testid="editor" node_ref=editor_ref></div>
            </section>
            <OutputPanel pg=pg />
        </main>
    }
}

/// The output panes, in tab order. Only panes that work are listed; the SQL
/// log, ER diagram and objects views join here (a variant, its title, and an
/// arm in `OutputPanel`'s body) as the facade starts to report those facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pane {
    Console,
}

impl Pane {
    const ALL: &'static [Pane] = &[Pane::Console];

    fn title(self) -> &'static str {
        match self {
            Pane::Console => "Console",
        }
    }

    fn id(self) -> &'static str {
        match self {
            Pane::Console => "console",
        }
    }
}

/// The output side: a tab strip (with the last run's status) over the active pane.
#[component]
fn OutputPanel(pg: Playground) -> impl IntoView {
    let active = RwSignal::new(Pane::Console);
    let status = move || {
        pg.output.with(|o| {
            o.as_ref().map(|o| {
                let ok = o.exit == 0;
                let class = if ok { "status ok" } else { "status failed" };
                let text = if o.exit < 0 {
                    "✗ crashed".to_string()
                } else {
                    let mark = if ok { "✓" } else { "✗" };
                    format!("{mark} exit {} · {:.1} ms", o.exit, o.millis)
                };
                view! { <span class=class data-testid="status">{text}</span> }
            })
        })
    };
    let tabs = Pane::ALL
        .iter()
        .map(|&pane| {
            view! {
                <button
                    class="tab"
                    class:active=move || active.get() == pane
                    role="tab"
                    id=format!("tab-{}", pane.id())
                    aria-controls=format!("panel-{}", pane.id())
                    aria-selected=move || (active.get() == pane).to_string()
                    on:click=move |_| active.set(pane)
                >
                    {pane.title()}
                </button>
            }
        })
        .collect_view();
    let body = move || match active.get() {
        Pane::Console => view! { <ConsolePane pg=pg /> },
    };

    view! {
        <section class="pane output-pane" aria-label="Output">
            <div class="pane-head" role="tablist">
                {tabs}
                <div class="spacer"></div>
                {status}
            </div>
            <div
                class="pane-body"
                role="tabpanel"
                id=move || format!("panel-{}", active.get().id())
                aria-labelledby=move || format!("tab-{}", active.get().id())
            >
                {body}
            </div>
        </section>
    }
}

/// What the script printed: stdout, then stderr (styled as an error).
/// Always text nodes: the script's output is never parsed as markup.
#[component]
fn ConsolePane(pg: Playground) -> impl IntoView {
    let text = move |pick: fn(&Output) -> &String| {
        move || {
            pg.output
                .with(|o| o.as_ref().map(|o| pick(o).clone()).unwrap_or_default())
        }
    };
    let not_run = move || pg.output.with(Option::is_none);
    let empty = move || {
        pg.output.with(|o| {
            o.as_ref()
                .is_some_and(|o| o.stdout.is_empty() && o.stderr.is_empty())
        })
    };
    view! {
        <div class="console" aria-live="polite">
            <Show when=not_run>
                <p class="hint">"Press Run to execute the script. Its output appears here."</p>
            </Show>
            <Show when=empty>
                <p class="hint">"(no output)"</p>
            </Show>
            <pre class="stdout" data-testid="stdout">{text(|o| &o.stdout)}</pre>
            <pre class="stderr" data-testid="stderr">{text(|o| &o.stderr)}</pre>
        </div>
    }
}
