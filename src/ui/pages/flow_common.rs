//! Pieces shared by the guided-flow pages: the open assessment's profile, URLs of flow pages,
//! and answers written out in words.

use crate::flow::Page;
use crate::model::PersonId;
use crate::procedure::{self, Profile};
use crate::ui::session::Session;
use leptos::prelude::*;

/// The profile the open assessment follows (imports are checked, so it is always known).
pub fn profile_of(s: Session) -> &'static Profile {
    s.doc
        .with_untracked(procedure::of)
        .unwrap_or(&procedure::built_in()[0])
}

/// The URL of a section's summary ("check your answers") page.
pub fn section_url(s: Session, section: &str) -> String {
    format!(
        "/assessments/{}/s/{section}",
        s.doc.with_untracked(|a| a.id.clone())
    )
}

/// The URL of one page of the flow.
pub fn page_url(s: Session, section: &str, page: &Page) -> String {
    let base = format!("{}/{}", section_url(s, section), page.group);
    match &page.child {
        Some(c) => format!("{base}?child={c}"),
        None => base,
    }
}

pub use crate::report::words::answer_words;

/// The child named in a `?child=` query value.
pub fn parse_child(v: Option<String>) -> Option<PersonId> {
    v.and_then(|c| PersonId::parse(&c))
}
