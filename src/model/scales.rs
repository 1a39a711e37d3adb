//! Scaling questions: several people's judgements on one 0 to 10 scale, each with their reason,
//! and a dated snapshot of all of them at each review. The Signs of Safety safety scale for each
//! child, and scales the worker adds with their own question and anchors.

use super::ids::{ItemId, PersonId};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point on a 0 to 10 scale, in half points (0 to 20).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ScaleValue(u8);

impl ScaleValue {
    /// The lowest and highest points.
    pub const MIN: ScaleValue = ScaleValue(0);
    pub const MAX: ScaleValue = ScaleValue(20);

    /// From a number: `None` unless it is 0 to 10 in steps of a half.
    pub fn from_f64(v: f64) -> Option<Self> {
        let halves = v * 2.0;
        (halves.fract() == 0.0 && (0.0..=20.0).contains(&halves))
            .then_some(ScaleValue(halves as u8))
    }
    /// As a number, 0 to 10.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 2.0
    }
    /// In half points.
    pub fn halves(self) -> u8 {
        self.0
    }
    /// The nearest point to `v` (any number), snapped to `step`, kept within 0 to 10.
    pub fn snap(v: f64, step: Step) -> Self {
        let v = v.clamp(0.0, 10.0);
        let halves = match step {
            Step::Whole => (v.round() * 2.0) as u8,
            Step::Half => (v * 2.0).round() as u8,
        };
        ScaleValue(halves.min(20))
    }
    /// Moved by `steps` steps (negative for down), kept within 0 to 10.
    pub fn nudge(self, steps: i32, step: Step) -> Self {
        let unit = match step {
            Step::Whole => 2,
            Step::Half => 1,
        };
        // From a half point, a whole step first lands on a whole number.
        let base = if step == Step::Whole && self.0 % 2 == 1 {
            if steps > 0 {
                i32::from(self.0) - 1
            } else {
                i32::from(self.0) + 1
            }
        } else {
            i32::from(self.0)
        };
        ScaleValue((base + steps * unit).clamp(0, 20) as u8)
    }
    /// Words for screen readers and lists: "6", "6 and a half".
    pub fn words(self) -> String {
        let whole = self.0 / 2;
        if self.0 % 2 == 1 {
            format!("{whole} and a half")
        } else {
            whole.to_string()
        }
    }
    /// The short form: "6" or "6.5".
    pub fn short(self) -> String {
        if self.0 % 2 == 1 {
            format!("{}.5", self.0 / 2)
        } else {
            (self.0 / 2).to_string()
        }
    }
}

impl Serialize for ScaleValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.is_multiple_of(2) {
            s.serialize_u8(self.0 / 2)
        } else {
            s.serialize_f64(self.as_f64())
        }
    }
}

impl<'de> Deserialize<'de> for ScaleValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        ScaleValue::from_f64(v).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{v} is not a point from 0 to 10 in steps of a half"
            ))
        })
    }
}

/// How finely markers move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Step {
    #[default]
    Whole,
    Half,
}

/// Who placed a marker: someone in the people register, or a name typed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rater {
    /// The person in the register, if they are in it.
    pub person: Option<PersonId>,
    /// Their name (kept also for people in the register, as it was when rated).
    pub name: String,
    /// Their role: "Social worker", "Team manager", "Mother", "The child", "Class teacher".
    pub role: String,
}

impl Rater {
    /// "Dana Sample (Mother)".
    pub fn label(&self) -> String {
        match (self.name.trim(), self.role.trim()) {
            ("", "") => "Unnamed".to_owned(),
            (n, "") => n.to_owned(),
            ("", r) => r.to_owned(),
            (n, r) => format!("{n} ({r})"),
        }
    }
}

/// One person's judgement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Marker {
    /// Unique within the scale, e.g. `m-1a2b3c4d`.
    pub id: String,
    pub rater: Rater,
    /// `None` until they have placed it.
    pub value: Option<ScaleValue>,
    /// Their reason, in their own words.
    pub reason: String,
}

/// All markers as they stood at a review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Snapshot {
    pub date: NaiveDate,
    /// What the review was: "Initial review", "Child protection conference".
    pub label: String,
    pub markers: Vec<Marker>,
}

/// What a scale is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", deny_unknown_fields)]
pub enum ScaleKind {
    /// The safety scale for one child.
    #[serde(rename_all = "camelCase")]
    Safety { child: PersonId },
    /// A scale the worker added (how confident, how willing, how able…).
    Custom,
    /// The scale of a danger statement and its safety goal: 0 is the danger statement, 10 the
    /// safety goal (see [`super::planning::StatementPair`]).
    #[serde(rename_all = "camelCase")]
    Pair { pair: ItemId },
}

/// A scale's question and what each end means, as a procedure's profile words them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScaleWording {
    pub question: String,
    pub low_anchor: String,
    pub high_anchor: String,
}

/// One scale with its markers and history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scale {
    /// Unique within the assessment, e.g. `s-1a2b3c4d`.
    pub id: String,
    pub kind: ScaleKind,
    pub question: String,
    /// What 0 means.
    pub low_anchor: String,
    /// What 10 means.
    pub high_anchor: String,
    pub step: Step,
    pub markers: Vec<Marker>,
    pub history: Vec<Snapshot>,
}

/// How far apart the judgements are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spread {
    pub lowest: ScaleValue,
    pub highest: ScaleValue,
}

/// A spread of this many points or more is pointed out as a wide disagreement.
pub const WIDE_SPREAD: f64 = 4.0;

impl Spread {
    /// Highest minus lowest, in points.
    pub fn points(self) -> f64 {
        self.highest.as_f64() - self.lowest.as_f64()
    }
    /// The spread in words, pointing out a wide disagreement.
    pub fn words(self) -> String {
        let p = self.points();
        let pts = ScaleValue::from_f64(p).map_or_else(|| p.to_string(), ScaleValue::short);
        if p >= WIDE_SPREAD {
            format!(
                "Wide disagreement: from {} to {} ({pts} points apart). Talk about what each person sees that the others don't.",
                self.lowest.short(),
                self.highest.short()
            )
        } else if p == 0.0 {
            format!("Everyone is at {}.", self.lowest.short())
        } else {
            format!(
                "From {} to {} ({pts} point{} apart).",
                self.lowest.short(),
                self.highest.short(),
                if p == 1.0 { "" } else { "s" }
            )
        }
    }
}

/// The spread of the placed markers, when two or more are placed.
pub fn spread(markers: &[Marker]) -> Option<Spread> {
    let placed: Vec<ScaleValue> = markers.iter().filter_map(|m| m.value).collect();
    if placed.len() < 2 {
        return None;
    }
    Some(Spread {
        lowest: *placed.iter().min()?,
        highest: *placed.iter().max()?,
    })
}

/// For each marker, the row it is drawn in, so that markers closer than `min_gap` points (and
/// their labels) never share a row. Unplaced markers are in row 0.
pub fn stack_rows(markers: &[Marker], min_gap: f64) -> Vec<usize> {
    stack_rows_sized(markers, |_| min_gap)
}

/// For each marker, the row it is drawn in, where marker `i` and its label take `width(i)`
/// points centred on its value: the lowest first, each in the first row where it covers
/// nothing already there, so no name ever covers another whatever their lengths and spread.
pub fn stack_rows_sized(markers: &[Marker], width: impl Fn(usize) -> f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..markers.len())
        .filter(|&i| markers[i].value.is_some())
        .collect();
    order.sort_by_key(|&i| markers[i].value);
    // The right edge of what is last in each row.
    let mut right_edge: Vec<f64> = Vec::new();
    let mut rows = vec![0; markers.len()];
    for i in order {
        let v = markers[i].value.map_or(0.0, ScaleValue::as_f64);
        let half = width(i).max(0.0) / 2.0;
        let row = match right_edge.iter().position(|&edge| v - half >= edge) {
            Some(r) => r,
            None => {
                right_edge.push(f64::NEG_INFINITY);
                right_edge.len() - 1
            }
        };
        right_edge[row] = v + half;
        rows[i] = row;
    }
    rows
}

impl Scale {
    /// The marker with this id, to change.
    pub fn marker_mut(&mut self, id: &str) -> Option<&mut Marker> {
        self.markers.iter_mut().find(|m| m.id == id)
    }
    /// Records all markers as they stand, at a review on `date`; history stays in date order.
    pub fn take_snapshot(&mut self, date: NaiveDate, label: &str) {
        let snap = Snapshot {
            date,
            label: label.trim().to_owned(),
            markers: self.markers.clone(),
        };
        let at = self.history.partition_point(|s| s.date <= date);
        self.history.insert(at, snap);
    }
    /// The question with its anchors, for screen readers.
    pub fn description(&self) -> String {
        format!(
            "0 means {}; 10 means {}.",
            self.low_anchor, self.high_anchor
        )
    }
}

#[cfg(test)]
mod tests;
