//! Autosave: the editor's text in localStorage, restored on the next visit.
//! Storage can be missing or refuse writes (private mode, quota): then the
//! page simply does not remember, it never fails.
//!
//! When a share link (or `?example=`) opens other code, the code the visitor
//! had is first copied to `PREVIOUS_KEY`, so opening a link never loses work.
//! Embedded pages (`?embed`) neither read nor write either key.

const CODE_KEY: &str = "relplay:code:v1";
const PREVIOUS_KEY: &str = "relplay:previous:v1";
/// The code a link or `?example=` last opened: while the autosave still
/// equals it, it is not the visitor's own work and is not kept over `PREVIOUS_KEY`.
const OPENED_KEY: &str = "relplay:opened:v1";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load_code() -> Option<String> {
    local()?.get_item(CODE_KEY).ok()?
}

pub fn save_code(code: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(CODE_KEY, code);
    }
}

/// The code the visitor had before a link replaced it.
pub fn load_previous() -> Option<String> {
    local()?.get_item(PREVIOUS_KEY).ok()?
}

pub fn save_previous(code: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(PREVIOUS_KEY, code);
    }
}

pub fn load_opened() -> Option<String> {
    local()?.get_item(OPENED_KEY).ok()?
}

pub fn save_opened(code: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(OPENED_KEY, code);
    }
}
