//! The rules of the family group decision-making record: the people it names are in the
//! register (the children who came are children being assessed; whoever came was invited), one
//! offer per person, an answer dated when given and not before the offer, an offer in the letter
//! before proceedings dated as the letter, an exception with its reasons and the manager who
//! agreed it, a meeting not before its referral, and agreed versions numbered from 1. Whether
//! the duty of section 31ZA was met is not a rule of the document (the record says what
//! happened); `procedure::family_group` says what is missing.

use super::{Rules, NOT_A_CHILD, NOT_IN_REGISTER};
use crate::model::family_group::{OfferAnswer, OfferedHow};
use crate::model::Assessment;
use std::collections::HashSet;

impl Rules {
    pub(super) fn family_group(&mut self, a: &Assessment) {
        let g = &a.family_group;
        let point_ids = g.meetings.iter().enumerate().flat_map(|(i, m)| {
            m.plan.points.iter().enumerate().map(move |(j, p)| {
                (
                    format!("familyGroup.meetings[{i}].plan.points[{j}].id"),
                    p.id.as_str(),
                )
            })
        });
        self.unique(
            g.offers
                .iter()
                .enumerate()
                .map(|(i, o)| (format!("familyGroup.offers[{i}].id"), o.id.as_str()))
                .chain(
                    g.meetings
                        .iter()
                        .enumerate()
                        .map(|(i, m)| (format!("familyGroup.meetings[{i}].id"), m.id.as_str())),
                )
                .chain(point_ids),
            "family group",
        );
        let mut offered = HashSet::new();
        for (i, o) in g.offers.iter().enumerate() {
            let at = |f: &str| format!("familyGroup.offers[{i}].{f}");
            if !self.has(&o.person) {
                self.fail(at("person"), NOT_IN_REGISTER);
            }
            if !offered.insert(&o.person) {
                self.fail(at("person"), "this person's offer is recorded twice");
            }
            match (o.answer, o.answered_on) {
                (OfferAnswer::NoAnswerYet, Some(_)) => self.fail(
                    at("answeredOn"),
                    "there is no answer yet, so no date of one",
                ),
                (OfferAnswer::Accepted | OfferAnswer::Declined, None) => {
                    self.fail(at("answeredOn"), "an answer needs the date it was given")
                }
                (_, Some(d)) if d < o.offered_on => {
                    self.fail(at("answeredOn"), "is before the offer was made")
                }
                _ => {}
            }
            if o.how == OfferedHow::LetterBeforeProceedings
                && g.letter_before_proceedings != Some(o.offered_on)
            {
                self.fail(
                    at("offeredOn"),
                    "an offer in the letter before proceedings has the letter's date",
                );
            }
        }
        if let Some(e) = &g.exception {
            if e.reasons.trim().is_empty() {
                self.fail(
                    "familyGroup.exception.reasons",
                    "say why it would not be in the child's best interests",
                );
            }
            if e.agreed_by.trim().is_empty() {
                self.fail(
                    "familyGroup.exception.agreedBy",
                    "name the manager who agreed it",
                );
            }
        }
        let words: HashSet<&str> = a
            .child_tools
            .iter()
            .flat_map(|t| t.child_words.iter().map(|w| w.id.as_str()))
            .collect();
        for (i, m) in g.meetings.iter().enumerate() {
            let at = |f: &str| format!("familyGroup.meetings[{i}].{f}");
            for (list, name) in [(&m.invited, "invited"), (&m.came, "came")] {
                for (j, p) in list.iter().enumerate() {
                    if !self.has(p) {
                        self.fail(at(&format!("{name}[{j}]")), NOT_IN_REGISTER);
                    }
                }
            }
            for (j, p) in m.came.iter().enumerate() {
                if !m.invited.contains(p) {
                    self.fail(
                        at(&format!("came[{j}]")),
                        "someone who came must be among those invited",
                    );
                }
            }
            for (j, c) in m.children_came.iter().enumerate() {
                if !self.is_child(c) {
                    self.fail(at(&format!("childrenCame[{j}]")), NOT_A_CHILD);
                }
            }
            for (j, w) in m.child_words.iter().enumerate() {
                if !words.contains(w.as_str()) {
                    self.fail(
                        at(&format!("childWords[{j}]")),
                        "names something the child said that is not in their tools",
                    );
                }
            }
            for (j, p) in m.plan.points.iter().enumerate() {
                for (k, who) in p.who.iter().enumerate() {
                    if !self.has(who) {
                        self.fail(at(&format!("plan.points[{j}].who[{k}]")), NOT_IN_REGISTER);
                    }
                }
            }
            if let (Some(r), Some(d)) = (m.referred_on, m.date) {
                if d < r {
                    self.fail(
                        at("date"),
                        "is before the referral to the family group conference service",
                    );
                }
            }
            for (j, v) in m.versions.iter().enumerate() {
                if v.number as usize != j + 1 {
                    self.fail(
                        at(&format!("versions[{j}].number")),
                        format!(
                            "agreed versions are numbered from 1 in order; this one should be {}",
                            j + 1
                        ),
                    );
                }
            }
        }
    }
}
