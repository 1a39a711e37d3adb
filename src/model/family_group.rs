//! Family group decision-making (Children Act 1989, section 31ZA, inserted by the Children's
//! Wellbeing and Schools Act 2026, section 1): before applying for a care or supervision order
//! the local authority must offer a family group decision-making meeting to the child's parents
//! and everyone with parental responsibility; once one accepts, the meeting must be held before
//! the application, unless the authority considers that offering or holding it would not be in
//! the child's best interests. The offer goes in the letter before proceedings. The meeting is
//! the family network's, to discuss the child's welfare and make a proposal: the family's plan,
//! in their own words, kept in agreed versions like the safety plan's.

use super::ids::{ItemId, PersonId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Whether a person holds parental responsibility for the child or children.
    ParentalResponsibility {
        NotAsked => ("notAsked", "Not recorded"),
        Yes => ("yes", "Has parental responsibility"),
        No => ("no", "Does not have parental responsibility"),
        NotKnown => ("notKnown", "Not known"),
    }
);

coded_enum!(
    /// How the meeting was offered to one person.
    OfferedHow {
        LetterBeforeProceedings => ("letterBeforeProceedings", "In the letter before proceedings"),
        Otherwise => ("otherwise", "Another way"),
    }
);

coded_enum!(
    /// A person's answer to the offer.
    OfferAnswer {
        NoAnswerYet => ("noAnswerYet", "No answer yet"),
        Accepted => ("accepted", "Accepted"),
        Declined => ("declined", "Declined"),
    }
);

coded_enum!(
    /// The exception section 31ZA allows: the authority considers that offering, or holding,
    /// the meeting would not be in the child's best interests.
    ExceptionKind {
        NotOffered => ("notOffered", "Not offered: offering a meeting would not be in the child's best interests"),
        NotHeld => ("notHeld", "Not held: holding the meeting would not be in the child's best interests"),
    }
);

coded_enum!(
    /// The authority's response to the family's proposal.
    Response {
        Agreed => ("agreed", "Agreed"),
        AgreedWithChanges => ("agreedWithChanges", "Agreed with changes"),
        NotAgreed => ("notAgreed", "Not agreed"),
    }
);

coded_enum!(
    /// The order the application is for.
    OrderKind {
        Care => ("care", "Care order"),
        Supervision => ("supervision", "Supervision order"),
    }
);

/// Everything recorded about family group decision-making for this assessment's children.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FamilyGroup {
    /// The date of the letter before proceedings, once one was sent.
    pub letter_before_proceedings: Option<NaiveDate>,
    /// The offer to each person with parental responsibility (one each).
    pub offers: Vec<Offer>,
    /// The exception, when the authority decided a meeting would not be in the child's best
    /// interests.
    pub exception: Option<Exception>,
    /// Meetings, oldest first.
    pub meetings: Vec<Meeting>,
    /// The application for a care or supervision order, once made.
    pub application: Option<Application>,
}

/// The meeting offered to one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Offer {
    pub id: ItemId,
    pub person: PersonId,
    pub offered_on: NaiveDate,
    pub how: OfferedHow,
    /// How, when it was not the letter before proceedings ("At a meeting at home").
    pub how_words: String,
    pub answer: OfferAnswer,
    pub answered_on: Option<NaiveDate>,
    /// Their words, if they gave any.
    pub their_words: String,
}

/// The authority's decision not to offer, or not to hold, the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Exception {
    pub kind: ExceptionKind,
    pub reasons: String,
    /// The manager who agreed it.
    pub agreed_by: String,
    pub on: NaiveDate,
}

/// The application to court.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Application {
    pub order: OrderKind,
    pub on: NaiveDate,
}

/// One family group decision-making meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Meeting {
    pub id: ItemId,
    /// When the family group conference service was asked to arrange it.
    pub referred_on: Option<NaiveDate>,
    /// The coordinator, independent of the case.
    pub coordinator: String,
    pub date: Option<NaiveDate>,
    pub place: String,
    /// Who was invited, from the register.
    pub invited: Vec<PersonId>,
    /// Who came (each invited).
    pub came: Vec<PersonId>,
    /// The children who came.
    pub children_came: Vec<PersonId>,
    /// The child's views, in the words they were given (by the child, or for them).
    pub child_views: String,
    /// Things the child said in their own tools, chosen by the worker to be heard.
    pub child_words: Vec<ItemId>,
    /// What the professionals told the family.
    pub information_given: String,
    /// Whether the family had private time without professionals.
    pub private_family_time: bool,
    /// The family's proposal, in their own words.
    pub plan: FamilyPlan,
    pub response: Option<Response>,
    pub response_reasons: String,
    pub review_date: Option<NaiveDate>,
    /// Agreed versions of the family's plan, oldest first, numbered from 1.
    pub versions: Vec<FamilyPlanVersion>,
}

/// The family's proposal, in their words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FamilyPlan {
    /// Who will do what, and when.
    pub points: Vec<PlanPoint>,
    pub where_child_lives: String,
    pub contact: String,
    /// What happens if the plan does not work.
    pub if_it_does_not_work: String,
}

/// One point of the family's plan: what will be done, by whom, when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlanPoint {
    pub id: ItemId,
    pub words: String,
    pub who: Vec<PersonId>,
    pub when: String,
    /// The safety plan rule made from this point, if one was.
    pub rule: Option<ItemId>,
}

/// The family's plan as agreed: names written out, so it stays readable as the register
/// changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FamilyPlanVersion {
    pub number: u32,
    pub agreed_on: NaiveDate,
    pub response: Response,
    /// "Words (who; when)".
    pub points: Vec<String>,
    pub where_child_lives: String,
    pub contact: String,
    pub if_it_does_not_work: String,
}

impl Meeting {
    /// A new meeting with nothing recorded yet.
    pub fn new(id: ItemId) -> Self {
        Self {
            id,
            referred_on: None,
            coordinator: String::new(),
            date: None,
            place: String::new(),
            invited: Vec::new(),
            came: Vec::new(),
            children_came: Vec::new(),
            child_views: String::new(),
            child_words: Vec::new(),
            information_given: String::new(),
            private_family_time: false,
            plan: FamilyPlan::default(),
            response: None,
            response_reasons: String::new(),
            review_date: None,
            versions: Vec::new(),
        }
    }

    /// Whether the meeting took place: it has a date and someone came.
    pub fn held(&self) -> bool {
        self.date.is_some() && !self.came.is_empty()
    }
}

impl FamilyGroup {
    /// Whether anything is recorded.
    pub fn is_empty(&self) -> bool {
        *self == FamilyGroup::default()
    }
    /// The offer made to this person, if one was.
    pub fn offer_to(&self, person: &PersonId) -> Option<&Offer> {
        self.offers.iter().find(|o| &o.person == person)
    }
    /// Whether anyone accepted the offer.
    pub fn accepted(&self) -> bool {
        self.offers
            .iter()
            .any(|o| o.answer == OfferAnswer::Accepted)
    }
    /// The meetings that were held, by date.
    pub fn held(&self) -> impl Iterator<Item = &Meeting> {
        self.meetings.iter().filter(|m| m.held())
    }
    pub fn meeting_mut(&mut self, id: &ItemId) -> Option<&mut Meeting> {
        self.meetings.iter_mut().find(|m| &m.id == id)
    }
}
