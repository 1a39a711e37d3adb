//! Procedure profiles: each local authority's assessment chapter described as data.
//! The built-in profiles are JSON files compiled into the app and checked by tests,
//! so a council can add its own without code branches.

use serde::Deserialize;

/// A procedure profile's identity and description.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// The chapter the profile was taken from.
    pub source: String,
}

const BUILT_IN: [&str; 2] = [
    include_str!("profiles/signs-of-safety-2020.json"),
    include_str!("profiles/assessments-2024.json"),
];

/// Why a profile file was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum ProfileError {
    Malformed(String),
    Empty(&'static str),
}

/// Parses and checks one profile file.
pub fn parse_profile(text: &str) -> Result<Profile, ProfileError> {
    let p: Profile =
        serde_json::from_str(text).map_err(|e| ProfileError::Malformed(e.to_string()))?;
    if p.id.trim().is_empty() {
        return Err(ProfileError::Empty("id"));
    }
    if p.name.trim().is_empty() {
        return Err(ProfileError::Empty("name"));
    }
    Ok(p)
}

/// The profiles built into the app, in the order they are offered.
pub fn built_in() -> Vec<Profile> {
    BUILT_IN
        .iter()
        .map(|t| parse_profile(t).expect("built-in profiles are checked by tests"))
        .collect()
}

/// The built-in profile with this id.
pub fn find(id: &str) -> Option<Profile> {
    built_in().into_iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_built_in_profiles_parse_with_distinct_ids() {
        let all = built_in();
        assert_eq!(all.len(), 2);
        assert_ne!(all[0].id, all[1].id);
        assert!(find("assessments-2024").is_some());
        assert!(find("nope").is_none());
    }

    #[test]
    fn bad_profiles_are_refused_with_a_reason() {
        assert!(matches!(
            parse_profile("{"),
            Err(ProfileError::Malformed(_))
        ));
        assert_eq!(
            parse_profile(r#"{"id":" ","name":"x","summary":"","source":""}"#),
            Err(ProfileError::Empty("id"))
        );
        assert!(matches!(
            parse_profile(r#"{"id":"x","name":"x","summary":"","source":"","extra":1}"#),
            Err(ProfileError::Malformed(_))
        ));
    }
}
