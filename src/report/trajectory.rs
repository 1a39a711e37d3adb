//! The trajectory of a scale across meetings: each rater's number at each dated meeting, and
//! what changed from one meeting to the next in words (who moved, by how much, their reason).
//! The chart itself is [`super::scale_chart::history_svg`]; this is its table and its words.

use super::words::short_date;
use crate::model::scales::{Marker, Scale, ScaleValue, Snapshot};

/// One rater's numbers at each meeting (`None`: not on the scale or not placed then).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub rater: String,
    pub values: Vec<Option<ScaleValue>>,
}

/// The meetings' names ("10 Nov First meeting") and one line per rater, in order of first
/// appearance; a rater is followed by their marker, so a renamed rater stays one line.
pub fn lines(scale: &Scale) -> (Vec<String>, Vec<Line>) {
    let names = scale.history.iter().map(meeting_name).collect();
    let mut ids: Vec<(String, String)> = Vec::new();
    for m in scale.history.iter().flat_map(|s| s.markers.iter()) {
        match ids.iter_mut().find(|(id, _)| id == &m.id) {
            Some(r) => r.1 = m.rater.label(),
            None => ids.push((m.id.clone(), m.rater.label())),
        }
    }
    let lines = ids
        .into_iter()
        .map(|(id, rater)| Line {
            rater,
            values: scale
                .history
                .iter()
                .map(|s| s.markers.iter().find(|m| m.id == id).and_then(|m| m.value))
                .collect(),
        })
        .collect();
    (names, lines)
}

/// "10 Nov 2026 First meeting".
pub fn meeting_name(s: &Snapshot) -> String {
    format!("{} {}", short_date(s.date), s.label)
}

/// How one rater's number changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub rater: String,
    pub from: Option<ScaleValue>,
    pub to: Option<ScaleValue>,
    pub reason: String,
}

impl Move {
    /// The change as a sentence.
    pub fn words(&self) -> String {
        let reason = self.reason.trim();
        let because = if reason.is_empty() {
            String::new()
        } else {
            format!(": \"{reason}\"")
        };
        match (self.from, self.to) {
            (Some(f), Some(t)) if t > f => format!(
                "{} moved up {}, from {} to {}{because}",
                self.rater,
                points(f, t),
                f.short(),
                t.short()
            ),
            (Some(f), Some(t)) if t < f => format!(
                "{} moved down {}, from {} to {}{because}",
                self.rater,
                points(t, f),
                f.short(),
                t.short()
            ),
            (Some(f), Some(_)) => format!("{} stayed at {}{because}", self.rater, f.short()),
            (None, Some(t)) => format!(
                "{} rated for the first time, at {}{because}",
                self.rater,
                t.short()
            ),
            (Some(f), None) => format!(
                "{} (at {} before) did not rate this time",
                self.rater,
                f.short()
            ),
            (None, None) => format!("{} has not rated yet", self.rater),
        }
    }
}

fn points(low: ScaleValue, high: ScaleValue) -> String {
    let halves = high.halves() - low.halves();
    let words =
        ScaleValue::from_f64(f64::from(halves) / 2.0).map_or_else(String::new, |v| v.short());
    format!("{words} point{}", if halves == 2 { "" } else { "s" })
}

/// Each rater's change from `before` to `after` (matched by marker), in the order of `after`
/// and then those only in `before`.
pub fn changes(before: &[Marker], after: &[Marker]) -> Vec<Move> {
    let mut out: Vec<Move> = after
        .iter()
        .map(|m| Move {
            rater: m.rater.label(),
            from: before.iter().find(|b| b.id == m.id).and_then(|b| b.value),
            to: m.value,
            reason: m.reason.clone(),
        })
        .collect();
    out.extend(
        before
            .iter()
            .filter(|b| b.value.is_some() && !after.iter().any(|m| m.id == b.id))
            .map(|b| Move {
                rater: b.rater.label(),
                from: b.value,
                to: None,
                reason: String::new(),
            }),
    );
    out
}

/// What changed at the last meeting, against the one before: its name and the moves.
pub fn at_last_meeting(scale: &Scale) -> Option<(String, String, Vec<Move>)> {
    let n = scale.history.len();
    if n < 2 {
        return None;
    }
    let (before, after) = (&scale.history[n - 2], &scale.history[n - 1]);
    Some((
        meeting_name(before),
        meeting_name(after),
        changes(&before.markers, &after.markers),
    ))
}

/// What has changed since the last meeting (the numbers as they are now), when anything has.
pub fn since_last_meeting(scale: &Scale) -> Option<(String, Vec<Move>)> {
    let last = scale.history.last()?;
    let moves: Vec<Move> = changes(&last.markers, &scale.markers)
        .into_iter()
        .filter(|m| m.from != m.to)
        .collect();
    (!moves.is_empty()).then(|| (meeting_name(last), moves))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scales::{Rater, ScaleKind, Step};
    use chrono::NaiveDate;

    fn marker(id: &str, name: &str, v: Option<f64>, reason: &str) -> Marker {
        Marker {
            id: id.into(),
            rater: Rater {
                person: None,
                name: name.into(),
                role: String::new(),
            },
            value: v.and_then(ScaleValue::from_f64),
            reason: reason.into(),
        }
    }

    fn scale() -> Scale {
        let mut s = Scale {
            id: "s-1".into(),
            kind: ScaleKind::Custom,
            question: String::new(),
            low_anchor: String::new(),
            high_anchor: String::new(),
            step: Step::Half,
            markers: vec![
                marker("m-1", "Jo", Some(3.0), "Started"),
                marker("m-2", "Sam", Some(2.0), ""),
            ],
            history: Vec::new(),
        };
        s.take_snapshot(
            NaiveDate::from_ymd_opt(2026, 11, 10).unwrap(),
            "First meeting",
        );
        s.markers = vec![
            marker("m-1", "Jo", Some(5.0), "Rita stays every evening now"),
            marker("m-2", "Sam", Some(1.5), "Two missed visits"),
            marker("m-3", "Rita", Some(6.0), ""),
        ];
        s.take_snapshot(
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
            "Second meeting",
        );
        s
    }

    #[test]
    fn each_rater_has_a_line_across_the_meetings() {
        let (names, lines) = lines(&scale());
        assert_eq!(
            names,
            vec!["10 Nov 2026 First meeting", "24 Nov 2026 Second meeting"]
        );
        let v = |x: f64| ScaleValue::from_f64(x);
        assert_eq!(
            lines,
            vec![
                Line {
                    rater: "Jo".into(),
                    values: vec![v(3.0), v(5.0)]
                },
                Line {
                    rater: "Sam".into(),
                    values: vec![v(2.0), v(1.5)]
                },
                Line {
                    rater: "Rita".into(),
                    values: vec![None, v(6.0)]
                },
            ]
        );
    }

    #[test]
    fn what_changed_at_the_last_meeting_is_said_with_reasons() {
        let (from, to, moves) = at_last_meeting(&scale()).unwrap();
        assert_eq!(
            (from.as_str(), to.as_str()),
            ("10 Nov 2026 First meeting", "24 Nov 2026 Second meeting")
        );
        let words: Vec<String> = moves.iter().map(Move::words).collect();
        assert_eq!(
            words,
            vec![
                "Jo moved up 2 points, from 3 to 5: \"Rita stays every evening now\"",
                "Sam moved down 0.5 points, from 2 to 1.5: \"Two missed visits\"",
                "Rita rated for the first time, at 6",
            ]
        );
    }

    #[test]
    fn since_the_last_meeting_lists_only_who_moved() {
        let mut s = scale();
        assert_eq!(since_last_meeting(&s), None);
        s.markers[2].value = ScaleValue::from_f64(7.0);
        s.markers.remove(1);
        let (name, moves) = since_last_meeting(&s).unwrap();
        assert_eq!(name, "24 Nov 2026 Second meeting");
        let words: Vec<String> = moves.iter().map(Move::words).collect();
        assert_eq!(
            words,
            vec![
                "Rita moved up 1 point, from 6 to 7",
                "Sam (at 1.5 before) did not rate this time",
            ]
        );
        assert_eq!(
            at_last_meeting(&Scale {
                history: Vec::new(),
                ..s
            }),
            None
        );
    }
}
