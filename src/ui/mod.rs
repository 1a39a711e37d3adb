//! The user interface: components render the model and dispatch edits; no business rules here.
//! Everything but the pure URL table and date-part reading needs the `web` feature.

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod child;
#[cfg(feature = "web")]
pub mod crypto;
#[cfg(feature = "web")]
pub mod editors;
#[cfg(feature = "web")]
pub mod front;
#[cfg(feature = "web")]
pub mod handoff;
#[cfg(feature = "web")]
pub mod load;
#[cfg(feature = "web")]
pub mod pages;
#[cfg(feature = "web")]
pub mod passphrase;
#[cfg(feature = "web")]
pub mod platform;
#[cfg(feature = "web")]
pub mod randomness;
pub mod router;
#[cfg(feature = "web")]
pub mod session;
#[cfg(feature = "web")]
pub mod tabs;
pub mod widgets;
