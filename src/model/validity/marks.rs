//! The rules for marks: one mark for each thing marked, and a "not for" naming people who are
//! in the register. A mark on something since removed is kept (it is harmless, and it protects
//! the item again if an undo brings it back).

use super::{Rules, NOT_IN_REGISTER};
use crate::model::marks::Restriction;
use crate::model::Assessment;
use std::collections::HashSet;

impl Rules {
    pub(super) fn marks(&mut self, a: &Assessment) {
        let mut seen = HashSet::new();
        for (i, m) in a.marks.iter().enumerate() {
            if !seen.insert(&m.target) {
                self.fail(format!("marks[{i}].target"), "this is marked twice");
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
