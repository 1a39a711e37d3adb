//! One component per screen.

pub mod bin;
pub mod children;
pub mod chronology;
pub mod delete;
pub mod details;
pub mod due;
pub mod flow_common;
pub mod group;
pub mod import;
pub mod list;
pub mod lock;
pub mod new;
pub mod not_found;
pub mod overview;
pub mod people;
pub mod person;
pub mod present;
pub mod print;
pub mod scale;
pub mod scales;
pub mod section;
pub mod shell;
pub mod storage;
