//! Small reusable pieces: form fields, the save status, the error summary, status tags.

pub mod date_parts;
pub mod elsewhere;
pub mod fields;
pub mod messages;
pub mod people_list;
pub mod question;
pub mod save_status;
pub mod scale;
pub mod section_footer;
pub mod update_banner;
