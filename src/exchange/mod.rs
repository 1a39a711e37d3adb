//! JSON for upload: the versioned envelope an assessment is exported in, and the import that
//! checks a file completely before anything is stored. The published JSON Schema
//! (`public/schema/`) describes exactly what [`export_json`] writes.

pub mod backup;
pub mod base64;
pub mod carried;
pub mod encrypted;
pub mod errors;
pub mod gedcom;
mod locate;
/// Malformed files generated from a valid one, for the import's tests only.
#[cfg(any(test, feature = "test-support"))]
pub mod malformed;
pub mod migrate;
pub mod targets;

pub use carried::{any_profile, CarriedProfile, ProfileLookup};
pub use errors::ImportError;
pub use migrate::SCHEMA_VERSION;

use crate::model::{validity, Assessment};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

/// The `format` value of every export.
pub const FORMAT: &str = "assessment-workbench/assessment";
/// The largest file import accepts, in bytes.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// The published schema's location, relative to the app.
pub const SCHEMA_PATH: &str = "schema/assessment-v11.schema.json";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EnvelopeOut<'a> {
    format: &'static str,
    schema_version: u32,
    exported_at: DateTime<Utc>,
    app_version: &'a str,
    /// Who an export for sharing was made for; `null` for the full record.
    made_for: Option<&'a str>,
    assessment: &'a Assessment,
    /// The procedure profile the assessment follows, when it is one loaded on this device
    /// (every copy of the app has the built-in ones).
    #[serde(skip_serializing_if = "Option::is_none")]
    procedure_profile: Option<Value>,
}

/// An assessment read from a file, with what the envelope said about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    /// The schema version the file was written in (before migration).
    pub schema_version: u32,
    pub exported_at: Option<String>,
    pub app_version: Option<String>,
    /// Who the file was made for, when it is an export for sharing.
    pub made_for: Option<String>,
    /// The profile the file carries when this device does not have it: to be added before the
    /// assessment is stored.
    pub profile_to_add: Option<CarriedProfile>,
}

/// Writes one assessment as an export file (pretty JSON, ending in a newline).
pub fn export_json(a: &Assessment, exported_at: DateTime<Utc>, app_version: &str) -> String {
    envelope(a, exported_at, app_version, None)
}

/// Writes the export for sharing with `reader`: the assessment as they may see it (nothing
/// marked away from them, no marks, no audit), saying at the top who it was made for.
pub fn export_for_reader_json(
    a: &Assessment,
    reader: &crate::model::marks::Reader,
    exported_at: DateTime<Utc>,
    app_version: &str,
) -> String {
    let shown = crate::views::for_reader::for_reader(a, reader);
    envelope(&shown, exported_at, app_version, Some(&reader.words(a)))
}

fn envelope(
    a: &Assessment,
    exported_at: DateTime<Utc>,
    app_version: &str,
    made_for: Option<&str>,
) -> String {
    let env = EnvelopeOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        exported_at,
        app_version,
        made_for,
        assessment: a,
        procedure_profile: carried::carried_value(a),
    };
    let mut s = serde_json::to_string_pretty(&env).expect("an assessment always serialises");
    s.push('\n');
    s
}

/// The full export of `a` as a JSON value (what [`export_json`] writes), for a file that holds
/// several, such as a backup.
pub(crate) fn export_value(a: &Assessment, exported_at: DateTime<Utc>, app_version: &str) -> Value {
    serde_json::to_value(EnvelopeOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        exported_at,
        app_version,
        made_for: None,
        assessment: a,
        procedure_profile: carried::carried_value(a),
    })
    .expect("an assessment always serialises")
}

/// The file name an export is offered under.
pub fn export_file_name(a: &Assessment) -> String {
    let day = a.updated_at.date_naive();
    format!("assessment-{}-{day}.json", a.id)
}

/// Reads an export file; every check runs before the caller stores anything.
pub fn import_json(text: &str, known_profile: impl ProfileLookup) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        reason: plain_json_reason(&e),
    })?;
    let Value::Object(mut env) = value else {
        return Err(ImportError::NotAnEnvelope);
    };
    if !env.contains_key("format") && !env.contains_key("assessment") {
        return Err(ImportError::NotAnEnvelope);
    }
    match env.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(ImportError::WrongFormat {
                found: other
                    .as_str()
                    .map_or_else(|| other.to_string(), str::to_owned),
            })
        }
        None => {
            return Err(ImportError::MissingField {
                path: "format".into(),
            })
        }
    }
    let version = migrate::read_version(env.get("schemaVersion"))?;
    let exported_at = required_string(&env, "exportedAt")?;
    let app_version = required_string(&env, "appVersion")?;
    for key in env.keys() {
        if ![
            "format",
            "schemaVersion",
            "exportedAt",
            "appVersion",
            "madeFor",
            "assessment",
            "procedureProfile",
        ]
        .contains(&key.as_str())
        {
            return Err(ImportError::InvalidField {
                path: key.clone(),
                reason: "this field is not part of the format".into(),
            });
        }
    }
    let doc = env.remove("assessment").ok_or(ImportError::MissingField {
        path: "assessment".into(),
    })?;
    let made_for = match env.get("madeFor") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            return Err(ImportError::InvalidField {
                path: "madeFor".into(),
                reason: "expected text or null".into(),
            })
        }
    };
    let carried = carried::read(env.get("procedureProfile"))?;
    let lookup = carried::with_carried(&known_profile, carried.as_ref());
    let assessment = restore(doc, version, "assessment", lookup)
        .map_err(|e| carried::not_the_one_followed(e, carried.as_ref()))?;
    let profile_to_add = carried::to_add(&assessment, carried, &known_profile)?;
    Ok(Imported {
        assessment,
        schema_version: version,
        exported_at,
        app_version,
        made_for,
        profile_to_add,
    })
}

/// The words for an import error, naming the person a field belongs to when it is one of the
/// people in the file: "Ella Testcase (people[0]): The field …".
pub fn explain(text: &str, e: &ImportError) -> String {
    let words = e.to_string();
    let (ImportError::InvalidField { path, .. } | ImportError::MissingField { path }) = e else {
        return words;
    };
    let Some(i) = path
        .strip_prefix("assessment.people[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(n, _)| n.parse::<usize>().ok())
    else {
        return words;
    };
    let Ok(file) = serde_json::from_str::<Value>(text) else {
        return words;
    };
    let p = &file["assessment"]["people"][i];
    let part = |k: &str| p[k].as_str().unwrap_or("").trim().to_owned();
    let name = format!("{} {}", part("givenName"), part("familyName"));
    match name.trim() {
        "" => words,
        name => format!("{name} (people[{i}]): {words}"),
    }
}

fn required_string(env: &Map<String, Value>, key: &str) -> Result<Option<String>, ImportError> {
    match env.get(key) {
        None => Err(ImportError::MissingField { path: key.into() }),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ImportError::InvalidField {
            path: key.into(),
            reason: "expected text".into(),
        }),
    }
}

fn plain_json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    // serde_json appends " at line X column Y"; we say that ourselves.
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_owned(),
        None => full,
    }
}

/// Turns a stored or imported assessment document of schema `version` into an [`Assessment`],
/// migrating it first and checking every rule. `prefix` names where the document sits, for
/// error paths.
pub fn restore(
    doc: Value,
    version: u32,
    prefix: &str,
    known_profile: impl ProfileLookup,
) -> Result<Assessment, ImportError> {
    let assessment = read_shape(doc, version, prefix)?;
    check_rules(&assessment, &known_profile).map_err(|e| match e {
        ImportError::InvalidField { path, reason } => ImportError::InvalidField {
            path: at(prefix, &path),
            reason,
        },
        other => other,
    })?;
    Ok(assessment)
}

fn at(prefix: &str, p: &str) -> String {
    if p.is_empty() || p == "." {
        prefix.to_owned()
    } else {
        format!("{prefix}.{p}")
    }
}

/// The first half of [`restore`]: migrates the document and reads it strictly (every field of
/// the format present, nothing else), without the rules of [`validity`]. The repository uses it
/// to tell a record that needs repair from one that cannot be read at all.
pub fn read_shape(doc: Value, version: u32, prefix: &str) -> Result<Assessment, ImportError> {
    let doc = migrate::migrate(doc, version)?;
    let at = |p: &str| at(prefix, p);
    let (text, paths) = locate::lines_with_paths(&doc);
    let assessment: Assessment = serde_json::from_str(&text).map_err(|e| {
        let path = paths
            .get(e.line().saturating_sub(1))
            .cloned()
            .unwrap_or_default();
        let inner = plain_json_reason(&e);
        match inner.strip_prefix("missing field `") {
            Some(rest) => ImportError::MissingField {
                path: at(&format!(
                    "{}{}",
                    if path.is_empty() {
                        String::new()
                    } else {
                        format!("{path}.")
                    },
                    rest.trim_end_matches('`')
                )),
            },
            None => ImportError::InvalidField {
                path: at(&path),
                reason: inner.replace('`', "\""),
            },
        }
    })?;
    // Optional fields must still be written (as null): compare with the canonical form.
    let canonical = serde_json::to_value(&assessment).expect("serialisable");
    if let Some(missing) = first_missing_key(&doc, &canonical, "") {
        return Err(ImportError::MissingField { path: at(&missing) });
    }
    // ...and nothing may be there that the format does not have (serde lets some through).
    if let Some(extra) = first_missing_key(&canonical, &doc, "") {
        return Err(ImportError::InvalidField {
            path: at(&extra),
            reason: "this field is not part of the format".into(),
        });
    }
    Ok(assessment)
}

/// The first key that the canonical form has and the input lacks, as a dotted path.
fn first_missing_key(input: &Value, canonical: &Value, path: &str) -> Option<String> {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_owned()
        } else {
            format!("{path}.{k}")
        }
    };
    match (input, canonical) {
        (Value::Object(i), Value::Object(c)) => c.iter().find_map(|(k, cv)| match i.get(k) {
            None => Some(join(k)),
            Some(iv) => first_missing_key(iv, cv, &join(k)),
        }),
        (Value::Array(i), Value::Array(c)) => i
            .iter()
            .zip(c)
            .enumerate()
            .find_map(|(n, (iv, cv))| first_missing_key(iv, cv, &format!("{path}[{n}]"))),
        _ => None,
    }
}

/// The rules of [`crate::model::validity`], and a profile this app has.
fn check_rules(a: &Assessment, known_profile: &impl ProfileLookup) -> Result<(), ImportError> {
    if let Some(p) = validity::problems(a).into_iter().next() {
        return Err(match p.duplicate_person {
            Some(id) => ImportError::DuplicatePersonId { id },
            None => ImportError::InvalidField {
                path: p.path,
                reason: p.reason,
            },
        });
    }
    carried::check_profile(a, known_profile)
}

#[cfg(test)]
mod tests;

/// Test helpers for other modules: the import rules, without a file.
#[cfg(test)]
pub mod tests_support {
    /// Panics unless `a` passes every import rule.
    pub fn assert_valid(a: &crate::model::Assessment) {
        super::check_rules(a, &super::any_profile).unwrap();
    }
}
