//! relplay's page: a Leptos (client-side rendered) app, built by Trunk.
//! See web/README.md.

mod app;
mod config;
mod contract;
mod editor;
mod er;
mod examples;
mod lab;
mod objects;
mod share;
mod sqllog;
mod storage;
mod traceback;

fn main() {
    install_panic_hook();
    leptos::mount::mount_to_body(app::App);
}

/// A panic is a bug: log it with its message (console_error_panic_hook) and
/// say so on the page, instead of leaving a page that silently stops working.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let banner = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("panic-banner"));
        if let Some(banner) = banner {
            banner.set_text_content(Some(&format!(
                "relplay hit an internal error and must be reloaded: {info}"
            )));
            let _ = banner.remove_attribute("hidden");
        }
    }));
}
