//! "Storage on this device": how much the app uses and may use, and asking the browser to keep
//! the data (persistent storage) so it is not cleared when space runs low.

use crate::ui::load::Load;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Which kind of browser this is, for what can clear its data.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Browser {
    /// Safari (or any browser on an iPad or iPhone, which all use Safari's engine), in a tab.
    SafariTab,
    /// Safari's engine, opened from the Home Screen.
    SafariInstalled,
    Firefox,
    /// Chrome, Edge, Samsung Internet and the rest of Chromium's family.
    Chromium,
}

fn browser() -> Browser {
    let Some(w) = web_sys::window() else {
        return Browser::Chromium;
    };
    let agent = w.navigator().user_agent().unwrap_or_default();
    let standalone = w
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
        || js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("standalone"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
    let apple_engine =
        agent.contains("AppleWebKit") && !agent.contains("Chrome") && !agent.contains("Chromium")
            || agent.contains("iPad")
            || agent.contains("iPhone");
    if apple_engine {
        if standalone {
            Browser::SafariInstalled
        } else {
            Browser::SafariTab
        }
    } else if agent.contains("Firefox") {
        Browser::Firefox
    } else {
        Browser::Chromium
    }
}

/// What can clear this app's data in this browser, and what to do about it.
fn what_can_clear(b: Browser, persisted: bool) -> (&'static str, &'static str) {
    match b {
        Browser::SafariTab => (
            "Safari deletes a site's data when it has not been opened for seven days, when it is used in a tab.",
            "Add Assessment Workbench to the Home Screen (Share, then Add to Home Screen) and open it from there, and back up at least weekly.",
        ),
        Browser::SafariInstalled => (
            "Opened from the Home Screen, the data is kept. It is lost if the app is removed from the Home Screen or the device is reset.",
            "Back up before removing the app or handing the device back.",
        ),
        Browser::Firefox | Browser::Chromium if persisted => (
            "The browser has agreed to keep the data. It is lost if someone clears the browser's data for this site, or the device is reset.",
            "Back up before clearing browsing data, and before handing the device back.",
        ),
        Browser::Firefox | Browser::Chromium => (
            "The browser may clear the data if the device runs short of space, and clearing the browser's data removes it.",
            "Ask the browser to keep the data (below), install the app, and back up regularly.",
        ),
    }
}

#[derive(Clone, Debug, PartialEq)]
struct Figures {
    usage: f64,
    quota: f64,
    persisted: bool,
}

fn manager() -> Option<web_sys::StorageManager> {
    web_sys::window().map(|w| w.navigator().storage())
}

fn number(v: &JsValue, key: &str) -> f64 {
    js_sys::Reflect::get(v, &JsValue::from_str(key))
        .ok()
        .and_then(|x| x.as_f64())
        .unwrap_or(0.0)
}

async fn read() -> Result<Figures, String> {
    let m = manager().ok_or("this browser does not report storage")?;
    let est = JsFuture::from(m.estimate().map_err(|_| "storage estimate unavailable")?)
        .await
        .map_err(|_| "storage estimate unavailable")?;
    let persisted = JsFuture::from(m.persisted().map_err(|_| "unavailable")?)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    Ok(Figures {
        usage: number(&est, "usage"),
        quota: number(&est, "quota"),
        persisted,
    })
}

fn size(bytes: f64) -> String {
    match bytes {
        b if b >= 1e9 => format!("{:.1} GB", b / 1e9),
        b if b >= 1e6 => format!("{:.1} MB", b / 1e6),
        b => format!("{:.0} KB", (b / 1e3).ceil()),
    }
}

/// The page at `/storage`.
#[component]
pub fn StoragePage() -> impl IntoView {
    let state = RwSignal::new(Load::<Figures>::Loading);
    let refresh = move || {
        spawn_local(async move {
            state.set(match read().await {
                Ok(f) => Load::Ready(f),
                Err(e) => Load::Failed(e),
            })
        })
    };
    refresh();
    let ask = move |_| {
        spawn_local(async move {
            if let Some(p) = manager().and_then(|m| m.persist().ok()) {
                let _ = JsFuture::from(p).await;
            }
            refresh();
        })
    };
    view! {
        <h1 class="heading-xl">"Storage on this device"</h1>
        <p class="body">"Assessments are kept in this browser's storage on this device only. "<a href="/backup">"Back up every assessment"</a>" to keep a copy elsewhere."</p>
        {move || match state.get() {
            Load::Loading => view! { <p class="body">"Checking…"</p> }.into_any(),
            Load::Failed(e) => view! { <p class="body">{format!("The browser did not say how much space there is ({e}).")}</p> }.into_any(),
            Load::Ready(f) => view! {
                <dl class="summary-list" data-testid="storage-figures">
                    <div class="summary-list__row"><dt class="summary-list__key">"Used"</dt><dd class="summary-list__value">{size(f.usage)}</dd></div>
                    <div class="summary-list__row"><dt class="summary-list__key">"Available to the app"</dt><dd class="summary-list__value">{size((f.quota - f.usage).max(0.0))}</dd></div>
                    <div class="summary-list__row"><dt class="summary-list__key">"Kept when space runs low"</dt>
                        <dd class="summary-list__value" data-testid="persisted">{if f.persisted { "Yes: the browser will not clear it to make space" } else { "Not yet: the browser may clear it if the device runs short of space" }}</dd></div>
                </dl>
                {
                    let (risk, advice) = what_can_clear(browser(), f.persisted);
                    view! {
                        <h2 class="heading-m">"What can clear the data in this browser"</h2>
                        <p class="body" data-testid="what-can-clear">{risk}</p>
                        <p class="body">{advice}</p>
                    }
                }
                {(!f.persisted).then(|| view! {
                    <button type="button" class="button" on:click=ask>"Ask the browser to keep my data"</button>
                    <p class="hint">"Some browsers only agree once the app is installed (added to the home screen) or used often."</p>
                })}
            }.into_any(),
        }}
        <BackupReminderSetting/>
        <super::lock::ProtectionSettings/>
    }
}

/// How many working days a change may wait for a backup before the list reminds the worker.
#[component]
fn BackupReminderSetting() -> impl IntoView {
    let days = RwSignal::new(crate::storage::prefs::backup_reminder_days().to_string());
    let saved = RwSignal::new(None::<Result<u32, String>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(Some(match days.get_untracked().trim().parse::<u32>() {
            Ok(n) if (1..=20).contains(&n) => {
                crate::storage::prefs::set_backup_reminder_days(n);
                Ok(n)
            }
            _ => Err("Enter a number of working days from 1 to 20.".into()),
        }));
    };
    view! {
        <h2 class="heading-l">"Backup reminder"</h2>
        <form novalidate on:submit=submit>
            <div class=move || if matches!(saved.get(), Some(Err(_))) { "form-group form-group--error" } else { "form-group" }>
                <label class="label" for="reminder-days">"Remind me to back up after this many working days"</label>
                <div class="hint" id="reminder-days-hint">"The list says so when an assessment has changed since the last backup and the backup is older than this. Weekends and bank holidays do not count."</div>
                {move || match saved.get() {
                    Some(Err(m)) => Some(view! { <p class="error-message" id="reminder-days-error">{m}</p> }),
                    _ => None,
                }}
                <input class="input input--w4" id="reminder-days" name="reminder-days" type="text" inputmode="numeric"
                    aria-describedby=move || if matches!(saved.get(), Some(Err(_))) { "reminder-days-hint reminder-days-error" } else { "reminder-days-hint" }
                    prop:value=move || days.get() on:input=move |ev| days.set(event_target_value(&ev))/>
            </div>
            <button class="button button--secondary" type="submit">"Save"</button>
            {move || match saved.get() {
                Some(Ok(n)) => Some(view! { <p class="inset-text" role="status">{format!("Saved: the reminder comes after {n} working day{}.", if n == 1 { "" } else { "s" })}</p> }),
                _ => None,
            }}
        </form>
    }
}
