//! The assessment as one reader may see it: everything marked away from them taken out, so a
//! summary, a drawing or an export made from it cannot show it. Every summary for a family
//! reader and every export for sharing is made from this one document (and is valid, so it
//! exports and imports like any other). What was left out is listed for the worker by
//! [`left_out`].

use crate::edit::planning::{remove_contact, remove_harm, remove_pair, remove_rule};
use crate::model::child_tools::{Surface, Work};
use crate::model::marks::{allows, mark_words, Reader, Target};
use crate::model::Assessment;

/// The document `reader` may see. The marks and the audit do not travel (they say what was
/// kept back, and from whom).
pub fn for_reader(a: &Assessment, reader: &Reader) -> Assessment {
    if *reader == Reader::Professional {
        return a.clone();
    }
    let mut b = a.clone();
    let hidden: Vec<Target> = a
        .marks
        .iter()
        .filter(|m| !allows(&m.restriction, reader))
        .map(|m| m.target.clone())
        .collect();
    let mut pair_hidden = false;
    for t in &hidden {
        match t {
            Target::Answer { key } => {
                b.answers.remove(key);
            }
            Target::Chronology { entry } => b.chronology.retain(|e| &e.id != entry),
            Target::PersonDetails { person } => {
                if let Some(p) = b.person_mut(person) {
                    p.address.clear();
                    p.phone.clear();
                    p.notes.clear();
                }
                // Who they live with says where they are.
                for h in &mut b.genogram.households {
                    h.members.retain(|m| m != person);
                }
                b.genogram.households.retain(|h| !h.members.is_empty());
            }
            Target::Network { entry } => {
                for map in b.maps_mut() {
                    map.members.retain(|m| &m.id != entry);
                }
            }
            Target::Marker { scale, marker } => {
                if let Some(s) = b.scale_mut(scale) {
                    s.markers.retain(|m| &m.id != marker);
                    for h in &mut s.history {
                        h.markers.retain(|m| &m.id != marker);
                    }
                }
            }
            Target::Harm { harm } => remove_harm(&mut b, harm),
            Target::Pair { pair } => {
                pair_hidden |= b.planning.pair(pair).is_some();
                remove_pair(&mut b, pair);
            }
            Target::Rule { rule } => remove_rule(&mut b, rule),
            Target::Contact { contact } => remove_contact(&mut b, contact),
            Target::ChildWords { words } => {
                for t in &mut b.child_tools {
                    t.child_words.retain(|w| &w.id != words);
                }
            }
            Target::Drawing { tool, surface } => {
                let drawing = Surface::from_code(surface).and_then(|s| {
                    b.child_tools
                        .iter_mut()
                        .find(|t| &t.id == tool)?
                        .drawing_mut(&s)
                });
                if let Some(d) = drawing {
                    *d = Default::default();
                }
            }
            Target::StoryPage { page } => {
                for t in &mut b.child_tools {
                    if let Work::WordsAndPictures { pages, versions } = &mut t.work {
                        pages.retain(|p| &p.id != page);
                        for v in versions {
                            v.pages.retain(|p| &p.page != page);
                        }
                    }
                }
            }
        }
    }
    // Agreed versions keep words: a rule taken out leaves them by its id; a contact or a danger
    // statement taken out cannot be matched to older words, so only what can be shown stays.
    let plan = &mut b.planning.plan;
    let rules: Vec<_> = plan.rules.iter().map(|r| r.id.clone()).collect();
    let contacts: Vec<String> = plan
        .contacts
        .iter()
        .map(|c| format!("{}: {}", c.name.trim(), c.number.trim()))
        .collect();
    let hidden_rules: Vec<_> = hidden
        .iter()
        .filter_map(|t| match t {
            Target::Rule { rule } => Some(rule.clone()),
            _ => None,
        })
        .collect();
    let contact_hidden = hidden.iter().any(|t| matches!(t, Target::Contact { .. }));
    for v in &mut plan.versions {
        v.rules
            .retain(|r| !hidden_rules.contains(&r.id) || rules.contains(&r.id));
        if pair_hidden {
            for r in &mut v.rules {
                r.answers.clear();
            }
        }
        if contact_hidden {
            v.contacts.retain(|c| contacts.contains(c));
        }
    }
    // The child's drawings and words reach a family reader only where the worker chose.
    b.child_tools.retain(|t| t.in_family_summary);
    // Family group decision-making: why the council decided a meeting would not be in the
    // child's best interests can name a danger from someone in the family, and what one parent
    // said to the offer is theirs; neither goes to anyone but the professional record (a
    // person reading their own copy keeps their own words).
    let g = &mut b.family_group;
    if let Some(e) = &mut g.exception {
        e.reasons = "The reasons are not shown in this copy.".into();
    }
    for o in &mut g.offers {
        if !matches!(reader, Reader::Person(me) if *me == o.person) {
            o.their_words.clear();
        }
    }
    // What the child said, chosen to be heard at a family meeting, only where it is still shown.
    let shown: std::collections::HashSet<_> = b
        .child_tools
        .iter()
        .flat_map(|t| t.child_words.iter().map(|w| w.id.clone()))
        .collect();
    for m in &mut b.family_group.meetings {
        m.child_words.retain(|w| shown.contains(w));
    }
    b.marks.clear();
    b.audit.clear();
    b
}

/// Records in the assessment's audit that `what` ("Family summary", "Export for sharing") was
/// made for `reader` at `at`, with what was left out.
pub fn record_made(
    a: &mut Assessment,
    what: &str,
    reader: &Reader,
    at: chrono::DateTime<chrono::Utc>,
    question_label: impl Fn(&str) -> String,
) {
    let left: Vec<String> = left_out(a, reader, question_label)
        .iter()
        .map(LeftOut::words)
        .collect();
    let reader = reader.words(a);
    a.audit.push(crate::model::marks::AuditEntry {
        at,
        what: what.to_owned(),
        reader,
        left_out: left,
    });
}

/// Everything in `a` that can be marked, in document order.
pub fn markable(a: &Assessment) -> Vec<Target> {
    let mut t: Vec<Target> = a
        .answers
        .keys()
        .map(|k| Target::Answer { key: k.clone() })
        .collect();
    t.extend(a.chronology.iter().map(|e| Target::Chronology {
        entry: e.id.clone(),
    }));
    t.extend(
        a.people
            .iter()
            .filter(|p| p.role != crate::model::PersonRole::SubjectChild)
            .map(|p| Target::PersonDetails {
                person: p.id.clone(),
            }),
    );
    t.extend(a.map_entries().map(|m| Target::Network {
        entry: m.id.clone(),
    }));
    for s in &a.scales {
        t.extend(s.markers.iter().map(|m| Target::Marker {
            scale: s.id.clone(),
            marker: m.id.clone(),
        }));
    }
    let p = &a.planning;
    t.extend(p.harms.iter().map(|h| Target::Harm { harm: h.id.clone() }));
    t.extend(p.pairs.iter().map(|x| Target::Pair { pair: x.id.clone() }));
    t.extend(
        p.plan
            .rules
            .iter()
            .map(|r| Target::Rule { rule: r.id.clone() }),
    );
    t.extend(p.plan.contacts.iter().map(|c| Target::Contact {
        contact: c.id.clone(),
    }));
    for tool in &a.child_tools {
        t.extend(tool.child_words.iter().map(|w| Target::ChildWords {
            words: w.id.clone(),
        }));
        t.extend(tool.surfaces().into_iter().map(|s| match s {
            Surface::Page(page) => Target::StoryPage { page },
            s => Target::Drawing {
                tool: tool.id.clone(),
                surface: s.code(),
            },
        }));
    }
    t
}

/// One thing left out for a reader: what it is, and the mark that keeps it back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOut {
    pub what: String,
    pub why: String,
}

impl LeftOut {
    /// "An answer: Danger statements (Not for Chris Testcase: he does not know the address)".
    pub fn words(&self) -> String {
        format!("{} ({})", self.what, self.why)
    }
}

/// What `reader` will not be shown, for the worker's check before anything is printed or
/// saved: each mark that keeps something present from them.
pub fn left_out(
    a: &Assessment,
    reader: &Reader,
    question_label: impl Fn(&str) -> String,
) -> Vec<LeftOut> {
    a.marks
        .iter()
        .filter(|m| !allows(&m.restriction, reader))
        .filter_map(|m| {
            let what = describe(a, &m.target, &question_label)?;
            let mut why = mark_words(a, m);
            if !m.why.trim().is_empty() {
                why = format!("{why}: {}", m.why.trim());
            }
            Some(LeftOut { what, why })
        })
        .collect()
}

/// What a target is, in words; `None` when it is no longer there.
pub fn describe(
    a: &Assessment,
    t: &Target,
    question_label: impl Fn(&str) -> String,
) -> Option<String> {
    let name = |p: &crate::model::PersonId| a.person(p).map(|p| p.display_name());
    Some(match t {
        Target::Answer { key } => {
            a.answers.get(key)?;
            let (q, child) = match key.split_once('@') {
                Some((q, c)) => (q, crate::model::PersonId::parse(c).and_then(|c| name(&c))),
                None => (key.as_str(), None),
            };
            match child {
                Some(c) => format!("The answer to \"{}\" for {c}", question_label(q)),
                None => format!("The answer to \"{}\"", question_label(q)),
            }
        }
        Target::Chronology { entry } => {
            let e = a.chronology.iter().find(|e| &e.id == entry)?;
            format!("The chronology entry \"{}\"", e.what.trim())
        }
        Target::PersonDetails { person } => format!(
            "{}'s address, phone number, household and notes",
            name(person)?
        ),
        Target::Network { entry } => {
            let m = a.map_entries().find(|m| &m.id == entry)?;
            format!(
                "{} on the network map",
                crate::diagram::network::render::entry_name(a, m)
            )
        }
        Target::Marker { scale, marker } => {
            let s = a.scale(scale)?;
            let m = s
                .markers
                .iter()
                .chain(s.history.iter().flat_map(|h| h.markers.iter()))
                .find(|m| &m.id == marker)?;
            format!(
                "{}'s judgement on \"{}\"",
                m.rater.label(),
                a.scale_title(s)
            )
        }
        Target::Harm { harm } => {
            let n = a.planning.harms.iter().position(|h| &h.id == harm)?;
            format!("Harm statement {}", n + 1)
        }
        Target::Pair { pair } => {
            let n = a.planning.number_of(pair)?;
            format!("Danger statement {n} with its safety goal and scale")
        }
        Target::Rule { rule } => {
            let r = a.planning.plan.rules.iter().find(|r| &r.id == rule)?;
            format!("The safety plan's rule \"{}\"", r.rule.trim())
        }
        Target::Contact { contact } => {
            let c = a.planning.plan.contacts.iter().find(|c| &c.id == contact)?;
            format!("The contact {}", c.name.trim())
        }
        Target::ChildWords { words } => {
            let (t, w) = a.child_tools.iter().find_map(|t| {
                t.child_words
                    .iter()
                    .find(|w| &w.id == words)
                    .map(|w| (t, w))
            })?;
            format!(
                "What {} said in the {} ({}): \"{}\"",
                name(&t.child)?,
                t.kind().label(),
                w.place.label(),
                w.words.trim()
            )
        }
        Target::Drawing { tool, surface } => {
            let t = a.child_tools.iter().find(|t| &t.id == tool)?;
            let s = Surface::from_code(surface).filter(|s| t.drawing(s).is_some())?;
            format!("{}'s drawing: {}", name(&t.child)?, s.label())
        }
        Target::StoryPage { page } => {
            let (t, n) = a.child_tools.iter().find_map(|t| match &t.work {
                Work::WordsAndPictures { pages, .. } => {
                    pages.iter().position(|p| &p.id == page).map(|n| (t, n))
                }
                _ => None,
            })?;
            format!(
                "Page {} of {}'s Words and Pictures story",
                n + 1,
                name(&t.child)?
            )
        }
    })
}

#[cfg(test)]
mod tests;
