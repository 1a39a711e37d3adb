//! Completion and authorisation: the worker marks the assessment complete (gaps listed first),
//! the team manager authorises it (census errors stop that), the authorised assessment is kept
//! word for word, and from then on it is read-only until an update is started with its reason
//! ([`locked_change`] is the rule the workspace applies to every change).

use crate::flow::Flow;
use crate::model::case_record::{Authorisation, ChildCensus, Completion, Update};
use crate::model::{Assessment, PersonId};
use crate::procedure::{census, Profile};
use chrono::{DateTime, NaiveDate, Utc};

/// Changes a child's census facts with `f` (creating them when there are none).
pub fn edit_census(a: &mut Assessment, child: &PersonId, f: impl FnOnce(&mut ChildCensus)) {
    if !a.children().any(|c| &c.id == child) {
        return;
    }
    if a.case.census_of(child).is_none() {
        a.case.census.push(ChildCensus::new(child.clone()));
    }
    if let Some(c) = a.case.census.iter_mut().find(|c| &c.child == child) {
        f(c);
    }
}

/// What stops the assessment being marked complete or authorised, each in words.
pub fn gaps(a: &Assessment, profile: &Profile, today: NaiveDate) -> Vec<String> {
    let flow = Flow::new(a, profile, today);
    let mut out: Vec<String> = flow
        .missing_everywhere()
        .into_iter()
        .map(|m| format!("Not answered: {}", m.words))
        .collect();
    if a.start_date.is_none() {
        out.push("The assessment's start date is not recorded.".into());
    }
    if a.children().next().is_none() {
        out.push("No child is being assessed.".into());
    }
    out.extend(
        census::errors(a)
            .into_iter()
            // A missing ethnicity is said below for every child, complete or not.
            .filter(|i| i.rule != "4220")
            .filter(|i| i.rule != "8897Q" || a.case.completion.is_some())
            .map(|i| format!("Census rule {}: {}", i.rule, i.words)),
    );
    for c in a.children() {
        if a.census_for(&c.id).factors.is_empty() {
            out.push(format!(
                "{}: choose the factors identified at the end of assessment (or \"21\" if there are none).",
                c.display_name()
            ));
        }
        if a.census_for(&c.id).ethnicity.is_none() {
            out.push(format!(
                "{}: record the child's ethnicity (or that it was refused, or not yet obtained).",
                c.display_name()
            ));
        }
    }
    out
}

/// Marks the assessment complete, when nothing is missing; otherwise the gaps. The day it was
/// completed is the procedure's answer for it (a gap while not given), never a second date.
pub fn complete(
    a: &mut Assessment,
    profile: &Profile,
    by: &str,
    today: NaiveDate,
) -> Result<(), Vec<String>> {
    let gaps = gaps(a, profile, today);
    if !gaps.is_empty() {
        return Err(gaps);
    }
    a.case.completion = Some(Completion {
        by: by.trim().to_owned(),
    });
    Ok(())
}

/// Why a manager cannot authorise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotAuthorised {
    NotComplete,
    NoManager,
    /// Authorised before the day the assessment was completed (that day).
    BeforeCompletion(NaiveDate),
    Census(Vec<String>),
}

impl NotAuthorised {
    /// The message.
    pub fn words(&self) -> String {
        match self {
            NotAuthorised::NotComplete => {
                "The social worker has to mark the assessment complete first".into()
            }
            NotAuthorised::NoManager => "Enter the team manager's name".into(),
            NotAuthorised::BeforeCompletion(done) => format!(
                "The date of authorisation cannot be before the assessment was completed ({})",
                done.format("%-d %B %Y")
            ),
            NotAuthorised::Census(e) => format!("The census rules are not met: {}", e.join(" ")),
        }
    }
}

/// The team manager authorises the assessment: its words are kept as authorised, it becomes
/// read-only, and an update under way is closed with this authorisation.
pub fn authorise(
    a: &mut Assessment,
    profile: &Profile,
    manager: &str,
    comment: &str,
    on: NaiveDate,
    at: DateTime<Utc>,
) -> Result<u32, NotAuthorised> {
    if a.case.completion.is_none() {
        return Err(NotAuthorised::NotComplete);
    }
    if manager.trim().is_empty() {
        return Err(NotAuthorised::NoManager);
    }
    if let Some(done) = Flow::new(a, profile, on).completed_on().filter(|d| on < *d) {
        return Err(NotAuthorised::BeforeCompletion(done));
    }
    let errors: Vec<String> = census::errors(a).into_iter().map(|i| i.words).collect();
    if !errors.is_empty() {
        return Err(NotAuthorised::Census(errors));
    }
    let mut record = a.clone();
    record.case.authorisations.clear();
    record.case.update = None;
    let number = a.case.authorisations.len() as u32 + 1;
    let update_reason = a.case.update.take().map(|u| u.reason).unwrap_or_default();
    a.case.authorisations.push(Authorisation {
        number,
        on,
        manager: manager.trim().to_owned(),
        comment: comment.trim().to_owned(),
        update_reason,
        record: crate::exchange::export_json(&record, at, crate::APP_VERSION),
    });
    Ok(number)
}

/// Starts an update to an authorised assessment (after the birth, for example): it can be
/// changed again, then completed and authorised as the next version.
pub fn start_update(a: &mut Assessment, reason: &str, on: NaiveDate) -> Result<(), &'static str> {
    if a.case.authorisations.is_empty() {
        return Err("Only an authorised assessment is updated");
    }
    if reason.trim().is_empty() {
        return Err("Say why the assessment is being updated");
    }
    a.case.update = Some(Update {
        reason: reason.trim().to_owned(),
        started_on: on,
    });
    a.case.completion = None;
    Ok(())
}

/// Whether going from `before` to `after` changes a locked assessment in a way that is not
/// allowed: while authorised (and no update started), only starting an update, who may read
/// what, and the record of summaries made may change.
pub fn locked_change(before: &Assessment, after: &Assessment) -> bool {
    if !before.is_locked() {
        return false;
    }
    let starting = after.case.update.is_some();
    let mut b = before.clone();
    let mut x = after.clone();
    for d in [&mut b, &mut x] {
        d.updated_at = before.updated_at;
        d.marks.clear();
        d.audit.clear();
        if starting {
            d.case.update = None;
            d.case.completion = None;
        }
    }
    b != x
}

#[cfg(test)]
pub(crate) mod tests;
