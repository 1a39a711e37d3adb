//! What a council's case system and statutory returns need from an assessment: for each child
//! the Children in Need census facts (the factors identified at the end of assessment, the
//! primary need at referral, whether the child was seen), the worker's completion, and the team
//! manager's authorisation. Authorising keeps the assessment as authorised, word for word; from
//! then on it is read-only until an update is started with its reason, and every authorised
//! version stays.

use super::ids::PersonId;
use super::Assessment;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The disability code that says there is none (N00099), never recorded with another.
pub const NO_DISABILITY: &str = "NONE";

/// One child's census facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChildCensus {
    pub child: PersonId,
    /// The council's own id for the child in its case system (`la_child_id`).
    pub la_child_id: String,
    /// The primary need code at referral (N1 to N8).
    pub primary_need: Option<String>,
    /// The factors identified at the end of assessment (census codes, "1B", "21"…).
    pub factors: Vec<String>,
    /// Whether the child was seen during the assessment, and when.
    pub seen: Option<bool>,
    pub seen_on: Option<NaiveDate>,
    /// The child's ethnicity (census code N00177: "WBRI", "REFU", "NOBT"…).
    pub ethnicity: Option<String>,
    /// The child's disabilities (census codes N00099: "NONE", or one or more of "MOB", "LD"…).
    pub disabilities: Vec<String>,
}

impl ChildCensus {
    /// Ticks or unticks one disability code. "No disability" is never kept with a disability
    /// (N00099): ticking it clears the others, ticking another clears it.
    pub fn set_disability(&mut self, code: &str, on: bool) {
        self.disabilities.retain(|d| d != code);
        if on {
            if code == NO_DISABILITY {
                self.disabilities.clear();
            } else {
                self.disabilities.retain(|d| d != NO_DISABILITY);
            }
            self.disabilities.push(code.to_owned());
        }
    }

    /// Empty facts for a child.
    pub fn new(child: PersonId) -> Self {
        Self {
            child,
            la_child_id: String::new(),
            primary_need: None,
            factors: Vec::new(),
            seen: None,
            seen_on: None,
            ethnicity: None,
            disabilities: Vec::new(),
        }
    }
}

/// The worker's "this assessment is complete": who said so. The day it was completed is one
/// fact, the answer the procedure asks for ("Date the assessment was completed"), read by
/// `Flow::completed_on`; it is not kept twice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Completion {
    pub by: String,
}

/// The team manager's authorisation, and the assessment as it was authorised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Authorisation {
    /// From 1; a later one authorises an update.
    pub number: u32,
    pub on: NaiveDate,
    pub manager: String,
    pub comment: String,
    /// For an update: why the authorised assessment was changed (empty for the first).
    pub update_reason: String,
    /// The assessment as authorised (without its own authorisations), as export JSON text.
    pub record: String,
}

/// An update under way to an authorised assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Update {
    pub reason: String,
    pub started_on: NaiveDate,
}

/// Completion, authorisation and the census facts, together.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseRecord {
    pub census: Vec<ChildCensus>,
    pub completion: Option<Completion>,
    pub authorisations: Vec<Authorisation>,
    pub update: Option<Update>,
}

impl CaseRecord {
    /// The census facts of a child, if any are recorded.
    pub fn census_of(&self, child: &PersonId) -> Option<&ChildCensus> {
        self.census.iter().find(|c| &c.child == child)
    }
    /// The first authorisation's date: when the assessment concluded.
    pub fn authorised_on(&self) -> Option<NaiveDate> {
        self.authorisations.first().map(|x| x.on)
    }
    /// The latest authorisation's date.
    pub fn last_authorised_on(&self) -> Option<NaiveDate> {
        self.authorisations.last().map(|x| x.on)
    }
}

impl Assessment {
    /// Authorised and not being updated: nothing changes until an update is started.
    pub fn is_locked(&self) -> bool {
        !self.case.authorisations.is_empty() && self.case.update.is_none()
    }
    /// A child's census facts, or empty ones.
    pub fn census_for(&self, child: &PersonId) -> ChildCensus {
        self.case
            .census_of(child)
            .cloned()
            .unwrap_or_else(|| ChildCensus::new(child.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_disability_is_never_kept_with_a_disability() {
        let mut c = ChildCensus::new(PersonId::from_random([1, 2, 3, 4]));
        c.set_disability("LD", true);
        c.set_disability("AUT", true);
        assert_eq!(c.disabilities, ["LD", "AUT"]);
        c.set_disability("NONE", true);
        assert_eq!(c.disabilities, ["NONE"]);
        c.set_disability("VIS", true);
        assert_eq!(c.disabilities, ["VIS"]);
        c.set_disability("VIS", false);
        assert!(c.disabilities.is_empty());
    }
}
