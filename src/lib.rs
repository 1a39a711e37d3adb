//! Assessment Workbench: a Child and Family Assessment tool that runs entirely in the browser.
//!
//! The pure core (`model`, `procedure`, `flow`, `diagram`, `edit`, `exchange`, `report`) has no
//! browser dependency and is tested natively without the `web` feature; `storage` adapts it to
//! IndexedDB behind a small trait (the IndexedDB adapter and preferences need `web`); `ui`
//! renders and dispatches (only with `web`).

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
pub mod views;
pub mod workspace;

#[cfg(feature = "web")]
pub use ui::app::{App, WorkbenchApp};
#[cfg(feature = "web")]
pub use ui::front::FrontApp;

/// Starts the front module: the list of assessments.
#[cfg(feature = "web")]
pub fn start_front() {
    ui::handoff::mount(ui::router::Module::Front, FrontApp);
}

/// Starts the workbench module: opening an assessment and the pages used most.
#[cfg(feature = "web")]
pub fn start_workbench() {
    ui::handoff::mount(ui::router::Module::Workbench, WorkbenchApp);
}

/// Starts the whole app: every page.
#[cfg(feature = "web")]
pub fn start_whole() {
    ui::handoff::mount(ui::router::Module::Whole, App);
}

/// The app's version, written into every export.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
