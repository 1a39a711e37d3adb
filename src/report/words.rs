//! Answers and dates in words, for summaries and "check your answers" pages.

use crate::model::Answer;
use crate::procedure::profile::{QuestionDef, QuestionKind};
use chrono::NaiveDate;

/// A date the GOV.UK way: 2 November 2026.
pub fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
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
                let body = if parts.is_empty() {
                    "(empty)".to_owned()
                } else {
                    parts.join("; ")
                };
                format!("{}. {body}", i + 1)
            })
            .collect(),
    }
}
