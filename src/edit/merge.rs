//! Two register records for one person ("these are the same person"): noticing them, and
//! merging them into one with every reference (answers, scales, chronology, the genogram, the
//! network map) moved over. Nothing either record says is lost: where the two differ, the kept
//! record's value stays and the other's is written into its notes for the worker to choose.
//! Lines the merge makes repeat (both records drawn, both with parents) are mended by
//! [`crate::model::repair`], and said.

use crate::model::genogram::Parents;
use crate::model::network::Who;
use crate::model::repair::repair;
use crate::model::validity::answer_child;
use crate::model::{answer_key, Answer, Assessment, Person, PersonId, PersonRole, ScaleKind};

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Pairs of register people who may be the same person: the same name, and the same date of
/// birth where both are known. Each pair once, in register order.
pub fn duplicates(a: &Assessment) -> Vec<(PersonId, PersonId)> {
    // People grouped by their name first, so a big family costs one pass, not every pair.
    let mut by_name: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, p) in a.people.iter().enumerate() {
        let name = norm(&format!("{} {}", p.given_name, p.family_name));
        if !name.is_empty() {
            by_name.entry(name).or_default().push(i);
        }
    }
    let mut groups: Vec<&Vec<usize>> = by_name.values().filter(|g| g.len() > 1).collect();
    groups.sort();
    let mut out = Vec::new();
    for group in groups {
        for (k, &i) in group.iter().enumerate() {
            let p = &a.people[i];
            for &j in &group[k + 1..] {
                let q = &a.people[j];
                let dob_agrees = match (p.date_of_birth, q.date_of_birth) {
                    (Some(x), Some(y)) => x == y,
                    _ => true,
                };
                if dob_agrees {
                    out.push((p.id.clone(), q.id.clone()));
                }
            }
        }
    }
    out
}

/// A detail two records of one person can disagree on, that the worker chooses between.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Relationship,
    Organisation,
    DateOfBirth,
}

/// Where two records disagree: the field, its label and both values in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub field: Option<Field>,
    pub label: &'static str,
    pub mine: String,
    pub theirs: String,
}

impl Difference {
    /// "Relationship: “Father” or “Dad”".
    pub fn words(&self) -> String {
        format!("{}: “{}” or “{}”", self.label, self.mine, self.theirs)
    }
}

/// Where two records differ. Relationship, agency and date of birth are the worker's to choose
/// (`field` is set); notes are kept together and roles follow the rule in [`merge`].
pub fn differences(keep: &Person, gone: &Person) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut text = |field: Option<Field>, label: &'static str, x: &str, y: &str| {
        if !x.trim().is_empty() && !y.trim().is_empty() && x.trim() != y.trim() {
            out.push(Difference {
                field,
                label,
                mine: x.trim().to_owned(),
                theirs: y.trim().to_owned(),
            });
        }
    };
    text(
        Some(Field::Relationship),
        "Relationship",
        &keep.relationship,
        &gone.relationship,
    );
    text(
        Some(Field::Organisation),
        "Agency and role",
        &keep.organisation,
        &gone.organisation,
    );
    text(None, "Notes", &keep.notes, &gone.notes);
    if let (Some(x), Some(y)) = (keep.date_of_birth, gone.date_of_birth) {
        text(
            Some(Field::DateOfBirth),
            "Date of birth",
            &x.to_string(),
            &y.to_string(),
        );
    }
    text(None, "Role", keep.role.label(), gone.role.label());
    out
}

/// The one record from two: `keep`'s values (or `gone`'s, for the fields in `theirs`), the
/// other's where one has none, and every value not chosen kept in the notes.
fn merged_record(keep: &Person, gone: &Person, theirs: &[Field]) -> Person {
    let mut p = keep.clone();
    let fill = |mine: &mut String, other: &str| {
        if mine.trim().is_empty() {
            *mine = other.to_owned();
        }
    };
    fill(&mut p.given_name, &gone.given_name);
    fill(&mut p.family_name, &gone.family_name);
    fill(&mut p.relationship, &gone.relationship);
    fill(&mut p.organisation, &gone.organisation);
    fill(
        &mut p.parental_responsibility_note,
        &gone.parental_responsibility_note,
    );
    if p.parental_responsibility == crate::model::family_group::ParentalResponsibility::NotAsked {
        p.parental_responsibility = gone.parental_responsibility;
    }
    p.date_of_birth = p.date_of_birth.or(gone.date_of_birth);
    p.date_of_death = p.date_of_death.or(gone.date_of_death);
    p.age_years = p.age_years.or(gone.age_years);
    if p.gender == crate::model::Gender::Unknown {
        p.gender = gone.gender;
    }
    // A child being assessed stays one, so their answers and scale stay theirs.
    if gone.role == PersonRole::SubjectChild {
        p.role = PersonRole::SubjectChild;
    }
    let mut not_chosen = Vec::new();
    for d in differences(keep, gone) {
        let Some(field) = d.field else { continue };
        let take = theirs.contains(&field);
        match (field, take) {
            (Field::Relationship, true) => p.relationship = gone.relationship.clone(),
            (Field::Organisation, true) => p.organisation = gone.organisation.clone(),
            (Field::DateOfBirth, true) => p.date_of_birth = gone.date_of_birth,
            _ => {}
        }
        let other = if take { d.mine } else { d.theirs };
        not_chosen.push(format!("{} “{other}”", d.label.to_lowercase()));
    }
    let mut extra = Vec::new();
    for (label, mine, other) in [
        ("address", &mut p.address, &gone.address),
        ("phone number", &mut p.phone, &gone.phone),
    ] {
        if mine.trim().is_empty() {
            *mine = other.clone();
        } else if !other.trim().is_empty() && mine.trim() != other.trim() {
            extra.push(format!("Another {label} was recorded: “{}”.", other.trim()));
        }
    }
    if !not_chosen.is_empty() {
        extra.push(format!(
            "Also recorded for this person: {}.",
            not_chosen.join("; ")
        ));
    }
    if !gone.notes.trim().is_empty() && gone.notes.trim() != keep.notes.trim() {
        extra.push(gone.notes.trim().to_owned());
    }
    if !extra.is_empty() {
        p.notes = [p.notes.trim().to_owned(), extra.join("\n")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
    }
    p
}

/// Merges `gone` into `keep`, taking `gone`'s value for the fields in `theirs`; returns what
/// was done, in words, or `None` (and nothing changes) when either is missing, they are the same
/// record, or the genogram shows one as the other's ancestor (one record would then be its own).
pub fn merge(
    a: &mut Assessment,
    keep: &PersonId,
    gone: &PersonId,
    theirs: &[Field],
) -> Option<Vec<String>> {
    let mut b = a.clone();
    let mut said = merge_into(&mut b, keep, gone, theirs)?;
    // Checked before the repair: the repair would mend a loop by taking a line off, but one
    // record as its own ancestor means the two are not the same person.
    if b.genogram.ancestry_loop().is_some() {
        return None;
    }
    said.extend(repair(&mut b).changes);
    *a = b;
    Some(said)
}

/// Why `gone` cannot be merged into `keep`, in words, when it cannot (the page says it rather
/// than do nothing).
pub fn why_not(a: &Assessment, keep: &PersonId, gone: &PersonId) -> Option<String> {
    let mut b = a.clone();
    merge_into(&mut b, keep, gone, &[])?;
    b.genogram.ancestry_loop().map(|_| {
        let name = |p: &PersonId| a.person(p).map_or_else(String::new, |p| p.display_name());
        format!(
            "{} and {} cannot be one record: the genogram shows one as the other's ancestor. Check the lines to parents first.",
            name(keep),
            name(gone)
        )
    })
}

/// The records made one, every reference moved to `keep`; the caller checks and repairs.
fn merge_into(
    a: &mut Assessment,
    keep: &PersonId,
    gone: &PersonId,
    theirs: &[Field],
) -> Option<Vec<String>> {
    if keep == gone {
        return None;
    }
    let (k, g) = (a.person(keep)?.clone(), a.person(gone)?.clone());
    let said = vec![format!(
        "{} and {} are now one record.",
        k.display_name(),
        g.display_name()
    )];
    *a.person_mut(keep)? = merged_record(&k, &g, theirs);
    a.people.retain(|p| &p.id != gone);
    // Answers: a per-child answer moves over; where both records have one, both are kept.
    let keys: Vec<String> = a
        .answers
        .keys()
        .filter(|key| answer_child(key) == Some(gone.as_str()))
        .cloned()
        .collect();
    for key in keys {
        let answer = a.answers.remove(&key).expect("listed");
        let question = key
            .split_once('@')
            .map_or(key.as_str(), |(q, _)| q)
            .to_owned();
        let to = answer_key(&question, Some(keep));
        let combined = match (a.answers.remove(&to), answer) {
            (None, theirs) => theirs,
            (Some(Answer::Text(x)), Answer::Text(y)) if x != y => {
                Answer::Text(format!("{x}\n\n{y}"))
            }
            (Some(Answer::Choices(mut x)), Answer::Choices(y)) => {
                x.extend(y.into_iter().filter(|v| !x.contains(v)).collect::<Vec<_>>());
                Answer::Choices(x)
            }
            (Some(Answer::Items(mut x)), Answer::Items(y)) => {
                x.extend(y);
                Answer::Items(x)
            }
            (Some(mine), _) => mine,
        };
        a.answers.insert(to, combined);
    }
    let swap = |p: &mut PersonId| {
        if p == gone {
            *p = keep.clone();
        }
    };
    for e in &mut a.chronology {
        e.children.iter_mut().for_each(swap);
        dedupe(&mut e.children);
    }
    let plan = &mut a.planning;
    let lists = plan
        .harms
        .iter_mut()
        .map(|h| &mut h.about.children)
        .chain(plan.pairs.iter_mut().map(|p| &mut p.about.children))
        .chain(plan.plan.rules.iter_mut().map(|r| &mut r.who));
    for list in lists {
        list.iter_mut().for_each(swap);
        dedupe(list);
    }
    for s in &mut a.scales {
        if let ScaleKind::Safety { child } = &mut s.kind {
            swap(child);
        }
        let lists =
            std::iter::once(&mut s.markers).chain(s.history.iter_mut().map(|h| &mut h.markers));
        for m in lists.flatten() {
            if let Some(p) = &mut m.rater.person {
                swap(p);
            }
        }
    }
    let gen = &mut a.genogram;
    gen.members.iter_mut().for_each(|m| swap(&mut m.person));
    for u in &mut gen.partnerships {
        swap(&mut u.a);
        swap(&mut u.b);
    }
    for l in &mut gen.parentage {
        swap(&mut l.child);
        if let Parents::Parent { person } = &mut l.parents {
            swap(person);
        }
    }
    for h in &mut gen.households {
        h.members.iter_mut().for_each(swap);
        dedupe(&mut h.members);
    }
    for r in &mut gen.relationships {
        swap(&mut r.a);
        swap(&mut r.b);
    }
    for m in a.maps_mut().flat_map(|map| map.members.iter_mut()) {
        if let Who::Person { person } = &mut m.who {
            swap(person);
        }
    }
    a.child_networks.iter_mut().for_each(|c| swap(&mut c.child));
    super::child_tools::swap_person(a, gone, keep);
    let g = &mut a.family_group;
    g.offers.iter_mut().for_each(|o| swap(&mut o.person));
    // Two offers to one person: the one with an answer stays (accepted first), then the kept
    // record's.
    let rank = |o: &crate::model::family_group::Offer| match o.answer {
        crate::model::family_group::OfferAnswer::Accepted => 0,
        crate::model::family_group::OfferAnswer::Declined => 1,
        crate::model::family_group::OfferAnswer::NoAnswerYet => 2,
    };
    let best = g
        .offers
        .iter()
        .filter(|o| &o.person == keep)
        .min_by_key(|o| rank(o))
        .map(|o| o.id.clone());
    g.offers
        .retain(|o| &o.person != keep || Some(&o.id) == best.as_ref());
    for m in &mut g.meetings {
        for list in [&mut m.invited, &mut m.came, &mut m.children_came] {
            list.iter_mut().for_each(swap);
            dedupe(list);
        }
        for p in &mut m.plan.points {
            p.who.iter_mut().for_each(swap);
            dedupe(&mut p.who);
        }
    }
    crate::model::repair::fold_child_maps(a);
    super::marks::merge_person(a, keep, gone);
    // Census facts follow the child kept; two sets become one, with every factor of both.
    if let Some(i) = a.case.census.iter().position(|c| &c.child == gone) {
        let theirs = a.case.census.remove(i);
        match a.case.census.iter_mut().find(|c| &c.child == keep) {
            Some(mine) => {
                for f in theirs.factors {
                    if !mine.factors.contains(&f) {
                        mine.factors.push(f);
                    }
                }
                mine.primary_need = mine.primary_need.take().or(theirs.primary_need);
                if mine.la_child_id.trim().is_empty() {
                    mine.la_child_id = theirs.la_child_id;
                }
                mine.seen = mine.seen.or(theirs.seen);
                mine.seen_on = mine.seen_on.or(theirs.seen_on);
            }
            None => a.case.census.push(crate::model::case_record::ChildCensus {
                child: keep.clone(),
                ..theirs
            }),
        }
    }
    Some(said)
}

/// Keeps the first of each person in a list.
fn dedupe(list: &mut Vec<PersonId>) {
    let mut seen = Vec::new();
    list.retain(|p| {
        let first = !seen.contains(p);
        seen.push(p.clone());
        first
    });
}

/// "The baby has been born": an unborn child in the register becomes a child with a date of
/// birth, keeping everything recorded about them (the date they were due gives way to the date
/// of birth).
pub fn born(a: &mut Assessment, id: &PersonId, on: chrono::NaiveDate) -> bool {
    match a.person_mut(id) {
        Some(p) if p.life == crate::model::Life::Pregnancy => {
            p.life = crate::model::Life::Living;
            p.date_of_birth = Some(on);
            p.expected_delivery_date = None;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validity::problems;

    #[test]
    fn a_person_and_their_own_grandparent_are_not_merged_and_the_page_is_told_why() {
        let a = crate::edit::register::tests::demo_case();
        let g = &a.genogram;
        // A child, and a grandparent of theirs.
        let (child, grandparent) = g
            .parentage
            .iter()
            .find_map(|l| {
                g.parents_of(&l.child)
                    .iter()
                    .find_map(|p| g.parents_of(p).first().cloned())
                    .map(|gp| (l.child.clone(), gp))
            })
            .expect("the demonstration family has three generations");
        let why = why_not(&a, &grandparent, &child).expect("refused");
        assert!(
            why.ends_with(
                "the genogram shows one as the other's ancestor. Check the lines to parents first."
            ),
            "{why}"
        );
        let mut b = a.clone();
        assert!(merge(&mut b, &grandparent, &child, &[]).is_none());
        assert_eq!(b, a, "nothing changed");
        // Two records with nothing between them are merged as before.
        let twins: Vec<_> = a.children().map(|c| c.id.clone()).collect();
        assert_eq!(why_not(&a, &twins[0], &twins[1]), None);
    }

    #[test]
    fn two_records_of_one_person_are_noticed_and_merged_with_every_reference() {
        let mut a = crate::edit::register::tests::demo_case();
        // Casey typed in again on the people page, with a different relationship.
        let casey = a
            .people
            .iter()
            .find(|p| p.given_name == "Casey")
            .unwrap()
            .clone();
        let mut again = Person::new(PersonId::from_random([0xcc; 4]), PersonRole::FamilyMember);
        again.given_name = " casey ".into();
        again.family_name = "Sampleton".into();
        again.relationship = "Dad".into();
        again.notes = "Lives with his brother now.".into();
        a.people.push(again.clone());
        // The second record is on the network map and rates on a scale.
        if let Some(m) = a.network.members.iter_mut().find(|m| {
            m.who
                == Who::Person {
                    person: casey.id.clone(),
                }
        }) {
            m.who = Who::Person {
                person: again.id.clone(),
            };
        }
        a.scales[0].markers[0].rater.person = Some(again.id.clone());
        assert!(problems(&a).is_empty());
        assert_eq!(duplicates(&a), vec![(casey.id.clone(), again.id.clone())]);
        let diffs = differences(&casey, &again);
        assert!(
            diffs
                .iter()
                .any(|d| d.words() == "Relationship: “Father (lives apart)” or “Dad”"),
            "{diffs:?}"
        );

        let mut b = a.clone();
        let said = merge(&mut a, &casey.id, &again.id, &[]).unwrap();
        assert_eq!(problems(&a), vec![]);
        assert!(said[0].contains("are now one record"));
        assert!(a.person(&again.id).is_none());
        let merged = a.person(&casey.id).unwrap();
        assert_eq!(merged.relationship, "Father (lives apart)");
        assert!(merged.notes.contains("“Dad”"), "{}", merged.notes);
        assert!(merged.notes.contains("Lives with his brother now."));
        assert!(a.network.entry_for(&casey.id).is_some());
        assert_eq!(
            a.scales[0].markers[0].rater.person.as_ref(),
            Some(&casey.id)
        );
        assert!(duplicates(&a).is_empty());
        // The worker may choose the other record's relationship: the first goes to the notes.
        merge(&mut b, &casey.id, &again.id, &[Field::Relationship]).unwrap();
        let merged = b.person(&casey.id).unwrap();
        assert_eq!(merged.relationship, "Dad");
        assert!(
            merged.notes.contains("relationship “Father (lives apart)”"),
            "{}",
            merged.notes
        );
        assert_eq!(problems(&b), vec![]);
    }

    #[test]
    fn merging_two_drawn_children_keeps_one_symbol_and_both_sets_of_answers() {
        let mut a = crate::edit::register::tests::demo_case();
        let rowan = a.children().next().unwrap().id.clone();
        let mut twin = a.person(&rowan).unwrap().clone();
        twin.id = PersonId::from_random([0xdd; 4]);
        a.people.push(twin.clone());
        let ops = crate::diagram::genogram::commands::plan(
            &a,
            &crate::diagram::genogram::commands::Command::Place {
                person: twin.id.clone(),
                x: 900,
                y: 320,
            },
        )
        .unwrap();
        crate::diagram::ops::apply(&mut a, &ops);
        a.answers.insert(
            answer_key("seenAlone", Some(&rowan)),
            Answer::Text("yes".into()),
        );
        a.answers.insert(
            answer_key("seenAlone", Some(&twin.id)),
            Answer::Text("Seen at school.".into()),
        );
        merge(&mut a, &rowan, &twin.id, &[]).unwrap();
        assert_eq!(problems(&a), vec![]);
        assert_eq!(
            a.genogram
                .members
                .iter()
                .filter(|m| m.person == rowan)
                .count(),
            1
        );
        assert_eq!(
            a.answers[&answer_key("seenAlone", Some(&rowan))],
            Answer::Text("yes\n\nSeen at school.".into())
        );
    }

    #[test]
    fn an_expected_baby_is_born_and_keeps_what_was_recorded() {
        let mut a = crate::edit::register::tests::demo_case();
        let id = a.children().next().unwrap().id.clone();
        assert!(
            !born(
                &mut a,
                &id,
                chrono::NaiveDate::from_ymd_opt(2027, 2, 20).unwrap()
            ),
            "already born"
        );
        a.person_mut(&id).unwrap().life = crate::model::Life::Pregnancy;
        a.person_mut(&id).unwrap().date_of_birth = None;
        let before = a.scales.clone();
        assert!(born(
            &mut a,
            &id,
            chrono::NaiveDate::from_ymd_opt(2027, 2, 20).unwrap()
        ));
        assert_eq!(a.person(&id).unwrap().life, crate::model::Life::Living);
        assert_eq!(a.scales, before);
        assert!(problems(&a).is_empty());
    }
}
