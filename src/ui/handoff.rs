//! The app ships as two WebAssembly modules so the first visit stays small: the *front* (the
//! list of assessments, drawn from the summaries stored with them, and the unlock page) and the
//! *workbench* (every page, including each that reads or writes whole documents: an
//! assessment's pages, new, import, the bin, what's due, and storage with its passphrase
//! settings). `index.html`'s loader (`public/boot.js`) starts the front, or the workbench for
//! such a page's address. When the front is asked for one of those pages (or its list finds a
//! record it would have to read whole) it hands the page over: its router stops, it stops
//! listening to other tabs, the unlocked key (if any) is passed on, and the loader starts the
//! workbench, which mounts in its place and reads the address.

use super::{crypto, router, tabs};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The loader's function that starts the workbench and removes the front's page.
const OPEN_WORKBENCH: &str = "__awOpenWorkbench";

/// Hands the page to the workbench. On failure the front keeps the page and the key is taken
/// back; the message says why.
pub async fn open_workbench() -> Result<(), String> {
    let w = web_sys::window().ok_or("there is no window")?;
    let open = js_sys::Reflect::get(&w, &OPEN_WORKBENCH.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("the app's loader is missing; reload the page")?;
    router::retire();
    tabs::stop_listening();
    crypto::hand_over();
    let started = open
        .call0(&JsValue::NULL)
        .and_then(|p| p.dyn_into::<js_sys::Promise>());
    let result = match started {
        Ok(p) => JsFuture::from(p).await.map(|_| ()),
        Err(e) => Err(e),
    };
    result.map_err(|e| {
        crypto::take_back();
        tabs::listen();
        describe(&e)
    })
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "it could not be loaded".into())
}
