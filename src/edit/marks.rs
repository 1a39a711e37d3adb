//! Setting and clearing marks (who may read what), keeping them whole when the register
//! changes, and the marks suggested to protect an adult where the record names a domestic abuse
//! concern.

use crate::model::marks::{Mark, Restriction, Target};
use crate::model::{Assessment, PersonId, PersonRole};
use chrono::NaiveDate;

/// Marks `target` (replacing any mark it had). A "not for" with nobody named marks nothing.
pub fn set_mark(
    a: &mut Assessment,
    target: Target,
    restriction: Restriction,
    set_by: &str,
    set_on: NaiveDate,
    why: &str,
) {
    a.marks.retain(|m| m.target != target);
    if matches!(&restriction, Restriction::NotFor { people } if people.is_empty()) {
        return;
    }
    a.marks.push(Mark {
        target,
        restriction,
        set_by: set_by.trim().to_owned(),
        set_on,
        why: why.trim().to_owned(),
    });
}

/// Takes the mark off `target`.
pub fn clear_mark(a: &mut Assessment, target: &Target) {
    a.marks.retain(|m| &m.target != target);
}

/// When someone leaves the register: a "not for" naming only them keeps its item from the
/// family as a whole ("not for the family"), so nothing marked becomes readable.
pub(super) fn forget_person(a: &mut Assessment, id: &PersonId) {
    for m in &mut a.marks {
        if let Restriction::NotFor { people } = &mut m.restriction {
            people.retain(|p| p != id);
            if people.is_empty() {
                m.restriction = Restriction::NotForFamily;
            }
        }
    }
}

/// The stricter of two restrictions on one thing (after two records were merged): restricted
/// over not for the family over "not for" these people and those.
fn stricter(x: Restriction, y: Restriction) -> Restriction {
    use Restriction::*;
    match (x, y) {
        (Restricted, _) | (_, Restricted) => Restricted,
        (NotForFamily, _) | (_, NotForFamily) => NotForFamily,
        (NotFor { mut people }, NotFor { people: more }) => {
            for p in more {
                if !people.contains(&p) {
                    people.push(p);
                }
            }
            NotFor { people }
        }
    }
}

/// After `gone` was merged into `keep`: marks follow the record kept, and two marks on one
/// thing become one, as strict as both.
pub(super) fn merge_person(a: &mut Assessment, keep: &PersonId, gone: &PersonId) {
    for m in &mut a.marks {
        if let Target::PersonDetails { person } = &mut m.target {
            if person == gone {
                *person = keep.clone();
            }
        }
        if let Restriction::NotFor { people } = &mut m.restriction {
            for p in people.iter_mut() {
                if p == gone {
                    *p = keep.clone();
                }
            }
            let mut seen = Vec::new();
            people.retain(|p| {
                let first = !seen.contains(p);
                seen.push(p.clone());
                first
            });
        }
    }
    let mut out: Vec<Mark> = Vec::new();
    for m in std::mem::take(&mut a.marks) {
        match out.iter_mut().find(|o| o.target == m.target) {
            Some(o) => {
                let r = std::mem::replace(&mut o.restriction, Restriction::Restricted);
                o.restriction = stricter(r, m.restriction);
            }
            None => out.push(m),
        }
    }
    a.marks = out;
}

/// Words in a person's relationship or notes that say they are the subject of a domestic abuse
/// concern.
const ABUSE_WORDS: [&str; 7] = [
    "domestic abuse",
    "domestic violence",
    "coercive control",
    "perpetrator",
    "non-molestation",
    "restraining order",
    "violent towards",
];

/// A mark the app suggests; the worker decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub target: Target,
    pub restriction: Restriction,
    pub why: String,
}

/// For each person recorded as the subject of a domestic abuse concern, the other adults'
/// details marked "not for" them, where they are not already marked.
pub fn suggested_marks(a: &Assessment) -> Vec<Suggestion> {
    let concern = |p: &crate::model::Person| {
        let text = format!("{} {}", p.relationship, p.notes).to_lowercase();
        ABUSE_WORDS.iter().any(|w| text.contains(w))
    };
    let mut out = Vec::new();
    for subject in a.people.iter().filter(|p| concern(p)) {
        for other in a.people.iter().filter(|p| {
            p.id != subject.id
                && matches!(
                    p.role,
                    PersonRole::FamilyMember | PersonRole::OtherSignificant
                )
        }) {
            let target = Target::PersonDetails {
                person: other.id.clone(),
            };
            if a.mark(&target).is_none() {
                out.push(Suggestion {
                    target,
                    restriction: Restriction::NotFor {
                        people: vec![subject.id.clone()],
                    },
                    why: format!(
                        "{} is recorded as the subject of a domestic abuse concern: {}'s address, phone number and household should not reach them.",
                        subject.display_name(),
                        other.display_name()
                    ),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::register::remove_person;
    use crate::edit::register::tests::demo_case;
    use crate::model::validity::problems;

    fn id(n: u8) -> PersonId {
        PersonId::from_random([0xd0, 0xd0, 0xd0, n])
    }

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn a_mark_replaces_the_last_and_can_be_cleared() {
        let mut a = demo_case();
        let t = Target::PersonDetails { person: id(3) };
        set_mark(
            &mut a,
            t.clone(),
            Restriction::NotForFamily,
            "Sam",
            day(),
            "New address",
        );
        set_mark(
            &mut a,
            t.clone(),
            Restriction::NotFor {
                people: vec![id(4)],
            },
            "Sam",
            day(),
            "",
        );
        assert_eq!(a.marks.len(), 1);
        assert_eq!(
            a.mark(&t).unwrap().restriction,
            Restriction::NotFor {
                people: vec![id(4)]
            }
        );
        set_mark(
            &mut a,
            t.clone(),
            Restriction::NotFor { people: vec![] },
            "Sam",
            day(),
            "",
        );
        assert!(a.mark(&t).is_none(), "not for nobody marks nothing");
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn removing_the_only_person_a_mark_is_for_keeps_it_from_the_family() {
        let mut a = demo_case();
        let t = Target::PersonDetails { person: id(3) };
        set_mark(
            &mut a,
            t.clone(),
            Restriction::NotFor {
                people: vec![id(4)],
            },
            "Sam",
            day(),
            "",
        );
        remove_person(&mut a, &id(4));
        assert_eq!(a.mark(&t).unwrap().restriction, Restriction::NotForFamily);
        assert_eq!(problems(&a), vec![]);
    }

    #[test]
    fn merged_records_keep_the_stricter_mark() {
        let mut a = demo_case();
        set_mark(
            &mut a,
            Target::PersonDetails { person: id(3) },
            Restriction::NotFor {
                people: vec![id(4)],
            },
            "Sam",
            day(),
            "",
        );
        set_mark(
            &mut a,
            Target::PersonDetails { person: id(5) },
            Restriction::Restricted,
            "Sam",
            day(),
            "",
        );
        merge_person(&mut a, &id(3), &id(5));
        assert_eq!(a.marks.len(), 1);
        assert_eq!(a.marks[0].restriction, Restriction::Restricted);
        assert_eq!(
            stricter(
                Restriction::NotFor {
                    people: vec![id(1)]
                },
                Restriction::NotFor {
                    people: vec![id(2), id(1)]
                }
            ),
            Restriction::NotFor {
                people: vec![id(1), id(2)]
            }
        );
    }

    #[test]
    fn a_domestic_abuse_concern_suggests_protecting_the_other_adults_details() {
        let mut a = demo_case();
        assert!(suggested_marks(&a).is_empty());
        a.person_mut(&id(4)).unwrap().notes =
            "Subject of a domestic abuse concern (police, September).".into();
        let s = suggested_marks(&a);
        let who: Vec<&Target> = s.iter().map(|s| &s.target).collect();
        assert_eq!(
            who,
            vec![
                &Target::PersonDetails { person: id(3) },
                &Target::PersonDetails { person: id(5) }
            ]
        );
        assert_eq!(
            s[0].restriction,
            Restriction::NotFor {
                people: vec![id(4)]
            }
        );
        set_mark(
            &mut a,
            s[0].target.clone(),
            s[0].restriction.clone(),
            "Sam",
            day(),
            &s[0].why,
        );
        assert_eq!(
            suggested_marks(&a).len(),
            1,
            "a mark set is no longer suggested"
        );
    }
}
