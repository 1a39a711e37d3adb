//! The drawing board of the child's tools: a surface drawn by finger, pen or mouse (Pointer
//! Events; the pen's pressure where it gives it), with big buttons for the colours, the
//! rubber, Undo, words and simple pictures (people from the register among them). While a
//! line is being drawn only its own path changes; the stroke is smoothed and saved when the
//! finger lifts ([`crate::diagram::ink::finish`]), one undo step each.

use crate::diagram::child_drawing::{
    background, icon, me_icon, path_marker, picture_svg, words_svg,
};
use crate::diagram::ink::stroke_svg;
use crate::diagram::ink::{finish, on_board, RawPoint, UNITS_PER_WIDTH};
use crate::edit::child_tools::{draw, erasable, set_path, tool, DrawEdit, Mark};
use crate::model::child_tools::{drawn_name, people_to_place, safety_house, Surface, Work};
use crate::model::drawing::{Drawing, Ink, PictureKind, PlacedPicture, PlacedWords, HEIGHT, WIDTH};
use crate::model::{ItemId, PersonId};
use crate::ui::editors::canvas::to_drawing;
use crate::ui::session::use_session;
use crate::workspace::Change;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{PointerEvent, SvgGraphicsElement};

/// What a touch on the drawing does.
#[derive(Clone, Debug, PartialEq)]
enum Tool {
    Pen,
    Rubber,
    /// Putting something down where the drawing is next touched.
    Place(Mark),
    /// Moving "me" along the Safety House path.
    Path,
}

/// The stroke width drawn (in steps of [`UNITS_PER_WIDTH`]).
const WIDTH_STEPS: u8 = 3;
/// Lines drawn in one block (see `Board`).
const BLOCK: usize = 100;
/// How far the rubber reaches, in drawing units.
const RUBBER: f64 = 16.0;

/// A drawing surface with its tools, for tool `id`.
#[component]
pub fn Board(
    id: ItemId,
    #[prop(into)] surface: Signal<Surface>,
    /// The child the tool is used with, to offer "me" first among the people.
    child: PersonId,
) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let child = StoredValue::new(child);
    let ink = RwSignal::new(Ink::Black);
    let mode = RwSignal::new(Tool::Pen);
    let panel = RwSignal::new(None::<&'static str>);
    let typed = RwSignal::new(String::new());
    let live = RwSignal::new(String::new());
    let raw = StoredValue::new(Vec::<RawPoint>::new());
    // The pointer drawing, and the surface it went down on.
    let drawing = StoredValue::new(None::<(i32, SvgGraphicsElement)>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let is_house = move || surface.get() == Surface::SafetyHouse;

    // The lines in blocks of [`BLOCK`], each redrawn only when its own lines change: a new line
    // redraws the last block, not the 2,000 before it. Words and pictures, on top, are one more.
    let drawing_len =
        Memo::new(move |_| shown(s, &id.get_value(), surface, |d| d.strokes.len()).unwrap_or(0));
    let blocks = Memo::new(move |_| (0..drawing_len.get().div_ceil(BLOCK)).collect::<Vec<_>>());
    let block_lines = move |i: usize| {
        Memo::new(move |_| {
            shown(s, &id.get_value(), surface, |d| {
                let end = d.strokes.len().min((i + 1) * BLOCK);
                d.strokes[(i * BLOCK).min(end)..end].to_vec()
            })
            .unwrap_or_default()
        })
    };
    let on_top = Memo::new(move |_| {
        shown(s, &id.get_value(), surface, |d| {
            let words = d.words.iter().map(words_svg);
            words
                .chain(d.pictures.iter().map(picture_svg))
                .collect::<String>()
        })
        .unwrap_or_default()
    });
    let path_at = Memo::new(move |_| {
        s.doc
            .with(|a| match tool(a, &id.get_value()).map(|t| &t.work) {
                Some(Work::SafetyHouse { path, .. }) => *path,
                _ => None,
            })
    });
    // The child's Undo takes back their own steps on this tool's boards (all of its surfaces,
    // so it lasts while the board is swapped for "All three"), never what the worker did.
    let scope = move || format!("board:{}", id.with_value(|i| i.as_str().to_owned()));
    let edit = move |e: DrawEdit| {
        let here = surface.get_untracked();
        let label = match &e {
            DrawEdit::Add(Mark::Stroke(_)) => "draw a line",
            DrawEdit::Add(Mark::Words(_)) => "put words on the drawing",
            DrawEdit::Add(Mark::Picture(_)) => "put a picture on the drawing",
            DrawEdit::Remove(_) => "rub out",
            _ => "move something on the drawing",
        };
        let _ = s.change(Change::named(label).within(scope()), |a| {
            draw(a, &id.get_value(), &here, e)
        });
    };
    let take_back = move || s.undo_within(&scope());
    let set_me = move |at: u8| {
        let _ = s.change(
            Change::named("move me along the path").within(scope()),
            |a| set_path(a, &id.get_value(), Some(at)),
        );
    };
    let to_path = move |x: f64, y: f64| {
        let nearest = safety_house::nearest_stone(x, y);
        if path_at.get_untracked() != Some(nearest) {
            set_me(nearest);
        }
    };
    let point_of = |ev: &PointerEvent, svg: &SvgGraphicsElement| {
        let (x, y) = to_drawing(svg, f64::from(ev.client_x()), f64::from(ev.client_y()));
        let pressure = (ev.pointer_type() == "pen").then(|| f64::from(ev.pressure()));
        RawPoint { x, y, pressure }
    };
    let svg_el = move || {
        svg_ref
            .get_untracked()
            .and_then(|el| el.dyn_into::<SvgGraphicsElement>().ok())
    };
    let rub = move |x: f64, y: f64| {
        let found =
            untrack(|| shown(s, &id.get_value(), surface, |d| erasable(d, x, y, RUBBER))).flatten();
        if let Some(at) = found {
            edit(DrawEdit::Remove(at));
        }
    };

    let down = move |ev: PointerEvent| {
        if drawing.with_value(Option::is_some) || !ev.is_primary() {
            return; // a second finger or the palm: the line already started goes on
        }
        let Some(svg) = svg_el() else { return };
        ev.prevent_default();
        let p = point_of(&ev, &svg);
        if let Tool::Place(m) = mode.get_untracked() {
            edit(DrawEdit::Add(placed(m, p.x, p.y)));
            mode.set(Tool::Pen);
            return;
        }
        // The rest follow this pointer until it lifts.
        let _ = svg.set_pointer_capture(ev.pointer_id());
        match mode.get_untracked() {
            Tool::Pen => {
                raw.set_value(vec![p]);
                live.set(format!("M{:.1} {:.1}l0 0", p.x, p.y));
            }
            Tool::Rubber => rub(p.x, p.y),
            Tool::Path => to_path(p.x, p.y),
            Tool::Place(_) => {}
        }
        drawing.set_value(Some((ev.pointer_id(), svg)));
    };
    let moved = move |ev: PointerEvent| {
        let Some(svg) = drawing.with_value(|d| {
            d.as_ref()
                .filter(|(pid, _)| *pid == ev.pointer_id())
                .map(|(_, svg)| svg.clone())
        }) else {
            return;
        };
        ev.prevent_default();
        // Every position the device reported since the last frame, not just the latest.
        let events = ev.get_coalesced_events();
        let points: Vec<RawPoint> = if events.length() == 0 {
            vec![point_of(&ev, &svg)]
        } else {
            events
                .iter()
                .filter_map(|e| e.dyn_into::<PointerEvent>().ok())
                .map(|e| point_of(&e, &svg))
                .collect()
        };
        match mode.get_untracked() {
            Tool::Pen => {
                raw.update_value(|r| r.extend(points.iter().copied()));
                live.update(|d| {
                    for p in &points {
                        d.push_str(&format!("L{:.1} {:.1}", p.x, p.y));
                    }
                });
            }
            Tool::Rubber => {
                if let Some(p) = points.last() {
                    rub(p.x, p.y);
                }
            }
            Tool::Path => {
                if let Some(p) = points.last() {
                    to_path(p.x, p.y);
                }
            }
            Tool::Place(_) => {}
        }
    };
    let up = move |ev: PointerEvent| {
        let mine =
            drawing.with_value(|d| d.as_ref().is_some_and(|(pid, _)| *pid == ev.pointer_id()));
        if !mine {
            return;
        }
        drawing.set_value(None);
        if mode.get_untracked() == Tool::Pen {
            let points = raw.try_update_value(std::mem::take).unwrap_or_default();
            if let Some(stroke) = finish(&points, ink.get_untracked(), WIDTH_STEPS) {
                edit(DrawEdit::Add(Mark::Stroke(stroke)));
            }
            live.set(String::new());
        }
    };

    let people = Memo::new(move |_| {
        s.doc.with(|a| {
            people_to_place(a, &child.get_value())
                .into_iter()
                .map(|p| (p.id.clone(), drawn_name(p)))
                .collect::<Vec<_>>()
        })
    });
    let choose = move |m: Mark| {
        mode.set(Tool::Place(m));
        panel.set(None);
    };
    let place_in_middle = move |_| {
        if let Tool::Place(m) = mode.get_untracked() {
            edit(DrawEdit::Add(placed(
                m,
                f64::from(WIDTH) / 2.0,
                f64::from(HEIGHT) / 2.0,
            )));
            mode.set(Tool::Pen);
        }
    };
    let toggle = move |which: &'static str| {
        panel.update(|p| *p = if *p == Some(which) { None } else { Some(which) });
    };
    let path_keys = move |ev: web_sys::KeyboardEvent| {
        let now = path_at.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => Some(now.map_or(0, |v| (v + 1).min(safety_house::TOP))),
            "ArrowLeft" | "ArrowDown" => Some(now.map_or(0, |v| v.saturating_sub(1))),
            "Home" => Some(0),
            "End" => Some(safety_house::TOP),
            _ => None,
        };
        if let Some(v) = next {
            ev.prevent_default();
            set_me(v);
        }
    };

    view! {
        <div class="board" data-testid="board">
            <div class="board__tools" role="toolbar" aria-label="Drawing tools">
                {Ink::ALL.iter().map(|&i| view! {
                    <button type="button" class="tool-button tool-button--ink" data-testid=format!("ink-{}", i.code())
                        aria-pressed=move || (mode.get() == Tool::Pen && ink.get() == i).to_string()
                        on:click=move |_| { ink.set(i); mode.set(Tool::Pen); panel.set(None); }>
                        <svg class="tool-button__swatch" viewBox="0 0 34 34" aria-hidden="true"><circle cx="17" cy="17" r="15" fill=i.css() stroke="#0b0c0c" stroke-width="2"/></svg>
                        <span class="tool-button__word">{i.label()}</span>
                    </button>
                }).collect_view()}
                <button type="button" class="tool-button" data-testid="rubber"
                    aria-pressed=move || (mode.get() == Tool::Rubber).to_string()
                    on:click=move |_| { mode.set(Tool::Rubber); panel.set(None); }>
                    <svg class="tool-button__icon" viewBox="0 0 40 40" aria-hidden="true"><rect x="6" y="12" width="28" height="16" rx="4" fill="#f3a6b8" stroke="#0b0c0c" stroke-width="2" transform="rotate(-30 20 20)"/></svg>
                    <span class="tool-button__word">"Rubber"</span>
                </button>
                <button type="button" class="tool-button" data-testid="undo" disabled=move || !s.can_undo_within(&scope())
                    on:click=move |_| take_back()>
                    <svg class="tool-button__icon" viewBox="0 0 40 40" aria-hidden="true"><path d="M14 10L6 18L14 26M7 18H26a8 8 0 0 1 0 16H18" fill="none" stroke="#0b0c0c" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>
                    <span class="tool-button__word">"Undo"</span>
                </button>
                <button type="button" class="tool-button" data-testid="words" aria-expanded=move || (panel.get() == Some("words")).to_string()
                    on:click=move |_| toggle("words")>
                    <span class="tool-button__icon tool-button__letters" aria-hidden="true">"Aa"</span>
                    <span class="tool-button__word">"Words"</span>
                </button>
                <button type="button" class="tool-button" data-testid="pictures" aria-expanded=move || (panel.get() == Some("pictures")).to_string()
                    on:click=move |_| toggle("pictures")>
                    <svg class="tool-button__icon" viewBox="0 0 100 100" aria-hidden="true" inner_html=icon(PictureKind::Heart)></svg>
                    <span class="tool-button__word">"Pictures"</span>
                </button>
                <button type="button" class="tool-button" data-testid="people" aria-expanded=move || (panel.get() == Some("people")).to_string()
                    on:click=move |_| toggle("people")>
                    <svg class="tool-button__icon" viewBox="0 0 100 100" aria-hidden="true" inner_html=icon(PictureKind::Person)></svg>
                    <span class="tool-button__word">"People"</span>
                </button>
                <Show when=is_house>
                    <button type="button" class="tool-button" data-testid="move-me" aria-label="Me on the path"
                        aria-pressed=move || (mode.get() == Tool::Path).to_string()
                        on:click=move |_| { mode.set(Tool::Path); panel.set(None); }>
                        <svg class="tool-button__icon" viewBox="0 0 100 100" aria-hidden="true" inner_html=me_icon()></svg>
                        <span class="tool-button__word">"Me"</span>
                    </button>
                </Show>
            </div>
            <div class="board__panel" hidden=move || panel.get().is_none() data-testid="board-panel">
                {move || match panel.get() {
                    Some("words") => view! {
                        <div class="board__words">
                            <label class="board__label" for="board-words">"Type your words"</label>
                            <input id="board-words" class="board__input" type="text" autocomplete="off" maxlength="60"
                                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev))/>
                            <button type="button" class="tool-button tool-button--wide" data-testid="words-ready"
                                disabled=move || typed.get().trim().is_empty()
                                on:click=move |_| {
                                    let text = typed.get_untracked().trim().to_owned();
                                    typed.set(String::new());
                                    choose(Mark::Words(PlacedWords { text, x: 0, y: 0, ink: ink.get_untracked() }));
                                }>"Put them on"</button>
                        </div>
                    }.into_any(),
                    Some("pictures") => view! {
                        <div class="board__choices">
                            {PictureKind::ALL.iter().map(|&k| view! {
                                <button type="button" class="tool-button" data-testid=format!("picture-{}", k.code())
                                    on:click=move |_| choose(Mark::Picture(PlacedPicture { kind: k, x: 0, y: 0, label: String::new(), person: None }))>
                                    <svg class="tool-button__icon" viewBox="0 0 100 100" aria-hidden="true" inner_html=icon(k)></svg>
                                    <span class="tool-button__word">{k.label()}</span>
                                </button>
                            }).collect_view()}
                        </div>
                    }.into_any(),
                    Some(_) => view! {
                        <div class="board__choices">
                            {move || people.get().into_iter().map(|(pid, name)| {
                                let me = pid == child.get_value();
                                let word = if me { "Me".to_owned() } else { name.clone() };
                                let label = if me { "Me".to_owned() } else { name.clone() };
                                view! {
                                    <button type="button" class="tool-button tool-button--person" data-testid="person-choice"
                                        on:click=move |_| choose(Mark::Picture(PlacedPicture { kind: PictureKind::Person, x: 0, y: 0, label: label.clone(), person: Some(pid.clone()) }))>
                                        <svg class="tool-button__icon" viewBox="0 0 100 100" aria-hidden="true" inner_html=icon(PictureKind::Person)></svg>
                                        <span class="tool-button__word">{word}</span>
                                    </button>
                                }
                            }).collect_view()}
                        </div>
                    }.into_any(),
                    None => ().into_any(),
                }}
            </div>
            {move || matches!(mode.get(), Tool::Place(_)).then(|| view! {
                <p class="board__hint" role="status" data-testid="place-hint">"Now touch where it goes. "
                    <button type="button" class="link-button" on:click=place_in_middle>"Put it in the middle"</button></p>
            })}
            <div class="board__canvas">
            <svg class="board__surface" node_ref=svg_ref data-testid="surface" viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="group" aria-label=move || format!("Drawing: {}", surface.get().label())
                font-family="Arial, Helvetica, sans-serif"
                class:board__surface--rubber=move || mode.get() == Tool::Rubber
                on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up>
                <rect width=WIDTH height=HEIGHT fill="#fff"/>
                <g inner_html=move || background(&surface.get())></g>
                <g class="board__marks">
                    <For each=move || blocks.get() key=|i| *i let:i>
                        {
                            let lines = block_lines(i);
                            view! { <g inner_html=move || lines.with(|v| v.iter().map(stroke_svg).collect::<String>())></g> }
                        }
                    </For>
                    <g inner_html=move || on_top.get()></g>
                </g>
                {move || is_house().then(|| view! {
                    <g class="board__me" role="slider" tabindex="0" data-testid="path-me"
                        aria-label="Where you are on the path: 10 is at the door"
                        aria-valuemin="0" aria-valuemax="10"
                        aria-valuenow=move || path_at.get().map(|v| v.to_string())
                        aria-valuetext=move || path_at.get().map_or_else(|| "Not on the path yet".to_owned(), |v| format!("{v} of 10"))
                        on:keydown=path_keys
                        inner_html=move || path_at.get().map(path_marker).unwrap_or_else(|| format!("<g opacity=\"0.5\">{}</g>", path_marker(0)))>
                    </g>
                })}
            </svg>
            // The line being drawn, on a layer of its own over the drawing: while the finger
            // moves only this layer is painted again, not the lines already there.
            <svg class="board__overlay" viewBox=format!("0 0 {WIDTH} {HEIGHT}") aria-hidden="true">
                <path class="board__live" d=move || live.get() fill="none"
                    stroke=move || ink.get().css() stroke-width=f64::from(WIDTH_STEPS) * UNITS_PER_WIDTH
                    stroke-linecap="round" stroke-linejoin="round"/>
            </svg>
            </div>
        </div>
    }
}

/// What `f` makes of the drawing on `surface` of tool `id` (tracked, for memos).
fn shown<T>(
    s: crate::ui::session::Session,
    id: &ItemId,
    surface: Signal<Surface>,
    f: impl FnOnce(&Drawing) -> T,
) -> Option<T> {
    let here = surface.get();
    s.doc
        .with(|a| tool(a, id).and_then(|t| t.drawing(&here)).map(f))
}

/// The thing chosen, put down at (`x`, `y`).
fn placed(m: Mark, x: f64, y: f64) -> Mark {
    let (x, y) = on_board(x, y);
    match m {
        Mark::Words(w) => Mark::Words(PlacedWords { x, y, ..w }),
        Mark::Picture(p) => Mark::Picture(PlacedPicture { x, y, ..p }),
        stroke => stroke,
    }
}
