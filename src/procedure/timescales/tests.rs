//! Due dates checked against dates worked out by hand (each comment shows the count).

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn rules() -> TimescaleRules {
    TimescaleRules {
        max_working_days: 45,
        first_visit: Some(FirstVisit {
            section17: 5,
            section47: 1,
        }),
        initial_allocation_working_days: Some(15),
        reviews: Some(Reviews {
            first: 10,
            second: 25,
            then_every: 5,
        }),
        pre_birth_weeks_before_due_date: Some(4),
        first_visit_answer: "dateFirstVisited".into(),
        completed_answer: "dateCompleted".into(),
        reviews_answer: "reviewsHeld".into(),
    }
}

fn facts(basis: Basis, referral: &str) -> Facts {
    Facts {
        basis,
        referral: Some(d(referral)),
        start: Some(d(referral)),
        first_visit: None,
        reviews_held: vec![],
        completed: None,
    }
}

fn due(list: &[Deadline], kind: DeadlineKind) -> NaiveDate {
    list.iter()
        .find(|x| x.kind == kind)
        .unwrap_or_else(|| panic!("{kind:?} in {list:?}"))
        .due
}

#[test]
fn hand_checked_due_dates() {
    let today = d("2026-01-01");
    let cases: [(Basis, &str, DeadlineKind, &str); 13] = [
        // 1. s17 from Mon 2 Nov 2026: Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 = day 5.
        (
            Basis::Section17,
            "2026-11-02",
            DeadlineKind::FirstVisit,
            "2026-11-09",
        ),
        // 2. s47 from Fri 27 Nov 2026: the weekend is skipped, Mon 30 = day 1.
        (
            Basis::Section47,
            "2026-11-27",
            DeadlineKind::FirstVisit,
            "2026-11-30",
        ),
        // 3. 45 days from Mon 2 Nov 2026: 20 in Nov, 18 in Dec (25th and 28th are holidays),
        //    1 Jan is a holiday, then Mon 4 to Thu 7 Jan 2027 = day 45.
        (
            Basis::Section17,
            "2026-11-02",
            DeadlineKind::Completion,
            "2027-01-07",
        ),
        // 4. s17 from Mon 21 Dec 2026 across Christmas: 22, 23, 24, (25, 28 holidays), 29, 30.
        (
            Basis::Section17,
            "2026-12-21",
            DeadlineKind::FirstVisit,
            "2026-12-30",
        ),
        // 5. s47 from Thu 2 Apr 2026 across Easter: Good Friday 3rd, Easter Monday 6th, so Tue 7.
        (
            Basis::Section47,
            "2026-04-02",
            DeadlineKind::FirstVisit,
            "2026-04-07",
        ),
        // 6. s17 from Wed 24 Mar 2027: Thu 25, (26 and 29 Easter), 30, 31, 1 Apr, Fri 2 Apr.
        (
            Basis::Section17,
            "2027-03-24",
            DeadlineKind::FirstVisit,
            "2027-04-02",
        ),
        // 7. First review from Mon 2 Nov 2026: 3-6 (4), 9-13 (9), Mon 16 = day 10.
        (
            Basis::Section17,
            "2026-11-02",
            DeadlineKind::Review(1),
            "2026-11-16",
        ),
        // 8. Initial allocation from Mon 2 Nov 2026: day 15 = Mon 23 Nov.
        (
            Basis::Section17,
            "2026-11-02",
            DeadlineKind::InitialAllocation,
            "2026-11-23",
        ),
        // 9. s17 from Thu 23 Dec 2027: Fri 24, (27, 28 substitutes), 29, 30, 31, (3 Jan substitute), Tue 4 Jan 2028.
        (
            Basis::Section17,
            "2027-12-23",
            DeadlineKind::FirstVisit,
            "2028-01-04",
        ),
        // 10. s17 from Thu 21 May 2026: Fri 22, (Mon 25 Spring bank holiday), 26, 27, 28, Fri 29.
        (
            Basis::Section17,
            "2026-05-21",
            DeadlineKind::FirstVisit,
            "2026-05-29",
        ),
        // 11. s47 from Saturday 28 Nov 2026: day 0 is the Saturday, day 1 is Mon 30.
        (
            Basis::Section47,
            "2026-11-28",
            DeadlineKind::FirstVisit,
            "2026-11-30",
        ),
        // 12. 45 days from Wed 1 Apr 2026: Easter (3, 6 Apr), Early May (4 May) and Spring (25 May)
        //     holidays skipped: Tue 9 Jun 2026.
        (
            Basis::Section17,
            "2026-04-01",
            DeadlineKind::Completion,
            "2026-06-09",
        ),
        // 13. Pre-birth due Mon 1 Mar 2027: complete by Mon 1 Feb 2027 (4 calendar weeks before).
        (
            Basis::PreBirth {
                due_date: Some(d("2027-03-01")),
            },
            "2026-12-01",
            DeadlineKind::PreBirthCompletion,
            "2027-02-01",
        ),
    ];
    for (i, (basis, referral, kind, expected)) in cases.into_iter().enumerate() {
        let list = deadlines(&rules(), &facts(basis, referral), today);
        assert_eq!(due(&list, kind), d(expected), "case {}", i + 1);
    }
}

#[test]
fn every_review_is_planned_from_the_first_day_to_the_end_of_the_assessment() {
    // Start (and referral) Mon 2 Nov 2026; 45 working days end on Thu 7 Jan 2027.
    let f = facts(Basis::Section17, "2026-11-02");
    let list = deadlines(&rules(), &f, d("2026-11-02"));
    let reviews: Vec<NaiveDate> = list
        .iter()
        .filter(|x| matches!(x.kind, DeadlineKind::Review(_)))
        .map(|x| x.due)
        .collect();
    // Hand-counted: day 10 Mon 16 Nov; day 25 Mon 7 Dec; weekly: day 30 Mon 14 Dec, day 35
    // Mon 21 Dec, day 40 Wed 30 Dec (25 and 28 Dec are bank holidays), day 45 Thu 7 Jan
    // (1 Jan is a bank holiday).
    assert_eq!(
        reviews,
        [
            "2026-11-16",
            "2026-12-07",
            "2026-12-14",
            "2026-12-21",
            "2026-12-30",
            "2027-01-07"
        ]
        .map(d)
    );
    assert!(list
        .iter()
        .filter(|x| matches!(x.kind, DeadlineKind::Review(_)))
        .all(|x| x.state == DueState::Upcoming));
}

#[test]
fn reviews_follow_10_then_25_then_weekly_as_each_is_held() {
    let mut f = facts(Basis::Section17, "2026-11-02");
    let today = d("2026-11-20");
    let list = deadlines(&rules(), &f, today);
    assert_eq!(due(&list, DeadlineKind::Review(1)), d("2026-11-16"));
    assert_eq!(
        due(&list, DeadlineKind::Review(2)),
        d("2026-12-07"),
        "planned ahead"
    );
    assert_eq!(
        list.iter()
            .find(|x| x.kind == DeadlineKind::Review(1))
            .unwrap()
            .state,
        DueState::Overdue
    );

    f.reviews_held = vec![d("2026-11-16")];
    let list = deadlines(&rules(), &f, today);
    assert_eq!(due(&list, DeadlineKind::Review(2)), d("2026-12-07")); // day 25
    f.reviews_held.push(d("2026-12-07"));
    let list = deadlines(&rules(), &f, today);
    assert_eq!(due(&list, DeadlineKind::Review(3)), d("2026-12-14")); // day 30: weekly after
    f.reviews_held.push(d("2026-12-15"));
    let list = deadlines(&rules(), &f, today);
    assert_eq!(
        list.iter()
            .find(|x| x.kind == DeadlineKind::Review(3))
            .unwrap()
            .state,
        DueState::Done {
            on: d("2026-12-15"),
            late: true
        }
    );
    assert_eq!(due(&list, DeadlineKind::Review(4)), d("2026-12-21")); // day 35
}

#[test]
fn states_on_the_day_and_after() {
    let f = facts(Basis::Section47, "2026-11-27");
    let on = deadlines(&rules(), &f, d("2026-11-30"));
    assert_eq!(
        on.iter()
            .find(|x| x.kind == DeadlineKind::FirstVisit)
            .unwrap()
            .state,
        DueState::DueToday
    );
    let after = deadlines(&rules(), &f, d("2026-12-01"));
    assert_eq!(
        after
            .iter()
            .find(|x| x.kind == DeadlineKind::FirstVisit)
            .unwrap()
            .state,
        DueState::Overdue
    );
    assert!(overdue_count(&after) >= 1);
    let mut done = f.clone();
    done.first_visit = Some(d("2026-11-27"));
    let list = deadlines(&rules(), &done, d("2026-12-01"));
    assert_eq!(
        list.iter()
            .find(|x| x.kind == DeadlineKind::FirstVisit)
            .unwrap()
            .state,
        DueState::Done {
            on: d("2026-11-27"),
            late: false
        }
    );
    assert_eq!(next_due(&list).unwrap().kind, DeadlineKind::Review(1));
}

#[test]
fn over_the_maximum_is_detected_before_and_after_completion() {
    let mut f = facts(Basis::Section17, "2026-11-02");
    assert!(!over_max(&rules(), &f, d("2027-01-07")));
    assert!(over_max(&rules(), &f, d("2027-01-08")));
    f.completed = Some(d("2027-01-06"));
    assert!(!over_max(&rules(), &f, d("2027-03-01")));
    f.completed = Some(d("2027-01-11"));
    assert!(over_max(&rules(), &f, d("2027-03-01")));
}

#[test]
fn profiles_without_a_rule_show_no_such_deadline() {
    let mut r = rules();
    r.first_visit = None;
    r.reviews = None;
    r.initial_allocation_working_days = None;
    let list = deadlines(&r, &facts(Basis::Section47, "2026-11-02"), d("2026-11-02"));
    assert_eq!(
        list.iter().map(|x| x.kind).collect::<Vec<_>>(),
        vec![DeadlineKind::Completion]
    );
    let none = Facts {
        referral: None,
        start: None,
        ..facts(Basis::Section17, "2026-11-02")
    };
    assert!(deadlines(&rules(), &none, d("2026-11-02")).is_empty());
}
