//! The rules for marks: one mark for each thing marked, a drawing named by one of the tools'
//! drawings, and a "not for" naming people who are in the register. A mark on something since removed is kept (it is harmless, and it protects
//! the item again if an undo brings it back).

use super::{Rules, NOT_IN_REGISTER};
use crate::model::child_tools::Surface;
use crate::model::marks::{Restriction, Target};
use crate::model::Assessment;
use std::collections::HashSet;

impl Rules {
    pub(super) fn marks(&mut self, a: &Assessment) {
        let mut seen = HashSet::new();
        for (i, m) in a.marks.iter().enumerate() {
            if !seen.insert(&m.target) {
                self.fail(format!("marks[{i}].target"), "this is marked twice");
            }
            // A story page's picture is marked with its page, so a drawing is a house.
            if let Target::Drawing { surface, .. } = &m.target {
                if matches!(Surface::from_code(surface), None | Some(Surface::Page(_))) {
                    self.fail(
                        format!("marks[{i}].target.surface"),
                        "a drawing is the house of worries, of good things, of dreams or the Safety House",
                    );
                }
            }
            if let Restriction::NotFor { people } = &m.restriction {
                if people.is_empty() {
                    self.fail(
                        format!("marks[{i}].restriction.people"),
                        "\"not for\" needs at least one person",
                    );
                }
                for (j, p) in people.iter().enumerate() {
                    if !self.has(p) {
                        self.fail(
                            format!("marks[{i}].restriction.people[{j}]"),
                            NOT_IN_REGISTER,
                        );
                    }
                }
            }
        }
    }
}
