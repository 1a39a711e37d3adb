//! Section status for the assessment overview's task list: not started, in progress or
//! completed, with the required items still missing. Missing items never block saving.

use super::assessment::{Assessment, AssessmentType};
use super::person::PersonRole;

/// Where a section stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SectionStatus {
    NotStarted,
    InProgress,
    Completed,
}

impl SectionStatus {
    /// The words shown in the task list.
    pub fn label(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "Not started",
            SectionStatus::InProgress => "In progress",
            SectionStatus::Completed => "Completed",
        }
    }
}

/// One row of the task list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionProgress {
    /// The section's id, also its URL segment.
    pub id: String,
    pub title: String,
    pub status: SectionStatus,
    /// Required items not yet recorded, in plain English.
    pub missing: Vec<String>,
}

/// The id of the "About the assessment" section.
pub const DETAILS: &str = "details";
/// The id of the "Children" section.
pub const CHILDREN: &str = "children";
/// The id of the "Family, network and professionals" section.
pub const PEOPLE: &str = "people";

/// The status of section `id` from whether it was started and what is missing.
pub fn status(a: &Assessment, id: &str, started: bool, missing: &[String]) -> SectionStatus {
    if a.completed_sections.contains(id) && missing.is_empty() {
        SectionStatus::Completed
    } else if started || a.completed_sections.contains(id) {
        SectionStatus::InProgress
    } else {
        SectionStatus::NotStarted
    }
}

fn details(a: &Assessment) -> SectionProgress {
    let mut missing = Vec::new();
    if a.referral_date.is_none() {
        missing.push("Referral date".to_owned());
    }
    if a.start_date.is_none() {
        missing.push("Start date of the assessment".to_owned());
    }
    if let AssessmentType::PreBirth {
        expected_delivery_date: None,
    } = a.assessment_type
    {
        missing.push("Expected delivery date".to_owned());
    }
    if a.lead_worker.trim().is_empty() {
        missing.push("Lead social worker".to_owned());
    }
    if a.team_manager.trim().is_empty() {
        missing.push("Team manager".to_owned());
    }
    let started = a.referral_date.is_some()
        || a.start_date.is_some()
        || !a.lead_worker.trim().is_empty()
        || !a.team_manager.trim().is_empty();
    SectionProgress {
        id: DETAILS.to_owned(),
        title: "About the assessment".to_owned(),
        status: status(a, DETAILS, started, &missing),
        missing,
    }
}

fn children(a: &Assessment) -> SectionProgress {
    let mut missing = Vec::new();
    let pre_birth = matches!(a.assessment_type, AssessmentType::PreBirth { .. });
    if a.children().next().is_none() {
        missing.push("At least one child".to_owned());
    }
    for c in a.children() {
        if c.given_name.trim().is_empty() && !pre_birth {
            missing.push("A child's first name".to_owned());
        }
        if c.life == super::Life::Pregnancy {
            // One due date for a pre-birth assessment's pregnancy, asked under "About the
            // assessment"; an expected baby in any other assessment has its own.
            if !pre_birth && a.expected_delivery_of(c).is_none() {
                missing.push(format!("Expected delivery date of {}", c.display_name()));
            }
        } else if c.date_of_birth.is_none() && !pre_birth {
            missing.push(format!("Date of birth of {}", c.display_name()));
        }
    }
    let started = a.children().next().is_some();
    SectionProgress {
        id: CHILDREN.to_owned(),
        title: "Children".to_owned(),
        status: status(a, CHILDREN, started, &missing),
        missing,
    }
}

fn people(a: &Assessment) -> SectionProgress {
    let mut missing = Vec::new();
    if !a.others().any(|p| p.role == PersonRole::FamilyMember) {
        missing.push("At least one parent or family member".to_owned());
    }
    for p in a.others() {
        if p.role != PersonRole::Professional && p.relationship.trim().is_empty() {
            missing.push(format!("Relationship to the child of {}", p.display_name()));
        }
    }
    let started = a.others().next().is_some();
    SectionProgress {
        id: PEOPLE.to_owned(),
        title: "Family, network and professionals".to_owned(),
        status: status(a, PEOPLE, started, &missing),
        missing,
    }
}

/// The sections every assessment has, whatever its profile, in order.
pub fn sections(a: &Assessment) -> Vec<SectionProgress> {
    vec![details(a), children(a), people(a)]
}

/// How many of these sections are completed, out of how many.
pub fn completed_count(all: &[SectionProgress]) -> (usize, usize) {
    let done = all
        .iter()
        .filter(|s| s.status == SectionStatus::Completed)
        .count();
    (done, all.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::tests::sample;
    use chrono::NaiveDate;

    #[test]
    fn a_new_assessment_has_details_in_progress_and_lists_what_is_missing() {
        let a = sample();
        let s = sections(&a);
        assert_eq!(s[0].status, SectionStatus::InProgress);
        assert_eq!(
            s[0].missing,
            vec![
                "Start date of the assessment",
                "Lead social worker",
                "Team manager"
            ]
        );
        assert_eq!(s[1].missing, vec!["Date of birth of Ava Example"]);
        assert!(s[2].missing.is_empty());
        // An expected baby is asked for when they are due, never a date of birth.
        let mut expecting = a.clone();
        expecting.people[0].life = crate::model::Life::Pregnancy;
        expecting.people[0].given_name = "Unborn baby".into();
        expecting.people[0].family_name.clear();
        assert_eq!(
            sections(&expecting)[1].missing,
            vec!["Expected delivery date of Unborn baby"]
        );
        let baby = expecting.people[0].id.clone();
        expecting.set_expected_delivery(&baby, NaiveDate::from_ymd_opt(2027, 2, 1));
        assert!(sections(&expecting)[1].missing.is_empty());
        let mut a = a;
        a.people[1].relationship.clear();
        assert_eq!(
            sections(&a)[2].missing,
            vec!["Relationship to the child of Jo"]
        );
    }

    #[test]
    fn marking_complete_counts_only_when_nothing_is_missing() {
        let mut a = sample();
        a.completed_sections.insert(DETAILS.to_owned());
        assert_eq!(sections(&a)[0].status, SectionStatus::InProgress);
        a.start_date = NaiveDate::from_ymd_opt(2026, 11, 2);
        a.lead_worker = "Sam Worker".into();
        a.team_manager = "Pat Manager".into();
        assert_eq!(sections(&a)[0].status, SectionStatus::Completed);
        assert_eq!(completed_count(&sections(&a)), (1, 3));
    }

    #[test]
    fn nothing_typed_is_not_started() {
        let mut a = sample();
        a.referral_date = None;
        a.people.clear();
        let s = sections(&a);
        assert!(s.iter().all(|s| s.status == SectionStatus::NotStarted));
        assert_eq!(s[1].missing, vec!["At least one child"]);
    }

    #[test]
    fn pre_birth_asks_for_the_due_date_but_not_the_childs_name() {
        let mut a = sample();
        a.assessment_type = AssessmentType::PreBirth {
            expected_delivery_date: None,
        };
        a.people[0].given_name.clear();
        let s = sections(&a);
        assert!(s[0].missing.contains(&"Expected delivery date".to_owned()));
        assert!(s[1].missing.is_empty());
    }
}
