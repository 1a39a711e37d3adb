//! Who may read what: a mark on anything recorded (an answer, a chronology entry, a person's
//! details, a network map entry, a scale judgement, a harm or danger statement, a rule or contact
//! of the safety plan, one thing a child said, one drawing or one page of their story) saying
//! it is not for the family, not for particular people, or restricted to the professional
//! record; with who set it, when and why. [`Reader`] is who a summary or export is for, and
//! [`may_read`] the one rule of what that reader is shown.

use super::ids::{ItemId, PersonId};
use super::{Assessment, PersonRole};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a mark is on.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", deny_unknown_fields)]
pub enum Target {
    /// An answer, by its key (`question` or `question@p-…`).
    Answer {
        key: String,
    },
    /// A chronology entry.
    Chronology {
        entry: String,
    },
    /// A person's details: address, phone number, household, notes.
    PersonDetails {
        person: PersonId,
    },
    /// An entry on the network map (what they agreed to do, how close they are).
    Network {
        entry: ItemId,
    },
    /// One person's judgement on a scale: their number and reason.
    #[serde(rename_all = "camelCase")]
    Marker {
        scale: String,
        marker: String,
    },
    Harm {
        harm: ItemId,
    },
    /// A danger statement with its safety goal and scale.
    Pair {
        pair: ItemId,
    },
    /// A rule of the safety plan.
    Rule {
        rule: ItemId,
    },
    /// A contact of the safety plan.
    Contact {
        contact: ItemId,
    },
    /// One thing a child said in one of their tools, as the worker wrote it down.
    ChildWords {
        words: ItemId,
    },
    /// One drawing of a child's tool: a house of the Three Houses, or the Safety House (by its
    /// surface's code: `worries`, `goodThings`, `dreams`, `house`). A story page's picture goes
    /// with its page.
    Drawing {
        tool: ItemId,
        surface: String,
    },
    /// One page of a Words and Pictures story: its words, in every version, and its picture.
    StoryPage {
        page: ItemId,
    },
}

/// Who may not read it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", deny_unknown_fields)]
pub enum Restriction {
    /// Not in anything for the family or the child.
    NotForFamily,
    /// Not for these people (from the register), nor for the family as a whole.
    NotFor { people: Vec<PersonId> },
    /// Only in the professional record: never in a summary for anyone in the family, never in an
    /// export for sharing.
    Restricted,
}

/// A mark, with who set it, when and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mark {
    pub target: Target,
    pub restriction: Restriction,
    pub set_by: String,
    pub set_on: NaiveDate,
    pub why: String,
}

/// Who a summary or an export is made for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Reader {
    /// The professional record: everything.
    Professional,
    /// The family as a whole (both parents and everyone at home).
    Family,
    /// One person in the register (a parent, a family member).
    Person(PersonId),
    /// A child being assessed: their own, shorter version.
    Child(PersonId),
}

impl Reader {
    /// In words, for the top of what is made: "Chris Testcase", "the family".
    pub fn words(&self, a: &Assessment) -> String {
        let name = |p: &PersonId| {
            a.person(p).map_or_else(
                || "someone no longer in the register".to_owned(),
                |p| p.display_name(),
            )
        };
        match self {
            Reader::Professional => "the professional record".to_owned(),
            Reader::Family => "the family".to_owned(),
            Reader::Person(p) => name(p),
            Reader::Child(p) => format!("{} (the child's version)", name(p)),
        }
    }
    /// The value used in forms: `professional`, `family`, `person:p-…`, `child:p-…`.
    pub fn code(&self) -> String {
        match self {
            Reader::Professional => "professional".into(),
            Reader::Family => "family".into(),
            Reader::Person(p) => format!("person:{p}"),
            Reader::Child(p) => format!("child:{p}"),
        }
    }
    /// The reader for a form value.
    pub fn from_code(code: &str) -> Option<Self> {
        match code.split_once(':') {
            None if code == "professional" => Some(Reader::Professional),
            None if code == "family" => Some(Reader::Family),
            Some(("person", p)) => PersonId::parse(p).map(Reader::Person),
            Some(("child", p)) => PersonId::parse(p).map(Reader::Child),
            _ => None,
        }
    }
    /// Everyone a summary can be made for: the family, each adult in the family, each child.
    pub fn choices(a: &Assessment) -> Vec<Reader> {
        let mut out = vec![Reader::Family];
        out.extend(
            a.people
                .iter()
                .filter(|p| {
                    matches!(
                        p.role,
                        PersonRole::FamilyMember | PersonRole::OtherSignificant
                    )
                })
                .map(|p| Reader::Person(p.id.clone())),
        );
        out.extend(a.children().map(|c| Reader::Child(c.id.clone())));
        out
    }
}

/// Whether `reader` may read something marked `restriction`.
pub fn allows(restriction: &Restriction, reader: &Reader) -> bool {
    match (restriction, reader) {
        (_, Reader::Professional) => true,
        (Restriction::Restricted | Restriction::NotForFamily, _) => false,
        // "Not for Chris" keeps it from anything the whole family reads, Chris included.
        (Restriction::NotFor { .. }, Reader::Family) => false,
        (Restriction::NotFor { people }, Reader::Person(p) | Reader::Child(p)) => {
            !people.contains(p)
        }
    }
}

impl Assessment {
    /// The mark on `target`, if it has one.
    pub fn mark(&self, target: &Target) -> Option<&Mark> {
        self.marks.iter().find(|m| &m.target == target)
    }
}

/// Whether `reader` may read what is at `target`.
pub fn may_read(a: &Assessment, target: &Target, reader: &Reader) -> bool {
    a.mark(target)
        .is_none_or(|m| allows(&m.restriction, reader))
}

/// The mark in words: "Not for Chris Testcase", "Not for the family", "Restricted".
pub fn mark_words(a: &Assessment, m: &Mark) -> String {
    match &m.restriction {
        Restriction::NotForFamily => "Not for the family".to_owned(),
        Restriction::Restricted => "Restricted: professional record only".to_owned(),
        Restriction::NotFor { people } => {
            let names: Vec<String> = people
                .iter()
                .map(|p| {
                    a.person(p)
                        .map_or_else(|| p.to_string(), |p| p.display_name())
                })
                .collect();
            format!("Not for {}", names.join(", "))
        }
    }
}

/// A summary or export that was made: when, for whom, and what was left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    /// "Family summary", "Export for sharing".
    pub what: String,
    /// Who it was for, in words.
    pub reader: String,
    /// Each thing left out, in words ("An answer: Danger statements (not for Chris Testcase)").
    pub left_out: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_reader_is_kept_from_what_is_marked_for_them() {
        let (chris, dana, mia) = (
            PersonId::from_random([1; 4]),
            PersonId::from_random([2; 4]),
            PersonId::from_random([3; 4]),
        );
        let not_chris = Restriction::NotFor {
            people: vec![chris.clone()],
        };
        let readers = [
            Reader::Professional,
            Reader::Family,
            Reader::Person(chris.clone()),
            Reader::Person(dana.clone()),
            Reader::Child(mia.clone()),
        ];
        let row = |r: &Restriction| readers.iter().map(|x| allows(r, x)).collect::<Vec<_>>();
        assert_eq!(row(&not_chris), vec![true, false, false, true, true]);
        assert_eq!(
            row(&Restriction::NotForFamily),
            vec![true, false, false, false, false]
        );
        assert_eq!(
            row(&Restriction::Restricted),
            vec![true, false, false, false, false]
        );
    }

    #[test]
    fn readers_go_to_and_from_form_values() {
        for r in [
            Reader::Professional,
            Reader::Family,
            Reader::Person(PersonId::from_random([4; 4])),
            Reader::Child(PersonId::from_random([5; 4])),
        ] {
            assert_eq!(Reader::from_code(&r.code()), Some(r.clone()));
        }
        assert_eq!(Reader::from_code("person:nobody"), None);
        assert_eq!(Reader::from_code("everyone"), None);
    }
}
