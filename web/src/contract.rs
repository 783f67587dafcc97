//! `window.relplay`: the page's stable contract for tests and embedders.
//!
//! - `setCode(text)`, `getCode()` → string
//! - `run()` → `{stdout, stderr, exit}` (a plain object; also updates the page)
//! - `examples()` → `[{id, title}]`, `loadExample(id)` → boolean
//! - `compare("Class.attr", kind?)` → Promise of `[{variant, stdout, stderr,
//!   exit, sql}]`: the current code run under each variant of that
//!   relationship (`kind` `"sync"`, the default, or `"lazy"`); also shown in
//!   the compare view. Rejects with an Error when the variants cannot be made.
//!
//! It is set only once the editor is mounted, then `relplay:ready` is fired on `window`.
//!
//! `window.relplayDev.show({stdout, stderr, exit, events: [{stream, line, text}]})`
//! shows a run as if the facade had returned it: it lets the browser tests
//! (and anyone building on the proposed `Run.events`) drive the SQL pane before
//! the facade reports events. Not part of the stable contract.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::app::{Output, Playground};
use crate::sqllog::{Event, Stream};
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
    crate::lab::code_changed(&editor::get_code());
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

    let f = Closure::<dyn Fn(JsValue, JsValue) -> js_sys::Promise>::new(compare);
    set(&api, "compare", &f.into_js_value());

    set(&api, "editor", &JsValue::from_str(editor::kind()));
    install_dev(&window, pg);
    let _ = Object::freeze(&api);
    set(&window, "relplay", &api);
    if let Ok(ev) = web_sys::Event::new("relplay:ready") {
        let _ = window.dispatch_event(&ev);
    }
}

/// `compare(rel, kind?)`: runs now, resolves with plain objects.
fn compare(rel: JsValue, kind: JsValue) -> js_sys::Promise {
    let Some(rel) = rel.as_string() else {
        return js_sys::Promise::reject(
            &js_sys::TypeError::new("relplay.compare: expected \"Class.attr\"").into(),
        );
    };
    let kind = kind.as_string().unwrap_or_default();
    let c = match crate::lab::lab() {
        Some(l) => l.compare(&rel, &kind),
        None => crate::lab::Comparison::run(&editor::get_code(), &rel, &kind),
    };
    match c.result {
        Ok(variants) => {
            let out: Array = variants
                .iter()
                .map(|v| {
                    let o = Object::new();
                    set(&o, "variant", &JsValue::from_str(&v.variant));
                    set(&o, "stdout", &JsValue::from_str(&v.stdout));
                    set(&o, "stderr", &JsValue::from_str(&v.stderr));
                    set(&o, "exit", &JsValue::from(v.exit));
                    set(&o, "sql", &JsValue::from_str(&v.sql));
                    JsValue::from(o)
                })
                .collect();
            js_sys::Promise::resolve::<JsValue>(&JsValue::from(out))
        }
        Err(e) => {
            js_sys::Promise::reject(&js_sys::Error::new(&format!("relplay.compare: {e}")).into())
        }
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A run from JS, leniently: wrong types become empty/0, unknown streams are dropped.
fn output_from_js(run: &JsValue) -> Output {
    let events = Array::from(&get(run, "events"))
        .iter()
        .filter_map(|e| {
            let stream = Stream::parse(&get(&e, "stream").as_string()?)?;
            let line = get(&e, "line").as_f64().unwrap_or(0.0);
            let line = if line.is_finite() && line >= 0.0 && line <= f64::from(u32::MAX) {
                line as u32
            } else {
                0
            };
            let text = get(&e, "text").as_string().unwrap_or_default();
            Some(Event { stream, line, text })
        })
        .collect();
    Output {
        stdout: get(run, "stdout").as_string().unwrap_or_default(),
        stderr: get(run, "stderr").as_string().unwrap_or_default(),
        exit: get(run, "exit")
            .as_f64()
            .map_or(0, |x| x.clamp(-1.0, 255.0) as i32),
        millis: 0.0,
        events,
        ..Output::default()
    }
}

fn install_dev(window: &web_sys::Window, pg: Playground) {
    let dev = Object::new();
    let f = Closure::<dyn Fn(JsValue)>::new(move |run: JsValue| {
        editor::clear_errors();
        pg.show(output_from_js(&run));
    });
    set(&dev, "show", &f.into_js_value());
    let _ = Object::freeze(&dev);
    set(window, "relplayDev", &dev);
}
