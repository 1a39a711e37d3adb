//! Changes to the family group decision-making record. Each is a whole step (one Undo); the
//! rules of a valid record (`model::validity::family_group`) refuse one that would break them.

use crate::model::family_group::{
    Application, Exception, FamilyPlanVersion, Meeting, Offer, OfferAnswer, OfferedHow, PlanPoint,
    Response,
};
use crate::model::network::{Attend, Who};
use crate::model::safety_plan::PlanRule;
use crate::model::{Assessment, ItemId, PersonId, PersonRole};
use chrono::NaiveDate;

/// Records (or clears) the letter before proceedings; the offers made in it take its date.
/// Clearing the date keeps the offers made in it, as offers made another way on the day they
/// were dated.
pub fn set_letter(a: &mut Assessment, on: Option<NaiveDate>) {
    let g = &mut a.family_group;
    g.letter_before_proceedings = on;
    for o in &mut g.offers {
        if o.how == OfferedHow::LetterBeforeProceedings {
            match on {
                Some(d) => o.offered_on = d,
                None => {
                    o.how = OfferedHow::Otherwise;
                    o.how_words = "In a letter before proceedings (its date since cleared)".into();
                }
            }
        }
    }
}

/// Records the offer of a meeting to `person`: in the letter before proceedings (dated as
/// the letter) or another way, on `on`.
pub fn add_offer(
    a: &mut Assessment,
    id: ItemId,
    person: PersonId,
    how: OfferedHow,
    on: NaiveDate,
    how_words: &str,
) {
    let offered_on = match how {
        OfferedHow::LetterBeforeProceedings => {
            a.family_group.letter_before_proceedings.unwrap_or(on)
        }
        OfferedHow::Otherwise => on,
    };
    a.family_group.offers.push(Offer {
        id,
        person,
        offered_on,
        how,
        how_words: how_words.trim().to_owned(),
        answer: OfferAnswer::NoAnswerYet,
        answered_on: None,
        their_words: String::new(),
    });
}

/// Records a person's answer to the offer, when they gave it and their words.
pub fn answer_offer(
    a: &mut Assessment,
    offer: &ItemId,
    answer: OfferAnswer,
    on: Option<NaiveDate>,
    words: &str,
) {
    if let Some(o) = a.family_group.offers.iter_mut().find(|o| &o.id == offer) {
        o.answer = answer;
        o.answered_on = if answer == OfferAnswer::NoAnswerYet {
            None
        } else {
            on
        };
        o.their_words = words.to_owned();
    }
}

pub fn remove_offer(a: &mut Assessment, offer: &ItemId) {
    a.family_group.offers.retain(|o| &o.id != offer);
}

pub fn set_exception(a: &mut Assessment, exception: Option<Exception>) {
    a.family_group.exception = exception;
}

pub fn set_application(a: &mut Assessment, application: Option<Application>) {
    a.family_group.application = application;
}

/// Adds a meeting with nobody invited yet.
pub fn add_meeting(a: &mut Assessment, id: ItemId) {
    a.family_group.meetings.push(Meeting::new(id));
}

pub fn remove_meeting(a: &mut Assessment, id: &ItemId) {
    a.family_group.meetings.retain(|m| &m.id != id);
}

/// Changes one meeting in place.
pub fn update_meeting(a: &mut Assessment, id: &ItemId, f: impl FnOnce(&mut Meeting)) {
    if let Some(m) = a.family_group.meeting_mut(id) {
        f(m);
    }
}

/// Invites someone, or takes the invitation back (and with it that they came).
pub fn set_invited(a: &mut Assessment, meeting: &ItemId, person: &PersonId, invited: bool) {
    update_meeting(a, meeting, |m| {
        if invited {
            if !m.invited.contains(person) {
                m.invited.push(person.clone());
            }
        } else {
            m.invited.retain(|p| p != person);
            m.came.retain(|p| p != person);
        }
    });
}

/// Makes `want` the people invited (those no longer invited no longer came).
pub fn set_invited_list(a: &mut Assessment, meeting: &ItemId, want: &[PersonId]) {
    let before = a
        .family_group
        .meetings
        .iter()
        .find(|m| &m.id == meeting)
        .map(|m| m.invited.clone())
        .unwrap_or_default();
    for p in before.iter().filter(|p| !want.contains(p)) {
        set_invited(a, meeting, p, false);
    }
    for p in want {
        set_invited(a, meeting, p, true);
    }
}

/// Makes those of `want` who were invited the people who came.
pub fn set_came_list(a: &mut Assessment, meeting: &ItemId, want: &[PersonId]) {
    update_meeting(a, meeting, |m| {
        m.came = m
            .invited
            .iter()
            .filter(|p| want.contains(p))
            .cloned()
            .collect();
    });
}

/// Makes those of `want` who are children being assessed the children who came.
pub fn set_children_came_list(a: &mut Assessment, meeting: &ItemId, want: &[PersonId]) {
    let kids: Vec<PersonId> = a
        .children()
        .map(|c| c.id.clone())
        .filter(|c| want.contains(c))
        .collect();
    update_meeting(a, meeting, |m| m.children_came = kids);
}

/// Records that an invited person came, or did not.
pub fn set_came(a: &mut Assessment, meeting: &ItemId, person: &PersonId, came: bool) {
    update_meeting(a, meeting, |m| {
        m.came.retain(|p| p != person);
        if came && m.invited.contains(person) {
            m.came.push(person.clone());
        }
    });
}

/// Records whether a child being assessed came.
pub fn set_child_came(a: &mut Assessment, meeting: &ItemId, child: &PersonId, came: bool) {
    update_meeting(a, meeting, |m| {
        m.children_came.retain(|c| c != child);
        if came {
            m.children_came.push(child.clone());
        }
    });
}

/// The people to invite, in the order to offer them: the safety network first, then those
/// on the network map willing to attend a family group conference, then the rest of the
/// family and the people significant to the child. Professionals and the children are not
/// invited this way (the children's coming is recorded on its own).
pub fn suggested_invitees(a: &Assessment) -> Vec<(PersonId, &'static str)> {
    let mut out: Vec<(PersonId, &'static str)> = Vec::new();
    let mut push = |id: &PersonId, why: &'static str| {
        if !out.iter().any(|(p, _)| p == id) {
            out.push((id.clone(), why));
        }
    };
    let on_map = |pick: &dyn Fn(&crate::model::network::NetworkMember) -> bool| -> Vec<PersonId> {
        a.map_entries()
            .filter(|m| pick(m))
            .filter_map(|m| match &m.who {
                Who::Person { person } => Some(person.clone()),
                Who::Organisation { .. } => None,
            })
            .collect()
    };
    for id in on_map(&|m| m.safety_network) {
        push(&id, "In the safety network");
    }
    for id in on_map(&|m| m.attend_conference == Attend::Yes) {
        push(&id, "Willing to attend, on the network map");
    }
    for p in &a.people {
        if matches!(
            p.role,
            PersonRole::FamilyMember | PersonRole::OtherSignificant
        ) {
            push(&p.id, "");
        }
    }
    out.retain(|(id, _)| {
        a.person(id).is_some_and(|p| {
            p.role != PersonRole::SubjectChild && p.role != PersonRole::Professional
        })
    });
    out
}

/// Adds an empty point to the family's plan.
pub fn add_point(a: &mut Assessment, meeting: &ItemId, id: ItemId) {
    update_meeting(a, meeting, |m| {
        m.plan.points.push(PlanPoint {
            id,
            words: String::new(),
            who: Vec::new(),
            when: String::new(),
            rule: None,
        })
    });
}

pub fn remove_point(a: &mut Assessment, meeting: &ItemId, point: &ItemId) {
    update_meeting(a, meeting, |m| m.plan.points.retain(|p| &p.id != point));
}

/// Changes one point of the family's plan.
pub fn update_point(
    a: &mut Assessment,
    meeting: &ItemId,
    point: &ItemId,
    f: impl FnOnce(&mut PlanPoint),
) {
    update_meeting(a, meeting, |m| {
        if let Some(p) = m.plan.points.iter_mut().find(|p| &p.id == point) {
            f(p);
        }
    });
}

/// Makes a point of the family's plan a rule of the safety plan (the same words and the same
/// people), once: a point already made a rule keeps that rule.
pub fn point_to_rule(a: &mut Assessment, meeting: &ItemId, point: &ItemId, rule: ItemId) -> bool {
    let Some(p) = a
        .family_group
        .meetings
        .iter()
        .find(|m| &m.id == meeting)
        .and_then(|m| m.plan.points.iter().find(|p| &p.id == point))
        .cloned()
    else {
        return false;
    };
    if p.words.trim().is_empty() {
        return false;
    }
    if p.rule
        .as_ref()
        .is_some_and(|r| a.planning.plan.rules.iter().any(|x| &x.id == r))
    {
        return false;
    }
    let words = if p.when.trim().is_empty() {
        p.words.trim().to_owned()
    } else {
        format!("{} ({})", p.words.trim(), p.when.trim())
    };
    a.planning.plan.rules.push(PlanRule {
        id: rule.clone(),
        rule: words,
        answers: Vec::new(),
        who: p.who.clone(),
        child_told: String::new(),
        warning_signs: String::new(),
        then: String::new(),
    });
    update_point(a, meeting, point, |x| x.rule = Some(rule));
    true
}

/// The family's plan as it stands, names written out: what an agreed version keeps.
fn as_agreed(
    a: &Assessment,
    m: &Meeting,
    number: u32,
    on: NaiveDate,
    response: Response,
) -> FamilyPlanVersion {
    let name = |id: &PersonId| {
        a.person(id)
            .map_or_else(|| id.to_string(), |p| p.display_name())
    };
    FamilyPlanVersion {
        number,
        agreed_on: on,
        response,
        points: m
            .plan
            .points
            .iter()
            .filter(|p| !p.words.trim().is_empty())
            .map(|p| {
                point_words(
                    p.words.trim(),
                    &p.who.iter().map(name).collect::<Vec<_>>(),
                    p.when.trim(),
                )
            })
            .collect(),
        where_child_lives: m.plan.where_child_lives.clone(),
        contact: m.plan.contact.clone(),
        if_it_does_not_work: m.plan.if_it_does_not_work.clone(),
    }
}

/// The family's plan to show a reader: the latest agreed version (`agreed` set), or the plan
/// as it stands, written as an agreed version would be (names written out).
pub struct PlanToShow {
    pub agreed: Option<(NaiveDate, Response)>,
    pub points: Vec<String>,
    pub where_child_lives: String,
    pub contact: String,
    pub if_it_does_not_work: String,
}

pub fn plan_to_show(a: &Assessment, m: &Meeting) -> PlanToShow {
    let v = match m.versions.last() {
        Some(v) => v.clone(),
        None => as_agreed(a, m, 0, NaiveDate::MIN, Response::NotAgreed),
    };
    PlanToShow {
        agreed: m.versions.last().map(|v| (v.agreed_on, v.response)),
        points: v.points,
        where_child_lives: v.where_child_lives,
        contact: v.contact,
        if_it_does_not_work: v.if_it_does_not_work,
    }
}

/// "Words (who; when)", as a point is written in an agreed version and the printed plan.
pub fn point_words(words: &str, who: &[String], when: &str) -> String {
    let mut extra: Vec<String> = Vec::new();
    if !who.is_empty() {
        extra.push(who.join(", "));
    }
    if !when.is_empty() {
        extra.push(when.to_owned());
    }
    if extra.is_empty() {
        words.to_owned()
    } else {
        format!("{words} ({})", extra.join("; "))
    }
}

/// Keeps the family's plan as agreed on `on`, with the authority's response (which must have
/// been given). Returns the new version's number.
pub fn agree_version(a: &mut Assessment, meeting: &ItemId, on: NaiveDate) -> Option<u32> {
    let m = a.family_group.meetings.iter().find(|m| &m.id == meeting)?;
    let response = m.response?;
    let number = m.versions.len() as u32 + 1;
    let version = as_agreed(a, m, number, on, response);
    update_meeting(a, meeting, |m| m.versions.push(version));
    Some(number)
}

/// The differences between two agreed versions, in words.
pub fn differences(older: &FamilyPlanVersion, newer: &FamilyPlanVersion) -> Vec<String> {
    let mut out = Vec::new();
    for p in &newer.points {
        if !older.points.contains(p) {
            out.push(format!("Added: {p}"));
        }
    }
    for p in &older.points {
        if !newer.points.contains(p) {
            out.push(format!("Taken out: {p}"));
        }
    }
    for (what, before, after) in [
        (
            "Where the child will live",
            &older.where_child_lives,
            &newer.where_child_lives,
        ),
        ("Contact", &older.contact, &newer.contact),
        (
            "If the plan does not work",
            &older.if_it_does_not_work,
            &newer.if_it_does_not_work,
        ),
    ] {
        if before != after {
            out.push(format!("{what}: was \"{before}\", now \"{after}\""));
        }
    }
    if older.response != newer.response {
        out.push(format!(
            "The council's response: was {}, now {}",
            older.response.label().to_lowercase(),
            newer.response.label().to_lowercase()
        ));
    }
    out
}

/// Keeps each meeting's chosen words of the child to those still in the child's tools (after
/// a tool, a child or something the child said is removed).
pub(crate) fn forget_missing_words(a: &mut Assessment) {
    let present: std::collections::HashSet<ItemId> = a
        .child_tools
        .iter()
        .flat_map(|t| t.child_words.iter().map(|w| w.id.clone()))
        .collect();
    for m in &mut a.family_group.meetings {
        m.child_words.retain(|w| present.contains(w));
    }
}

/// Takes someone removed from the register out of the record: their offer, their
/// invitations, their part in the family's plan.
pub(super) fn forget_person(a: &mut Assessment, id: &PersonId) {
    let g = &mut a.family_group;
    g.offers.retain(|o| &o.person != id);
    for m in &mut g.meetings {
        m.invited.retain(|p| p != id);
        m.came.retain(|p| p != id);
        m.children_came.retain(|p| p != id);
        for p in &mut m.plan.points {
            p.who.retain(|w| w != id);
        }
    }
}

#[cfg(test)]
mod tests;
