//! The rules for the case record: census facts for children being assessed, once each, and
//! authorisations numbered from 1 in date order.

use super::{Rules, NOT_A_CHILD};
use crate::model::Assessment;
use std::collections::HashSet;

impl Rules {
    pub(super) fn case(&mut self, a: &Assessment) {
        let mut seen = HashSet::new();
        for (i, c) in a.case.census.iter().enumerate() {
            let path = format!("case.census[{i}].child");
            if !self.is_child(&c.child) {
                self.fail(path, NOT_A_CHILD);
            } else if !seen.insert(&c.child) {
                self.fail(path, "this child's census facts are recorded twice");
            }
        }
        let mut last = None;
        for (i, x) in a.case.authorisations.iter().enumerate() {
            if x.number as usize != i + 1 {
                self.fail(
                    format!("case.authorisations[{i}].number"),
                    format!(
                        "authorisations are numbered from 1 in order; this one should be {}",
                        i + 1
                    ),
                );
            }
            if last.is_some_and(|d| x.on < d) {
                self.fail(
                    format!("case.authorisations[{i}].on"),
                    "is earlier than the authorisation before it",
                );
            }
            last = Some(x.on);
        }
    }
}
