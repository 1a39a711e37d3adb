//! The parts of an assessment, as a set: what a change touched ([`crate::workspace::patch`])
//! and what each group of rules reads ([`super::validity`]), so a change is checked against the
//! rules that could see it, not the whole document.

/// One part of [`super::Assessment`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The assessment's own fields: id, dates, type, procedure, who leads it.
    Header,
    People,
    CompletedSections,
    Answers,
    Chronology,
    Scales,
    Genogram,
    Network,
    ChildNetworks,
    Planning,
    Marks,
    Audit,
    Case,
    ChildTools,
    /// Family group decision-making.
    FamilyGroup,
}

/// A set of parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Parts(u16);

impl Parts {
    /// Every part.
    pub const ALL: Parts = Parts(u16::MAX);
    /// No part.
    pub const NONE: Parts = Parts(0);

    /// The set of the parts given.
    pub const fn of(parts: &[Part]) -> Parts {
        let mut bits = 0u16;
        let mut i = 0;
        while i < parts.len() {
            bits |= 1 << parts[i] as u16;
            i += 1;
        }
        Parts(bits)
    }

    /// With `p` added.
    pub fn with(self, p: Part) -> Parts {
        Parts(self.0 | 1 << p as u16)
    }

    pub fn contains(self, p: Part) -> bool {
        self.0 & (1 << p as u16) != 0
    }

    /// Whether the two sets share a part.
    pub fn meets(self, other: Parts) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether every part of `self` is in `other`.
    pub fn within(self, other: Parts) -> bool {
        self.0 & !other.0 == 0
    }
}
