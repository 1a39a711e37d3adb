//! "Storage on this device": how much the app uses and may use, and asking the browser to keep
//! the data (persistent storage) so it is not cleared when space runs low.

use crate::ui::load::Load;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

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
        <p class="body">"Assessments are kept in this browser's storage on this device only. Export an assessment to keep a copy elsewhere."</p>
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
                {(!f.persisted).then(|| view! {
                    <button type="button" class="button" on:click=ask>"Ask the browser to keep my data"</button>
                    <p class="hint">"Some browsers only agree once the app is installed (added to the home screen) or used often."</p>
                })}
            }.into_any(),
        }}
        <super::lock::ProtectionSettings/>
    }
}
