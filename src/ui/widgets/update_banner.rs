//! "A new version is available": shown when the service worker has a newer build waiting
//! (public/register-sw.js says so with the `aw-update-ready` event). Reloading applies it.

use leptos::prelude::*;

/// The update prompt; invisible until an update is ready.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    // The worker may have announced itself before the app started: register-sw.js keeps it.
    let already = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"__awWaiting".into()).ok())
        .is_some_and(|v| v.is_truthy());
    let ready = RwSignal::new(already);
    let handle = window_event_listener_untyped("aw-update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    let apply = move |_| {
        if let Some(w) = web_sys::window() {
            if let Ok(ev) = web_sys::Event::new("aw-apply-update") {
                let _ = w.dispatch_event(&ev);
            }
        }
    };
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status" data-testid="update-banner">
                <div class="width-container update-banner__inner">
                    <p class="update-banner__text">"A new version of Assessment Workbench is available."</p>
                    <button type="button" class="button button--small" on:click=apply>"Reload to update"</button>
                </div>
            </div>
        </Show>
    }
}
