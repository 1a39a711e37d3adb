//! Edits to the child's own tools. Drawing edits ([`draw`]) each return their inverse, so the
//! child's Undo takes back exactly the last thing done; a story's versions are made only by
//! [`save_version`], as a copy of the pages' words, and only when the words have changed.

use crate::model::child_tools::{
    ChildTool, ChildWords, Place, Sharing, StoryPage, StoryVersion, Surface, ToolKind, VersionPage,
    Work,
};
use crate::model::drawing::{PlacedPicture, PlacedWords, Stroke};
use crate::model::{Assessment, ItemId, PersonId};
use chrono::NaiveDate;

/// An item id no child tool uses yet, from random bytes.
pub fn fresh_id(a: &Assessment, mut random: impl FnMut() -> [u8; 4]) -> ItemId {
    loop {
        let id = ItemId::from_random(random());
        if !a.child_tools.iter().any(|t| t.ids().contains(&&id)) {
            return id;
        }
    }
}

/// Starts a tool with `child` on `on`; returns its id.
pub fn start(
    a: &mut Assessment,
    child: &PersonId,
    kind: ToolKind,
    on: NaiveDate,
    random: impl FnMut() -> [u8; 4],
) -> ItemId {
    let id = fresh_id(a, random);
    a.child_tools
        .push(ChildTool::new(id.clone(), child.clone(), kind, on));
    id
}

/// The tool with this id.
pub fn tool<'a>(a: &'a Assessment, id: &ItemId) -> Option<&'a ChildTool> {
    a.child_tools.iter().find(|t| &t.id == id)
}

/// The tool with this id, to change.
pub fn tool_mut<'a>(a: &'a mut Assessment, id: &ItemId) -> Option<&'a mut ChildTool> {
    a.child_tools.iter_mut().find(|t| &t.id == id)
}

/// Removes a tool and everything in it.
pub fn remove(a: &mut Assessment, id: &ItemId) {
    a.child_tools.retain(|t| &t.id != id);
    super::family_group::forget_missing_words(a);
}

/// The tools used with a child, oldest first.
pub fn used_with<'a>(
    a: &'a Assessment,
    child: &'a PersonId,
) -> impl Iterator<Item = &'a ChildTool> {
    a.child_tools.iter().filter(move |t| &t.child == child)
}

/// One thing on a drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    Stroke(Stroke),
    Words(PlacedWords),
    Picture(PlacedPicture),
}

/// Where a thing is on a drawing: which list, which place in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    Stroke(usize),
    Words(usize),
    Picture(usize),
}

/// A change to one drawing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DrawEdit {
    /// Adds a thing on top.
    Add(Mark),
    /// Puts a thing back where it was (the inverse of a removal).
    Insert(At, Mark),
    /// Takes a thing away (the eraser).
    Remove(At),
    /// Moves placed words or a picture.
    Move(At, i32, i32),
}

fn position(d: &crate::model::drawing::Drawing, m: &Mark) -> At {
    match m {
        Mark::Stroke(_) => At::Stroke(d.strokes.len()),
        Mark::Words(_) => At::Words(d.words.len()),
        Mark::Picture(_) => At::Picture(d.pictures.len()),
    }
}

fn insert(d: &mut crate::model::drawing::Drawing, at: At, m: Mark) -> bool {
    match (at, m) {
        (At::Stroke(i), Mark::Stroke(s)) if i <= d.strokes.len() => d.strokes.insert(i, s),
        (At::Words(i), Mark::Words(w)) if i <= d.words.len() => d.words.insert(i, w),
        (At::Picture(i), Mark::Picture(p)) if i <= d.pictures.len() => d.pictures.insert(i, p),
        _ => return false,
    }
    true
}

fn take(d: &mut crate::model::drawing::Drawing, at: At) -> Option<Mark> {
    match at {
        At::Stroke(i) if i < d.strokes.len() => Some(Mark::Stroke(d.strokes.remove(i))),
        At::Words(i) if i < d.words.len() => Some(Mark::Words(d.words.remove(i))),
        At::Picture(i) if i < d.pictures.len() => Some(Mark::Picture(d.pictures.remove(i))),
        _ => None,
    }
}

/// Makes `edit` on the drawing `surface` of tool `id`; returns the edit that undoes it, or
/// `None` when there was nothing to change.
pub fn draw(
    a: &mut Assessment,
    id: &ItemId,
    surface: &Surface,
    edit: DrawEdit,
) -> Option<DrawEdit> {
    // A person put back by Undo after they left the register stays drawn, no longer linked.
    let mut edit = edit;
    if let DrawEdit::Add(Mark::Picture(p)) | DrawEdit::Insert(_, Mark::Picture(p)) = &mut edit {
        if p.person.as_ref().is_some_and(|who| a.person(who).is_none()) {
            p.person = None;
        }
    }
    let d = tool_mut(a, id)?.drawing_mut(surface)?;
    match edit {
        DrawEdit::Add(m) => {
            let at = position(d, &m);
            insert(d, at, m).then_some(DrawEdit::Remove(at))
        }
        DrawEdit::Insert(at, m) => insert(d, at, m).then_some(DrawEdit::Remove(at)),
        DrawEdit::Remove(at) => take(d, at).map(|m| DrawEdit::Insert(at, m)),
        DrawEdit::Move(at, x, y) => {
            let (x, y) = crate::diagram::ink::on_board(f64::from(x), f64::from(y));
            let spot = match at {
                At::Words(i) => d.words.get_mut(i).map(|w| (&mut w.x, &mut w.y)),
                At::Picture(i) => d.pictures.get_mut(i).map(|p| (&mut p.x, &mut p.y)),
                At::Stroke(_) => None,
            }?;
            let before = (*spot.0, *spot.1);
            if before == (x, y) {
                return None;
            }
            (*spot.0, *spot.1) = (x, y);
            Some(DrawEdit::Move(at, before.0, before.1))
        }
    }
}

/// What the eraser at (`x`, `y`) would take: the topmost thing it touches (pictures and words
/// are on top of the ink).
pub fn erasable(d: &crate::model::drawing::Drawing, x: f64, y: f64, r: f64) -> Option<At> {
    let near = |px: i32, py: i32, reach: f64| {
        (f64::from(px) - x).abs() <= reach && (f64::from(py) - y).abs() <= reach
    };
    if let Some(i) = d.pictures.iter().rposition(|p| near(p.x, p.y, 40.0 + r)) {
        return Some(At::Picture(i));
    }
    if let Some(i) = d.words.iter().rposition(|w| {
        let half = crate::diagram::child_drawing::words_half_width(&w.text);
        (f64::from(w.x) - x).abs() <= half + r && (f64::from(w.y) - 10.0 - y).abs() <= 22.0 + r
    }) {
        return Some(At::Words(i));
    }
    d.strokes
        .iter()
        .rposition(|s| crate::diagram::ink::touches(s, x, y, r))
        .map(At::Stroke)
}

/// Records something the child said, about `place`; returns its id.
pub fn add_words(
    a: &mut Assessment,
    id: &ItemId,
    place: Place,
    words: &str,
    random: impl FnMut() -> [u8; 4],
) -> Option<ItemId> {
    let new = fresh_id(a, random);
    let t = tool_mut(a, id)?;
    t.child_words.push(ChildWords {
        id: new.clone(),
        place,
        words: words.to_owned(),
    });
    Some(new)
}

/// Changes what is recorded of the child's words.
pub fn edit_words(
    a: &mut Assessment,
    id: &ItemId,
    words: &ItemId,
    f: impl FnOnce(&mut ChildWords),
) {
    if let Some(w) = tool_mut(a, id).and_then(|t| t.child_words.iter_mut().find(|w| &w.id == words))
    {
        f(w);
    }
}

/// Takes away recorded words.
pub fn remove_words(a: &mut Assessment, id: &ItemId, words: &ItemId) {
    if let Some(t) = tool_mut(a, id) {
        t.child_words.retain(|w| &w.id != words);
    }
    super::family_group::forget_missing_words(a);
}

/// Puts the child on the Safety House path (0 to 10), or takes them off it.
pub fn set_path(a: &mut Assessment, id: &ItemId, at: Option<u8>) {
    if let Some(Work::SafetyHouse { path, .. }) = tool_mut(a, id).map(|t| &mut t.work) {
        *path = at.map(|v| v.min(crate::model::child_tools::safety_house::TOP));
    }
}

fn story_mut<'a>(
    a: &'a mut Assessment,
    id: &ItemId,
) -> Option<(&'a mut Vec<StoryPage>, &'a mut Vec<StoryVersion>)> {
    match tool_mut(a, id).map(|t| &mut t.work) {
        Some(Work::WordsAndPictures { pages, versions }) => Some((pages, versions)),
        _ => None,
    }
}

/// Adds a page at the end of a story; returns its id.
pub fn add_page(
    a: &mut Assessment,
    id: &ItemId,
    suggested_by: &str,
    random: impl FnMut() -> [u8; 4],
) -> Option<ItemId> {
    let new = fresh_id(a, random);
    let (pages, _) = story_mut(a, id)?;
    pages.push(StoryPage {
        id: new.clone(),
        text: String::new(),
        suggested_by: suggested_by.trim().to_owned(),
        picture: Default::default(),
    });
    Some(new)
}

/// Changes a page's words or who suggested them.
pub fn edit_page(a: &mut Assessment, id: &ItemId, page: &ItemId, f: impl FnOnce(&mut StoryPage)) {
    if let Some(p) =
        story_mut(a, id).and_then(|(pages, _)| pages.iter_mut().find(|p| &p.id == page))
    {
        f(p);
    }
}

/// Moves a page one place earlier (`earlier`) or later.
pub fn move_page(a: &mut Assessment, id: &ItemId, page: &ItemId, earlier: bool) {
    if let Some((pages, _)) = story_mut(a, id) {
        if let Some(i) = pages.iter().position(|p| &p.id == page) {
            let j = if earlier {
                i.checked_sub(1)
            } else {
                Some(i + 1).filter(|j| *j < pages.len())
            };
            if let Some(j) = j {
                pages.swap(i, j);
            }
        }
    }
}

/// Takes a page out of the story (versions keep its words).
pub fn remove_page(a: &mut Assessment, id: &ItemId, page: &ItemId) {
    if let Some((pages, _)) = story_mut(a, id) {
        pages.retain(|p| &p.id != page);
    }
}

fn words_now(pages: &[StoryPage]) -> Vec<VersionPage> {
    pages
        .iter()
        .map(|p| VersionPage {
            page: p.id.clone(),
            text: p.text.trim().to_owned(),
            suggested_by: p.suggested_by.trim().to_owned(),
        })
        .collect()
}

/// Whether the story's words differ from its latest version (or it has none yet).
pub fn story_changed(t: &ChildTool) -> bool {
    match &t.work {
        Work::WordsAndPictures { pages, versions } => {
            versions.last().is_none_or(|v| v.pages != words_now(pages))
        }
        _ => false,
    }
}

/// Keeps the story's words as a new version made `on`; returns its number, or `None` when
/// nothing has changed since the last version.
pub fn save_version(a: &mut Assessment, id: &ItemId, on: NaiveDate) -> Option<u32> {
    if !tool(a, id).is_some_and(story_changed) {
        return None;
    }
    let (pages, versions) = story_mut(a, id)?;
    let number = versions.len() as u32 + 1;
    versions.push(StoryVersion {
        number,
        made_on: on,
        pages: words_now(pages),
        shared: Vec::new(),
        agreed_by_family: false,
    });
    Some(number)
}

/// Records that version `number` was shared `with` someone `on` a day.
pub fn record_sharing(a: &mut Assessment, id: &ItemId, number: u32, with: &str, on: NaiveDate) {
    if let Some(v) = story_mut(a, id).and_then(|(_, vs)| vs.iter_mut().find(|v| v.number == number))
    {
        v.shared.push(Sharing {
            with: with.trim().to_owned(),
            on,
        });
    }
}

/// Marks whether the family agreed version `number`'s wording.
pub fn set_agreed(a: &mut Assessment, id: &ItemId, number: u32, agreed: bool) {
    if let Some(v) = story_mut(a, id).and_then(|(_, vs)| vs.iter_mut().find(|v| v.number == number))
    {
        v.agreed_by_family = agreed;
    }
}

/// The words a child reads: the latest version the family agreed, or else the pages as they
/// are now; each with the page's picture where the page is still there.
pub fn reading(t: &ChildTool) -> Vec<(String, Option<&crate::model::drawing::Drawing>)> {
    let Work::WordsAndPictures { pages, versions } = &t.work else {
        return Vec::new();
    };
    let picture = |id: &ItemId| pages.iter().find(|p| &p.id == id).map(|p| &p.picture);
    match versions.iter().rev().find(|v| v.agreed_by_family) {
        Some(v) => v
            .pages
            .iter()
            .map(|p| (p.text.clone(), picture(&p.page)))
            .collect(),
        None => pages
            .iter()
            .map(|p| (p.text.trim().to_owned(), Some(&p.picture)))
            .collect(),
    }
}

/// The people placed from the register across every drawing, to follow a merge.
pub fn swap_person(a: &mut Assessment, from: &PersonId, to: &PersonId) {
    for t in &mut a.child_tools {
        if &t.child == from {
            t.child = to.clone();
        }
        for d in t.drawings_mut() {
            for p in &mut d.pictures {
                if p.person.as_ref() == Some(from) {
                    p.person = Some(to.clone());
                }
            }
        }
    }
}

/// A person leaves the register: their own tools go with them; on other drawings they stay
/// drawn, under the name the child gave them, no longer linked.
pub fn forget_person(a: &mut Assessment, id: &PersonId) {
    a.child_tools.retain(|t| &t.child != id);
    super::family_group::forget_missing_words(a);
    for t in &mut a.child_tools {
        for d in t.drawings_mut() {
            for p in &mut d.pictures {
                if p.person.as_ref() == Some(id) {
                    p.person = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
