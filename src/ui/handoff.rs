//! The app ships as three WebAssembly modules so the first visit stays small, each with every
//! page of the one before ([`Module`]): the *front* (the list of assessments, drawn from the
//! summaries stored with them, and the unlock page), the *workbench* (opening an assessment
//! and the pages a worker uses most) and the *whole* app (the drawing editors, the child's own
//! tools, the family group pages, the case record, the printed summaries, and every page
//! outside one assessment: new, import, the bin, what's due, storage, backup, the profiles).
//! `index.html`'s loader (`public/boot.js`) starts the smallest module that has the address's
//! page. When a module is asked for a page it lacks, it hands the page over: the open
//! assessment's changes are saved and its undo history left for the next module
//! ([`crate::ui::session::Session::hand_over`]), the router stops, it stops listening to other
//! tabs, the unlocked key (if any) is passed on, the loader starts the next module, which
//! mounts in its place and reads the address, and this module's app is unmounted, so none of
//! its listeners (Undo's keys among them) outlives it.

use super::router::Module;
use super::{crypto, router, tabs};
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The loader's function that starts a module by name and removes this one's page.
const OPEN: &str = "__awOpen";
/// Where the open assessment's undo history waits for the next module.
const SESSION: &str = "__awHandoffSession";

thread_local! {
    /// Which module this is, as its `main` said.
    static THIS: std::cell::Cell<Module> = const { std::cell::Cell::new(Module::Front) };
    /// This module's mounted app, dropped (unmounted, its owner disposed) once another module
    /// has taken the page.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Starts `module`: mounts `app` on the page's body, kept so a hand-over can unmount it.
pub fn mount<F, N>(module: Module, app: F)
where
    F: FnOnce() -> N + 'static,
    N: leptos::prelude::IntoView + 'static,
{
    THIS.with(|t| t.set(module));
    let handle = leptos::mount::mount_to(leptos::prelude::document().body().expect("a body"), app);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// Hands the page to `module`. On failure this module keeps the page and the key is taken
/// back; the message says why.
pub async fn open(module: Module) -> Result<(), String> {
    if module <= THIS.with(std::cell::Cell::get) {
        // Each module has every page of the smaller ones: this would be a page forgotten in
        // this module's table of pages.
        return Err(format!(
            "this module has no page for it (the {} module's)",
            module.name()
        ));
    }
    let w = web_sys::window().ok_or("there is no window")?;
    let open = js_sys::Reflect::get(&w, &OPEN.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("the app's loader is missing; reload the page")?;
    router::retire();
    tabs::stop_listening();
    crypto::hand_over();
    let started = open
        .call1(&JsValue::NULL, &module.name().into())
        .and_then(|p| p.dyn_into::<js_sys::Promise>());
    let result = match started {
        Ok(p) => JsFuture::from(p).await.map(|_| ()),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => {
            // Unmounted in a later task: this one is still inside this module's own effects.
            leptos::prelude::request_animation_frame(|| {
                MOUNTED.with(|m| m.borrow_mut().take());
            });
            Ok(())
        }
        Err(e) => {
            router::reinstate();
            crypto::take_back();
            tabs::listen();
            let _ = take_session();
            Err(describe(&e))
        }
    }
}

/// Hands the page to the module that has the page at the address shown.
pub async fn open_for_address() -> Result<(), String> {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    open(router::Route::parse(&path).module()).await
}

/// Leaves the open assessment's undo history (as text) for the next module.
pub fn leave_session(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &SESSION.into(), &text.into());
    }
}

/// Takes the undo history the previous module left, if any (once).
pub fn take_session() -> Option<String> {
    let w = web_sys::window()?;
    let text = js_sys::Reflect::get(&w, &SESSION.into()).ok()?.as_string();
    let _ = js_sys::Reflect::delete_property(&w, &SESSION.into());
    text
}

fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "it could not be loaded".into())
}
