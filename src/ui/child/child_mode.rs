//! Child mode: one tool, full screen, for the child to use with their own hands. The header,
//! the footer and every link are gone; Back (the system gesture, Alt+Left, the browser's
//! button) comes straight back here ([`crate::ui::router::hold_at`]); a reload opens it again.
//! Leaving needs the worker: a two-second hold on "Grown-ups", then the passphrase if one is
//! set, otherwise a second, deliberate "Yes, leave".

use super::board::Board;
use super::story::StoryReader;
use crate::edit::child_tools::tool;
use crate::model::child_tools::{Surface, ToolKind};
use crate::model::ItemId;
use crate::ui::router::{
    handed_over_at, held, hold_at, let_go, release_page, use_navigate, use_params_map,
    NavigateOptions,
};
use crate::ui::session::use_session;
use leptos::prelude::*;
use std::time::Duration;

/// How long "Grown-ups" is held down before leaving is offered.
pub const HOLD: Duration = Duration::from_millis(2000);

/// The page at `/assessments/:id/tools/:tool/child`.
#[component]
pub fn ToolChildPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let found = ItemId::parse(&params.read_untracked().get("tool").unwrap_or_default())
        .filter(|t| s.doc.with_untracked(|a| tool(a, t).is_some()));
    let here = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    match found {
        // Child mode only after "hand over" in this tab: Back into it after a grown-up left,
        // or a link to it, opens the worker's page of the tool instead.
        Some(id) if !handed_over_at(&here) => {
            let worker_page = here.trim_end_matches("/child").to_owned();
            let navigate = use_navigate();
            request_animation_frame(move || {
                navigate(&worker_page, NavigateOptions { replace: true })
            });
            let _ = id;
            ().into_any()
        }
        Some(id) => view! { <ChildMode id=id/> }.into_any(),
        None => view! { <super::super::pages::not_found::NotFound/> }.into_any(),
    }
}

/// Keys that would leave the page, kept from doing so while child mode is on.
fn keep_keys(ev: &web_sys::KeyboardEvent) -> bool {
    let key = ev.key();
    let in_text = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        .is_some();
    (ev.alt_key() && matches!(key.as_str(), "ArrowLeft" | "ArrowRight" | "Home"))
        || matches!(
            key.as_str(),
            "BrowserBack" | "BrowserForward" | "BrowserHome" | "F5"
        )
        || (key == "Backspace" && !in_text)
        || ((ev.ctrl_key() || ev.meta_key())
            && matches!(
                key.as_str(),
                "r" | "R" | "l" | "L" | "[" | "]" | "p" | "P" | "s" | "S" | "o" | "O"
            ))
}

#[component]
fn ChildMode(id: ItemId) -> impl IntoView {
    let s = use_session();
    crate::ui::platform::body_class_while_shown("child-mode");
    let here = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if held().is_none() {
        hold_at(&here);
    }
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if keep_keys(&ev) {
            ev.prevent_default();
            ev.stop_propagation();
        }
    });
    // The menu a long press would open (save picture, copy) is no use to a child.
    let menu = window_event_listener(leptos::ev::contextmenu, |ev| ev.prevent_default());
    on_cleanup(move || {
        keys.remove();
        menu.remove();
        release_page();
    });
    let (kind, child, name) = s.doc.with_untracked(|a| {
        let t = tool(a, &id).expect("checked by the page");
        let name = a
            .person(&t.child)
            .map(|p| p.given_name.trim().to_owned())
            .unwrap_or_default();
        (t.kind(), t.child.clone(), name)
    });
    let first = match kind {
        ToolKind::ThreeHouses => Surface::Worries,
        _ => Surface::SafetyHouse,
    };
    let surface = RwSignal::new(first);
    let all_three = RwSignal::new(false);
    let back = format!(
        "/assessments/{}/tools/{}",
        s.doc.with_untracked(|a| a.id.clone()),
        id.as_str()
    );
    let id = StoredValue::new(id);

    view! {
        <div class="child-screen" data-testid="child-mode" data-tool=kind.code()>
            <div class="child-bar">
                {(kind == ToolKind::ThreeHouses).then(|| view! {
                    <div class="child-bar__houses" role="group" aria-label="Houses">
                        {[Surface::Worries, Surface::GoodThings, Surface::Dreams].into_iter().map(|h| {
                            let word = match h { Surface::Worries => "Worries", Surface::GoodThings => "Good things", _ => "Dreams" };
                            let code = h.code();
                            let pick = h.clone();
                            let is = h.clone();
                            view! {
                                <button type="button" class=format!("house-button house-button--{code}") data-testid=format!("house-{code}")
                                    aria-pressed=move || (!all_three.get() && surface.get() == is).to_string()
                                    on:click=move |_| { all_three.set(false); surface.set(pick.clone()); }>
                                    <svg class="house-button__icon" viewBox="0 0 1000 700" aria-hidden="true" inner_html=crate::diagram::child_drawing::background(&h)></svg>
                                    <span>{word}</span>
                                </button>
                            }
                        }).collect_view()}
                        <button type="button" class="house-button" data-testid="all-three" aria-pressed=move || all_three.get().to_string()
                            on:click=move |_| all_three.update(|v| *v = !*v)>
                            <span>"All three"</span>
                        </button>
                    </div>
                })}
                {(kind == ToolKind::SafetyHouse).then(|| view! { <p class="child-bar__title">"My Safety House"</p> })}
                {(kind == ToolKind::WordsAndPictures).then(|| view! { <p class="child-bar__title">{format!("{name}'s story")}</p> })}
                <LeaveButton back=back/>
            </div>
            {(kind != ToolKind::WordsAndPictures).then(|| view! {
                <p class="child-prompt" data-testid="child-prompt">{move || if all_three.get() { "Touch a house to open it" } else { prompt(&surface.get()) }}</p>
            })}
            {match kind {
                ToolKind::WordsAndPictures => view! { <StoryReader id=id.get_value()/> }.into_any(),
                _ => view! {
                    <Show when=move || all_three.get() fallback=move || view! {
                        <Board id=id.get_value() surface=surface child=child.clone()/>
                    }>
                        <AllThree id=id.get_value() surface=surface all_three=all_three/>
                    </Show>
                }.into_any(),
            }}
        </div>
    }
}

/// The question each surface asks, in a child's words.
fn prompt(s: &Surface) -> &'static str {
    match s {
        Surface::Worries => "What worries you?",
        Surface::GoodThings => "What is good in your life?",
        Surface::Dreams => "What would you wish for?",
        Surface::SafetyHouse => "Who keeps you safe? Put them inside your house.",
        Surface::Page(_) => "",
    }
}

/// The three houses side by side, each opening when touched.
#[component]
fn AllThree(id: ItemId, surface: RwSignal<Surface>, all_three: RwSignal<bool>) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    view! {
        <div class="all-three" data-testid="all-three-view">
            {[Surface::Worries, Surface::GoodThings, Surface::Dreams].into_iter().map(|h| {
                let pick = h.clone();
                let label = h.label();
                let svg = move || s.doc.with(|a| tool(a, &id.get_value()).and_then(|t| t.drawing(&h)).map(|d| crate::diagram::child_drawing::surface_svg(label, &h, d, None)).unwrap_or_default());
                view! {
                    <button type="button" class="all-three__house" aria-label=label
                        on:click=move |_| { surface.set(pick.clone()); all_three.set(false); } inner_html=svg></button>
                }
            }).collect_view()}
        </div>
    }
}

/// "Grown-ups": held for two seconds, then the worker confirms (with the passphrase, if set).
#[component]
fn LeaveButton(back: String) -> impl IntoView {
    let navigate = use_navigate();
    let holding = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let wrong = RwSignal::new(None::<String>);
    let checking = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let start = move || {
        if holding.get_untracked() || asking.get_untracked() {
            return;
        }
        holding.set(true);
        if let Ok(h) = set_timeout_with_handle(
            move || {
                holding.set(false);
                asking.set(true);
            },
            HOLD,
        ) {
            timer.set_value(Some(h));
        }
    };
    let stop = move || {
        holding.set(false);
        if let Some(h) = timer.try_update_value(Option::take).flatten() {
            h.clear();
        }
    };
    let protected = crate::ui::crypto::is_protected();
    let back = StoredValue::new(back);
    let leave = move || {
        let_go();
        // In place of child mode's entry, so Back from the worker's page does not return to it.
        navigate(&back.get_value(), NavigateOptions { replace: true });
    };
    let leave_c = leave.clone();
    let confirm = move |_| {
        if !protected {
            leave_c();
            return;
        }
        let typed = passphrase.get_untracked();
        checking.set(true);
        let go = leave_c.clone();
        leptos::task::spawn_local(async move {
            match crate::ui::crypto::check_passphrase(&typed).await {
                Ok(()) => go(),
                Err(crate::ui::crypto::PassphraseError::Wrong) => {
                    wrong.set(Some("That is not the passphrase".into()))
                }
                Err(crate::ui::crypto::PassphraseError::Failed(e)) => {
                    wrong.set(Some(format!("The passphrase could not be checked: {e}")))
                }
            }
            checking.set(false);
        });
    };
    view! {
        <button type="button" class="leave-button" data-testid="grown-ups"
            class:leave-button--holding=move || holding.get()
            aria-describedby="leave-hint"
            on:pointerdown=move |ev| { ev.prevent_default(); start(); }
            on:pointerup=move |_| stop() on:pointerleave=move |_| stop() on:pointercancel=move |_| stop()
            on:keydown=move |ev| if matches!(ev.key().as_str(), "Enter" | " ") { ev.prevent_default(); start(); }
            on:keyup=move |ev| if matches!(ev.key().as_str(), "Enter" | " ") { stop(); }>
            <span class="leave-button__ring" aria-hidden="true"></span>
            "Grown-ups"
        </button>
        <span id="leave-hint" class="visually-hidden">"Hold for two seconds to leave child mode."</span>
        {move || asking.get().then(|| view! {
            <div class="leave-dialog" role="dialog" aria-modal="true" aria-labelledby="leave-title" data-testid="leave-dialog">
                <h2 id="leave-title" class="heading-m">"Leave child mode?"</h2>
                <p class="body">"Everything drawn and written is saved."</p>
                {protected.then(|| view! {
                    <div class="form-group">
                        <label class="label" for="leave-passphrase">"Passphrase"</label>
                        {move || wrong.get().map(|w| view! { <p class="error-message" role="alert">{w}</p> })}
                        <input id="leave-passphrase" class="input input--w20" type="password" autocomplete="current-password"
                            prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                })}
                <div class="button-group">
                    <button type="button" class="button button--warning" data-testid="leave-confirm" disabled=move || checking.get()
                        on:click=confirm.clone()>"Yes, leave child mode"</button>
                    <button type="button" class="button button--secondary" data-testid="leave-stay"
                        on:click=move |_| { asking.set(false); passphrase.set(String::new()); wrong.set(None); }>"Stay"</button>
                </div>
            </div>
        })}
    }
}
