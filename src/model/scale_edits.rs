//! Changes to an assessment's scales, as plain functions the UI dispatches and tests call.

use super::assessment::Assessment;
use super::ids::PersonId;
use super::scales::{Marker, Rater, Scale, ScaleKind, ScaleValue, ScaleWording, Step};

fn hex(bytes: [u8; 4]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Assessment {
    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The scale with this id, to change.
    pub fn scale_mut(&mut self, id: &str) -> Option<&mut Scale> {
        self.scales.iter_mut().find(|s| s.id == id)
    }

    /// The safety scale of a child, if it has been started.
    pub fn safety_scale_of(&self, child: &PersonId) -> Option<&Scale> {
        self.scales
            .iter()
            .find(|s| matches!(&s.kind, ScaleKind::Safety { child: c } if c == child))
    }

    /// Adds a scale (a child's safety scale, or a custom one) and returns its id. A child has
    /// one safety scale: asking for another gives the one they have; `None` when `kind` names
    /// someone who is not a child being assessed.
    pub fn add_scale(
        &mut self,
        kind: ScaleKind,
        wording: &ScaleWording,
        random: [u8; 4],
    ) -> Option<String> {
        if let ScaleKind::Safety { child } = &kind {
            if let Some(s) = self.safety_scale_of(child) {
                return Some(s.id.clone());
            }
            if self
                .person(child)
                .is_none_or(|p| p.role != super::PersonRole::SubjectChild)
            {
                return None;
            }
        }
        let id = self.fresh_scale_id(random);
        self.scales.push(Scale {
            id: id.clone(),
            kind,
            question: wording.question.clone(),
            low_anchor: wording.low_anchor.clone(),
            high_anchor: wording.high_anchor.clone(),
            step: Step::Whole,
            markers: Vec::new(),
            history: Vec::new(),
        });
        Some(id)
    }

    /// Deletes a scale, unless it is a danger statement's: that scale goes only with its
    /// statement ([`crate::edit::planning::remove_pair`]). Whether it was deleted.
    pub fn remove_scale(&mut self, id: &str) -> bool {
        let deletable = self
            .scale(id)
            .is_some_and(|s| !matches!(s.kind, ScaleKind::Pair { .. }));
        if deletable {
            self.scales.retain(|s| s.id != id);
        }
        deletable
    }

    /// A scale id not yet used, from random bytes.
    pub fn fresh_scale_id(&self, random: [u8; 4]) -> String {
        let mut id = format!("s-{}", hex(random));
        while self.scale(&id).is_some() {
            id.push('0');
        }
        id
    }

    /// The title of a scale: "Safety scale: Mia Sample", or its question.
    pub fn scale_title(&self, s: &Scale) -> String {
        match &s.kind {
            ScaleKind::Safety { child } => format!(
                "Safety scale: {}",
                self.person(child)
                    .map_or_else(|| "a child".to_owned(), |p| p.display_name())
            ),
            ScaleKind::Pair { pair } => match self.planning.number_of(pair) {
                Some(n) => format!("Danger statement {n} and its safety goal"),
                None => "Danger statement and safety goal".to_owned(),
            },
            ScaleKind::Custom if s.question.trim().is_empty() => "Scale".to_owned(),
            ScaleKind::Custom => s.question.clone(),
        }
    }
}

impl Scale {
    /// Adds a rater with no value yet; returns the marker's id.
    pub fn add_rater(&mut self, rater: Rater, random: [u8; 4]) -> String {
        let mut id = format!("m-{}", hex(random));
        while self.markers.iter().any(|m| m.id == id) {
            id.push('0');
        }
        self.markers.push(Marker {
            id: id.clone(),
            rater,
            value: None,
            reason: String::new(),
        });
        id
    }

    /// Places a rater's marker.
    pub fn set_value(&mut self, marker: &str, value: Option<ScaleValue>) {
        if let Some(m) = self.marker_mut(marker) {
            m.value = value;
        }
    }

    /// Removes a rater (their past snapshots stay in the history).
    pub fn remove_rater(&mut self, marker: &str) {
        self.markers.retain(|m| m.id != marker);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assessment::tests::sample;

    fn wording() -> ScaleWording {
        ScaleWording {
            question: "Where is it?".into(),
            low_anchor: "Unsafe".into(),
            high_anchor: "Safe".into(),
        }
    }

    #[test]
    fn a_safety_scale_per_child_and_custom_scales() {
        let mut a = sample();
        let child = a.people[0].id.clone();
        assert!(a.safety_scale_of(&child).is_none());
        let id = a
            .add_scale(
                ScaleKind::Safety {
                    child: child.clone(),
                },
                &wording(),
                [1, 2, 3, 4],
            )
            .unwrap();
        assert_eq!(id, "s-01020304");
        let again = a.add_scale(
            ScaleKind::Safety {
                child: child.clone(),
            },
            &wording(),
            [5; 4],
        );
        assert_eq!(
            again.as_deref(),
            Some("s-01020304"),
            "one safety scale a child"
        );
        let mum = a.people[1].id.clone();
        assert_eq!(
            a.add_scale(ScaleKind::Safety { child: mum }, &wording(), [6; 4]),
            None
        );
        assert_eq!(a.safety_scale_of(&child).unwrap().question, "Where is it?");
        assert_eq!(
            a.scale_title(a.scale(&id).unwrap()),
            "Safety scale: Ava Example"
        );
        let c = a
            .add_scale(ScaleKind::Custom, &wording(), [9, 9, 9, 9])
            .unwrap();
        a.scale_mut(&c).unwrap().question = "How willing is Dad to work with us?".into();
        assert_eq!(
            a.scale_title(a.scale(&c).unwrap()),
            "How willing is Dad to work with us?"
        );
    }

    #[test]
    fn raters_are_added_placed_and_removed() {
        let mut a = sample();
        let id = a.add_scale(ScaleKind::Custom, &wording(), [1; 4]).unwrap();
        let s = a.scale_mut(&id).unwrap();
        let r = |n: &str| Rater {
            person: None,
            name: n.into(),
            role: "Mother".into(),
        };
        let m1 = s.add_rater(r("Jo"), [5; 4]);
        let m2 = s.add_rater(r("Jo again"), [5; 4]);
        assert_ne!(m1, m2, "ids stay unique even from the same random bytes");
        s.set_value(&m1, ScaleValue::from_f64(4.0));
        assert_eq!(s.markers[0].value, ScaleValue::from_f64(4.0));
        assert_eq!(s.markers[1].value, None);
        s.take_snapshot(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            "Review",
        );
        s.remove_rater(&m1);
        assert_eq!(s.markers.len(), 1);
        assert_eq!(s.history[0].markers.len(), 2, "history keeps what was said");
    }
}
