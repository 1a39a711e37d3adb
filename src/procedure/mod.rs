//! Procedure profiles: each local authority's assessment chapter described as data: its
//! sections, questions, help and timescale rules. The built-in profiles are JSON files compiled
//! into the app and checked by tests, so a council can add its own without code branches.

pub mod calendar;
pub mod census;
pub mod durations;
pub mod profile;
pub mod timescales;

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

/// The built-in profile with this id.
pub fn find(id: &str) -> Option<&'static Profile> {
    built_in().iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests;
