//! The duty of section 31ZA of the Children Act 1989 (inserted by the Children's Wellbeing and
//! Schools Act 2026, section 1) as the workbench checks it: what is still to be done, or was
//! done in the wrong order, said as the census rules say what is missing, naming the person.
//!
//! The duty is engaged once the record shows proceedings are in view: a letter before
//! proceedings, an offer, or an application. Then
//! - **offer**: each living parent (a child's parent on the genogram, even one who is a child
//!   being assessed too) and everyone with parental responsibility is offered a meeting, unless the authority decided offering one would not be
//!   in the child's best interests (the exception "not offered", with reasons and the manager);
//! - **the letter**: the offer is in the letter before proceedings;
//! - **acceptance**: once anyone accepts, a meeting is held before the application, unless the
//!   authority decided holding it would not be in the child's best interests ("not held");
//! - **order of dates**: offers, and the meeting, come before the application.

use crate::model::family_group::{ExceptionKind, OfferAnswer, OfferedHow, ParentalResponsibility};
use crate::model::genogram::ChildKind;
use crate::model::{Assessment, Life, PersonId};
use chrono::NaiveDate;

/// One thing the duty still asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DutyGap {
    /// Who it is about, when it is one person.
    pub person: Option<PersonId>,
    pub words: String,
}

/// The people a meeting must be offered to: the children's parents on the genogram and
/// everyone recorded with parental responsibility (living, not the children themselves).
pub fn to_be_offered(a: &Assessment) -> Vec<PersonId> {
    let mut out: Vec<PersonId> = Vec::new();
    let mut add = |id: &PersonId| {
        if !out.contains(id) {
            out.push(id.clone());
        }
    };
    for p in &a.people {
        if p.parental_responsibility == ParentalResponsibility::Yes {
            add(&p.id);
        }
    }
    // Birth and adoptive parents; carers shown on other lines (foster, step, kinship) are
    // offered when they hold parental responsibility, as above.
    for child in a.children() {
        let line = a.genogram.parentage_of(&child.id);
        if line.is_some_and(|l| matches!(l.kind, ChildKind::Birth | ChildKind::Adopted)) {
            for parent in a.genogram.parents_of(&child.id) {
                add(&parent);
            }
        }
    }
    // A parent who is also a child being assessed (a young parent) is still a parent.
    out.retain(|id| a.person(id).is_some_and(|p| p.life == Life::Living));
    out
}

/// Whether the record shows proceedings in view, so the duty applies.
pub fn engaged(a: &Assessment) -> bool {
    let g = &a.family_group;
    g.letter_before_proceedings.is_some() || g.application.is_some() || !g.offers.is_empty()
}

fn date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// What the duty still asks for, in order: offers, the letter, the meeting, the dates.
pub fn gaps(a: &Assessment) -> Vec<DutyGap> {
    let mut out = Vec::new();
    if !engaged(a) {
        return out;
    }
    let g = &a.family_group;
    let exception = g.exception.as_ref().map(|e| e.kind);
    let name = |id: &PersonId| {
        a.person(id)
            .map_or_else(|| id.to_string(), |p| p.display_name())
    };
    let mut gap = |person: Option<&PersonId>, words: String| {
        out.push(DutyGap {
            person: person.cloned(),
            words,
        })
    };
    if exception != Some(ExceptionKind::NotOffered) {
        for id in to_be_offered(a) {
            match g.offer_to(&id) {
                None => gap(
                    Some(&id),
                    format!(
                        "Offer {} a family group decision-making meeting (section 31ZA): they are a parent or have parental responsibility.",
                        name(&id)
                    ),
                ),
                Some(o) if g.letter_before_proceedings.is_some() && o.how != OfferedHow::LetterBeforeProceedings => gap(
                    Some(&id),
                    format!(
                        "The offer to {} is not recorded as made in the letter before proceedings, where section 31ZA puts it.",
                        name(&id)
                    ),
                ),
                Some(_) => {}
            }
        }
    }
    let accepted: Vec<_> = g
        .offers
        .iter()
        .filter(|o| o.answer == OfferAnswer::Accepted)
        .collect();
    // A meeting counts once someone has accepted: held on or after the first acceptance, and
    // (once there is an application) on or before it.
    let first_yes = accepted.iter().filter_map(|o| o.answered_on).min();
    let held_before = |on: Option<NaiveDate>| {
        g.held().any(|m| {
            m.date.is_some_and(|d| {
                first_yes.is_none_or(|yes| d >= yes) && on.is_none_or(|app| d <= app)
            })
        })
    };
    // "Not held" covers the meeting only when decided before the application.
    let not_held = g.exception.as_ref().is_some_and(|e| {
        e.kind == ExceptionKind::NotHeld && g.application.as_ref().is_none_or(|x| e.on <= x.on)
    });
    if let Some(first) = accepted.first() {
        if !not_held {
            let on = g.application.as_ref().map(|x| x.on);
            if !held_before(on) {
                let who = accepted
                    .iter()
                    .map(|o| name(&o.person))
                    .collect::<Vec<_>>()
                    .join(" and ");
                let words = match on {
                    None => format!(
                        "{who} accepted the offer of a family group decision-making meeting: hold it before any application to court, or record why holding it would not be in the child's best interests."
                    ),
                    Some(app) => format!(
                        "The application on {} was made without a family group decision-making meeting held before it, though {who} accepted the offer.",
                        date(app)
                    ),
                };
                gap(Some(&first.person), words);
            }
        }
    }
    if let Some(app) = &g.application {
        for o in &g.offers {
            if o.offered_on > app.on {
                gap(
                    Some(&o.person),
                    format!(
                        "The offer to {} ({}) is recorded after the application ({}): it must come before.",
                        name(&o.person),
                        date(o.offered_on),
                        date(app.on)
                    ),
                );
            }
        }
        if let Some(letter) = g.letter_before_proceedings.filter(|l| *l > app.on) {
            gap(
                None,
                format!(
                    "The letter before proceedings ({}) is dated after the application ({}).",
                    date(letter),
                    date(app.on)
                ),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;
