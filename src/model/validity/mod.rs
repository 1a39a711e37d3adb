//! What a valid assessment is: the one set of rules that every path uses. Commands and register
//! edits are checked against it before they commit ([`crate::workspace::Workspace::apply`]), the repository
//! refuses to write a state that breaks it, and loading and importing apply it after the
//! document's shape has been read. The types say what each field holds; these rules say how the
//! parts fit together: ids are well formed and unique, and every reference (a marker's rater, a
//! child's answers, a chronology link, a drawing) points at someone or something present.
//!
//! A stored record that breaks a rule is not hidden: [`super::repair`] mends what it can.

use super::genogram::Parents;
use super::network::{MapFor, NetworkMap, Who, MAX_CIRCLES, MIN_CIRCLES};
use super::parts::{Part, Parts};
use super::{Assessment, AssessmentId, ItemId, PersonId, PersonRole, ScaleKind};
use std::collections::{HashMap, HashSet};
use std::fmt;

mod case;
mod child_tools;
mod family_group;

// Each rule's words, once: several rules check the same kind of reference in different places.
const NOT_IN_REGISTER: &str = "names a person who is not in the people register";
const NOT_A_CHILD: &str = "names a child who is not among the children being assessed";
const OWN_PARENT: &str = "a person cannot be their own parent";
const NOT_A_STATEMENT: &str = "names a danger statement that is not in the assessment";
const OUT_OF_ORDER: &str = "is earlier than the version before it";
mod marks;
mod planning;

/// One rule a document breaks: where (a dotted path inside the assessment, as the export
/// writes it) and why, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub reason: String,
    /// Set when the problem is two people with one id (import has its own message for it).
    pub duplicate_person: Option<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// Every rule `a` breaks, in document order; empty when it is valid.
pub fn problems(a: &Assessment) -> Vec<Problem> {
    problems_in(a, Parts::ALL)
}

/// The rules that read any of `touched`, each group with the parts it reads. When a valid
/// document changes only in `touched`, these are the only rules the change can break, so
/// `problems_in(after, touched)` is `problems(after)` (the workspace's tests compare the two
/// on every change they make).
pub fn problems_in(a: &Assessment, touched: Parts) -> Vec<Problem> {
    use Part::*;
    type Group = fn(&mut Rules, &Assessment);
    let groups: [(Parts, Group); 11] = [
        (Parts::of(&[Header, People]), Rules::identity),
        (Parts::of(&[Answers, People]), Rules::answers),
        (Parts::of(&[Chronology, People]), Rules::chronology),
        (Parts::of(&[Scales, People]), Rules::scales),
        (
            Parts::of(&[Genogram, People, Network, ChildNetworks]),
            Rules::genogram,
        ),
        (Parts::of(&[Network, ChildNetworks, People]), Rules::network),
        (Parts::of(&[Planning, Scales, People]), Rules::planning),
        (Parts::of(&[Marks, People]), Rules::marks),
        (Parts::of(&[Case, People]), Rules::case),
        (Parts::of(&[ChildTools, People]), Rules::child_tools),
        (
            Parts::of(&[FamilyGroup, People, ChildTools]),
            Rules::family_group,
        ),
    ];
    let mut out = Rules::new(a);
    for (reads, group) in groups {
        if reads.meets(touched) {
            group(&mut out, a);
        }
    }
    out.found
}

/// The first rule `a` breaks, if any.
pub fn check(a: &Assessment) -> Result<(), Problem> {
    check_in(a, Parts::ALL)
}

/// The first rule that reads `touched` and that `a` breaks, if any (see [`problems_in`]).
pub fn check_in(a: &Assessment, touched: Parts) -> Result<(), Problem> {
    match problems_in(a, touched).into_iter().next() {
        Some(p) => Err(p),
        None => Ok(()),
    }
}

/// Whether `a` passes every rule.
pub fn is_valid(a: &Assessment) -> bool {
    problems(a).is_empty()
}

/// The person id a per-child answer key names (`question@p-…`), if it is one.
pub fn answer_child(key: &str) -> Option<&str> {
    key.split_once('@').map(|(_, c)| c)
}

struct Rules {
    found: Vec<Problem>,
    /// The register's roles by id, looked up by every rule that names a person (a search of
    /// the register each time made the rules grow with the square of the family's size).
    people: HashMap<String, PersonRole>,
}

impl Rules {
    fn new(a: &Assessment) -> Self {
        Self {
            found: Vec::new(),
            people: a
                .people
                .iter()
                .map(|p| (p.id.as_str().to_owned(), p.role))
                .collect(),
        }
    }

    /// Whether `id` is in the register.
    fn has(&self, id: &PersonId) -> bool {
        self.people.contains_key(id.as_str())
    }

    /// Whether `id` is a child being assessed.
    fn is_child(&self, id: &PersonId) -> bool {
        self.people.get(id.as_str()) == Some(&PersonRole::SubjectChild)
    }

    fn fail(&mut self, path: impl Into<String>, reason: impl Into<String>) {
        self.found.push(Problem {
            path: path.into(),
            reason: reason.into(),
            duplicate_person: None,
        });
    }

    /// Unique, present ids within one list.
    fn unique<'a>(&mut self, ids: impl Iterator<Item = (String, &'a str)>, what: &str) {
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if id.trim().is_empty() || !seen.insert(id) {
                self.fail(path, format!("{what} ids must be present and unique"));
            }
        }
    }

    fn identity(&mut self, a: &Assessment) {
        if AssessmentId::parse(a.id.as_str()).is_none() {
            self.fail(
                "id",
                format!(
                    "\"{}\" is not an assessment id (a- followed by hex digits)",
                    a.id
                ),
            );
        }
        if a.profile_version == 0 {
            self.fail("profileVersion", "a profile's versions start at 1");
        }
        let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
        if !(a.profile_hash.is_empty()
            || a.profile_hash.len() == 64 && a.profile_hash.chars().all(hex))
        {
            self.fail(
                "profileHash",
                "expected a SHA-256 in lower-case hex, or nothing",
            );
        }
        let mut seen = HashSet::new();
        for (i, p) in a.people.iter().enumerate() {
            if PersonId::parse(p.id.as_str()).is_none() {
                self.fail(
                    format!("people[{i}].id"),
                    format!(
                        "\"{}\" is not a person id (p- followed by hex digits)",
                        p.id
                    ),
                );
            }
            if !seen.insert(p.id.as_str()) {
                self.found.push(Problem {
                    path: format!("people[{i}].id"),
                    reason: "another person in the register has the same id".into(),
                    duplicate_person: Some(p.id.to_string()),
                });
            }
        }
    }

    fn answers(&mut self, a: &Assessment) {
        for key in a.answers.keys() {
            if let Some(child) = answer_child(key) {
                if PersonId::parse(child).is_none_or(|c| !self.is_child(&c)) {
                    self.fail(
                        format!("answers.{key}"),
                        "is an answer for a child who is not among the children being assessed",
                    );
                }
            }
        }
    }

    fn chronology(&mut self, a: &Assessment) {
        self.unique(
            a.chronology
                .iter()
                .enumerate()
                .map(|(i, e)| (format!("chronology[{i}].id"), e.id.as_str())),
            "chronology entry",
        );
        for (i, e) in a.chronology.iter().enumerate() {
            for (j, c) in e.children.iter().enumerate() {
                if !self.is_child(c) {
                    self.fail(format!("chronology[{i}].children[{j}]"), NOT_A_CHILD);
                }
            }
        }
    }

    fn scales(&mut self, a: &Assessment) {
        self.unique(
            a.scales
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("scales[{i}].id"), s.id.as_str())),
            "scale",
        );
        let mut safety_of = HashSet::new();
        for (i, s) in a.scales.iter().enumerate() {
            if let ScaleKind::Safety { child } = &s.kind {
                if !self.is_child(child) {
                    self.fail(
                        format!("scales[{i}].kind.child"),
                        "a safety scale must name a child in the assessment",
                    );
                } else if !safety_of.insert(child) {
                    self.fail(
                        format!("scales[{i}].kind.child"),
                        "this child already has a safety scale",
                    );
                }
            }
            let lists = std::iter::once(("markers".to_owned(), &s.markers)).chain(
                s.history
                    .iter()
                    .enumerate()
                    .map(|(h, snap)| (format!("history[{h}].markers"), &snap.markers)),
            );
            for (where_, markers) in lists {
                self.unique(
                    markers
                        .iter()
                        .enumerate()
                        .map(|(j, m)| (format!("scales[{i}].{where_}[{j}].id"), m.id.as_str())),
                    "marker",
                );
                for (j, m) in markers.iter().enumerate() {
                    if m.rater.person.as_ref().is_some_and(|p| !self.has(p)) {
                        self.fail(
                            format!("scales[{i}].{where_}[{j}].rater.person"),
                            NOT_IN_REGISTER,
                        );
                    }
                }
            }
        }
    }

    fn genogram(&mut self, a: &Assessment) {
        let g = &a.genogram;
        let mut items: HashSet<String> = HashSet::new();
        let mut item = |r: &mut Rules, id: &ItemId, path: String| {
            if ItemId::parse(id.as_str()).is_none() {
                r.fail(path, "is not an item id (i- followed by hex digits)");
            } else if !items.insert(id.as_str().to_owned()) {
                r.fail(path, "this id is used twice");
            }
        };
        let mut drawn: HashSet<&PersonId> = HashSet::new();
        for (i, m) in g.members.iter().enumerate() {
            let path = format!("genogram.members[{i}].person");
            if !self.has(&m.person) {
                self.fail(path, NOT_IN_REGISTER);
            } else if !drawn.insert(&m.person) {
                self.fail(path, "this person is drawn twice");
            }
        }
        let on = |r: &mut Rules, p: &PersonId, path: String| {
            if !drawn.contains(p) {
                r.fail(path, "names a person who is not on the genogram");
            }
        };
        let mut pairs = HashSet::new();
        for (i, u) in g.partnerships.iter().enumerate() {
            item(self, &u.id, format!("genogram.partnerships[{i}].id"));
            on(self, &u.a, format!("genogram.partnerships[{i}].a"));
            on(self, &u.b, format!("genogram.partnerships[{i}].b"));
            let pair = if u.a <= u.b {
                (&u.a, &u.b)
            } else {
                (&u.b, &u.a)
            };
            if u.a == u.b {
                self.fail(
                    format!("genogram.partnerships[{i}].b"),
                    "a person cannot be their own partner",
                );
            } else if !pairs.insert(pair) {
                self.fail(
                    format!("genogram.partnerships[{i}]"),
                    "these two are already shown as partners",
                );
            }
        }
        let mut children = HashSet::new();
        for (i, l) in g.parentage.iter().enumerate() {
            item(self, &l.id, format!("genogram.parentage[{i}].id"));
            on(self, &l.child, format!("genogram.parentage[{i}].child"));
            if !children.insert(&l.child) {
                self.fail(
                    format!("genogram.parentage[{i}].child"),
                    "this child already hangs from parents",
                );
            }
            match &l.parents {
                Parents::Partnership { partnership } => match g.partnership(partnership) {
                    None => self.fail(
                        format!("genogram.parentage[{i}].parents.partnership"),
                        "names a partnership that is not on the genogram",
                    ),
                    Some(u) if u.involves(&l.child) => {
                        self.fail(format!("genogram.parentage[{i}].parents"), OWN_PARENT)
                    }
                    Some(_) => {}
                },
                Parents::Parent { person } => {
                    on(
                        self,
                        person,
                        format!("genogram.parentage[{i}].parents.person"),
                    );
                    if person == &l.child {
                        self.fail(
                            format!("genogram.parentage[{i}].parents.person"),
                            OWN_PARENT,
                        );
                    }
                }
            }
        }
        if let Some(p) = g.ancestry_loop() {
            let name = a
                .person(&p)
                .map_or_else(|| p.to_string(), |x| x.display_name());
            self.fail(
                "genogram.parentage",
                format!("{name} is shown as their own ancestor"),
            );
        }
        for (i, h) in g.households.iter().enumerate() {
            item(self, &h.id, format!("genogram.households[{i}].id"));
            if h.members.is_empty() {
                self.fail(
                    format!("genogram.households[{i}].members"),
                    "a household needs at least one person",
                );
            }
            for (j, p) in h.members.iter().enumerate() {
                on(self, p, format!("genogram.households[{i}].members[{j}]"));
            }
        }
        for (i, r) in g.relationships.iter().enumerate() {
            item(self, &r.id, format!("genogram.relationships[{i}].id"));
            on(self, &r.a, format!("genogram.relationships[{i}].a"));
            on(self, &r.b, format!("genogram.relationships[{i}].b"));
            if r.a == r.b {
                self.fail(
                    format!("genogram.relationships[{i}].b"),
                    "a relationship needs two different people",
                );
            }
        }
        // Every map's entry ids share the one set of item ids.
        for (which, map) in a.maps() {
            let at = map_path(a, &which);
            for (i, m) in map.members.iter().enumerate() {
                item(self, &m.id, format!("{at}members[{i}].id"));
            }
        }
    }

    fn network(&mut self, a: &Assessment) {
        let mut started = HashSet::new();
        for (i, c) in a.child_networks.iter().enumerate() {
            let path = format!("childNetworks[{i}].child");
            match a.person(&c.child) {
                None => self.fail(path, NOT_IN_REGISTER),
                Some(p) if p.role != PersonRole::SubjectChild => {
                    self.fail(path, "only a child being assessed has a map of their own")
                }
                Some(_) if !started.insert(&c.child) => {
                    self.fail(path, "this child has two maps of their own")
                }
                Some(_) => {}
            }
        }
        for (which, map) in a.maps() {
            self.one_map(a, &which, map);
        }
    }

    fn one_map(&mut self, a: &Assessment, which: &MapFor, map: &NetworkMap) {
        let at = map_path(a, which);
        let n = map.circles.len();
        if !(MIN_CIRCLES..=MAX_CIRCLES).contains(&n)
            || map.circles.iter().any(|c| c.trim().is_empty())
        {
            self.fail(
                format!("{at}circles"),
                format!(
                    "a map has between {MIN_CIRCLES} and {MAX_CIRCLES} circles, each with a label"
                ),
            );
        }
        let mut on_map = HashSet::new();
        for (i, m) in map.members.iter().enumerate() {
            if usize::from(m.circle) >= n {
                self.fail(
                    format!("{at}members[{i}].circle"),
                    "there is no such circle",
                );
            }
            if m.angle >= 360 {
                self.fail(
                    format!("{at}members[{i}].angle"),
                    "must be from 0 to 359 degrees",
                );
            }
            match &m.who {
                Who::Person { person } => {
                    let path = format!("{at}members[{i}].who.person");
                    if !self.has(person) {
                        self.fail(path, NOT_IN_REGISTER);
                    } else if !on_map.insert(person) {
                        self.fail(path, "that person is already on the map");
                    } else if Some(person) == which.as_ref() {
                        self.fail(
                            path,
                            "the child is at the centre of their own map, not on it",
                        );
                    }
                }
                Who::Organisation { name, .. } => {
                    if name.trim().is_empty() {
                        self.fail(
                            format!("{at}members[{i}].who.name"),
                            "enter the organisation's name",
                        );
                    }
                }
            }
        }
    }
}

/// Where map `which` is in the document, for problems' paths: "network." for the group's,
/// "childNetworks[1].map." for a child's.
fn map_path(a: &Assessment, which: &MapFor) -> String {
    match which {
        None => "network.".to_owned(),
        Some(child) => {
            let i = a
                .child_networks
                .iter()
                .position(|c| &c.child == child)
                .unwrap_or(0);
            format!("childNetworks[{i}].map.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::genogram::{ChildKind, Parentage, Partnership, PartnershipKind};

    fn demo() -> Assessment {
        crate::edit::register::tests::demo_case()
    }

    fn reasons(a: &Assessment) -> Vec<String> {
        problems(a).into_iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn the_demonstration_case_is_valid() {
        assert_eq!(reasons(&demo()), Vec::<String>::new());
    }

    #[test]
    fn what_commands_refuse_is_refused_on_load_too() {
        // Already partners: the same two people twice.
        let mut a = demo();
        let u = a.genogram.partnerships[0].clone();
        a.genogram.partnerships.push(Partnership {
            id: ItemId::from_random([0xf1; 4]),
            a: u.b.clone(),
            b: u.a.clone(),
            kind: PartnershipKind::Separated,
            ..u.clone()
        });
        assert!(
            reasons(&a)[0].contains("already shown as partners"),
            "{:?}",
            reasons(&a)
        );
        // Own parent: a child hanging from a partnership they are in, or from themselves.
        let mut a = demo();
        a.genogram.parentage.retain(|l| !u.involves(&l.child));
        a.genogram.parentage.push(Parentage {
            id: ItemId::from_random([0xf2; 4]),
            child: u.a.clone(),
            parents: Parents::Partnership {
                partnership: u.id.clone(),
            },
            kind: ChildKind::Birth,
            twin: None,
        });
        assert!(
            reasons(&a).iter().any(|r| r.contains("own parent")),
            "{:?}",
            reasons(&a)
        );
        let mut a = demo();
        let l = &mut a.genogram.parentage[0];
        l.parents = Parents::Parent {
            person: l.child.clone(),
        };
        assert!(reasons(&a).iter().any(|r| r.contains("own parent")));
    }

    #[test]
    fn references_to_children_must_name_a_child_being_assessed() {
        let mut a = demo();
        let mum = a.others().next().unwrap().id.clone();
        a.answers.insert(
            crate::model::answer_key("seenAlone", Some(&mum)),
            crate::model::Answer::Text("yes".into()),
        );
        assert!(reasons(&a)[0].starts_with("answers.seenAlone@"));
        let mut a = demo();
        a.add_event([3; 4]);
        a.chronology[0].children.push(mum);
        assert!(reasons(&a)[0].starts_with("chronology[0].children[0]"));
    }

    #[test]
    fn an_organisation_needs_a_name_and_a_rater_a_register_record() {
        let mut a = demo();
        for m in &mut a.network.members {
            if let Who::Organisation { name, .. } = &mut m.who {
                name.clear();
            }
        }
        assert!(reasons(&a)[0].contains("enter the organisation's name"));
        let mut a = demo();
        let rater = a
            .scales
            .iter()
            .flat_map(|s| &s.markers)
            .find_map(|m| m.rater.person.clone())
            .unwrap();
        a.people.retain(|p| p.id != rater);
        assert!(reasons(&a).iter().any(|r| r.contains("rater.person")));
    }

    #[test]
    fn a_drawing_is_marked_by_one_of_the_tools_houses_and_a_page_with_its_page() {
        use crate::model::marks::{Mark, Restriction, Target};
        let mut a = demo();
        let tool = a.child_tools[0].id.clone();
        let mark = |surface: &str| Mark {
            target: Target::Drawing {
                tool: tool.clone(),
                surface: surface.into(),
            },
            restriction: Restriction::NotForFamily,
            set_by: "Sam".into(),
            set_on: chrono::NaiveDate::MIN,
            why: String::new(),
        };
        a.marks.push(mark("worries"));
        assert_eq!(reasons(&a), Vec::<String>::new());
        for wrong in ["roof", "i-01020304"] {
            let mut b = a.clone();
            b.marks.push(mark(wrong));
            assert!(
                reasons(&b)
                    .iter()
                    .any(|r| r.starts_with("marks[1].target.surface")),
                "{wrong}: {:?}",
                reasons(&b)
            );
        }
    }
}
