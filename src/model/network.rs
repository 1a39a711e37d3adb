//! The family network map: the child or children at the centre, the people and organisations
//! in their world placed in circles of closeness, who is in the safety network and what they
//! have agreed to do. People live in the assessment's people register; organisations live here.

use crate::model::{Assessment, ItemId, PersonId};
use serde::{Deserialize, Serialize};

coded_enum!(
    /// Which part of the child's world someone belongs to (drawn as a shape and a word).
    Category {
        Family => ("family", "Family"),
        Friends => ("friends", "Friends"),
        Community => ("community", "Community"),
        Professional => ("professional", "Professionals"),
    }
);

impl Category {
    /// The register role of someone first entered on the map in this part of the child's world.
    pub fn register_role(self) -> super::PersonRole {
        match self {
            Category::Family => super::PersonRole::FamilyMember,
            Category::Professional => super::PersonRole::Professional,
            Category::Friends | Category::Community => super::PersonRole::OtherSignificant,
        }
    }
}

coded_enum!(
    /// The kind of organisation.
    OrgKind {
        School => ("school", "School"),
        Gp => ("gp", "GP"),
        HealthVisitor => ("healthVisitor", "Health visitor"),
        Police => ("police", "Police"),
        YouthClub => ("youthClub", "Youth club"),
        FaithGroup => ("faithGroup", "Faith group"),
        Other => ("other", "Organisation"),
    }
);

coded_enum!(
    /// How strong the connection with the child is.
    Connection {
        Strong => ("strong", "Strong"),
        Moderate => ("moderate", "Moderate"),
        Tenuous => ("tenuous", "Tenuous"),
        Stressful => ("stressful", "Stressful or conflicted"),
    }
);

coded_enum!(
    /// Which way support flows.
    Support {
        ToChild => ("toChild", "Gives support to the child"),
        FromChild => ("fromChild", "The child supports them"),
        Both => ("both", "Both ways"),
    }
);

coded_enum!(
    /// Willing to attend a family group conference.
    Attend {
        Yes => ("yes", "Yes"),
        No => ("no", "No"),
        NotAsked => ("notAsked", "Not asked yet"),
    }
);

/// Who an entry on the map is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", deny_unknown_fields)]
pub enum Who {
    /// Someone in the people register.
    Person { person: PersonId },
    /// An organisation such as a school or GP surgery.
    Organisation { name: String, organisation: OrgKind },
}

/// One person or organisation on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkMember {
    pub id: ItemId,
    pub who: Who,
    pub category: Category,
    /// Which circle, 0 being the closest to the child.
    pub circle: u8,
    /// Where round the circle, in degrees clockwise from the top (0 to 359).
    pub angle: u16,
    pub connection: Connection,
    pub support: Support,
    /// Part of the safety network.
    pub safety_network: bool,
    /// Knows about the worries.
    pub knows_worries: bool,
    pub attend_conference: Attend,
    /// What they have agreed to do to help keep the child safe.
    pub agreed: String,
    /// Contact details (optional).
    pub contact: String,
    pub notes: String,
}

/// A family network map, part of an assessment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkMap {
    /// The circles' labels, closest first (three to six).
    pub circles: Vec<String>,
    pub members: Vec<NetworkMember>,
}

/// Whose map: `None` is the sibling group's map (every child being assessed at the centre),
/// `Some(child)` that child's own map, with their own circles and their own safety network.
pub type MapFor = Option<PersonId>;

/// One child's own network map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChildNetwork {
    /// The child at the centre (a child being assessed).
    pub child: PersonId,
    pub map: NetworkMap,
}

/// The fewest and most circles a map can have.
pub const MIN_CIRCLES: usize = 3;
pub const MAX_CIRCLES: usize = 6;

impl Default for NetworkMap {
    fn default() -> Self {
        Self {
            circles: vec!["Very close".into(), "Close".into(), "Less close".into()],
            members: Vec::new(),
        }
    }
}

impl NetworkMap {
    /// The entry with this id.
    pub fn member(&self, id: &ItemId) -> Option<&NetworkMember> {
        self.members.iter().find(|m| &m.id == id)
    }
    /// The entry for a person in the register, if they are on the map.
    pub fn entry_for(&self, p: &PersonId) -> Option<&NetworkMember> {
        self.members
            .iter()
            .find(|m| matches!(&m.who, Who::Person { person } if person == p))
    }
}

impl NetworkMember {
    /// A new entry with the usual defaults.
    pub fn new(id: ItemId, who: Who, category: Category, circle: u8, angle: u16) -> Self {
        Self {
            id,
            who,
            category,
            circle,
            angle,
            connection: Connection::Moderate,
            support: Support::ToChild,
            safety_network: false,
            knows_worries: false,
            attend_conference: Attend::NotAsked,
            agreed: String::new(),
            contact: String::new(),
            notes: String::new(),
        }
    }
}

impl Assessment {
    /// The map `which` names, if it has been started (the group's map always has).
    pub fn map(&self, which: &MapFor) -> Option<&NetworkMap> {
        match which {
            None => Some(&self.network),
            Some(child) => self
                .child_networks
                .iter()
                .find(|c| &c.child == child)
                .map(|c| &c.map),
        }
    }

    /// The map `which` names, to change.
    pub fn map_mut(&mut self, which: &MapFor) -> Option<&mut NetworkMap> {
        match which {
            None => Some(&mut self.network),
            Some(child) => self
                .child_networks
                .iter_mut()
                .find(|c| &c.child == child)
                .map(|c| &mut c.map),
        }
    }

    /// Every map: the group's first, then each child's in the order they were started.
    pub fn maps(&self) -> impl Iterator<Item = (MapFor, &NetworkMap)> {
        std::iter::once((None, &self.network)).chain(
            self.child_networks
                .iter()
                .map(|c| (Some(c.child.clone()), &c.map)),
        )
    }

    /// Every map, to change (for changes that follow a register record everywhere).
    pub fn maps_mut(&mut self) -> impl Iterator<Item = &mut NetworkMap> {
        std::iter::once(&mut self.network).chain(self.child_networks.iter_mut().map(|c| &mut c.map))
    }

    /// Every entry on every map.
    pub fn map_entries(&self) -> impl Iterator<Item = &NetworkMember> {
        self.maps().flat_map(|(_, m)| m.members.iter())
    }

    /// The children at the centre of map `which`: every child for the group's map.
    pub fn centre_children(&self, which: &MapFor) -> Vec<&crate::model::Person> {
        match which {
            None => self.children().collect(),
            Some(child) => self.person(child).into_iter().collect(),
        }
    }
}
