//! A backup: every assessment on a device, the bin's included, in one file that another browser
//! or device can restore. Each assessment in it is exactly its export file (the envelope of
//! [`super::export_json`]), so a backup is read with the same strict import, assessment by
//! assessment, before anything is stored. The app encrypts the whole file to a passphrase (the
//! encrypted export format of [`super::encrypted`]); inside it reads:
//!
//! ```json
//! { "format": "assessment-workbench/backup", "version": 1, "madeAt": "<RFC 3339>",
//!   "appVersion": "0.8.0", "count": 2,
//!   "assessments": [ { "deletedAt": null, "file": { "format": "assessment-workbench/assessment", … } },
//!                    { "deletedAt": "<RFC 3339: in the bin since>", "file": { … } } ] }
//! ```

use super::{import_json, ImportError};
use crate::model::Assessment;
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{json, Value};
use std::fmt;

/// The `format` of a backup.
pub const BACKUP_FORMAT: &str = "assessment-workbench/backup";
/// The backup format's version written now.
pub const BACKUP_VERSION: u64 = 1;
/// The largest backup a restore reads, in bytes (fifty assessments at the import's limit).
pub const MAX_BACKUP_BYTES: usize = 50 * super::MAX_IMPORT_BYTES;

/// One assessment in a backup, and whether it was in the bin (since when).
#[derive(Clone, Debug, PartialEq)]
pub struct BackupItem {
    pub assessment: Assessment,
    pub deleted_at: Option<DateTime<Utc>>,
}

/// A backup read and checked completely.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub made_at: DateTime<Utc>,
    pub items: Vec<BackupItem>,
    /// Profiles the assessments follow that this device does not have, carried in the backup:
    /// added before the assessments are restored.
    pub profiles_to_add: Vec<super::CarriedProfile>,
}

/// Why a file cannot be restored. Nothing is stored when a restore meets one.
#[derive(Clone, Debug, PartialEq)]
pub enum BackupError {
    /// The file ends early: it was not saved or copied completely.
    Truncated,
    /// Not JSON at all.
    NotJson { reason: String },
    /// One assessment's export, which is imported, not restored.
    AnAssessment,
    /// JSON of some other kind.
    NotABackup { found: Option<String> },
    /// A backup from a newer version of the app.
    NewerVersion { found: u64 },
    /// The backup's own fields are wrong.
    Damaged { reason: String },
    /// One assessment inside the backup cannot be read.
    Item {
        /// From 1.
        number: usize,
        count: usize,
        /// The children's names, when the file says them.
        title: Option<String>,
        error: ImportError,
    },
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BackupError::Truncated => f.write_str("The backup file is not complete: it ends too early. It may not have finished saving or copying. Use another copy of the backup."),
            BackupError::NotJson { reason } => write!(f, "The file is not a backup made by Assessment Workbench: it is not a JSON file ({reason})."),
            BackupError::AnAssessment => f.write_str("The file is one assessment's export, not a backup. Import it from 'Import an assessment' on the list of assessments."),
            BackupError::NotABackup { found: Some(found) } => write!(f, "The file is not a backup made by Assessment Workbench: its format is \"{found}\"."),
            BackupError::NotABackup { found: None } => f.write_str("The file is not a backup made by Assessment Workbench."),
            BackupError::NewerVersion { found } => write!(f, "The backup was made by a newer version of Assessment Workbench (backup version {found}). Update the app, then restore it again."),
            BackupError::Damaged { reason } => write!(f, "The backup file is damaged: {reason}."),
            BackupError::Item { number, count, title, error } => {
                let name = title.as_deref().map(|t| format!(" ({t})")).unwrap_or_default();
                write!(f, "Assessment {number} of {count} in the backup{name} cannot be restored: {error}")
            }
        }
    }
}

impl std::error::Error for BackupError {}

/// Writes a backup of `items` (each as its export file).
pub fn backup_json(items: &[BackupItem], made_at: DateTime<Utc>, app_version: &str) -> String {
    let assessments: Vec<Value> = items
        .iter()
        .map(|i| {
            let file = super::export_value(&i.assessment, made_at, app_version);
            json!({ "deletedAt": i.deleted_at.map(|t| t.to_rfc3339()), "file": file })
        })
        .collect();
    let doc = json!({
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "madeAt": made_at.to_rfc3339(),
        "appVersion": app_version,
        "count": items.len(),
        "assessments": assessments,
    });
    let mut s = serde_json::to_string(&doc).expect("a backup always serialises");
    s.push('\n');
    s
}

/// The name a backup is saved under: the day it was made and how many assessments it holds.
pub fn backup_file_name(day: NaiveDate, count: usize) -> String {
    let what = if count == 1 {
        "assessment"
    } else {
        "assessments"
    };
    format!("assessment-workbench-backup-{day}-{count}-{what}.json")
}

/// Reads a backup completely: the file's own fields, then every assessment in it with the
/// import's strict reading. The first problem is returned; the caller stores nothing then.
pub fn read_backup(
    text: &str,
    known_profile: impl super::ProfileLookup,
) -> Result<Backup, BackupError> {
    let damaged = |reason: &str| BackupError::Damaged {
        reason: reason.into(),
    };
    if text.len() > MAX_BACKUP_BYTES {
        return Err(damaged(&format!(
            "it is larger than the {} MB a backup may be",
            MAX_BACKUP_BYTES / 1024 / 1024
        )));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() && text.trim_start().starts_with('{') {
            BackupError::Truncated
        } else {
            BackupError::NotJson {
                reason: super::plain_json_reason(&e),
            }
        }
    })?;
    let Value::Object(doc) = value else {
        return Err(BackupError::NotABackup { found: None });
    };
    match doc.get("format").and_then(Value::as_str) {
        Some(BACKUP_FORMAT) => {}
        Some(super::FORMAT) => return Err(BackupError::AnAssessment),
        found => {
            return Err(BackupError::NotABackup {
                found: found.map(str::to_owned),
            })
        }
    }
    match doc.get("version").and_then(Value::as_u64) {
        Some(BACKUP_VERSION) => {}
        Some(found) if found > BACKUP_VERSION => return Err(BackupError::NewerVersion { found }),
        _ => return Err(damaged("its version is not one this app knows")),
    }
    for key in doc.keys() {
        if ![
            "format",
            "version",
            "madeAt",
            "appVersion",
            "count",
            "assessments",
        ]
        .contains(&key.as_str())
        {
            return Err(damaged(&format!(
                "it has a field \"{key}\" a backup does not have"
            )));
        }
    }
    let made_at = doc
        .get("madeAt")
        .and_then(Value::as_str)
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .ok_or_else(|| damaged("it does not say when it was made"))?
        .with_timezone(&Utc);
    let entries = doc
        .get("assessments")
        .and_then(Value::as_array)
        .ok_or_else(|| damaged("it has no list of assessments"))?;
    let count = entries.len();
    if doc.get("count").and_then(Value::as_u64) != Some(count as u64) {
        return Err(damaged(&format!(
            "it says it holds {} assessments but holds {count}",
            doc.get("count")
                .map_or_else(|| "no number of".into(), Value::to_string)
        )));
    }
    let mut items = Vec::with_capacity(count);
    let mut profiles_to_add = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let title = title_in(entry);
        let item_error = |error: ImportError| BackupError::Item {
            number: i + 1,
            count,
            title: title.clone(),
            error,
        };
        let Some(entry) = entry.as_object() else {
            return Err(item_error(ImportError::NotAnEnvelope));
        };
        if let Some(key) = entry
            .keys()
            .find(|k| !["deletedAt", "file"].contains(&k.as_str()))
        {
            return Err(item_error(ImportError::InvalidField {
                path: key.clone(),
                reason: "this field is not part of a backup".into(),
            }));
        }
        let deleted_at = match entry.get("deletedAt") {
            None | Some(Value::Null) => None,
            Some(Value::String(t)) => Some(
                DateTime::parse_from_rfc3339(t)
                    .map_err(|_| {
                        item_error(ImportError::InvalidField {
                            path: "deletedAt".into(),
                            reason: "expected a date and time".into(),
                        })
                    })?
                    .with_timezone(&Utc),
            ),
            Some(_) => {
                return Err(item_error(ImportError::InvalidField {
                    path: "deletedAt".into(),
                    reason: "expected a date and time or null".into(),
                }))
            }
        };
        let file = entry.get("file").ok_or_else(|| {
            item_error(ImportError::MissingField {
                path: "file".into(),
            })
        })?;
        let imported = import_json(&file.to_string(), &known_profile).map_err(item_error)?;
        if let Some(p) = imported.profile_to_add {
            if !profiles_to_add.iter().any(|q: &super::CarriedProfile| {
                q.profile.id == p.profile.id && q.profile.version == p.profile.version
            }) {
                profiles_to_add.push(p);
            }
        }
        items.push(BackupItem {
            assessment: imported.assessment,
            deleted_at,
        });
    }
    let mut ids = std::collections::HashSet::new();
    if let Some(dup) = items.iter().find(|i| !ids.insert(i.assessment.id.clone())) {
        return Err(damaged(&format!(
            "it holds the assessment {} twice",
            dup.assessment.id
        )));
    }
    Ok(Backup {
        made_at,
        items,
        profiles_to_add,
    })
}

/// The children's names as an entry of a backup has them (its people whose role is the child
/// being assessed), for a message about a file that may not read as an assessment.
fn title_in(entry: &Value) -> Option<String> {
    let people = entry
        .get("file")?
        .get("assessment")?
        .get("people")?
        .as_array()?;
    let names: Vec<String> = people
        .iter()
        .filter(|p| p.get("role").and_then(Value::as_str) == Some("subjectChild"))
        .filter_map(|p| {
            let part = |k: &str| {
                p.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .trim()
                    .to_owned()
            };
            let name = format!("{} {}", part("givenName"), part("familyName"));
            Some(name.trim().to_owned()).filter(|n| !n.is_empty())
        })
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::register::tests::demo_case;
    use crate::model::AssessmentId;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn two() -> Vec<BackupItem> {
        let a = demo_case();
        let mut b = demo_case();
        b.id = AssessmentId::parse("a-00000000000000b2").unwrap();
        vec![
            BackupItem {
                assessment: a,
                deleted_at: None,
            },
            BackupItem {
                assessment: b,
                deleted_at: Some(t("2026-12-01T09:00:00Z")),
            },
        ]
    }

    #[test]
    fn a_backup_reads_back_as_written_bin_and_all() {
        let items = two();
        let text = backup_json(&items, t("2026-12-06T10:00:00Z"), "0.8.0");
        let back = read_backup(&text, crate::exchange::any_profile).unwrap();
        assert_eq!(back.made_at, t("2026-12-06T10:00:00Z"));
        assert_eq!(back.items, items);
        assert_eq!(
            backup_file_name(NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(), 20),
            "assessment-workbench-backup-2026-12-06-20-assessments.json"
        );
    }

    #[test]
    fn each_thing_wrong_with_a_backup_has_its_own_message() {
        let text = backup_json(&two(), t("2026-12-06T10:00:00Z"), "0.8.0");
        // Cut short.
        let cut = &text[..text.len() / 2];
        assert_eq!(
            read_backup(cut, crate::exchange::any_profile),
            Err(BackupError::Truncated)
        );
        assert!(BackupError::Truncated.to_string().contains("not complete"));
        // Another kind of file.
        let one = super::super::export_json(&demo_case(), t("2026-12-06T10:00:00Z"), "0.8.0");
        assert_eq!(
            read_backup(&one, crate::exchange::any_profile),
            Err(BackupError::AnAssessment)
        );
        assert!(
            matches!(read_backup("{\"format\":\"x\"}", crate::exchange::any_profile), Err(BackupError::NotABackup { found: Some(f) }) if f == "x")
        );
        assert!(matches!(
            read_backup("hello", crate::exchange::any_profile),
            Err(BackupError::NotJson { .. })
        ));
        assert!(matches!(
            read_backup("[1]", crate::exchange::any_profile),
            Err(BackupError::NotABackup { found: None })
        ));
        // A newer backup version, and a count that does not match.
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["version"] = 2.into();
        assert_eq!(
            read_backup(&v.to_string(), crate::exchange::any_profile),
            Err(BackupError::NewerVersion { found: 2 })
        );
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["count"] = 3.into();
        let e = read_backup(&v.to_string(), crate::exchange::any_profile).unwrap_err();
        assert!(
            e.to_string()
                .contains("says it holds 3 assessments but holds 2"),
            "{e}"
        );
        // The same assessment twice.
        let mut v: Value = serde_json::from_str(&text).unwrap();
        let first = v["assessments"][0].clone();
        v["assessments"][1] = first;
        assert!(read_backup(&v.to_string(), crate::exchange::any_profile)
            .unwrap_err()
            .to_string()
            .contains("twice"));
    }

    #[test]
    fn one_broken_assessment_inside_names_itself_and_the_whole_file_is_refused() {
        let text = backup_json(&two(), t("2026-12-06T10:00:00Z"), "0.8.0");
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["assessments"][1]["file"]["assessment"]["people"] = Value::String("nobody".into());
        let e = read_backup(&v.to_string(), crate::exchange::any_profile).unwrap_err();
        let BackupError::Item {
            number,
            count,
            ref title,
            ..
        } = e
        else {
            panic!("{e:?}")
        };
        assert_eq!((number, count), (2, 2));
        assert_eq!(title, &None, "the people cannot be read, so no names");
        assert!(
            e.to_string()
                .starts_with("Assessment 2 of 2 in the backup cannot be restored: The field"),
            "{e}"
        );
        // A rule broken inside (an unknown profile) names the children.
        let e =
            read_backup(&text, |p, _| (p != demo_case().profile).then(String::new)).unwrap_err();
        let words = e.to_string();
        assert!(
            words.starts_with("Assessment 1 of 2 in the backup (")
                && words.contains("procedure profile"),
            "{words}"
        );
        // A bad bin date.
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["assessments"][0]["deletedAt"] = "yesterday".into();
        assert!(read_backup(&v.to_string(), crate::exchange::any_profile)
            .unwrap_err()
            .to_string()
            .contains("deletedAt"));
    }
}
