//! The property of "who may read what": over the demonstration case and seeded random marks and
//! readers, nothing marked away from a reader is in their summary, in their drawings or in an
//! export made for them, while what is not marked still is.

use super::*;
use crate::edit::marks::set_mark;
use crate::edit::register::tests::demo_case;
use crate::edit::tests::Rng;
use crate::model::child_tools::{Surface, Work};
use crate::model::marks::Restriction;
use crate::model::validity::problems;
use crate::model::{Answer, PersonRole};
use crate::procedure;
use chrono::{DateTime, NaiveDate, Utc};

/// Puts `token` into the words of the thing at `t` (the words a summary or export would show).
fn plant(a: &mut Assessment, t: &Target, token: &str) {
    match t {
        Target::Answer { key } => {
            a.answers.insert(key.clone(), Answer::Text(token.into()));
        }
        Target::Chronology { entry } => {
            if let Some(e) = a.chronology.iter_mut().find(|e| &e.id == entry) {
                e.what = token.into();
            }
        }
        Target::PersonDetails { person } => {
            if let Some(p) = a.person_mut(person) {
                p.address = format!("{token} Road");
                p.phone = token.into();
            }
        }
        Target::Network { entry } => {
            if let Some(m) = a.network.members.iter_mut().find(|m| &m.id == entry) {
                m.agreed = token.into();
            }
        }
        Target::Marker { scale, marker } => {
            if let Some(s) = a.scale_mut(scale) {
                for m in s
                    .markers
                    .iter_mut()
                    .chain(s.history.iter_mut().flat_map(|h| h.markers.iter_mut()))
                {
                    if &m.id == marker {
                        m.reason = token.into();
                    }
                }
            }
        }
        Target::Harm { harm } => {
            if let Some(h) = a.planning.harm_mut(harm) {
                h.what_happened = token.into();
            }
        }
        Target::Pair { pair } => {
            crate::edit::planning::edit_pair(a, pair, |p| {
                p.danger.worry = token.into();
                p.danger.family_words = token.into();
                p.goal.family_words = token.into();
            });
        }
        Target::Rule { rule } => {
            crate::edit::planning::edit_rule(a, rule, |r| r.rule = token.into())
        }
        Target::Contact { contact } => {
            if let Some(c) = a
                .planning
                .plan
                .contacts
                .iter_mut()
                .find(|c| &c.id == contact)
            {
                c.number = token.into();
            }
        }
        Target::ChildWords { words } => {
            for t in &mut a.child_tools {
                for w in t.child_words.iter_mut().filter(|w| &w.id == words) {
                    w.words = token.into();
                }
            }
        }
        Target::Drawing { tool, surface } => {
            let s = Surface::from_code(surface).unwrap();
            if let Some(d) = a
                .child_tools
                .iter_mut()
                .find(|t| &t.id == tool)
                .and_then(|t| t.drawing_mut(&s))
            {
                d.words.push(crate::model::drawing::PlacedWords {
                    text: token.into(),
                    x: 100,
                    y: 100,
                    ink: crate::model::drawing::Ink::Red,
                });
            }
        }
        Target::StoryPage { page } => {
            for t in &mut a.child_tools {
                if let Work::WordsAndPictures { pages, .. } = &mut t.work {
                    for p in pages.iter_mut().filter(|p| &p.id == page) {
                        p.text = token.into();
                    }
                }
            }
        }
    }
}

/// The tool that holds `t`, when it is in a child's tool.
fn tool_of<'a>(a: &'a Assessment, t: &Target) -> Option<&'a crate::model::child_tools::ChildTool> {
    a.child_tools.iter().find(|tool| match t {
        Target::ChildWords { words } => tool.child_words.iter().any(|w| &w.id == words),
        Target::Drawing { tool: id, .. } => &tool.id == id,
        Target::StoryPage { page } => tool.surfaces().contains(&Surface::Page(page.clone())),
        _ => false,
    })
}

fn restriction(a: &Assessment, r: &mut Rng) -> Restriction {
    let family: Vec<_> = a
        .people
        .iter()
        .filter(|p| p.role != PersonRole::Professional)
        .map(|p| p.id.clone())
        .collect();
    match r.below(3) {
        0 => Restriction::Restricted,
        1 => Restriction::NotForFamily,
        _ => {
            let mut people = vec![r.pick(&family).cloned().expect("a family")];
            if r.chance(30) {
                people.extend(r.pick(&family).cloned().filter(|p| !people.contains(p)));
            }
            Restriction::NotFor { people }
        }
    }
}

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-01T10:00:00Z")
        .unwrap()
        .to_utc()
}

#[test]
fn nothing_marked_away_from_a_reader_reaches_them_and_the_rest_does() {
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let base = demo_case();
    let profile = procedure::of(&base).unwrap();
    let day = today;
    for seed in 0..120u64 {
        let mut r = Rng(seed * 7919 + 1);
        let mut a = base.clone();
        // every item gets its own token, so each one can be looked for
        let all = markable(&a);
        for (i, t) in all.iter().enumerate() {
            plant(&mut a, t, &format!("TOKEN{i:03}X"));
        }
        // some of the child's tools are in the family's summary, some not
        for t in &mut a.child_tools {
            t.in_family_summary = r.chance(50);
        }
        let marked: Vec<usize> = (0..1 + r.below(8)).map(|_| r.below(all.len())).collect();
        for &i in &marked {
            let restriction = restriction(&a, &mut r);
            set_mark(&mut a, all[i].clone(), restriction, "Sam", day, "");
        }
        assert_eq!(
            problems(&a),
            vec![],
            "seed {seed}: marking keeps the document valid"
        );
        let mut readers = Reader::choices(&a);
        readers.push(Reader::Professional);
        let reader = readers[r.below(readers.len())].clone();
        let shown = for_reader(&a, &reader);
        assert_eq!(
            problems(&shown),
            vec![],
            "seed {seed}: what a reader sees is a valid document"
        );
        let json = crate::exchange::export_json(&shown, at(), "test");
        let summary = crate::report::family_summary(&a, profile, today, &reader);
        let drawings = format!(
            "{}{}{}",
            crate::diagram::genogram::render::standalone(&shown, Some(today)),
            crate::diagram::network::render::standalone(&shown, &None, false),
            crate::diagram::network::render::standalone(&shown, &None, true)
        );
        let gone = left_out(&a, &reader, |q| q.to_owned());
        for (i, t) in all.iter().enumerate() {
            let token = format!("TOKEN{i:03}X");
            if may_read_here(&a, t, &reader) {
                assert!(
                    json.contains(&token),
                    "seed {seed}: {t:?} is not marked for {reader:?} and must stay in the export"
                );
            } else {
                for (what, text) in [
                    ("export", &json),
                    ("summary", &summary),
                    ("drawings", &drawings),
                ] {
                    assert!(
                        !text.contains(&token),
                        "seed {seed}: {t:?} is marked away from {reader:?} but is in the {what}"
                    );
                }
                if !crate::model::marks::may_read(&a, t, &reader) {
                    let what = describe(&a, t, |q| q.to_owned()).unwrap();
                    assert!(
                        gone.iter().any(|g| g.what == what),
                        "seed {seed}: {t:?} is listed as left out"
                    );
                }
            }
        }
        assert!(
            !json.contains("\"marks\": [\n") || reader == Reader::Professional,
            "marks do not travel"
        );
    }
}

/// Whether the thing at `t` should reach `reader`: its own mark allows it, and so does the mark
/// of what holds it (a judgement on a danger statement's scale goes with the statement).
fn may_read_here(a: &Assessment, t: &Target, reader: &Reader) -> bool {
    use crate::model::marks::may_read;
    let holder = match t {
        Target::Marker { scale, .. } => match a.scale(scale).map(|s| &s.kind) {
            Some(crate::model::ScaleKind::Pair { pair }) => {
                Some(Target::Pair { pair: pair.clone() })
            }
            _ => None,
        },
        _ => None,
    };
    // A child's tool reaches a family reader only when the worker put it in their summary.
    let tool_shown =
        *reader == Reader::Professional || tool_of(a, t).is_none_or(|tool| tool.in_family_summary);
    tool_shown && may_read(a, t, reader) && holder.is_none_or(|h| may_read(a, &h, reader))
}

#[test]
fn a_reader_s_document_drops_a_marked_person_from_households_and_versions_keep_no_hidden_words() {
    let mut a = demo_case();
    let mum = crate::model::PersonId::from_random([0xd0, 0xd0, 0xd0, 3]);
    let dad = crate::model::PersonId::from_random([0xd0, 0xd0, 0xd0, 4]);
    assert!(a
        .genogram
        .households
        .iter()
        .any(|h| h.members.contains(&mum)));
    a.person_mut(&mum).unwrap().address = "1 Fictional Close".into();
    set_mark(
        &mut a,
        Target::PersonDetails {
            person: mum.clone(),
        },
        Restriction::NotFor {
            people: vec![dad.clone()],
        },
        "Sam",
        NaiveDate::MIN,
        "New address",
    );
    let rule = a.planning.plan.rules[2].id.clone();
    set_mark(
        &mut a,
        Target::Rule { rule },
        Restriction::NotForFamily,
        "Sam",
        NaiveDate::MIN,
        "",
    );
    let for_dad = for_reader(&a, &Reader::Person(dad.clone()));
    assert!(for_dad
        .genogram
        .households
        .iter()
        .all(|h| !h.members.contains(&mum)));
    assert_eq!(for_dad.person(&mum).unwrap().address, "");
    assert!(for_dad
        .planning
        .plan
        .versions
        .iter()
        .all(|v| v.rules.len() == 2));
    let for_mum = for_reader(&a, &Reader::Person(mum.clone()));
    assert_eq!(for_mum.person(&mum).unwrap().address, "1 Fictional Close");
    let words: Vec<String> = left_out(&a, &Reader::Person(dad), |q| q.to_owned())
        .iter()
        .map(LeftOut::words)
        .collect();
    assert_eq!(
        words,
        vec![
            "Jordan Demo's address, phone number, household and notes (Not for Casey Sampleton: New address)",
            "The safety plan's rule \"Casey does not drink on the days before and during his time with Skye.\" (Not for the family)",
        ]
    );
}
