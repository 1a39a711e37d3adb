//! What can be wrong with a file offered for import, each with words for the user.

use std::fmt;

/// Why an import (or a stored record) was refused. Nothing is stored when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than the app accepts.
    TooLarge { bytes: usize, limit: usize },
    /// The file is not JSON at all.
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    /// The JSON is not an object with the envelope's fields.
    NotAnEnvelope,
    /// The `format` field names something other than an assessment export.
    WrongFormat { found: String },
    /// The file comes from a newer version of the app.
    NewerVersion { found: u64, supported: u32 },
    /// The schema version is not a whole number we know.
    BadVersion { found: String },
    /// A field that must be present is missing.
    MissingField { path: String },
    /// A field is present but wrong (wrong type, unknown value, unexpected field).
    InvalidField { path: String, reason: String },
    /// The assessment uses a procedure profile this app does not have.
    UnknownProfile { id: String, version: u32 },
    /// This device has the profile's version, but with other content than the assessment was
    /// written under.
    ProfileDiffers { id: String, version: u32 },
    /// The file carries a procedure profile that cannot be used.
    CarriedProfile { reason: String },
    /// Two people in the register share an id.
    DuplicatePersonId { id: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "The file is too large ({} KB). The largest file that can be imported is {} KB.",
                bytes.div_ceil(1024),
                limit / 1024
            ),
            ImportError::NotJson { line, column, reason } => write!(
                f,
                "The file is not a valid JSON file: {reason} (line {line}, column {column})."
            ),
            ImportError::NotAnEnvelope => f.write_str(
                "The file is JSON but not an Assessment Workbench export: it has no \"format\" and \"assessment\" fields.",
            ),
            ImportError::WrongFormat { found } => write!(
                f,
                "The file's format is \"{found}\", not an Assessment Workbench assessment export."
            ),
            ImportError::NewerVersion { found, supported } => write!(
                f,
                "The file uses schema version {found}, which is newer than this app understands (up to version {supported}). Update the app, then import it again."
            ),
            ImportError::BadVersion { found } => write!(
                f,
                "The file's schema version ({found}) is not a version this app knows."
            ),
            ImportError::MissingField { path } => {
                write!(f, "The file is missing the field \"{path}\".")
            }
            ImportError::InvalidField { path, reason } => {
                write!(f, "The field \"{path}\" is not valid: {reason}.")
            }
            ImportError::UnknownProfile { id, version } => write!(
                f,
                "The assessment follows version {version} of the procedure profile \"{id}\", which this device does not have, and the file does not carry it. Load the profile on the Procedures page first, or ask for an export made after it was loaded."
            ),
            ImportError::ProfileDiffers { id, version } => write!(
                f,
                "The assessment follows version {version} of the procedure profile \"{id}\", but this device's copy of that version has different content. Ask the council which copy is right; nothing has been imported."
            ),
            ImportError::CarriedProfile { reason } => write!(
                f,
                "The procedure profile the file carries cannot be used: {reason}"
            ),
            ImportError::DuplicatePersonId { id } => write!(
                f,
                "Two people in the file share the id \"{id}\"; each person needs their own id."
            ),
        }
    }
}

impl std::error::Error for ImportError {}
