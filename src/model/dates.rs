//! The rules for an assessment's own dates, checked whenever they change (the workspace, for
//! every change; the new assessment's form, before it exists). They are rules of a change, not
//! of every stored document: an assessment saved with dates that break them still opens, and
//! its other fields can still be changed; the dates themselves cannot be made to break them.

use super::{Assessment, AssessmentType, Life};
use chrono::NaiveDate;

/// The start date comes on or after the referral date.
pub const START_AFTER_REFERRAL: &str =
    "The start date must be the same as or after the referral date";
/// A child (not an expected baby) is born by the referral.
pub const BORN_BY_REFERRAL: &str = "The child's date of birth must be before the referral date";

/// Why the referral and start dates do not fit together, if they do not.
pub fn start_problem(
    referral: Option<NaiveDate>,
    start: Option<NaiveDate>,
) -> Option<&'static str> {
    match (referral, start) {
        (Some(r), Some(s)) if s < r => Some(START_AFTER_REFERRAL),
        _ => None,
    }
}

/// Why a new assessment's first child's date of birth does not fit the referral (or, without
/// one, the start), if it does not. An expected baby, and a pre-birth assessment, have none.
pub fn birth_problem(a: &Assessment) -> Option<&'static str> {
    if matches!(a.assessment_type, AssessmentType::PreBirth { .. }) {
        return None;
    }
    let by = a.referral_date.or(a.start_date)?;
    a.children()
        .filter(|c| c.life != Life::Pregnancy)
        .filter_map(|c| c.date_of_birth)
        .any(|dob| dob > by)
        .then_some(BORN_BY_REFERRAL)
}

/// The date rules a new assessment breaks, in the order its form asks.
pub fn new_assessment_problems(a: &Assessment) -> Vec<&'static str> {
    birth_problem(a)
        .into_iter()
        .chain(start_problem(a.referral_date, a.start_date))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::tests::sample;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn a_start_before_the_referral_and_a_child_born_after_it_are_refused() {
        assert_eq!(
            start_problem(Some(day(10)), Some(day(9))),
            Some(START_AFTER_REFERRAL)
        );
        assert_eq!(start_problem(Some(day(10)), Some(day(10))), None);
        assert_eq!(start_problem(None, Some(day(1))), None);
        let mut a = sample();
        a.referral_date = Some(day(10));
        a.people[0].date_of_birth = Some(day(11));
        assert_eq!(new_assessment_problems(&a), vec![BORN_BY_REFERRAL]);
        a.people[0].life = Life::Pregnancy;
        assert_eq!(birth_problem(&a), None, "an expected baby");
        a.people[0].life = Life::Living;
        a.assessment_type = AssessmentType::PreBirth {
            expected_delivery_date: None,
        };
        assert_eq!(birth_problem(&a), None, "a pre-birth assessment");
    }
}
