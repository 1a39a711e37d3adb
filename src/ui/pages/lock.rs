//! The lock: the unlock page shown while a passphrase is set and the key is not in memory, the
//! settings to turn protection on, change it or turn it off, the idle timer and "Lock now".

use crate::ui::crypto::{self, PassphraseError};
use crate::ui::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Whether the app is locked and whether a passphrase is set, for the whole app.
#[derive(Clone, Copy)]
pub struct LockState {
    pub locked: RwSignal<bool>,
    pub protected: RwSignal<bool>,
}

impl LockState {
    /// The state as the app starts.
    pub fn new() -> Self {
        Self {
            locked: RwSignal::new(crypto::is_locked()),
            protected: RwSignal::new(crypto::is_protected()),
        }
    }
}

impl Default for LockState {
    fn default() -> Self {
        Self::new()
    }
}

/// Starts the idle timer (any key, tap or typing counts as use) and listens for another tab
/// setting, changing or removing the passphrase.
pub fn start_idle_lock() {
    crate::ui::tabs::listen();
    let touched: Vec<_> = ["pointerdown", "keydown", "input"]
        .into_iter()
        .map(|ev| window_event_listener_untyped(ev, |_| crypto::touch()))
        .collect();
    let timer = set_interval_with_handle(
        || {
            if !crate::ui::router::is_retired() && crypto::idle_expired() {
                crypto::lock_now();
            }
        },
        Duration::from_secs(15),
    );
    // Gone with the app when another module takes the page (see `ui::handoff`).
    on_cleanup(move || {
        touched.into_iter().for_each(|h| h.remove());
        if let Ok(t) = timer {
            t.clear();
        }
    });
}

/// A labelled password input bound to a signal.
pub fn password_field(
    id: &'static str,
    label: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label" for=id>{label}</label>
            <input class="input input--w20" id=id name=id type="password" autocomplete=autocomplete spellcheck="false"
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// Shown instead of every page while the app is locked.
#[component]
pub fn UnlockPage() -> impl IntoView {
    let state = expect_context::<LockState>();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let p = pass.get_untracked();
        spawn_local(async move {
            match crypto::unlock(&p).await {
                Ok(()) => state.locked.set(false),
                Err(PassphraseError::Wrong) => error.set(Some("That passphrase is not right. Check it and try again. Nothing has been changed.".into())),
                Err(PassphraseError::Failed(e)) => error.set(Some(format!("The app could not be unlocked: {e}"))),
            }
            busy.set(false);
        });
    };
    view! {
        {move || error.get().map(|e| view! { <ErrorSummary title="There is a problem" messages=vec![e]/> })}
        <h1 class="heading-xl">"Unlock Assessment Workbench"</h1>
        <p class="body">"The assessments on this device are protected with a passphrase. Enter it to see and change them."</p>
        <form on:submit=submit novalidate data-testid="unlock">
            {password_field("unlock-passphrase", "Passphrase", "current-password", pass)}
            <button type="submit" class="button" prop:disabled=move || busy.get()>{move || if busy.get() { "Unlocking…" } else { "Unlock" }}</button>
        </form>
        <details class="details">
            <summary class="details__summary">"I have forgotten the passphrase"</summary>
            <div class="details__text">
                <p class="body">"Nobody can recover it, not even your council's IT team: the assessments are encrypted with a key made from the passphrase, and the passphrase is not kept anywhere."</p>
                <p class="body">"Copies you exported (as JSON, or uploaded to your case-management system) are not affected. To use this device again, clear this site's data in the browser's settings; every assessment stored here will be deleted."</p>
            </div>
        </details>
    }
}

/// The "Lock now" button in the header, while protected and unlocked.
#[component]
pub fn LockButton() -> impl IntoView {
    let state = expect_context::<LockState>();
    move || {
        (state.protected.get() && !state.locked.get()).then(|| view! {
            <button type="button" class="header__link header__button" data-testid="lock-now" on:click=move |_| crypto::lock_now()>"Lock"</button>
        })
    }
}

/// Settings on the storage page: turn protection on, change the passphrase, idle time, off.
#[component]
pub fn ProtectionSettings() -> impl IntoView {
    let state = expect_context::<LockState>();
    let (current, first, second) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let check_new = move || -> Result<String, String> {
        crypto::new_passphrase(first.get_untracked(), &second.get_untracked())
    };
    let finish = move |r: Result<usize, String>, ok: &'static str, protected: bool| {
        match r {
            Ok(n) => {
                state.protected.set(protected);
                message.set(Some((
                    true,
                    format!(
                        "{ok} ({n} stored {} rewritten.)",
                        if n == 1 { "assessment" } else { "assessments" }
                    ),
                )));
                for s in [current, first, second] {
                    s.set(String::new());
                }
            }
            Err(e) => message.set(Some((false, e))),
        }
        busy.set(false);
    };
    let words = |e: PassphraseError| match e {
        PassphraseError::Wrong => {
            "The current passphrase is not right. Nothing has been changed.".to_owned()
        }
        PassphraseError::Failed(e) => format!("Nothing has been changed: {e}"),
    };
    let turn_on = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        match check_new() {
            Err(e) => message.set(Some((false, e))),
            Ok(p) => {
                busy.set(true);
                spawn_local(async move {
                    let r = crate::ui::passphrase::protect(&p)
                        .await
                        .map_err(|e| format!("Nothing has been changed: {e}"));
                    finish(
                        r,
                        "Your assessments on this device are now encrypted with your passphrase.",
                        true,
                    );
                });
            }
        }
    };
    let change = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        match check_new() {
            Err(e) => message.set(Some((false, e))),
            Ok(p) => {
                busy.set(true);
                let c = current.get_untracked();
                spawn_local(async move {
                    let r = crate::ui::passphrase::change(&c, &p).await.map_err(words);
                    finish(
                        r,
                        "The passphrase has been changed and everything re-encrypted.",
                        true,
                    );
                });
            }
        }
    };
    let turn_off = move |_| {
        busy.set(true);
        let c = current.get_untracked();
        spawn_local(async move {
            let r = crate::ui::passphrase::unprotect(&c).await.map_err(words);
            finish(
                r,
                "Protection is off. Assessments are stored unencrypted on this device.",
                false,
            );
        });
    };
    let idle = RwSignal::new(crypto::idle_minutes().to_string());
    view! {
        <h2 class="heading-l" id="protection">"Protect with a passphrase"</h2>
        {move || message.get().map(|(ok, m)| view! {
            <p class=if ok { "inset-text" } else { "error-message" } role=if ok { "status" } else { "alert" } data-testid="protection-message">{m}</p>
        })}
        {move || if state.protected.get() {
            view! {
                <p class="body">"The assessments on this device are encrypted (AES-GCM, with a key made from your passphrase). The app locks itself when it has not been used for a while."</p>
                <div class="form-group">
                    <label class="label" for="idle-minutes">"Lock after this many minutes without use"</label>
                    <select class="select" id="idle-minutes" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        crypto::set_idle_minutes(v.parse().unwrap_or(10));
                        idle.set(v);
                    }>
                        {[2u32, 5, 10, 15, 30, 60].into_iter().map(|m| {
                            let selected = idle.get_untracked() == m.to_string();
                            view! { <option value=m.to_string() selected=selected>{m.to_string()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button button--secondary" on:click=move |_| crypto::lock_now()>"Lock now"</button>
                <form on:submit=change novalidate>
                    <h3 class="heading-m">"Change the passphrase"</h3>
                    {password_field("current-passphrase", "Current passphrase", "current-password", current)}
                    {password_field("new-passphrase", "New passphrase", "new-password", first)}
                    {password_field("new-passphrase-again", "New passphrase again", "new-password", second)}
                    <button type="submit" class="button" prop:disabled=move || busy.get()>"Change the passphrase"</button>
                </form>
                <button type="button" class="button button--warning" prop:disabled=move || busy.get() on:click=turn_off>"Turn protection off (uses the current passphrase above)"</button>
            }.into_any()
        } else {
            view! {
                <p class="body">"Set a passphrase to encrypt every assessment stored on this device. If the tablet is lost, nobody can read them without it. The app will lock itself when not in use."</p>
                <div class="warning-text"><span class="warning-text__icon" aria-hidden="true">"!"</span><strong class="warning-text__text">"If you forget the passphrase, the assessments on this device cannot be recovered by anyone. Export what you need to keep."</strong></div>
                <form on:submit=turn_on novalidate>
                    {password_field("new-passphrase", "New passphrase", "new-password", first)}
                    {password_field("new-passphrase-again", "New passphrase again", "new-password", second)}
                    <button type="submit" class="button" prop:disabled=move || busy.get()>"Turn on protection"</button>
                </form>
            }.into_any()
        }}
    }
}
