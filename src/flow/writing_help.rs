//! Gentle help with writing danger statements, safety goals and safety plans: never blocking,
//! only pointing out. More than three danger statements; jargon, from a word list kept as data
//! (`procedure/data/plain-words.json`), with the plain words to use instead; and the parts a
//! statement, goal or rule still lacks.

use crate::model::planning::{DangerStatement, SafetyGoal, StatementPair};
use crate::model::safety_plan::PlanRule;
use serde::Deserialize;
use std::sync::OnceLock;

/// Councils advise no more than this many danger statements.
pub const ADVISED_DANGER_STATEMENTS: usize = 3;

/// A jargon word and what to say instead.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct PlainWord {
    pub word: String,
    pub instead: String,
}

#[derive(Deserialize)]
struct WordList {
    words: Vec<PlainWord>,
}

/// The word list, longest phrases first (so "risk factors" is found before "risk").
pub fn word_list() -> &'static [PlainWord] {
    static LIST: OnceLock<Vec<PlainWord>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut list: Vec<PlainWord> =
            serde_json::from_str::<WordList>(include_str!("../procedure/data/plain-words.json"))
                .map(|l| l.words)
                .unwrap_or_default();
        list.sort_by_key(|w| std::cmp::Reverse(w.word.len()));
        list
    })
}

/// A jargon word found in some text: the word as written there, and what to say instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jargon {
    pub found: String,
    pub instead: String,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The jargon in `text`, in the order it appears, each place once (a longer phrase wins over
/// a word inside it).
pub fn jargon(text: &str) -> Vec<Jargon> {
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths outside ASCII; match on the lowered text and report
    // the lowered word then, which reads the same.
    let same_len = lower.len() == text.len();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut found: Vec<(usize, Jargon)> = Vec::new();
    for w in word_list() {
        let needle = w.word.to_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find(&needle).map(|i| i + from) {
            let end = at + needle.len();
            from = end;
            let before = lower[..at].chars().next_back();
            let after = lower[end..].chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            if taken.iter().any(|&(s, e)| at < e && s < end) {
                continue;
            }
            taken.push((at, end));
            let shown = if same_len {
                &text[at..end]
            } else {
                &lower[at..end]
            };
            found.push((
                at,
                Jargon {
                    found: shown.to_owned(),
                    instead: w.instead.clone(),
                },
            ));
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, j)| j).collect()
}

/// One piece of help, said as a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint(pub String);

fn jargon_hints(texts: &[&str]) -> Vec<Hint> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for j in texts.iter().flat_map(|t| jargon(t)) {
        let key = j.found.to_lowercase();
        if !seen.contains(&key) {
            seen.push(key);
            out.push(Hint(format!(
                "\"{}\" is a word families may not use: {}.",
                j.found, j.instead
            )));
        }
    }
    out
}

/// Help with a danger statement.
pub fn danger_help(d: &DangerStatement) -> Vec<Hint> {
    let mut out = Vec::new();
    let written = [&d.who_is_worried, &d.worry, &d.might_happen, &d.impact]
        .iter()
        .any(|s| !s.trim().is_empty());
    if !written {
        return out;
    }
    if d.who_is_worried.trim().is_empty() {
        out.push(Hint("Say who is worried.".into()));
    }
    if d.worry.trim().is_empty() {
        out.push(Hint(
            "Say what the worry is about: what the adults do, in plain words.".into(),
        ));
    }
    if d.might_happen.trim().is_empty() {
        out.push(Hint(
            "Say what might happen to the child if nothing changes.".into(),
        ));
    }
    out.extend(jargon_hints(&[
        &d.who_is_worried,
        &d.worry,
        &d.might_happen,
        &d.impact,
    ]));
    out
}

/// Help with a safety goal.
pub fn goal_help(g: &SafetyGoal) -> Vec<Hint> {
    let mut out = Vec::new();
    let written = [
        &g.caregivers_will,
        &g.child_will_experience,
        &g.professionals_will_see,
        &g.for_how_long,
    ]
    .iter()
    .any(|s| !s.trim().is_empty());
    if !written {
        return out;
    }
    if g.caregivers_will.trim().is_empty() {
        out.push(Hint(
            "Say what the caregivers will be doing differently.".into(),
        ));
    }
    if g.for_how_long.trim().is_empty() {
        out.push(Hint(
            "Say for how long this must be kept up before the case can close.".into(),
        ));
    }
    out.extend(jargon_hints(&[
        &g.caregivers_will,
        &g.child_will_experience,
        &g.professionals_will_see,
    ]));
    out
}

/// Help about the statements as a whole: more than three danger statements.
pub fn statements_help(pairs: &[StatementPair]) -> Vec<Hint> {
    let n = pairs.len();
    if n > ADVISED_DANGER_STATEMENTS {
        vec![Hint(format!(
            "There are {n} danger statements. Councils advise no more than {ADVISED_DANGER_STATEMENTS}: could some worries be put together?"
        ))]
    } else {
        Vec::new()
    }
}

/// Help with a rule of the safety plan.
pub fn rule_help(r: &PlanRule) -> Vec<Hint> {
    let mut out = Vec::new();
    if r.rule.trim().is_empty() {
        return out;
    }
    if r.who.is_empty() {
        out.push(Hint(
            "Nobody is named to make sure this rule is kept.".into(),
        ));
    }
    if r.answers.is_empty() {
        out.push(Hint("Say which danger statement this rule answers.".into()));
    }
    out.extend(jargon_hints(&[&r.rule, &r.warning_signs, &r.then]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(h: &[Hint]) -> Vec<&str> {
        h.iter().map(|h| h.0.as_str()).collect()
    }

    #[test]
    fn jargon_is_found_as_whole_words_longest_first() {
        let found = jargon("Concerns about DV and risk factors; the risk is high. Riskier? No.");
        let names: Vec<&str> = found.iter().map(|j| j.found.as_str()).collect();
        assert_eq!(names, vec!["Concerns", "DV", "risk factors", "risk"]);
        assert!(
            jargon("Advice and devices").is_empty(),
            "no match inside words"
        );
        assert!(jargon("").is_empty());
    }

    #[test]
    fn the_word_list_is_data_and_every_entry_says_what_to_say_instead() {
        assert!(word_list().len() >= 20);
        assert!(word_list()
            .iter()
            .all(|w| !w.word.trim().is_empty() && w.instead.starts_with("say ")));
    }

    #[test]
    fn a_statement_without_what_might_happen_says_so_and_flags_jargon() {
        let mut d = DangerStatement {
            who_is_worried: "Children's services are worried".into(),
            worry: "about neglect".into(),
            ..Default::default()
        };
        assert_eq!(
            words(&danger_help(&d)),
            vec![
                "Say what might happen to the child if nothing changes.",
                "\"neglect\" is a word families may not use: say what the child goes without, and how often (for example: no breakfast before school most days).",
            ]
        );
        d.worry = "that Ava goes to school without breakfast most days".into();
        d.might_happen = "Ava could become ill and fall behind".into();
        assert!(danger_help(&d).is_empty());
        assert!(
            danger_help(&DangerStatement::default()).is_empty(),
            "nothing written, nothing said"
        );
    }

    #[test]
    fn a_goal_without_for_how_long_says_so() {
        let mut g = SafetyGoal {
            caregivers_will: "Jo will make sure there is always a sober adult with Ava".into(),
            ..Default::default()
        };
        assert_eq!(
            words(&goal_help(&g)),
            vec!["Say for how long this must be kept up before the case can close."]
        );
        g.for_how_long = "Six months".into();
        assert!(goal_help(&g).is_empty());
    }

    #[test]
    fn more_than_three_danger_statements_is_pointed_out() {
        use crate::model::planning::Authorship;
        use crate::model::ItemId;
        let pair = |n: u8| StatementPair {
            id: ItemId::from_random([n; 4]),
            about: Authorship::default(),
            danger: Default::default(),
            goal: Default::default(),
        };
        let three: Vec<_> = (1..=3).map(pair).collect();
        assert!(statements_help(&three).is_empty());
        let four: Vec<_> = (1..=4).map(pair).collect();
        assert!(statements_help(&four)[0]
            .0
            .starts_with("There are 4 danger statements"));
    }
}
