//! The network map's commands and drawing. The map itself (circles, entries, who is in the
//! safety network) is plain data in [`crate::model::network`], re-exported here.

pub mod commands;
mod grid;
pub mod layout;
mod rect;
pub mod render;
pub mod safety;
pub mod sample;
#[cfg(test)]
mod tests;

pub use crate::model::network::*;
