//! The chronology: dated significant events, each concerning one or more of the children.

use super::ids::PersonId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One significant event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChronologyEntry {
    /// Unique within the assessment, e.g. `e-1a2b3c4d`.
    pub id: String,
    pub date: Option<NaiveDate>,
    /// What happened.
    pub what: String,
    /// Where the information came from.
    pub source: String,
    /// Why it matters for the child.
    pub significance: String,
    /// The children it concerns; empty means all of them.
    pub children: Vec<PersonId>,
}

impl ChronologyEntry {
    /// Whether the event concerns this child.
    pub fn concerns(&self, child: &PersonId) -> bool {
        self.children.is_empty() || self.children.contains(child)
    }
}

impl super::Assessment {
    /// Adds an empty entry with an id not yet used; returns the id.
    pub fn add_event(&mut self, random: [u8; 4]) -> String {
        let mut id = format!(
            "e-{}",
            random
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        );
        while self.chronology.iter().any(|e| e.id == id) {
            id.push('0');
        }
        self.chronology.push(ChronologyEntry {
            id: id.clone(),
            date: None,
            what: String::new(),
            source: String::new(),
            significance: String::new(),
            children: Vec::new(),
        });
        id
    }
}

/// Entries in date order (undated last, then in the order they were added).
pub fn sorted(entries: &[ChronologyEntry]) -> Vec<&ChronologyEntry> {
    let mut v: Vec<&ChronologyEntry> = entries.iter().collect();
    v.sort_by_key(|e| (e.date.is_none(), e.date));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(id: &str, date: Option<&str>, children: Vec<PersonId>) -> ChronologyEntry {
        ChronologyEntry {
            id: id.into(),
            date: date.map(|s| s.parse::<NaiveDate>().unwrap()),
            what: id.into(),
            source: String::new(),
            significance: String::new(),
            children,
        }
    }

    #[test]
    fn sorted_by_date_with_undated_last_and_stable() {
        let list = vec![
            e("c", None, vec![]),
            e("b", Some("2026-03-01"), vec![]),
            e("a", Some("2025-01-01"), vec![]),
            e("d", Some("2026-03-01"), vec![]),
        ];
        let ids: Vec<&str> = sorted(&list).iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d", "c"]);
    }

    #[test]
    fn filter_by_child() {
        let mia = PersonId::from_random([1; 4]);
        let leo = PersonId::from_random([2; 4]);
        assert!(e("x", None, vec![]).concerns(&mia));
        assert!(e("x", None, vec![mia.clone()]).concerns(&mia));
        assert!(!e("x", None, vec![mia]).concerns(&leo));
    }
}
