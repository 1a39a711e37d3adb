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
        Err(e) => vec![format!("malformed: {e}")],
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

/// The worked example of `docs/writing-a-profile.md`, a fictional council's chapter.
const EXAMPLE: &str = include_str!("../../docs/profiles/northmere-2026.json");

/// The first section of a profile's JSON answered per child.
fn per_child_section(v: &mut Value) -> &mut Value {
    v["sections"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["perChild"] == json!(true))
        .expect("a per-child section")
}

#[test]
fn the_worked_example_in_the_guide_passes_every_check_and_uses_every_element() {
    let p = parse_profile(EXAMPLE).expect("the worked example passes every check");
    let questions: Vec<&profile::QuestionDef> =
        p.sections.iter().flat_map(|s| s.questions()).collect();
    for kind in [
        QuestionKind::Text,
        QuestionKind::LongText,
        QuestionKind::YesNo,
        QuestionKind::Choice,
        QuestionKind::Multi,
        QuestionKind::Date,
        QuestionKind::List,
    ] {
        assert!(questions.iter().any(|q| q.kind == kind), "{kind:?}");
    }
    use profile::Condition as C;
    let conditions: Vec<&C> = questions
        .iter()
        .filter_map(|q| q.show_if.as_ref())
        .collect();
    assert!(conditions.iter().any(|c| matches!(c, C::Answer { .. })));
    assert!(conditions
        .iter()
        .any(|c| matches!(c, C::OverMaxWorkingDays)));
    assert!(conditions
        .iter()
        .any(|c| matches!(c, C::AssessmentType { .. })));
    assert!(conditions.iter().any(|c| matches!(c, C::ChildUnborn(_))));
    assert!(conditions.iter().any(|c| matches!(c, C::ChildAged { .. })));
    assert!(p.sections.iter().any(|s| s.per_child));
    assert!(p.sections.iter().any(|s| s.show_if.is_some()));
    assert!(p
        .sections
        .iter()
        .flat_map(|s| &s.groups)
        .any(|g| !g.tools.is_empty() && !g.help.is_empty()));
    assert!(questions.iter().any(|q| q.not_in_future));
    assert!(!p.not_asked.is_empty());
    // Every numbered section of its chapter (§1 to §8) is asked about or said not to be.
    let named: String = p
        .sections
        .iter()
        .flat_map(|s| {
            std::iter::once(s.reference.as_str())
                .chain(s.groups.iter().map(|g| g.reference.as_str()))
        })
        .chain(p.not_asked.iter().map(|n| n.reference.as_str()))
        .collect::<Vec<_>>()
        .join(" ");
    for n in 1..=8 {
        assert!(named.contains(&format!("§{n}")), "§{n} in {named}");
    }
    // It is not one of the built-in profiles.
    assert!(find(&p.id).is_none());
}

#[test]
fn the_timescales_name_a_date_for_the_visit_and_completion_and_a_dated_list_for_reviews() {
    let completed = raw(0)["timescales"]["completedAnswer"]
        .as_str()
        .unwrap()
        .to_owned();
    // A date question is required where a date is recorded.
    let p = problems_after(|v| {
        v["timescales"]["completedAnswer"] = v["timescales"]["reviewsAnswer"].clone();
    });
    assert!(
        p.iter().any(|m| m.starts_with("timescales.completedAnswer")
            && m.contains("must be a date question")),
        "{p:?}"
    );
    // Reviews: a list whose items have a date.
    let p = problems_after(|v| v["timescales"]["reviewsAnswer"] = json!(completed));
    assert!(
        p.iter()
            .any(|m| m.starts_with("timescales.reviewsAnswer") && m.contains("date field")),
        "{p:?}"
    );
    // None of them answered per child: the timescales need one answer.
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    per_child_section(&mut v)["groups"][0]["questions"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "visitedThisChild", "label": "Date this child was first seen", "kind": "date" }));
    v["timescales"]["firstVisitAnswer"] = json!("visitedThisChild");
    let Err(ProfileError::Invalid(problems)) = parse_profile(&v.to_string()) else {
        panic!("a per-child date is refused")
    };
    assert!(
        problems
            .iter()
            .any(|p| p.at == "timescales.firstVisitAnswer" && p.problem.contains("per child")),
        "{problems:?}"
    );
}

#[test]
fn a_section_condition_is_checked_as_a_question_condition_is_and_a_list_field_date_rule_too() {
    let p = problems_after(|v| {
        v["sections"][0]["showIf"] = json!({ "assessmentType": { "isOneOf": ["section20"] } })
    });
    assert!(
        p.iter()
            .any(|m| m.contains("assessment type the app does not have")),
        "{p:?}"
    );
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    per_child_section(&mut v)["showIf"] = json!({ "childAged": { "min": 12, "max": 3 } });
    let Err(ProfileError::Invalid(problems)) = parse_profile(&v.to_string()) else {
        panic!("an age range the wrong way round is refused on a section")
    };
    assert!(
        problems
            .iter()
            .any(|p| p.problem.contains("wrong way round")),
        "{problems:?}"
    );
    // notInFuture on a list's text field.
    let p = problems_after(|v| {
        let reviews = v["timescales"]["reviewsAnswer"]
            .as_str()
            .unwrap()
            .to_owned();
        for s in v["sections"].as_array_mut().unwrap() {
            for g in s["groups"].as_array_mut().unwrap() {
                for q in g["questions"].as_array_mut().unwrap() {
                    if q["id"] == json!(reviews) {
                        let f = q["fields"]
                            .as_array_mut()
                            .unwrap()
                            .iter_mut()
                            .find(|f| f["kind"] != json!("date"))
                            .unwrap();
                        f["notInFuture"] = json!(true);
                    }
                }
            }
        }
    });
    assert!(
        p.iter()
            .any(|m| m.contains("only dates can be refused in the future")),
        "{p:?}"
    );
}

#[test]
fn a_profile_file_that_is_not_json_says_the_line_and_column_and_a_huge_one_is_refused() {
    let cut = &EXAMPLE[..EXAMPLE.len() / 2];
    let Err(ProfileError::Malformed { line, column, .. }) = parse_profile(cut) else {
        panic!("a cut-short file is malformed")
    };
    assert!(line > 1, "line {line}, column {column}");
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["sections"][0]["colour"] = json!("blue");
    let e = parse_profile(&serde_json::to_string_pretty(&v).unwrap()).unwrap_err();
    let words = e.to_string();
    assert!(
        words.starts_with("The profile cannot be read at line ")
            && words.contains("unknown field \"colour\""),
        "{words}"
    );
    let huge = format!("{}{}", EXAMPLE, " ".repeat(MAX_PROFILE_BYTES));
    assert!(matches!(
        parse_profile(&huge),
        Err(ProfileError::TooLarge { .. })
    ));
}

#[test]
fn problems_name_their_place_in_the_file_by_position() {
    // A condition naming a question asked later in its section, and one naming itself.
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    let (si, gi) = (0, 0);
    let questions = v["sections"][si]["groups"][gi]["questions"]
        .as_array_mut()
        .unwrap();
    let (first, second) = (questions[0]["id"].clone(), questions[1]["id"].clone());
    questions[0]["showIf"] = json!({ "answer": { "question": second, "isOneOf": ["yes"] } });
    questions[1]["showIf"] =
        json!({ "answer": { "question": questions[1]["id"].clone(), "isOneOf": ["yes"] } });
    let Err(ProfileError::Invalid(problems)) = parse_profile(&v.to_string()) else {
        panic!("refused")
    };
    let at = |n: usize| format!("sections[{si}].groups[{gi}].questions[{n}].showIf");
    assert!(
        problems
            .iter()
            .any(|p| p.at == at(0) && p.problem.contains("comes later")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.at == at(1) && p.problem == "names the question itself"),
        "{problems:?} {first}"
    );
    let words = ProfileError::Invalid(problems).to_string();
    assert!(
        words.contains(&format!("{}: names a question that comes later", at(0))),
        "{words}"
    );
}

#[test]
fn a_hostile_profile_is_refused_or_kept_as_plain_words() {
    // A thousand sections.
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    let sections = v["sections"].as_array_mut().unwrap();
    for i in 0..1000 {
        sections.push(json!({ "id": format!("s{i}"), "title": "Section", "groups": [
            { "id": "g", "title": "Page", "questions": [{ "id": format!("q{i}"), "label": "Question", "kind": "text" }] }
        ] }));
    }
    let Err(e) = parse_profile(&v.to_string()) else {
        panic!("a thousand sections are refused")
    };
    assert!(e.to_string().contains("at most 60 sections"), "{e}");
    // Words of a hundred thousand characters.
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["sections"][0]["groups"][0]["questions"][0]["hint"] = json!("x".repeat(100_000));
    assert!(parse_profile(&v.to_string())
        .unwrap_err()
        .to_string()
        .contains("at most 4000 characters"));
    // Markup in help text is read as the words it is: the pages show it as text (Leptos
    // escapes every string; the printed summaries escape their own).
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    let markup = "<img src=x onerror=alert(1)><b>bold</b>";
    v["sections"][0]["groups"][0]["help"] = json!(markup);
    let p = parse_profile(&v.to_string()).expect("words are words");
    assert_eq!(p.sections[0].groups[0].help, markup);
}
