//! Pieces shared by the guided-flow pages: the open assessment's profile, URLs of flow pages,
//! and answers written out in words.

use crate::flow::Page;
use crate::model::{Answer, PersonId};
use crate::procedure::profile::{QuestionDef, QuestionKind};
use crate::procedure::{self, Profile};
use crate::ui::platform::long_date;
use crate::ui::session::Session;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The profile the open assessment follows (imports are checked, so it is always known).
pub fn profile_of(s: Session) -> &'static Profile {
    let id = s.doc.with_untracked(|a| a.profile.clone());
    procedure::find(&id).unwrap_or(&procedure::built_in()[0])
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

fn date_words(v: &str) -> String {
    NaiveDate::parse_from_str(v, "%Y-%m-%d").map_or_else(|_| v.to_owned(), long_date)
}

fn field_words(f: &QuestionDef, v: &str) -> String {
    match f.kind {
        QuestionKind::Date => date_words(v),
        QuestionKind::YesNo | QuestionKind::Choice => f.value_label(v),
        _ => v.to_owned(),
    }
}

/// An answer in words, one line per entry.
pub fn answer_words(q: &QuestionDef, a: &Answer) -> Vec<String> {
    match a {
        Answer::Text(v) => vec![field_words(q, v)],
        Answer::Choices(vs) => vs.iter().map(|v| q.value_label(v)).collect(),
        Answer::Items(items) => items
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let parts: Vec<String> = q
                    .fields
                    .iter()
                    .filter_map(|f| {
                        m.get(&f.id)
                            .filter(|v| !v.trim().is_empty())
                            .map(|v| format!("{}: {}", f.label, field_words(f, v)))
                    })
                    .collect();
                format!(
                    "{}. {}",
                    i + 1,
                    if parts.is_empty() {
                        "(empty)".to_owned()
                    } else {
                        parts.join("; ")
                    }
                )
            })
            .collect(),
    }
}

/// The child named in a `?child=` query value.
pub fn parse_child(v: Option<String>) -> Option<PersonId> {
    v.and_then(|c| PersonId::parse(&c))
}
