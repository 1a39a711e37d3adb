//! The demonstration family's family group decision-making: proceedings in view, the meeting
//! offered in the letter before proceedings to both parents (one accepts, one declines), one
//! meeting where the family wrote their plan, agreed with changes, and a review that agreed it.
//! Built with the edits the pages make.

use crate::edit::family_group as fg;
use crate::model::family_group::{OfferAnswer, OfferedHow, ParentalResponsibility, Response};
use crate::model::{Assessment, ItemId, LeadRole, PersonId, PersonRole};
use chrono::{Duration, NaiveDate};

/// Adds the record to `a`, dated around `today`; the parents are the first child's on the
/// genogram (or the first two family members).
pub fn meet_as_a_family(a: &mut Assessment, today: NaiveDate) {
    let ago = |n: i64| today - Duration::days(n);
    let child = a.children().next().map(|c| c.id.clone());
    let mut parents: Vec<PersonId> = child.map(|c| a.genogram.parents_of(&c)).unwrap_or_default();
    if parents.len() < 2 {
        parents = a
            .people
            .iter()
            .filter(|p| p.role == PersonRole::FamilyMember)
            .take(2)
            .map(|p| p.id.clone())
            .collect();
    }
    // The parent the children live with accepts; the other declines.
    parents.sort_by_key(|p| !a.person(p).is_some_and(|x| x.lives_in_household));
    let [accepts, declines] = [parents[0].clone(), parents[1].clone()];
    for (p, note) in [
        (&accepts, "Named on the children's birth certificates"),
        (&declines, "Named on the children's birth certificates"),
    ] {
        if let Some(x) = a.person_mut(p) {
            x.parental_responsibility = ParentalResponsibility::Yes;
            x.parental_responsibility_note = note.into();
        }
    }
    a.lead_worker_role = LeadRole::LeadChildProtectionPractitioner;
    let mut n = 0x6f00_0000u32;
    let mut fresh = || {
        n += 1;
        ItemId::from_random(n.to_be_bytes())
    };
    fg::set_letter(a, Some(ago(21)));
    let (o1, o2) = (fresh(), fresh());
    fg::add_offer(
        a,
        o1.clone(),
        accepts.clone(),
        OfferedHow::LetterBeforeProceedings,
        ago(21),
        "",
    );
    fg::add_offer(
        a,
        o2.clone(),
        declines.clone(),
        OfferedHow::LetterBeforeProceedings,
        ago(21),
        "",
    );
    fg::answer_offer(
        a,
        &o1,
        OfferAnswer::Accepted,
        Some(ago(19)),
        "Yes. I want my mum there, and the children's auntie.",
    );
    fg::answer_offer(
        a,
        &o2,
        OfferAnswer::Declined,
        Some(ago(18)),
        "I'm not sitting in a room with all of them.",
    );

    let m = fresh();
    fg::add_meeting(a, m.clone());
    let invitees: Vec<PersonId> = fg::suggested_invitees(a)
        .into_iter()
        .map(|(p, _)| p)
        .take(5)
        .collect();
    for p in &invitees {
        fg::set_invited(a, &m, p, true);
    }
    for p in invitees.iter().filter(|p| **p != declines) {
        fg::set_came(a, &m, p, true);
    }
    let words: Vec<ItemId> = a
        .child_tools
        .iter()
        .flat_map(|t| t.child_words.iter().map(|w| w.id.clone()))
        .take(1)
        .collect();
    let first_child = a.children().next().map(|c| c.id.clone());
    fg::update_meeting(a, &m, |x| {
        x.referred_on = Some(ago(18));
        x.coordinator =
            "Jo Coordinator (independent family group conference service, fictional)".into();
        x.date = Some(ago(10));
        x.place = "The community centre (demonstration)".into();
        x.children_came = first_child.into_iter().collect();
        x.child_views = "Rowan wants to live at home with Mum and see Dad at Grandma's. She does not want any more shouting.".into();
        x.child_words = words;
        x.information_given = "The social worker explained the worries in the danger statements and what the court could decide. The school said Rowan is doing well in class.".into();
        x.private_family_time = true;
        x.plan.where_child_lives = "Rowan and Skye stay at home with Mum.".into();
        x.plan.contact =
            "Dad sees the children at Grandma's on Saturdays, with Grandma there.".into();
        x.plan.if_it_does_not_work = "Grandma calls the social worker, and the children stay with her until the family meets again.".into();
        x.response = Some(Response::AgreedWithChanges);
        x.response_reasons = "Agreed, with Grandma also there every Friday evening, when the arguments have happened.".into();
        x.review_date = Some(ago(2));
    });
    let helpers = invitees
        .iter()
        .filter(|p| **p != accepts && **p != declines)
        .cloned()
        .collect::<Vec<_>>();
    let points = [
        (
            "Grandma is at home whenever Dad visits",
            helpers.iter().take(1).cloned().collect::<Vec<_>>(),
            "Every visit",
        ),
        (
            "Mum calls Grandma if Dad arrives without warning",
            vec![accepts.clone()],
            "Straight away",
        ),
        (
            "The children's auntie takes them to school on Mondays",
            helpers.iter().skip(1).take(1).cloned().collect(),
            "Mondays",
        ),
    ];
    for (words, who, when) in points {
        let id = fresh();
        fg::add_point(a, &m, id.clone());
        fg::update_point(a, &m, &id, |p| {
            p.words = words.into();
            p.who = who;
            p.when = when.into();
        });
    }
    fg::agree_version(a, &m, ago(10));
    // At the review the family added Fridays, and the authority agreed the plan as it stands.
    let friday = fresh();
    fg::add_point(a, &m, friday.clone());
    fg::update_point(a, &m, &friday, |p| {
        p.words = "Grandma stays on Friday evenings".into();
        p.who = helpers.iter().take(1).cloned().collect();
        p.when = "Fridays".into();
    });
    fg::update_meeting(a, &m, |x| {
        x.response = Some(Response::Agreed);
        x.review_date = Some(today + Duration::days(26));
    });
    fg::agree_version(a, &m, ago(2));
}
