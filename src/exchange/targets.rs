//! Exports in the shapes councils load, each mapped here from the one assessment and nowhere
//! else: the DfE children's social care API child records (draft v0.7), the Standard
//! Safeguarding Dataset's `ssd_cin_assessments` and `ssd_assessment_factors` rows (JSON and CSV),
//! and Ofsted's Annex A list 4 (CSV, the published column names). One record or row per child.
//! Field names are those of `shared/reference/england-csc-data.md`.

use crate::model::{Answer, Assessment, AssessmentType, Gender, Life, Person, PersonId};
use crate::procedure::census;
use chrono::{Datelike, NaiveDate};
use serde_json::{json, Value};

/// The DfE draft the API mapping follows.
pub const DFE_API_DRAFT: &str = "0.7";

fn iso(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::from(d.to_string()))
}

fn uk(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_default()
}

/// The council's id for a child, or the workbench's when none is recorded.
fn child_id(a: &Assessment, p: &Person) -> String {
    let c = a.census_for(&p.id);
    if c.la_child_id.trim().is_empty() {
        p.id.to_string()
    } else {
        c.la_child_id.trim().to_owned()
    }
}

/// Whether the child was seen: the census facts, else the flow's "childSeen" answer.
pub fn seen(a: &Assessment, child: &PersonId) -> Option<bool> {
    a.census_for(child).seen.or_else(|| {
        match a
            .answers
            .get(&crate::model::answer_key("childSeen", Some(child)))
        {
            Some(Answer::Text(t)) if t == "yes" => Some(true),
            Some(Answer::Text(t)) if t == "no" => Some(false),
            _ => None,
        }
    })
}

fn outcomes(a: &Assessment) -> Vec<String> {
    match a.answers.get("outcomes") {
        Some(Answer::Choices(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn sex(p: &Person) -> &'static str {
    match p.gender {
        Gender::Female => "F",
        Gender::Male => "M",
        _ => "U",
    }
}

/// One DfE API child record for each child (`la_code`: the council's code, set once).
pub fn dfe_api(a: &Assessment, la_code: u32) -> Vec<Value> {
    let authorised = a.case.last_authorised_on();
    a.children()
        .map(|p| {
            let c = a.census_for(&p.id);
            let unborn = p.life == Life::Pregnancy;
            let s47 = match a.assessment_type {
                AssessmentType::Section47 => vec![json!({
                    "section_47_assessment_id": format!("{}-s47", a.id),
                    "start_date": iso(a.start_date),
                    "icpc_required_flag": Value::Null,
                    "icpc_date": Value::Null,
                    "end_date": iso(authorised),
                    "purge": false,
                })],
                _ => Vec::new(),
            };
            json!({
                "la_code": la_code,
                "Children": {
                    "la_child_id": child_id(a, p),
                    "mis_child_id": p.id.to_string(),
                    "purge": false,
                    "child_details": {
                        "unique_pupil_number": Value::Null,
                        "former_unique_pupil_number": Value::Null,
                        "unique_pupil_number_unknown_reason": Value::Null,
                        "first_name": p.given_name.trim(),
                        "surname": p.family_name.trim(),
                        "date_of_birth": iso(if unborn { None } else { p.date_of_birth }),
                        "expected_date_of_birth": iso(a.expected_delivery_of(p)),
                        "sex": sex(p),
                        "ethnicity": c.ethnicity,
                        "disabilities": c.disabilities,
                        "postcode": Value::Null,
                        "uasc_flag": c.factors.iter().any(|f| f == "9A"),
                        "uasc_end_date": Value::Null,
                        "purge": false,
                    },
                    "social_care_episodes": [{
                        "social_care_episode_id": a.id.to_string(),
                        "referral_date": iso(a.referral_date),
                        "referral_source": Value::Null,
                        "referral_no_further_action_flag": false,
                        "closure_date": Value::Null,
                        "closure_reason": Value::Null,
                        "care_worker_details": worker_details(a),
                        "child_and_family_assessments": [{
                            "child_and_family_assessment_id": format!("{}-{}", a.id, p.id),
                            "start_date": iso(a.start_date),
                            "authorisation_date": iso(authorised),
                            "factors": c.factors,
                            "purge": false,
                        }],
                        "section_47_assessments": s47,
                        "purge": false,
                    }],
                }
            })
        })
        .collect()
}

/// The SSD `ssd_cin_assessments` rows, one per child.
pub fn ssd_assessments(a: &Assessment) -> Vec<Value> {
    let o = outcomes(a);
    let flag = |code: &str| {
        if o.iter().any(|x| x == code) {
            "Y"
        } else {
            "N"
        }
    };
    let comments = match a.answers.get("decisionReasons") {
        Some(Answer::Text(t)) => t.clone(),
        _ => String::new(),
    };
    a.children()
        .map(|p| {
            json!({
                "cina_assessment_id": format!("{}-{}", a.id, p.id),
                "cina_person_id": child_id(a, p),
                "cina_referral_id": a.id.to_string(),
                "cina_assessment_start_date": iso(a.start_date),
                "cina_assessment_child_seen": seen(a, &p.id).map(|s| if s { "Y" } else { "N" }),
                "cina_assessment_auth_date": iso(a.case.last_authorised_on()),
                "cina_assessment_outcome_json": {
                    "NFA_FLAG": flag("nfa"),
                    "NFA_S47_END_FLAG": "N",
                    "STRATEGY_DISCUSSION_FLAG": flag("strategy"),
                    "CLA_REQUEST_FLAG": "N",
                    "PRIVATE_FOSTERING_FLAG": "N",
                    "LEGAL_ACTION_FLAG": "N",
                    "PROV_OF_SERVICES_FLAG": flag("cinPlan"),
                    "PROV_OF_SB_CARE_FLAG": "N",
                    "SPECIALIST_ASSESSMENT_FLAG": flag("specialist"),
                    "REFERRAL_TO_OTHER_AGENCY_FLAG": flag("universal"),
                    "OTHER_ACTIONS_FLAG": flag("emergency"),
                    "OTHER_OUTCOMES_EXIST_FLAG": if o.iter().any(|x| x == "emergency") { "Y" } else { "N" },
                    "TOTAL_NO_OF_OUTCOMES": o.len(),
                    "COMMENTS": comments,
                },
                "cina_assessment_outcome_nfa": flag("nfa"),
                "cina_assessment_team": text_or_null(&a.allocated_team),
                "cina_assessment_worker_id": a.lead_worker.trim(),
            })
        })
        .collect()
}

/// The SSD `ssd_assessment_factors` rows, one per child.
pub fn ssd_factors(a: &Assessment) -> Vec<Value> {
    a.children()
        .map(|p| {
            let factors = serde_json::to_string(&a.census_for(&p.id).factors).unwrap_or_default();
            json!({
                "cinf_table_id": format!("{}-{}-factors", a.id, p.id),
                "cinf_assessment_id": format!("{}-{}", a.id, p.id),
                "cinf_assessment_factors_json": factors,
            })
        })
        .collect()
}

/// Annex A list 4's columns, exactly as published.
pub const ANNEX_A_LIST_4: [&str; 12] = [
    "ChildUniqueID",
    "Gender",
    "Ethnicity",
    "DateOfBirth",
    "Age",
    "HasDisability",
    "ContinuousAssessmentStart",
    "ContinuousAssessmentChildSeen",
    "ContinuousAssessmentAuthDate",
    "CSCSupportRequired",
    "AllocatedTeam",
    "AllocatedWorker",
];

/// Annex A list 4 rows, one per child, in the columns above.
pub fn annex_a(a: &Assessment) -> Vec<Vec<String>> {
    let o = outcomes(a);
    let support = if o.is_empty() {
        String::new()
    } else if o.iter().all(|x| x == "nfa" || x == "universal") {
        "No".into()
    } else {
        "Yes".into()
    };
    a.children()
        .map(|p| {
            let age = p.date_of_birth.zip(a.start_date).map(|(b, s)| {
                let mut y = s.year() - b.year();
                if (s.month(), s.day()) < (b.month(), b.day()) {
                    y -= 1;
                }
                y.max(0).to_string()
            });
            let c = a.census_for(&p.id);
            vec![
                child_id(a, p),
                match p.gender {
                    Gender::Female => "Female".into(),
                    Gender::Male => "Male".into(),
                    _ => "Unknown".into(),
                },
                c.ethnicity.clone().unwrap_or_default(),
                uk(p.date_of_birth),
                age.unwrap_or_default(),
                has_disability(&c.disabilities).to_owned(),
                uk(a.start_date),
                uk(c.seen_on),
                uk(a.case.last_authorised_on()),
                support.clone(),
                a.allocated_team.trim().to_owned(),
                a.lead_worker.trim().to_owned(),
            ]
        })
        .collect()
}

/// Annex A's `HasDisability` from the child's census disabilities: "Yes" for any disability,
/// "No" for "NONE" alone, empty when nothing is recorded (see the README for the values used).
fn has_disability(codes: &[String]) -> &'static str {
    match codes {
        [] => "",
        [only] if only == crate::procedure::census::NO_DISABILITY => "No",
        _ => "Yes",
    }
}

/// The worker holding the case, from the assessment's start (none until a worker is named).
fn worker_details(a: &Assessment) -> Vec<Value> {
    match a.lead_worker.trim() {
        "" => Vec::new(),
        worker => vec![json!({
            "worker_id": worker,
            "start_date": iso(a.start_date),
            "end_date": Value::Null,
        })],
    }
}

/// Words typed, trimmed; null when there are none.
fn text_or_null(s: &str) -> Value {
    match s.trim() {
        "" => Value::Null,
        t => Value::from(t),
    }
}

/// Rows as CSV (RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled),
/// with a header line, lines ending CRLF.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let field = |f: &str| {
        if f.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", f.replace('"', "\"\""))
        } else {
            f.to_owned()
        }
    };
    let mut out = String::new();
    let line = |cells: Vec<String>| {
        cells
            .into_iter()
            .map(|c| field(&c))
            .collect::<Vec<_>>()
            .join(",")
            + "\r\n"
    };
    out.push_str(&line(header.iter().map(|h| (*h).to_owned()).collect()));
    for r in rows {
        out.push_str(&line(r.clone()));
    }
    out
}

/// The SSD tables' columns, in the data model's order.
pub const SSD_ASSESSMENT_COLUMNS: [&str; 10] = [
    "cina_assessment_id",
    "cina_person_id",
    "cina_referral_id",
    "cina_assessment_start_date",
    "cina_assessment_child_seen",
    "cina_assessment_auth_date",
    "cina_assessment_outcome_json",
    "cina_assessment_outcome_nfa",
    "cina_assessment_team",
    "cina_assessment_worker_id",
];
pub const SSD_FACTOR_COLUMNS: [&str; 3] = [
    "cinf_table_id",
    "cinf_assessment_id",
    "cinf_assessment_factors_json",
];

/// JSON rows as CSV in the columns `header`; a nested value is written as its JSON text.
pub fn json_rows_csv(header: &[&str], rows: &[Value]) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            header
                .iter()
                .map(|k| match &r[*k] {
                    Value::Null => String::new(),
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    csv(header, &cells)
}

/// The files councils load, each from any number of assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    DfeApi,
    SsdJson,
    SsdAssessmentsCsv,
    SsdFactorsCsv,
    AnnexA,
}

impl Format {
    /// Every format, as offered.
    pub const ALL: [Format; 5] = [
        Format::DfeApi,
        Format::SsdJson,
        Format::SsdAssessmentsCsv,
        Format::SsdFactorsCsv,
        Format::AnnexA,
    ];
    /// Its name on the button.
    pub fn label(self) -> &'static str {
        match self {
            Format::DfeApi => "DfE children's social care API records (JSON)",
            Format::SsdJson => "Standard Safeguarding Dataset rows (JSON)",
            Format::SsdAssessmentsCsv => "SSD ssd_cin_assessments (CSV)",
            Format::SsdFactorsCsv => "SSD ssd_assessment_factors (CSV)",
            Format::AnnexA => "Ofsted Annex A list 4 (CSV)",
        }
    }
    /// The file name's stem and ending.
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Format::DfeApi => format!("{stem}-dfe-api-children.json"),
            Format::SsdJson => format!("{stem}-ssd.json"),
            Format::SsdAssessmentsCsv => format!("{stem}-ssd-cin-assessments.csv"),
            Format::SsdFactorsCsv => format!("{stem}-ssd-assessment-factors.csv"),
            Format::AnnexA => format!("{stem}-annex-a-list-4.csv"),
        }
    }
    /// The media type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::DfeApi | Format::SsdJson => "application/json",
            _ => "text/csv",
        }
    }
    /// The file for these assessments: one record or row per child of each, in order.
    pub fn write(self, assessments: &[Assessment], la_code: u32) -> String {
        let all =
            |f: fn(&Assessment) -> Vec<Value>| assessments.iter().flat_map(f).collect::<Vec<_>>();
        let pretty = |v: &Value| serde_json::to_string_pretty(v).unwrap_or_default() + "\n";
        match self {
            Format::DfeApi => pretty(&Value::Array(
                assessments
                    .iter()
                    .flat_map(|a| dfe_api(a, la_code))
                    .collect(),
            )),
            Format::SsdJson => pretty(&json!({
                "ssd_cin_assessments": all(ssd_assessments),
                "ssd_assessment_factors": all(ssd_factors),
            })),
            Format::SsdAssessmentsCsv => {
                json_rows_csv(&SSD_ASSESSMENT_COLUMNS, &all(ssd_assessments))
            }
            Format::SsdFactorsCsv => json_rows_csv(&SSD_FACTOR_COLUMNS, &all(ssd_factors)),
            Format::AnnexA => csv(
                &ANNEX_A_LIST_4,
                &assessments.iter().flat_map(annex_a).collect::<Vec<_>>(),
            ),
        }
    }
}

/// The authorised assessments whose (first) authorisation falls from `from` to `to`, inclusive.
pub fn authorised_between(all: &[Assessment], from: NaiveDate, to: NaiveDate) -> Vec<Assessment> {
    all.iter()
        .filter(|a| a.case.authorised_on().is_some_and(|d| from <= d && d <= to))
        .cloned()
        .collect()
}

/// A census rule an export would break, said before anything is written (queries included).
pub fn export_issues(a: &Assessment) -> Vec<census::Issue> {
    let mut out = census::issues(a);
    if a.case.authorisations.is_empty() {
        out.push(census::Issue {
            rule: "8614",
            child: None,
            words: "The assessment is not authorised yet: its factors and authorisation date are not returned until it is.".into(),
            query: false,
            about: None,
        });
    }
    out
}

#[cfg(test)]
mod tests;
