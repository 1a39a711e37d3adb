//! Repair of Signs of Safety planning records (see [`super::repair`]): ids made whole and
//! unique, each danger statement given its one scale, a link to a statement that is gone
//! taken off a rule, and agreed versions put back in date order and numbered.

use super::planning::new_pair_scale;
use super::safety_plan::PlanStatus;
use super::{Assessment, ItemId, PersonId, ScaleKind};
use std::collections::HashSet;

/// A fresh item id for position `n`, not among `used`.
fn fresh(used: &HashSet<ItemId>, n: usize) -> ItemId {
    let mut k = n as u32;
    loop {
        let b = k.to_be_bytes();
        let id = ItemId::from_random([0xfe, b[1], b[2], b[3]]);
        if !used.contains(&id) {
            return id;
        }
        k += 1;
    }
}

pub(super) fn mend_planning(a: &mut Assessment, changes: &mut Vec<String>) {
    mend_ids(a, changes);
    mend_pair_scales(a, changes);
    let children: HashSet<PersonId> = a.children().map(|c| c.id.clone()).collect();
    let plan = &mut a.planning;
    let abouts = plan
        .harms
        .iter_mut()
        .map(|h| &mut h.about)
        .chain(plan.pairs.iter_mut().map(|p| &mut p.about));
    let mut not_children = 0;
    for about in abouts {
        let before = about.children.len();
        about.children.retain(|c| children.contains(c));
        not_children += before - about.children.len();
    }
    if not_children > 0 {
        changes.push(format!(
            "{not_children} harm or danger statement{} named someone who is not a child being assessed: the name was taken off; the words stay.",
            if not_children == 1 { "" } else { "s" }
        ));
    }
    let pairs: HashSet<ItemId> = a.planning.pairs.iter().map(|p| p.id.clone()).collect();
    let mut unlinked = 0;
    for r in &mut a.planning.plan.rules {
        let before = r.answers.len();
        r.answers.retain(|p| pairs.contains(p));
        unlinked += before - r.answers.len();
    }
    if unlinked > 0 {
        changes.push(format!(
            "{unlinked} link{} from the safety plan's rules to danger statements that are no longer there {} taken off; the rules stay.",
            if unlinked == 1 { "" } else { "s" },
            if unlinked == 1 { "was" } else { "were" }
        ));
    }
    let versions = &mut a.planning.plan.versions;
    let in_order = versions
        .windows(2)
        .all(|w| w[0].agreed_on <= w[1].agreed_on)
        && versions
            .iter()
            .enumerate()
            .all(|(i, v)| v.number as usize == i + 1);
    if !in_order {
        versions.sort_by_key(|v| v.agreed_on);
        for (i, v) in versions.iter_mut().enumerate() {
            v.number = i as u32 + 1;
        }
        changes.push(
            "The safety plan's agreed versions were put in date order and numbered again.".into(),
        );
    }
    for v in versions
        .iter_mut()
        .filter(|v| v.status == PlanStatus::Draft)
    {
        v.status = PlanStatus::AgreedWithFamily;
        changes.push(format!(
            "Version {} of the safety plan was kept as a draft: it is shown as agreed with the family; check how it was agreed.",
            v.number
        ));
    }
}

fn mend_ids(a: &mut Assessment, changes: &mut Vec<String>) {
    let p = &mut a.planning;
    let ids = p
        .harms
        .iter_mut()
        .map(|h| &mut h.id)
        .chain(p.pairs.iter_mut().map(|x| &mut x.id))
        .chain(p.plan.rules.iter_mut().map(|r| &mut r.id))
        .chain(p.plan.contacts.iter_mut().map(|c| &mut c.id));
    let mut seen: HashSet<ItemId> = HashSet::new();
    let mut bad = Vec::new();
    for (n, id) in ids.enumerate() {
        if ItemId::parse(id.as_str()).is_none() || !seen.insert(id.clone()) {
            bad.push((n, id));
        }
    }
    let mut fixed = 0;
    for (n, id) in bad {
        // A duplicated pair id: the first keeps it (and its scale); this one gets its own.
        *id = fresh(&seen, n);
        seen.insert(id.clone());
        fixed += 1;
    }
    if fixed > 0 {
        changes.push(format!(
            "{fixed} planning record{} had an id that was missing, malformed or shared: each has its own now.",
            if fixed == 1 { "" } else { "s" }
        ));
    }
}

fn mend_pair_scales(a: &mut Assessment, changes: &mut Vec<String>) {
    let pairs: HashSet<ItemId> = a.planning.pairs.iter().map(|p| p.id.clone()).collect();
    let mut has_scale = HashSet::new();
    for s in &mut a.scales {
        if let ScaleKind::Pair { pair } = &s.kind {
            if !pairs.contains(pair) || !has_scale.insert(pair.clone()) {
                s.kind = ScaleKind::Custom;
                s.question = format!("A danger statement's scale: {}", s.question);
                changes.push(
                    "A danger statement's scale had no statement of its own: it is kept as a scale of its own.".into(),
                );
            }
        }
    }
    let missing: Vec<_> = a
        .planning
        .pairs
        .iter()
        .filter(|p| !has_scale.contains(&p.id))
        .cloned()
        .collect();
    for (n, pair) in missing.iter().enumerate() {
        let mut id = format!("s-fe{n:06x}");
        while a.scale(&id).is_some() {
            id.push('0');
        }
        a.scales.push(new_pair_scale(id, pair));
        changes.push("A danger statement had no scale: an empty one was added for it.".into());
    }
}
