//! Native tests of export and import: round trips, and a specific refusal for each kind of bad file.

use super::*;
use crate::model::assessment::tests::sample;
use serde_json::json;

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-20T14:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn known(p: &str) -> bool {
    crate::procedure::find(p).is_some()
}

fn import(text: &str) -> Result<Imported, ImportError> {
    import_json(text, known)
}

/// The sample export as JSON, changed by `edit`, back to text.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&export_json(&sample(), at(), "0.1.0")).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn export_import_export_is_byte_identical() {
    let first = export_json(&sample(), at(), "0.1.0");
    let back = import(&first).unwrap();
    assert_eq!(back.assessment, sample());
    assert_eq!(back.schema_version, SCHEMA_VERSION);
    assert_eq!(back.exported_at.as_deref(), Some("2026-11-20T14:00:00Z"));
    let second = export_json(&back.assessment, at(), "0.1.0");
    assert_eq!(first, second);
    assert!(first.ends_with("}\n"));
}

#[test]
fn a_version_1_file_is_migrated_on_import() {
    let text = include_str!("../../tests/fixtures/assessment-v1.json");
    let got = import(text).unwrap();
    assert_eq!(got.schema_version, 1);
    assert_eq!(got.assessment.children().count(), 2);
    assert_eq!(got.assessment.title(), "Mia Sample, Leo Sample");
    assert!(got.assessment.answers.is_empty());
    assert!(got.assessment.chronology.is_empty());
    let again = export_json(&got.assessment, at(), "0.1.0");
    assert!(again.contains(&format!("\"schemaVersion\": {SCHEMA_VERSION}")));
}

#[test]
fn a_version_2_file_keeps_its_answers_and_chronology() {
    let got = import(include_str!("../../tests/fixtures/assessment-v2.json")).unwrap();
    assert_eq!(got.schema_version, 2);
    assert!(!got.assessment.answers.is_empty());
    assert_eq!(got.assessment.chronology.len(), 2);
    assert!(got.assessment.scales.is_empty());
}

#[test]
fn the_current_fixture_round_trips_byte_for_byte() {
    let text = include_str!("../../tests/fixtures/assessment-v3.json");
    let got = import(text).unwrap();
    assert_eq!(got.schema_version, SCHEMA_VERSION);
    assert_eq!(got.assessment.scales.len(), 1);
    let at = DateTime::parse_from_rfc3339(got.exported_at.as_deref().unwrap())
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(
        export_json(&got.assessment, at, got.app_version.as_deref().unwrap()),
        text
    );
}

#[test]
fn garbage_is_not_json() {
    let e = import("this is not json").unwrap_err();
    assert!(matches!(e, ImportError::NotJson { line: 1, .. }), "{e:?}");
    assert!(e
        .to_string()
        .starts_with("The file is not a valid JSON file"));
    assert!(matches!(import(""), Err(ImportError::NotJson { .. })));
    assert!(matches!(
        import("{\"format\": "),
        Err(ImportError::NotJson { .. })
    ));
}

#[test]
fn other_json_is_not_an_envelope() {
    assert_eq!(import("[1,2,3]"), Err(ImportError::NotAnEnvelope));
    assert_eq!(import("{\"name\":\"x\"}"), Err(ImportError::NotAnEnvelope));
}

#[test]
fn wrong_format_names_what_it_found() {
    let e = import(&edited(|v| v["format"] = json!("genogram"))).unwrap_err();
    assert_eq!(
        e,
        ImportError::WrongFormat {
            found: "genogram".into()
        }
    );
    assert!(e.to_string().contains("\"genogram\""));
}

#[test]
fn newer_schema_version_is_refused_with_both_versions() {
    let e = import(&edited(|v| v["schemaVersion"] = json!(7))).unwrap_err();
    assert_eq!(
        e,
        ImportError::NewerVersion {
            found: 7,
            supported: SCHEMA_VERSION
        }
    );
    assert!(e.to_string().contains("schema version 7"));
}

#[test]
fn missing_fields_are_named_with_their_path() {
    let e = import(&edited(|v| {
        v["assessment"]
            .as_object_mut()
            .unwrap()
            .remove("referralDate");
    }))
    .unwrap_err();
    assert_eq!(
        e,
        ImportError::MissingField {
            path: "assessment.referralDate".into()
        }
    );

    let e = import(&edited(|v| {
        v["assessment"]["people"][1]
            .as_object_mut()
            .unwrap()
            .remove("role");
    }))
    .unwrap_err();
    assert_eq!(
        e,
        ImportError::MissingField {
            path: "assessment.people[1].role".into()
        }
    );

    let e = import(&edited(|v| {
        v["assessment"]["people"][0]
            .as_object_mut()
            .unwrap()
            .remove("dateOfBirth");
    }))
    .unwrap_err();
    assert_eq!(
        e,
        ImportError::MissingField {
            path: "assessment.people[0].dateOfBirth".into()
        }
    );

    let e = import(&edited(|v| {
        v.as_object_mut().unwrap().remove("assessment");
    }))
    .unwrap_err();
    assert_eq!(
        e,
        ImportError::MissingField {
            path: "assessment".into()
        }
    );
}

#[test]
fn mistyped_fields_are_named_with_the_reason() {
    let e = import(&edited(|v| {
        v["assessment"]["referralDate"] = json!("30/10/2026")
    }))
    .unwrap_err();
    match &e {
        ImportError::InvalidField { path, .. } => assert_eq!(path, "assessment.referralDate"),
        other => panic!("{other:?}"),
    }
    let e = import(&edited(|v| {
        v["assessment"]["people"][0]["livesInHousehold"] = json!("yes")
    }))
    .unwrap_err();
    match &e {
        ImportError::InvalidField { path, reason } => {
            assert_eq!(path, "assessment.people[0].livesInHousehold");
            assert!(reason.contains("expected a boolean"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    let e = import(&edited(|v| {
        v["assessment"]["assessmentType"]["kind"] = json!("section99")
    }))
    .unwrap_err();
    assert!(
        matches!(&e, ImportError::InvalidField { path, .. } if path == "assessment.assessmentType.kind"),
        "{e:?}"
    );
    let e = import(&edited(|v| v["assessment"]["surprise"] = json!(1))).unwrap_err();
    assert!(
        matches!(&e, ImportError::InvalidField { reason, .. } if reason.contains("surprise")),
        "{e:?}"
    );
}

#[test]
fn rule_breaking_content_is_refused() {
    let e = import(&edited(|v| v["assessment"]["id"] = json!("../../etc"))).unwrap_err();
    assert!(
        matches!(&e, ImportError::InvalidField { path, .. } if path == "assessment.id"),
        "{e:?}"
    );
    let e = import(&edited(|v| {
        v["assessment"]["profile"] = json!("elsewhere-2019")
    }))
    .unwrap_err();
    assert_eq!(
        e,
        ImportError::UnknownProfile {
            id: "elsewhere-2019".into()
        }
    );
    let e = import(&edited(|v| {
        let id = v["assessment"]["people"][0]["id"].clone();
        v["assessment"]["people"][1]["id"] = id;
    }))
    .unwrap_err();
    assert!(matches!(e, ImportError::DuplicatePersonId { .. }));
}

#[test]
fn oversized_files_are_refused_before_parsing() {
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_IMPORT_BYTES));
    let e = import(&big).unwrap_err();
    assert!(matches!(e, ImportError::TooLarge { .. }));
    assert!(e.to_string().contains("5120 KB"));
}

#[test]
fn every_single_byte_truncation_is_refused_not_panicking() {
    let text = export_json(&sample(), at(), "0.1.0");
    for cut in (0..text.len() - 2).step_by(7) {
        assert!(import(&text[..cut]).is_err(), "cut at {cut}");
    }
}

#[test]
fn scales_must_name_people_and_children_that_exist() {
    let base = include_str!("../../tests/fixtures/assessment-v3.json");
    let mut v: Value = serde_json::from_str(base).unwrap();
    v["assessment"]["scales"][0]["markers"][0]["rater"]["person"] = json!("p-99999999");
    let e = import(&v.to_string()).unwrap_err();
    assert!(
        matches!(&e, ImportError::InvalidField { path, .. } if path == "assessment.scales[0].markers[0].rater.person"),
        "{e:?}"
    );
    let mut v: Value = serde_json::from_str(base).unwrap();
    v["assessment"]["scales"][0]["kind"]["child"] = json!("p-13131313"); // the mother, not a child
    let e = import(&v.to_string()).unwrap_err();
    assert!(
        matches!(&e, ImportError::InvalidField { path, .. } if path == "assessment.scales[0].kind.child"),
        "{e:?}"
    );
    let mut v: Value = serde_json::from_str(base).unwrap();
    v["assessment"]["scales"][0]["markers"][1]["value"] = json!(10.5);
    let e = import(&v.to_string()).unwrap_err();
    assert!(e.to_string().contains("not a point from 0 to 10"), "{e}");
}
