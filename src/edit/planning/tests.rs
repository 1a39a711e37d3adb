use super::*;
use crate::edit::register::tests::demo_case;
use crate::edit::register::{impact, remove_person, Change};
use crate::model::safety_plan::{differences, Difference};
use crate::model::validity::problems;

fn counter() -> impl FnMut() -> [u8; 4] {
    let mut n = 0u8;
    move || {
        n += 1;
        [0x77, 0x77, 0x77, n]
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

#[test]
fn the_demonstration_case_has_two_rated_pairs_and_an_agreed_plan_changed_once() {
    let a = demo_case();
    assert_eq!(problems(&a), vec![]);
    assert_eq!(a.planning.pairs.len(), 2);
    for p in &a.planning.pairs {
        let s = pair_scale(&a, &p.id).unwrap();
        assert_eq!(s.history.len(), 3, "three meetings");
        assert_eq!(s.markers.len(), 4, "four raters");
    }
    assert_eq!(a.planning.plan.versions.len(), 2);
    assert_eq!(plan_status(&a), PlanStatus::AgreedAtConference);
    let diff = differences(&a.planning.plan.versions[0], &a.planning.plan.versions[1]);
    assert!(
        diff.iter()
            .any(|d| matches!(d, Difference::Changed { what, .. } if what == "The rule")),
        "{diff:?}"
    );
}

#[test]
fn a_pair_comes_with_its_scale_whose_ends_carry_its_words_and_goes_with_it() {
    let mut a = demo_case();
    let before = a.scales.len();
    let id = add_pair(&mut a, Vec::new(), "Sam", day(1), counter(), [9; 4]);
    assert_eq!(a.scales.len(), before + 1);
    assert_eq!(problems(&a), vec![]);
    let s = pair_scale(&a, &id).unwrap();
    assert_eq!(s.low_anchor, "The danger statement (not written yet)");
    edit_pair(&mut a, &id, |p| {
        p.danger.worry = "Dad drives after drinking with the children in the car.".into();
        p.goal.caregivers_will = "Dad never drives the children after a drink.".into();
    });
    let s = pair_scale(&a, &id).unwrap();
    assert_eq!(
        s.low_anchor,
        "Dad drives after drinking with the children in the car."
    );
    assert_eq!(
        s.high_anchor,
        "Dad never drives the children after a drink."
    );
    assert_eq!(a.scale_title(s), "Danger statement 3 and its safety goal");
    let rule = add_rule(&mut a, vec![id.clone()], counter());
    remove_pair(&mut a, &id);
    assert!(pair_scale(&a, &id).is_none());
    assert_eq!(a.scales.len(), before);
    assert!(a
        .planning
        .plan
        .rules
        .iter()
        .find(|r| r.id == rule)
        .unwrap()
        .answers
        .is_empty());
    assert_eq!(problems(&a), vec![]);
}

#[test]
fn the_plan_is_a_draft_while_its_words_differ_from_the_last_agreed_version() {
    let mut a = demo_case();
    a.planning = Default::default();
    a.scales
        .retain(|s| !matches!(s.kind, ScaleKind::Pair { .. }));
    assert_eq!(
        agree_plan(&mut a, day(1), PlanStatus::AgreedWithFamily),
        Err(NotAgreed::NoRules)
    );
    let r = add_rule(&mut a, Vec::new(), counter());
    edit_rule(&mut a, &r, |r| {
        r.rule = "A sober adult is always at home".into()
    });
    assert_eq!(plan_status(&a), PlanStatus::Draft);
    assert_eq!(
        agree_plan(&mut a, day(2), PlanStatus::Draft),
        Err(NotAgreed::NotAStatus)
    );
    a.planning.plan.immediate = true;
    assert_eq!(
        agree_plan(&mut a, day(2), PlanStatus::AgreedWithFamily),
        Ok(1)
    );
    assert_eq!(plan_status(&a), PlanStatus::AgreedWithFamily);
    assert_eq!(
        a.planning.plan.review_date,
        Some(day(9)),
        "an immediate plan is reviewed in 7 days"
    );
    edit_rule(&mut a, &r, |r| {
        r.rule = "A sober adult is always at home, day and night".into()
    });
    assert_eq!(plan_status(&a), PlanStatus::Draft, "changed since agreed");
    edit_rule(&mut a, &r, |r| {
        r.rule = "A sober adult is always at home".into()
    });
    assert_eq!(
        plan_status(&a),
        PlanStatus::AgreedWithFamily,
        "the change undone"
    );
    edit_rule(&mut a, &r, |r| {
        r.who = vec![PersonId::from_random([0xd0, 0xd0, 0xd0, 5])]
    });
    assert_eq!(
        agree_plan(&mut a, day(1), PlanStatus::AgreedAtConference),
        Err(NotAgreed::BeforeLastVersion)
    );
    assert_eq!(
        agree_plan(&mut a, day(5), PlanStatus::AgreedAtConference),
        Ok(2)
    );
    let v = &a.planning.plan.versions;
    assert_eq!(v[1].rules[0].who, vec!["Morgan Demo"]);
    assert_eq!(
        differences(&v[0], &v[1]).iter().map(Difference::words).collect::<Vec<_>>(),
        vec!["Who makes sure (\"A sober adult is always at home\") changed from \"nobody\" to \"Morgan Demo\""]
    );
    assert_eq!(problems(&a), vec![]);
}

#[test]
fn a_meeting_snapshots_every_scale_at_once() {
    let mut a = demo_case();
    let before: Vec<usize> = a.scales.iter().map(|s| s.history.len()).collect();
    record_meeting(&mut a, day(1), "  ");
    for (s, n) in a.scales.iter().zip(before) {
        assert_eq!(s.history.len(), n + 1);
        let last = s.history.last().unwrap();
        assert_eq!((last.date, last.label.as_str()), (day(1), "Meeting"));
        assert_eq!(last.markers, s.markers);
    }
}

#[test]
fn removing_someone_named_in_the_plan_keeps_the_agreed_words_and_says_so() {
    let mut a = demo_case();
    let morgan = PersonId::from_random([0xd0, 0xd0, 0xd0, 5]);
    let n = a.planning.rules_naming(&morgan);
    assert_eq!(n, 3);
    let words = impact(&a, &morgan, Change::Remove);
    assert!(
        words
            .iter()
            .any(|w| w.contains("3 rules of the safety plan")),
        "{words:?}"
    );
    remove_person(&mut a, &morgan).unwrap();
    assert_eq!(problems(&a), vec![]);
    assert_eq!(a.planning.rules_naming(&morgan), 0);
    assert!(a.planning.plan.versions[0].rules[0]
        .who
        .contains(&"Morgan Demo".to_owned()));
    assert_eq!(
        plan_status(&a),
        PlanStatus::Draft,
        "the plan's words changed"
    );
}

#[test]
fn a_child_who_leaves_the_assessment_leaves_the_statements_about_them() {
    let mut a = demo_case();
    let skye = PersonId::from_random([0xd0, 0xd0, 0xd0, 2]);
    assert!(a.planning.pairs[1].about.children.contains(&skye));
    let words = impact(&a, &skye, Change::Remove);
    assert!(
        words
            .iter()
            .any(|w| w.contains("1 harm or danger statement will no longer name")),
        "{words:?}"
    );
    remove_person(&mut a, &skye).unwrap();
    assert!(a.planning.pairs[1].about.children.is_empty());
    assert_eq!(problems(&a), vec![]);
}
