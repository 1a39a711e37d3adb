//! The live router: signals for the address, history, and in-app link following.

use super::routes::{Params, Route};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

/// Where the app is: the path and query of the address, and the page they name.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, e.g. `/assessments/…/genogram`.
    pub path: RwSignal<String>,
    /// The query string with its `?`, or empty.
    pub query: RwSignal<String>,
    /// The page the path names.
    pub route: Memo<Route>,
}

/// How to move to a new address.
#[derive(Clone, Copy, Debug, Default)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
}

thread_local! {
    static RETIRED: Cell<bool> = const { Cell::new(false) };
    static HELD: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where this tab is held, kept for the tab (sessionStorage) so that a reload, a bookmark or
/// an address typed in the same tab comes back to it (`public/boot.js` reads it first).
const HELD_IN_TAB: &str = "assessment-workbench.child-mode";

/// Hands this tab to a child at `path`: from now until [`let_go`] every address of the app
/// in this tab opens `path`.
pub fn hand_over(path: &str) {
    use gloo_storage::Storage;
    let _ = gloo_storage::SessionStorage::set(HELD_IN_TAB, path);
}

/// Whether this tab was handed to a child at `path` (and not yet let go): a child-mode address
/// reached any other way (Back after leaving, a link) is not child mode.
pub fn handed_over_at(path: &str) -> bool {
    use gloo_storage::Storage;
    gloo_storage::SessionStorage::get::<String>(HELD_IN_TAB).is_ok_and(|p| p == path)
}

/// Keeps the app at `path` until [`let_go`] (child mode): no link is followed, no in-app move
/// is made, and Back (the system gesture, a key, the browser's button) comes straight back.
pub fn hold_at(path: &str) {
    HELD.with(|h| *h.borrow_mut() = Some(path.to_owned()));
    // An entry of the same page to go back to, so Back never reaches the page before.
    if let Ok(h) = window().history() {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}

/// Ends [`hold_at`] for this page only (it is going), leaving the tab handed over.
pub fn release_page() {
    HELD.with(|h| *h.borrow_mut() = None);
}

/// Ends [`hold_at`] and [`hand_over`]: a grown-up has taken the tab back.
pub fn let_go() {
    use gloo_storage::Storage;
    HELD.with(|h| *h.borrow_mut() = None);
    gloo_storage::SessionStorage::delete(HELD_IN_TAB);
}

/// The path the app is held at, if it is.
pub fn held() -> Option<String> {
    HELD.with(|h| h.borrow().clone())
}

/// Stops this router answering clicks and history moves: another app module has taken the
/// page over.
pub fn retire() {
    RETIRED.with(|r| r.set(true));
}

/// Takes the page back after a hand-over failed: this module runs it again.
pub fn reinstate() {
    RETIRED.with(|r| r.set(false));
}

/// Whether [`retire`] was called: this module no longer runs the page.
pub fn is_retired() -> bool {
    RETIRED.with(Cell::get)
}

fn address() -> (String, String) {
    let loc = window().location();
    (
        loc.pathname().unwrap_or_else(|_| "/".into()),
        loc.search().unwrap_or_default(),
    )
}

/// Starts the router for this app and shares its [`Location`] with every page.
pub fn provide_router() -> Location {
    let (path, query) = address();
    let path = RwSignal::new(path);
    let query = RwSignal::new(query);
    let route = Memo::new(move |_| Route::parse(&path.read()));
    let loc = Location { path, query, route };
    provide_context(loc);
    let pop = window_event_listener_untyped("popstate", move |_| {
        if let Some(path) = held() {
            if address().0 != path {
                if let Ok(h) = window().history() {
                    let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
                }
            }
            return;
        }
        if !is_retired() {
            loc.sync();
        }
    });
    let click = window_event_listener(leptos::ev::click, move |ev| {
        if is_retired() {
            return;
        }
        if held().is_some() {
            // Nothing on the page links anywhere in child mode; should anything, it stays put.
            let on_link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten());
            if on_link.is_some() {
                ev.prevent_default();
            }
            return;
        }
        if let Some(href) = link_to_follow(&ev) {
            ev.prevent_default();
            loc.go(&href, NavigateOptions::default());
        }
    });
    on_cleanup(move || {
        pop.remove();
        click.remove();
    });
    loc
}

impl Location {
    /// Reads the address bar into the signals (after the browser moved in history).
    fn sync(self) {
        let (p, q) = address();
        if *self.path.read_untracked() != p {
            self.path.set(p);
        }
        if *self.query.read_untracked() != q {
            self.query.set(q);
        }
    }

    /// Moves to `href` (a path on this site, with any query and fragment).
    pub fn go(self, href: &str, opts: NavigateOptions) {
        let w = window();
        let Some(url) = resolve(href) else { return };
        if !same_site(&url) {
            let _ = w.location().assign(href);
            return;
        }
        let target = in_app(&url);
        if held().is_some_and(|p| url.pathname() != p) {
            return;
        }
        // A link to the page already shown does not add a history entry.
        let here = w.location().href().ok().as_deref() == Some(url.href().as_str());
        let history = w.history();
        let moved = match history {
            Ok(h) if opts.replace || here => {
                h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target))
            }
            Ok(h) => h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target)),
            Err(e) => Err(e),
        };
        if moved.is_err() {
            let _ = w.location().assign(&target);
            return;
        }
        self.sync();
        if url.hash().is_empty() {
            // The new page starts at the top, and so does a screen reader or the Tab key:
            // focus goes to the main area (the link that was followed has gone).
            if let Some(main) = w
                .document()
                .and_then(|d| d.get_element_by_id("main-content"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
            }
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// The in-app address a click should move to, or `None` to leave the click to the browser.
fn link_to_follow(ev: &web_sys::MouseEvent) -> Option<String> {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.shift_key()
    {
        return None;
    }
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let a = el.closest("a[href]").ok()??;
    let target = a.get_attribute("target").unwrap_or_default();
    let external = a
        .get_attribute("rel")
        .is_some_and(|r| r.split_whitespace().any(|w| w == "external"));
    if a.has_attribute("download") || !(target.is_empty() || target == "_self") || external {
        return None;
    }
    let url = resolve(&a.get_attribute("href")?)?;
    if !same_site(&url) {
        return None;
    }
    let (path, query) = address();
    if url.pathname() == path && url.search() == query && !url.hash().is_empty() {
        return None;
    }
    Some(in_app(&url))
}

/// `href` resolved against the current address.
fn resolve(href: &str) -> Option<web_sys::Url> {
    let base = window().location().href().ok()?;
    web_sys::Url::new_with_base(href, &base).ok()
}

/// Whether `url` is on this site.
fn same_site(url: &web_sys::Url) -> bool {
    window().location().origin().ok().as_deref() == Some(url.origin().as_str())
}

/// The part of `url` the app routes on: path, query and fragment.
fn in_app(url: &web_sys::Url) -> String {
    format!("{}{}{}", url.pathname(), url.search(), url.hash())
}

/// The app's [`Location`].
pub fn use_location() -> Location {
    expect_context::<Location>()
}

/// A function that moves the app to an address, as a link would.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + Send + Sync + 'static {
    let loc = use_location();
    move |href: &str, opts: NavigateOptions| loc.go(href, opts)
}

/// The named parts of the current path (`id`, `section`, `group`, `pid`, `sid`).
pub fn use_params_map() -> Memo<Params> {
    let loc = use_location();
    Memo::new(move |_| loc.route.read().params())
}

/// The current query string's values.
pub fn use_query_map() -> Memo<Params> {
    let loc = use_location();
    Memo::new(move |_| Params::from_query(&loc.query.read()))
}

/// A navigation link marked `aria-current="page"` while its page (or, unless `exact`, a page
/// below it) is shown.
#[component]
pub fn NavLink(
    href: &'static str,
    #[prop(optional)] exact: bool,
    #[prop(into)] class: String,
    children: Children,
) -> impl IntoView {
    let loc = use_location();
    let current = move || {
        let p = loc.path.read();
        let on = if exact {
            p.as_str() == href
        } else {
            p.as_str() == href || p.starts_with(&format!("{}/", href.trim_end_matches('/')))
        };
        on.then_some("page")
    };
    view! { <a href=href class=class aria-current=current>{children()}</a> }
}
