//! Autosave: the editor's text in localStorage, restored on the next visit.
//! Storage can be missing or refuse writes (private mode, quota): then the
//! page simply does not remember, it never fails.

const CODE_KEY: &str = "relplay:code:v1";

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
