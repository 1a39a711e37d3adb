//! Moving an assessment to a newer version of its procedure profile. Nothing is lost: answers
//! to questions the new version does not ask stay in the assessment, shown as "from an earlier
//! version" with the question they answered, and the worker is told which they are before
//! choosing to move.

use super::profile::QuestionDef;
use super::{registry, Profile};
use crate::model::{Answer, Assessment};

/// An answer whose question the profile does not ask.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlierAnswer {
    /// The answer's key in the assessment (`question` or `question@child`).
    pub key: String,
    /// The question as the version that asked it had it, when a version here does.
    pub question: Option<&'static QuestionDef>,
    pub answer: Answer,
}

impl EarlierAnswer {
    /// The question's words, or its id when no version on this device asks it.
    pub fn label(&self) -> String {
        self.question
            .map_or_else(|| question_id(&self.key).to_owned(), |q| q.label.clone())
    }
}

fn question_id(key: &str) -> &str {
    key.split_once('@').map_or(key, |(q, _)| q)
}

/// The answers in `a` that `to` has no question for, with their words from `from`.
pub fn left_behind(a: &Assessment, from: &'static Profile, to: &Profile) -> Vec<EarlierAnswer> {
    a.answers
        .iter()
        .filter(|(key, answer)| answer.is_given() && to.question(question_id(key)).is_none())
        .map(|(key, answer)| EarlierAnswer {
            key: key.clone(),
            question: from.question(question_id(key)),
            answer: answer.clone(),
        })
        .collect()
}

/// The answers in `a` its profile version does not ask about, each described by the newest
/// version of the profile on this device that asked it.
pub fn earlier_answers(a: &Assessment, follows: &Profile) -> Vec<EarlierAnswer> {
    a.answers
        .iter()
        .filter(|(key, answer)| answer.is_given() && follows.question(question_id(key)).is_none())
        .map(|(key, answer)| EarlierAnswer {
            key: key.clone(),
            question: asked_by_any_version(&a.profile, question_id(key)),
            answer: answer.clone(),
        })
        .collect()
}

fn asked_by_any_version(id: &str, question: &str) -> Option<&'static QuestionDef> {
    let mut versions: Vec<&'static Profile> = registry::loaded()
        .into_iter()
        .map(|l| l.profile)
        .chain(super::built_in().iter())
        .filter(|p| p.id == id)
        .collect();
    versions.sort_by_key(|p| std::cmp::Reverse(p.version));
    versions.into_iter().find_map(|p| p.question(question))
}

/// Moves `a` to `to` (a version of the profile it follows): every answer stays.
pub fn move_to(a: &mut Assessment, to: &Profile) {
    debug_assert_eq!(a.profile, to.id);
    a.profile_version = to.version;
    a.profile_hash = to.hash.clone();
}

#[cfg(test)]
mod tests;
