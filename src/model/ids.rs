//! Identifiers for assessments and people: opaque strings that are stable across export and import.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The stable id of an assessment, e.g. `a-3f9c0d2e6b7a41c8`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AssessmentId(String);

/// The id of a person in an assessment's people register, e.g. `p-1a2b3c4d`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonId(String);

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// True when `s` is a prefix, a dash and 8 to 64 lowercase hex digits.
fn well_formed(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .is_some_and(|h| {
            (8..=64).contains(&h.len())
                && h.bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        })
}

impl AssessmentId {
    /// Makes an id from random bytes (the caller supplies the randomness).
    pub fn from_random(bytes: [u8; 8]) -> Self {
        Self(format!("a-{}", hex(&bytes)))
    }
    /// Parses an id as found in a URL or a file; `None` when it is not of the expected form.
    pub fn parse(s: &str) -> Option<Self> {
        well_formed(s, "a").then(|| Self(s.to_owned()))
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PersonId {
    /// Makes an id from random bytes (the caller supplies the randomness).
    pub fn from_random(bytes: [u8; 4]) -> Self {
        Self(format!("p-{}", hex(&bytes)))
    }
    /// Parses an id; `None` when it is not of the expected form.
    pub fn parse(s: &str) -> Option<Self> {
        well_formed(s, "p").then(|| Self(s.to_owned()))
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The id of an item in a diagram (a partnership, a parent-child line, a household, an
/// emotional relationship, a network map entry), e.g. `i-1a2b3c4d`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(String);

impl ItemId {
    /// Makes an id from random bytes (the caller supplies the randomness).
    pub fn from_random(bytes: [u8; 4]) -> Self {
        Self(format!("i-{}", hex(&bytes)))
    }
    /// Parses an id; `None` when it is not of the expected form.
    pub fn parse(s: &str) -> Option<Self> {
        well_formed(s, "i").then(|| Self(s.to_owned()))
    }
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for AssessmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for PersonId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_ids_are_well_formed_and_parse_back() {
        let a = AssessmentId::from_random([0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 3]);
        assert_eq!(a.as_str(), "a-deadbeef00010203");
        assert_eq!(AssessmentId::parse(a.as_str()), Some(a));
        let p = PersonId::from_random([1, 2, 3, 0xff]);
        assert_eq!(p.as_str(), "p-010203ff");
        assert_eq!(PersonId::parse("p-010203ff"), Some(p));
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in [
            "",
            "a-",
            "a-123",
            "b-deadbeef",
            "a-DEADBEEF",
            "a-deadbeeg",
            "a_deadbeef",
        ] {
            assert_eq!(AssessmentId::parse(bad), None, "{bad}");
        }
        assert_eq!(PersonId::parse("a-deadbeef"), None);
        assert_eq!(ItemId::parse("p-deadbeef"), None);
        assert_eq!(
            ItemId::parse("i-deadbeef"),
            Some(ItemId::from_random([0xde, 0xad, 0xbe, 0xef]))
        );
    }
}
