//! The network map editor page: quick entry of names, the map with drag between circles, the
//! panel for the selected entry, the circles, the safety-network view and presentation mode.

use super::canvas::handle_zoom_key;
use super::canvas::{Canvas, CanvasEvents, ViewBox};
use super::dispatch::{Dispatcher, EditErrorMessage, PanelToggle, UndoRedo};
use super::export::{file_name, save_png, save_svg};
use super::network_panel::{
    AddFromRegister, Circles, EntryPanel, QuickDraft, QuickEntry, SafetyNetworkList,
};
use super::screen::{
    editor_mode, fit_when_shown, fitted, keep_in_view, open_when_selected, Drawer,
};
use crate::diagram::network::commands::{plan, Command};
use crate::diagram::network::render::{self, nearest, point};
use crate::model::network::MapFor;
use crate::model::ItemId;
use crate::ui::session::{use_session, Session};
use leptos::prelude::*;

/// The extent of the laid-out map.
fn extent(s: Session, laid: Memo<render::Laid>) -> (f64, f64, f64, f64) {
    laid.with_untracked(|l| s.doc.with_untracked(|a| render::extent_of(a, l)))
}

/// The view that shows the whole of the laid-out map.
fn fit(s: Session, laid: Memo<render::Laid>) -> ViewBox {
    let (x, y, w, h) = extent(s, laid);
    ViewBox(x, y, w, h)
}

/// The map on show laid out once per change, for the drawing and for fitting the screen to it.
fn use_laid() -> Memo<render::Laid> {
    let s = use_session();
    Memo::new(move |_| s.doc.with(|a| render::lay(a, &s.network_for.get())))
}

/// The map and its gestures, shared by the editor and presentation mode.
#[component]
pub fn NetworkCanvas(
    d: Dispatcher,
    selected: RwSignal<Option<ItemId>>,
    safety_only: RwSignal<bool>,
    view_box: RwSignal<ViewBox>,
    laid: Memo<render::Laid>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let s = use_session();
    let dragging = RwSignal::new(None::<(ItemId, f64, f64)>);
    // While an entry is dragged, the rest of the map is drawn once; only the entry is redrawn.
    let drag_id = Memo::new(move |_| dragging.with(|d| d.as_ref().map(|d| d.0.clone())));
    let view = move |dragging: Option<(ItemId, f64, f64)>| render::View {
        selected: selected.get(),
        dragging,
        interactive: true,
        safety_only: safety_only.get(),
        map: s.network_for.get(),
    };
    let markup = Memo::new(move |_| {
        let v = view(drag_id.get().map(|id| (id, 0.0, 0.0)));
        laid.with(|laid| s.doc.with(|a| render::body_laid(a, &v, laid)))
    });
    let overlay = Memo::new(move |_| match dragging.get() {
        Some(d) => {
            let v = view(Some(d));
            s.doc.with(|a| render::body_split(a, &v, false))
        }
        None => String::new(),
    });
    let place = move |id: &ItemId| {
        s.doc.with_untracked(|a| {
            render::map_of(a, &s.network_for.get_untracked())
                .member(id)
                .map(|m| point(m.circle, m.angle))
        })
    };
    let events = CanvasEvents {
        select: Callback::new(move |id: Option<String>| {
            selected.set(id.and_then(|i| ItemId::parse(&i)))
        }),
        drag: Callback::new(move |(id, dx, dy): (String, f64, f64)| {
            let Some(iid) = ItemId::parse(&id) else {
                return;
            };
            if let Some((x, y)) = place(&iid) {
                dragging.set(Some((iid, x + dx, y + dy)));
            }
        }),
        drop: Callback::new(move |(id, dx, dy): (String, f64, f64)| {
            dragging.set(None);
            let Some(iid) = ItemId::parse(&id) else {
                return;
            };
            if let Some((x, y)) = place(&iid) {
                let which = s.network_for.get_untracked();
                let n = s
                    .doc
                    .with_untracked(|a| render::map_of(a, &which).circles.len());
                let (circle, angle) = nearest(x + dx, y + dy, n);
                let cmd = Command::Move {
                    id: iid.clone(),
                    circle,
                    angle,
                };
                d.run(cmd.label(), |a| plan(a, &which, &cmd));
                selected.set(Some(iid));
            }
        }),
    };
    let on_key = Callback::new(move |ev: web_sys::KeyboardEvent| {
        if d.handle_key(&ev) {
            return;
        }
        if let Some(f) = handle_zoom_key(&ev) {
            view_box.update(|v| *v = v.zoom_centre(f));
            return;
        }
        let Some(id) = selected.get_untracked() else {
            return;
        };
        let which = s.network_for.get_untracked();
        let Some((circle, angle, n)) = s.doc.with_untracked(|a| {
            let map = render::map_of(a, &which);
            map.member(&id).map(|m| {
                (
                    i32::from(m.circle),
                    i32::from(m.angle),
                    map.circles.len() as i32,
                )
            })
        }) else {
            return;
        };
        let turn = if ev.shift_key() { 30 } else { 10 };
        let (c, t) = match ev.key().as_str() {
            "ArrowLeft" => (circle, angle - turn),
            "ArrowRight" => (circle, angle + turn),
            "ArrowUp" => ((circle - 1).max(0), angle),
            "ArrowDown" => ((circle + 1).min(n - 1), angle),
            "Delete" | "Backspace" => {
                ev.prevent_default();
                let cmd = Command::Remove(id);
                if d.run(cmd.label(), |a| plan(a, &which, &cmd)) {
                    selected.set(None);
                    super::canvas::focus_canvas(&ev);
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let cmd = Command::Move {
            id,
            circle: c as u8,
            angle: t.rem_euclid(360) as u16,
        };
        d.run(cmd.label(), |a| plan(a, &which, &cmd));
    });
    view! {
        <Canvas markup=markup overlay=overlay view_box=view_box events=events class=class
            label="Network map. Tab to a person to select them."
            keep_focus=Signal::derive(move || selected.get().map(|p| p.to_string()))
            on_key=on_key/>
    }
}

/// The page at `/assessments/:id/network`.
#[component]
pub fn NetworkPage() -> impl IntoView {
    let s = use_session();
    let d = Dispatcher::new(s);
    let selected = RwSignal::new(None::<ItemId>);
    let safety_only = RwSignal::new(false);
    let laid = use_laid();
    let view_box = RwSignal::new(fit(s, laid));
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let export_error = RwSignal::new(None::<String>);
    editor_mode();
    // The drawer over the drawing: open at first on an empty map (it holds the quick entry),
    // closed on a drawn one so the whole map shows; and open on selecting.
    let draft = QuickDraft::default();
    let panel_open = RwSignal::new(s.doc.with_untracked(|a| {
        a.map(&s.network_for.get_untracked())
            .is_none_or(|m| m.members.is_empty())
    }));
    let editor = NodeRef::<leptos::html::Div>::new();
    let refit = move || {
        if let Some((v, _)) = fitted(editor, extent(s, laid)) {
            view_box.set(v);
        }
    };
    fit_when_shown(editor, refit);
    open_when_selected(panel_open, selected);
    // Keep the selected entry clear of the drawer that opens over the map.
    Effect::new(move |_| {
        let Some(id) = selected.get() else { return };
        panel_open.track();
        let which = s.network_for.get_untracked();
        let at = s.doc.with(|a| {
            a.map(&which)
                .and_then(|m| m.member(&id))
                .map(|m| point(m.circle, m.angle))
        });
        if let Some(at) = at {
            request_animation_frame(move || keep_in_view(editor, view_box, at));
        }
    });
    let which = move || s.network_for.get_untracked();
    let title = move || {
        s.doc
            .with_untracked(|a| render::map_title(a, &which(), safety_only.get_untracked()))
    };
    let standalone = move || {
        s.doc
            .with_untracked(|a| render::standalone(a, &which(), safety_only.get_untracked()))
    };
    // Another map chosen: the view fits it, and nothing on the last map stays selected.
    Effect::new(move |prev: Option<MapFor>| {
        let now = s.network_for.get();
        if prev.is_some_and(|p| p != now) {
            selected.set(None);
            view_box.set(fit(s, laid));
            request_animation_frame(refit);
        }
        now
    });
    let started = move || s.doc.with(|a| a.map(&s.network_for.get()).is_some());
    let tab = move |safety: bool, label: &'static str| {
        view! {
            <button type="button" class="tabs__tab" role="tab"
                aria-selected=move || (safety_only.get() == safety).to_string()
                on:click=move |_| safety_only.set(safety)>{label}</button>
        }
    };
    view! {
        <div class="editor-screen">
        <div class="editor-head">
        <div class="editor-head__top">
            <a href=base class="back-link">"Back to the assessment"</a>
            <h1 class="heading-l editor-head__title">"Family network map"</h1>
        </div>
        <div class="editor-head__row">
        <div class="tabs" role="tablist" aria-label="What the map shows">
            {tab(false, "Whole map")}
            {tab(true, "Safety network")}
        </div>
        <super::network_maps::WhoseMap d=d/>
        </div>
        <div class="toolbar" role="toolbar" aria-label="Network map tools">
            <UndoRedo d=d/>
            <button type="button" class="button button--secondary button--small" aria-label="Zoom in" on:click=move |_| view_box.update(|v| *v = v.zoom_centre(0.8))>"+"</button>
            <button type="button" class="button button--secondary button--small" aria-label="Zoom out" on:click=move |_| view_box.update(|v| *v = v.zoom_centre(1.25))>"−"</button>
            <button type="button" class="button button--secondary button--small" on:click=move |_| refit()>"Fit to screen"</button>
            <a href=move || format!("{}/network/present", base()) class="button button--secondary button--small" role="button" aria-label="Present full screen">"Present"</a>
            <super::export::SavePicture
                svg=Callback::new(move |_| if let Err(e) = save_svg(&file_name(&title(), "svg"), &standalone()) { export_error.set(Some(e)) })
                png=Callback::new(move |_| {
                    let (_, _, w, h) = s.doc.with_untracked(|a| render::extent(a, &which()));
                    save_png(file_name(&title(), "png"), standalone(), w, h, move |r| export_error.set(r.err()));
                })/>
            <PanelToggle open=panel_open/>
        </div>
        </div>
        <EditErrorMessage d=d/>
        {move || export_error.get().map(|e| view! { <p class="error-message" role="alert">"The picture could not be saved: "{e}</p> })}
        <Show when=started fallback=move || view! { <super::network_maps::StartMap d=d/> }>
        <div class="editor editor--network" node_ref=editor>
            <div class="editor__canvas">
                <NetworkCanvas d=d selected=selected safety_only=safety_only view_box=view_box laid=laid/>
            </div>
            <Drawer open=panel_open label="Add and change people on the map">
                <QuickEntry d=d selected=selected draft=draft/>
                <EntryPanel d=d selected=selected/>
                <AddFromRegister d=d selected=selected/>
            </Drawer>
        </div>
        </Show>
        </div>
        <Show when=started>
        <super::network_table::NetworkTable d=d/>
        <p class="body editor__intro">"Who is in the child's world, how close they are, and who could help keep them safe. Type names one after another; drag people between the circles. Everything saves as you go."</p>
        <p class="hint">"Keyboard: Tab to a person; Left and Right move them round the circle, Up moves them a circle closer, Down a circle further away; Delete takes them off the map; Ctrl+Z undoes."</p>
        {move || safety_only.get().then(|| view! { <SafetyNetworkList/> })}
        <Circles d=d/>
        </Show>
        <details class="details">
            <summary class="details__summary">"Key to the shapes and lines"</summary>
            <div class="details__text"><super::network_panel::Key/></div>
        </details>
    }
}

/// The page at `/assessments/:id/network/present`: the map full screen, large, high contrast.
#[component]
pub fn NetworkPresentPage() -> impl IntoView {
    let s = use_session();
    let d = Dispatcher::new(s);
    crate::ui::pages::present::presentation_mode();
    let selected = RwSignal::new(None::<ItemId>);
    let safety_only = RwSignal::new(false);
    let laid = use_laid();
    let view_box = RwSignal::new(fit(s, laid));
    let base = move || format!("/assessments/{}/network", s.doc.read().id);
    view! {
        <div class="present" data-testid="network-present">
            <div class="present__bar">
                <h1 class="present__title">{move || s.doc.with(|a| render::map_title(a, &s.network_for.get(), safety_only.get()))}</h1>
                <button type="button" class="present__exit" aria-pressed=move || safety_only.get().to_string()
                    on:click=move |_| safety_only.update(|v| *v = !*v)>"Show only the safety network"</button>
                <a href=base class="present__exit">"Exit presentation"</a>
            </div>
            <NetworkCanvas d=d selected=selected safety_only=safety_only view_box=view_box laid=laid class="canvas--present"/>
        </div>
    }
}
