//! Signs of Safety planning records: harm statements (what has happened), danger statements
//! each paired with a safety goal (the "bookends" of the mapping, each pair on its own scale),
//! and the safety plan with every agreed version kept. Pure data; the edits that keep it whole
//! are in [`crate::edit::planning`], the rules in [`super::validity`].

use super::ids::{ItemId, PersonId};
use super::safety_plan::SafetyPlan;
use super::scales::{Scale, ScaleKind, Step};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Everything the workers and family write to plan for safety.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Planning {
    /// Past harm: what happened.
    pub harms: Vec<HarmStatement>,
    /// Danger statements with their safety goals, each with a scale (`ScaleKind::Pair`).
    pub pairs: Vec<StatementPair>,
    /// The rules that keep the children safe, and the versions agreed with the family.
    pub plan: SafetyPlan,
}

/// Who wrote a statement and when, and who it is about.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Authorship {
    /// The children it is about; empty means all the children being assessed (the sibling group).
    pub children: Vec<PersonId>,
    pub written_by: String,
    pub written_on: Option<NaiveDate>,
}

impl Authorship {
    /// Who it is about, in words: "Rowan Demo, Skye Demo", or "All the children".
    pub fn words(&self, a: &super::Assessment) -> String {
        if self.children.is_empty() {
            return "All the children".to_owned();
        }
        self.children
            .iter()
            .filter_map(|c| a.person(c).map(|p| p.display_name()))
            .collect::<Vec<_>>()
            .join(", ")
    }
    /// Whether the statement concerns this child.
    pub fn concerns(&self, child: &PersonId) -> bool {
        self.children.is_empty() || self.children.contains(child)
    }
}

/// Harm that has happened: what, when, how serious, and its impact on the child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct HarmStatement {
    pub id: ItemId,
    pub about: Authorship,
    pub what_happened: String,
    /// When it happened, in words ("March 2026", "over the last year").
    pub when: String,
    pub how_serious: String,
    pub impact: String,
    /// How the family describes it, in their words.
    pub family_words: String,
    /// Where the family disagrees, what they say.
    pub dispute: String,
}

/// What professionals are worried will happen if nothing changes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DangerStatement {
    /// Who is worried ("Children's services and the school are worried…").
    pub who_is_worried: String,
    /// About what: the behaviour, specific, in plain words.
    pub worry: String,
    /// What might happen to the child if nothing changes.
    pub might_happen: String,
    /// The impact that would have on the child.
    pub impact: String,
    /// The family's own words for the worry.
    pub family_words: String,
    /// Where the family disagrees, what they say.
    pub dispute: String,
}

/// What the caregivers will be doing instead, so the child is safe.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SafetyGoal {
    /// What the caregivers will be doing differently.
    pub caregivers_will: String,
    /// What the child will experience.
    pub child_will_experience: String,
    /// What professionals will see.
    pub professionals_will_see: String,
    /// For how long it must be sustained before the case can close.
    pub for_how_long: String,
    /// The family's own words for the goal.
    pub family_words: String,
}

/// One danger statement with its safety goal; either side may still be being drafted. Its
/// scale (0 the danger statement, 10 the safety goal) is the scale of kind `pair` naming it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatementPair {
    pub id: ItemId,
    pub about: Authorship,
    pub danger: DangerStatement,
    pub goal: SafetyGoal,
}

/// The words of the worry for the end of a scale or a summary: who is worried, about what, and
/// what might happen, or the family's words when the professional ones are not written yet.
pub fn danger_words(d: &DangerStatement) -> String {
    let parts: Vec<&str> = [
        d.who_is_worried.trim(),
        d.worry.trim(),
        d.might_happen.trim(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if parts.is_empty() {
        d.family_words.trim().to_owned()
    } else {
        parts.join(" ")
    }
}

/// The words of the goal for the other end of the scale.
pub fn goal_words(g: &SafetyGoal) -> String {
    let main = g.caregivers_will.trim();
    if main.is_empty() {
        g.family_words.trim().to_owned()
    } else {
        main.to_owned()
    }
}

/// The question every pair's scale asks.
pub const PAIR_QUESTION: &str = "On a scale of 0 to 10, where 0 is the danger statement and 10 is the safety goal, where are things now?";

/// The words at the two ends of a pair's scale.
pub fn anchors(p: &StatementPair) -> (String, String) {
    let or = |w: String, instead: &str| if w.is_empty() { instead.to_owned() } else { w };
    (
        or(
            danger_words(&p.danger),
            "The danger statement (not written yet)",
        ),
        or(goal_words(&p.goal), "The safety goal (not written yet)"),
    )
}

/// A new, empty scale with id `id` for the pair `p`.
pub fn new_pair_scale(id: String, p: &StatementPair) -> Scale {
    let (low_anchor, high_anchor) = anchors(p);
    Scale {
        id,
        kind: ScaleKind::Pair { pair: p.id.clone() },
        question: PAIR_QUESTION.to_owned(),
        low_anchor,
        high_anchor,
        step: Step::Whole,
        markers: Vec::new(),
        history: Vec::new(),
    }
}

impl StatementPair {
    /// A short title (the caller adds "Danger statement 1: "): the worry, shortened.
    pub fn short_title(&self) -> String {
        let worry = self.danger.worry.trim();
        let words = if worry.is_empty() {
            danger_words(&self.danger)
        } else {
            worry.to_owned()
        };
        if words.is_empty() {
            return "Danger statement not written yet".to_owned();
        }
        shorten(&words, 80)
            .trim_end_matches([',', ';', ':'])
            .to_owned()
    }
}

/// The words a family reads: theirs where given, else the professional words.
pub fn theirs(family: &str, otherwise: String) -> String {
    if family.trim().is_empty() {
        otherwise
    } else {
        family.trim().to_owned()
    }
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':', '.']))
}

impl Planning {
    /// How many of the safety plan's rules name this person (said before removing them, and
    /// beside them on the network map).
    pub fn rules_naming(&self, id: &PersonId) -> usize {
        self.plan
            .rules
            .iter()
            .filter(|r| r.who.contains(id))
            .count()
    }

    /// The pair with this id.
    pub fn pair(&self, id: &ItemId) -> Option<&StatementPair> {
        self.pairs.iter().find(|p| &p.id == id)
    }
    /// The pair with this id, to change.
    pub fn pair_mut(&mut self, id: &ItemId) -> Option<&mut StatementPair> {
        self.pairs.iter_mut().find(|p| &p.id == id)
    }
    /// The harm statement with this id, to change.
    pub fn harm_mut(&mut self, id: &ItemId) -> Option<&mut HarmStatement> {
        self.harms.iter_mut().find(|h| &h.id == id)
    }
    /// The position of a pair, from 1, for "Danger statement 2".
    pub fn number_of(&self, id: &ItemId) -> Option<usize> {
        self.pairs.iter().position(|p| &p.id == id).map(|i| i + 1)
    }
    /// Every item id used in planning, for making fresh ones.
    pub fn ids(&self) -> impl Iterator<Item = &ItemId> {
        self.harms
            .iter()
            .map(|h| &h.id)
            .chain(self.pairs.iter().map(|p| &p.id))
            .chain(self.plan.rules.iter().map(|r| &r.id))
            .chain(self.plan.contacts.iter().map(|c| &c.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_at_the_ends_of_a_scale_fall_back_to_the_family_s_words() {
        let mut d = DangerStatement {
            family_words: "Mum says the shouting scares the kids".into(),
            ..Default::default()
        };
        assert_eq!(danger_words(&d), "Mum says the shouting scares the kids");
        d.worry = "Jo drinks until she falls asleep when she is looking after Ava.".into();
        d.might_happen = "Ava could be hurt with nobody awake to help.".into();
        assert_eq!(
            danger_words(&d),
            "Jo drinks until she falls asleep when she is looking after Ava. Ava could be hurt with nobody awake to help."
        );
        let g = SafetyGoal {
            family_words: "Always a sober adult".into(),
            ..Default::default()
        };
        assert_eq!(goal_words(&g), "Always a sober adult");
    }

    #[test]
    fn long_words_are_shortened_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 9), "one two…");
        assert_eq!(shorten("one, two three", 6), "one…");
    }

    #[test]
    fn an_empty_list_of_children_means_the_sibling_group() {
        let a = PersonId::from_random([1; 4]);
        let b = PersonId::from_random([2; 4]);
        let all = Authorship::default();
        assert!(all.concerns(&a) && all.concerns(&b));
        let one = Authorship {
            children: vec![a.clone()],
            ..Default::default()
        };
        assert!(one.concerns(&a) && !one.concerns(&b));
    }
}
