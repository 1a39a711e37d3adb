//! The safety plan: the rules that keep the children safe, who makes sure each is kept, what the
//! children are told, the warning signs and what happens then. Every version agreed with the
//! family is kept in words (names as they were), so what was agreed stays readable even after
//! the register changes, and the differences between versions can be shown.

use super::ids::{ItemId, PersonId};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Where the plan stands.
    PlanStatus {
        Draft => ("draft", "Draft"),
        AgreedWithFamily => ("agreedWithFamily", "Agreed with the family"),
        AgreedAtConference => ("agreedAtConference", "Agreed at the family group conference"),
    }
);

/// An immediate safety plan is reviewed within this many days.
pub const IMMEDIATE_REVIEW_DAYS: u64 = 7;

/// The plan as it is being written, and its agreed versions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SafetyPlan {
    /// An immediate plan (made at once, reviewed within 7 days) rather than the longer-term one.
    pub immediate: bool,
    pub rules: Vec<PlanRule>,
    pub contacts: Vec<PlanContact>,
    /// How the plan is checked: who visits, who asks the children, how often.
    pub checked_how: String,
    pub review_date: Option<NaiveDate>,
    /// Every agreed version, oldest first, numbered from 1.
    pub versions: Vec<PlanVersion>,
}

/// One rule of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanRule {
    pub id: ItemId,
    /// The rule, in the family's words where possible.
    pub rule: String,
    /// The danger statements it answers (their pairs' ids).
    pub answers: Vec<ItemId>,
    /// Who makes sure the rule is kept: people in the register (caregivers and network).
    pub who: Vec<PersonId>,
    /// What the children will be told about it.
    pub child_told: String,
    /// The warning signs or triggers that the rule is not being kept.
    pub warning_signs: String,
    /// What happens then.
    pub then: String,
}

/// Someone to call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanContact {
    pub id: ItemId,
    pub name: String,
    pub number: String,
}

/// A rule as it was agreed: the same words, with the names of the people and the danger
/// statements written out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgreedRule {
    /// The rule's id in the plan, to match it across versions.
    pub id: ItemId,
    pub rule: String,
    pub answers: Vec<String>,
    pub who: Vec<String>,
    pub child_told: String,
    pub warning_signs: String,
    pub then: String,
}

/// One agreed version of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanVersion {
    pub number: u32,
    pub agreed_on: NaiveDate,
    /// How it was agreed (never `draft`).
    pub status: PlanStatus,
    pub immediate: bool,
    pub rules: Vec<AgreedRule>,
    /// "Name: number", as agreed.
    pub contacts: Vec<String>,
    pub checked_how: String,
    pub review_date: Option<NaiveDate>,
}

impl SafetyPlan {
    /// The rule with this id, to change.
    pub fn rule_mut(&mut self, id: &ItemId) -> Option<&mut PlanRule> {
        self.rules.iter_mut().find(|r| &r.id == id)
    }
    /// The latest agreed version.
    pub fn agreed(&self) -> Option<&PlanVersion> {
        self.versions.last()
    }
    /// The review date to offer: an immediate plan is reviewed within 7 days of `from`.
    pub fn suggested_review(&self, from: NaiveDate) -> Option<NaiveDate> {
        self.review_date.or_else(|| {
            self.immediate
                .then(|| from.checked_add_days(Days::new(IMMEDIATE_REVIEW_DAYS)))
                .flatten()
        })
    }
    /// The rules nobody has been named to make sure of.
    pub fn rules_with_nobody(&self) -> impl Iterator<Item = &PlanRule> {
        self.rules.iter().filter(|r| r.who.is_empty())
    }
}

/// One difference between two versions of the plan, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    Added(String),
    Removed(String),
    Changed {
        what: String,
        before: String,
        after: String,
    },
}

impl Difference {
    /// The difference as a sentence.
    pub fn words(&self) -> String {
        match self {
            Difference::Added(w) => format!("Added: {w}"),
            Difference::Removed(w) => format!("Taken out: {w}"),
            Difference::Changed {
                what,
                before,
                after,
            } => format!("{what} changed from \"{before}\" to \"{after}\""),
        }
    }
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "nobody".to_owned()
    } else {
        v.join(", ")
    }
}

fn date_words(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "none".to_owned(), |d| d.format("%-d %B %Y").to_string())
}

/// What changed from `before` to `after`: rules added, taken out or reworded (matched by the
/// rule's id), who makes sure of them, contacts, how the plan is checked and its review date.
pub fn differences(before: &PlanVersion, after: &PlanVersion) -> Vec<Difference> {
    let mut out = Vec::new();
    for r in &after.rules {
        match before.rules.iter().find(|b| b.id == r.id) {
            None => out.push(Difference::Added(format!("the rule \"{}\"", r.rule))),
            Some(b) => {
                let fields: [(&str, String, String); 6] = [
                    ("The rule", b.rule.clone(), r.rule.clone()),
                    ("Who makes sure", list(&b.who), list(&r.who)),
                    (
                        "What the children are told",
                        b.child_told.clone(),
                        r.child_told.clone(),
                    ),
                    (
                        "The warning signs",
                        b.warning_signs.clone(),
                        r.warning_signs.clone(),
                    ),
                    ("What happens then", b.then.clone(), r.then.clone()),
                    (
                        "The worries it answers",
                        b.answers.join("; "),
                        r.answers.join("; "),
                    ),
                ];
                for (what, was, now) in fields {
                    if was != now {
                        let what = if what == "The rule" {
                            what.to_owned()
                        } else {
                            format!("{what} (\"{}\")", r.rule)
                        };
                        out.push(Difference::Changed {
                            what,
                            before: was,
                            after: now,
                        });
                    }
                }
            }
        }
    }
    for b in &before.rules {
        if !after.rules.iter().any(|r| r.id == b.id) {
            out.push(Difference::Removed(format!("the rule \"{}\"", b.rule)));
        }
    }
    for c in &after.contacts {
        if !before.contacts.contains(c) {
            out.push(Difference::Added(format!("the contact {c}")));
        }
    }
    for c in &before.contacts {
        if !after.contacts.contains(c) {
            out.push(Difference::Removed(format!("the contact {c}")));
        }
    }
    if before.checked_how != after.checked_how {
        out.push(Difference::Changed {
            what: "How the plan is checked".into(),
            before: before.checked_how.clone(),
            after: after.checked_how.clone(),
        });
    }
    if before.review_date != after.review_date {
        out.push(Difference::Changed {
            what: "The review date".into(),
            before: date_words(before.review_date),
            after: date_words(after.review_date),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(n: u8, words: &str, who: &[&str]) -> AgreedRule {
        AgreedRule {
            id: ItemId::from_random([n; 4]),
            rule: words.into(),
            answers: vec!["Danger statement 1".into()],
            who: who.iter().map(|s| s.to_string()).collect(),
            child_told: String::new(),
            warning_signs: String::new(),
            then: String::new(),
        }
    }

    fn version(number: u32, rules: Vec<AgreedRule>) -> PlanVersion {
        PlanVersion {
            number,
            agreed_on: NaiveDate::from_ymd_opt(2026, 11, number).unwrap(),
            status: PlanStatus::AgreedWithFamily,
            immediate: true,
            rules,
            contacts: vec!["Duty team: 01632 960000".into()],
            checked_how: "Weekly visits".into(),
            review_date: None,
        }
    }

    #[test]
    fn differences_name_what_was_added_taken_out_and_reworded() {
        let v1 = version(
            1,
            vec![
                rule(1, "A sober adult at home", &["Rita"]),
                rule(2, "No shouting", &[]),
            ],
        );
        let mut v2 = version(
            2,
            vec![
                rule(1, "A sober adult at home every evening", &["Rita", "Tom"]),
                rule(3, "Ava can call Nan", &["Rita"]),
            ],
        );
        v2.review_date = NaiveDate::from_ymd_opt(2026, 12, 8);
        let words: Vec<String> = differences(&v1, &v2)
            .iter()
            .map(Difference::words)
            .collect();
        assert_eq!(
            words,
            vec![
                "The rule changed from \"A sober adult at home\" to \"A sober adult at home every evening\"",
                "Who makes sure (\"A sober adult at home every evening\") changed from \"Rita\" to \"Rita, Tom\"",
                "Added: the rule \"Ava can call Nan\"",
                "Taken out: the rule \"No shouting\"",
                "The review date changed from \"none\" to \"8 December 2026\"",
            ]
        );
        assert!(differences(&v2, &v2).is_empty());
    }

    #[test]
    fn an_immediate_plan_is_reviewed_within_seven_days() {
        let mut p = SafetyPlan::default();
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(p.suggested_review(d), None);
        p.immediate = true;
        assert_eq!(p.suggested_review(d), NaiveDate::from_ymd_opt(2026, 12, 8));
        p.review_date = NaiveDate::from_ymd_opt(2026, 12, 4);
        assert_eq!(p.suggested_review(d), p.review_date);
    }
}
