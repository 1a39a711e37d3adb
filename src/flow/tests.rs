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
            // The languages are asked whether or not an interpreter is used.
            "Which languages do the child and the family speak, and who speaks which?".to_owned(),
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
        // Sections for pre-birth assessments and for 16 and 17 year olds do not apply here.
        let applying = p.sections.iter().filter(|s| s.show_if.is_none()).count();
        assert_eq!(list.len(), 3 + applying + 1);
        assert!(list.iter().all(|s| s.id != "pre-birth"));
        assert_eq!(list[0].id, "details");
        assert_eq!(list.last().unwrap().id, CHRONOLOGY);
        assert!(!all_completed(&list));
    }
}

#[test]
fn an_unborn_baby_is_not_asked_whether_they_were_seen_but_how_the_birth_is_planned() {
    for p in crate::procedure::built_in() {
        let mut a = sample();
        a.profile = p.id.clone();
        a.assessment_type = AssessmentType::PreBirth {
            expected_delivery_date: Some(d("2027-03-01")),
        };
        a.people[0].life = Life::Pregnancy;
        a.people[0].date_of_birth = None;
        let f = Flow::new(&a, p, d("2026-11-10"));
        let child = p.section("child").unwrap();
        let missing = f.missing(child);
        assert!(
            missing
                .iter()
                .all(|m| !m.starts_with("Has the child been seen")),
            "{missing:?}"
        );
        assert!(missing
            .iter()
            .all(|m| !m.starts_with("The child's wishes and feelings")));
        assert!(
            missing
                .iter()
                .any(|m| m.starts_with("The plan for the birth")),
            "{missing:?}"
        );
        let groups: Vec<String> = f.pages(child).into_iter().map(|pg| pg.group).collect();
        assert_eq!(groups, ["unborn"], "{}", p.id);
        // The pre-birth steps apply, and ask for the disclosure to the parents.
        let pre = p.section("pre-birth").unwrap();
        assert!(f.applies(pre));
        assert!(f
            .missing(pre)
            .iter()
            .any(|m| m.contains("disclosed to the parents")));
        assert!(f.task_list().iter().any(|s| s.id == "pre-birth"));
        // A born child is asked as before, and nothing about the birth.
        a.people[0].life = Life::Living;
        a.assessment_type = AssessmentType::Section17;
        let f = Flow::new(&a, p, d("2026-11-10"));
        let groups: Vec<String> = f.pages(child).into_iter().map(|pg| pg.group).collect();
        assert_eq!(groups, ["seen", "voice"]);
        assert!(!f.applies(pre));
    }
}

#[test]
fn the_2024_chapter_asks_about_homelessness_only_for_16_and_17_year_olds() {
    let p = find("assessments-2024").unwrap();
    let mut a = two_children();
    a.profile = p.id.clone();
    a.start_date = Some(d("2026-11-02"));
    a.people[0].date_of_birth = Some(d("2010-01-01")); // 16
    a.people[2].date_of_birth = Some(d("2016-01-01")); // 10
    let f = Flow::new(&a, p, d("2026-11-10"));
    let section = p.section("young-people").unwrap();
    assert!(f.applies(section));
    let pages = f.pages(section);
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].child.as_ref(), Some(&a.people[0].id));
    let young = a.people[0].id.clone();
    set(&mut a, "homelessness", Some(&young), "threatened");
    let f = Flow::new(&a, p, d("2026-11-10"));
    let missing = f.missing(section);
    assert!(missing
        .iter()
        .any(|m| m.starts_with("Accommodation under section 20")));
    assert!(missing.iter().any(|m| m.contains("duty to refer")));
    a.people[0].date_of_birth = Some(d("2012-01-01"));
    assert!(!Flow::new(&a, p, d("2026-11-10")).applies(section));
}

#[test]
fn a_done_date_after_today_is_refused_and_does_not_count_as_done() {
    let p = find("signs-of-safety-2020").unwrap();
    let mut a = sample();
    a.start_date = Some(d("2026-11-02"));
    let today = d("2026-12-01");
    let f = Flow::new(&a, p, today);
    let completed = p
        .section("outcome")
        .unwrap()
        .questions()
        .find(|q| q.id == "dateCompleted")
        .unwrap();
    assert!(f.refuse_date(completed, d("2026-12-01")).is_none());
    assert_eq!(
        f.refuse_date(completed, d("2027-01-06")).unwrap(),
        "Date the assessment was completed must be today or in the past: it records something that has happened"
    );
    let reviews = p
        .section("review")
        .unwrap()
        .questions()
        .find(|q| q.id == "reviewsHeld")
        .unwrap();
    let review_date = reviews.fields.iter().find(|f| f.id == "date").unwrap();
    assert!(f
        .refuse_date(review_date, d("2027-01-06"))
        .unwrap()
        .starts_with("Date of the review must be today"));
    // A stored future review (from before this rule) is not "done", nor is the allocation.
    let mut item = BTreeMap::new();
    item.insert("date".to_owned(), "2027-01-06".to_owned());
    a.answers
        .insert("reviewsHeld".into(), Answer::Items(vec![item]));
    let f = Flow::new(&a, p, today);
    assert!(f.facts().reviews_held.is_empty());
    assert!(f
        .deadlines()
        .iter()
        .all(|x| !matches!(x.state, crate::procedure::timescales::DueState::Done { .. })));
}

#[test]
fn deadlines_past_the_bank_holiday_table_are_flagged() {
    let p = find("signs-of-safety-2020").unwrap();
    let mut a = sample();
    a.referral_date = Some(d("2026-11-02"));
    assert_eq!(Flow::new(&a, p, d("2026-11-10")).calendar_warning(), None);
    a.referral_date = Some(d("2030-12-02"));
    a.start_date = Some(d("2030-12-02"));
    let warning = Flow::new(&a, p, d("2030-12-02"))
        .calendar_warning()
        .unwrap();
    assert!(
        warning.starts_with("Timescales after 2030 do not count bank holidays yet"),
        "{warning}"
    );
}

#[test]
fn every_numbered_section_of_each_chapter_is_asked_or_said_to_be_left_out() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/");
    let chapters = [
        (
            "signs-of-safety-2020",
            "medway-child-and-family-assessment-2020.txt",
        ),
        ("assessments-2024", "assessments-procedure-2024.txt"),
    ];
    for (id, file) in chapters {
        let text = std::fs::read_to_string(format!("{seeds}{file}"))
            .unwrap_or_else(|e| panic!("the chapter {file} should be in ../shared/seeds: {e}"));
        let numbers: Vec<String> = text
            .lines()
            .filter_map(|l| {
                let (n, rest) = l.split_once(". ")?;
                (n.parse::<u32>().is_ok() && !rest.is_empty()).then(|| format!("\u{a7}{n}"))
            })
            .collect();
        assert!(numbers.len() >= 15, "{file}: {numbers:?}");
        let p = find(id).unwrap();
        let mut refs: Vec<String> = p.not_asked.iter().map(|n| n.reference.clone()).collect();
        for s in &p.sections {
            refs.push(s.reference.clone());
            refs.extend(s.groups.iter().map(|g| g.reference.clone()));
        }
        let named = |n: &String| {
            refs.iter().any(|r| {
                r.split([',', ' ', '/'])
                    .any(|part| part == n || part.starts_with(&format!("{n}.")))
            })
        };
        let missing: Vec<&String> = numbers.iter().filter(|n| !named(n)).collect();
        assert!(
            missing.is_empty(),
            "{id} leaves out {missing:?} of its chapter"
        );
    }
}

#[test]
fn due_this_week_is_what_is_overdue_or_due_in_five_working_days() {
    let p = find("signs-of-safety-2020").unwrap();
    let mut a = sample();
    a.referral_date = Some(d("2026-11-02"));
    a.start_date = Some(d("2026-11-02"));
    // Tuesday 17 Nov: the first visit (due 9 Nov) and the first review (16 Nov) are overdue;
    // the allocation review (23 Nov, day 15) is within five working days; the second review
    // (7 Dec) is not.
    let f = Flow::new(&a, p, d("2026-11-17"));
    let due: Vec<(NaiveDate, bool)> = f
        .due_within(5)
        .into_iter()
        .map(|x| {
            (
                x.due,
                x.state == crate::procedure::timescales::DueState::Overdue,
            )
        })
        .collect();
    assert_eq!(
        due,
        vec![
            (d("2026-11-09"), true),
            (d("2026-11-16"), true),
            (d("2026-11-23"), false)
        ]
    );
    set(&mut a, "dateFirstVisited", None, "2026-11-05");
    let f = Flow::new(&a, p, d("2026-11-17"));
    assert_eq!(f.due_within(5).len(), 2, "a visit done is not due");
}
