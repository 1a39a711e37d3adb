//! Family group decision-making in the property test ([`super::tests`]): every edit the
//! family group pages offer, chosen for the state the document is in. Dates typed into a form
//! may break the record's rules (an answer dated before its offer): the page shows the refusal,
//! so those steps say they may be refused.

use super::family_group as fg;
use super::tests::Rng;
use crate::model::family_group::{
    Application, Exception, ExceptionKind, OfferAnswer, OfferedHow, OrderKind,
    ParentalResponsibility, Response,
};
use crate::model::{Assessment, ItemId, LeadRole, PersonId, PersonRole};
use chrono::NaiveDate;

#[derive(Clone, Debug)]
pub(super) enum FamilyStep {
    Responsibility(PersonId, ParentalResponsibility, &'static str),
    Lead(LeadRole),
    Letter(Option<NaiveDate>),
    Offer(PersonId, OfferedHow, NaiveDate),
    Answer(usize, OfferAnswer, Option<NaiveDate>, &'static str),
    RemoveOffer(usize),
    Exception(Option<ExceptionKind>, NaiveDate),
    Application(Option<NaiveDate>),
    AddMeeting,
    RemoveMeeting(usize),
    Invite(usize, PersonId, bool),
    Came(usize, PersonId, bool),
    ChildCame(usize, PersonId, bool),
    Dates(usize, Option<NaiveDate>, Option<NaiveDate>),
    Words(usize, &'static str),
    AddPoint(usize),
    EditPoint(usize, usize, Vec<PersonId>, &'static str),
    RemovePoint(usize, usize),
    ToRule(usize, usize),
    Respond(usize, Option<Response>),
    Agree(usize, NaiveDate),
}

impl FamilyStep {
    /// Whether the record's rules may refuse it (a date typed in a form).
    pub(super) fn may_be_refused(&self) -> bool {
        matches!(
            self,
            FamilyStep::Letter(_) | FamilyStep::Answer(..) | FamilyStep::Dates(..)
        )
    }
}

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() + chrono::Duration::days((n % 90) as i64)
}

/// An edit the family group pages offer in the state `a` is in.
pub(super) fn family_step(a: &Assessment, r: &mut Rng) -> FamilyStep {
    let adults: Vec<PersonId> = a
        .people
        .iter()
        .filter(|p| {
            matches!(
                p.role,
                PersonRole::FamilyMember | PersonRole::OtherSignificant
            )
        })
        .map(|p| p.id.clone())
        .collect();
    let kids: Vec<PersonId> = a.children().map(|p| p.id.clone()).collect();
    let g = &a.family_group;
    let meetings = g.meetings.len();
    let points = |m: usize| g.meetings.get(m).map_or(0, |x| x.plan.points.len());
    match r.below(20) {
        0 => match r.pick(&adults) {
            Some(p) => FamilyStep::Responsibility(
                p.clone(),
                ParentalResponsibility::ALL[r.below(4)],
                ["", "Named on the birth certificate"][r.below(2)],
            ),
            None => FamilyStep::Lead(LeadRole::ALL[r.below(3)]),
        },
        1 => FamilyStep::Lead(LeadRole::ALL[r.below(3)]),
        2 => FamilyStep::Letter(Some(day(r.next())).filter(|_| r.chance(90))),
        // The page offers the meeting to those not yet offered it.
        3 | 4 => match adults.iter().find(|p| g.offer_to(p).is_none()) {
            Some(p) if g.letter_before_proceedings.is_some() && r.chance(70) => FamilyStep::Offer(
                p.clone(),
                OfferedHow::LetterBeforeProceedings,
                day(r.next()),
            ),
            Some(p) => FamilyStep::Offer(p.clone(), OfferedHow::Otherwise, day(r.next())),
            None => FamilyStep::AddMeeting,
        },
        5 => FamilyStep::Answer(
            r.below(g.offers.len()),
            OfferAnswer::ALL[r.below(3)],
            Some(day(r.next())).filter(|_| r.chance(95)),
            ["", "We want Grandma there."][r.below(2)],
        ),
        6 if r.chance(30) => FamilyStep::RemoveOffer(r.below(g.offers.len())),
        6 => FamilyStep::Exception(
            [
                None,
                Some(ExceptionKind::NotOffered),
                Some(ExceptionKind::NotHeld),
            ][r.below(3)],
            day(r.next()),
        ),
        7 => FamilyStep::Application(Some(day(r.next())).filter(|_| r.chance(80))),
        8 => FamilyStep::AddMeeting,
        9 if r.chance(20) => FamilyStep::RemoveMeeting(r.below(meetings)),
        9 | 10 => match r.pick(&adults) {
            Some(p) => FamilyStep::Invite(r.below(meetings), p.clone(), r.chance(80)),
            None => FamilyStep::AddMeeting,
        },
        11 => {
            let m = r.below(meetings);
            let invited = g
                .meetings
                .get(m)
                .map(|x| x.invited.clone())
                .unwrap_or_default();
            match r.pick(&invited) {
                Some(p) => FamilyStep::Came(m, p.clone(), r.chance(80)),
                None => FamilyStep::Words(m, "Information from the school and health visitor."),
            }
        }
        12 => match r.pick(&kids) {
            Some(c) => FamilyStep::ChildCame(r.below(meetings), c.clone(), r.chance(70)),
            None => FamilyStep::AddMeeting,
        },
        13 => FamilyStep::Dates(
            r.below(meetings),
            Some(day(r.next())).filter(|_| r.chance(80)),
            Some(day(r.next())).filter(|_| r.chance(80)),
        ),
        14 => FamilyStep::AddPoint(r.below(meetings)),
        15 => {
            let m = r.below(meetings);
            let who: Vec<PersonId> = adults.iter().filter(|_| r.chance(30)).cloned().collect();
            FamilyStep::EditPoint(
                m,
                r.below(points(m)),
                who,
                ["Grandma collects the children", "No drinking at home", ""][r.below(3)],
            )
        }
        16 if r.chance(30) => {
            let m = r.below(meetings);
            FamilyStep::RemovePoint(m, r.below(points(m)))
        }
        16 => {
            let m = r.below(meetings);
            FamilyStep::ToRule(m, r.below(points(m)))
        }
        17 => FamilyStep::Respond(
            r.below(meetings),
            [
                None,
                Some(Response::Agreed),
                Some(Response::AgreedWithChanges),
                Some(Response::NotAgreed),
            ][r.below(4)],
        ),
        18 => FamilyStep::Agree(r.below(meetings), day(r.next())),
        _ => FamilyStep::Words(
            r.below(meetings),
            ["The family want the children to stay with Grandma.", ""][r.below(2)],
        ),
    }
}

/// Makes the step on `a`, as the page does.
pub(super) fn apply_family(
    a: &mut Assessment,
    step: &FamilyStep,
    fresh: &mut impl FnMut() -> [u8; 4],
) {
    let meeting = |a: &Assessment, i: usize| a.family_group.meetings.get(i).map(|m| m.id.clone());
    let offer = |a: &Assessment, i: usize| a.family_group.offers.get(i).map(|o| o.id.clone());
    let point = |a: &Assessment, m: usize, i: usize| {
        a.family_group
            .meetings
            .get(m)
            .and_then(|x| x.plan.points.get(i))
            .map(|p| p.id.clone())
    };
    match step {
        FamilyStep::Responsibility(p, pr, note) => {
            if let Some(x) = a.person_mut(p) {
                x.parental_responsibility = *pr;
                x.parental_responsibility_note = (*note).to_owned();
            }
        }
        FamilyStep::Lead(role) => a.lead_worker_role = *role,
        FamilyStep::Letter(on) => fg::set_letter(a, *on),
        FamilyStep::Offer(p, how, on) => {
            if a.person(p).is_some() && a.family_group.offer_to(p).is_none() {
                fg::add_offer(
                    a,
                    ItemId::from_random(fresh()),
                    p.clone(),
                    *how,
                    *on,
                    "At a home visit",
                );
            }
        }
        FamilyStep::Answer(i, answer, on, words) => {
            if let Some(id) = offer(a, *i) {
                fg::answer_offer(a, &id, *answer, *on, words);
            }
        }
        FamilyStep::RemoveOffer(i) => {
            if let Some(id) = offer(a, *i) {
                fg::remove_offer(a, &id);
            }
        }
        FamilyStep::Exception(kind, on) => fg::set_exception(
            a,
            kind.map(|kind| Exception {
                kind,
                reasons: "The children's father has threatened the family.".into(),
                agreed_by: "Team manager (fictional)".into(),
                on: *on,
            }),
        ),
        FamilyStep::Application(on) => fg::set_application(
            a,
            on.map(|on| Application {
                order: OrderKind::Care,
                on,
            }),
        ),
        FamilyStep::AddMeeting => fg::add_meeting(a, ItemId::from_random(fresh())),
        FamilyStep::RemoveMeeting(i) => {
            if let Some(id) = meeting(a, *i) {
                fg::remove_meeting(a, &id);
            }
        }
        FamilyStep::Invite(m, p, yes) => {
            if let Some(id) = meeting(a, *m) {
                fg::set_invited(a, &id, p, *yes);
            }
        }
        FamilyStep::Came(m, p, yes) => {
            if let Some(id) = meeting(a, *m) {
                fg::set_came(a, &id, p, *yes);
            }
        }
        FamilyStep::ChildCame(m, c, yes) => {
            if let Some(id) = meeting(a, *m) {
                fg::set_child_came(a, &id, c, *yes);
            }
        }
        FamilyStep::Dates(m, referred, held) => {
            if let Some(id) = meeting(a, *m) {
                fg::update_meeting(a, &id, |x| {
                    x.referred_on = *referred;
                    x.date = *held;
                });
            }
        }
        FamilyStep::Words(m, words) => {
            if let Some(id) = meeting(a, *m) {
                fg::update_meeting(a, &id, |x| {
                    x.information_given = (*words).to_owned();
                    x.plan.where_child_lives = (*words).to_owned();
                    x.private_family_time = !words.is_empty();
                });
            }
        }
        FamilyStep::AddPoint(m) => {
            if let Some(id) = meeting(a, *m) {
                fg::add_point(a, &id, ItemId::from_random(fresh()));
            }
        }
        FamilyStep::EditPoint(m, i, who, words) => {
            if let (Some(mid), Some(pid)) = (meeting(a, *m), point(a, *m, *i)) {
                let who: Vec<PersonId> = who
                    .iter()
                    .filter(|p| a.person(p).is_some())
                    .cloned()
                    .collect();
                fg::update_point(a, &mid, &pid, |p| {
                    p.who = who;
                    p.words = (*words).to_owned();
                });
            }
        }
        FamilyStep::RemovePoint(m, i) => {
            if let (Some(mid), Some(pid)) = (meeting(a, *m), point(a, *m, *i)) {
                fg::remove_point(a, &mid, &pid);
            }
        }
        FamilyStep::ToRule(m, i) => {
            if let (Some(mid), Some(pid)) = (meeting(a, *m), point(a, *m, *i)) {
                fg::point_to_rule(a, &mid, &pid, ItemId::from_random(fresh()));
            }
        }
        FamilyStep::Respond(m, response) => {
            if let Some(id) = meeting(a, *m) {
                fg::update_meeting(a, &id, |x| x.response = *response);
            }
        }
        FamilyStep::Agree(m, on) => {
            if let Some(id) = meeting(a, *m) {
                fg::agree_version(a, &id, *on);
            }
        }
    }
}
