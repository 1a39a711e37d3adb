//! The diagram editors: one pointer pipeline and canvas shared by the genogram and the network
//! map; each page turns selections, drags and keys into commands on the document.

pub mod canvas;
pub mod dispatch;
pub mod export;
pub mod gedcom;
pub mod genogram;
pub mod genogram_actions;
pub mod genogram_panel;
pub mod genogram_table;
pub mod network;
pub mod network_maps;
pub mod network_panel;
pub mod network_table;
pub mod relative_picker;
pub mod screen;
