//! `window.relplay`: the page's stable contract for tests and embedders.
//!
//! - `setCode(text)`, `getCode()` → string
//! - `run()` → `{stdout, stderr, exit}` (a plain object; also updates the page)
//! - `examples()` → `[{id, title}]`, `loadExample(id)` → boolean
//!
//! It is set only once the editor is mounted, then `relplay:ready` is fired on `window`.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::app::Playground;
use crate::{editor, examples};

fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn string_arg(value: JsValue, what: &str) -> String {
    match value.as_string() {
        Some(s) => s,
        None => wasm_bindgen::throw_val(
            js_sys::TypeError::new(&format!("relplay.{what}: expected a string")).into(),
        ),
    }
}

pub fn install(pg: Playground) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = Object::new();

    let f = Closure::<dyn Fn(JsValue)>::new(move |text: JsValue| {
        pg.set_code(&string_arg(text, "setCode"))
    });
    set(&api, "setCode", &f.into_js_value());

    let f = Closure::<dyn Fn() -> String>::new(editor::get_code);
    set(&api, "getCode", &f.into_js_value());

    let f = Closure::<dyn Fn() -> JsValue>::new(move || {
        let r = pg.run();
        let out = Object::new();
        set(&out, "stdout", &JsValue::from_str(&r.stdout));
        set(&out, "stderr", &JsValue::from_str(&r.stderr));
        set(&out, "exit", &JsValue::from(r.exit));
        out.into()
    });
    set(&api, "run", &f.into_js_value());

    let f = Closure::<dyn Fn() -> JsValue>::new(|| {
        examples::EXAMPLES
            .iter()
            .map(|e| {
                let o = Object::new();
                set(&o, "id", &JsValue::from_str(e.id));
                set(&o, "title", &JsValue::from_str(e.title));
                JsValue::from(o)
            })
            .collect::<Array>()
            .into()
    });
    set(&api, "examples", &f.into_js_value());

    let f = Closure::<dyn Fn(JsValue) -> bool>::new(move |id: JsValue| {
        pg.load_example(&string_arg(id, "loadExample"))
    });
    set(&api, "loadExample", &f.into_js_value());

    set(&api, "editor", &JsValue::from_str(editor::kind()));
    let _ = Object::freeze(&api);
    set(&window, "relplay", &api);
    if let Ok(ev) = web_sys::Event::new("relplay:ready") {
        let _ = window.dispatch_event(&ev);
    }
}
