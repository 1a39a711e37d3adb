//! Statutory timescales in working days, from a profile's rules: the first visit, the initial
//! allocation period, reviews, the maximum length from referral, and pre-birth completion.
//! Days are counted as [`super::calendar`] describes: the referral or start day is day 0.

use super::calendar::{Calendar, WorkingDays};
use chrono::{Duration, NaiveDate};
use serde::Deserialize;

/// First visit limits, in working days from referral, by type of assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FirstVisit {
    pub section17: u32,
    pub section47: u32,
}

/// Review points, in working days from the start of the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Reviews {
    pub first: u32,
    pub second: u32,
    /// After the second, a review every this many working days (5 = weekly).
    pub then_every: u32,
}

/// A profile's timescale rules, and which answers record that things were done.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimescaleRules {
    /// The most working days from referral to the end of the assessment (45).
    pub max_working_days: u32,
    #[serde(default)]
    pub first_visit: Option<FirstVisit>,
    /// Working days the assessment is first allocated for, from the start (15).
    #[serde(default)]
    pub initial_allocation_working_days: Option<u32>,
    #[serde(default)]
    pub reviews: Option<Reviews>,
    /// A pre-birth assessment is completed at least this many weeks before the due date (4).
    #[serde(default)]
    pub pre_birth_weeks_before_due_date: Option<u32>,
    /// The date question recording the first visit.
    pub first_visit_answer: String,
    /// The date question recording completion.
    pub completed_answer: String,
    /// The list question recording reviews held (each item has a `date` field).
    pub reviews_answer: String,
}

impl TimescaleRules {
    /// The question ids the rules refer to, named by rule.
    pub fn answer_ids(&self) -> [(&'static str, &str); 3] {
        [
            ("firstVisitAnswer", self.first_visit_answer.as_str()),
            ("completedAnswer", self.completed_answer.as_str()),
            ("reviewsAnswer", self.reviews_answer.as_str()),
        ]
    }
}

/// The type of assessment, as far as timescales care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Section17,
    Section47,
    PreBirth { due_date: Option<NaiveDate> },
}

/// What is known about an assessment's dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facts {
    pub basis: Basis,
    pub referral: Option<NaiveDate>,
    pub start: Option<NaiveDate>,
    pub first_visit: Option<NaiveDate>,
    pub reviews_held: Vec<NaiveDate>,
    pub completed: Option<NaiveDate>,
}

/// What a deadline is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineKind {
    FirstVisit,
    InitialAllocation,
    Review(u32),
    Completion,
    PreBirthCompletion,
}

/// Where a deadline stands on a given day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DueState {
    /// Done on this date (which may have been late).
    Done {
        on: NaiveDate,
        late: bool,
    },
    Overdue,
    DueToday,
    Upcoming,
}

/// One dated obligation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub label: String,
    pub due: NaiveDate,
    pub state: DueState,
}

fn state(due: NaiveDate, done: Option<NaiveDate>, today: NaiveDate) -> DueState {
    match done {
        Some(on) => DueState::Done { on, late: on > due },
        None if today > due => DueState::Overdue,
        None if today == due => DueState::DueToday,
        None => DueState::Upcoming,
    }
}

/// Every deadline that applies, in date order.
pub fn deadlines(rules: &TimescaleRules, f: &Facts, today: NaiveDate) -> Vec<Deadline> {
    let cal = Calendar::england_and_wales();
    let mut out = Vec::new();
    let mut push = |kind, label: String, due, done| {
        out.push(Deadline {
            kind,
            label,
            due,
            state: state(due, done, today),
        })
    };
    if let (Some(referral), Some(fv)) = (f.referral, rules.first_visit) {
        let days = match f.basis {
            Basis::Section17 => Some(fv.section17),
            Basis::Section47 => Some(fv.section47),
            Basis::PreBirth { .. } => None,
        };
        if let Some(n) = days {
            push(
                DeadlineKind::FirstVisit,
                format!(
                    "Visit the child or children (within {n} working day{} of referral)",
                    if n == 1 { "" } else { "s" }
                ),
                cal.add_working_days(referral, WorkingDays(n)),
                f.first_visit,
            );
        }
    }
    if let (Some(start), Some(n)) = (f.start, rules.initial_allocation_working_days) {
        push(
            DeadlineKind::InitialAllocation,
            format!("End of the initial {n}-working-day allocation: review and extend if needed"),
            cal.add_working_days(start, WorkingDays(n)),
            f.completed.or_else(|| f.reviews_held.first().copied()),
        );
    }
    if let (Some(start), Some(r)) = (f.start, rules.reviews) {
        let limit = f
            .referral
            .map(|refd| cal.add_working_days(refd, WorkingDays(rules.max_working_days)));
        // Every review is planned from the start, to the end of the assessment (its completion,
        // or the maximum from referral, or from the start when the referral date is missing),
        // and beyond it only where a review was held.
        let end = f
            .completed
            .or(limit)
            .unwrap_or_else(|| cal.add_working_days(start, WorkingDays(rules.max_working_days)));
        let mut n = 0u32;
        let mut day = r.first;
        loop {
            let due = cal.add_working_days(start, WorkingDays(day));
            let held = f.reviews_held.get(n as usize).copied();
            if due > end && held.is_none() {
                break;
            }
            n += 1;
            push(
                DeadlineKind::Review(n),
                match n {
                    1 => format!(
                        "First review of progress ({} working days from the start)",
                        r.first
                    ),
                    2 => format!("Second review ({} working days from the start)", r.second),
                    _ => format!(
                        "Review {n} (every {} working days after the second)",
                        r.then_every
                    ),
                },
                due,
                held,
            );
            day = if n == 1 {
                r.second
            } else {
                day + r.then_every.max(1)
            };
        }
    }
    if let Some(referral) = f.referral {
        push(
            DeadlineKind::Completion,
            format!(
                "Assessment concluded (within {} working days of referral)",
                rules.max_working_days
            ),
            cal.add_working_days(referral, WorkingDays(rules.max_working_days)),
            f.completed,
        );
    }
    if let (
        Basis::PreBirth {
            due_date: Some(edd),
        },
        Some(weeks),
    ) = (f.basis, rules.pre_birth_weeks_before_due_date)
    {
        push(
            DeadlineKind::PreBirthCompletion,
            format!("Pre-birth assessment completed (at least {weeks} weeks before the expected delivery date)"),
            edd - Duration::weeks(i64::from(weeks)),
            f.completed,
        );
    }
    out.sort_by_key(|d| d.due);
    out
}

/// Whether the assessment has gone (or finished) past the maximum working days.
pub fn over_max(rules: &TimescaleRules, f: &Facts, today: NaiveDate) -> bool {
    let Some(referral) = f.referral else {
        return false;
    };
    let limit = Calendar::england_and_wales()
        .add_working_days(referral, WorkingDays(rules.max_working_days));
    f.completed.unwrap_or(today) > limit
}

/// The first deadline not yet done, if any.
pub fn next_due(list: &[Deadline]) -> Option<&Deadline> {
    list.iter()
        .find(|d| !matches!(d.state, DueState::Done { .. }))
}

/// How many deadlines are overdue.
pub fn overdue_count(list: &[Deadline]) -> usize {
    list.iter().filter(|d| d.state == DueState::Overdue).count()
}

#[cfg(test)]
mod tests;
