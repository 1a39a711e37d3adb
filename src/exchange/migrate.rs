//! Migrations of assessment documents from older schema versions to the current one.
//! Each step takes the JSON of version N and returns version N + 1; loading from storage and
//! importing a file both go through here, so old files keep opening.

use super::errors::ImportError;
use serde_json::Value;

/// The schema version this app writes.
pub const SCHEMA_VERSION: u32 = 11;

/// A step from version `index + 1` to `index + 2`.
type Step = fn(Value) -> Result<Value, ImportError>;

/// The steps, oldest first: `STEPS[0]` migrates version 1 to 2, and so on.
const STEPS: [Step; SCHEMA_VERSION as usize - 1] = [
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8, v8_to_v9, v9_to_v10,
    v10_to_v11,
];

/// The assessment document as an object, or the error every step gives when it is not one.
fn object(doc: &mut Value) -> Result<&mut serde_json::Map<String, Value>, ImportError> {
    match doc {
        Value::Object(map) => Ok(map),
        _ => Err(ImportError::InvalidField {
            path: "assessment".into(),
            reason: "expected an object".into(),
        }),
    }
}

/// Version 2 added the answers to the profile's questions and the chronology.
fn v1_to_v2(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    map.entry("answers")
        .or_insert_with(|| Value::Object(Default::default()));
    map.entry("chronology")
        .or_insert_with(|| Value::Array(Vec::new()));
    Ok(doc)
}

/// Version 3 added the scaling questions.
fn v2_to_v3(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    map.entry("scales")
        .or_insert_with(|| Value::Array(Vec::new()));
    Ok(doc)
}

/// Version 4 added the genogram and the network map, and to each person whether they are
/// living (or a pregnancy), when they died and an age when the date of birth is not known.
fn v3_to_v4(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    if let Some(Value::Array(people)) = map.get_mut("people") {
        for person in people.iter_mut() {
            if let Value::Object(p) = person {
                p.entry("life").or_insert_with(|| Value::from("living"));
                p.entry("dateOfDeath").or_insert(Value::Null);
                p.entry("ageYears").or_insert(Value::Null);
            }
        }
    }
    map.entry("genogram").or_insert_with(|| {
        serde_json::json!({"members": [], "partnerships": [], "parentage": [], "households": [], "relationships": []})
    });
    map.entry("network").or_insert_with(
        || serde_json::json!({"circles": ["Very close", "Close", "Less close"], "members": []}),
    );
    Ok(doc)
}

/// Version 5 added Signs of Safety planning (harm statements, danger statements paired with
/// safety goals, each with a scale of kind `pair`, and the safety plan with its agreed versions),
/// who may read what (`marks`) with the record of summaries and exports made (`audit`), and each
/// person's address and phone number, and the case record (each child's census facts, completion
/// and the team manager's authorisations).
fn v4_to_v5(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    if let Some(Value::Array(people)) = map.get_mut("people") {
        for person in people.iter_mut() {
            if let Value::Object(p) = person {
                p.entry("address").or_insert_with(|| Value::from(""));
                p.entry("phone").or_insert_with(|| Value::from(""));
            }
        }
    }
    map.entry("marks")
        .or_insert_with(|| Value::Array(Vec::new()));
    map.entry("audit")
        .or_insert_with(|| Value::Array(Vec::new()));
    map.entry("case").or_insert_with(|| {
        serde_json::json!({"census": [], "completion": null, "authorisations": [], "update": null})
    });
    map.entry("planning").or_insert_with(|| {
        serde_json::json!({
            "harms": [],
            "pairs": [],
            "plan": {
                "immediate": false, "rules": [], "contacts": [], "checkedHow": "",
                "reviewDate": null, "versions": []
            }
        })
    });
    Ok(doc)
}

/// Version 6 added maps drawn for one child at the centre (`childNetworks`); the map a file
/// already has is the sibling group's.
fn v5_to_v6(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    map.entry("childNetworks")
        .or_insert_with(|| Value::Array(Vec::new()));
    Ok(doc)
}

/// Version 7 added the child's own tools (`childTools`): Three Houses, the Safety House and
/// Words and Pictures, each with its drawings, the child's words and how the conversation went.
fn v6_to_v7(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    map.entry("childTools")
        .or_insert_with(|| Value::Array(Vec::new()));
    Ok(doc)
}

/// Version 8 added the child's characteristics the returns carry (each child's census
/// `ethnicity` and `disabilities`), the team holding the case (`allocatedTeam`) and an expected
/// baby's own `expectedDeliveryDate` (outside a pre-birth assessment, which has its own).
fn v7_to_v8(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    map.entry("allocatedTeam")
        .or_insert_with(|| Value::from(""));
    if let Some(Value::Array(people)) = map.get_mut("people") {
        for person in people.iter_mut() {
            if let Value::Object(p) = person {
                p.entry("expectedDeliveryDate").or_insert(Value::Null);
            }
        }
    }
    if let Some(Value::Array(census)) = map.get_mut("case").and_then(|c| c.get_mut("census")) {
        for child in census.iter_mut() {
            if let Value::Object(c) = child {
                c.entry("ethnicity").or_insert(Value::Null);
                c.entry("disabilities")
                    .or_insert_with(|| Value::Array(Vec::new()));
            }
        }
    }
    Ok(doc)
}

/// Version 9 keeps the day the assessment was completed once, as the procedure's answer for it
/// ("Date the assessment was completed"): the worker's completion keeps only who marked it.
/// Its old stamp becomes that answer when the answer was never given; when both were given the
/// answer, the date the worker wrote, stays. It also let single things inside the child's tools
/// be marked (new kinds of mark target, nothing to migrate).
fn v8_to_v9(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    let stamped = match map
        .get_mut("case")
        .and_then(|c| c.get_mut("completion"))
        .and_then(Value::as_object_mut)
    {
        Some(done) => done.remove("on"),
        None => None,
    };
    let Some(Value::String(on)) = stamped else {
        return Ok(doc);
    };
    let question = map
        .get("profile")
        .and_then(Value::as_str)
        .and_then(crate::procedure::find)
        .map_or_else(
            || "dateCompleted".to_owned(),
            |p| p.timescales.completed_answer.clone(),
        );
    let answers = map
        .entry("answers")
        .or_insert_with(|| Value::Object(Default::default()));
    if let Value::Object(answers) = answers {
        let given = answers
            .get(&question)
            .and_then(|a| a.get("text"))
            .and_then(Value::as_str)
            .is_some_and(|t| !t.trim().is_empty());
        if !given {
            answers.insert(question, serde_json::json!({ "text": on }));
        }
    }
    Ok(doc)
}

/// Version 10 records which version of its procedure profile an assessment follows, and that
/// version's content hash: every earlier document follows a built-in profile, at its first
/// version (the hash is the built-in's, or empty for an id this app does not know).
fn v9_to_v10(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    let hash = map
        .get("profile")
        .and_then(Value::as_str)
        .and_then(|id| crate::procedure::registry::find_version(id, 1))
        .map(|p| p.hash.clone())
        .unwrap_or_default();
    map.entry("profileVersion")
        .or_insert_with(|| Value::from(1));
    map.entry("profileHash")
        .or_insert_with(|| Value::from(hash));
    Ok(doc)
}

/// Version 11 added family group decision-making (`familyGroup`: the letter before
/// proceedings, the offers, the exception, the meetings with the family's plan, the
/// application), each person's parental responsibility with a note, and the lead worker's role
/// under Families First.
fn v10_to_v11(mut doc: Value) -> Result<Value, ImportError> {
    let map = object(&mut doc)?;
    if let Some(Value::Array(people)) = map.get_mut("people") {
        for person in people.iter_mut() {
            if let Value::Object(p) = person {
                p.entry("parentalResponsibility")
                    .or_insert_with(|| Value::from("notAsked"));
                p.entry("parentalResponsibilityNote")
                    .or_insert_with(|| Value::from(""));
            }
        }
    }
    map.entry("leadWorkerRole")
        .or_insert_with(|| Value::from("socialWorker"));
    map.entry("familyGroup").or_insert_with(|| {
        serde_json::json!({"letterBeforeProceedings": null, "offers": [], "exception": null,
            "meetings": [], "application": null})
    });
    Ok(doc)
}

/// Reads a schema version from a JSON value.
pub fn read_version(v: Option<&Value>) -> Result<u32, ImportError> {
    let v = v.ok_or(ImportError::MissingField {
        path: "schemaVersion".into(),
    })?;
    match v.as_u64() {
        Some(n) if n > u64::from(SCHEMA_VERSION) => Err(ImportError::NewerVersion {
            found: n,
            supported: SCHEMA_VERSION,
        }),
        Some(n) if n >= 1 => Ok(n as u32),
        _ => Err(ImportError::BadVersion {
            found: v.to_string(),
        }),
    }
}

/// Brings an assessment document of version `from` up to [`SCHEMA_VERSION`].
pub fn migrate(mut doc: Value, from: u32) -> Result<Value, ImportError> {
    for step in STEPS.iter().skip(from as usize - 1) {
        doc = step(doc)?;
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The steps up to version `to`, each test's subject.
    fn up_to(mut doc: Value, from: u32, to: usize) -> Result<Value, ImportError> {
        for step in STEPS.iter().take(to - 1).skip(from as usize - 1) {
            doc = step(doc)?;
        }
        Ok(doc)
    }
    fn to_v9(doc: Value, from: u32) -> Result<Value, ImportError> {
        up_to(doc, from, 9)
    }
    fn to_v10(doc: Value, from: u32) -> Result<Value, ImportError> {
        up_to(doc, from, 10)
    }

    #[test]
    fn version_10_gains_no_family_group_record_and_nobody_s_parental_responsibility() {
        let out = migrate(
            json!({"people": [{"id": "p-01020304"}], "leadWorker": "Sam"}),
            10,
        )
        .unwrap();
        assert_eq!(
            out,
            json!({"people": [{"id": "p-01020304", "parentalResponsibility": "notAsked",
                    "parentalResponsibilityNote": ""}],
                "leadWorker": "Sam", "leadWorkerRole": "socialWorker",
                "familyGroup": {"letterBeforeProceedings": null, "offers": [], "exception": null,
                    "meetings": [], "application": null}})
        );
        let kept = json!({"people": [], "leadWorkerRole": "familyHelpLeadPractitioner",
            "familyGroup": {"offers": [1]}});
        assert_eq!(migrate(kept.clone(), 10).unwrap(), kept);
        assert!(migrate(json!(7), 10).is_err());
    }

    #[test]
    fn version_9_follows_the_first_version_of_its_profile() {
        let built_in = crate::procedure::find("assessments-2024").unwrap();
        assert_eq!(
            to_v10(json!({"profile": "assessments-2024"}), 9).unwrap(),
            json!({"profile": "assessments-2024", "profileVersion": 1, "profileHash": built_in.hash})
        );
        // a profile this app does not have: its hash is not known (the import then refuses it)
        assert_eq!(
            to_v10(json!({"profile": "elsewhere"}), 9).unwrap(),
            json!({"profile": "elsewhere", "profileVersion": 1, "profileHash": ""})
        );
        // what a document already says is kept
        let kept = json!({"profile": "x", "profileVersion": 3, "profileHash": "h"});
        assert_eq!(to_v10(kept.clone(), 9).unwrap(), kept);
        assert!(to_v10(json!(null), 9).is_err());
    }

    #[test]
    fn versions_are_checked() {
        assert_eq!(read_version(Some(&json!(1))), Ok(1));
        assert_eq!(read_version(Some(&json!(2))), Ok(2));
        assert_eq!(read_version(Some(&json!(3))), Ok(3));
        assert_eq!(read_version(Some(&json!(4))), Ok(4));
        assert_eq!(read_version(Some(&json!(5))), Ok(5));
        assert_eq!(read_version(Some(&json!(6))), Ok(6));
        assert_eq!(read_version(Some(&json!(7))), Ok(7));
        assert_eq!(read_version(Some(&json!(8))), Ok(8));
        assert_eq!(read_version(Some(&json!(9))), Ok(9));
        assert_eq!(read_version(Some(&json!(10))), Ok(10));
        assert_eq!(read_version(Some(&json!(11))), Ok(11));
        assert_eq!(
            read_version(Some(&json!(12))),
            Err(ImportError::NewerVersion {
                found: 12,
                supported: 11
            })
        );
        assert!(matches!(
            read_version(Some(&json!(0))),
            Err(ImportError::BadVersion { .. })
        ));
        assert!(matches!(
            read_version(Some(&json!("1"))),
            Err(ImportError::BadVersion { .. })
        ));
        assert!(matches!(
            read_version(Some(&json!(1.5))),
            Err(ImportError::BadVersion { .. })
        ));
        assert_eq!(
            read_version(None),
            Err(ImportError::MissingField {
                path: "schemaVersion".into()
            })
        );
    }

    #[test]
    fn version_1_gains_empty_answers_and_chronology() {
        let doc = json!({"id": "a-0102030405060708"});
        assert_eq!(
            to_v9(doc, 1).unwrap(),
            json!({"id": "a-0102030405060708", "answers": {}, "chronology": [], "scales": [],
                "genogram": {"members": [], "partnerships": [], "parentage": [], "households": [], "relationships": []},
                "network": {"circles": ["Very close", "Close", "Less close"], "members": []},
                "marks": [], "audit": [],
                "case": {"census": [], "completion": null, "authorisations": [], "update": null},
                "planning": {"harms": [], "pairs": [], "plan": {"immediate": false, "rules": [], "contacts": [],
                    "checkedHow": "", "reviewDate": null, "versions": []}},
                "childNetworks": [], "childTools": [], "allocatedTeam": ""})
        );
        assert!(to_v9(json!([1]), 1).is_err());
        assert!(to_v9(json!("x"), 2).is_err());
    }

    #[test]
    fn version_7_gains_the_child_s_characteristics_and_the_allocated_team() {
        let doc = json!({"people": [{"id": "p-01020304", "life": "pregnancy"}],
            "case": {"census": [{"child": "p-01020304", "factors": ["1B"]}]}});
        assert_eq!(
            to_v9(doc, 7).unwrap(),
            json!({"people": [{"id": "p-01020304", "life": "pregnancy", "expectedDeliveryDate": null}],
                "case": {"census": [{"child": "p-01020304", "factors": ["1B"], "ethnicity": null, "disabilities": []}]},
                "allocatedTeam": ""})
        );
    }

    #[test]
    fn version_8_keeps_one_completion_date_as_the_procedure_s_answer() {
        // never answered: the stamp becomes the answer
        let doc = json!({"profile": "signs-of-safety-2020", "answers": {},
            "case": {"completion": {"on": "2026-11-24", "by": "Sam"}}});
        assert_eq!(
            to_v9(doc, 8).unwrap(),
            json!({"profile": "signs-of-safety-2020", "answers": {"dateCompleted": {"text": "2026-11-24"}},
                "case": {"completion": {"by": "Sam"}}})
        );
        // answered: the worker's answer is the date, the stamp goes
        let doc = json!({"profile": "signs-of-safety-2020", "answers": {"dateCompleted": {"text": "2026-11-20"}},
            "case": {"completion": {"on": "2026-11-24", "by": "Sam"}}});
        assert_eq!(
            to_v9(doc, 8).unwrap(),
            json!({"profile": "signs-of-safety-2020", "answers": {"dateCompleted": {"text": "2026-11-20"}},
                "case": {"completion": {"by": "Sam"}}})
        );
        // not complete: nothing changes
        let doc = json!({"answers": {}, "case": {"completion": null}});
        assert_eq!(to_v9(doc.clone(), 8).unwrap(), doc);
    }

    #[test]
    fn version_3_people_gain_life_fields() {
        let doc = json!({"people": [{"id": "p-01020304"}]});
        let out = to_v9(doc, 3).unwrap();
        assert_eq!(
            out["people"][0],
            json!({"id": "p-01020304", "life": "living", "dateOfDeath": null, "ageYears": null, "address": "", "phone": "", "expectedDeliveryDate": null})
        );
        assert_eq!(out["network"]["circles"].as_array().unwrap().len(), 3);
    }

    #[test]
    fn version_4_gains_empty_planning_marks_and_audit_and_keeps_what_it_has() {
        let out = to_v9(json!({"scales": []}), 4).unwrap();
        assert_eq!(out["planning"]["plan"]["versions"], json!([]));
        assert_eq!(out["planning"]["pairs"], json!([]));
        let kept = json!({"planning": {"harms": [1]}});
        assert_eq!(
            to_v9(kept, 4).unwrap(),
            json!({"planning": {"harms": [1]}, "marks": [], "audit": [],
                "case": {"census": [], "completion": null, "authorisations": [], "update": null},
                "childNetworks": [], "childTools": [], "allocatedTeam": ""})
        );
    }

    #[test]
    fn version_5_gains_no_child_maps_and_keeps_any_it_has() {
        let out = to_v9(json!({"network": {"members": [1]}}), 5).unwrap();
        assert_eq!(
            out,
            json!({"network": {"members": [1]}, "childNetworks": [], "childTools": [], "allocatedTeam": ""})
        );
        let kept = json!({"childNetworks": [2], "childTools": [], "allocatedTeam": "T"});
        assert_eq!(to_v9(kept.clone(), 5).unwrap(), kept);
    }

    #[test]
    fn version_6_gains_no_child_tools_and_keeps_any_it_has() {
        let out = to_v9(json!({"childNetworks": [1]}), 6).unwrap();
        assert_eq!(
            out,
            json!({"childNetworks": [1], "childTools": [], "allocatedTeam": ""})
        );
        let kept = json!({"childTools": [2], "allocatedTeam": "T"});
        assert_eq!(to_v9(kept.clone(), 6).unwrap(), kept);
        assert!(to_v9(json!([]), 6).is_err());
    }

    #[test]
    fn current_version_passes_through_unchanged() {
        let doc = json!({"id": "a-0102030405060708"});
        assert_eq!(migrate(doc.clone(), SCHEMA_VERSION).unwrap(), doc);
    }
}
