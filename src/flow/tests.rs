//! Native tests of the guided flow over the built-in profiles.

use super::*;
use crate::model::assessment::tests::sample;
use crate::model::{Person, PersonRole};
use crate::procedure::find;
use std::collections::BTreeMap;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn two_children() -> Assessment {
    let mut a = sample();
    let mut leo = Person::new(PersonId::from_random([3; 4]), PersonRole::SubjectChild);
    leo.given_name = "Leo".into();
    a.people.push(leo);
    a
}

fn set(a: &mut Assessment, q: &str, child: Option<&PersonId>, v: &str) {
    a.answers
        .insert(answer_key(q, child), Answer::Text(v.into()));
}

#[test]
fn follow_ups_appear_only_for_the_answer_that_needs_them_and_per_child() {
    let p = find("signs-of-safety-2020").unwrap();
    let mut a = two_children();
    let (mia, leo) = (a.people[0].id.clone(), a.people[2].id.clone());
    let child = p.section("child").unwrap();
    let q = |id: &str| child.questions().find(|q| q.id == id).unwrap();
    {
        let f = Flow::new(&a, p, d("2026-11-10"));
        assert!(!f.is_visible(child, q("seenAlone"), Some(&mia)));
    }
    set(&mut a, "childSeen", Some(&mia), "yes");
    set(&mut a, "seenAlone", Some(&mia), "no");
    set(&mut a, "childSeen", Some(&leo), "yes");
    set(&mut a, "seenAlone", Some(&leo), "yes");
    let f = Flow::new(&a, p, d("2026-11-10"));
    assert!(f.is_visible(child, q("notSeenAloneReason"), Some(&mia)));
    assert!(!f.is_visible(child, q("notSeenAloneReason"), Some(&leo)));
    let missing = f.missing(child);
    assert!(
        missing.contains(&"Why the child was not seen alone (Ava Example)".to_owned()),
        "{missing:?}"
    );
    assert!(!missing
        .iter()
        .any(|m| m.starts_with("Why the child was not seen alone (Leo")));
    // a hidden parent hides its follow-ups too
    set(&mut a, "childSeen", Some(&mia), "no");
    let f = Flow::new(&a, p, d("2026-11-10"));
    assert!(!f.is_visible(child, q("notSeenAloneReason"), Some(&mia)));
    assert!(f.is_visible(child, q("childNotSeenReason"), Some(&mia)));
}

#[test]
fn interpreter_declined_needs_the_managers_approval() {
    let p = find("assessments-2024").unwrap();
    let mut a = sample();
    a.profile = p.id.clone();
    set(&mut a, "otherLanguage", None, "yes");
    set(&mut a, "interpreterUsed", None, "no");
    let f = Flow::new(&a, p, d("2026-11-10"));
    let missing = f.missing(p.section("communication").unwrap());
    assert_eq!(
        missing,
        vec![
            "Team Manager who approved not using an interpreter".to_owned(),
            "Why no interpreter was used (as approved and recorded)".to_owned(),
        ]
    );
}

#[test]
fn multi_choice_conditions_match_any_selected_value() {
    let p = find("assessments-2024").unwrap();
    let mut a = sample();
    let s = p.section("extra-familial").unwrap();
    let q = s
        .questions()
        .find(|q| q.id == "extraFamilialWhere")
        .unwrap();
    assert!(!Flow::new(&a, p, d("2026-11-10")).is_visible(s, q, None));
    a.answers.insert(
        "extraFamilialConcerns".into(),
        Answer::Choices(vec!["online".into()]),
    );
    assert!(Flow::new(&a, p, d("2026-11-10")).is_visible(s, q, None));
}

#[test]
fn section_status_moves_from_not_started_to_completed() {
    let p = find("signs-of-safety-2020").unwrap();
    let mut a = sample();
    let s = p.section("diversity").unwrap();
    assert_eq!(
        Flow::new(&a, p, d("2026-11-10")).progress(s).status,
        SectionStatus::NotStarted
    );
    set(&mut a, "culture", None, "Family observes Ramadan.");
    assert_eq!(
        Flow::new(&a, p, d("2026-11-10")).progress(s).status,
        SectionStatus::InProgress
    );
    a.completed_sections.insert("diversity".into());
    assert_eq!(
        Flow::new(&a, p, d("2026-11-10")).progress(s).status,
        SectionStatus::Completed
    );
    // marked complete with required items missing stays in progress
    a.completed_sections.insert("outcome".into());
    let outcome = Flow::new(&a, p, d("2026-11-10")).progress(p.section("outcome").unwrap());
    assert_eq!(outcome.status, SectionStatus::InProgress);
    assert!(outcome
        .missing
        .contains(&"Is this a child in need? (section 17)".to_owned()));
}

#[test]
fn going_past_45_working_days_asks_for_the_reason() {
    let p = find("signs-of-safety-2020").unwrap();
    // Referral Fri 30 Oct 2026: 21 working days in November, 18 in December (25th and 28th
    // are holidays), 1 January is a holiday, so day 45 is Wed 6 Jan 2027.
    let mut a = sample();
    let outcome = p.section("outcome").unwrap();
    let reason = "Why the assessment took longer than 45 working days".to_owned();
    assert!(!Flow::new(&a, p, d("2027-01-06"))
        .missing(outcome)
        .contains(&reason));
    assert!(Flow::new(&a, p, d("2027-01-07"))
        .missing(outcome)
        .contains(&reason));
    set(&mut a, "dateCompleted", None, "2026-12-18");
    assert!(!Flow::new(&a, p, d("2027-02-01"))
        .missing(outcome)
        .contains(&reason));
}

#[test]
fn facts_come_from_the_answers_the_profile_names() {
    let p = find("signs-of-safety-2020").unwrap();
    let mut a = sample();
    a.start_date = Some(d("2026-11-02"));
    set(&mut a, "dateFirstVisited", None, "2026-11-03");
    let item = |date: &str| {
        BTreeMap::from([
            ("date".to_owned(), date.to_owned()),
            ("by".to_owned(), "Pat".to_owned()),
        ])
    };
    a.answers.insert(
        "reviewsHeld".into(),
        Answer::Items(vec![item("2026-12-07"), item("2026-11-16"), item("")]),
    );
    let f = Flow::new(&a, p, d("2026-12-08"));
    let facts = f.facts();
    assert_eq!(facts.first_visit, Some(d("2026-11-03")));
    assert_eq!(facts.reviews_held, vec![d("2026-11-16"), d("2026-12-07")]);
    assert_eq!(facts.completed, None);
    let next = timescales::next_due(&f.deadlines()).cloned().unwrap();
    assert_eq!(next.due, d("2026-12-14")); // third review, weekly after day 25
}

#[test]
fn pages_go_group_by_group_for_each_child_in_turn() {
    let p = find("signs-of-safety-2020").unwrap();
    let a = two_children();
    let f = Flow::new(&a, p, d("2026-11-10"));
    let child = p.section("child").unwrap();
    let pages = f.pages(child);
    assert_eq!(pages.len(), 4);
    assert_eq!(
        pages[1],
        Page {
            group: "voice".into(),
            child: Some(a.people[0].id.clone())
        }
    );
    assert_eq!(
        f.next_page(child, &pages[1]),
        Some(Page {
            group: "seen".into(),
            child: Some(a.people[2].id.clone())
        })
    );
    assert_eq!(f.next_page(child, &pages[3]), None);
    let planning = p.section("planning").unwrap();
    assert!(f.pages(planning).iter().all(|pg| pg.child.is_none()));
}

#[test]
fn the_task_list_has_the_common_sections_the_profiles_and_the_chronology() {
    for p in crate::procedure::built_in() {
        let a = sample();
        let list = Flow::new(&a, p, d("2026-11-10")).task_list();
        assert_eq!(list.len(), 3 + p.sections.len() + 1);
        assert_eq!(list[0].id, "details");
        assert_eq!(list.last().unwrap().id, CHRONOLOGY);
        assert!(!all_completed(&list));
    }
}
