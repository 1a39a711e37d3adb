//! The Children in Need census as it touches an assessment: the codes (kept as data,
//! `data/cin-codes.json`) and the DfE's validation rules on assessments, each said as a clear
//! message naming the child. Errors stop authorisation and are asked about before an export;
//! queries ("Q" rules) are pointed out.

use crate::model::{Assessment, PersonId};
use serde::Deserialize;
use std::sync::OnceLock;

/// A factor identified at the end of assessment.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Factor {
    pub code: String,
    /// What it is about, for grouping in the picker ("Alcohol misuse").
    pub group: String,
    pub meaning: String,
}

/// A primary need code at referral.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Need {
    pub code: String,
    pub description: String,
}

/// A code of the child's characteristics (an ethnicity or a disability) and what it means.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Code {
    pub code: String,
    pub description: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Codes {
    factors: Vec<Factor>,
    /// Everyday words for each group of factors ("drinking" for alcohol misuse).
    search_words: std::collections::BTreeMap<String, Vec<String>>,
    primary_needs: Vec<Need>,
    ethnicities: Vec<Code>,
    disabilities: Vec<Code>,
}

fn codes() -> &'static Codes {
    static CODES: OnceLock<Codes> = OnceLock::new();
    CODES.get_or_init(|| {
        serde_json::from_str(include_str!("data/cin-codes.json"))
            .expect("the census codes are built in")
    })
}

/// Every factor, in the census's order.
pub fn factors() -> &'static [Factor] {
    &codes().factors
}

/// Every primary need.
pub fn needs() -> &'static [Need] {
    &codes().primary_needs
}

/// Every ethnicity code (N00177), in the census's order.
pub fn ethnicities() -> &'static [Code] {
    &codes().ethnicities
}

/// Every disability code (N00099), "NONE" first.
pub fn disabilities() -> &'static [Code] {
    &codes().disabilities
}

pub use crate::model::case_record::NO_DISABILITY;

/// The factor with this code.
pub fn factor(code: &str) -> Option<&'static Factor> {
    factors().iter().find(|f| f.code == code)
}

/// The factor with `query` as its code, else those whose meaning or group contains it (any
/// case), or whose group has an everyday word that starts with it or is one of its words
/// ("drink", "drinking", "county lines"), for the searchable picker.
pub fn search(query: &str) -> Vec<&'static Factor> {
    let q = query
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if let Some(f) = factors().iter().find(|f| f.code.to_lowercase() == q) {
        return vec![f];
    }
    let words_fit = |group: &str| {
        codes().search_words.get(group).is_some_and(|words| {
            words.iter().any(|w| {
                (q.chars().count() >= 3 && w.starts_with(&q))
                    || w == &q
                    || format!(" {q} ").contains(&format!(" {w} "))
            })
        })
    };
    factors()
        .iter()
        .filter(|f| {
            q.is_empty()
                || f.meaning.to_lowercase().contains(&q)
                || f.group.to_lowercase().contains(&q)
                || words_fit(&f.group)
        })
        .collect()
}

/// One census rule an assessment breaks (or is queried on).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    /// The DfE rule number ("8869", "8897Q").
    pub rule: &'static str,
    /// The child it is about, if it is about one.
    pub child: Option<PersonId>,
    pub words: String,
    /// A query (pointed out) rather than an error (stops authorisation).
    pub query: bool,
    /// Which of the child's facts it is about, to show it beside that control: "factors",
    /// "ethnicity", "disabilities" or "need".
    pub about: Option<&'static str>,
}

/// Every census rule `a` breaks or is queried on, child by child.
pub fn issues(a: &Assessment) -> Vec<Issue> {
    let mut out = Vec::new();
    let complete = a.case.completion.is_some() || !a.case.authorisations.is_empty();
    let authorised = a.case.last_authorised_on();
    if let (Some(start), Some(referral)) = (a.start_date, a.referral_date) {
        if start < referral {
            out.push(Issue {
                rule: "1103",
                child: None,
                words: "The assessment's start date is before the referral date.".into(),
                query: false,
                about: None,
            });
        }
    }
    if let (Some(start), Some(end)) = (a.start_date, authorised) {
        if start > end {
            out.push(Issue {
                rule: "8608",
                child: None,
                words: "The assessment's start date is after its authorisation date.".into(),
                query: false,
                about: None,
            });
        }
    }
    for child in a.children() {
        let c = a.census_for(&child.id);
        let name = child.display_name();
        let issue = |rule, about, words: String, query| Issue {
            rule,
            child: Some(child.id.clone()),
            words: format!("{name}: {words}"),
            query,
            about: Some(about),
        };
        for code in &c.factors {
            if factor(code).is_none() {
                out.push(issue(
                    "N00181",
                    "factors",
                    format!("\"{code}\" is not a census factor code."),
                    false,
                ));
            }
        }
        let mut seen = Vec::new();
        for code in &c.factors {
            if seen.contains(&code) {
                out.push(issue(
                    "8898",
                    "factors",
                    format!("the factor {code} is recorded twice."),
                    false,
                ));
            }
            seen.push(code);
        }
        if c.factors.iter().any(|f| f == "21") && c.factors.len() > 1 {
            out.push(issue(
                "8869",
                "factors",
                "\"21\" (no factors identified) cannot be recorded with any other factor.".into(),
                false,
            ));
        }
        if complete && c.factors.is_empty() {
            out.push(issue(
                "8897Q",
                "factors","a completed assessment needs at least one factor identified at the end of assessment (or \"21\" if there are none).".into(),
                false,
            ));
        }
        for (old, instead) in [("18A", "18B or 18C"), ("19A", "19B or 19C")] {
            if c.factors.iter().any(|f| f == old) {
                out.push(issue(
                    "18A/19A",
                    "factors",format!("{old} should not be used from 2024-25: use {instead} (child on child, or adult on child)."),
                    true,
                ));
            }
        }
        match &c.ethnicity {
            Some(e) if !ethnicities().iter().any(|x| &x.code == e) => out.push(issue(
                "N00177",
                "ethnicity",
                format!("\"{e}\" is not an ethnicity code."),
                false,
            )),
            None if complete => out.push(issue(
                "4220",
                "ethnicity",
                "record the child's ethnicity (or that it was refused, or not yet obtained)."
                    .into(),
                false,
            )),
            _ => {}
        }
        for code in &c.disabilities {
            if !disabilities().iter().any(|x| &x.code == code) {
                out.push(issue(
                    "N00099",
                    "disabilities",
                    format!("\"{code}\" is not a disability code."),
                    false,
                ));
            }
        }
        if c.disabilities.len() > 1 && c.disabilities.iter().any(|d| d == NO_DISABILITY) {
            out.push(issue(
                "N00099",
                "disabilities",
                "\"no disability\" cannot be recorded with a disability.".into(),
                false,
            ));
        }
        if let Some(n) = &c.primary_need {
            if !needs().iter().any(|x| &x.code == n) {
                out.push(issue(
                    "PrimaryNeedCode",
                    "need",
                    format!("\"{n}\" is not a primary need code."),
                    false,
                ));
            }
        }
    }
    out
}

/// The errors among the issues (what stops authorisation).
pub fn errors(a: &Assessment) -> Vec<Issue> {
    issues(a).into_iter().filter(|i| !i.query).collect()
}

/// Factors the worker might consider, from words in the Signs of Safety mapping and the
/// analysis (the worker chooses; nothing is set for them).
pub fn suggested_factors(a: &Assessment) -> Vec<&'static Factor> {
    const HINTS: [(&str, &str); 10] = [
        ("drink", "1B"),
        ("alcohol", "1B"),
        ("drug", "2B"),
        ("push", "3B"),
        ("domestic abuse", "3B"),
        ("low mood", "4B"),
        ("mental health", "4B"),
        ("neglect", "16A"),
        ("missing from home", "10A"),
        ("self-harm", "15A"),
    ];
    let text: String = a
        .answers
        .values()
        .filter_map(|x| x.text())
        .chain(a.planning.pairs.iter().map(|p| p.danger.worry.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let mut out: Vec<&'static Factor> = Vec::new();
    for (word, code) in HINTS {
        if text.contains(word) {
            if let Some(f) = factor(code) {
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::case_record::{ChildCensus, Completion};

    fn case() -> (Assessment, PersonId, PersonId) {
        let a = crate::edit::register::tests::demo_case();
        let kids: Vec<PersonId> = a.children().map(|c| c.id.clone()).collect();
        (a, kids[0].clone(), kids[1].clone())
    }

    fn set(a: &mut Assessment, child: &PersonId, factors: &[&str]) {
        a.case.census.retain(|c| &c.child != child);
        let mut c = ChildCensus::new(child.clone());
        c.factors = factors.iter().map(|s| s.to_string()).collect();
        c.ethnicity = Some("WBRI".into());
        a.case.census.push(c);
    }

    fn rules(a: &Assessment) -> Vec<(&'static str, bool)> {
        issues(a).iter().map(|i| (i.rule, i.query)).collect()
    }

    #[test]
    fn the_code_lists_are_complete() {
        // The same codes as the census list in shared/reference (18A and 19A, still accepted
        // but queried, are kept so a record holding one opens and says so).
        let reference = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/reference/england-csc-data.md"
        ))
        .expect("the shared reference is beside the project");
        let table = |heading: &str| -> Vec<String> {
            let part = reference.split(heading).nth(1).expect("the table");
            part.lines()
                .skip_while(|l| !l.starts_with("|---"))
                .skip(1)
                .take_while(|l| l.starts_with('|'))
                .flat_map(|l| {
                    l.split('|')
                        .nth(1)
                        .unwrap_or("")
                        .split('/')
                        .map(|c| c.trim().to_owned())
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let mut ours: Vec<String> = factors()
            .iter()
            .map(|f| f.code.clone())
            .filter(|c| c != "18A" && c != "19A")
            .collect();
        let mut theirs = table("### Factors identified at the end of assessment");
        ours.sort();
        theirs.sort();
        assert_eq!(ours, theirs);
        assert_eq!(
            needs().iter().map(|n| n.code.clone()).collect::<Vec<_>>(),
            table("### Primary need")
        );
        assert_eq!(
            factor("1B").unwrap().meaning,
            "Alcohol misuse: by the parent(s) or carer(s)"
        );
        assert!(factor("8A").is_none(), "8A is not a code");
        assert_eq!(search("alcohol").len(), 3);
        assert_eq!(
            search("18c")
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>(),
            vec!["18C"]
        );
    }

    #[test]
    fn each_census_rule_is_said_for_its_child() {
        let (mut a, rowan, skye) = case();
        assert_eq!(rules(&a), vec![], "nothing to say before completion");
        a.case.completion = Some(Completion { by: "Sam".into() });
        assert_eq!(
            rules(&a),
            vec![
                ("8897Q", false),
                ("4220", false),
                ("8897Q", false),
                ("4220", false)
            ]
        );
        set(&mut a, &rowan, &["21", "1B"]);
        set(&mut a, &skye, &["3B", "3B", "18A", "9Z"]);
        let got = issues(&a);
        assert_eq!(
            got.iter().map(|i| i.words.as_str()).collect::<Vec<_>>(),
            vec![
                "Rowan Demo: \"21\" (no factors identified) cannot be recorded with any other factor.",
                "Skye Demo: \"9Z\" is not a census factor code.",
                "Skye Demo: the factor 3B is recorded twice.",
                "Skye Demo: 18A should not be used from 2024-25: use 18B or 18C (child on child, or adult on child).",
            ]
        );
        assert!(got[3].query);
        assert_eq!(errors(&a).len(), 3);
        set(&mut a, &rowan, &["21"]);
        set(&mut a, &skye, &["3B", "1B"]);
        assert_eq!(rules(&a), vec![]);
    }

    #[test]
    fn the_child_s_ethnicity_and_disabilities_are_census_codes() {
        // The same codes as shared/reference lists, in its order.
        let reference = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/reference/england-csc-data.md"
        ))
        .expect("the shared reference is beside the project");
        let listed = |field: &str| -> Vec<String> {
            let part = reference.split(field).nth(1).expect("the list");
            let part = &part[..part.find("\n- ").unwrap_or(part.len())];
            let list = part
                .split_once("): ")
                .expect("codes after the field's note")
                .1;
            list.split(';')
                .filter_map(|item| item.split_whitespace().next())
                .map(str::to_owned)
                .collect()
        };
        let codes = |list: &[Code]| list.iter().map(|c| c.code.clone()).collect::<Vec<_>>();
        assert_eq!(codes(ethnicities()), listed("- `Ethnicity`"));
        assert_eq!(codes(disabilities()), listed("- `Disabilities`"));

        let (mut a, rowan, skye) = case();
        set(&mut a, &rowan, &["21"]);
        set(&mut a, &skye, &["1B"]);
        a.case.census[0].ethnicity = Some("XXXX".into());
        a.case.census[1].disabilities = vec!["NONE".into(), "LD".into(), "WINGS".into()];
        assert_eq!(
            issues(&a)
                .iter()
                .map(|i| i.words.as_str())
                .collect::<Vec<_>>(),
            vec![
                "Rowan Demo: \"XXXX\" is not an ethnicity code.",
                "Skye Demo: \"WINGS\" is not a disability code.",
                "Skye Demo: \"no disability\" cannot be recorded with a disability.",
            ]
        );
        a.case.census[0].ethnicity = Some("REFU".into());
        a.case.census[1].disabilities = vec!["LD".into(), "AUT".into()];
        assert_eq!(rules(&a), vec![]);
    }

    #[test]
    fn a_factor_is_found_by_the_words_people_use() {
        let found = |q: &str| {
            search(q)
                .iter()
                .map(|f| f.code.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("drinking"), vec!["1A", "1B", "1C"]);
        assert_eq!(found("drink"), vec!["1A", "1B", "1C"]);
        assert_eq!(found("Drinking  heavily"), vec!["1A", "1B", "1C"]);
        assert_eq!(found("county lines"), vec!["11A", "12A", "13A", "24A"]);
        assert!(found("cannabis").starts_with(&["2A", "2B", "2C"]));
        assert!(found("dv").contains(&"3B"));
        assert!(found("zebra").is_empty());
    }

    #[test]
    fn dates_must_be_in_order() {
        let (mut a, _, _) = case();
        a.start_date = a.referral_date.map(|d| d - chrono::Duration::days(1));
        assert_eq!(rules(&a), vec![("1103", false)]);
    }

    #[test]
    fn the_mapping_suggests_factors_without_setting_them() {
        let (a, _, _) = case();
        let codes: Vec<&str> = suggested_factors(&a)
            .iter()
            .map(|f| f.code.as_str())
            .collect();
        assert_eq!(codes, vec!["1B", "3B", "4B"]);
        assert!(a.case.census.is_empty());
    }
}
