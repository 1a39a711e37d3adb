//! Small reusable pieces: form fields, the save status, the error summary, status tags.

pub mod date_parts;
#[cfg(feature = "web")]
pub mod document_notices;
#[cfg(feature = "web")]
pub mod duplicates;
#[cfg(feature = "web")]
pub mod elsewhere;
#[cfg(feature = "web")]
pub mod fields;
#[cfg(feature = "web")]
pub mod messages;
#[cfg(feature = "web")]
pub mod people_list;
#[cfg(feature = "web")]
pub mod question;
#[cfg(feature = "web")]
pub mod save_status;
#[cfg(feature = "web")]
pub mod scale;
#[cfg(feature = "web")]
pub mod section_footer;
#[cfg(feature = "web")]
pub mod update_banner;
