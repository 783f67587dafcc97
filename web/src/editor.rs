//! The code editor, behind one small interface.
//!
//! The real editor is CodeMirror 6, bundled from npm into
//! `web/generated/editor.js` (see `web/editor/editor.js`), which publishes
//! `window.relplayEditor`. Every call goes through `catch`, so a missing or
//! broken bundle becomes an `Err` here instead of a trap, and the page falls
//! back to a plain `<textarea>` that behaves the same (minus highlighting).

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = mount, catch)]
    fn cm_mount(
        parent: &HtmlElement,
        doc: &str,
        on_change: &js_sys::Function,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = getCode, catch)]
    fn cm_get_code() -> Result<String, JsValue>;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = setCode, catch)]
    fn cm_set_code(text: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = applyText, catch)]
    fn cm_apply_text(text: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = markError, catch)]
    fn cm_mark_error(line: u32, msg: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = clearErrors, catch)]
    fn cm_clear_errors() -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = highlightLine, catch)]
    fn cm_highlight_line(line: u32) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = markRanges, catch)]
    fn cm_mark_ranges(flat: Vec<u32>) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = relplayEditor, js_name = focus, catch)]
    fn cm_focus() -> Result<(), JsValue>;
}

enum Backend {
    None,
    CodeMirror,
    Textarea(HtmlTextAreaElement),
}

thread_local! {
    static BACKEND: RefCell<Backend> = const { RefCell::new(Backend::None) };
}

/// Which editor is live: "codemirror", "textarea" or "none" (shown in a data attribute for tests).
pub fn kind() -> &'static str {
    BACKEND.with(|b| match &*b.borrow() {
        Backend::None => "none",
        Backend::CodeMirror => "codemirror",
        Backend::Textarea(_) => "textarea",
    })
}

/// True once `mount` has run (CodeMirror or the textarea).
pub fn is_mounted() -> bool {
    BACKEND.with(|b| !matches!(&*b.borrow(), Backend::None))
}

/// Runs the CodeMirror bundle, then calls `f` (whether it worked or not:
/// without `window.relplayEditor`, `mount` falls back to the textarea).
/// `web/index.html` has the bundle as a script the browser fetches early but
/// does not run, so that evaluating it waits until the first result is shown.
pub fn when_loaded(f: impl FnOnce() + 'static) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let tag = doc.get_element_by_id("editor-js");
    let script = doc.create_element("script").ok();
    let (Some(tag), Some(script), Some(head)) = (tag, script, doc.head()) else {
        f();
        return;
    };
    for attr in ["src", "integrity"] {
        if let Some(v) = tag.get_attribute(attr) {
            let _ = script.set_attribute(attr, &v);
        }
    }
    let f = RefCell::new(Some(f));
    let cb = Closure::<dyn Fn()>::new(move || {
        if let Some(f) = f.borrow_mut().take() {
            f();
        }
    });
    for event in ["load", "error"] {
        let _ = script.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    }
    cb.forget(); // once, for the page's lifetime
    let _ = head.append_child(&script);
}

/// Shows `doc` as plain text in `parent` until `mount` replaces it: CodeMirror
/// loads after the first result, and the visitor should see the code at once.
pub fn show_placeholder(parent: &HtmlElement, doc: &str) {
    let Some(pre) = parent
        .owner_document()
        .and_then(|d| d.create_element("pre").ok())
    else {
        return;
    };
    pre.set_class_name("editor-placeholder");
    pre.set_text_content(Some(doc)); // text, never markup
    let _ = parent.append_child(&pre);
}

/// Creates the editor inside `parent` holding `doc`; `on_change` gets the whole
/// text after every edit (typing, paste, undo, `set_code`).
pub fn mount(parent: &HtmlElement, doc: &str, on_change: impl Fn(String) + 'static) {
    if let Ok(Some(p)) = parent.query_selector(":scope > .editor-placeholder") {
        p.remove();
    }
    let on_change = std::rc::Rc::new(on_change);
    let cb = {
        let on_change = on_change.clone();
        Closure::<dyn Fn(String)>::new(move |text: String| on_change(text))
    };
    let backend = match cm_mount(parent, doc, cb.as_ref().unchecked_ref()) {
        Ok(_) => {
            cb.forget(); // lives as long as the page
            Backend::CodeMirror
        }
        Err(err) => {
            web_sys::console::warn_2(
                &"relplay: CodeMirror unavailable, using a plain textarea:".into(),
                &err,
            );
            Backend::Textarea(mount_textarea(parent, doc, on_change))
        }
    };
    BACKEND.with(|b| *b.borrow_mut() = backend);
}

fn mount_textarea(
    parent: &HtmlElement,
    doc: &str,
    on_change: std::rc::Rc<dyn Fn(String)>,
) -> HtmlTextAreaElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let ta: HtmlTextAreaElement = document
        .create_element("textarea")
        .expect("create textarea")
        .unchecked_into();
    ta.set_class_name("fallback-editor");
    let _ = ta.set_attribute("spellcheck", "false");
    let _ = ta.set_attribute("aria-label", "Python code");
    ta.set_value(doc);
    let ta2 = ta.clone();
    let input = Closure::<dyn Fn()>::new(move || on_change(ta2.value()));
    let _ = ta.add_event_listener_with_callback("input", input.as_ref().unchecked_ref());
    input.forget();
    let _ = parent.append_child(&ta);
    ta
}

pub fn get_code() -> String {
    BACKEND.with(|b| match &*b.borrow() {
        Backend::None => String::new(),
        Backend::CodeMirror => cm_get_code().unwrap_or_default(),
        Backend::Textarea(ta) => ta.value(),
    })
}

/// Replaces the whole text. Returns the textarea to notify, if any, after the
/// borrow ends (CodeMirror notifies through its own listener).
pub fn set_code(text: &str) {
    let textarea = BACKEND.with(|b| match &*b.borrow() {
        Backend::None => None,
        Backend::CodeMirror => {
            let _ = cm_set_code(text);
            None
        }
        Backend::Textarea(ta) => Some(ta.clone()),
    });
    if let Some(ta) = textarea {
        ta.set_value(text);
        // Same path as typing, so autosave sees it.
        if let Ok(ev) = web_sys::Event::new("input") {
            let _ = ta.dispatch_event(&ev);
        }
    }
}

/// Makes the text `text` with one minimal, undoable change (the lab's
/// edits); the textarea fallback replaces the whole text.
pub fn apply_text(text: &str) {
    let cm = BACKEND.with(|b| matches!(&*b.borrow(), Backend::CodeMirror));
    if cm && cm_apply_text(text).is_ok() {
        return;
    }
    set_code(text);
}

/// Marks 1-based `line` as where the last run failed, with `msg` shown under it.
pub fn mark_error(line: u32, msg: &str) {
    BACKEND.with(|b| {
        if let Backend::CodeMirror = &*b.borrow() {
            let _ = cm_mark_error(line, msg);
        }
    });
}

pub fn clear_errors() {
    BACKEND.with(|b| {
        if let Backend::CodeMirror = &*b.borrow() {
            let _ = cm_clear_errors();
        }
    });
}

/// Highlights 1-based `line` (0 clears) and scrolls it into view.
pub fn highlight_line(line: u32) {
    BACKEND.with(|b| {
        if let Backend::CodeMirror = &*b.borrow() {
            let _ = cm_highlight_line(line);
        }
    });
}

/// Marks byte ranges of `source` (spans from the static model), if the
/// editor still holds exactly that text; an empty list clears the marks.
pub fn mark_spans(source: &str, spans: &[(u32, u32)]) {
    BACKEND.with(|b| {
        if let Backend::CodeMirror = &*b.borrow() {
            if !spans.is_empty() && cm_get_code().ok().as_deref() != Some(source) {
                return;
            }
            let _ = cm_mark_ranges(utf16_ranges(source, spans));
        }
    });
}

/// Byte offsets → CodeMirror's UTF-16 offsets, flattened; ranges not on
/// character boundaries are dropped.
pub fn utf16_ranges(source: &str, spans: &[(u32, u32)]) -> Vec<u32> {
    let at = |byte: u32| {
        source
            .get(..byte as usize)
            .map(|s| s.encode_utf16().count() as u32)
    };
    spans
        .iter()
        .filter_map(|&(a, b)| Some([at(a)?, at(b)?]))
        .flatten()
        .collect()
}

pub fn focus() {
    BACKEND.with(|b| match &*b.borrow() {
        Backend::None => {}
        Backend::CodeMirror => {
            let _ = cm_focus();
        }
        Backend::Textarea(ta) => {
            let _ = ta.focus();
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn utf16_offsets() {
        let src = "é = 1\n😀x";
        assert_eq!(super::utf16_ranges(src, &[(0, 2), (7, 12)]), [0, 1, 6, 9]);
        assert_eq!(
            super::utf16_ranges(src, &[(1, 2), (0, 99)]),
            Vec::<u32>::new()
        );
    }
}
