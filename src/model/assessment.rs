//! The assessment record: who it is about, under which procedure, its dates and its people.
//! Pure data with small helpers; no browser types.

use super::answers::Answer;
use super::case_record::CaseRecord;
use super::child_tools::ChildTool;
use super::chronology::ChronologyEntry;
use super::genogram::Genogram;
use super::ids::{AssessmentId, PersonId};
use super::marks::{AuditEntry, Mark};
use super::network::{ChildNetwork, NetworkMap};
use super::person::{Person, PersonRole};
use super::planning::Planning;
use super::scales::Scale;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The statutory basis of the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", deny_unknown_fields)]
pub enum AssessmentType {
    /// Child in Need assessment (section 17, Children Act 1989).
    Section17,
    /// Assessment as part of section 47 child protection enquiries.
    Section47,
    /// Pre-birth assessment: to be completed at least 4 weeks before the expected delivery date.
    #[serde(rename_all = "camelCase")]
    PreBirth {
        expected_delivery_date: Option<NaiveDate>,
    },
}

impl AssessmentType {
    /// Short label used in lists.
    pub fn label(self) -> &'static str {
        match self {
            AssessmentType::Section17 => "Section 17 (child in need)",
            AssessmentType::Section47 => "Section 47 (child protection enquiry)",
            AssessmentType::PreBirth { .. } => "Pre-birth",
        }
    }
    /// The value used in forms.
    pub fn code(self) -> &'static str {
        match self {
            AssessmentType::Section17 => "section17",
            AssessmentType::Section47 => "section47",
            AssessmentType::PreBirth { .. } => "preBirth",
        }
    }
    /// The type for a form value, keeping `edd` for a pre-birth assessment.
    pub fn from_code(code: &str, edd: Option<NaiveDate>) -> Option<Self> {
        match code {
            "section17" => Some(AssessmentType::Section17),
            "section47" => Some(AssessmentType::Section47),
            "preBirth" => Some(AssessmentType::PreBirth {
                expected_delivery_date: edd,
            }),
            _ => None,
        }
    }
    /// The expected delivery date, for a pre-birth assessment.
    pub fn expected_delivery_date(self) -> Option<NaiveDate> {
        match self {
            AssessmentType::PreBirth {
                expected_delivery_date,
            } => expected_delivery_date,
            _ => None,
        }
    }
}

/// One Child and Family Assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Assessment {
    pub id: AssessmentId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The id of the procedure profile this assessment follows.
    pub profile: String,
    /// The version of that profile it follows: the one it was started under, until the worker
    /// moves it to a newer one.
    pub profile_version: u32,
    /// That version's content hash (SHA-256 of its canonical JSON), so another device can tell
    /// whether its copy of the version is the same.
    pub profile_hash: String,
    pub assessment_type: AssessmentType,
    pub referral_date: Option<NaiveDate>,
    /// The date the assessment commenced (recorded on the system).
    pub start_date: Option<NaiveDate>,
    /// The qualified social worker leading the assessment.
    pub lead_worker: String,
    /// The lead worker's role under Families First.
    pub lead_worker_role: LeadRole,
    /// The team that holds the case (Annex A's `AllocatedTeam`, SSD's `cina_assessment_team`).
    pub allocated_team: String,
    /// The social work manager supervising it.
    pub team_manager: String,
    /// The people register: children, family, significant others and professionals.
    pub people: Vec<Person>,
    /// Sections the worker has marked as completed.
    pub completed_sections: BTreeSet<String>,
    /// Answers to the profile's questions (see [`super::answers::answer_key`]).
    pub answers: BTreeMap<String, Answer>,
    /// Dated significant events.
    pub chronology: Vec<ChronologyEntry>,
    /// Scaling questions: the safety scale for each child, and any the worker adds.
    pub scales: Vec<Scale>,
    /// The family tree, drawn with the family.
    pub genogram: Genogram,
    /// The sibling group's network map and safety network.
    pub network: NetworkMap,
    /// Maps drawn for one child at the centre, each with their own safety network.
    pub child_networks: Vec<ChildNetwork>,
    /// Harm and danger statements, safety goals and the safety plan.
    pub planning: Planning,
    /// Who may read what (see [`super::marks`]).
    pub marks: Vec<Mark>,
    /// Each summary and export made for a reader.
    pub audit: Vec<AuditEntry>,
    /// Completion, authorisation and each child's census facts.
    pub case: CaseRecord,
    /// The child's own tools: Three Houses, Safety House, Words and Pictures.
    pub child_tools: Vec<ChildTool>,
    /// Family group decision-making: the offer before proceedings, the meetings, the family's
    /// own plan.
    pub family_group: super::family_group::FamilyGroup,
}

coded_enum!(
    /// The lead worker's role: a social worker, or one of the Families First programme's lead
    /// roles (each a qualified social worker).
    LeadRole {
        SocialWorker => ("socialWorker", "Social worker"),
        LeadChildProtectionPractitioner => ("leadChildProtectionPractitioner", "Lead Child Protection Practitioner"),
        FamilyHelpLeadPractitioner => ("familyHelpLeadPractitioner", "Family Help Lead Practitioner"),
    }
);

impl Assessment {
    /// A new assessment, created `now`, following `profile`.
    pub fn new(
        id: AssessmentId,
        now: DateTime<Utc>,
        profile: &str,
        assessment_type: AssessmentType,
    ) -> Self {
        Self {
            id,
            created_at: now,
            updated_at: now,
            profile: profile.to_owned(),
            profile_version: 1,
            profile_hash: String::new(),
            assessment_type,
            referral_date: None,
            start_date: None,
            lead_worker: String::new(),
            lead_worker_role: LeadRole::SocialWorker,
            allocated_team: String::new(),
            team_manager: String::new(),
            people: Vec::new(),
            completed_sections: BTreeSet::new(),
            answers: BTreeMap::new(),
            chronology: Vec::new(),
            scales: Vec::new(),
            genogram: Genogram::default(),
            network: NetworkMap::default(),
            child_networks: Vec::new(),
            planning: Planning::default(),
            marks: Vec::new(),
            audit: Vec::new(),
            case: CaseRecord::default(),
            child_tools: Vec::new(),
            family_group: Default::default(),
        }
    }

    /// The children this assessment is about, in register order.
    pub fn children(&self) -> impl Iterator<Item = &Person> {
        self.people
            .iter()
            .filter(|p| p.role == PersonRole::SubjectChild)
    }

    /// When an expected baby is due: a pre-birth assessment's expected delivery date (one fact
    /// for the pregnancy it is about), else the baby's own. None for anyone born.
    pub fn expected_delivery_of(&self, p: &Person) -> Option<NaiveDate> {
        if p.life != super::Life::Pregnancy {
            return None;
        }
        self.assessment_type
            .expected_delivery_date()
            .or(p.expected_delivery_date)
    }

    /// Sets when expected baby `id` is due, in the one place [`Self::expected_delivery_of`]
    /// reads it from.
    pub fn set_expected_delivery(&mut self, id: &PersonId, on: Option<NaiveDate>) {
        if let AssessmentType::PreBirth {
            expected_delivery_date,
        } = &mut self.assessment_type
        {
            *expected_delivery_date = on;
        } else if let Some(p) = self.person_mut(id) {
            p.expected_delivery_date = on;
        }
    }

    /// Everyone else in the register, in register order.
    pub fn others(&self) -> impl Iterator<Item = &Person> {
        self.people
            .iter()
            .filter(|p| p.role != PersonRole::SubjectChild)
    }

    /// The person with this id.
    pub fn person(&self, id: &PersonId) -> Option<&Person> {
        self.people.iter().find(|p| &p.id == id)
    }

    /// The person with this id, to change.
    pub fn person_mut(&mut self, id: &PersonId) -> Option<&mut Person> {
        self.people.iter_mut().find(|p| &p.id == id)
    }

    /// The date the assessment is seen as at (ages on the genogram, for example): its start
    /// date, else its referral date, else `today`.
    pub fn as_at(&self, today: NaiveDate) -> NaiveDate {
        self.start_date.or(self.referral_date).unwrap_or(today)
    }

    /// The title of the assessment in lists: the children's names.
    pub fn title(&self) -> String {
        let names: Vec<String> = self.children().map(Person::display_name).collect();
        if names.is_empty() {
            "No child added yet".to_owned()
        } else {
            names.join(", ")
        }
    }

    /// A person id not yet used in this assessment, from a source of random bytes.
    pub fn fresh_person_id(&self, mut random: impl FnMut() -> [u8; 4]) -> PersonId {
        loop {
            let id = PersonId::from_random(random());
            if self.person(&id).is_none() {
                return id;
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::person::Gender;

    pub fn sample() -> Assessment {
        let now = DateTime::parse_from_rfc3339("2026-11-02T09:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut a = Assessment::new(
            AssessmentId::from_random([1, 2, 3, 4, 5, 6, 7, 8]),
            now,
            "signs-of-safety-2020",
            AssessmentType::Section17,
        );
        a.referral_date = NaiveDate::from_ymd_opt(2026, 10, 30);
        let mut child = Person::new(PersonId::from_random([9; 4]), PersonRole::SubjectChild);
        child.given_name = "Ava".into();
        child.family_name = "Example".into();
        child.gender = Gender::Female;
        a.people.push(child);
        let mut mum = Person::new(PersonId::from_random([7; 4]), PersonRole::FamilyMember);
        mum.given_name = "Jo".into();
        mum.relationship = "Mother".into();
        a.people.push(mum);
        a
    }

    #[test]
    fn children_and_others_split_the_register() {
        let a = sample();
        assert_eq!(a.children().count(), 1);
        assert_eq!(a.others().count(), 1);
        assert_eq!(a.title(), "Ava Example");
    }

    #[test]
    fn title_lists_siblings_and_says_when_none() {
        let mut a = sample();
        let mut sib = Person::new(PersonId::from_random([3; 4]), PersonRole::SubjectChild);
        sib.given_name = "Ben".into();
        a.people.push(sib);
        assert_eq!(a.title(), "Ava Example, Ben");
        a.people.retain(|p| p.role != PersonRole::SubjectChild);
        assert_eq!(a.title(), "No child added yet");
    }

    #[test]
    fn fresh_person_id_skips_ids_in_use() {
        let a = sample();
        let mut seq = vec![[9u8; 4], [7; 4], [5; 4]].into_iter();
        let id = a.fresh_person_id(|| seq.next().unwrap());
        assert_eq!(id, PersonId::from_random([5; 4]));
    }

    #[test]
    fn as_at_prefers_the_start_date_then_the_referral_date() {
        let mut a = sample();
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(a.as_at(today), a.referral_date.unwrap());
        a.start_date = NaiveDate::from_ymd_opt(2026, 11, 3);
        assert_eq!(a.as_at(today), a.start_date.unwrap());
        a.start_date = None;
        a.referral_date = None;
        assert_eq!(a.as_at(today), today);
    }

    #[test]
    fn pre_birth_keeps_its_expected_delivery_date() {
        let edd = NaiveDate::from_ymd_opt(2027, 2, 1);
        let t = AssessmentType::from_code("preBirth", edd).unwrap();
        assert_eq!(t.expected_delivery_date(), edd);
        assert_eq!(AssessmentType::Section47.expected_delivery_date(), None);
        assert_eq!(AssessmentType::from_code("s99", None), None);
    }
}
