//! The child's own tools in the property test ([`super::tests`]): every edit the tool pages
//! and child mode offer, chosen at random for the state the document is in, with the
//! child's Undo taking back their own drawing edits in turn (through the workspace's scoped
//! undo: nothing done before the child's own lines).

use super::child_tools::{self as tools, At, DrawEdit, Mark};
use super::tests::Rng;
use crate::diagram::ink::{finish, sample::scribble};
use crate::model::child_tools::{Place, Surface, ToolKind};
use crate::model::drawing::{Ink, PictureKind, PlacedPicture, PlacedWords};
use crate::model::{Assessment, PersonId};
use chrono::NaiveDate;

/// One edit of a child's tool, with every value it needs.
#[derive(Clone, Debug)]
pub(super) enum ToolStep {
    Start(PersonId, ToolKind),
    Remove(usize),
    /// On tool `.0`, surface `.1` (by position).
    Draw(usize, usize, DrawStep),
    /// The child's Undo.
    Undo,
    Path(usize, Option<u8>),
    Words(usize, usize, &'static str),
    RemoveWords(usize, usize),
    Conversation(usize, Option<bool>, &'static str),
    FamilySummary(usize, bool),
    AddPage(usize),
    EditPage(usize, usize, &'static str),
    MovePage(usize, usize, bool),
    RemovePage(usize, usize),
    SaveVersion(usize, NaiveDate),
    Share(usize, u32, NaiveDate),
    Agree(usize, u32, bool),
}

/// What is done on a drawing.
#[derive(Clone, Debug)]
pub(super) enum DrawStep {
    Stroke(u64, usize, bool),
    Words(&'static str, i32, i32),
    Picture(PictureKind, Option<PersonId>, i32, i32),
    Erase(i32, i32),
    Move(usize, i32, i32),
}

const WORDS: [&str; 4] = ["Nan's dog", "", "shouting", "my bed"];

/// A random tool edit for the state `a` is in.
pub(super) fn tool_step(
    a: &Assessment,
    r: &mut Rng,
    people: &[PersonId],
    kids: &[PersonId],
    today: NaiveDate,
) -> ToolStep {
    let tools = a.child_tools.len();
    let t = r.below(tools);
    let pick = |r: &mut Rng| r.pick(people).cloned();
    let xy = |r: &mut Rng| (r.below(1100) as i32 - 50, r.below(800) as i32 - 50);
    if tools == 0 || r.chance(8) {
        return match r.pick(kids) {
            Some(c) => ToolStep::Start(c.clone(), ToolKind::ALL[r.below(3)]),
            None => ToolStep::Undo,
        };
    }
    let surfaces = a.child_tools[t].surfaces().len();
    match r.below(20) {
        0..=3 => ToolStep::Draw(
            t,
            r.below(surfaces),
            DrawStep::Stroke(r.next(), 5 + r.below(60), r.chance(30)),
        ),
        4 => {
            let (x, y) = xy(r);
            ToolStep::Draw(
                t,
                r.below(surfaces),
                DrawStep::Words(WORDS[r.below(4)], x, y),
            )
        }
        5 => {
            let (x, y) = xy(r);
            let who = if r.chance(60) { pick(r) } else { None };
            ToolStep::Draw(
                t,
                r.below(surfaces),
                DrawStep::Picture(PictureKind::ALL[r.below(6)], who, x, y),
            )
        }
        6 => {
            let (x, y) = xy(r);
            ToolStep::Draw(t, r.below(surfaces), DrawStep::Erase(x, y))
        }
        7 => {
            let (x, y) = xy(r);
            ToolStep::Draw(t, r.below(surfaces), DrawStep::Move(r.below(3), x, y))
        }
        8 | 9 => ToolStep::Undo,
        10 => ToolStep::Path(t, r.chance(80).then(|| r.below(13) as u8)),
        11 => ToolStep::Words(t, r.below(8), WORDS[r.below(4)]),
        12 => ToolStep::RemoveWords(t, r.below(3)),
        13 => ToolStep::Conversation(
            t,
            [None, Some(true), Some(false)][r.below(3)],
            WORDS[r.below(4)],
        ),
        14 => ToolStep::FamilySummary(t, r.chance(50)),
        15 => ToolStep::AddPage(t),
        16 => ToolStep::EditPage(t, r.below(3), WORDS[r.below(4)]),
        17 if r.chance(50) => ToolStep::MovePage(t, r.below(3), r.chance(50)),
        17 => ToolStep::RemovePage(t, r.below(3)),
        18 if r.chance(40) => ToolStep::Remove(t),
        18 => ToolStep::SaveVersion(t, today + chrono::Days::new(r.below(30) as u64)),
        _ if r.chance(50) => ToolStep::Share(
            t,
            1 + r.below(3) as u32,
            today + chrono::Days::new(r.below(30) as u64),
        ),
        _ => ToolStep::Agree(t, 1 + r.below(3) as u32, r.chance(70)),
    }
}

/// Applies `step` as its page would (the child's Undo is the workspace's: see the tests'
/// `Workbench`, which makes drawing edits in the board's scope).
pub(super) fn apply_tool(a: &mut Assessment, step: &ToolStep, r: &mut impl FnMut() -> [u8; 4]) {
    let id = |a: &Assessment, i: usize| a.child_tools.get(i).map(|t| t.id.clone());
    match step {
        ToolStep::Start(child, kind) => {
            // Started from the page of a child being assessed.
            if a.person(child).is_some() {
                tools::start(
                    a,
                    child,
                    *kind,
                    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(),
                    &mut *r,
                );
            }
        }
        ToolStep::Remove(i) => {
            if let Some(t) = id(a, *i) {
                tools::remove(a, &t);
            }
        }
        ToolStep::Undo => {}
        ToolStep::Draw(i, k, d) => {
            let Some(t) = id(a, *i) else { return };
            let Some(s) = a.child_tools[*i].surfaces().get(*k).cloned() else {
                return;
            };
            let edit = match d {
                DrawStep::Stroke(seed, n, pen) => {
                    let mut pts = scribble(*seed, *n);
                    if *pen {
                        pts.iter_mut()
                            .enumerate()
                            .for_each(|(j, p)| p.pressure = Some((j % 10) as f64 / 10.0));
                    }
                    match finish(&pts, Ink::ALL[(*seed % 6) as usize], (*seed % 9) as u8 + 1) {
                        Some(st) => DrawEdit::Add(Mark::Stroke(st)),
                        None => return,
                    }
                }
                DrawStep::Words(text, x, y) => {
                    // The page places words only when something was typed.
                    if text.trim().is_empty() {
                        return;
                    }
                    let (x, y) = crate::diagram::ink::on_board(f64::from(*x), f64::from(*y));
                    DrawEdit::Add(Mark::Words(PlacedWords {
                        text: (*text).into(),
                        x,
                        y,
                        ink: Ink::Purple,
                    }))
                }
                DrawStep::Picture(kind, who, x, y) => {
                    let (x, y) = crate::diagram::ink::on_board(f64::from(*x), f64::from(*y));
                    let label = who
                        .as_ref()
                        .and_then(|p| a.person(p))
                        .map(|p| p.given_name.clone())
                        .unwrap_or_default();
                    DrawEdit::Add(Mark::Picture(PlacedPicture {
                        kind: *kind,
                        x,
                        y,
                        label,
                        person: who.clone(),
                    }))
                }
                DrawStep::Erase(x, y) => {
                    let d = a.child_tools[*i].drawing(&s).expect("surface");
                    match tools::erasable(d, f64::from(*x), f64::from(*y), 20.0) {
                        Some(at) => DrawEdit::Remove(at),
                        None => return,
                    }
                }
                DrawStep::Move(n, x, y) => DrawEdit::Move(
                    if n % 2 == 0 {
                        At::Words(*n / 2)
                    } else {
                        At::Picture(*n / 2)
                    },
                    *x,
                    *y,
                ),
            };
            tools::draw(a, &t, &s, edit);
        }
        ToolStep::Path(i, at) => {
            if let Some(t) = id(a, *i) {
                tools::set_path(a, &t, *at);
            }
        }
        ToolStep::Words(i, place, words) => {
            if let Some(t) = id(a, *i) {
                // The page offers the tool's own places.
                let places = Place::of(a.child_tools[*i].kind());
                tools::add_words(a, &t, places[place % places.len()], words, &mut *r);
            }
        }
        ToolStep::RemoveWords(i, k) => {
            if let Some((t, w)) =
                id(a, *i).zip(a.child_tools[*i].child_words.get(*k).map(|w| w.id.clone()))
            {
                tools::remove_words(a, &t, &w);
            }
        }
        ToolStep::Conversation(i, alone, words) => {
            if let Some(t) = id(a, *i).and_then(|t| tools::tool_mut(a, &t)) {
                t.conversation.seen_alone = *alone;
                t.conversation.place = (*words).into();
            }
        }
        ToolStep::FamilySummary(i, yes) => {
            if let Some(t) = id(a, *i).and_then(|t| tools::tool_mut(a, &t)) {
                t.in_family_summary = *yes;
            }
        }
        ToolStep::AddPage(i) => {
            if let Some(t) = id(a, *i) {
                tools::add_page(a, &t, "Mum", &mut *r);
            }
        }
        ToolStep::EditPage(i, k, _) | ToolStep::MovePage(i, k, _) | ToolStep::RemovePage(i, k) => {
            let Some(t) = id(a, *i) else { return };
            let Some(Surface::Page(p)) = a.child_tools[*i].surfaces().get(*k).cloned() else {
                return;
            };
            match step {
                ToolStep::EditPage(_, _, words) => {
                    tools::edit_page(a, &t, &p, |pg| pg.text = (*words).into())
                }
                ToolStep::MovePage(_, _, up) => tools::move_page(a, &t, &p, *up),
                _ => tools::remove_page(a, &t, &p),
            }
        }
        ToolStep::SaveVersion(i, on) => {
            if let Some(t) = id(a, *i) {
                // The page offers today, never a day before the last version.
                let last = match &a.child_tools[*i].work {
                    crate::model::child_tools::Work::WordsAndPictures { versions, .. } => {
                        versions.last().map(|v| v.made_on)
                    }
                    _ => None,
                };
                tools::save_version(a, &t, last.map_or(*on, |l| l.max(*on)));
            }
        }
        ToolStep::Share(i, n, on) => {
            if let Some(t) = id(a, *i) {
                tools::record_sharing(a, &t, *n, "Mum and Dad", *on);
            }
        }
        ToolStep::Agree(i, n, yes) => {
            if let Some(t) = id(a, *i) {
                tools::set_agreed(a, &t, *n, *yes);
            }
        }
    }
}
