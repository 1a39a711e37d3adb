use super::*;
use crate::diagram::ink::{finish, sample::scribble};
use crate::edit::{merge, register};
use crate::model::child_tools::{ChildTool, Place, Surface, ToolKind, Work};
use crate::model::drawing::{Ink, PictureKind, PlacedPicture, PlacedWords};
use crate::model::validity::{check, problems};
use crate::model::{AssessmentId, AssessmentType, Person, PersonRole};
use crate::workspace::commit;
use chrono::{NaiveDate, Utc};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

fn counter() -> impl FnMut() -> [u8; 4] {
    let mut n = 0u8;
    move || {
        n += 1;
        [9, 9, 9, n]
    }
}

fn family() -> (Assessment, PersonId, PersonId) {
    let mut a = Assessment::new(
        AssessmentId::from_random([1; 8]),
        Utc::now(),
        "signs-of-safety-2020",
        AssessmentType::Section17,
    );
    let mut child = Person::new(
        PersonId::from_random([1, 1, 1, 1]),
        PersonRole::SubjectChild,
    );
    child.given_name = "Ava".into();
    let mut nan = Person::new(
        PersonId::from_random([2, 2, 2, 2]),
        PersonRole::FamilyMember,
    );
    nan.given_name = "Rita".into();
    a.people = vec![child.clone(), nan.clone()];
    (a, child.id, nan.id)
}

fn nan_picture(nan: &PersonId) -> Mark {
    Mark::Picture(PlacedPicture {
        kind: PictureKind::Person,
        x: 300,
        y: 400,
        label: "Nan".into(),
        person: Some(nan.clone()),
    })
}

#[test]
fn each_drawing_edit_is_undone_exactly_by_the_edit_it_returns() {
    let (mut a, ava, nan) = family();
    let t = start(&mut a, &ava, ToolKind::ThreeHouses, day(2), counter());
    let s = Surface::GoodThings;
    let mut undo = Vec::new();
    let mut states = vec![a.clone()];
    let edits = [
        DrawEdit::Add(Mark::Stroke(finish(&scribble(1, 30), Ink::Red, 3).unwrap())),
        DrawEdit::Add(Mark::Stroke(
            finish(&scribble(2, 30), Ink::Blue, 5).unwrap(),
        )),
        DrawEdit::Add(Mark::Words(PlacedWords {
            text: "Nan's dog".into(),
            x: 600,
            y: 300,
            ink: Ink::Green,
        })),
        DrawEdit::Add(nan_picture(&nan)),
        DrawEdit::Move(At::Picture(0), 700, 500),
        DrawEdit::Remove(At::Stroke(0)),
    ];
    for e in edits {
        undo.push(draw(&mut a, &t, &s, e).expect("made"));
        check(&a).unwrap();
        states.push(a.clone());
    }
    let d = tool(&a, &t).unwrap().drawing(&s).unwrap();
    assert_eq!(
        (d.strokes.len(), d.words.len(), d.pictures.len()),
        (1, 1, 1)
    );
    assert_eq!((d.pictures[0].x, d.pictures[0].y), (700, 500));
    states.pop();
    while let Some(inverse) = undo.pop() {
        draw(&mut a, &t, &s, inverse).expect("undone");
        assert_eq!(&a, states.last().unwrap());
        states.pop();
    }
    assert!(tool(&a, &t).unwrap().drawing(&s).unwrap().is_empty());
    // Nothing to change: no undo step.
    assert_eq!(draw(&mut a, &t, &s, DrawEdit::Remove(At::Words(3))), None);
    assert_eq!(
        draw(
            &mut a,
            &t,
            &Surface::SafetyHouse,
            DrawEdit::Remove(At::Words(0))
        ),
        None
    );
}

#[test]
fn the_eraser_takes_the_topmost_thing_it_touches() {
    let (mut a, ava, nan) = family();
    let t = start(&mut a, &ava, ToolKind::SafetyHouse, day(2), counter());
    let s = Surface::SafetyHouse;
    let line = finish(
        &[(250.0, 400.0), (350.0, 400.0)].map(|(x, y)| crate::diagram::ink::RawPoint {
            x,
            y,
            pressure: None,
        }),
        Ink::Black,
        2,
    )
    .unwrap();
    draw(&mut a, &t, &s, DrawEdit::Add(Mark::Stroke(line)));
    draw(&mut a, &t, &s, DrawEdit::Add(nan_picture(&nan)));
    let d = tool(&a, &t).unwrap().drawing(&s).unwrap();
    assert_eq!(erasable(d, 300.0, 400.0, 10.0), Some(At::Picture(0)));
    assert_eq!(erasable(d, 252.0, 402.0, 10.0), Some(At::Picture(0)));
    assert_eq!(erasable(d, 900.0, 100.0, 10.0), None);
    draw(&mut a, &t, &s, DrawEdit::Remove(At::Picture(0)));
    let d = tool(&a, &t).unwrap().drawing(&s).unwrap();
    assert_eq!(erasable(d, 300.0, 405.0, 10.0), Some(At::Stroke(0)));
}

#[test]
fn a_story_keeps_versions_of_its_words_with_who_suggested_them_and_who_saw_them() {
    let (mut a, ava, _) = family();
    let t = start(&mut a, &ava, ToolKind::WordsAndPictures, day(1), counter());
    assert!(tool(&a, &t).unwrap().is_empty());
    let p1 = add_page(&mut a, &t, "The social worker", counter()).unwrap();
    edit_page(&mut a, &t, &p1, |p| p.text = "Mum and Dad love you.".into());
    let p2 = add_page(&mut a, &t, "Dad", counter()).unwrap();
    edit_page(&mut a, &t, &p2, |p| p.text = "Grown-ups argued.".into());
    assert_eq!(save_version(&mut a, &t, day(2)), Some(1));
    assert_eq!(save_version(&mut a, &t, day(2)), None, "nothing changed");
    edit_page(&mut a, &t, &p2, |p| {
        p.text = "Mum and Dad shouted at night, and that was scary.".into();
        p.suggested_by = "Mum".into();
    });
    move_page(&mut a, &t, &p2, true);
    assert!(story_changed(tool(&a, &t).unwrap()));
    assert_eq!(save_version(&mut a, &t, day(3)), Some(2));
    record_sharing(&mut a, &t, 2, " Mum and Dad ", day(4));
    set_agreed(&mut a, &t, 2, true);
    check(&a).unwrap();
    let Work::WordsAndPictures { versions, .. } = &tool(&a, &t).unwrap().work else {
        panic!()
    };
    assert_eq!(versions[0].pages[1].suggested_by, "Dad");
    assert_eq!(versions[1].pages[0].suggested_by, "Mum");
    assert_eq!(versions[1].pages[0].page, p2);
    assert_eq!(versions[1].shared[0].with, "Mum and Dad");
    // The child reads the agreed wording, even while the worker drafts new words.
    edit_page(&mut a, &t, &p1, |p| {
        p.text = "A draft nobody has agreed".into()
    });
    let read: Vec<String> = reading(tool(&a, &t).unwrap())
        .into_iter()
        .map(|(w, _)| w)
        .collect();
    assert_eq!(
        read,
        [
            "Mum and Dad shouted at night, and that was scary.",
            "Mum and Dad love you."
        ]
    );
    // A removed page's words stay in the versions; its picture is gone.
    remove_page(&mut a, &t, &p2);
    let read = reading(tool(&a, &t).unwrap());
    assert_eq!(read.len(), 2);
    assert!(read[0].1.is_none() && read[1].1.is_some());
}

#[test]
fn versions_out_of_order_break_a_rule_and_repair_mends_them() {
    let (mut a, ava, _) = family();
    let t = start(&mut a, &ava, ToolKind::WordsAndPictures, day(1), counter());
    let page = add_page(&mut a, &t, "", counter()).unwrap();
    save_version(&mut a, &t, day(5));
    edit_page(&mut a, &t, &page, |p| p.text = "x".into());
    save_version(&mut a, &t, day(6));
    let mut b = a.clone();
    if let Work::WordsAndPictures { versions, .. } = &mut tool_mut(&mut b, &t).unwrap().work {
        versions[0].made_on = day(9);
    }
    assert!(problems(&b)
        .iter()
        .any(|p| p.path.ends_with("versions[1].madeOn")));
    let r = crate::model::repair::repair(&mut b);
    assert!(r.remaining.is_empty(), "{:?}", r.remaining);
    check(&b).unwrap();
}

#[test]
fn the_rules_find_damage_and_repair_keeps_every_drawing() {
    let (mut a, ava, nan) = family();
    let t = start(&mut a, &ava, ToolKind::SafetyHouse, day(2), counter());
    draw(
        &mut a,
        &t,
        &Surface::SafetyHouse,
        DrawEdit::Add(nan_picture(&nan)),
    );
    let mut b = a.clone();
    let tool = tool_mut(&mut b, &t).unwrap();
    tool.child = PersonId::from_random([7, 7, 7, 7]);
    tool.child_words
        .push(crate::model::child_tools::ChildWords {
            id: t.clone(),
            place: Place::Dreams,
            words: "hi".into(),
        });
    if let Work::SafetyHouse { house, path } = &mut tool.work {
        *path = Some(12);
        house.pictures[0].person = Some(PersonId::from_random([8, 8, 8, 8]));
        house.pictures[0].x = 5000;
        house.words.push(PlacedWords {
            text: " ".into(),
            x: 1,
            y: 1,
            ink: Ink::Red,
        });
    }
    let found: Vec<String> = problems(&b).into_iter().map(|p| p.path).collect();
    for path in [
        "childTools[0].id",
        "childTools[0].child",
        "childTools[0].childWords[0].place",
        "childTools[0].house.pictures[0]",
        "childTools[0].house.pictures[0].person",
        "childTools[0].house.words[0].text",
        "childTools[0].work.path",
    ] {
        assert!(found.iter().any(|f| f == path), "{path} not in {found:?}");
    }
    let r = crate::model::repair::repair(&mut b);
    assert!(r.remaining.is_empty(), "{:?}", r.remaining);
    let tool = &b.child_tools[0];
    assert!(
        b.person(&tool.child).is_some(),
        "a placeholder holds the child's work"
    );
    assert_eq!(tool.child_words[0].words, "hi");
    assert_eq!(tool.child_words[0].place, Place::Inside);
    let Work::SafetyHouse { house, path } = &tool.work else {
        panic!()
    };
    assert_eq!(*path, Some(10));
    assert_eq!(
        (
            house.pictures[0].x,
            house.pictures[0].label.as_str(),
            house.pictures[0].person.clone()
        ),
        (1000, "Nan", None)
    );
}

#[test]
fn removing_and_merging_people_keep_the_drawings_whole() {
    let (mut a, ava, nan) = family();
    let t = start(&mut a, &ava, ToolKind::ThreeHouses, day(2), counter());
    draw(
        &mut a,
        &t,
        &Surface::Worries,
        DrawEdit::Add(nan_picture(&nan)),
    );
    // Rita recorded twice: merging keeps the drawing linked to the one kept.
    let mut twin = Person::new(
        PersonId::from_random([3, 3, 3, 3]),
        PersonRole::FamilyMember,
    );
    twin.given_name = "Rita".into();
    a.people.push(twin.clone());
    let mut merged = a.clone();
    commit(&mut merged, |m| merge::merge(m, &twin.id, &nan, &[]))
        .unwrap()
        .unwrap();
    let linked = merged.child_tools[0]
        .pictures()
        .next()
        .unwrap()
        .person
        .clone();
    assert_eq!(linked, Some(twin.id.clone()));
    // Removing Rita leaves her drawn, under the child's name for her.
    let words = register::impact(&a, &nan, register::Change::Remove);
    assert!(
        words
            .iter()
            .any(|w| w.contains("stays on 1 child's drawing")),
        "{words:?}"
    );
    let mut b = a.clone();
    commit(&mut b, |b| register::remove_person(b, &nan)).unwrap();
    let p = b.child_tools[0].pictures().next().unwrap();
    assert_eq!((p.label.as_str(), p.person.clone()), ("Nan", None));
    // Removing Ava takes her own tools, and says so first.
    let words = register::impact(&a, &ava, register::Change::Remove);
    assert!(
        words
            .iter()
            .any(|w| w.contains("Three Houses used with Ava")),
        "{words:?}"
    );
    commit(&mut a, |a| register::remove_person(a, &ava)).unwrap();
    assert!(a.child_tools.is_empty());
}

#[test]
fn a_new_tool_has_its_own_surfaces_and_a_fresh_id() {
    let (mut a, ava, _) = family();
    let mut same = || [5, 5, 5, 5];
    let first = start(&mut a, &ava, ToolKind::ThreeHouses, day(1), &mut same);
    let mut n = 0u8;
    let second = start(&mut a, &ava, ToolKind::SafetyHouse, day(1), || {
        n += 1;
        if n < 3 {
            [5, 5, 5, 5]
        } else {
            [6, 6, 6, 6]
        }
    });
    assert_ne!(first, second);
    assert_eq!(
        used_with(&a, &ava).map(ChildTool::kind).collect::<Vec<_>>(),
        [ToolKind::ThreeHouses, ToolKind::SafetyHouse]
    );
    set_path(&mut a, &second, Some(40));
    assert!(matches!(
        tool(&a, &second).unwrap().work,
        Work::SafetyHouse { path: Some(10), .. }
    ));
    check(&a).unwrap();
    remove(&mut a, &first);
    assert_eq!(a.child_tools.len(), 1);
}
