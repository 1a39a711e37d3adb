//! Procedure profiles: each local authority's assessment chapter described as data: its
//! sections, questions, help and timescale rules. The built-in profiles are JSON files compiled
//! into the app and checked by tests, so a council can add its own without code branches.

pub mod calendar;
pub mod census;
pub mod durations;
pub mod family_group;
pub mod identity;
pub mod profile;
pub mod registry;
pub mod timescales;
pub mod upgrade;

pub use profile::{Profile, ProfileProblem};

use std::sync::OnceLock;

const BUILT_IN: [&str; 2] = [
    include_str!("profiles/signs-of-safety-2020.json"),
    include_str!("profiles/assessments-2024.json"),
];

/// The largest profile file read, in bytes (the built-in ones are about 60 KB).
pub const MAX_PROFILE_BYTES: usize = 1024 * 1024;

/// Why a profile file was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// Larger than [`MAX_PROFILE_BYTES`].
    TooLarge { bytes: usize },
    /// Not JSON of the profile's shape: what is wrong, and where in the file.
    Malformed {
        line: usize,
        column: usize,
        reason: String,
    },
    /// The shape is right but the content could not drive the flow.
    Invalid(Vec<ProfileProblem>),
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileError::TooLarge { bytes } => write!(
                f,
                "The profile is too large ({} KB); a profile may be up to {} KB.",
                bytes.div_ceil(1024),
                MAX_PROFILE_BYTES / 1024
            ),
            ProfileError::Malformed {
                line,
                column,
                reason,
            } => write!(
                f,
                "The profile cannot be read at line {line}, column {column}: {reason}."
            ),
            ProfileError::Invalid(problems) => {
                f.write_str("The profile cannot be used:")?;
                for p in problems {
                    write!(f, " {}: {}.", p.at, p.problem)?;
                }
                Ok(())
            }
        }
    }
}

/// Parses and checks one profile file: its size, its shape (with the line and column of the
/// first thing wrong), then every rule of [`profile::check`] (each problem with its place).
pub fn parse_profile(text: &str) -> Result<Profile, ProfileError> {
    if text.len() > MAX_PROFILE_BYTES {
        return Err(ProfileError::TooLarge { bytes: text.len() });
    }
    let p: Profile = serde_json::from_str(text).map_err(|e| {
        let full = e.to_string();
        // serde_json ends its message with " at line X column Y"; the error says that itself.
        let reason = full
            .rfind(" at line ")
            .map_or(full.as_str(), |i| &full[..i])
            .replace('`', "\"");
        ProfileError::Malformed {
            line: e.line(),
            column: e.column(),
            reason,
        }
    })?;
    let problems = profile::check(&p);
    if problems.is_empty() {
        let mut p = p;
        p.hash = identity::canonical(text)
            .map(|c| identity::content_hash(&c))
            .unwrap_or_default();
        Ok(p)
    } else {
        Err(ProfileError::Invalid(problems))
    }
}

/// The profiles built into the app, in the order they are offered.
pub fn built_in() -> &'static [Profile] {
    static ALL: OnceLock<Vec<Profile>> = OnceLock::new();
    ALL.get_or_init(|| {
        BUILT_IN
            .iter()
            .map(|t| parse_profile(t).expect("built-in profiles are checked by tests"))
            .collect()
    })
}

/// The newest version of the profile with this id, built in or loaded on this device.
pub fn find(id: &str) -> Option<&'static Profile> {
    registry::newest(id)
}

/// The profile version `a` follows, if this device has it.
pub fn of(a: &crate::model::Assessment) -> Option<&'static Profile> {
    registry::find_version(&a.profile, a.profile_version)
}

/// The content hash of this device's copy of version `version` of profile `id`, if it has
/// one: what an import checks an assessment's profile against.
pub fn known_hash(id: &str, version: u32) -> Option<String> {
    registry::find_version(id, version).map(|p| p.hash.clone())
}

/// A new assessment following `profile`, created `now`.
pub fn start(
    profile: &Profile,
    id: crate::model::AssessmentId,
    now: chrono::DateTime<chrono::Utc>,
    assessment_type: crate::model::AssessmentType,
) -> crate::model::Assessment {
    let mut a = crate::model::Assessment::new(id, now, &profile.id, assessment_type);
    a.profile_version = profile.version;
    a.profile_hash = profile.hash.clone();
    a
}

#[cfg(test)]
mod tests;
