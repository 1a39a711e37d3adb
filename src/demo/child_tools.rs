//! The child's own tools, filled in as a worker and a child might: a Three Houses with lines,
//! words and a grandparent placed from the register, a Safety House with the child on the
//! path, and a Words and Pictures story in two versions, the second shared and agreed. For
//! the demonstration case, the schema fixture and the tests. Every name is invented.

use crate::diagram::ink::{finish, sample::scribble};
use crate::edit::child_tools::{self as tools, DrawEdit, Mark};
use crate::model::child_tools::{Place, Surface, ToolKind};
use crate::model::drawing::{Ink, PictureKind, PlacedPicture, PlacedWords};
use crate::model::{Assessment, PersonId};
use chrono::{Duration, NaiveDate};

/// Adds the three tools for `child`, placing `nan` (someone in the register) in the drawings.
pub fn use_tools(a: &mut Assessment, child: &PersonId, nan: &PersonId, today: NaiveDate) {
    let mut n: u8 = 0;
    let mut random = move || {
        n = n.wrapping_add(1);
        [0xc7, 0x01, 0x70, n]
    };
    let nan_name = a
        .person(nan)
        .map(|p| p.given_name.clone())
        .unwrap_or_default();
    let earlier = today - Duration::days(6);

    let houses = tools::start(a, child, ToolKind::ThreeHouses, earlier, &mut random);
    let put = |a: &mut Assessment, s: Surface, m: Mark| {
        tools::draw(a, &houses, &s, DrawEdit::Add(m));
    };
    for (i, s) in [Surface::Worries, Surface::GoodThings, Surface::Dreams]
        .into_iter()
        .enumerate()
    {
        for k in 0..3u64 {
            let stroke = finish(
                &scribble(i as u64 * 10 + k, 30),
                Ink::ALL[(i + k as usize) % 6],
                3,
            )
            .expect("points");
            put(a, s.clone(), Mark::Stroke(stroke));
        }
    }
    put(
        a,
        Surface::Worries,
        Mark::Words(PlacedWords {
            text: "shouting at night".into(),
            x: 500,
            y: 420,
            ink: Ink::Black,
        }),
    );
    put(
        a,
        Surface::GoodThings,
        Mark::Picture(PlacedPicture {
            kind: PictureKind::Person,
            x: 360,
            y: 480,
            label: nan_name.clone(),
            person: Some(nan.clone()),
        }),
    );
    put(
        a,
        Surface::GoodThings,
        Mark::Words(PlacedWords {
            text: "Nan's dog".into(),
            x: 620,
            y: 470,
            ink: Ink::Green,
        }),
    );
    put(
        a,
        Surface::Dreams,
        Mark::Picture(PlacedPicture {
            kind: PictureKind::House,
            x: 500,
            y: 470,
            label: String::new(),
            person: None,
        }),
    );
    tools::add_words(
        a,
        &houses,
        Place::Worries,
        "When they shout I go under my covers.",
        &mut random,
    );
    tools::add_words(
        a,
        &houses,
        Place::GoodThings,
        "Nan takes me to the park.",
        &mut random,
    );
    tools::add_words(
        a,
        &houses,
        Place::Dreams,
        "Everyone is kind at home.",
        &mut random,
    );
    if let Some(t) = tools::tool_mut(a, &houses) {
        t.conversation.place = "At school, in the library".into();
        t.conversation.present = "Nobody else (the class teacher was next door)".into();
        t.conversation.seen_alone = Some(true);
        t.conversation.notes = "Chatty once drawing; quiet about night-time.".into();
        t.in_family_summary = true;
    }

    let house = tools::start(a, child, ToolKind::SafetyHouse, earlier, &mut random);
    tools::draw(
        a,
        &house,
        &Surface::SafetyHouse,
        DrawEdit::Add(Mark::Picture(PlacedPicture {
            kind: PictureKind::Person,
            x: 300,
            y: 420,
            label: nan_name,
            person: Some(nan.clone()),
        })),
    );
    tools::draw(
        a,
        &house,
        &Surface::SafetyHouse,
        DrawEdit::Add(Mark::Words(PlacedWords {
            text: "No shouting".into(),
            x: 400,
            y: 190,
            ink: Ink::Red,
        })),
    );
    tools::set_path(a, &house, Some(7));
    tools::add_words(
        a,
        &house,
        Place::Path,
        "I'm nearly at the door.",
        &mut random,
    );

    let story = tools::start(a, child, ToolKind::WordsAndPictures, earlier, &mut random);
    let first = tools::add_page(a, &story, "The social worker", &mut random).expect("story");
    tools::edit_page(a, &story, &first, |p| {
        p.text = "Mum and Dad love you very much.".into()
    });
    let second = tools::add_page(a, &story, "Mum", &mut random).expect("story");
    tools::edit_page(a, &story, &second, |p| {
        p.text = "Sometimes grown-ups argue loudly at night.".into()
    });
    tools::save_version(a, &story, earlier);
    tools::edit_page(a, &story, &second, |p| {
        p.text = "Sometimes Mum and Dad shouted at night, and that was scary.".into();
        p.suggested_by = "Mum and the social worker".into();
    });
    tools::draw(
        a,
        &story,
        &Surface::Page(second.clone()),
        DrawEdit::Add(Mark::Picture(PlacedPicture {
            kind: PictureKind::Heart,
            x: 500,
            y: 350,
            label: String::new(),
            person: None,
        })),
    );
    if let Some(v) = tools::save_version(a, &story, today) {
        tools::record_sharing(a, &story, v, "Mum and Dad", today);
        tools::set_agreed(a, &story, v, true);
    }
}
