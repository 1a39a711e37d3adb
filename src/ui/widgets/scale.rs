//! The scale widget: a 0 to 10 line with its anchors and every rater's marker. Markers are
//! dragged with finger, pen or mouse (Pointer Events with capture, snapping to the scale's step)
//! and are real sliders for the keyboard (arrows, Page Up/Down, Home/End) with a value text that
//! says who and what. Markers at the same value stack, so all stay readable.

use crate::model::scales::{spread, stack_rows_sized, Marker, Scale, ScaleValue, Step};
use crate::ui::session::use_session;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Until a marker is measured, the points it is taken to need (its dot and a short name).
const ROW_GAP: f64 = 2.5;
/// The same, for the larger labels of presentation mode.
const ROW_GAP_LARGE: f64 = 3.5;
/// Room left between two names side by side, in pixels.
const NAME_ROOM_PX: f64 = 12.0;

/// Up to two initials for a marker's dot.
fn initials(m: &Marker) -> String {
    let src = if m.rater.name.trim().is_empty() {
        &m.rater.role
    } else {
        &m.rater.name
    };
    let s: String = src
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .collect();
    if s.is_empty() {
        "?".into()
    } else {
        s.to_uppercase()
    }
}

/// The words a screen reader says for a marker.
pub fn value_text(m: &Marker) -> String {
    match m.value {
        Some(v) => format!("{}: {} out of 10", m.rater.label(), v.words()),
        None => format!("{}: not placed yet", m.rater.label()),
    }
}

/// The widget for the scale `scale_id` of the open assessment. `large` is the presentation size.
#[component]
pub fn ScaleWidget(#[prop(into)] scale_id: String, #[prop(optional)] large: bool) -> impl IntoView {
    let s = use_session();
    let sid = StoredValue::new(scale_id);
    let scale = Memo::new(move |_| s.doc.read().scale(&sid.get_value()).cloned());
    let track = NodeRef::<leptos::html::Div>::new();
    let dragging = RwSignal::new(None::<String>);
    let desc_id = format!("scale-desc-{}", sid.get_value());
    let desc_for_markers = desc_id.clone();

    let set_value = move |marker: &str, v: ScaleValue| {
        let current = scale.with_untracked(|sc| {
            sc.as_ref().and_then(|sc| {
                sc.markers
                    .iter()
                    .find(|m| m.id == marker)
                    .and_then(|m| m.value)
            })
        });
        if current != Some(v) {
            let marker = marker.to_owned();
            let who = scale.with_untracked(|sc| {
                sc.as_ref()
                    .and_then(|sc| sc.markers.iter().find(|m| m.id == marker))
                    .map(|m| m.rater.label())
                    .unwrap_or_default()
            });
            // A drag, or arrow keys held down, is one undo step.
            let label = format!("move {who} on the scale");
            s.typing(label, format!("marker:{marker}"), move |a| {
                if let Some(sc) = a.scale_mut(&sid.get_value()) {
                    sc.set_value(&marker, Some(v));
                }
            });
        }
    };
    let value_at = move |client_x: f64| -> Option<ScaleValue> {
        let el = track.get_untracked()?;
        let rect = el.get_bounding_client_rect();
        if rect.width() <= 0.0 {
            return None;
        }
        let step = scale.with_untracked(|sc| sc.as_ref().map(|sc| sc.step).unwrap_or_default());
        Some(ScaleValue::snap(
            (client_x - rect.left()) / rect.width() * 10.0,
            step,
        ))
    };

    let ticks = (0..=10)
        .map(|i| view! { <span class="scale__tick" style:left=format!("{}%", i * 10) aria-hidden="true">{i}</span> })
        .collect_view();

    // Keyed by marker id, so a marker's element stays the same while it is dragged (pointer
    // capture stays with it) and only its position and labels change.
    let ids = Memo::new(move |_| {
        scale.with(|sc| {
            sc.as_ref()
                .map(|sc| {
                    sc.markers
                        .iter()
                        .filter(|m| m.value.is_some())
                        .map(|m| m.id.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let gap = if large { ROW_GAP_LARGE } else { ROW_GAP };
    // The width each marker and its name take on screen, in points of the scale, measured once
    // drawn and again when the window changes size: long names and roles take more room.
    let widths = RwSignal::new(Vec::<(String, f64)>::new());
    let measure = move || {
        let Some(el) = track.get_untracked() else {
            return;
        };
        let track_px = el.get_bounding_client_rect().width();
        let Ok(list) = el.query_selector_all(".scale__marker") else {
            return;
        };
        if track_px <= 0.0 {
            return;
        }
        let measured: Vec<(String, f64)> = (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
            .filter_map(|e| {
                let id = e.get_attribute("data-marker")?;
                let px = e.get_bounding_client_rect().width() + NAME_ROOM_PX;
                Some((id, px / track_px * 10.0))
            })
            .collect();
        let same = widths.with_untracked(|w| {
            w.len() == measured.len()
                && w.iter()
                    .zip(&measured)
                    .all(|(a, b)| a.0 == b.0 && (a.1 - b.1).abs() < 0.01)
        });
        if !same {
            widths.set(measured);
        }
    };
    Effect::new(move |_| {
        scale.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let rows = Memo::new(move |_| {
        scale.with(|sc| {
            sc.as_ref()
                .map(|sc| {
                    let stacked = widths.with(|w| {
                        stack_rows_sized(&sc.markers, |i| {
                            w.iter()
                                .find(|(id, _)| *id == sc.markers[i].id)
                                .map_or(gap, |(_, points)| *points)
                        })
                    });
                    sc.markers
                        .iter()
                        .map(|m| m.id.clone())
                        .zip(stacked)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let desc = StoredValue::new(desc_for_markers);
    let markers = move || {
        view! {
            <For each=move || ids.get() key=|id| id.clone() let:id>
                {
                    let id = StoredValue::new(id);
                    let marker = Memo::new(move |_| scale.with(|sc| sc.as_ref().and_then(|sc| sc.markers.iter().find(|m| m.id == id.get_value()).cloned())));
                    let value = move || marker.with(|m| m.as_ref().and_then(|m| m.value)).unwrap_or(ScaleValue::MIN);
                    let row = move || rows.with(|r| r.iter().find(|(m, _)| *m == id.get_value()).map_or(0, |(_, r)| *r));
                    let label = move || marker.with(|m| m.as_ref().map(|m| m.rater.label()).unwrap_or_default());
                    view! {
                        <div
                            class="scale__marker"
                            data-marker=id.get_value()
                            class:scale__marker--dragging=move || dragging.get().as_deref() == Some(id.get_value().as_str())
                            style:left=move || format!("{}%", value().as_f64() * 10.0)
                            style:bottom=move || format!("{}px", if large { 70 + row() * 100 } else { 52 + row() * 72 })
                            role="slider"
                            tabindex="0"
                            aria-label=label
                            aria-valuemin="0"
                            aria-valuemax="10"
                            aria-valuenow=move || value().short()
                            aria-valuetext=move || marker.with(|m| m.as_ref().map(value_text).unwrap_or_default())
                            aria-describedby=desc.get_value()
                            data-testid=format!("marker-{}", id.get_value())
                            on:pointerdown=move |ev| {
                                ev.prevent_default();
                                if let Some(t) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                                    let _ = t.set_pointer_capture(ev.pointer_id());
                                    let _ = t.focus();
                                }
                                dragging.set(Some(id.get_value()));
                            }
                            on:pointermove=move |ev| {
                                if dragging.get_untracked().as_deref() == Some(id.get_value().as_str()) {
                                    if let Some(v) = value_at(f64::from(ev.client_x())) {
                                        set_value(&id.get_value(), v);
                                    }
                                }
                            }
                            on:pointerup=move |_| dragging.set(None)
                            on:pointercancel=move |_| dragging.set(None)
                            on:lostpointercapture=move |_| dragging.set(None)
                            on:keydown=move |ev| {
                                let step = scale.with_untracked(|sc| sc.as_ref().map(|sc| sc.step).unwrap_or_default());
                                let v = value();
                                let next = match ev.key().as_str() {
                                    "ArrowRight" | "ArrowUp" => Some(v.nudge(1, step)),
                                    "ArrowLeft" | "ArrowDown" => Some(v.nudge(-1, step)),
                                    "PageUp" => Some(v.nudge(2, step)),
                                    "PageDown" => Some(v.nudge(-2, step)),
                                    "Home" => Some(ScaleValue::MIN),
                                    "End" => Some(ScaleValue::MAX),
                                    _ => None,
                                };
                                if let Some(n) = next {
                                    ev.prevent_default();
                                    set_value(&id.get_value(), n);
                                }
                            }
                        >
                            <span class="scale__dot" aria-hidden="true">{move || marker.with(|m| m.as_ref().map(initials).unwrap_or_default())}</span>
                            <span class="scale__label" aria-hidden="true">{move || format!("{}: {}", label(), value().short())}</span>
                        </div>
                    }
                }
            </For>
        }
    };
    let height = move || {
        let rows = rows.with(|r| r.iter().map(|(_, row)| *row).max().unwrap_or(0));
        format!(
            "{}px",
            if large {
                170 + rows * 100
            } else {
                124 + rows * 72
            }
        )
    };
    let spread_words = move || {
        scale.with(|sc| {
            sc.as_ref()
                .and_then(|sc| spread(&sc.markers))
                .map(|sp| sp.words())
        })
    };

    view! {
        <div class="scale" class:scale--large=large data-testid="scale-widget">
            <p class="visually-hidden" id=desc_id.clone()>{move || scale.with(|sc| sc.as_ref().map(Scale::description).unwrap_or_default())}</p>
            <div class="scale__ends" aria-hidden="true">
                <p class="scale__end"><strong>"0"</strong>" "{move || scale.with(|sc| sc.as_ref().map(|sc| sc.low_anchor.clone()).unwrap_or_default())}</p>
                <p class="scale__end scale__end--high"><strong>"10"</strong>" "{move || scale.with(|sc| sc.as_ref().map(|sc| sc.high_anchor.clone()).unwrap_or_default())}</p>
            </div>
            <div class="scale__area" style:height=height>
                <div class="scale__track" node_ref=track>
                    <div class="scale__line" aria-hidden="true"></div>
                    {ticks}
                    {markers}
                </div>
            </div>
            <p class="scale__spread" aria-live="polite" data-testid="scale-spread">
                {move || spread_words().unwrap_or_else(|| "Place two or more people on the scale to see how far apart they are.".into())}
            </p>
        </div>
    }
}

/// Whether halves are allowed on a scale, as words.
pub fn step_words(step: Step) -> &'static str {
    match step {
        Step::Whole => "whole numbers",
        Step::Half => "whole and half points",
    }
}
