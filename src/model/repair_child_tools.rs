//! Repair of the child's own tools (see [`super::repair`]): ids made whole and unique, a
//! person placed who is no longer in the register kept under the child's name for them,
//! what was drawn off the surface brought back onto it, words recorded under a part of
//! another tool put under this one's first part, the path kept to 0–10, and a story's versions
//! put back in date order and numbered. Nothing the child drew or said is taken away.

use super::child_tools::{safety_house, Place, Work};
use super::drawing::{HEIGHT, WIDTH};
use super::{Assessment, ItemId};
use std::collections::HashSet;

fn fresh(used: &HashSet<ItemId>, n: &mut u32) -> ItemId {
    loop {
        *n += 1;
        let b = n.to_be_bytes();
        let id = ItemId::from_random([0xfd, b[1], b[2], b[3]]);
        if !used.contains(&id) {
            return id;
        }
    }
}

fn mend_ids(a: &mut Assessment, changes: &mut Vec<String>) {
    let all: HashSet<ItemId> = a
        .child_tools
        .iter()
        .flat_map(|t| t.ids())
        .cloned()
        .collect();
    let mut used = HashSet::new();
    let mut n = 0;
    let mut mended = 0;
    let mut mend = |id: &mut ItemId| {
        if ItemId::parse(id.as_str()).is_none() || !used.insert(id.clone()) {
            *id = fresh(&all.union(&used).cloned().collect(), &mut n);
            used.insert(id.clone());
            mended += 1;
        }
    };
    for t in &mut a.child_tools {
        mend(&mut t.id);
        t.child_words.iter_mut().for_each(|w| mend(&mut w.id));
        if let Work::WordsAndPictures { pages, .. } = &mut t.work {
            pages.iter_mut().for_each(|p| mend(&mut p.id));
        }
    }
    if mended > 0 {
        changes.push(format!(
            "{mended} part{} of the child's tools had an id that was damaged or used twice: each has its own now.",
            if mended == 1 { "" } else { "s" }
        ));
    }
}

pub(super) fn mend_child_tools(a: &mut Assessment, changes: &mut Vec<String>) {
    mend_ids(a, changes);
    let people: HashSet<_> = a.people.iter().map(|p| p.id.clone()).collect();
    let (mut unlinked, mut moved, mut emptied, mut replaced) = (0, 0, 0, 0);
    for t in &mut a.child_tools {
        let kind = t.kind();
        for w in &mut t.child_words {
            if !Place::of(kind).contains(&w.place) {
                w.place = Place::of(kind)[0];
                replaced += 1;
            }
        }
        for d in t.drawings_mut() {
            for s in &mut d.strokes {
                if !s.on_surface() {
                    for p in &mut s.points {
                        p.x = p.x.clamp(0, WIDTH);
                        p.y = p.y.clamp(0, HEIGHT);
                    }
                    moved += 1;
                }
            }
            let spots = d
                .words
                .iter_mut()
                .map(|w| (&mut w.x, &mut w.y))
                .chain(d.pictures.iter_mut().map(|p| (&mut p.x, &mut p.y)));
            for (x, y) in spots {
                if !super::drawing::on_surface(*x, *y) {
                    (*x, *y) = ((*x).clamp(0, WIDTH), (*y).clamp(0, HEIGHT));
                    moved += 1;
                }
            }
            let before = d.words.len();
            d.words.retain(|w| !w.text.trim().is_empty());
            emptied += before - d.words.len();
            for p in &mut d.pictures {
                if p.person.as_ref().is_some_and(|id| !people.contains(id)) {
                    p.person = None;
                    unlinked += 1;
                }
            }
        }
        match &mut t.work {
            Work::SafetyHouse { path: Some(p), .. } if *p > safety_house::TOP => {
                *p = safety_house::TOP;
                changes.push("A place on the Safety House path was beyond the door: it is at the door (10) now.".into());
            }
            Work::WordsAndPictures { versions, .. } => {
                let in_order = versions
                    .iter()
                    .enumerate()
                    .all(|(i, v)| v.number as usize == i + 1)
                    && versions.windows(2).all(|w| w[0].made_on <= w[1].made_on);
                if !in_order {
                    versions.sort_by_key(|v| (v.made_on, v.number));
                    for (i, v) in versions.iter_mut().enumerate() {
                        v.number = i as u32 + 1;
                    }
                    changes.push("A Words and Pictures story's versions were out of order: they are numbered from 1 by date now.".into());
                }
            }
            _ => {}
        }
    }
    if unlinked > 0 {
        changes.push(format!("{unlinked} person placed on a child's drawing is no longer in the register: they stay on the drawing under the name the child gave them."));
    }
    if moved > 0 {
        changes.push(format!(
            "{moved} thing{} drawn off the edge of a child's drawing {} brought back onto it.",
            if moved == 1 { "" } else { "s" },
            if moved == 1 { "was" } else { "were" }
        ));
    }
    if emptied > 0 {
        changes.push(format!(
            "{emptied} empty word{} on a child's drawing {} taken off.",
            if emptied == 1 { "" } else { "s" },
            if emptied == 1 { "was" } else { "were" }
        ));
    }
    if replaced > 0 {
        changes.push(format!("{replaced} of the child's words recorded under a part of another tool {} put under this tool's first part.", if replaced == 1 { "is" } else { "are" }));
    }
}
