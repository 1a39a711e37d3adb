//! Native tests of scale values, spread, stacking and snapshots.

use super::*;

fn v(x: f64) -> ScaleValue {
    ScaleValue::from_f64(x).unwrap()
}

fn m(id: &str, value: Option<f64>) -> Marker {
    Marker {
        id: id.into(),
        rater: Rater {
            person: None,
            name: id.into(),
            role: "Social worker".into(),
        },
        value: value.map(v),
        reason: String::new(),
    }
}

#[test]
fn values_are_0_to_10_in_halves() {
    assert_eq!(ScaleValue::from_f64(6.5).map(ScaleValue::halves), Some(13));
    for bad in [-0.5, 10.5, 6.3, f64::NAN, f64::INFINITY] {
        assert_eq!(ScaleValue::from_f64(bad), None, "{bad}");
    }
    assert_eq!(v(6.5).words(), "6 and a half");
    assert_eq!(v(6.0).short(), "6");
    assert_eq!(serde_json::to_string(&v(6.0)).unwrap(), "6");
    assert_eq!(serde_json::to_string(&v(6.5)).unwrap(), "6.5");
    assert_eq!(serde_json::from_str::<ScaleValue>("7").unwrap(), v(7.0));
    let e = serde_json::from_str::<ScaleValue>("11")
        .unwrap_err()
        .to_string();
    assert!(e.contains("not a point from 0 to 10"), "{e}");
}

#[test]
fn snapping_and_nudging_follow_the_step() {
    assert_eq!(ScaleValue::snap(6.3, Step::Whole), v(6.0));
    assert_eq!(ScaleValue::snap(6.3, Step::Half), v(6.5));
    assert_eq!(ScaleValue::snap(6.2, Step::Half), v(6.0));
    assert_eq!(ScaleValue::snap(-3.0, Step::Whole), v(0.0));
    assert_eq!(ScaleValue::snap(12.0, Step::Half), v(10.0));
    assert_eq!(v(6.0).nudge(1, Step::Whole), v(7.0));
    assert_eq!(v(6.0).nudge(-1, Step::Half), v(5.5));
    assert_eq!(v(6.5).nudge(1, Step::Whole), v(7.0));
    assert_eq!(v(6.5).nudge(-1, Step::Whole), v(6.0));
    assert_eq!(v(10.0).nudge(1, Step::Whole), v(10.0));
    assert_eq!(v(0.0).nudge(-3, Step::Half), v(0.0));
}

#[test]
fn spread_points_out_wide_disagreement() {
    assert_eq!(spread(&[m("a", Some(3.0))]), None);
    assert_eq!(spread(&[m("a", Some(3.0)), m("b", None)]), None);
    let s = spread(&[m("a", Some(3.0)), m("b", Some(8.0)), m("c", Some(5.0))]).unwrap();
    assert_eq!(s.points(), 5.0);
    assert!(
        s.words()
            .starts_with("Wide disagreement: from 3 to 8 (5 points apart)"),
        "{}",
        s.words()
    );
    let close = spread(&[m("a", Some(6.0)), m("b", Some(7.0))]).unwrap();
    assert_eq!(close.words(), "From 6 to 7 (1 point apart).");
    let same = spread(&[m("a", Some(6.0)), m("b", Some(6.0))]).unwrap();
    assert_eq!(same.words(), "Everyone is at 6.");
}

#[test]
fn markers_at_the_same_value_stack() {
    let list = [
        m("a", Some(6.0)),
        m("b", Some(4.0)),
        m("c", Some(6.0)),
        m("d", None),
        m("e", Some(6.0)),
    ];
    assert_eq!(stack_rows(&list, 0.5), vec![0, 0, 1, 0, 2]);
}

#[test]
fn snapshots_keep_date_order_and_a_copy_of_the_markers() {
    let mut s = Scale {
        id: "s-1".into(),
        kind: ScaleKind::Custom,
        question: "How confident are you?".into(),
        low_anchor: "Not at all".into(),
        high_anchor: "Completely".into(),
        step: Step::Whole,
        markers: vec![m("a", Some(4.0))],
        history: vec![],
    };
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    s.take_snapshot(d("2026-12-01"), " Second review ");
    s.marker_mut("a").unwrap().value = Some(v(7.0));
    s.take_snapshot(d("2026-11-16"), "First review");
    assert_eq!(
        s.history
            .iter()
            .map(|h| h.label.as_str())
            .collect::<Vec<_>>(),
        ["First review", "Second review"]
    );
    assert_eq!(s.history[0].markers[0].value, Some(v(7.0)));
    assert_eq!(s.history[1].markers[0].value, Some(v(4.0)));
}

#[test]
fn rater_labels_say_who_and_what() {
    let r = |n: &str, role: &str| {
        Rater {
            person: None,
            name: n.into(),
            role: role.into(),
        }
        .label()
    };
    assert_eq!(r("Dana", "Mother"), "Dana (Mother)");
    assert_eq!(r("", "The child"), "The child");
    assert_eq!(r("", ""), "Unnamed");
}

#[test]
fn neighbours_closer_than_the_gap_go_up_a_row() {
    // 4 and 5 are too close for a 2-point gap; 8 is far enough from 5 to share its row.
    let list = [
        m("a", Some(4.0)),
        m("b", Some(5.0)),
        m("c", Some(8.0)),
        m("d", Some(8.0)),
    ];
    let rows = stack_rows(&list, 2.0);
    assert_eq!(rows, vec![0, 1, 0, 1]);
    for (i, a) in list.iter().enumerate() {
        for (j, b) in list.iter().enumerate() {
            if i < j && rows[i] == rows[j] {
                assert!((a.value.unwrap().as_f64() - b.value.unwrap().as_f64()).abs() >= 2.0);
            }
        }
    }
}

#[test]
fn labels_of_any_length_never_share_a_row_where_they_would_cover_each_other() {
    // Four raters at 7, 6, 4 and 3 and at 5, 5, 5, 5, with labels of 1 to 6 points wide.
    for values in [[7.0, 6.0, 4.0, 3.0], [5.0; 4], [0.0, 10.0, 0.5, 9.5]] {
        for widths in [[1.0, 1.0, 1.0, 1.0], [6.0, 2.0, 4.5, 3.0], [6.0; 4]] {
            let list: Vec<Marker> = values
                .iter()
                .enumerate()
                .map(|(i, v)| m(&format!("m{i}"), Some(*v)))
                .collect();
            let rows = stack_rows_sized(&list, |i| widths[i]);
            for i in 0..list.len() {
                for j in i + 1..list.len() {
                    if rows[i] != rows[j] {
                        continue;
                    }
                    let (a, b) = (values[i], values[j]);
                    let room = (widths[i] + widths[j]) / 2.0;
                    assert!(
                        (a - b).abs() >= room,
                        "{values:?} {widths:?}: {i} and {j} share row {} but cover each other",
                        rows[i]
                    );
                }
            }
        }
    }
    // Narrow labels far apart share the first row.
    let list = [m("a", Some(1.0)), m("b", Some(9.0))];
    assert_eq!(stack_rows_sized(&list, |_| 3.0), vec![0, 0]);
}
