//! A test per rule of section 31ZA as the workbench checks it.

use super::*;
use crate::model::family_group::{Application, Exception, Meeting, Offer, OrderKind};
use crate::model::{AssessmentId, AssessmentType, ItemId, Person, PersonRole};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn person(
    a: &mut Assessment,
    n: u8,
    given: &str,
    role: PersonRole,
    pr: ParentalResponsibility,
) -> PersonId {
    let id = PersonId::from_random([n; 4]);
    let mut p = Person::new(id.clone(), role);
    p.given_name = given.into();
    p.family_name = "Fictional".into();
    p.parental_responsibility = pr;
    a.people.push(p);
    id
}

/// A child, two parents with parental responsibility and a grandmother without.
fn family() -> (Assessment, PersonId, PersonId) {
    let profile = crate::procedure::find("signs-of-safety-2020").unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")
        .unwrap()
        .to_utc();
    let mut a = crate::procedure::start(
        profile,
        AssessmentId::from_random([9; 8]),
        now,
        AssessmentType::Section47,
    );
    person(
        &mut a,
        1,
        "Kit",
        PersonRole::SubjectChild,
        ParentalResponsibility::NotAsked,
    );
    let mum = person(
        &mut a,
        2,
        "Dana",
        PersonRole::FamilyMember,
        ParentalResponsibility::Yes,
    );
    let dad = person(
        &mut a,
        3,
        "Lee",
        PersonRole::FamilyMember,
        ParentalResponsibility::Yes,
    );
    person(
        &mut a,
        4,
        "Ada",
        PersonRole::FamilyMember,
        ParentalResponsibility::No,
    );
    (a, mum, dad)
}

fn offer(person: &PersonId, on: NaiveDate, answer: OfferAnswer) -> Offer {
    Offer {
        id: ItemId::from_random(person.as_str().as_bytes()[2..6].try_into().unwrap()),
        person: person.clone(),
        offered_on: on,
        how: OfferedHow::LetterBeforeProceedings,
        how_words: String::new(),
        answer,
        answered_on: (answer != OfferAnswer::NoAnswerYet).then_some(on),
        their_words: String::new(),
    }
}

fn held_on(d: NaiveDate, who: &PersonId) -> Meeting {
    let mut m = Meeting::new(ItemId::from_random([0x33; 4]));
    m.date = Some(d);
    m.invited = vec![who.clone()];
    m.came = vec![who.clone()];
    m
}

fn about(gaps: &[DutyGap], id: &PersonId) -> Vec<String> {
    gaps.iter()
        .filter(|g| g.person.as_ref() == Some(id))
        .map(|g| g.words.clone())
        .collect()
}

#[test]
fn nothing_is_asked_before_proceedings_are_in_view() {
    let (a, _, _) = family();
    assert!(!engaged(&a));
    assert!(gaps(&a).is_empty());
}

#[test]
fn the_offer_goes_to_everyone_with_parental_responsibility_and_each_parent() {
    let (mut a, mum, dad) = family();
    a.family_group.letter_before_proceedings = Some(day(1));
    let g = gaps(&a);
    assert_eq!(about(&g, &mum).len(), 1);
    assert!(about(&g, &mum)[0].contains("Offer Dana Fictional"), "{g:?}");
    assert_eq!(about(&g, &dad).len(), 1);
    assert_eq!(
        g.len(),
        2,
        "the grandmother has no parental responsibility: {g:?}"
    );

    // a parent on the genogram without parental responsibility recorded is offered too
    let demo = crate::edit::register::tests::demo_case();
    let child = demo.children().next().unwrap().id.clone();
    let parents = demo.genogram.parents_of(&child);
    assert!(!parents.is_empty());
    for p in &parents {
        assert!(to_be_offered(&demo).contains(p));
    }
    // anyone who has died is not; the children are not, unless they are parents themselves
    let (mut b, mum, _) = family();
    b.person_mut(&mum).unwrap().life = Life::Deceased;
    assert!(!to_be_offered(&b).contains(&mum));
    assert!(to_be_offered(&b)
        .iter()
        .all(|id| b.person(id).unwrap().role != PersonRole::SubjectChild));
    let young = person(
        &mut b,
        5,
        "Sky",
        PersonRole::SubjectChild,
        ParentalResponsibility::Yes,
    );
    assert!(
        to_be_offered(&b).contains(&young),
        "a young parent being assessed too"
    );

    // offered to both: nothing missing
    a.family_group.offers = vec![
        offer(&mum, day(1), OfferAnswer::NoAnswerYet),
        offer(&dad, day(1), OfferAnswer::NoAnswerYet),
    ];
    assert!(gaps(&a).is_empty(), "{:?}", gaps(&a));
}

#[test]
fn the_offer_is_made_in_the_letter_before_proceedings() {
    let (mut a, mum, dad) = family();
    let mut by_phone = offer(&mum, day(1), OfferAnswer::NoAnswerYet);
    by_phone.how = OfferedHow::Otherwise;
    by_phone.how_words = "By phone".into();
    a.family_group.offers = vec![by_phone, offer(&dad, day(2), OfferAnswer::NoAnswerYet)];
    // no letter yet: an offer made another way is enough for now
    assert!(gaps(&a).is_empty(), "{:?}", gaps(&a));
    a.family_group.letter_before_proceedings = Some(day(2));
    let g = gaps(&a);
    assert_eq!(g.len(), 1);
    assert!(about(&g, &mum)[0].contains("letter before proceedings"));
}

#[test]
fn once_anyone_accepts_a_meeting_is_held_before_the_application_or_the_exception_recorded() {
    let (mut a, mum, dad) = family();
    a.family_group.letter_before_proceedings = Some(day(1));
    a.family_group.offers = vec![
        offer(&mum, day(1), OfferAnswer::Accepted),
        offer(&dad, day(1), OfferAnswer::Declined),
    ];
    let g = gaps(&a);
    assert_eq!(g.len(), 1);
    assert!(
        g[0].words.starts_with("Dana Fictional accepted the offer"),
        "{g:?}"
    );
    assert_eq!(g[0].person.as_ref(), Some(&mum));

    // a meeting arranged but not yet held is not enough
    let mut planned = held_on(day(10), &mum);
    planned.came.clear();
    a.family_group.meetings = vec![planned];
    assert_eq!(gaps(&a).len(), 1);

    // held: nothing missing
    a.family_group.meetings = vec![held_on(day(10), &mum)];
    assert!(gaps(&a).is_empty());

    // declined by everyone: no meeting is owed
    let (mut b, mum_b, dad_b) = family();
    b.family_group.letter_before_proceedings = Some(day(1));
    b.family_group.offers = vec![
        offer(&mum_b, day(1), OfferAnswer::Declined),
        offer(&dad_b, day(1), OfferAnswer::NoAnswerYet),
    ];
    assert!(gaps(&b).is_empty());
}

#[test]
fn the_exception_needs_the_child_s_best_interests_and_covers_only_what_it_says() {
    let (mut a, mum, dad) = family();
    a.family_group.letter_before_proceedings = Some(day(1));
    let exception = |kind| Exception {
        kind,
        reasons: "Risk of harm to the child if the family meets.".into(),
        agreed_by: "Team manager".into(),
        on: day(2),
    };
    // not offered: no offer is owed
    a.family_group.exception = Some(exception(ExceptionKind::NotOffered));
    assert!(gaps(&a).is_empty());
    // not held: offers are still owed; a meeting is not
    a.family_group.exception = Some(exception(ExceptionKind::NotHeld));
    assert_eq!(gaps(&a).len(), 2);
    a.family_group.offers = vec![
        offer(&mum, day(1), OfferAnswer::Accepted),
        offer(&dad, day(1), OfferAnswer::Accepted),
    ];
    assert!(gaps(&a).is_empty(), "{:?}", gaps(&a));
    // without it, the accepted offer asks for a meeting
    a.family_group.exception = None;
    assert_eq!(gaps(&a).len(), 1);
    assert!(gaps(&a)[0]
        .words
        .contains("Dana Fictional and Lee Fictional accepted"));
}

#[test]
fn offers_and_the_meeting_come_before_the_application() {
    let (mut a, mum, dad) = family();
    a.family_group.letter_before_proceedings = Some(day(1));
    a.family_group.offers = vec![
        offer(&mum, day(1), OfferAnswer::Accepted),
        offer(&dad, day(12), OfferAnswer::NoAnswerYet),
    ];
    a.family_group.meetings = vec![held_on(day(15), &mum)];
    a.family_group.application = Some(Application {
        order: OrderKind::Care,
        on: day(10),
    });
    let g = gaps(&a);
    // the meeting came after the application; Lee's offer too
    assert!(
        g.iter().any(|x| x
            .words
            .starts_with("The application on 10 December 2026 was made without")),
        "{g:?}"
    );
    assert!(
        about(&g, &dad)
            .iter()
            .any(|w| w.contains("after the application")),
        "{g:?}"
    );
    assert_eq!(g.len(), 2);
    // in the right order: nothing missing
    a.family_group.offers[1].offered_on = day(1);
    a.family_group.meetings[0].date = Some(day(8));
    assert!(gaps(&a).is_empty(), "{:?}", gaps(&a));
    // the letter dated after the application
    a.family_group.letter_before_proceedings = Some(day(11));
    assert!(gaps(&a).iter().any(|x| x
        .words
        .contains("letter before proceedings (11 December 2026)")));
}

#[test]
fn an_application_alone_engages_the_duty() {
    let (mut a, mum, dad) = family();
    a.family_group.application = Some(Application {
        order: OrderKind::Supervision,
        on: day(3),
    });
    assert!(engaged(&a));
    let g = gaps(&a);
    assert_eq!((about(&g, &mum).len(), about(&g, &dad).len()), (1, 1));
}

#[test]
fn a_meeting_before_anyone_accepted_or_an_exception_after_the_application_does_not_count() {
    let (mut a, mum, dad) = family();
    a.family_group.letter_before_proceedings = Some(day(1));
    let mut yes = offer(&mum, day(1), OfferAnswer::Accepted);
    yes.answered_on = Some(day(6));
    a.family_group.offers = vec![yes, offer(&dad, day(1), OfferAnswer::Declined)];
    // a meeting held before Dana accepted is not the meeting she accepted
    a.family_group.meetings = vec![held_on(day(4), &mum)];
    assert_eq!(gaps(&a).len(), 1, "{:?}", gaps(&a));
    a.family_group.meetings = vec![held_on(day(8), &mum)];
    assert!(gaps(&a).is_empty());
    // "not held" decided after the application does not excuse it
    a.family_group.meetings.clear();
    a.family_group.application = Some(Application {
        order: OrderKind::Care,
        on: day(10),
    });
    a.family_group.exception = Some(Exception {
        kind: ExceptionKind::NotHeld,
        reasons: "Risk to the child.".into(),
        agreed_by: "Manager".into(),
        on: day(12),
    });
    assert_eq!(gaps(&a).len(), 1, "{:?}", gaps(&a));
    a.family_group.exception.as_mut().unwrap().on = day(9);
    assert!(gaps(&a).is_empty(), "{:?}", gaps(&a));
}

#[test]
fn foster_step_and_kinship_carers_are_offered_only_with_parental_responsibility() {
    let mut demo = crate::edit::register::tests::demo_case();
    demo.family_group = Default::default();
    for p in &mut demo.people {
        p.parental_responsibility = ParentalResponsibility::NotAsked;
    }
    let child = demo.children().next().unwrap().id.clone();
    let parents = demo.genogram.parents_of(&child);
    assert!(parents.iter().all(|p| to_be_offered(&demo).contains(p)));
    for line in &mut demo.genogram.parentage {
        line.kind = crate::model::genogram::ChildKind::Fostered;
    }
    assert!(
        to_be_offered(&demo).is_empty(),
        "{:?}",
        to_be_offered(&demo)
    );
    demo.person_mut(&parents[0])
        .unwrap()
        .parental_responsibility = ParentalResponsibility::Yes;
    assert_eq!(to_be_offered(&demo), vec![parents[0].clone()]);
}
