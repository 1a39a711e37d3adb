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

/// Why a profile file was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// Not JSON of the profile's shape.
    Malformed(String),
    /// The shape is right but the content could not drive the flow.
    Invalid(Vec<ProfileProblem>),
}

/// Parses and checks one profile file.
pub fn parse_profile(text: &str) -> Result<Profile, ProfileError> {
    let p: Profile =
        serde_json::from_str(text).map_err(|e| ProfileError::Malformed(e.to_string()))?;
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
