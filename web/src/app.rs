//! The page: header with the example picker, Share and Run, the editor, and
//! the output panes (Console, SQL). All state lives in `Playground` (Copy
//! signals), which the UI and the `window.relplay` contract share.
//! `?embed` swaps the header for a compact bar (see `config.rs`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::config::{PageConfig, Pane};
use crate::er::pane::DiagramPane;
use crate::objects::pane::ObjectsPane;
use crate::sqllog::{self, Event};
use crate::{contract, editor, examples, share, storage, traceback};

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
    /// The run's structured events (the SQL pane draws the `sql` ones).
    pub events: Vec<Event>,
    /// The step trace (the Objects pane), for a traced run.
    pub trace: Option<Arc<relplay::Trace>>,
    /// The code that ran (the Objects pane quotes its lines).
    pub code: String,
}

/// A message above the workspace about where the code came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A share link (or `?example=`) replaced the code; the visitor's own
    /// code was kept in `storage::load_previous` when `can_restore`.
    Opened {
        what: &'static str,
        can_restore: bool,
    },
    /// The visitor swapped back to their previous code (and can swap again).
    Restored,
    /// A link or parameter that could not be honoured; nothing was changed.
    Problem(String),
}

/// The Share button's result.
#[derive(Clone, Debug, PartialEq)]
pub enum Shared {
    /// The link, and whether it reached the clipboard (None: still trying).
    Link {
        url: String,
        copied: Option<bool>,
    },
    Failed(String),
}

/// The page's state and actions.
#[derive(Clone, Copy)]
pub struct Playground {
    pub config: StoredValue<PageConfig>,
    /// The id of the example last loaded whose text is still unchanged, or "".
    pub example: RwSignal<String>,
    pub output: RwSignal<Option<Output>>,
    pub notice: RwSignal<Option<Notice>>,
    pub shared: RwSignal<Option<Shared>>,
    /// The editor's text, updated on every edit (the diagram debounces it).
    pub code: RwSignal<String>,
}

impl Playground {
    fn new(config: PageConfig) -> Self {
        Self {
            config: StoredValue::new(config),
            example: RwSignal::new(String::new()),
            output: RwSignal::new(None),
            notice: RwSignal::new(None),
            shared: RwSignal::new(None),
            code: RwSignal::new(String::new()),
        }
    }

    fn embed(self) -> bool {
        self.config.with_value(|c| c.embed)
    }

    /// Runs the editor's code, shows the result, marks the failing line.
    pub fn run(self) -> relplay::Run {
        self.run_code(self.current_code(), true)
    }

    /// The code to run: the editor's, or before it is mounted (the page runs
    /// an example first, see `App`) the code it will open with.
    fn current_code(self) -> String {
        if editor::is_mounted() {
            editor::get_code()
        } else {
            self.code.get_untracked()
        }
    }

    /// `traced`: with the step trace the Objects pane shows (the output is
    /// the same either way, see `relplay::run_traced`).
    fn run_code(self, code: String, traced: bool) -> relplay::Run {
        editor::clear_errors();
        editor::highlight_line(0);
        let t0 = now();
        RUNNING.with(|r| r.set(true));
        let mut result = if traced {
            relplay::run_traced(&code, SCRIPT_PATH)
        } else {
            relplay::run(&code, SCRIPT_PATH)
        };
        RUNNING.with(|r| r.set(false));
        let millis = now() - t0;
        let events = sqllog::events_of(&result);
        self.show(Output {
            stdout: result.stdout.clone(),
            stderr: result.stderr.clone(),
            exit: result.exit,
            millis,
            events,
            trace: result.trace.take().map(Arc::new),
            code,
        });
        result
    }

    /// Gives the shown output its step trace (the Objects pane) if it came
    /// from a plain run: the page's first run is one, so that its output
    /// shows sooner (see `App`). Traced, the same code prints the same.
    fn add_trace(self) {
        let code = self.output.with_untracked(|o| {
            o.as_ref()
                .filter(|o| o.trace.is_none() && o.exit >= 0 && !o.code.is_empty())
                .map(|o| o.code.clone())
        });
        let Some(code) = code else { return };
        RUNNING.with(|r| r.set(true));
        let trace = relplay::run_traced(&code, SCRIPT_PATH).trace;
        RUNNING.with(|r| r.set(false));
        self.output.update(|o| {
            if let Some(o) = o.as_mut().filter(|o| o.code == code && o.trace.is_none()) {
                o.trace = trace.map(Arc::new);
            }
        });
    }

    /// Shows a run's output (from `run`, or from `window.relplayDev.show`).
    pub fn show(self, out: Output) {
        mark_failure(&out);
        self.output.set(Some(out));
    }

    pub fn load_example(self, id: &str) -> bool {
        match examples::find(id) {
            Some(ex) => {
                self.set_code(ex.code);
                self.example.set(ex.id.to_string());
                self.output.set(None);
                true
            }
            None => false,
        }
    }

    pub fn set_code(self, text: &str) {
        if !editor::is_mounted() {
            self.code.set(text.to_string()); // what the editor will open with
        }
        editor::set_code(text);
    }

    /// Called by the editor after every change.
    fn code_changed(self, text: &str) {
        crate::lab::code_changed(text);
        self.code.set(text.to_string());
        if !self.embed() {
            storage::save_code(text);
        }
        let still_example =
            examples::find(&self.example.get_untracked()).is_some_and(|e| e.code == text);
        if !still_example && !self.example.get_untracked().is_empty() {
            self.example.set(String::new());
        }
        if self.shared.with_untracked(Option::is_some) {
            self.shared.set(None); // the link no longer matches the code
        }
    }

    /// Swaps the editor's code with the code kept when a link opened.
    pub fn restore_previous(self) {
        let Some(previous) = storage::load_previous() else {
            self.notice.set(None);
            return;
        };
        let current = self.current_code();
        storage::save_previous(&current);
        self.set_code(&previous);
        self.example.set(example_id_of(&previous).to_string());
        self.output.set(None);
        self.notice.set(Some(Notice::Restored));
    }

    /// Makes a share link of the code, copies it when the browser allows,
    /// and shows it either way.
    pub fn share(self) {
        match share::link(&page_base(), &editor::get_code()) {
            Ok(url) => {
                self.shared.set(Some(Shared::Link {
                    url: url.clone(),
                    copied: None,
                }));
                let text = url.clone();
                copy_to_clipboard(&text, move |ok| {
                    self.shared.update(|s| {
                        if let Some(Shared::Link { url: u, copied }) = s {
                            if *u == url {
                                *copied = Some(ok);
                            }
                        }
                    });
                    if !ok {
                        // Not copied: put the selected link under the keyboard (Ctrl+C away).
                        request_animation_frame(focus_share_link);
                    }
                });
            }
            Err(e) => self.shared.set(Some(Shared::Failed(e.to_string()))),
        }
    }
}

/// Marks the line a failed run points at, in the editor.
fn mark_failure(out: &Output) {
    if out.exit > 0 {
        if let Some(spot) = traceback::error_spot(&out.stderr, SCRIPT_PATH) {
            editor::mark_error(spot.line, &spot.message);
        }
    }
}

/// Runs `f` once the browser has painted what is on the page now (in a task
/// after the next animation frame), so a cold visit's first result is on the
/// screen before the rest of the page is built. A page in a background tab
/// gets no frames: a timer makes sure `f` runs anyway.
fn after_paint(f: impl FnOnce() + 'static) {
    let f = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = f.take() {
            f()
        }
    };
    let again = run.clone();
    request_animation_frame(move || set_timeout(again, std::time::Duration::ZERO));
    set_timeout(run, std::time::Duration::from_millis(200));
}

fn example_id_of(code: &str) -> &'static str {
    examples::EXAMPLES
        .iter()
        .find(|e| e.code == code)
        .map_or("", |e| e.id)
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

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The page's address without query or fragment: where share links point.
pub fn page_base() -> String {
    let href = location().and_then(|l| l.href().ok()).unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}

/// Drops the fragment and `example=` from the address bar (without
/// reloading), so a reload shows the autosave, which by then holds the code.
fn forget_link_in_address() {
    let Some(w) = web_sys::window() else { return };
    let loc = w.location();
    let search = crate::config::without_param(&loc.search().unwrap_or_default(), "example");
    let url = format!("{}{search}", loc.pathname().unwrap_or_default());
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

fn focus_by_id(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(e) = el {
        let _ = e.focus();
    }
}

fn focus_share_link() {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-testid=share-link]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(i) = input {
        let _ = i.focus();
        i.select();
    }
}

/// `navigator.clipboard.writeText(text)`, reporting whether it worked
/// (it needs a secure context and, in some browsers, a permission).
fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |ok: bool| {
            if let Some(f) = done.borrow_mut().take() {
                f(ok)
            }
        }
    };
    let promise = (|| {
        let nav = web_sys::window()?.navigator();
        let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).ok()?;
        let write = js_sys::Reflect::get(&clip, &"writeText".into()).ok()?;
        let write: js_sys::Function = write.dyn_into().ok()?;
        let p = write.call1(&clip, &JsValue::from_str(text)).ok()?;
        p.dyn_into::<js_sys::Promise>().ok()
    })();
    match promise {
        Some(p) => {
            let ok = {
                let finish = finish.clone();
                Closure::once(move |_: JsValue| finish(true))
            };
            let err = Closure::once(move |_: JsValue| finish(false));
            let _ = p.then2(&ok, &err);
            ok.forget();
            err.forget();
        }
        None => finish(false),
    }
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
            ..Output::default()
        }));
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("error", handler.as_ref().unchecked_ref());
    }
    handler.forget();
}

/// The code the page opens with, the example it is (or ""), and what to tell
/// the visitor about it. Order: a link's `#code=`, then `?example=`, then the
/// autosave, then the first example. A link or example never overwrites the
/// visitor's own code without first keeping it (`storage::save_previous`).
fn initial_code(pg: Playground) -> (String, String, Option<Notice>) {
    let cfg = pg.config.get_value();
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    let saved = if cfg.embed {
        None
    } else {
        storage::load_code()
    };
    let mut problem = None;

    let mut opened: Option<(String, &'static str)> = None;
    if let Some(payload) = share::fragment_code(&hash) {
        match share::decode(payload) {
            Ok(code) => opened = Some((code, "the link")),
            Err(e) => {
                problem = Some(format!(
                    "This link's code could not be opened: {e}. Nothing was changed."
                ))
            }
        }
    }
    if opened.is_none() {
        if let Some(id) = &cfg.example {
            match examples::find(id) {
                Some(ex) => opened = Some((ex.code.to_string(), "the example")),
                None if problem.is_none() => {
                    problem = Some(format!("There is no example named “{id}”."))
                }
                None => {}
            }
        }
    }

    if let Some((code, what)) = opened {
        let id = example_id_of(&code).to_string();
        if cfg.embed {
            return (code, id, problem.map(Notice::Problem));
        }
        // Keep the visitor's own code: not an unchanged example (the picker
        // has it), nor the unedited code of a link opened before (the link has it).
        let opened_before = storage::load_opened();
        if let Some(saved) = saved.filter(|s| {
            *s != code && example_id_of(s).is_empty() && Some(s) != opened_before.as_ref()
        }) {
            storage::save_previous(&saved);
        }
        let can_restore = storage::load_previous().is_some_and(|p| p != code);
        storage::save_code(&code);
        storage::save_opened(&code);
        // A reload shows the autosave (now this code) rather than opening it again.
        forget_link_in_address();
        return (code, id, Some(Notice::Opened { what, can_restore }));
    }

    let notice = problem.map(Notice::Problem);
    match saved {
        Some(saved) => {
            let id = example_id_of(&saved).to_string();
            (saved, id, notice)
        }
        None => (
            examples::EXAMPLES[0].code.to_string(),
            examples::EXAMPLES[0].id.to_string(),
            notice,
        ),
    }
}

/// Theme and mode on `<html>`: `data-theme` (CSS picks the colours) and `data-embed`.
fn apply_config_to_document(cfg: &PageConfig) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if let Some(theme) = cfg.theme.attr() {
        let _ = root.set_attribute("data-theme", theme);
    }
    if cfg.embed {
        let _ = root.set_attribute("data-embed", "");
    }
}

#[component]
pub fn App() -> impl IntoView {
    let search = location().and_then(|l| l.search().ok()).unwrap_or_default();
    let config = PageConfig::from_query(&search);
    apply_config_to_document(&config);
    let embed = config.embed;
    let pg = Playground::new(config);
    let editor_ref = NodeRef::<leptos::html::Div>::new();
    // The lab's state now (the contract's `compare` reaches it), its panel
    // once the first result and the editor are on the screen.
    let lab = (!embed).then(crate::lab::init);
    let show_lab = RwSignal::new(false);

    // A cold visit, in the order the visitor needs it (ARCHITECTURE.md, "Size
    // and cold start"): run the example and show its output, let the browser
    // paint it, then mount the editor (once the CodeMirror bundle is there)
    // and publish the page contract (`window.relplay` exists only once the
    // page works), and only then build the lab panel and trace the first
    // run for the Objects pane.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = editor_ref.get() else {
            return false;
        };
        let (initial, example, notice) = initial_code(pg);
        // An unchanged gallery example runs by itself (it is quick and it is
        // what the visitor came to see); the visitor's own code waits for Run,
        // and an embed runs only when asked (`run=1`).
        let run_now = pg.config.with_value(|c| c.run) || (!embed && !example.is_empty());
        pg.example.set(example);
        pg.notice.set(notice);
        pg.code.set(initial.clone());
        install_crash_report(pg);
        editor::show_placeholder(&el, &initial);
        // Untraced: the trace waits until the page is built (`add_trace`).
        if run_now {
            pg.run_code(initial, false);
        }
        after_paint(move || {
            editor::when_loaded(move || {
                // The code the editor opens with: the initial code, or an
                // example picked in the meantime.
                editor::mount(&el, &pg.code.get_untracked(), move |text| {
                    pg.code_changed(&text)
                });
                let _ = el.set_attribute("data-editor", editor::kind());
                // A failed first run's line (the editor was not there yet).
                pg.output.with_untracked(|o| {
                    if let Some(o) = o {
                        mark_failure(o);
                    }
                });
                install_run_shortcut(pg);
                contract::install(pg);
                after_paint(move || {
                    if lab.is_some() {
                        show_lab.set(true);
                    }
                    after_paint(move || pg.add_trace());
                });
            })
        });
        true
    });

    let shortcut = if is_mac() { "⌘ Enter" } else { "Ctrl Enter" };
    let run_button = move || {
        view! {
            <button
                class="run"
                data-testid="run"
                title=format!("Run ({shortcut})")
                aria-keyshortcuts="Control+Enter Meta+Enter"
                on:click=move |_| {
                    pg.run();
                }
            >
                <span class="run-icon" aria-hidden="true">"▶"</span>
                " Run"
                <kbd class="run-kbd">{shortcut}</kbd>
            </button>
        }
    };

    let header = if embed {
        view! {
            <header class="topbar embed-bar">
                {run_button()}
                <span class="embed-file">{SCRIPT_PATH}</span>
                <div class="spacer"></div>
                <a
                    class="open-full"
                    data-testid="open-in-relplay"
                    href=page_base()
                    target="_blank"
                    rel="noopener"
                    on:click=|ev| set_open_href(&ev)
                    on:focus=|ev| set_open_href(&ev)
                    on:mouseenter=|ev| set_open_href(&ev)
                >
                    "Open in relplay ↗"
                </a>
            </header>
        }
        .into_any()
    } else {
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
                    class="share"
                    data-testid="share"
                    aria-label="Share"
                    title="Copy a link to this code"
                    on:click=move |_| pg.share()
                >
                    <span class="share-icon" aria-hidden="true">"⤴"</span>
                    <span class="share-label">" Share"</span>
                </button>
                {run_button()}
            </header>
        }
        .into_any()
    };

    view! {
        {header}
        <div class="notices">
            <NoticeBar pg=pg />
            <ShareBar pg=pg />
        </div>
        <main class="workspace">
            <section class="pane editor-pane" aria-label="Script">
                <Show when=move || !embed>
                    <div class="pane-head">
                        <span class="pane-title">{SCRIPT_PATH}</span>
                        <span class="pane-hint">"Esc leaves the editor"</span>
                    </div>
                </Show>
                <div
                    class="editor"
                    data-testid="editor"
                    node_ref=editor_ref
                    on:keydown=leave_editor_on_escape
                ></div>
            </section>
            <OutputPanel pg=pg />
        </main>
        {lab.map(|l| {
            view! {
                // Reserves the lab's place until its contents come (after the
                // first result): the workspace keeps its final size.
                <section class="lab" class:lab-pending=move || !show_lab.get() aria-label="Relationship lab">
                    {move || show_lab.get().then(|| view! { <crate::lab::LabPanel lab=l /> })}
                </section>
            }
        })}
    }
}

/// Escape in the editor moves focus to the output tabs (Tab is indentation
/// inside the editor). A first Escape that CodeMirror uses (collapsing a
/// selection) is left to it.
fn leave_editor_on_escape(ev: web_sys::KeyboardEvent) {
    if ev.key() != "Escape" || ev.default_prevented() {
        return;
    }
    let target = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(".output-pane [role=tab][aria-selected=true]")
                .ok()
        })
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(t) = target {
        ev.prevent_default();
        let _ = t.focus();
    }
}

/// "Open in relplay" carries the embed's current code, computed when it is used.
fn set_open_href(ev: &web_sys::Event) {
    let Some(a) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let href = share::link(&page_base(), &editor::get_code()).unwrap_or_else(|_| page_base());
    let _ = a.set_attribute("href", &href);
}

/// Where the code came from, and the way back to the visitor's own code.
#[component]
fn NoticeBar(pg: Playground) -> impl IntoView {
    let dismiss = move |_| pg.notice.set(None);
    move || {
        pg.notice.get().map(|n| match n {
            Notice::Opened { what, can_restore } => view! {
                <div class="notice" role="status" data-testid="notice">
                    <span>{format!("Opened the code from {what}.")}</span>
                    {can_restore.then(|| view! {
                        <span>" Your previous code is kept."</span>
                        <button class="notice-action" data-testid="restore" on:click=move |_| pg.restore_previous()>
                            "Restore your previous code"
                        </button>
                    })}
                    <button class="notice-close" aria-label="Dismiss" on:click=dismiss>"×"</button>
                </div>
            }
            .into_any(),
            Notice::Restored => view! {
                <div class="notice" role="status" data-testid="notice">
                    <span>"Your previous code is back; the link's code is kept."</span>
                    <button class="notice-action" data-testid="restore" on:click=move |_| pg.restore_previous()>
                        "Swap back"
                    </button>
                    <button class="notice-close" aria-label="Dismiss" on:click=dismiss>"×"</button>
                </div>
            }
            .into_any(),
            Notice::Problem(msg) => view! {
                <div class="notice problem" role="alert" data-testid="notice">
                    <span>{msg}</span>
                    <button class="notice-close" aria-label="Dismiss" on:click=dismiss>"×"</button>
                </div>
            }
            .into_any(),
        })
    }
}

/// The Share button's result: the link, selectable, and whether it was copied.
#[component]
fn ShareBar(pg: Playground) -> impl IntoView {
    let close = move |_| pg.shared.set(None);
    move || {
        pg.shared.get().map(|s| match s {
            Shared::Link { url, copied } => {
                let label = match copied {
                    Some(true) => "Link copied to the clipboard:",
                    Some(false) => "Copy this link:",
                    None => "Share link:",
                };
                view! {
                    <div class="notice share-box" role="status" data-testid="share-box" data-copied=copied.map(|c| c.to_string())>
                        <label class="share-field">
                            <span>{label}</span>
                            <input
                                data-testid="share-link"
                                readonly=true
                                prop:value=url
                                on:focus=|ev| {
                                    if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                        i.select();
                                    }
                                }
                            />
                        </label>
                        <button class="notice-close" aria-label="Close" on:click=close>"×"</button>
                    </div>
                }
                .into_any()
            }
            Shared::Failed(msg) => view! {
                <div class="notice problem" role="alert" data-testid="share-box">
                    <span>{format!("No link: {msg}.")}</span>
                    <button class="notice-close" aria-label="Close" on:click=close>"×"</button>
                </div>
            }
            .into_any(),
        })
    }
}

/// The output side: a tab strip (with the last run's status) over the active
/// pane. The SQL tab is there only when the last run sent SQL (and `panes=` allows it).
#[component]
fn OutputPanel(pg: Playground) -> impl IntoView {
    let active = RwSignal::new(Pane::Console);
    let has_sql = Memo::new(move |_| {
        pg.output
            .with(|o| o.as_ref().is_some_and(|o| sqllog::has_sql(&o.events)))
    });
    // Objects only once a traced run made mapped instances.
    let has_trace = Memo::new(move |_| {
        pg.output.with(|o| {
            o.as_ref()
                .and_then(|o| o.trace.as_ref())
                .is_some_and(|t| t.steps.iter().any(|s| !s.objects.is_empty()))
        })
    });
    let visible = Memo::new(move |_| {
        let cfg = pg.config.get_value();
        let mut panes: Vec<Pane> = match &cfg.panes {
            Some(list) if !list.is_empty() => list.clone(),
            _ => Pane::ALL.to_vec(),
        };
        panes.retain(|&p| match p {
            Pane::Sql => cfg.allows(p) && has_sql.get(),
            Pane::Objects => cfg.allows(p) && has_trace.get(),
            _ => cfg.allows(p),
        });
        if panes.is_empty() {
            panes.push(Pane::Console);
        }
        panes
    });
    // A memo: the pane is rebuilt only when the shown pane changes.
    let current = Memo::new(move |_| {
        let v = visible.get();
        let a = active.get();
        if v.contains(&a) {
            a
        } else {
            v[0]
        }
    });
    let status = move || {
        pg.output.with(|o| {
            o.as_ref().map(|o| {
                let ok = o.exit == 0;
                let class = if ok { "status ok" } else { "status failed" };
                let text = if o.exit < 0 {
                    "✗ crashed".to_string()
                } else {
                    let mark = if ok { "✓" } else { "✗" };
                    if o.millis > 0.0 {
                        format!("{mark} exit {} · {:.1} ms", o.exit, o.millis)
                    } else {
                        format!("{mark} exit {}", o.exit)
                    }
                };
                view! { <span class=class data-testid="status">{text}</span> }
            })
        })
    };
    let sql_count = move || {
        pg.output.with(|o| {
            o.as_ref().map_or(0, |o| {
                sqllog::group(&o.events)
                    .iter()
                    .map(|g| g.count())
                    .sum::<usize>()
            })
        })
    };
    let tabs = move || {
        visible
            .get()
            .into_iter()
            .map(|pane| {
                let selected = move || current.get() == pane;
                view! {
                    <button
                        class="tab"
                        class:active=selected
                        role="tab"
                        id=format!("tab-{}", pane.id())
                        data-testid=format!("tab-{}", pane.id())
                        aria-controls=format!("panel-{}", pane.id())
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| active.set(pane)
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            // The tabs pattern: arrows (and Home/End) move between tabs.
                            let list = visible.get_untracked();
                            let Some(i) = list.iter().position(|&p| p == pane) else { return };
                            let next = match ev.key().as_str() {
                                "ArrowRight" => list[(i + 1) % list.len()],
                                "ArrowLeft" => list[(i + list.len() - 1) % list.len()],
                                "Home" => list[0],
                                "End" => list[list.len() - 1],
                                _ => return,
                            };
                            ev.prevent_default();
                            active.set(next);
                            request_animation_frame(move || focus_by_id(&format!("tab-{}", next.id())));
                        }
                    >
                        {pane.title()}
                        {(pane == Pane::Sql).then(|| view! { <span class="tab-count">{sql_count}</span> })}
                    </button>
                }
            })
            .collect_view()
    };
    let body = move || match current.get() {
        Pane::Console => view! { <ConsolePane pg=pg /> }.into_any(),
        Pane::Sql => view! { <SqlPane pg=pg /> }.into_any(),
        Pane::Diagram => view! { <DiagramPane code=pg.code /> }.into_any(),
        Pane::Objects => {
            let (trace, code) = pg.output.with(|o| {
                o.as_ref()
                    .map(|o| (o.trace.clone(), o.code.clone()))
                    .unwrap_or_default()
            });
            view! { <ObjectsPane trace=trace code=code /> }.into_any()
        }
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
                id=move || format!("panel-{}", current.get().id())
                aria-labelledby=move || format!("tab-{}", current.get().id())
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
        <div class="console" aria-live="polite" tabindex="0" aria-label="Console output">
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

/// The `echo=True` log, one group per script line, with how many statements
/// each line sent: a lazy load in a loop (N+1) shows as one line with many.
/// Clicking a group highlights its line in the editor.
#[component]
fn SqlPane(pg: Playground) -> impl IntoView {
    let groups = move || {
        pg.output
            .with(|o| o.as_ref().map(|o| sqllog::group(&o.events)))
            .unwrap_or_default()
    };
    view! {
        <div class="sql-log" data-testid="sql-log">
            {move || {
                groups()
                    .into_iter()
                    .map(|g| {
                        let line = g.line;
                        let n = g.count();
                        let where_ = if line == 0 {
                            "outside the script".to_string()
                        } else {
                            format!("line {line}")
                        };
                        let count = match n {
                            0 => "transaction control".to_string(),
                            1 => "1 statement".to_string(),
                            n => format!("{n} statements"),
                        };
                        let repeated = (g.most_repeated > 1)
                            .then(|| format!("same SELECT ×{}", g.most_repeated));
                        let hot = repeated.is_some();
                        view! {
                            <section class="sql-group" class:hot=hot data-line=line.to_string()>
                                <button
                                    class="sql-group-head"
                                    data-testid="sql-group"
                                    disabled=line == 0
                                    title="Show this line in the editor"
                                    on:click=move |_| editor::highlight_line(line)
                                >
                                    <span class="sql-line">{where_}</span>
                                    <span class="sql-count" data-testid="sql-count">{count}</span>
                                    {repeated.map(|r| view! { <span class="sql-badge">{r}</span> })}
                                </button>
                                {statement_list(g.statements)}
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// A group's statements; past `SHOWN_BEFORE_FOLD`, the rest fold under a
/// `<details>` (an N+1 of 100 lazy loads stays one screen).
fn statement_list(mut statements: Vec<sqllog::Statement>) -> impl IntoView {
    const FOLD_ABOVE: usize = 5;
    const SHOWN_BEFORE_FOLD: usize = 3;
    let items = |list: Vec<sqllog::Statement>| {
        list.into_iter()
            .map(|s| {
                view! {
                    <li>
                        <pre class="sql-text">{s.sql}</pre>
                        {(!s.params.is_empty())
                            .then(|| view! { <pre class="sql-params">{s.params.join("\n")}</pre> })}
                    </li>
                }
            })
            .collect_view()
    };
    let rest = if statements.len() > FOLD_ABOVE {
        statements.split_off(SHOWN_BEFORE_FOLD)
    } else {
        Vec::new()
    };
    let folded = (!rest.is_empty()).then(|| {
        let n = rest.len();
        view! {
            <details class="sql-more">
                <summary data-testid="sql-more">{format!("{n} more statements")}</summary>
                <ol class="sql-statements">{items(rest)}</ol>
            </details>
        }
    });
    view! {
        <ol class="sql-statements">{items(statements)}</ol>
        {folded}
    }
}
