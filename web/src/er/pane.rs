//! The Diagram pane: redraws from the static model a moment after the code
//! stops changing (no run needed), with pan (drag, arrows), zoom (wheel,
//! +/-, buttons) and fit (0). Hovering or focusing a relationship
//! highlights both of its ends and marks the code that declares them.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;

use super::diagram::Diagram;
use super::layout::layout_for;
use super::svg::{scene, Bounds, Node};
use crate::editor;

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// How long the code must be still before the diagram is redrawn.
const DEBOUNCE_MS: u64 = 250;
const MIN_SCALE: f64 = 0.15;
const MAX_SCALE: f64 = 3.0;

/// Pan and zoom: screen = layout * scale + (tx, ty).
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    tx: f64,
    ty: f64,
    scale: f64,
}

impl View {
    fn zoom_at(self, factor: f64, px: f64, py: f64) -> View {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let k = scale / self.scale;
        View {
            tx: px - (px - self.tx) * k,
            ty: py - (py - self.ty) * k,
            scale,
        }
    }
    /// Shows all of `b` (with a margin) in a `w`×`h` host, centred.
    fn fit(b: &Bounds, w: f64, h: f64) -> View {
        const MARGIN: f64 = 16.0;
        let (bw, bh) = (b.width() + 2.0 * MARGIN, b.height() + 2.0 * MARGIN);
        if b.width() <= 0.0 || w <= 0.0 || h <= 0.0 {
            return View {
                tx: 0.0,
                ty: 0.0,
                scale: 1.0,
            };
        }
        let scale = (w / bw).min(h / bh).clamp(MIN_SCALE, 1.25);
        View {
            tx: (w - b.width() * scale) / 2.0 - b.x0 * scale,
            ty: ((h - b.height() * scale) / 2.0).max(MARGIN * scale) - b.y0 * scale,
            scale,
        }
    }
}

fn to_dom(doc: &web_sys::Document, n: &Node) -> Option<web_sys::Element> {
    let el = doc.create_element_ns(Some(SVG_NS), n.tag).ok()?;
    for (k, v) in &n.attrs {
        let _ = el.set_attribute(k, v);
    }
    if let Some(t) = &n.text {
        el.set_text_content(Some(t)); // text, never markup
    }
    for c in &n.children {
        if let Some(c) = to_dom(doc, c) {
            let _ = el.append_child(&c);
        }
    }
    Some(el)
}

/// The `data-rel` index of the relationship under an event's target.
fn rel_index(ev: &web_sys::Event) -> Option<usize> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-rel]")
        .ok()??
        .get_attribute("data-rel")?
        .parse()
        .ok()
}

#[component]
pub fn DiagramPane(code: RwSignal<String>) -> impl IntoView {
    let host = NodeRef::<leptos::html::Div>::new();
    // The code the diagram shows: `code`, once it has been still for a moment.
    let source = RwSignal::new(code.get_untracked());
    Effect::new(move |_| {
        let now = code.get();
        // `try_`: the pane may be gone when the timer fires.
        set_timeout(
            move || {
                let still = code.try_with_untracked(|c| *c == now) == Some(true);
                if still && source.try_with_untracked(|s| *s != now) == Some(true) {
                    source.try_set(now);
                }
            },
            Duration::from_millis(DEBOUNCE_MS),
        );
    });
    let drawn: StoredValue<Option<(String, Diagram)>> = StoredValue::new(None);
    let message = RwSignal::new(None::<String>);
    let size = RwSignal::new(Bounds {
        x0: 0.0,
        y0: 0.0,
        x1: 0.0,
        y1: 0.0,
    });
    let view_state = RwSignal::new(View {
        tx: 0.0,
        ty: 0.0,
        scale: 1.0,
    });
    let hovered = RwSignal::new(None::<usize>);
    let tables_shown = StoredValue::new(Vec::<String>::new());
    // Over the whole viewport (the expand toggle; Esc closes).
    let expanded = RwSignal::new(false);
    // Bumped when the pane changes shape: lay out again for it, and fit.
    let reshape = RwSignal::new(0u32);
    let shaped = StoredValue::new((0u32, (0.0f64, 0.0f64)));

    let host_size = move || {
        host.try_get_untracked()
            .flatten()
            .map(|h| (h.client_width() as f64, h.client_height() as f64))
            .unwrap_or((0.0, 0.0))
    };
    let fit = move || {
        let (w, h) = host_size();
        if let Some(v) = size.try_with_untracked(|l| View::fit(l, w, h)) {
            view_state.try_set(v);
        }
    };

    // Redraw when the (debounced) code changes.
    Effect::new(move |_| {
        let src = source.get();
        let bump = reshape.get();
        let Some(host_el) = host.get() else { return };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let diagram = match relplay::model(&src) {
            Ok(m) => Diagram::from_model(&m),
            Err(lint) => {
                message.set(Some(format!(
                    "The diagram shows the last code that could be read. Line {}: {}",
                    lint.line, lint.message
                )));
                return;
            }
        };
        message.set(diagram.tables.is_empty().then(|| {
            "No mapped classes or Table(...) declarations yet: the diagram draws them as you type."
                .to_string()
        }));
        let (w, h) = host_size();
        let refit = shaped.with_value(|s| s.0 != bump);
        shaped.set_value((bump, (w, h)));
        let (root, bounds) = scene(&diagram, &layout_for(&diagram, w, h));
        let svg = Node::new("svg")
            .attr("class", "er-svg")
            .attr("width", "100%")
            .attr("height", "100%")
            .child(Node::new("g").attr("class", "er-viewport").child(root));
        host_el.set_text_content(None);
        if let Some(el) = to_dom(&doc, &svg) {
            let _ = host_el.append_child(&el);
        }
        let names: Vec<String> = diagram.tables.iter().map(|t| t.name.clone()).collect();
        let new_tables = tables_shown.with_value(|t| *t != names);
        tables_shown.set_value(names);
        drawn.set_value(Some((src, diagram)));
        size.set(bounds);
        hovered.set(None);
        if new_tables || refit {
            // A new set of tables: show them all. Edits within keep the view.
            request_animation_frame(fit);
        } else {
            view_state.update(|_| {}); // re-apply the transform to the new nodes
        }
    });

    // A new shape (window resized, expanded or restored): lay out for it
    // when the aspect changed enough to matter.
    let check_shape = move || {
        let (w, h) = host_size();
        let (_, (w0, h0)) = shaped.get_value();
        let moved =
            (w * h0 - h * w0).abs() > 0.08 * w0 * h0 || (w - w0).abs() + (h - h0).abs() > 120.0;
        if w > 0.0 && h > 0.0 && moved {
            reshape.update(|n| *n += 1);
        }
    };
    let pending = StoredValue::new(false);
    let on_resize = window_event_listener(leptos::ev::resize, move |_| {
        if !pending.get_value() {
            pending.set_value(true);
            set_timeout(
                move || {
                    if pending.try_set_value(false).is_none() {
                        check_shape();
                    }
                },
                Duration::from_millis(150),
            );
        }
    });
    on_cleanup(move || on_resize.remove());
    // Esc restores: focus stays in the pane (the toggle or the drawing).
    let on_pane_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && expanded.get_untracked() {
            ev.prevent_default();
            expanded.set(false);
        }
    };
    Effect::new(move |prev: Option<bool>| {
        let now = expanded.get();
        if prev.is_some_and(|p| p != now) {
            request_animation_frame(move || {
                reshape.try_update(|n| *n += 1);
            });
        }
        now
    });

    // Apply pan/zoom.
    Effect::new(move |_| {
        let v = view_state.get();
        let _ = size.get();
        let g = host
            .get()
            .and_then(|h| h.query_selector(".er-viewport").ok().flatten());
        if let Some(g) = g {
            let _ = g.set_attribute(
                "transform",
                &format!("translate({:.1} {:.1}) scale({:.4})", v.tx, v.ty, v.scale),
            );
        }
    });

    // Hover: both ends light up, the declaring code is marked.
    Effect::new(move |prev: Option<Option<usize>>| {
        let now = hovered.get();
        let Some(h) = host.get() else { return now };
        let set = |i: usize, on: bool| {
            if let Ok(Some(g)) = h.query_selector(&format!("[data-rel=\"{i}\"]")) {
                let class = g.get_attribute("class").unwrap_or_default();
                let base = class.replace(" hover", "");
                let _ = g.set_attribute("class", &if on { base + " hover" } else { base });
            }
        };
        if let Some(Some(p)) = prev {
            set(p, false);
        }
        match now {
            Some(i) => {
                set(i, true);
                drawn.with_value(|d| {
                    if let Some((src, diagram)) = d {
                        if let Some(r) = diagram.rels.get(i) {
                            let mut spans = vec![r.a.span];
                            spans.extend(r.b.as_ref().map(|b| b.span));
                            editor::mark_spans(src, &spans);
                        }
                    }
                });
            }
            None if prev.flatten().is_some() => editor::mark_spans("", &[]),
            None => {}
        }
        now
    });
    on_cleanup(|| editor::mark_spans("", &[]));

    // Only real changes: the editor is redecorated on each.
    let hover = move |i: Option<usize>| {
        if hovered.get_untracked() != i {
            hovered.set(i);
        }
    };
    let drag = StoredValue::new(None::<(f64, f64)>);
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() == 0 {
            drag.set_value(Some((ev.client_x() as f64, ev.client_y() as f64)));
        }
    };
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let Some((x0, y0)) = drag.get_value() else {
            return;
        };
        if ev.buttons() & 1 == 0 {
            drag.set_value(None);
            return;
        }
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        drag.set_value(Some((x, y)));
        view_state.update(|v| {
            v.tx += x - x0;
            v.ty += y - y0;
        });
    };
    let end_drag = move |_: web_sys::PointerEvent| drag.set_value(None);
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(h) = host.get_untracked() else {
            return;
        };
        let r = h.get_bounding_client_rect();
        let (px, py) = (
            ev.client_x() as f64 - r.left(),
            ev.client_y() as f64 - r.top(),
        );
        let factor = (-ev.delta_y() * 0.0015).exp();
        view_state.update(|v| *v = v.zoom_at(factor, px, py));
    };
    let zoom = move |factor: f64| {
        let (w, h) = host_size();
        view_state.update(|v| *v = v.zoom_at(factor, w / 2.0, h / 2.0));
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let step = 40.0;
        match ev.key().as_str() {
            "ArrowLeft" => view_state.update(|v| v.tx += step),
            "ArrowRight" => view_state.update(|v| v.tx -= step),
            "ArrowUp" => view_state.update(|v| v.ty += step),
            "ArrowDown" => view_state.update(|v| v.ty -= step),
            "+" | "=" => zoom(1.25),
            "-" | "_" => zoom(0.8),
            "0" => fit(),
            _ => return,
        }
        ev.prevent_default();
    };

    view! {
        <div class="er-pane" class:expanded=move || expanded.get() on:keydown=on_pane_key>
            <div class="er-toolbar" role="toolbar" aria-label="Diagram view">
                <button class="er-btn" title="Zoom in (+)" aria-label="Zoom in" on:click=move |_| zoom(1.25)>"+"</button>
                <button class="er-btn" title="Zoom out (−)" aria-label="Zoom out" on:click=move |_| zoom(0.8)>"−"</button>
                <button class="er-btn" title="Fit (0)" data-testid="er-fit" on:click=move |_| fit()>"Fit"</button>
                <button
                    class="er-btn"
                    data-testid="er-expand"
                    aria-pressed=move || expanded.get().to_string()
                    title="Expand to the whole window (Esc restores)"
                    aria-label="Expand the diagram"
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    "⤢"
                </button>
                <span class="er-legend" aria-label="Legend">
                    <span class="lg back-populates">"back_populates"</span>
                    <span class="lg backref">"backref"</span>
                    <span class="lg one-sided">"one-sided"</span>
                    <span class="lg fk">"FK (crow's foot = many)"</span>
                </span>
            </div>
            {move || message.get().map(|m| view! { <p class="hint er-message" role="status">{m}</p> })}
            <div
                class="er-host"
                data-testid="er-diagram"
                tabindex="0"
                role="img"
                aria-label="Entity-relationship diagram of the script's models. Arrows pan, + and − zoom, 0 fits."
                node_ref=host
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=end_drag
                on:pointerleave=end_drag
                on:wheel=on_wheel
                on:keydown=on_keydown
                on:mouseover=move |ev: web_sys::MouseEvent| hover(rel_index(&ev))
                on:mouseleave=move |_| hover(None)
                on:focusin=move |ev: web_sys::FocusEvent| hover(rel_index(&ev))
            ></div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_point_under_the_cursor() {
        let v = View {
            tx: 10.0,
            ty: 20.0,
            scale: 1.0,
        };
        let z = v.zoom_at(2.0, 110.0, 120.0);
        // layout point (100, 100) was at (110, 120) and stays there.
        assert!((100.0 * z.scale + z.tx - 110.0).abs() < 1e-9);
        assert!((100.0 * z.scale + z.ty - 120.0).abs() < 1e-9);
        assert_eq!(v.zoom_at(100.0, 0.0, 0.0).scale, MAX_SCALE);
    }

    #[test]
    fn fit_centres() {
        let b = Bounds {
            x0: -100.0,
            y0: 50.0,
            x1: 268.0,
            y1: 218.0,
        };
        // 400×200 with the margins, in a 200×400 host: half size.
        let v = View::fit(&b, 200.0, 400.0);
        assert_eq!(v.scale, 0.5);
        let left = b.x0 * v.scale + v.tx;
        let right = b.x1 * v.scale + v.tx;
        assert!(
            (left - (200.0 - right)).abs() < 1e-9,
            "centred: {left} {right}"
        );
        let top = b.y0 * v.scale + v.ty;
        assert!((top - (400.0 - b.y1 * v.scale - v.ty)).abs() < 1e-9);
    }
}
