//! Assessment Workbench: a Child and Family Assessment tool that runs entirely in the browser.
//!
//! The pure core (`model`, `procedure`, `exchange`) has no browser dependency and is tested
//! natively; `storage` adapts it to IndexedDB behind a small trait; `ui` renders and dispatches.

pub mod demo;
pub mod diagram;
pub mod edit;
pub mod exchange;
pub mod flow;
pub mod model;
pub mod procedure;
pub mod report;
pub mod storage;
pub mod ui;

pub use ui::app::App;
pub use ui::front::FrontApp;

/// The app's version, written into every export.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
