//! Native tests of the built-in profiles and of profile checking.

use super::profile::{check, QuestionKind};
use super::*;
use serde_json::{json, Value};

fn raw(i: usize) -> Value {
    serde_json::from_str(BUILT_IN[i]).unwrap()
}

fn problems_after(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut v = raw(0);
    edit(&mut v);
    match parse_profile(&v.to_string()) {
        Ok(_) => vec![],
        Err(ProfileError::Invalid(p)) => p
            .into_iter()
            .map(|p| format!("{}: {}", p.at, p.problem))
            .collect(),
        Err(ProfileError::Malformed(m)) => vec![format!("malformed: {m}")],
    }
}

#[test]
fn both_built_in_profiles_parse_and_pass_every_check() {
    let all = built_in();
    assert_eq!(all.len(), 2);
    for p in all {
        assert_eq!(check(p), vec![], "{}", p.id);
    }
    assert_ne!(all[0].id, all[1].id);
    assert!(find("assessments-2024").is_some());
    assert!(find("nope").is_none());
}

#[test]
fn the_signs_of_safety_profile_has_its_mapping_genogram_and_timescales() {
    let p = find("signs-of-safety-2020").unwrap();
    let sos = p
        .section("signs-of-safety")
        .expect("Signs of Safety mapping");
    let ids: Vec<&str> = sos.questions().map(|q| q.id.as_str()).collect();
    for id in [
        "pastHarm",
        "dangerStatements",
        "complicatingFactors",
        "existingStrengths",
        "existingSafety",
        "safetyGoals",
        "familyGoals",
        "nextSteps",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    let family = p.section("family-network").unwrap();
    assert!(family
        .questions()
        .any(|q| q.id == "genogramDone" && q.required));
    assert_eq!(
        p.timescales.first_visit.map(|f| (f.section17, f.section47)),
        Some((5, 1))
    );
    assert_eq!(
        p.timescales
            .reviews
            .map(|r| (r.first, r.second, r.then_every)),
        Some((10, 25, 5))
    );
}

#[test]
fn the_2024_profile_differs_where_its_chapter_does() {
    let p = find("assessments-2024").unwrap();
    assert!(p.section("signs-of-safety").is_none());
    let outcomes = p
        .section("outcome")
        .unwrap()
        .questions()
        .find(|q| q.id == "outcomes")
        .unwrap();
    assert!(outcomes.options.iter().any(|o| o.value == "specialist"));
    assert!(p
        .section("planning")
        .unwrap()
        .questions()
        .any(|q| q.id == "policeNotified"));
    assert!(p.timescales.first_visit.is_none());
    let other = find("signs-of-safety-2020").unwrap();
    let their_outcomes = other
        .section("outcome")
        .unwrap()
        .questions()
        .find(|q| q.id == "outcomes")
        .unwrap();
    assert!(!their_outcomes
        .options
        .iter()
        .any(|o| o.value == "specialist"));
}

#[test]
fn both_profiles_cover_what_every_assessment_records() {
    for p in built_in() {
        let all: Vec<_> = p.sections.iter().flat_map(|s| s.questions()).collect();
        let has = |id: &str| all.iter().any(|q| q.id == id);
        for id in [
            "consentAuthorisedBy",
            "noInterpreterApprovedBy",
            "seenAlone",
            "notSeenAloneReason",
            "wishesAndFeelings",
            "livedExperience",
            "fathersIncluded",
            "professionalDisagreement",
            "worries",
            "engagement",
            "balanceOfProbability",
            "nrmConcern",
            "childInNeed",
            "significantHarm",
            "accommodation",
            "outcomes",
            "notSharedReason",
            "overMaxReason",
            "reviewsHeld",
            "dateCompleted",
        ] {
            assert!(has(id), "{} lacks {id}", p.id);
        }
        assert!(
            p.section("child").unwrap().per_child,
            "each child is answered separately"
        );
        assert!(p.section("triangle").unwrap().per_child);
        let worries = all.iter().find(|q| q.id == "worries").unwrap();
        assert_eq!(worries.kind, QuestionKind::List);
        let severity = worries.fields.iter().find(|f| f.id == "severity").unwrap();
        assert_eq!(severity.values(), ["low", "moderate", "high"]);
    }
}

#[test]
fn checks_catch_what_would_break_the_flow() {
    assert!(problems_after(|v| v["id"] = json!("has spaces"))[0].starts_with("id:"));
    let p = problems_after(|v| v["sections"][1]["id"] = json!("planning"));
    assert!(
        p.iter().any(|m| m.contains("section id is used twice")),
        "{p:?}"
    );
    let p = problems_after(|v| v["sections"][0]["id"] = json!("children"));
    assert!(
        p.iter().any(|m| m.contains("used by the app itself")),
        "{p:?}"
    );
    let p = problems_after(|v| {
        let q = v["sections"][0]["groups"][0]["questions"][0].clone();
        v["sections"][1]["groups"][0]["questions"]
            .as_array_mut()
            .unwrap()
            .push(q);
    });
    assert!(
        p.iter().any(|m| m.contains("unique in the profile")),
        "{p:?}"
    );
    let p = problems_after(|v| {
        v["sections"][1]["groups"][0]["questions"][1]["showIf"]["answer"]["question"] =
            json!("nowhere")
    });
    assert!(
        p.iter().any(|m| m.contains("not earlier in this section")),
        "{p:?}"
    );
    let p = problems_after(|v| {
        v["sections"][1]["groups"][0]["questions"][1]["showIf"]["answer"]["isOneOf"] =
            json!(["maybe"])
    });
    assert!(p.iter().any(|m| m.contains("does not offer")), "{p:?}");
    let p = problems_after(|v| v["timescales"]["completedAnswer"] = json!("missing"));
    assert!(
        p.iter().any(|m| m.contains("timescales.completedAnswer")),
        "{p:?}"
    );
    let p = problems_after(|v| v["timescales"]["maxWorkingDays"] = json!(0));
    assert!(p.iter().any(|m| m.contains("more than 0")), "{p:?}");
    let p = problems_after(|v| {
        v["sections"][0]["groups"][3]["questions"][0]["options"] =
            json!([{"value": "only", "label": "Only"}])
    });
    assert!(
        p.iter().any(|m| m.contains("at least two options")),
        "{p:?}"
    );
    let p =
        problems_after(|v| v["sections"][0]["groups"][0]["questions"][0]["kind"] = json!("essay"));
    assert!(p[0].starts_with("malformed"), "{p:?}");
    let p = problems_after(|v| v["sections"][0]["groups"] = json!([]));
    assert!(p.iter().any(|m| m.contains("at least one group")), "{p:?}");
}
