//! The user interface: components render the model and dispatch edits; no business rules here.

pub mod app;
pub mod crypto;
pub mod editors;
pub mod front;
pub mod handoff;
pub mod load;
pub mod pages;
pub mod platform;
pub mod router;
pub mod session;
pub mod tabs;
pub mod widgets;
