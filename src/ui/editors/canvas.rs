//! The drawing surface: shows SVG drawn by the pure renderers, and turns Pointer Events (mouse,
//! touch and pen alike) into select, drag, pan and pinch-zoom; the wheel zooms. While a drag
//! is under way only a view-state offset changes; the command is made once, on release, so a
//! whole drag is one undo step.

use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, SvgGraphicsElement, WheelEvent};

/// The visible part of the drawing: x, y, width, height in drawing units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox(pub f64, pub f64, pub f64, pub f64);

impl ViewBox {
    /// Zooms by `factor` (below 1 zooms in) keeping the point (px, py) still.
    pub fn zoom(self, factor: f64, px: f64, py: f64) -> Self {
        let f = factor.clamp(0.2, 5.0);
        let w = (self.2 * f).clamp(150.0, 40_000.0);
        let f = w / self.2;
        ViewBox(
            px - (px - self.0) * f,
            py - (py - self.1) * f,
            w,
            self.3 * f,
        )
    }
    /// Zooms about the centre.
    pub fn zoom_centre(self, factor: f64) -> Self {
        self.zoom(factor, self.0 + self.2 / 2.0, self.1 + self.3 / 2.0)
    }
    fn attr(self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.0, self.1, self.2, self.3)
    }
}

/// What a pointer is doing.
#[derive(Clone, Debug)]
enum Gesture {
    Idle,
    /// Pressed on an item: dragging it once it moves.
    Drag {
        id: String,
        from: (f64, f64),
        moved: bool,
    },
    /// Pressed on the background (or on an item of a read-only drawing, `pressed`): panning
    /// once it moves, selecting what was pressed when it does not.
    Pan {
        from_client: (f64, f64),
        start: ViewBox,
        moved: bool,
        pressed: Option<String>,
    },
    /// Two fingers: zooming and panning together.
    Pinch {
        start_gap: f64,
        start: ViewBox,
    },
}

/// What the canvas reports to its page.
#[derive(Clone, Copy)]
pub struct CanvasEvents {
    /// An item (by `data-id`) was tapped or clicked, or the background (`None`).
    pub select: Callback<Option<String>>,
    /// An item is being dragged: its id and the offset from where it started, in drawing units.
    pub drag: Callback<(String, f64, f64)>,
    /// A drag ended, with the final offset.
    pub drop: Callback<(String, f64, f64)>,
}

pub fn to_drawing(svg: &SvgGraphicsElement, cx: f64, cy: f64) -> (f64, f64) {
    match svg.get_screen_ctm() {
        Some(m) if m.a() != 0.0 && m.d() != 0.0 => (
            (cx - f64::from(m.e())) / f64::from(m.a()),
            (cy - f64::from(m.f())) / f64::from(m.d()),
        ),
        _ => (cx, cy),
    }
}

fn item_id(ev: &PointerEvent) -> Option<String> {
    ev.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("[data-id]").ok().flatten())
        .and_then(|el| el.get_attribute("data-id"))
}

/// Moves focus to the drawing itself (after the focused item was taken away), so keyboard
/// shortcuts such as undo keep working.
pub fn focus_canvas(ev: &web_sys::KeyboardEvent) {
    if let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the item with `id` inside `root` (after a redraw replaced the element).
pub fn refocus(root: &Element, id: &str) {
    if let Ok(Some(el)) = root.query_selector(&format!("[data-id=\"{id}\"]")) {
        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
            let _ = el.focus();
        }
    }
}

/// The SVG surface. `markup` is the drawing (already escaped) and `overlay` what is being
/// dragged; `label` names it for screen readers; `keep_focus` is the item to keep focused across redraws while the canvas has focus.
#[component]
pub fn Canvas(
    #[prop(into)] markup: Signal<String>,
    /// Drawn over `markup`: what moves during a drag, redrawn on every move.
    #[prop(into)]
    overlay: Signal<String>,
    view_box: RwSignal<ViewBox>,
    events: CanvasEvents,
    #[prop(into)] label: String,
    #[prop(into)] keep_focus: Signal<Option<String>>,
    #[prop(optional, into)] on_key: Option<Callback<web_sys::KeyboardEvent>>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let node = NodeRef::<leptos::svg::Svg>::new();
    let session = crate::ui::session::use_session();
    let read_only = move || session.doc.with_untracked(|a| a.is_locked());
    let gesture = StoredValue::new(Gesture::Idle);
    let pointers = StoredValue::new(BTreeMap::<i32, (f64, f64)>::new());
    let has_focus = StoredValue::new(false);
    let svg_el = move || {
        node.get_untracked()
            .map(|n| n.unchecked_into::<SvgGraphicsElement>())
    };
    let gap = move || {
        pointers.with_value(|p| {
            let v: Vec<&(f64, f64)> = p.values().collect();
            if v.len() < 2 {
                return None;
            }
            let (a, b) = (v[0], v[1]);
            Some((
                ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt(),
                ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
            ))
        })
    };

    let down = move |ev: PointerEvent| {
        let Some(svg) = svg_el() else { return };
        pointers.update_value(|p| {
            p.insert(
                ev.pointer_id(),
                (f64::from(ev.client_x()), f64::from(ev.client_y())),
            );
        });
        let _ = svg.set_pointer_capture(ev.pointer_id());
        if let Some((g, _)) = gap() {
            // A second finger: abandon any drag and pinch instead.
            if let Gesture::Drag {
                id, moved: true, ..
            } = gesture.get_value()
            {
                events.drag.run((id, 0.0, 0.0));
            }
            gesture.set_value(Gesture::Pinch {
                start_gap: g.max(1.0),
                start: view_box.get_untracked(),
            });
            return;
        }
        let from = to_drawing(&svg, f64::from(ev.client_x()), f64::from(ev.client_y()));
        // An authorised assessment's drawing is read-only: nothing is dragged, it pans.
        gesture.set_value(match item_id(&ev) {
            Some(id) if !read_only() => Gesture::Drag {
                id,
                from,
                moved: false,
            },
            pressed => Gesture::Pan {
                from_client: (f64::from(ev.client_x()), f64::from(ev.client_y())),
                start: view_box.get_untracked(),
                moved: false,
                pressed,
            },
        });
    };

    let moved = move |ev: PointerEvent| {
        let Some(svg) = svg_el() else { return };
        let client = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let known = pointers.with_value(|p| p.contains_key(&ev.pointer_id()));
        if !known {
            return;
        }
        pointers.update_value(|p| {
            p.insert(ev.pointer_id(), client);
        });
        match gesture.get_value() {
            Gesture::Idle => {}
            Gesture::Drag { id, from, moved } => {
                let at = to_drawing(&svg, client.0, client.1);
                let (dx, dy) = (at.0 - from.0, at.1 - from.1);
                let scale = view_box.get_untracked().2 / f64::from(svg.client_width().max(1));
                if moved || (dx * dx + dy * dy).sqrt() > 6.0 * scale {
                    gesture.set_value(Gesture::Drag {
                        id: id.clone(),
                        from,
                        moved: true,
                    });
                    events.drag.run((id, dx, dy));
                }
            }
            Gesture::Pan {
                from_client,
                start,
                moved,
                pressed,
            } => {
                let (dx, dy) = (client.0 - from_client.0, client.1 - from_client.1);
                if moved || dx.abs() + dy.abs() > 6.0 {
                    let k = start.2 / f64::from(svg.client_width().max(1));
                    view_box.set(ViewBox(
                        start.0 - dx * k,
                        start.1 - dy * k,
                        start.2,
                        start.3,
                    ));
                    gesture.set_value(Gesture::Pan {
                        from_client,
                        start,
                        moved: true,
                        pressed,
                    });
                }
            }
            Gesture::Pinch { start_gap, start } => {
                if let Some((g, mid)) = gap() {
                    let centre = to_drawing(&svg, mid.0, mid.1);
                    let current = view_box.get_untracked();
                    let wanted = start.2 * start_gap / g.max(1.0);
                    view_box.set(current.zoom(wanted / current.2, centre.0, centre.1));
                }
            }
        }
    };

    let up = move |ev: PointerEvent, cancelled: bool| {
        pointers.update_value(|p| {
            p.remove(&ev.pointer_id());
        });
        if let Some(svg) = svg_el() {
            let _ = svg.release_pointer_capture(ev.pointer_id());
        }
        let g = gesture.get_value();
        gesture.set_value(Gesture::Idle);
        match g {
            Gesture::Drag { id, from, moved } => {
                if cancelled {
                    events.drag.run((id, 0.0, 0.0));
                } else if moved {
                    if let Some(svg) = svg_el() {
                        let at =
                            to_drawing(&svg, f64::from(ev.client_x()), f64::from(ev.client_y()));
                        events.drop.run((id, at.0 - from.0, at.1 - from.1));
                    }
                } else {
                    events.select.run(Some(id));
                }
            }
            Gesture::Pan {
                moved: false,
                pressed,
                ..
            } if !cancelled => events.select.run(pressed),
            _ => {}
        }
    };

    let wheel = move |ev: WheelEvent| {
        let Some(svg) = svg_el() else { return };
        ev.prevent_default();
        let (px, py) = to_drawing(&svg, f64::from(ev.client_x()), f64::from(ev.client_y()));
        let factor = (ev.delta_y() * 0.0015).exp();
        view_box.update(|v| *v = v.zoom(factor, px, py));
    };

    // A redraw replaces the focused element: focus its replacement.
    Effect::new(move |_| {
        markup.track();
        let id = keep_focus.get();
        if let (Some(id), true, Some(root)) = (id, has_focus.get_value(), node.get_untracked()) {
            let root: Element = root.unchecked_into();
            refocus(&root, &id);
        }
    });

    view! {
        <svg
            node_ref=node
            class=format!("canvas {class}")
            class:canvas--read-only=move || session.doc.with(|a| a.is_locked())
            role="group"
            tabindex="-1"
            aria-label=label
            viewBox=move || view_box.get().attr()
            preserveAspectRatio="xMidYMid meet"
            on:pointerdown=down
            on:pointermove=moved
            on:pointerup=move |ev| up(ev, false)
            on:pointercancel=move |ev| up(ev, true)
            on:wheel=wheel
            on:focusin=move |ev: web_sys::FocusEvent| {
                has_focus.set_value(true);
                // Tabbing to a person selects them, as the drawing's label says.
                let id = ev
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|el| el.closest("[data-id]").ok().flatten())
                    .and_then(|el| el.get_attribute("data-id"));
                if let Some(id) = id {
                    if keep_focus.get_untracked().as_deref() != Some(id.as_str()) {
                        events.select.run(Some(id));
                    }
                }
            }
            on:focusout=move |ev: web_sys::FocusEvent| {
                // Focus moving to another control leaves the canvas; a redraw removing the
                // focused element (no related target) does not.
                let outside = ev
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(node.get_untracked())
                    .is_some_and(|(t, root)| {
                        let root: web_sys::Node = root.unchecked_into();
                        !root.contains(Some(&t))
                    });
                if outside {
                    has_focus.set_value(false);
                }
            }
            on:keydown=move |ev| {
                if let Some(k) = on_key {
                    k.run(ev)
                }
            }
        >
            <g inner_html=move || markup.get()></g>
            <g inner_html=move || overlay.get()></g>
        </svg>
    }
}

/// + and − (and =) zoom; returns the factor.
pub fn handle_zoom_key(ev: &web_sys::KeyboardEvent) -> Option<f64> {
    match ev.key().as_str() {
        "+" | "=" => Some(0.8),
        "-" | "_" => Some(1.25),
        _ => None,
    }
}
