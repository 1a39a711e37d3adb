//! The people register: one record per person, shared by every part of an assessment
//! (children, family, professionals; later the genogram, network map and scale raters).

use super::ids::PersonId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a person takes part in the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PersonRole {
    /// A child this assessment is about; each is assessed individually.
    SubjectChild,
    /// A parent, carer, sibling or relative (fathers and mothers' partners included).
    FamilyMember,
    /// Someone significant to the child who is not family: friend, neighbour, community contact.
    OtherSignificant,
    /// A professional from an agency involved with the child and family.
    Professional,
}

impl PersonRole {
    /// Every role, in the order they are offered.
    pub const ALL: [PersonRole; 4] = [
        PersonRole::SubjectChild,
        PersonRole::FamilyMember,
        PersonRole::OtherSignificant,
        PersonRole::Professional,
    ];
    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            PersonRole::SubjectChild => "Child being assessed",
            PersonRole::FamilyMember => "Family member",
            PersonRole::OtherSignificant => "Other significant person",
            PersonRole::Professional => "Professional",
        }
    }
    /// The value used in forms and files.
    pub fn code(self) -> &'static str {
        match self {
            PersonRole::SubjectChild => "subjectChild",
            PersonRole::FamilyMember => "familyMember",
            PersonRole::OtherSignificant => "otherSignificant",
            PersonRole::Professional => "professional",
        }
    }
    /// The role for a form value.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Sex or gender as a genogram draws it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Gender {
    Male,
    Female,
    Other,
    #[default]
    Unknown,
}

impl Gender {
    /// Every value, in the order they are offered.
    pub const ALL: [Gender; 4] = [Gender::Female, Gender::Male, Gender::Other, Gender::Unknown];
    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Gender::Male => "Male",
            Gender::Female => "Female",
            Gender::Other => "Other",
            Gender::Unknown => "Not known",
        }
    }
    /// The value used in forms and files.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
            Gender::Other => "other",
            Gender::Unknown => "unknown",
        }
    }
    /// The value for a form code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }
}

/// Whether a person is living, has died, or is a pregnancy and how it ended
/// (a genogram draws each differently).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Life {
    #[default]
    Living,
    Deceased,
    /// A current pregnancy (an unborn child).
    Pregnancy,
    Miscarriage,
    Stillbirth,
    Termination,
}

impl Life {
    /// Every value, in the order they are offered.
    pub const ALL: [Life; 6] = [
        Life::Living,
        Life::Deceased,
        Life::Pregnancy,
        Life::Miscarriage,
        Life::Stillbirth,
        Life::Termination,
    ];
    /// Plain-English label.
    pub fn label(self) -> &'static str {
        match self {
            Life::Living => "Living",
            Life::Deceased => "Died",
            Life::Pregnancy => "Pregnancy (unborn)",
            Life::Miscarriage => "Miscarriage",
            Life::Stillbirth => "Stillbirth",
            Life::Termination => "Termination",
        }
    }
    /// The value used in forms and files.
    pub fn code(self) -> &'static str {
        match self {
            Life::Living => "living",
            Life::Deceased => "deceased",
            Life::Pregnancy => "pregnancy",
            Life::Miscarriage => "miscarriage",
            Life::Stillbirth => "stillbirth",
            Life::Termination => "termination",
        }
    }
    /// The value for a form code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }
    /// A pregnancy and its outcomes: drawn as small symbols without an age.
    pub fn is_pregnancy(self) -> bool {
        !matches!(self, Life::Living | Life::Deceased)
    }
}

/// One person in the register.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    pub id: PersonId,
    pub role: PersonRole,
    pub given_name: String,
    pub family_name: String,
    pub gender: Gender,
    pub date_of_birth: Option<NaiveDate>,
    /// Relationship to the child or children, in the worker's words ("Mother", "Maternal grandfather").
    pub relationship: String,
    /// Lives in the child's household.
    pub lives_in_household: bool,
    /// Agency and job title, for professionals.
    pub organisation: String,
    /// Where they live (their details can be marked so a reader is not shown them).
    pub address: String,
    pub phone: String,
    pub notes: String,
    /// Living, died, or a pregnancy and its outcome.
    pub life: Life,
    /// When the person died, if known.
    pub date_of_death: Option<NaiveDate>,
    /// Age in years when the date of birth is not known.
    pub age_years: Option<u32>,
    /// When an expected baby is due, outside a pre-birth assessment (whose own expected
    /// delivery date is the baby's: see [`crate::model::Assessment::expected_delivery_of`]).
    pub expected_delivery_date: Option<NaiveDate>,
    /// Whether they hold parental responsibility for the child or children (asked for the
    /// family, where section 31ZA's offer depends on it).
    pub parental_responsibility: super::family_group::ParentalResponsibility,
    /// What is known about it ("Named on the birth certificate", "By a court order in 2024").
    pub parental_responsibility_note: String,
}

impl Person {
    /// A new, empty record with the given id and role.
    pub fn new(id: PersonId, role: PersonRole) -> Self {
        Self {
            id,
            role,
            given_name: String::new(),
            family_name: String::new(),
            gender: Gender::Unknown,
            date_of_birth: None,
            relationship: String::new(),
            lives_in_household: role == PersonRole::SubjectChild,
            organisation: String::new(),
            address: String::new(),
            phone: String::new(),
            notes: String::new(),
            life: Life::Living,
            date_of_death: None,
            age_years: None,
            expected_delivery_date: None,
            parental_responsibility: super::family_group::ParentalResponsibility::NotAsked,
            parental_responsibility_note: String::new(),
        }
    }

    /// The name to show, or a description when no name has been typed yet.
    pub fn display_name(&self) -> String {
        let full = format!("{} {}", self.given_name.trim(), self.family_name.trim());
        let full = full.trim();
        if full.is_empty() {
            match self.role {
                PersonRole::SubjectChild => "Unnamed child".to_owned(),
                _ => "Unnamed person".to_owned(),
            }
        } else {
            full.to_owned()
        }
    }

    /// Whether `typed` is this person's name: the same words, in any case and spacing. The
    /// one test of "an exact name means the same person" wherever a name is typed.
    pub fn is_named(&self, typed: &str) -> bool {
        let words = |s: &str| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        let name = words(&format!("{} {}", self.given_name, self.family_name));
        !name.is_empty() && name == words(typed)
    }

    /// A name typed in one box, as first and last names (everything after the first space is
    /// the last name).
    pub fn set_name_typed(&mut self, typed: &str) {
        let t = typed.trim();
        (self.given_name, self.family_name) = match t.split_once(' ') {
            Some((g, f)) => (g.trim().to_owned(), f.trim().to_owned()),
            None => (t.to_owned(), String::new()),
        };
    }

    /// Whether nothing has been recorded about this person yet (a record just added and
    /// left): no name, no dates, no words.
    pub fn is_blank(&self) -> bool {
        let fresh = Person::new(self.id.clone(), self.role);
        Person {
            lives_in_household: fresh.lives_in_household,
            ..self.clone()
        } == fresh
    }

    /// Age in whole years on `on` (or at death, if earlier), from the date of birth when it
    /// is known, otherwise the age recorded; none for a pregnancy.
    pub fn age_on(&self, on: NaiveDate) -> Option<u32> {
        if self.life.is_pregnancy() {
            return None;
        }
        let on = match (self.life, self.date_of_death) {
            (Life::Deceased, Some(died)) if died < on => died,
            _ => on,
        };
        match self.date_of_birth {
            Some(dob) => on.years_since(dob),
            None => self.age_years,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn display_name_falls_back_by_role() {
        let mut p = Person::new(PersonId::from_random([0; 4]), PersonRole::SubjectChild);
        assert_eq!(p.display_name(), "Unnamed child");
        p.given_name = "  Ava ".into();
        assert_eq!(p.display_name(), "Ava");
        p.family_name = "Example".into();
        assert_eq!(p.display_name(), "Ava Example");
        let q = Person::new(PersonId::from_random([1; 4]), PersonRole::Professional);
        assert_eq!(q.display_name(), "Unnamed person");
    }

    #[test]
    fn age_is_whole_years_and_unknown_before_birth() {
        let mut p = Person::new(PersonId::from_random([0; 4]), PersonRole::SubjectChild);
        assert_eq!(p.age_on(d(2026, 1, 1)), None);
        p.date_of_birth = Some(d(2019, 3, 15));
        assert_eq!(p.age_on(d(2026, 3, 14)), Some(6));
        assert_eq!(p.age_on(d(2026, 3, 15)), Some(7));
        assert_eq!(p.age_on(d(2018, 1, 1)), None);
        p.life = Life::Deceased;
        p.date_of_death = Some(d(2024, 1, 1));
        assert_eq!(p.age_on(d(2026, 3, 15)), Some(4), "age at death");
        p.life = Life::Stillbirth;
        assert_eq!(p.age_on(d(2026, 3, 15)), None);
        let mut q = Person::new(PersonId::from_random([2; 4]), PersonRole::FamilyMember);
        q.age_years = Some(70);
        assert_eq!(q.age_on(d(2026, 3, 15)), Some(70), "recorded age");
    }

    #[test]
    fn a_record_with_nothing_in_it_is_blank() {
        let mut p = Person::new(PersonId::from_random([0; 4]), PersonRole::SubjectChild);
        assert!(p.is_blank());
        p.lives_in_household = false;
        assert!(
            p.is_blank(),
            "the household tick is a default, not something said"
        );
        p.notes = "x".into();
        assert!(!p.is_blank());
    }

    #[test]
    fn codes_round_trip() {
        for r in PersonRole::ALL {
            assert_eq!(PersonRole::from_code(r.code()), Some(r));
        }
        for g in Gender::ALL {
            assert_eq!(Gender::from_code(g.code()), Some(g));
        }
        for l in Life::ALL {
            assert_eq!(Life::from_code(l.code()), Some(l));
        }
        assert_eq!(PersonRole::from_code("parent"), None);
    }
}
