//! Answers to a profile's questions, keyed by question id (and by child, for questions asked
//! about each child separately).

use super::ids::PersonId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Answer {
    /// Text, a yes/no or single choice value, or a date as YYYY-MM-DD.
    Text(String),
    /// The values chosen in a multiple choice.
    Choices(Vec<String>),
    /// The items of a repeating list, each a map of field id to text.
    Items(Vec<BTreeMap<String, String>>),
}

impl Answer {
    /// Whether the answer says anything.
    pub fn is_given(&self) -> bool {
        match self {
            Answer::Text(t) => !t.trim().is_empty(),
            Answer::Choices(c) => !c.is_empty(),
            Answer::Items(i) => i.iter().any(|m| m.values().any(|v| !v.trim().is_empty())),
        }
    }
    /// The text, for text-like answers.
    pub fn text(&self) -> Option<&str> {
        match self {
            Answer::Text(t) => Some(t),
            _ => None,
        }
    }
    /// The answer as a date, when it is one.
    pub fn date(&self) -> Option<NaiveDate> {
        self.text().and_then(|t| t.parse::<NaiveDate>().ok())
    }
}

/// The key an answer is stored under: the question id, or `question@child` for a per-child question.
pub fn answer_key(question: &str, child: Option<&PersonId>) -> String {
    match child {
        Some(c) => format!("{question}@{c}"),
        None => question.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_means_something_was_said() {
        assert!(!Answer::Text("  ".into()).is_given());
        assert!(Answer::Text("yes".into()).is_given());
        assert!(!Answer::Choices(vec![]).is_given());
        let mut blank = BTreeMap::new();
        blank.insert("what".to_owned(), String::new());
        assert!(!Answer::Items(vec![blank.clone()]).is_given());
        blank.insert("what".to_owned(), "Neglect".into());
        assert!(Answer::Items(vec![blank]).is_given());
    }

    #[test]
    fn keys_and_dates() {
        let p = PersonId::from_random([1, 2, 3, 4]);
        assert_eq!(answer_key("seenAlone", Some(&p)), "seenAlone@p-01020304");
        assert_eq!(answer_key("consent", None), "consent");
        assert_eq!(
            Answer::Text("2026-11-09".into()).date(),
            NaiveDate::from_ymd_opt(2026, 11, 9)
        );
        assert_eq!(Answer::Text("9/11/2026".into()).date(), None);
    }
}
