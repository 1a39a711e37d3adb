//! The safety view as a list: everyone on the map marked as part of the safety network, and
//! everyone the safety plan names as making sure of a rule, whether or not they are drawn yet.

use super::render::{entry_name, entry_role, in_safety_view, plan_rules};
use super::{MapFor, Who};
use crate::model::{Assessment, PersonId};

/// One person or organisation in the safety view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SafetyPerson {
    pub name: String,
    pub role: String,
    /// What they have agreed to do (on the map), if recorded.
    pub agreed: String,
    /// Whether they know the worries; `None` when they are not on the map.
    pub knows_worries: Option<bool>,
    /// Whether they will attend a family group conference, in words; `None` off the map.
    pub attend: Option<&'static str>,
    /// How many of the safety plan's rules they make sure of.
    pub rules: usize,
    /// The last family group decision-making meeting they came to, if any.
    pub came: Option<chrono::NaiveDate>,
}

/// The date of the last family meeting `id` came to.
fn came_to(a: &Assessment, id: Option<&PersonId>) -> Option<chrono::NaiveDate> {
    let id = id?;
    a.family_group
        .meetings
        .iter()
        .filter(|m| m.came.contains(id))
        .filter_map(|m| m.date)
        .max()
}

/// The safety view's people of map `which`: the map's first, in map order, then those the
/// plan names who are not drawn on it.
pub fn safety_people(a: &Assessment, which: &MapFor) -> Vec<SafetyPerson> {
    let Some(map) = a.map(which) else {
        return Vec::new();
    };
    let mut out: Vec<SafetyPerson> = map
        .members
        .iter()
        .filter(|m| in_safety_view(a, m))
        .map(|m| SafetyPerson {
            name: entry_name(a, m),
            role: entry_role(a, m),
            agreed: m.agreed.trim().to_owned(),
            knows_worries: Some(m.knows_worries),
            attend: Some(m.attend_conference.label()),
            rules: plan_rules(a, m),
            came: came_to(
                a,
                match &m.who {
                    Who::Person { person } => Some(person),
                    Who::Organisation { .. } => None,
                },
            ),
        })
        .collect();
    let mut named: Vec<&PersonId> = Vec::new();
    for id in a.planning.plan.rules.iter().flat_map(|r| r.who.iter()) {
        let drawn = map
            .members
            .iter()
            .any(|m| matches!(&m.who, Who::Person { person } if person == id));
        if !drawn && !named.contains(&id) {
            named.push(id);
        }
    }
    out.extend(named.into_iter().filter_map(|id| {
        let p = a.person(id)?;
        Some(SafetyPerson {
            name: p.display_name(),
            role: if p.relationship.trim().is_empty() {
                p.organisation.trim().to_owned()
            } else {
                p.relationship.trim().to_owned()
            },
            agreed: String::new(),
            knows_worries: None,
            attend: None,
            rules: a.planning.rules_naming(id),
            came: came_to(a, Some(id)),
        })
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::register::tests::demo_case;

    #[test]
    fn the_plan_s_people_are_in_the_safety_view_even_when_not_marked_or_not_drawn() {
        let mut a = demo_case();
        let names = |a: &Assessment| {
            safety_people(a, &None)
                .into_iter()
                .map(|p| (p.name, p.rules, p.knows_worries.is_some()))
                .collect::<Vec<_>>()
        };
        // Jordan and Casey are on the map but not marked: the plan names them, so they show.
        let shown = names(&a);
        assert!(
            shown.contains(&("Jordan Demo".into(), 2, true)),
            "{shown:?}"
        );
        assert!(
            shown.contains(&("Casey Sampleton".into(), 2, true)),
            "{shown:?}"
        );
        assert!(
            shown.contains(&("Morgan Demo".into(), 3, true)),
            "{shown:?}"
        );
        // Taken off the map, Casey is still listed, as not drawn.
        a.network.members.retain(|m| !matches!(&m.who, Who::Person { person } if person == &PersonId::from_random([0xd0, 0xd0, 0xd0, 4])));
        let shown = names(&a);
        assert_eq!(shown.last(), Some(&("Casey Sampleton".into(), 2, false)));
        assert_eq!(
            shown
                .iter()
                .filter(|(n, ..)| n == "Casey Sampleton")
                .count(),
            1
        );
    }
}
