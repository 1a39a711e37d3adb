//! Each target's output for the demonstration case, authorised, against the expected file
//! checked in under `tests/fixtures/targets/` (rewritten by the ignored test below when a mapping
//! changes on purpose).

use super::*;
use crate::edit::case::edit_census;
use crate::model::case_record::{Authorisation, Completion};

fn authorised() -> Assessment {
    let mut a = crate::edit::register::tests::demo_case();
    let kids: Vec<PersonId> = a.children().map(|c| c.id.clone()).collect();
    edit_census(&mut a, &kids[0], |c| {
        c.factors = vec!["3B".into(), "1B".into()];
        c.la_child_id = "LA-000123".into();
        c.primary_need = Some("N1".into());
        c.seen = Some(true);
        c.seen_on = NaiveDate::from_ymd_opt(2026, 10, 29);
        c.ethnicity = Some("WBRI".into());
        c.disabilities = vec!["NONE".into()];
    });
    edit_census(&mut a, &kids[1], |c| {
        c.factors = vec!["3B".into()];
        c.ethnicity = Some("MWBC".into());
        c.disabilities = vec!["COMM".into(), "LD".into()];
    });
    a.allocated_team = "Assessment Team North (fictional)".into();
    a.answers
        .insert("outcomes".into(), Answer::Choices(vec!["cinPlan".into()]));
    a.answers.insert(
        "decisionReasons".into(),
        Answer::Text("The plan is working, with \"Nan\" there, but needs time.".into()),
    );
    a.case.completion = Some(Completion {
        by: "Sam Fictional".into(),
    });
    a.case.authorisations.push(Authorisation {
        number: 1,
        on: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        manager: "Pat Example".into(),
        comment: String::new(),
        update_reason: String::new(),
        record: String::new(),
    });
    a
}

fn outputs() -> Vec<(&'static str, String)> {
    let a = authorised();
    let pretty = |v: &Vec<Value>| serde_json::to_string_pretty(v).unwrap() + "\n";
    vec![
        ("dfe-api-children.json", pretty(&dfe_api(&a, 123))),
        ("ssd-cin-assessments.json", pretty(&ssd_assessments(&a))),
        (
            "ssd-cin-assessments.csv",
            json_rows_csv(&SSD_ASSESSMENT_COLUMNS, &ssd_assessments(&a)),
        ),
        ("ssd-assessment-factors.json", pretty(&ssd_factors(&a))),
        (
            "ssd-assessment-factors.csv",
            json_rows_csv(&SSD_FACTOR_COLUMNS, &ssd_factors(&a)),
        ),
        ("annex-a-list-4.csv", csv(&ANNEX_A_LIST_4, &annex_a(&a))),
    ]
}

fn dir() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/targets/").to_owned()
}

#[test]
fn each_target_gives_its_expected_file() {
    for (name, got) in outputs() {
        let want = std::fs::read_to_string(dir() + name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(got, want, "{name} differs from its expected file");
    }
}

#[test]
#[ignore]
fn write_target_fixtures() {
    for (name, got) in outputs() {
        std::fs::write(dir() + name, got).unwrap();
    }
}

#[test]
fn the_mappings_say_what_the_census_says() {
    let a = authorised();
    let records = dfe_api(&a, 123);
    assert_eq!(records.len(), 2, "one record per child");
    let first = &records[0]["Children"];
    assert_eq!(first["la_child_id"], "LA-000123");
    assert_eq!(
        first["social_care_episodes"][0]["child_and_family_assessments"][0]["factors"],
        json!(["3B", "1B"])
    );
    assert_eq!(
        first["social_care_episodes"][0]["child_and_family_assessments"][0]["authorisation_date"],
        "2026-11-25"
    );
    assert_eq!(
        records[1]["Children"]["la_child_id"],
        a.people[1].id.to_string(),
        "the workbench id when the council's is not recorded"
    );
    let rows = annex_a(&a);
    assert_eq!(rows[0][0], "LA-000123");
    assert_eq!(rows[0][3], "14/05/2018");
    assert_eq!(rows[0][4], "8", "age at the start of the assessment");
    assert_eq!(rows[0][7], "29/10/2026");
    assert_eq!(rows[0][9], "Yes");
    let text = csv(&ANNEX_A_LIST_4, &rows);
    assert!(text.starts_with("ChildUniqueID,Gender,Ethnicity,DateOfBirth,Age,HasDisability,ContinuousAssessmentStart,ContinuousAssessmentChildSeen,ContinuousAssessmentAuthDate,CSCSupportRequired,AllocatedTeam,AllocatedWorker\r\n"));
    assert_eq!(
        csv(&["a"], &[vec!["x, \"y\"".into()]]),
        "a\r\n\"x, \"\"y\"\"\"\r\n"
    );
    assert_eq!(
        ssd_assessments(&a)[0]["cina_assessment_outcome_json"]["PROV_OF_SERVICES_FLAG"],
        "Y"
    );
    assert_eq!(
        ssd_factors(&a)[0]["cinf_assessment_factors_json"],
        "[\"3B\",\"1B\"]"
    );
    assert!(export_issues(&a).is_empty());
    let mut draft = a.clone();
    draft.case.authorisations.clear();
    assert_eq!(
        export_issues(&draft)
            .iter()
            .map(|i| i.rule)
            .collect::<Vec<_>>(),
        vec!["8614"]
    );
}

#[test]
fn several_assessments_go_in_one_file_per_format() {
    let one = authorised();
    let mut two = authorised();
    two.id = crate::model::AssessmentId::from_random([9; 8]);
    two.case.authorisations[0].on = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let both = vec![one.clone(), two.clone()];
    let dfe: Vec<Value> = serde_json::from_str(&Format::DfeApi.write(&both, 123)).unwrap();
    assert_eq!(dfe.len(), 4, "two children in each");
    let annex = Format::AnnexA.write(&both, 123);
    assert_eq!(annex.lines().count(), 5, "one header and four rows");
    assert_eq!(annex.matches("ChildUniqueID").count(), 1);
    let ssd: Value = serde_json::from_str(&Format::SsdJson.write(&both, 123)).unwrap();
    assert_eq!(ssd["ssd_assessment_factors"].as_array().unwrap().len(), 4);
    let nov = authorised_between(
        &both,
        NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
    );
    assert_eq!(
        nov.iter().map(|a| a.id.clone()).collect::<Vec<_>>(),
        vec![one.id]
    );
    assert_eq!(
        Format::SsdFactorsCsv.file_name("november"),
        "november-ssd-assessment-factors.csv"
    );
}
