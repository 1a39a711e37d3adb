//! The genogram's commands, layout, drawing and transfer. The document itself (who is drawn
//! where, partnerships, parentage, households, relationships) is plain data in
//! [`crate::model::genogram`], re-exported here.

pub mod candidates;
pub mod commands;
pub mod layout;
pub mod outlines;
pub mod render;
pub mod sample;
#[cfg(test)]
mod tests;
pub mod transfer;

pub use crate::model::genogram::*;
