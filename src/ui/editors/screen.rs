//! The drawing is the screen on a tablet: an editor page hides the site's header and footer
//! (`editor-mode` on the body; the styles apply from 700 px wide), the drawing fills the window
//! below a compact toolbar, and the panel for the selected person is a drawer (landscape) or a
//! sheet (portrait) over the drawing that can be closed. "Fit to screen" fits the drawing into
//! the part the drawer leaves uncovered ([`crate::diagram::fit`]).

use super::canvas::ViewBox;
use crate::diagram::fit::{fit_into, Rect};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Marks the body as showing an editor for as long as the calling page is shown.
pub fn editor_mode() {
    crate::ui::platform::body_class_while_shown("editor-mode");
}

/// Opens the drawer whenever something is selected.
pub fn open_when_selected<T: Send + Sync + 'static>(
    open: RwSignal<bool>,
    selected: RwSignal<Option<T>>,
) {
    Effect::new(move |_| {
        if selected.with(Option::is_some) {
            open.set(true);
        }
    });
}

/// The canvas's size in pixels and the part of it no panel covers, from the page.
fn free_area(editor: &Element) -> Option<((f64, f64), Rect)> {
    let canvas = editor.query_selector(".canvas").ok().flatten()?;
    let c = canvas.get_bounding_client_rect();
    let (cw, ch) = (c.width(), c.height());
    if cw < 1.0 || ch < 1.0 {
        return None;
    }
    let mut free = (0.0, 0.0, cw, ch);
    let panel = editor
        .query_selector(".editor__panel")
        .ok()
        .flatten()
        .filter(|p| {
            web_sys::window()
                .and_then(|w| w.get_computed_style(p).ok().flatten())
                .and_then(|s| s.get_property_value("position").ok())
                .is_some_and(|v| v == "absolute")
        });
    if let Some(p) = panel {
        let r = p.get_bounding_client_rect();
        let overlaps = r.width() > 0.0
            && r.height() > 0.0
            && r.left() < c.right()
            && r.right() > c.left()
            && r.top() < c.bottom()
            && r.bottom() > c.top();
        if overlaps {
            // A drawer down the right side, or a sheet across the bottom.
            if r.left() > c.left() + 8.0 {
                free.2 = r.left() - c.left();
            } else if r.top() > c.top() + 8.0 {
                free.3 = r.top() - c.top();
            }
        }
    }
    Some(((cw, ch), free))
}

/// The view box showing `extent` as large as it fits beside the open panel, with the canvas's
/// size in pixels, or `None` before the editor is on the page.
pub fn fitted(editor: NodeRef<Div>, extent: Rect) -> Option<(ViewBox, (f64, f64))> {
    let el: Element = editor.get_untracked()?.unchecked_into();
    let (canvas, free) = free_area(&el)?;
    let (x, y, w, h) = fit_into(extent, canvas, free);
    Some((ViewBox(x, y, w, h), canvas))
}

/// The part of the drawing (in drawing units) that is on screen and not under the panel.
fn uncovered(editor: NodeRef<Div>, view: ViewBox) -> Option<Rect> {
    let el: Element = editor.get_untracked()?.unchecked_into();
    let ((cw, ch), (fx, fy, fw, fh)) = free_area(&el)?;
    let k = crate::diagram::fit::scale((view.0, view.1, view.2, view.3), (cw, ch));
    let ox = (cw - view.2 * k) / 2.0;
    let oy = (ch - view.3 * k) / 2.0;
    let to = |px: f64, py: f64| (view.0 + (px - ox) / k, view.1 + (py - oy) / k);
    let (x0, y0) = to(fx, fy);
    let (x1, y1) = to(fx + fw, fy + fh);
    Some((x0, y0, x1 - x0, y1 - y0))
}

/// Pans `view` so (x, y) is inside the uncovered part (with a margin), when it is not.
pub fn keep_in_view(editor: NodeRef<Div>, view: RwSignal<ViewBox>, (x, y): (f64, f64)) {
    let v = view.get_untracked();
    let Some((ux, uy, uw, uh)) = uncovered(editor, v) else {
        return;
    };
    let margin = (uw.min(uh) / 8.0).min(70.0);
    // The least pan that brings them inside the margin, so the drawing does not jump about.
    let shift = |at: f64, lo: f64, len: f64| {
        if at < lo + margin {
            at - (lo + margin)
        } else if at > lo + len - margin {
            at - (lo + len - margin)
        } else {
            0.0
        }
    };
    let (dx, dy) = (shift(x, ux, uw), shift(y, uy, uh));
    if dx != 0.0 || dy != 0.0 {
        view.set(ViewBox(v.0 + dx, v.1 + dy, v.2, v.3));
    }
}

/// The canvas's size in pixels, once it is on the page.
fn canvas_size(editor: NodeRef<Div>) -> Option<(f64, f64)> {
    let el: Element = editor.get_untracked()?.unchecked_into();
    free_area(&el).map(|(c, _)| c)
}

/// Fits the drawing as soon as the editor is on the page (its size is known only then: at
/// once, before the drawing's first layout, so a big family is laid out once at the right
/// scale), and again whenever the window changes size or turns.
pub fn fit_when_shown(editor: NodeRef<Div>, fit: impl Fn() + Clone + 'static) {
    let first = fit.clone();
    Effect::new(move |_| {
        if editor.get().is_some() {
            if canvas_size(editor).is_some() {
                first();
            } else {
                request_animation_frame(first.clone());
            }
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| fit());
    on_cleanup(move || handle.remove());
}

/// The drawer (or sheet) for the selected person, with its close button. What is in it is
/// made only while it is open (a closed drawer costs a big family's first drawing nothing).
#[component]
pub fn Drawer(
    open: RwSignal<bool>,
    #[prop(into)] label: String,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <aside class="editor__panel" aria-label=label.clone() data-testid="editor-panel"
            class:editor__panel--closed=move || !open.get()>
            <Show when=move || open.get()>
                <div class="editor__panel-head">
                    <button type="button" class="button button--secondary button--small editor__close"
                        data-testid="panel-close" on:click=move |_| open.set(false)>
                        "Close panel"
                    </button>
                </div>
                {children()}
            </Show>
        </aside>
    }
}
