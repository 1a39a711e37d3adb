//! Register edits that keep the document whole. Removing a person takes them off the genogram,
//! the network map, partnerships, households and relationships; their scale judgements stay
//! as the words they were (the rater becomes a typed name); a child's own answers go, their
//! safety scale stays as a scale of its own, and chronology entries lose the link to them but
//! keep their words. Changing a child's role does the child's part of the same. [`impact`]
//! says all of that, in words, before anything is changed, so the page can ask first.

use crate::diagram::genogram::commands::{plan, Command};
use crate::diagram::ops::apply;
use crate::model::network::Who;
use crate::model::repair::{unlink_rater, REMOVED};
use crate::model::validity::answer_child;
use crate::model::{Assessment, Person, PersonId, PersonRole, ScaleKind};

/// What goes with a register edit, each as a sentence for the confirmation.
pub fn impact(a: &Assessment, id: &PersonId, change: Change) -> Vec<String> {
    let Some(p) = a.person(id) else {
        return Vec::new();
    };
    let name = p.display_name();
    let mut out = Vec::new();
    let as_child = p.role == PersonRole::SubjectChild
        && match change {
            Change::Remove => true,
            Change::Role(r) => r != PersonRole::SubjectChild,
        };
    if as_child {
        let answers = own_answers(a, id).len();
        if answers > 0 {
            out.push(format!(
                "{answers} answer{} recorded for {name} will be deleted.",
                plural(answers)
            ));
        }
        if let Some(s) = a.safety_scale_of(id) {
            let n = s.markers.len() + s.history.iter().map(|h| h.markers.len()).sum::<usize>();
            out.push(format!(
                "{name}'s safety scale ({n} judgement{}) is kept as a scale of its own, no longer linked to them.",
                plural(n)
            ));
        }
        let statements = a
            .planning
            .harms
            .iter()
            .map(|h| &h.about)
            .chain(a.planning.pairs.iter().map(|p| &p.about))
            .filter(|about| about.children.contains(id))
            .count();
        if statements > 0 {
            out.push(format!(
                "{statements} harm or danger statement{} will no longer name {name}; the words stay.",
                plural(statements)
            ));
        }
        if let Some(map) = a.map(&Some(id.clone())) {
            let n = map.members.len();
            out.push(format!(
                "{name}'s own network map ({n} entr{}) will be deleted; the group's map stays.",
                if n == 1 { "y" } else { "ies" }
            ));
        }
        let came = a
            .family_group
            .meetings
            .iter()
            .filter(|m| m.children_came.contains(id))
            .count();
        if came > 0 && change != Change::Remove {
            out.push(format!(
                "{name} will no longer be recorded as a child who came to {came} family meeting{}.",
                plural(came)
            ));
        }
        let entries = a
            .chronology
            .iter()
            .filter(|e| e.children.contains(id))
            .count();
        if entries > 0 {
            out.push(format!(
                "{entries} chronology entr{} will no longer be linked to {name}; the words stay.",
                if entries == 1 { "y" } else { "ies" }
            ));
        }
    }
    if change == Change::Remove {
        let own: Vec<&str> = super::child_tools::used_with(a, id)
            .map(|t| t.kind().label())
            .collect();
        if !own.is_empty() {
            out.push(format!(
                "The {} used with {name} (what they drew and said) will be deleted. Export the assessment first to keep a copy.",
                own.join(", ")
            ));
        }
        let drawn = a
            .child_tools
            .iter()
            .filter(|t| &t.child != id && t.pictures().any(|p| p.person.as_ref() == Some(id)))
            .count();
        if drawn > 0 {
            out.push(format!(
                "{name} stays on {drawn} child's drawing{}, under the name the child gave them.",
                plural(drawn)
            ));
        }
        let judgements = rated_by(a, id);
        if judgements > 0 {
            out.push(format!(
                "{name}'s {judgements} scale judgement{} stay{}, with their name typed in and \"{REMOVED}\".",
                plural(judgements),
                if judgements == 1 { "s" } else { "" }
            ));
        }
        if a.genogram.member(id).is_some() {
            out.push(format!(
                "{name} is taken off the genogram, with their partnerships, lines to children and parents, households and relationships."
            ));
        }
        let rules = a.planning.rules_naming(id);
        if rules > 0 {
            out.push(format!(
                "{name} is no longer named as making sure of {rules} rule{} of the safety plan; agreed versions keep their name.",
                plural(rules)
            ));
        }
        let g = &a.family_group;
        if g.offer_to(id).is_some() {
            out.push(format!(
                "The offer of a family group decision-making meeting made to {name}, with their answer, will be deleted. Export the assessment first to keep a copy."
            ));
        }
        let meetings = g
            .meetings
            .iter()
            .filter(|m| {
                m.invited.contains(id)
                    || m.children_came.contains(id)
                    || m.plan.points.iter().any(|p| p.who.contains(id))
            })
            .count();
        if meetings > 0 {
            out.push(format!(
                "{name} is taken off {meetings} family meeting{} (who was invited, who came, who does what in the family's plan); agreed versions keep their name.",
                plural(meetings)
            ));
        }
        let maps = a.maps().filter(|(_, m)| m.entry_for(id).is_some()).count();
        if maps > 0 {
            out.push(format!(
                "{name} is taken off the network map{}, with what they agreed to do.",
                if maps == 1 {
                    String::new()
                } else {
                    format!("s ({maps})")
                }
            ));
        }
    }
    out
}

/// A register edit [`impact`] describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Remove,
    Role(PersonRole),
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn own_answers(a: &Assessment, id: &PersonId) -> Vec<String> {
    a.answers
        .keys()
        .filter(|k| answer_child(k) == Some(id.as_str()))
        .cloned()
        .collect()
}

fn rated_by(a: &Assessment, id: &PersonId) -> usize {
    a.scales
        .iter()
        .flat_map(|s| {
            s.markers
                .iter()
                .chain(s.history.iter().flat_map(|h| h.markers.iter()))
        })
        .filter(|m| m.rater.person.as_ref() == Some(id))
        .count()
}

/// Takes away what made `id` a child being assessed: their answers, the link of their safety
/// scale and of chronology entries.
fn release_child(a: &mut Assessment, id: &PersonId, name: &str) {
    super::planning::forget_child(a, id);
    a.case.census.retain(|c| &c.child != id);
    a.child_networks.retain(|c| &c.child != id);
    for m in &mut a.family_group.meetings {
        m.children_came.retain(|c| c != id);
    }
    for key in own_answers(a, id) {
        a.answers.remove(&key);
    }
    for s in &mut a.scales {
        if matches!(&s.kind, ScaleKind::Safety { child } if child == id) {
            s.kind = ScaleKind::Custom;
            s.question = format!("Safety scale for {name}: {}", s.question);
        }
    }
    for e in &mut a.chronology {
        if e.children.contains(id) {
            e.children.retain(|c| c != id);
            if e.children.is_empty() {
                e.what = format!("{} (about {name})", e.what.trim_end());
            }
        }
    }
}

/// Removes a person from the register, keeping the document whole (see the module comment);
/// returns the record removed.
pub fn remove_person(a: &mut Assessment, id: &PersonId) -> Option<Person> {
    let p = a.person(id)?.clone();
    let name = p.display_name();
    if p.role == PersonRole::SubjectChild {
        release_child(a, id, &name);
    }
    for s in &mut a.scales {
        let lists =
            std::iter::once(&mut s.markers).chain(s.history.iter_mut().map(|h| &mut h.markers));
        for m in lists.flatten() {
            if m.rater.person.as_ref() == Some(id) {
                unlink_rater(&mut m.rater, &name);
            }
        }
    }
    if a.genogram.member(id).is_some() {
        let ops = plan(a, &Command::Remove(id.clone())).unwrap_or_default();
        apply(a, &ops);
    }
    for map in a.maps_mut() {
        map.members
            .retain(|m| !matches!(&m.who, Who::Person { person } if person == id));
    }
    super::planning::forget_person(a, id);
    super::marks::forget_person(a, id);
    super::child_tools::forget_person(a, id);
    super::family_group::forget_person(a, id);
    let i = a.people.iter().position(|q| &q.id == id)?;
    Some(a.people.remove(i))
}

/// Changes a person's role; a child who stops being a child being assessed is released as
/// [`impact`] says.
pub fn set_role(a: &mut Assessment, id: &PersonId, role: PersonRole) {
    let Some(p) = a.person(id) else {
        return;
    };
    if p.role == role {
        return;
    }
    let name = p.display_name();
    if p.role == PersonRole::SubjectChild {
        release_child(a, id, &name);
    }
    if let Some(p) = a.person_mut(id) {
        p.role = role;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::validity::problems;
    use crate::model::AssessmentId;

    pub(crate) fn demo_case() -> Assessment {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-25T10:00:00Z")
            .unwrap()
            .to_utc();
        crate::demo::training_case(AssessmentId::from_random([7; 8]), now, now.date_naive())
    }

    #[test]
    fn removing_anyone_from_the_demonstration_case_leaves_it_valid_and_keeps_their_judgements() {
        let a = demo_case();
        assert!(problems(&a).is_empty());
        for p in &a.people {
            let mut b = a.clone();
            let judgements = rated_by(&b, &p.id);
            let words = impact(&b, &p.id, Change::Remove);
            remove_person(&mut b, &p.id).unwrap();
            assert_eq!(problems(&b), vec![], "after removing {}", p.display_name());
            let typed = b
                .scales
                .iter()
                .flat_map(|s| {
                    s.markers
                        .iter()
                        .chain(s.history.iter().flat_map(|h| &h.markers))
                })
                .filter(|m| m.rater.name.contains(REMOVED) && m.rater.person.is_none())
                .count();
            assert_eq!(typed, judgements, "{}'s judgements kept", p.display_name());
            if judgements > 0 {
                assert!(
                    words.iter().any(|w| w.contains("scale judgement")),
                    "{words:?}"
                );
            }
        }
    }

    #[test]
    fn a_child_who_is_removed_or_changes_role_takes_their_answers_and_keeps_their_scale() {
        let mut a = demo_case();
        let child = a.children().next().unwrap().clone();
        for q in ["seenAlone", "wishesAndFeelings"] {
            a.answers.insert(
                crate::model::answer_key(q, Some(&child.id)),
                crate::model::Answer::Text("yes".into()),
            );
        }
        let answers = own_answers(&a, &child.id).len();
        assert_eq!(answers, 2);
        assert!(a.safety_scale_of(&child.id).is_some());
        let words = impact(&a, &child.id, Change::Role(PersonRole::FamilyMember));
        assert!(
            words[0].starts_with(&format!("{answers} answer")),
            "{words:?}"
        );
        let scales = a.scales.len();
        let mut b = a.clone();
        set_role(&mut b, &child.id, PersonRole::FamilyMember);
        assert_eq!(problems(&b), vec![]);
        assert_eq!(own_answers(&b, &child.id).len(), 0);
        assert_eq!(b.scales.len(), scales, "the scale is kept");
        assert!(b.safety_scale_of(&child.id).is_none());
        assert!(b
            .scales
            .iter()
            .any(|s| s.question.contains(&child.display_name())));
        // Nothing goes when the role does not change, or for someone else.
        assert!(impact(&a, &child.id, Change::Role(PersonRole::SubjectChild)).is_empty());
    }
}
