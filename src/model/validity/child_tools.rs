//! The rules for the child's own tools: ids well formed and unique, the child and every
//! person placed on a drawing in the register, everything drawn on the surface, the child's
//! words about a part of the tool they belong to, the path from 0 to 10, and a story's
//! versions numbered from 1 in date order.

use super::{Rules, OUT_OF_ORDER};
use crate::model::child_tools::{safety_house, Place, Work};
use crate::model::drawing::{on_surface, Drawing};
use crate::model::{Assessment, ItemId};
use std::collections::HashSet;

impl Rules {
    pub(super) fn child_tools(&mut self, a: &Assessment) {
        let mut seen = HashSet::new();
        for (i, t) in a.child_tools.iter().enumerate() {
            let at = format!("childTools[{i}]");
            for id in t.ids() {
                if ItemId::parse(id.as_str()).is_none() || !seen.insert(id) {
                    self.fail(
                        format!("{at}.id"),
                        format!(
                            "\"{id}\": the ids in a child's tool must be well formed and unique"
                        ),
                    );
                }
            }
            if !self.has(&t.child) {
                self.fail(
                    format!("{at}.child"),
                    "names a child who is not in the register",
                );
            }
            for (j, w) in t.child_words.iter().enumerate() {
                if !Place::of(t.kind()).contains(&w.place) {
                    self.fail(
                        format!("{at}.childWords[{j}].place"),
                        format!(
                            "\"{}\" is not part of the {}",
                            w.place.code(),
                            t.kind().label()
                        ),
                    );
                }
            }
            for (surface, d) in t.drawings() {
                self.drawing(&format!("{at}.{}", surface.code()), d);
            }
            match &t.work {
                Work::SafetyHouse { path: Some(p), .. } if *p > safety_house::TOP => {
                    self.fail(format!("{at}.work.path"), "a place on the path is 0 to 10")
                }
                Work::WordsAndPictures { versions, .. } => {
                    let mut last = None;
                    for (j, v) in versions.iter().enumerate() {
                        if v.number as usize != j + 1 {
                            self.fail(
                                format!("{at}.work.versions[{j}].number"),
                                format!(
                                    "versions are numbered from 1 in order; this one should be {}",
                                    j + 1
                                ),
                            );
                        }
                        if last.is_some_and(|d| v.made_on < d) {
                            self.fail(format!("{at}.work.versions[{j}].madeOn"), OUT_OF_ORDER);
                        }
                        last = Some(v.made_on);
                    }
                }
                _ => {}
            }
        }
    }

    fn drawing(&mut self, at: &str, d: &Drawing) {
        for (k, s) in d.strokes.iter().enumerate() {
            if !s.on_surface() {
                self.fail(format!("{at}.strokes[{k}]"), "goes off the drawing");
            }
        }
        for (k, w) in d.words.iter().enumerate() {
            if !on_surface(w.x, w.y) {
                self.fail(format!("{at}.words[{k}]"), "is off the drawing");
            }
            if w.text.trim().is_empty() {
                self.fail(
                    format!("{at}.words[{k}].text"),
                    "words placed on a drawing cannot be empty",
                );
            }
        }
        for (k, p) in d.pictures.iter().enumerate() {
            if !on_surface(p.x, p.y) {
                self.fail(format!("{at}.pictures[{k}]"), "is off the drawing");
            }
            if p.person.as_ref().is_some_and(|id| !self.has(id)) {
                self.fail(
                    format!("{at}.pictures[{k}].person"),
                    "names someone who is not in the register",
                );
            }
        }
    }
}
