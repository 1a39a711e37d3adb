//! Edits to Signs of Safety planning that keep the document whole: a danger statement and its
//! safety goal are made together with their scale and removed with it; the ends of that scale
//! carry the statement's words; the plan is a draft whenever its words differ from the version
//! last agreed ([`plan_status`]: worked out, never stored, so it cannot be wrong) and is agreed
//! again, as a new version, only by [`agree_plan`]; a meeting is a dated snapshot of every
//! scale at once.

use crate::model::planning::{anchors, new_pair_scale, Authorship, HarmStatement, StatementPair};
use crate::model::safety_plan::{AgreedRule, PlanContact, PlanRule, PlanStatus, PlanVersion};
use crate::model::scales::{Scale, ScaleKind};
use crate::model::{Assessment, ItemId, PersonId};
use chrono::NaiveDate;

/// An item id not yet used by planning records, from random bytes.
pub fn fresh_item(a: &Assessment, mut random: impl FnMut() -> [u8; 4]) -> ItemId {
    loop {
        let id = ItemId::from_random(random());
        if !a.planning.ids().any(|used| used == &id) {
            return id;
        }
    }
}

/// Starts a danger statement and safety goal about `children` (empty: the sibling group),
/// with its scale; returns the pair's id.
pub fn add_pair(
    a: &mut Assessment,
    children: Vec<PersonId>,
    written_by: &str,
    on: NaiveDate,
    random: impl FnMut() -> [u8; 4],
    scale_random: [u8; 4],
) -> ItemId {
    let id = fresh_item(a, random);
    a.planning.pairs.push(StatementPair {
        id: id.clone(),
        about: Authorship {
            children,
            written_by: written_by.trim().to_owned(),
            written_on: Some(on),
        },
        danger: Default::default(),
        goal: Default::default(),
    });
    let scale = a.fresh_scale_id(scale_random);
    let pair = a.planning.pairs.last().expect("just added").clone();
    a.scales.push(new_pair_scale(scale, &pair));
    id
}

/// The scale of a pair.
pub fn pair_scale<'a>(a: &'a Assessment, pair: &ItemId) -> Option<&'a Scale> {
    a.scales
        .iter()
        .find(|s| matches!(&s.kind, ScaleKind::Pair { pair: p } if p == pair))
}

/// Changes a pair with `f`, then puts its words at the ends of its scale.
pub fn edit_pair(a: &mut Assessment, id: &ItemId, f: impl FnOnce(&mut StatementPair)) {
    if let Some(p) = a.planning.pair_mut(id) {
        f(p);
        sync_anchors(a, id);
    }
}

fn sync_anchors(a: &mut Assessment, id: &ItemId) {
    let Some((low, high)) = a.planning.pair(id).map(anchors) else {
        return;
    };
    for s in &mut a.scales {
        if matches!(&s.kind, ScaleKind::Pair { pair } if pair == id) {
            s.low_anchor = low.clone();
            s.high_anchor = high.clone();
        }
    }
}

/// Removes a pair with its scale; the plan's rules stop naming it.
pub fn remove_pair(a: &mut Assessment, id: &ItemId) {
    a.planning.pairs.retain(|p| &p.id != id);
    a.scales
        .retain(|s| !matches!(&s.kind, ScaleKind::Pair { pair } if pair == id));
    for r in &mut a.planning.plan.rules {
        r.answers.retain(|p| p != id);
    }
}

/// Starts a harm statement; returns its id.
pub fn add_harm(
    a: &mut Assessment,
    children: Vec<PersonId>,
    written_by: &str,
    on: NaiveDate,
    random: impl FnMut() -> [u8; 4],
) -> ItemId {
    let id = fresh_item(a, random);
    a.planning.harms.push(HarmStatement {
        id: id.clone(),
        about: Authorship {
            children,
            written_by: written_by.trim().to_owned(),
            written_on: Some(on),
        },
        what_happened: String::new(),
        when: String::new(),
        how_serious: String::new(),
        impact: String::new(),
        family_words: String::new(),
        dispute: String::new(),
    });
    id
}

/// Removes a harm statement.
pub fn remove_harm(a: &mut Assessment, id: &ItemId) {
    a.planning.harms.retain(|h| &h.id != id);
}

/// Adds an empty rule to the plan, answering `answers`; returns its id.
pub fn add_rule(
    a: &mut Assessment,
    answers: Vec<ItemId>,
    random: impl FnMut() -> [u8; 4],
) -> ItemId {
    let id = fresh_item(a, random);
    a.planning.plan.rules.push(PlanRule {
        id: id.clone(),
        rule: String::new(),
        answers,
        who: Vec::new(),
        child_told: String::new(),
        warning_signs: String::new(),
        then: String::new(),
    });
    id
}

/// Changes a rule with `f`.
pub fn edit_rule(a: &mut Assessment, id: &ItemId, f: impl FnOnce(&mut PlanRule)) {
    if let Some(r) = a.planning.plan.rule_mut(id) {
        f(r);
    }
}

/// Removes a rule.
pub fn remove_rule(a: &mut Assessment, id: &ItemId) {
    a.planning.plan.rules.retain(|r| &r.id != id);
}

/// Adds an empty contact; returns its id.
pub fn add_contact(a: &mut Assessment, random: impl FnMut() -> [u8; 4]) -> ItemId {
    let id = fresh_item(a, random);
    a.planning.plan.contacts.push(PlanContact {
        id: id.clone(),
        name: String::new(),
        number: String::new(),
    });
    id
}

/// Removes a contact.
pub fn remove_contact(a: &mut Assessment, id: &ItemId) {
    a.planning.plan.contacts.retain(|c| &c.id != id);
}

/// The plan's current words as a version (numbered as the next one), with names written out.
pub fn written_version(a: &Assessment, on: NaiveDate, status: PlanStatus) -> PlanVersion {
    let plan = &a.planning.plan;
    let rules = plan
        .rules
        .iter()
        .map(|r| AgreedRule {
            id: r.id.clone(),
            rule: r.rule.trim().to_owned(),
            answers: r
                .answers
                .iter()
                .filter_map(|p| {
                    let n = a.planning.number_of(p)?;
                    let pair = a.planning.pair(p)?;
                    Some(format!("Danger statement {n}: {}", pair.short_title()))
                })
                .collect(),
            who: r
                .who
                .iter()
                .filter_map(|p| a.person(p).map(|p| p.display_name()))
                .collect(),
            child_told: r.child_told.trim().to_owned(),
            warning_signs: r.warning_signs.trim().to_owned(),
            then: r.then.trim().to_owned(),
        })
        .collect();
    let contacts = plan
        .contacts
        .iter()
        .filter(|c| !c.name.trim().is_empty() || !c.number.trim().is_empty())
        .map(|c| format!("{}: {}", c.name.trim(), c.number.trim()))
        .collect();
    PlanVersion {
        number: plan.versions.len() as u32 + 1,
        agreed_on: on,
        status,
        immediate: plan.immediate,
        rules,
        contacts,
        checked_how: plan.checked_how.trim().to_owned(),
        review_date: plan.review_date,
    }
}

/// Whether the plan's words are those of the version last agreed.
pub fn as_agreed(a: &Assessment) -> bool {
    a.planning.plan.agreed().is_some_and(|v| {
        let now = written_version(a, v.agreed_on, v.status);
        now.rules == v.rules
            && now.contacts == v.contacts
            && now.checked_how == v.checked_how
            && now.review_date == v.review_date
            && now.immediate == v.immediate
    })
}

/// Where the plan stands: the status of the version last agreed while its words are still
/// those, else a draft (a change undone makes it agreed again).
pub fn plan_status(a: &Assessment) -> PlanStatus {
    match a.planning.plan.agreed() {
        Some(v) if as_agreed(a) => v.status,
        _ => PlanStatus::Draft,
    }
}

/// Why a plan cannot be agreed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAgreed {
    NoRules,
    NotAStatus,
    BeforeLastVersion,
}

impl NotAgreed {
    /// The message, in plain words.
    pub fn words(self) -> &'static str {
        match self {
            NotAgreed::NoRules => "Write at least one rule before the plan is agreed",
            NotAgreed::NotAStatus => "Choose how the plan was agreed",
            NotAgreed::BeforeLastVersion => {
                "The date the plan was agreed must not be before the last agreed version"
            }
        }
    }
}

/// Keeps the plan's current words as a new agreed version; an immediate plan with no review
/// date gets one 7 days on. Returns the version's number.
pub fn agree_plan(a: &mut Assessment, on: NaiveDate, how: PlanStatus) -> Result<u32, NotAgreed> {
    if how == PlanStatus::Draft {
        return Err(NotAgreed::NotAStatus);
    }
    if a.planning
        .plan
        .rules
        .iter()
        .all(|r| r.rule.trim().is_empty())
    {
        return Err(NotAgreed::NoRules);
    }
    if a.planning.plan.agreed().is_some_and(|v| on < v.agreed_on) {
        return Err(NotAgreed::BeforeLastVersion);
    }
    let plan = &mut a.planning.plan;
    plan.review_date = plan.suggested_review(on);
    let version = written_version(a, on, how);
    let number = version.number;
    a.planning.plan.versions.push(version);
    Ok(number)
}

/// Records a meeting: every scale's markers as they stand, dated and labelled alike, so the
/// trajectory reads all scales at the same points.
pub fn record_meeting(a: &mut Assessment, on: NaiveDate, label: &str) {
    let label = if label.trim().is_empty() {
        "Meeting"
    } else {
        label.trim()
    };
    for s in &mut a.scales {
        s.take_snapshot(on, label);
    }
}

/// Takes a person out of the plan's rules (when they leave the register).
pub(super) fn forget_person(a: &mut Assessment, id: &PersonId) {
    for r in &mut a.planning.plan.rules {
        r.who.retain(|p| p != id);
    }
}

/// Takes a child out of the statements about them (when they stop being a child assessed); a
/// statement about nobody else is then about the sibling group.
pub(super) fn forget_child(a: &mut Assessment, id: &PersonId) {
    let abouts = a
        .planning
        .harms
        .iter_mut()
        .map(|h| &mut h.about)
        .chain(a.planning.pairs.iter_mut().map(|p| &mut p.about));
    for about in abouts {
        about.children.retain(|c| c != id);
    }
}

#[cfg(test)]
mod tests;
