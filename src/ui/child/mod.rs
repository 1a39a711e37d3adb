//! The child's own tools in the browser: the list on a child's page, the worker's page for a
//! tool, child mode, the drawing board and Words and Pictures. The rules are in
//! [`crate::edit::child_tools`]; these only show and dispatch.

pub mod board;
pub mod child_mode;
pub mod draw_page;
pub mod list;
pub mod story;
pub mod tool_page;
