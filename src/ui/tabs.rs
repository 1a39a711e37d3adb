//! Two tabs on one assessment: every save is announced on a BroadcastChannel, and a tab that
//! has the same assessment open is told that a newer version exists (and offered to reload).
//! The revision check in storage is what stops a stale tab overwriting; this is the courtesy.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "assessment-workbench.saves";
/// Sent when a passphrase is set, changed or removed: every other tab reloads, so none keeps
/// writing with a key that no longer applies.
const PROTECTION_CHANGED: &str = "protection-changed";

type Listener = Closure<dyn FnMut(MessageEvent)>;
/// Told each newer revision of the assessment being watched.
type Newer = Rc<dyn Fn(u64)>;

thread_local! {
    static OPEN: RefCell<Option<(BroadcastChannel, Listener)>> = const { RefCell::new(None) };
    static WATCHING: RefCell<Option<(String, Newer)>> = const { RefCell::new(None) };
}

fn with_channel(f: impl FnOnce(&BroadcastChannel)) {
    OPEN.with(|open| {
        let mut open = open.borrow_mut();
        if open.is_none() {
            let Ok(ch) = BroadcastChannel::new(CHANNEL) else {
                return;
            };
            let listener: Listener = Closure::new(move |ev: MessageEvent| {
                let Some(text) = ev.data().as_string() else {
                    return;
                };
                if text == PROTECTION_CHANGED {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                    return;
                }
                let Some((id, rev)) = text.rsplit_once(':') else {
                    return;
                };
                let Ok(rev) = rev.parse::<u64>() else { return };
                let watcher = WATCHING.with(|w| w.borrow().clone());
                if let Some((open_id, newer)) = watcher {
                    if open_id == id {
                        newer(rev);
                    }
                }
            });
            ch.set_onmessage(Some(listener.as_ref().unchecked_ref()));
            *open = Some((ch, listener));
        }
        if let Some((ch, _)) = open.as_ref() {
            f(ch);
        }
    });
}

/// Tells other tabs that assessment `id` was saved at `revision`.
pub fn announce_saved(id: &str, revision: u64) {
    with_channel(|ch| {
        let _ = ch.post_message(&JsValue::from_str(&format!("{id}:{revision}")));
    });
}

/// Listens for saves of assessment `id` made in other tabs: `newer` is told each revision.
pub fn watch(id: String, newer: impl Fn(u64) + 'static) {
    with_channel(|_| {});
    WATCHING.with(|w| *w.borrow_mut() = Some((id, Rc::new(newer))));
}

/// Stops listening for assessment `id`.
pub fn unwatch(id: &str) {
    WATCHING.with(|w| {
        let mut w = w.borrow_mut();
        if w.as_ref().is_some_and(|(open, _)| open == id) {
            *w = None;
        }
    });
}

/// Starts listening to other tabs (for a change of passphrase) as the app starts.
pub fn listen() {
    with_channel(|_| {});
}

/// Stops listening. The front calls it as it hands the page to the workbench, which listens
/// for itself: a message meant for other tabs (the passphrase changed here) must not reach the
/// front's listener left behind in the same page, which would reload it.
pub fn stop_listening() {
    OPEN.with(|open| {
        if let Some((ch, _listener)) = open.borrow_mut().take() {
            ch.set_onmessage(None);
            ch.close();
        }
    });
}

/// Tells other tabs that the passphrase was set, changed or removed.
pub fn announce_protection_changed() {
    with_channel(|ch| {
        let _ = ch.post_message(&JsValue::from_str(PROTECTION_CHANGED));
    });
}
