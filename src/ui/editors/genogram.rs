//! The genogram editor page: the drawing, its toolbar, keyboard shortcuts, and the panel for
//! the selected person. Every change is a genogram command through the undo history.

use super::canvas::{handle_zoom_key, Canvas, CanvasEvents, ViewBox};
use super::dispatch::{Dispatcher, EditErrorMessage, PanelToggle, UndoRedo};
use super::export::{file_name, save_png, save_svg};
use super::genogram_panel::{GenogramSidePanel, Households};
use super::relative_picker::{ask_relative, Ask, Asking};
use super::screen::{
    editor_mode, fit_when_shown, fitted, keep_in_view, open_when_selected, Drawer,
};
use crate::diagram::genogram::commands::{plan, Command, Relation};
use crate::diagram::genogram::{render, ChildKind, PartnershipKind};
use crate::model::{Assessment, Gender, PersonId};
use crate::ui::platform::today;
use crate::ui::session::use_session;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The date ages are shown at (see [`Assessment::as_at`]).
fn assessment_date(a: &Assessment) -> NaiveDate {
    a.as_at(today())
}

/// The drawing's extent with a margin, at least a small family's size (so one person is not
/// drawn huge).
fn extent(a: &Assessment) -> (f64, f64, f64, f64) {
    let (x, y, w, h) = render::extent(a, &render::View::default());
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    let (w, h) = (w.max(600.0), h.max(420.0));
    (cx - w / 2.0, cy - h / 2.0, w, h)
}

fn fit(a: &Assessment) -> ViewBox {
    let (x, y, w, h) = extent(a);
    ViewBox(x, y, w, h)
}

/// The page at `/assessments/:id/genogram`.
#[component]
pub fn GenogramPage() -> impl IntoView {
    let s = use_session();
    let d = Dispatcher::new(s);
    let selected = RwSignal::new(None::<PersonId>);
    // The relative being asked for ("Who is Maria's mother?"), cleared when someone else is selected.
    let asking = RwSignal::new(None::<Ask>);
    provide_context(Asking(asking));
    Effect::new(move || {
        let now = selected.get();
        if asking.with_untracked(|a| a.as_ref().is_some_and(|a| Some(&a.of) != now.as_ref())) {
            asking.set(None);
        }
    });
    let dragging = RwSignal::new(None::<(PersonId, i32, i32)>);
    let view_box = RwSignal::new(s.doc.with_untracked(fit));
    editor_mode();
    // The panel for the selected person: a drawer over the drawing, opened by selecting.
    // Open at first on an empty genogram: the drawer holds "Add to the genogram".
    let panel_open = RwSignal::new(s.doc.with_untracked(|a| a.genogram.members.is_empty()));
    let editor = NodeRef::<leptos::html::Div>::new();
    // The canvas's size: nothing is drawn before it is known, so the first layout is at the
    // scale it is shown at.
    let canvas_px = RwSignal::new(None::<(f64, f64)>);
    let refit = move || {
        if let Some((v, size)) = fitted(editor, s.doc.with_untracked(extent)) {
            view_box.set(v);
            canvas_px.set(Some(size));
        }
    };
    // Names under 5 px cannot be read: a big family at "fit to screen" is drawn as symbols
    // and lines, and the words come back as soon as the worker zooms in to read them.
    let words_readable = Memo::new(move |_| match canvas_px.get() {
        Some(c) => {
            let v = view_box.get();
            crate::diagram::fit::scale((v.0, v.1, v.2, v.3), c) * render::NAME_FONT >= 5.0
        }
        None => true,
    });
    fit_when_shown(editor, refit);
    open_when_selected(panel_open, selected);
    // While someone is dragged, what does not move is drawn once; only what moves is redrawn.
    let drag_id = Memo::new(move |_| dragging.with(|d| d.as_ref().map(|d| d.0.clone())));
    let view = move |dragging: Option<(PersonId, i32, i32)>| render::View {
        selected: selected.get(),
        dragging,
        interactive: true,
        on: Some(s.doc.with(assessment_date)),
        symbols_only: !words_readable.get(),
    };
    let markup = Memo::new(move |_| {
        if canvas_px.get().is_none() {
            return String::new();
        }
        let v = view(drag_id.get().map(|p| (p, 0, 0)));
        s.doc
            .with(|a| render::body_layer(a, &v, render::Layer::Still))
    });
    let overlay = Memo::new(move |_| match dragging.get() {
        Some(d) => {
            let v = view(Some(d));
            s.doc
                .with(|a| render::body_layer(a, &v, render::Layer::Moving))
        }
        None => String::new(),
    });
    // Keep the selected person in view and clear of the drawer (a new relative may be added
    // off screen, or the drawer may open over them).
    Effect::new(move |_| {
        let Some(p) = selected.get() else { return };
        panel_open.track();
        let Some(at) = s.doc.with(|a| {
            a.genogram
                .member(&p)
                .map(|m| (f64::from(m.x), f64::from(m.y) + 20.0))
        }) else {
            return;
        };
        request_animation_frame(move || keep_in_view(editor, view_box, at));
    });
    let position = move |id: &PersonId| {
        s.doc
            .with_untracked(|a| a.genogram.member(id).map(|m| (m.x, m.y)))
    };
    let events = CanvasEvents {
        select: Callback::new(move |id: Option<String>| {
            selected.set(id.and_then(|i| PersonId::parse(&i)))
        }),
        drag: Callback::new(move |(id, dx, dy): (String, f64, f64)| {
            let Some(pid) = PersonId::parse(&id) else {
                return;
            };
            if let Some((x, y)) = position(&pid) {
                dragging.set(Some((pid, x + dx.round() as i32, y + dy.round() as i32)));
            }
        }),
        drop: Callback::new(move |(id, dx, dy): (String, f64, f64)| {
            dragging.set(None);
            let Some(pid) = PersonId::parse(&id) else {
                return;
            };
            if let Some((x, y)) = position(&pid) {
                let snap = |v: f64| (v / 10.0).round() as i32 * 10;
                let cmd = Command::Move {
                    person: pid.clone(),
                    x: snap(f64::from(x) + dx),
                    y: snap(f64::from(y) + dy),
                };
                d.run(cmd.label(), |a| plan(a, &cmd));
                selected.set(Some(pid));
            }
        }),
    };
    let on_key = Callback::new(move |ev: web_sys::KeyboardEvent| {
        if d.handle_key(&ev) {
            return;
        }
        if let Some(key) = handle_zoom_key(&ev) {
            view_box.update(|v| *v = v.zoom_centre(key));
            return;
        }
        let Some(p) = selected.get_untracked() else {
            return;
        };
        let step = if ev.shift_key() { 50 } else { 10 };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-step, 0),
            "ArrowRight" => (step, 0),
            "ArrowUp" => (0, -step),
            "ArrowDown" => (0, step),
            _ => (0, 0),
        };
        if (dx, dy) != (0, 0) {
            ev.prevent_default();
            if let Some((x, y)) = position(&p) {
                let cmd = Command::Move {
                    person: p,
                    x: x + dx,
                    y: y + dy,
                };
                d.run(cmd.label(), |a| plan(a, &cmd));
            }
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let gender = s
            .doc
            .with_untracked(|a| a.person(&p).map(|x| x.gender))
            .unwrap_or_default();
        let partner_gender = match gender {
            Gender::Male => Gender::Female,
            Gender::Female => Gender::Male,
            _ => Gender::Unknown,
        };
        let latest = s
            .doc
            .with_untracked(|a| a.genogram.latest_partnership_of(&p));
        let rel = match ev.key().as_str() {
            "p" | "P" => Some((
                Relation::Partner(PartnershipKind::Married),
                partner_gender,
                "partner",
            )),
            "c" | "C" => Some((
                Relation::Child(latest, ChildKind::Birth),
                Gender::Unknown,
                "child",
            )),
            "m" | "M" => Some((Relation::Parent, Gender::Female, "mother")),
            "f" | "F" => Some((Relation::Parent, Gender::Male, "father")),
            "s" | "S" => Some((Relation::Sibling, Gender::Unknown, "brother or sister")),
            "Delete" | "Backspace" => {
                ev.prevent_default();
                let cmd = Command::Remove(p.clone());
                if d.run(cmd.label(), |a| plan(a, &cmd)) {
                    selected.set(None);
                    super::canvas::focus_canvas(&ev);
                }
                None
            }
            _ => None,
        };
        if let Some((relation, gender, words)) = rel {
            ev.prevent_default();
            ask_relative(
                d,
                selected,
                Ask {
                    of: p,
                    relation,
                    gender,
                    words,
                },
            );
        }
    });
    let title = move || s.doc.with(|a| format!("genogram {}", a.title()));
    let export_error = RwSignal::new(None::<String>);
    let standalone = move || {
        s.doc
            .with(|a| render::standalone(a, Some(assessment_date(a))))
    };
    let svg_size = move || {
        s.doc.with(|a| {
            let (_, _, w, h) = render::extent(a, &render::View::default());
            let (_, lh) = render::legend();
            (w + 300.0, h.max(lh + 20.0))
        })
    };
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let empty = move || s.doc.with(|a| a.genogram.members.is_empty());

    view! {
        <div class="editor-screen">
        <div class="editor-head">
        <div class="editor-head__top">
            <a href=base class="back-link">"Back to the assessment"</a>
            <h1 class="heading-l editor-head__title">"Genogram"</h1>
        </div>
        <div class="toolbar" role="toolbar" aria-label="Genogram tools">
            <UndoRedo d=d/>
            <button type="button" class="button button--secondary button--small" aria-label="Arrange automatically" on:click=move |_| {
                d.run(Command::AutoLayout.label(), |a| plan(a, &Command::AutoLayout));
                refit();
            }>"Arrange"</button>
            <button type="button" class="button button--secondary button--small" aria-label="Zoom in" on:click=move |_| view_box.update(|v| *v = v.zoom_centre(0.8))>"+"</button>
            <button type="button" class="button button--secondary button--small" aria-label="Zoom out" on:click=move |_| view_box.update(|v| *v = v.zoom_centre(1.25))>"−"</button>
            <button type="button" class="button button--secondary button--small" on:click=move |_| refit()>"Fit to screen"</button>
            <super::export::SavePicture
                svg=Callback::new(move |_| if let Err(e) = save_svg(&file_name(&title(), "svg"), &standalone()) { export_error.set(Some(e)) })
                png=Callback::new(move |_| {
                    let (w, h) = svg_size();
                    save_png(file_name(&title(), "png"), standalone(), w, h, move |r| export_error.set(r.err()));
                })
                gedcom=Callback::new(move |_| if let Err(e) = super::gedcom::save_gedcom() { export_error.set(Some(e)) })/>
            <PanelToggle open=panel_open/>
        </div>
        </div>
        <EditErrorMessage d=d/>
        {move || export_error.get().map(|e| view! { <p class="error-message" role="alert">"The picture could not be saved: "{e}</p> })}
        <div class="editor editor--genogram" node_ref=editor>
            <div class="editor__canvas">
                {move || empty().then(|| view! { <p class="inset-text" data-testid="genogram-empty">"Nobody is on the genogram yet. Add the children from the panel, then build the family out from them."</p> })}
                <Canvas markup=markup overlay=overlay view_box=view_box events=events
                    label="Genogram drawing. Tab to a person to select them."
                    keep_focus=Signal::derive(move || selected.get().map(|p| p.to_string()))
                    on_key=on_key/>
            </div>
            <Drawer open=panel_open label="The selected person">
                <GenogramSidePanel d=d selected=selected/>
            </Drawer>
        </div>
        </div>
        <super::genogram_table::GenogramTable d=d selected=selected/>
        <p class="body editor__intro">"Select a person, then add their partner, children, parents, brothers or sisters in one tap. Everything saves as you go."</p>
        <details class="details">
            <summary class="details__summary">"Keyboard shortcuts"</summary>
            <div class="details__text" data-testid="shortcuts">
                <p class="body">"Tab moves from person to person. With a person selected: arrow keys move them (hold Shift for bigger steps); P adds a partner, C a child, M a mother, F a father, S a brother or sister; Delete takes them off the genogram. Ctrl+Z undoes, Ctrl+Y redoes, + and − zoom."</p>
            </div>
        </details>
        <Households d=d selected=selected/>
        <details class="details">
            <summary class="details__summary">"Key to the symbols and lines"</summary>
            <div class="details__text">
                <svg class="legend" viewBox=move || format!("-5 -10 330 {:.0}", render::legend().1 + 10.0) role="img" aria-label="Key to the genogram's symbols and lines" inner_html=render::legend().0></svg>
            </div>
        </details>
        <super::genogram_panel::ImportGenogram d=d/>
        <super::gedcom::GedcomInOut d=d/>
    }
}
