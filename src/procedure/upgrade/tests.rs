//! The native test: a second version of the worked example with one question removed
//! and one added; an assessment moved to it loses no answer.

use super::*;
use crate::exchange::{export_json, import_json, ImportError};
use crate::model::{AssessmentId, AssessmentType};
use crate::procedure::registry::{self, tests::example_with};
use chrono::{TimeZone, Utc};

/// Version 2: "widerFamily" gone from the family page, "familyMeetingOffered" added to it.
fn version_2() -> (Profile, String) {
    example_with(|v| {
        v["version"] = 2.into();
        v["published"] = "2027-01-15".into();
        let family = v["sections"][0]["groups"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|g| g["id"] == "family")
            .unwrap();
        let qs = family["questions"].as_array_mut().unwrap();
        qs.retain(|q| q["id"] != "widerFamily");
        qs.push(serde_json::json!({
            "id": "familyMeetingOffered",
            "label": "Has a family network meeting been offered?",
            "kind": "yesNo"
        }));
    })
}

fn started_under_v1() -> Assessment {
    let (v1, text) = example_with(|_| {});
    let v1 = registry::register(v1, text, false);
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
    let mut a = crate::procedure::start(
        v1,
        AssessmentId::from_random([7; 8]),
        now,
        AssessmentType::Section17,
    );
    for (q, text) in [
        (
            "aimsStatement",
            "To understand what life is like for the children.",
        ),
        ("fathersIncluded", "yes"),
        (
            "widerFamily",
            "Grandmother Ada Fictional lives nearby and helps most days.",
        ),
    ] {
        a.answers.insert(q.into(), Answer::Text(text.into()));
    }
    a.answers
        .insert("outsideHomeRisks".into(), Answer::Choices(vec![]));
    crate::model::validity::check(&a).unwrap();
    a
}

#[test]
fn moving_to_a_version_without_a_question_keeps_its_answer_as_an_earlier_one() {
    let mut a = started_under_v1();
    let before = a.answers.clone();
    let v1 = crate::procedure::of(&a).unwrap();
    assert_eq!(v1.version, 1);
    let (v2, text2) = version_2();
    let v2 = registry::register(v2, text2, false);
    assert_eq!(
        registry::newer_offered(&a.profile, a.profile_version),
        Some(v2)
    );

    // said first: the answer the new version has no question for
    let behind = left_behind(&a, v1, v2);
    assert_eq!(behind.len(), 1);
    assert_eq!(behind[0].key, "widerFamily");
    assert_eq!(behind[0].label(), v1.question("widerFamily").unwrap().label);
    assert!(earlier_answers(&a, v1).is_empty());

    move_to(&mut a, v2);
    assert_eq!((a.profile_version, &a.profile_hash), (2, &v2.hash));
    assert_eq!(a.answers, before, "no answer is lost");
    crate::model::validity::check(&a).unwrap();
    assert!(std::ptr::eq(crate::procedure::of(&a).unwrap(), v2));

    // shown as from the earlier version, with its question's words from version 1
    let earlier = earlier_answers(&a, v2);
    assert_eq!(earlier.len(), 1);
    assert_eq!(
        earlier[0].label(),
        v1.question("widerFamily").unwrap().label
    );
    assert_eq!(
        crate::report::words::earlier_answer_words(&earlier[0]),
        ["Grandmother Ada Fictional lives nearby and helps most days."]
    );
    // the new question is asked on the family page
    let flow = crate::flow::Flow::new(
        &a,
        v2,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
    );
    let planning = v2.section("planning").unwrap();
    assert!(flow.is_visible(planning, v2.question("familyMeetingOffered").unwrap(), None));
}

#[test]
fn an_export_carries_a_loaded_profile_and_an_import_offers_it_to_a_device_without_it() {
    let mut a = started_under_v1();
    let (v2, text2) = version_2();
    let v2 = registry::register(v2, text2, false);
    move_to(&mut a, v2);
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
    let file = export_json(&a, now, "0.8.0");
    let value: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value["procedureProfile"]["version"], 2);
    assert_eq!(value["assessment"]["profileVersion"], 2);

    // this device has it: nothing to add
    let here = import_json(&file, crate::procedure::known_hash).unwrap();
    assert_eq!(here.assessment, a);
    assert!(here.profile_to_add.is_none());

    // a device with neither version: the carried profile is offered, checked and whole
    let elsewhere = |id: &str, v: u32| {
        crate::procedure::built_in()
            .iter()
            .find(|p| p.id == id && p.version == v)
            .map(|p| p.hash.clone())
    };
    let got = import_json(&file, elsewhere).unwrap();
    assert_eq!(got.assessment, a);
    let add = got.profile_to_add.unwrap();
    assert_eq!((add.profile.version, &add.profile.hash), (2, &v2.hash));
    assert_eq!(&add.profile, v2);

    // a carried profile that is not the one followed, or broken, is refused with the reason
    let mut other = value.clone();
    other["procedureProfile"]["version"] = 3.into();
    let e = import_json(&other.to_string(), elsewhere).unwrap_err();
    assert!(
        matches!(&e, ImportError::CarriedProfile { reason } if reason.contains("version 3")),
        "{e}"
    );
    let mut broken = value.clone();
    broken["procedureProfile"]["sections"][0]["groups"][0]["questions"][0]["showIf"] =
        serde_json::json!({"answer": {"question": "aimsStatement", "isOneOf": ["x"]}});
    let e = import_json(&broken.to_string(), elsewhere).unwrap_err();
    assert!(
        matches!(&e, ImportError::CarriedProfile { reason } if reason.contains("sections[0].groups[0].questions[0].showIf")),
        "{e}"
    );
    // without the profile, a device that does not have it says which it needs
    let mut bare = value;
    bare.as_object_mut().unwrap().remove("procedureProfile");
    let e = import_json(&bare.to_string(), elsewhere).unwrap_err();
    assert_eq!(
        e,
        ImportError::UnknownProfile {
            id: "northmere-2026".into(),
            version: 2
        }
    );
}

#[test]
fn a_loaded_profile_is_held_to_its_hash_and_a_carried_one_may_not_take_a_built_in_id() {
    let a = started_under_v1();
    let now = Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
    let file = export_json(&a, now, "0.8.0");
    // this device's version 1 has other content than the file was written under
    let other = |_: &str, _: u32| Some("1".repeat(64));
    assert_eq!(
        import_json(&file, other).unwrap_err(),
        ImportError::ProfileDiffers {
            id: "northmere-2026".into(),
            version: 1
        }
    );
    // a carried profile under a built-in's id is refused, as loading it would be
    let mut v: serde_json::Value = serde_json::from_str(&file).unwrap();
    v["procedureProfile"]["id"] = "signs-of-safety-2020".into();
    v["procedureProfile"]["version"] = 2.into();
    v["assessment"]["profile"] = "signs-of-safety-2020".into();
    v["assessment"]["profileVersion"] = 2.into();
    v["assessment"]["profileHash"] = "".into();
    let e = import_json(&v.to_string(), crate::procedure::known_hash).unwrap_err();
    assert!(
        matches!(&e, ImportError::CarriedProfile { reason } if reason.contains("built-in")),
        "{e}"
    );
}
