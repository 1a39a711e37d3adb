//! The history chart of a scale as standalone SVG text: one line per rater across the reviews
//! and now, told apart by shape, dash pattern and a name label (never colour alone). The same
//! text is shown in the app and saved as a file, so everything typed is escaped here.

use crate::model::scales::{Scale, ScaleValue};

const W: f64 = 900.0;
const H: f64 = 380.0;
const LEFT: f64 = 110.0;
const RIGHT: f64 = 260.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 70.0;
const COLOURS: [&str; 6] = [
    "#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#0b0c0c", "#6f4e00",
];
/// A column of the chart: its label, and each marker's id, rater label and value.
type Column = (String, Vec<(String, String, Option<ScaleValue>)>);

const DASHES: [&str; 6] = ["", "8 4", "2 4", "12 4 2 4", "4 4", "16 6"];

pub use crate::diagram::svg::escape;

fn y(v: ScaleValue) -> f64 {
    TOP + (H - TOP - BOTTOM) * (1.0 - v.as_f64() / 10.0)
}

fn shape(i: usize, x: f64, yv: f64, colour: &str) -> String {
    match i % 4 {
        0 => format!(r#"<circle cx="{x:.1}" cy="{yv:.1}" r="6" fill="{colour}"/>"#),
        1 => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="12" height="12" fill="{colour}"/>"#,
            x - 6.0,
            yv - 6.0
        ),
        2 => format!(
            r#"<path d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="{colour}"/>"#,
            yv - 7.0,
            x + 7.0,
            yv + 6.0,
            x - 7.0,
            yv + 6.0
        ),
        _ => format!(
            r#"<path d="M{x:.1} {:.1} L{:.1} {yv:.1} L{x:.1} {:.1} L{:.1} {yv:.1} Z" fill="{colour}"/>"#,
            yv - 7.0,
            x + 7.0,
            yv + 7.0,
            x - 7.0
        ),
    }
}

/// The chart as a complete SVG document.
pub fn history_svg(scale: &Scale) -> String {
    // Columns: each snapshot, then "Now".
    let mut columns: Vec<Column> = scale
        .history
        .iter()
        .map(|s| {
            let label = format!("{}\n{}", super::words::short_date(s.date), s.label);
            (
                label,
                s.markers
                    .iter()
                    .map(|m| (m.id.clone(), m.rater.label(), m.value))
                    .collect(),
            )
        })
        .collect();
    columns.push((
        "Now".to_owned(),
        scale
            .markers
            .iter()
            .map(|m| (m.id.clone(), m.rater.label(), m.value))
            .collect(),
    ));
    // Raters, in order of first appearance.
    let mut raters: Vec<(String, String)> = Vec::new();
    for (_, ms) in &columns {
        for (id, label, _) in ms {
            match raters.iter_mut().find(|(r, _)| r == id) {
                Some(r) => r.1 = label.clone(),
                None => raters.push((id.clone(), label.clone())),
            }
        }
    }
    let n = columns.len();
    let x = |i: usize| {
        if n == 1 {
            LEFT + (W - LEFT - RIGHT) / 2.0
        } else {
            LEFT + (W - LEFT - RIGHT) * i as f64 / (n - 1) as f64
        }
    };
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}" role="img" aria-labelledby="chart-title chart-desc" font-family="Arial, Helvetica, sans-serif" font-size="13">"#
    );
    svg.push_str(&format!(
        r#"<title id="chart-title">{}</title><desc id="chart-desc">Each person's rating at each review and now, from 0 ({}) to 10 ({}).</desc>"#,
        escape(&scale.question),
        escape(&scale.low_anchor),
        escape(&scale.high_anchor)
    ));
    svg.push_str(&format!(
        r##"<rect width="{W}" height="{H}" fill="#ffffff"/>"##
    ));
    for v in 0..=10 {
        let yv = y(ScaleValue::from_f64(f64::from(v)).expect("0 to 10"));
        svg.push_str(&format!(
            r##"<line x1="{LEFT}" y1="{yv:.1}" x2="{:.1}" y2="{yv:.1}" stroke="{}" stroke-width="1"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="#0b0c0c">{v}</text>"##,
            W - RIGHT,
            if v == 0 || v == 10 { "#505a5f" } else { "#dddddd" },
            LEFT - 8.0,
            yv + 4.0
        ));
    }
    // Each column's date above its meeting's name, so neighbouring labels do not run together.
    for (i, (label, _)) in columns.iter().enumerate() {
        for (row, part) in label.split('\n').enumerate() {
            svg.push_str(&format!(
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#0b0c0c">{}</text>"##,
                x(i),
                H - BOTTOM + 22.0 + 17.0 * row as f64,
                escape(part)
            ));
        }
    }
    let mut end_labels: Vec<(f64, f64, &str, String)> = Vec::new();
    for (ri, (id, label)) in raters.iter().enumerate() {
        let colour = COLOURS[ri % COLOURS.len()];
        let dash = DASHES[ri % DASHES.len()];
        let points: Vec<(f64, f64)> = columns
            .iter()
            .enumerate()
            .filter_map(|(ci, (_, ms))| {
                ms.iter()
                    .find(|(mid, _, _)| mid == id)
                    .and_then(|(_, _, v)| v.map(|v| (x(ci), y(v))))
            })
            .collect();
        if points.is_empty() {
            continue;
        }
        let path: Vec<String> = points
            .iter()
            .map(|(a, b)| format!("{a:.1},{b:.1}"))
            .collect();
        svg.push_str(&format!(
            r#"<g class="rater"><polyline points="{}" fill="none" stroke="{colour}" stroke-width="3"{}/>"#,
            path.join(" "),
            if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) }
        ));
        for (px, py) in &points {
            svg.push_str(&shape(ri, *px, *py, colour));
        }
        svg.push_str("</g>");
        let (lx, ly) = points[points.len() - 1];
        end_labels.push((ly, lx, colour, label.clone()));
    }
    // Name labels at the line ends, pushed apart so none overlap.
    end_labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    // A long label ("Name (role)") takes two lines, so it fits beside the chart.
    let mut last_y = f64::NEG_INFINITY;
    for (ly, lx, colour, label) in end_labels {
        let parts: Vec<&str> = match label.split_once(" (") {
            Some((name, _)) if label.chars().count() > 26 => vec![name, &label[name.len() + 1..]],
            _ => vec![label.as_str()],
        };
        let y_text = (ly + 4.0).max(last_y + 16.0);
        last_y = y_text + 15.0 * (parts.len() - 1) as f64;
        for (row, part) in parts.iter().enumerate() {
            svg.push_str(&format!(
                r#"<text x="{:.1}" y="{:.1}" fill="{colour}" font-weight="bold">{}</text>"#,
                lx + 14.0,
                y_text + 15.0 * row as f64,
                escape(&crate::model::planning::shorten(part, 30))
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scales::{Marker, Rater, ScaleKind, Step};
    use chrono::NaiveDate;

    fn scale() -> Scale {
        let mk = |id: &str, name: &str, v: f64| Marker {
            id: id.into(),
            rater: Rater {
                person: None,
                name: name.into(),
                role: String::new(),
            },
            value: ScaleValue::from_f64(v),
            reason: String::new(),
        };
        let mut s = Scale {
            id: "s-1".into(),
            kind: ScaleKind::Custom,
            question: "Safe <enough>?".into(),
            low_anchor: "Too unsafe".into(),
            high_anchor: "Safe & closed".into(),
            step: Step::Whole,
            markers: vec![
                mk("m-1", "Sam", 3.0),
                mk("m-2", "<script>alert(1)</script>", 6.0),
            ],
            history: vec![],
        };
        s.take_snapshot(
            NaiveDate::from_ymd_opt(2026, 11, 16).unwrap(),
            "First review",
        );
        s.markers[0].value = ScaleValue::from_f64(5.0);
        s
    }

    #[test]
    fn text_is_escaped_so_markup_shows_as_text() {
        let svg = history_svg(&scale());
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("Safe &lt;enough&gt;?"));
        assert!(svg.contains("Safe &amp; closed"));
        assert_eq!(escape("a\u{0}b'\""), "ab&#39;&quot;");
    }

    #[test]
    fn one_line_per_rater_through_each_review_and_now() {
        let svg = history_svg(&scale());
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert!(svg.contains(">16 Nov 2026<") && svg.contains(">First review<"));
        assert!(svg.contains(">Now<"));
        // Sam went from 3 to 5: two points, the second higher (smaller y).
        let sam = svg.split("<g class=\"rater\">").nth(1).unwrap();
        let pts: Vec<f64> = sam
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .split(' ')
            .map(|p| p.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        assert_eq!(pts.len(), 2);
        assert!(pts[1] < pts[0]);
        // shapes differ between raters, not only colour
        assert!(svg.contains("<circle") && svg.contains("<rect x="));
        assert!(svg.contains("stroke-dasharray"));
    }

    #[test]
    fn unplaced_markers_draw_no_line() {
        let mut s = scale();
        s.history.clear();
        for m in &mut s.markers {
            m.value = None;
        }
        assert_eq!(history_svg(&s).matches("<polyline").count(), 0);
    }
}
