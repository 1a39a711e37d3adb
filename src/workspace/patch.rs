//! What one change did to an assessment, as the values it replaced: a [`Patch`] holds only the
//! parts that differ (one answer, the people who changed, the planning), never a copy of the
//! whole document. Putting a patch back swaps its values in and returns the patch that swaps
//! them out again, so one mechanism serves Undo and Redo, and both are exact.

use crate::model::answers::Answer;
use crate::model::parts::{Part, Parts};
use crate::model::{Assessment, AssessmentId, AssessmentType};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The assessment's own fields: who leads it, its type and dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Header {
    id: AssessmentId,
    created_at: DateTime<Utc>,
    profile: String,
    profile_version: u32,
    profile_hash: String,
    assessment_type: AssessmentType,
    referral_date: Option<NaiveDate>,
    start_date: Option<NaiveDate>,
    lead_worker: String,
    lead_worker_role: crate::model::LeadRole,
    allocated_team: String,
    team_manager: String,
}

/// A list's earlier items: the ones changed in place (by position), or the whole list when
/// items were added, removed or moved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Items<T> {
    Whole(Vec<T>),
    At(Vec<(usize, T)>),
}

impl<T: Clone + PartialEq> Items<T> {
    /// What `before` held where `after` differs from it, or `None` when they are equal.
    fn between(before: Vec<T>, after: &[T]) -> Option<Self> {
        if before.len() != after.len() {
            return Some(Items::Whole(before));
        }
        let changed: Vec<(usize, T)> = before
            .into_iter()
            .enumerate()
            .filter(|(i, x)| x != &after[*i])
            .collect();
        (!changed.is_empty()).then_some(Items::At(changed))
    }

    fn swap_into(self, v: &mut Vec<T>) -> Self {
        match self {
            Items::Whole(w) => Items::Whole(std::mem::replace(v, w)),
            Items::At(at) => Items::At(
                at.into_iter()
                    .map(|(i, x)| (i, std::mem::replace(&mut v[i], x)))
                    .collect(),
            ),
        }
    }

    /// Whether putting `self` back makes `newer` (put back just before it) needless.
    fn covers(&self, newer: &Self) -> bool {
        match (self, newer) {
            (Items::Whole(_), _) => true,
            (Items::At(mine), Items::At(theirs)) => {
                theirs.iter().all(|(i, _)| mine.iter().any(|(j, _)| i == j))
            }
            (Items::At(_), Items::Whole(_)) => false,
        }
    }
}

/// Earlier values of some answers (`None`: there was no answer).
type Answers = Vec<(String, Option<Answer>)>;

fn answers_between(before: BTreeMap<String, Answer>, after: &BTreeMap<String, Answer>) -> Answers {
    let mut out: Answers = Vec::new();
    for (k, v) in before.iter() {
        if after.get(k) != Some(v) {
            out.push((k.clone(), Some(v.clone())));
        }
    }
    for k in after.keys() {
        if !before.contains_key(k) {
            out.push((k.clone(), None));
        }
    }
    out
}

fn swap_answers(given: Answers, map: &mut BTreeMap<String, Answer>) -> Answers {
    given
        .into_iter()
        .map(|(k, v)| {
            let was = match v {
                Some(v) => map.insert(k.clone(), v),
                None => map.remove(&k),
            };
            (k, was)
        })
        .collect()
}

/// One part of the assessment as it was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Piece {
    Header(Box<Header>),
    People(Items<crate::model::Person>),
    CompletedSections(BTreeSet<String>),
    Answers(Answers),
    Chronology(Items<crate::model::ChronologyEntry>),
    Scales(Items<crate::model::Scale>),
    Genogram(Box<crate::model::genogram::Genogram>),
    Network(Box<crate::model::network::NetworkMap>),
    ChildNetworks(Items<crate::model::network::ChildNetwork>),
    Planning(Box<crate::model::planning::Planning>),
    Marks(Items<crate::model::marks::Mark>),
    Audit(Items<crate::model::marks::AuditEntry>),
    Case(Box<crate::model::case_record::CaseRecord>),
    ChildTools(Items<crate::model::child_tools::ChildTool>),
    FamilyGroup(Box<crate::model::family_group::FamilyGroup>),
}

impl Piece {
    /// Whether putting `self` back makes `newer`, put back just before it, needless (so
    /// typing in one field keeps one earlier value, not one per keystroke).
    fn covers(&self, newer: &Piece) -> bool {
        use Piece::*;
        match (self, newer) {
            (People(a), People(b)) => a.covers(b),
            (Chronology(a), Chronology(b)) => a.covers(b),
            (Scales(a), Scales(b)) => a.covers(b),
            (ChildNetworks(a), ChildNetworks(b)) => a.covers(b),
            (Marks(a), Marks(b)) => a.covers(b),
            (Audit(a), Audit(b)) => a.covers(b),
            (ChildTools(a), ChildTools(b)) => a.covers(b),
            (Answers(a), Answers(b)) => b.iter().all(|(k, _)| a.iter().any(|(j, _)| j == k)),
            (Header(_), Header(_))
            | (CompletedSections(_), CompletedSections(_))
            | (Genogram(_), Genogram(_))
            | (Network(_), Network(_))
            | (Planning(_), Planning(_))
            | (Case(_), Case(_))
            | (FamilyGroup(_), FamilyGroup(_)) => true,
            _ => false,
        }
    }

    /// The part of the assessment it is a piece of.
    fn part(&self) -> Part {
        match self {
            Piece::Header(_) => Part::Header,
            Piece::People(_) => Part::People,
            Piece::CompletedSections(_) => Part::CompletedSections,
            Piece::Answers(_) => Part::Answers,
            Piece::Chronology(_) => Part::Chronology,
            Piece::Scales(_) => Part::Scales,
            Piece::Genogram(_) => Part::Genogram,
            Piece::Network(_) => Part::Network,
            Piece::ChildNetworks(_) => Part::ChildNetworks,
            Piece::Planning(_) => Part::Planning,
            Piece::Marks(_) => Part::Marks,
            Piece::Audit(_) => Part::Audit,
            Piece::Case(_) => Part::Case,
            Piece::ChildTools(_) => Part::ChildTools,
            Piece::FamilyGroup(_) => Part::FamilyGroup,
        }
    }

    /// Whether the two are pieces of the same part of the assessment.
    fn same_part(&self, other: &Piece) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    fn swap_into(self, a: &mut Assessment) -> Piece {
        use std::mem::replace;
        match self {
            Piece::Header(h) => {
                let h = *h;
                Piece::Header(Box::new(Header {
                    id: replace(&mut a.id, h.id),
                    created_at: replace(&mut a.created_at, h.created_at),
                    profile: replace(&mut a.profile, h.profile),
                    profile_version: replace(&mut a.profile_version, h.profile_version),
                    profile_hash: replace(&mut a.profile_hash, h.profile_hash),
                    assessment_type: replace(&mut a.assessment_type, h.assessment_type),
                    referral_date: replace(&mut a.referral_date, h.referral_date),
                    start_date: replace(&mut a.start_date, h.start_date),
                    lead_worker: replace(&mut a.lead_worker, h.lead_worker),
                    lead_worker_role: replace(&mut a.lead_worker_role, h.lead_worker_role),
                    allocated_team: replace(&mut a.allocated_team, h.allocated_team),
                    team_manager: replace(&mut a.team_manager, h.team_manager),
                }))
            }
            Piece::People(x) => Piece::People(x.swap_into(&mut a.people)),
            Piece::CompletedSections(x) => {
                Piece::CompletedSections(replace(&mut a.completed_sections, x))
            }
            Piece::Answers(x) => Piece::Answers(swap_answers(x, &mut a.answers)),
            Piece::Chronology(x) => Piece::Chronology(x.swap_into(&mut a.chronology)),
            Piece::Scales(x) => Piece::Scales(x.swap_into(&mut a.scales)),
            Piece::Genogram(x) => Piece::Genogram(Box::new(replace(&mut a.genogram, *x))),
            Piece::Network(x) => Piece::Network(Box::new(replace(&mut a.network, *x))),
            Piece::ChildNetworks(x) => Piece::ChildNetworks(x.swap_into(&mut a.child_networks)),
            Piece::Planning(x) => Piece::Planning(Box::new(replace(&mut a.planning, *x))),
            Piece::Marks(x) => Piece::Marks(x.swap_into(&mut a.marks)),
            Piece::Audit(x) => Piece::Audit(x.swap_into(&mut a.audit)),
            Piece::Case(x) => Piece::Case(Box::new(replace(&mut a.case, *x))),
            Piece::ChildTools(x) => Piece::ChildTools(x.swap_into(&mut a.child_tools)),
            Piece::FamilyGroup(x) => Piece::FamilyGroup(Box::new(replace(&mut a.family_group, *x))),
        }
    }
}

/// What a change replaced, to be put back in order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Patch(Vec<Piece>);

/// What some parts of an assessment were before a change: all of them (moved out of a copy),
/// or only the parts a change said it touches (copied), so typing into one answer of a large
/// family copies and compares that answer's part alone.
#[derive(Default)]
pub struct Before {
    header: Option<Header>,
    people: Option<Vec<crate::model::Person>>,
    completed_sections: Option<BTreeSet<String>>,
    answers: Option<BTreeMap<String, Answer>>,
    chronology: Option<Vec<crate::model::ChronologyEntry>>,
    scales: Option<Vec<crate::model::Scale>>,
    genogram: Option<crate::model::genogram::Genogram>,
    network: Option<crate::model::network::NetworkMap>,
    child_networks: Option<Vec<crate::model::network::ChildNetwork>>,
    planning: Option<crate::model::planning::Planning>,
    marks: Option<Vec<crate::model::marks::Mark>>,
    audit: Option<Vec<crate::model::marks::AuditEntry>>,
    case: Option<crate::model::case_record::CaseRecord>,
    child_tools: Option<Vec<crate::model::child_tools::ChildTool>>,
    family_group: Option<crate::model::family_group::FamilyGroup>,
}

impl Before {
    /// Every part of `a`.
    pub fn all(a: Assessment) -> Before {
        // Taken apart whole, so a new part of the assessment cannot be left out of undo.
        let Assessment {
            id,
            created_at,
            updated_at: _,
            profile,
            profile_version,
            profile_hash,
            assessment_type,
            referral_date,
            start_date,
            lead_worker,
            lead_worker_role,
            allocated_team,
            team_manager,
            people,
            completed_sections,
            answers,
            chronology,
            scales,
            genogram,
            network,
            child_networks,
            planning,
            marks,
            audit,
            case,
            child_tools,
            family_group,
        } = a;
        Before {
            header: Some(Header {
                id,
                created_at,
                profile,
                profile_version,
                profile_hash,
                assessment_type,
                referral_date,
                start_date,
                lead_worker,
                lead_worker_role,
                allocated_team,
                team_manager,
            }),
            people: Some(people),
            completed_sections: Some(completed_sections),
            answers: Some(answers),
            chronology: Some(chronology),
            scales: Some(scales),
            genogram: Some(genogram),
            network: Some(network),
            child_networks: Some(child_networks),
            planning: Some(planning),
            marks: Some(marks),
            audit: Some(audit),
            case: Some(case),
            child_tools: Some(child_tools),
            family_group: Some(family_group),
        }
    }

    /// A copy of the parts of `a` in `parts`.
    pub fn take(a: &Assessment, parts: Parts) -> Before {
        let has = |p| parts.contains(p);
        macro_rules! copy {
            ($part:ident, $field:ident) => {
                has(Part::$part).then(|| a.$field.clone())
            };
        }
        Before {
            header: has(Part::Header).then(|| Header {
                id: a.id.clone(),
                created_at: a.created_at,
                profile: a.profile.clone(),
                profile_version: a.profile_version,
                profile_hash: a.profile_hash.clone(),
                assessment_type: a.assessment_type,
                referral_date: a.referral_date,
                start_date: a.start_date,
                lead_worker: a.lead_worker.clone(),
                lead_worker_role: a.lead_worker_role,
                allocated_team: a.allocated_team.clone(),
                team_manager: a.team_manager.clone(),
            }),
            people: copy!(People, people),
            completed_sections: copy!(CompletedSections, completed_sections),
            answers: copy!(Answers, answers),
            chronology: copy!(Chronology, chronology),
            scales: copy!(Scales, scales),
            genogram: copy!(Genogram, genogram),
            network: copy!(Network, network),
            child_networks: copy!(ChildNetworks, child_networks),
            planning: copy!(Planning, planning),
            marks: copy!(Marks, marks),
            audit: copy!(Audit, audit),
            case: copy!(Case, case),
            child_tools: copy!(ChildTools, child_tools),
            family_group: copy!(FamilyGroup, family_group),
        }
    }

    /// What `after` changed in the parts held.
    pub fn patch(self, after: &Assessment) -> Patch {
        let mut out = Vec::new();
        if let Some(header) = self.header {
            if header.id != after.id
                || header.created_at != after.created_at
                || header.profile != after.profile
                || header.profile_version != after.profile_version
                || header.profile_hash != after.profile_hash
                || header.assessment_type != after.assessment_type
                || header.referral_date != after.referral_date
                || header.start_date != after.start_date
                || header.lead_worker != after.lead_worker
                || header.lead_worker_role != after.lead_worker_role
                || header.allocated_team != after.allocated_team
                || header.team_manager != after.team_manager
            {
                out.push(Piece::Header(Box::new(header)));
            }
        }
        // A list's changed items, or a part replaced whole.
        macro_rules! list {
            ($field:ident, $piece:ident) => {
                if let Some(x) = self.$field {
                    out.extend(Items::between(x, &after.$field).map(Piece::$piece));
                }
            };
        }
        macro_rules! whole {
            ($field:ident, $piece:ident) => {
                if let Some(x) = self.$field.filter(|x| *x != after.$field) {
                    out.push(Piece::$piece(Box::new(x)));
                }
            };
        }
        list!(people, People);
        if let Some(x) = self
            .completed_sections
            .filter(|x| *x != after.completed_sections)
        {
            out.push(Piece::CompletedSections(x));
        }
        if let Some(x) = self.answers {
            let answers = answers_between(x, &after.answers);
            if !answers.is_empty() {
                out.push(Piece::Answers(answers));
            }
        }
        list!(chronology, Chronology);
        list!(scales, Scales);
        whole!(genogram, Genogram);
        whole!(network, Network);
        list!(child_networks, ChildNetworks);
        whole!(planning, Planning);
        list!(marks, Marks);
        list!(audit, Audit);
        whole!(case, Case);
        list!(child_tools, ChildTools);
        whole!(family_group, FamilyGroup);
        Patch(out)
    }
}

impl Patch {
    /// The parts of `before` that `after` changed. The change time is not a part: every
    /// change moves it (see [`super::Workspace`]).
    pub fn between(before: Assessment, after: &Assessment) -> Patch {
        Before::all(before).patch(after)
    }

    /// Whether the change changed nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Puts the patch's values back into `a`; returns the patch that takes them out again.
    pub fn swap_into(self, a: &mut Assessment) -> Patch {
        let mut undo: Vec<Piece> = self.0.into_iter().map(|p| p.swap_into(a)).collect();
        undo.reverse();
        Patch(undo)
    }

    /// The patch of two changes in a row, `self` the earlier: putting it back undoes both.
    /// A piece of the later change that the earlier one's piece of the same part covers is
    /// dropped, so a field typed letter by letter keeps one earlier value.
    pub fn then(self, later: Patch) -> Patch {
        let mut out: Vec<Piece> = later
            .0
            .into_iter()
            .filter(|newer| {
                let first = self.0.iter().find(|p| p.same_part(newer));
                !first.is_some_and(|p| p.covers(newer))
            })
            .collect();
        out.extend(self.0);
        Patch(out)
    }

    /// The parts of the assessment the change touched.
    pub fn parts(&self) -> Parts {
        self.0.iter().fold(Parts::NONE, |s, p| s.with(p.part()))
    }

    /// Whether the change only added to the audit of what was given to whom.
    pub fn only_audit(&self) -> bool {
        !self.0.is_empty() && self.0.iter().all(|p| matches!(p, Piece::Audit(_)))
    }

    /// How many parts it holds (for tests and the benchmark).
    pub fn len(&self) -> usize {
        self.0.len()
    }
}
