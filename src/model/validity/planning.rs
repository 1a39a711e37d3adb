//! The rules for Signs of Safety planning: ids, the children statements are about, each pair's
//! one scale, the rules' links to danger statements and people, and the agreed versions.

use super::{Rules, NOT_A_CHILD, NOT_A_STATEMENT, NOT_IN_REGISTER, OUT_OF_ORDER};
use crate::model::safety_plan::PlanStatus;
use crate::model::{Assessment, ItemId, ScaleKind};
use std::collections::{HashMap, HashSet};

impl Rules {
    pub(super) fn planning(&mut self, a: &Assessment) {
        let p = &a.planning;
        let ids = p
            .harms
            .iter()
            .enumerate()
            .map(|(i, h)| (format!("planning.harms[{i}].id"), &h.id))
            .chain(
                p.pairs
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("planning.pairs[{i}].id"), &x.id)),
            )
            .chain(
                p.plan
                    .rules
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (format!("planning.plan.rules[{i}].id"), &r.id)),
            )
            .chain(
                p.plan
                    .contacts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (format!("planning.plan.contacts[{i}].id"), &c.id)),
            );
        let mut seen = HashSet::new();
        for (path, id) in ids {
            if ItemId::parse(id.as_str()).is_none() {
                self.fail(
                    path,
                    format!("\"{id}\" is not an item id (i- followed by hex digits)"),
                );
            } else if !seen.insert(id) {
                self.fail(path, "another planning record has the same id");
            }
        }
        let abouts = p
            .harms
            .iter()
            .enumerate()
            .map(|(i, h)| (format!("planning.harms[{i}]"), &h.about))
            .chain(
                p.pairs
                    .iter()
                    .enumerate()
                    .map(|(i, x)| (format!("planning.pairs[{i}]"), &x.about)),
            );
        for (path, about) in abouts {
            for (j, c) in about.children.iter().enumerate() {
                if !self.is_child(c) {
                    self.fail(format!("{path}.about.children[{j}]"), NOT_A_CHILD);
                }
            }
        }
        self.pair_scales(a);
        for (i, r) in p.plan.rules.iter().enumerate() {
            for (j, pair) in r.answers.iter().enumerate() {
                if p.pair(pair).is_none() {
                    self.fail(
                        format!("planning.plan.rules[{i}].answers[{j}]"),
                        NOT_A_STATEMENT,
                    );
                }
            }
            for (j, who) in r.who.iter().enumerate() {
                if !self.has(who) {
                    self.fail(
                        format!("planning.plan.rules[{i}].who[{j}]"),
                        NOT_IN_REGISTER,
                    );
                }
            }
        }
        let mut last = None;
        for (i, v) in p.plan.versions.iter().enumerate() {
            if v.number as usize != i + 1 {
                self.fail(
                    format!("planning.plan.versions[{i}].number"),
                    format!(
                        "versions are numbered from 1 in order; this one should be {}",
                        i + 1
                    ),
                );
            }
            if v.status == PlanStatus::Draft {
                self.fail(
                    format!("planning.plan.versions[{i}].status"),
                    "a kept version is one that was agreed, not a draft",
                );
            }
            if last.is_some_and(|d| v.agreed_on < d) {
                self.fail(
                    format!("planning.plan.versions[{i}].agreedOn"),
                    OUT_OF_ORDER,
                );
            }
            last = Some(v.agreed_on);
        }
    }

    /// Every pair has one scale, and every scale of kind `pair` names a pair.
    fn pair_scales(&mut self, a: &Assessment) {
        let mut scale_of: HashMap<&ItemId, usize> = HashMap::new();
        for (i, s) in a.scales.iter().enumerate() {
            if let ScaleKind::Pair { pair } = &s.kind {
                if a.planning.pair(pair).is_none() {
                    self.fail(format!("scales[{i}].kind.pair"), NOT_A_STATEMENT);
                } else if scale_of.insert(pair, i).is_some() {
                    self.fail(
                        format!("scales[{i}].kind.pair"),
                        "this danger statement already has a scale",
                    );
                }
            }
        }
        for (i, x) in a.planning.pairs.iter().enumerate() {
            if !scale_of.contains_key(&x.id) {
                self.fail(
                    format!("planning.pairs[{i}]"),
                    "a danger statement and its safety goal need their scale",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::register::tests::demo_case;
    use crate::model::repair::repair;
    use crate::model::safety_plan::PlanStatus;
    use crate::model::validity::problems;
    use crate::model::{ItemId, PersonId, ScaleKind};

    fn damaged() -> crate::model::Assessment {
        let mut a = demo_case();
        let mother = PersonId::from_random([0xd0, 0xd0, 0xd0, 3]);
        a.planning.pairs[0].about.children = vec![mother];
        a.planning.plan.rules[0]
            .who
            .push(PersonId::from_random([0x99; 4]));
        a.planning.plan.rules[1]
            .answers
            .push(ItemId::from_random([0x98; 4]));
        a.planning.harms[0].id = a.planning.pairs[1].id.clone();
        a.scales.retain(
            |s| !matches!(&s.kind, ScaleKind::Pair { pair } if pair == &a.planning.pairs[1].id),
        );
        a.planning.plan.versions.swap(0, 1);
        a.planning.plan.versions[0].status = PlanStatus::Draft;
        a
    }

    #[test]
    fn broken_planning_references_are_each_named() {
        let paths: Vec<String> = problems(&damaged()).into_iter().map(|p| p.path).collect();
        assert_eq!(
            paths,
            vec![
                "planning.pairs[1].id",
                "planning.pairs[0].about.children[0]",
                "planning.pairs[1]",
                "planning.plan.rules[0].who[2]",
                "planning.plan.rules[1].answers[1]",
                "planning.plan.versions[0].number",
                "planning.plan.versions[0].status",
                "planning.plan.versions[1].number",
                "planning.plan.versions[1].agreedOn",
            ]
        );
    }

    #[test]
    fn repair_mends_planning_without_losing_a_word() {
        let mut a = damaged();
        let words: Vec<String> = a
            .planning
            .plan
            .rules
            .iter()
            .map(|r| r.rule.clone())
            .collect();
        let done = repair(&mut a);
        assert_eq!(done.remaining, Vec::<String>::new(), "{:?}", done.changes);
        assert_eq!(problems(&a), vec![]);
        assert_eq!(
            a.planning
                .plan
                .rules
                .iter()
                .map(|r| r.rule.clone())
                .collect::<Vec<_>>(),
            words
        );
        assert_eq!(a.planning.harms.len(), 1);
        let mother = PersonId::from_random([0xd0, 0xd0, 0xd0, 3]);
        assert_ne!(
            a.person(&mother).unwrap().role,
            crate::model::PersonRole::SubjectChild
        );
        assert_eq!(a.planning.pairs.len(), 2);
        assert!(
            done.changes.iter().any(|c| c.contains("had no scale")),
            "{:?}",
            done.changes
        );
        assert!(
            done.changes.iter().any(|c| c.contains("date order")),
            "{:?}",
            done.changes
        );
        assert!(a
            .planning
            .plan
            .versions
            .windows(2)
            .all(|w| w[0].agreed_on <= w[1].agreed_on));
    }
}
