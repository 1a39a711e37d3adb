//! A small router for the app's own URLs. It keeps the address in signals, follows the back and
//! forward buttons, and turns clicks on same-site links into in-app moves. The table of pages is
//! data ([`routes`]); each app module decides what to show for a route.
//!
//! Any plain `<a href>` is followed in the app, unless it has `download`, a `target` other than
//! `_self`, `rel="external"`, a modifier key or a middle click (those keep the browser's
//! behaviour), or it only names a fragment of the current page.

pub mod routes;

pub use routes::{Module, Page, Params, Route};

#[cfg(feature = "web")]
mod navigation;
#[cfg(feature = "web")]
pub use navigation::*;
