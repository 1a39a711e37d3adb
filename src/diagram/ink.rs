//! Freehand ink: turning the points a finger or pen gave into a smooth stroke that stores
//! small ([`finish`]: smoothed, simplified, rounded to whole units), drawing a stroke as SVG
//! (curves through the points' midpoints; a pen's pressure as a filled outline that swells and
//! thins), and finding what an eraser touches. Pure: the editor feeds it pointer positions.

use crate::model::drawing::{
    on_surface, Ink, Point, Stroke, HEIGHT, MAX_POINTS, PRESSURE_LEVELS, WIDTH,
};
use std::fmt::Write;

/// A point as the pointer gave it, in drawing units; `pressure` 0 to 1, or `None` when the
/// device does not measure it (a mouse, most fingers).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RawPoint {
    pub x: f64,
    pub y: f64,
    pub pressure: Option<f64>,
}

/// How far (in drawing units) a simplified stroke may stray from the smoothed one.
pub const TOLERANCE: f64 = 0.9;

/// Drawing units for each step of a stroke's width.
pub const UNITS_PER_WIDTH: f64 = 4.0;

/// The stroke to keep for the points drawn, or `None` when there are none.
pub fn finish(raw: &[RawPoint], ink: Ink, width: u8) -> Option<Stroke> {
    let clamped: Vec<RawPoint> = raw
        .iter()
        .filter(|p| p.x.is_finite() && p.y.is_finite())
        .map(|p| RawPoint {
            x: p.x.clamp(0.0, f64::from(WIDTH)),
            y: p.y.clamp(0.0, f64::from(HEIGHT)),
            pressure: p.pressure.filter(|v| v.is_finite()),
        })
        .collect();
    if clamped.is_empty() {
        return None;
    }
    let pen = clamped.iter().any(|p| p.pressure.is_some_and(|v| v > 0.0));
    let smoothed = smooth(&clamped);
    let mut kept = simplify(&smoothed, TOLERANCE);
    if kept.len() > MAX_POINTS {
        let step = kept.len().div_ceil(MAX_POINTS);
        kept = kept.into_iter().step_by(step).collect();
    }
    let mut points: Vec<Point> = Vec::with_capacity(kept.len());
    for p in kept {
        let q = Point {
            x: p.x.round() as i32,
            y: p.y.round() as i32,
            pressure: if pen {
                level(p.pressure.unwrap_or(0.5))
            } else {
                0
            },
        };
        if points.last().is_none_or(|l| (l.x, l.y) != (q.x, q.y)) {
            points.push(q);
        }
    }
    Some(Stroke {
        ink,
        width: width.clamp(1, 9),
        points,
    })
}

fn level(pressure: f64) -> u8 {
    let levels = f64::from(PRESSURE_LEVELS);
    (pressure.clamp(0.0, 1.0) * (levels - 1.0)).round() as u8 + 1
}

/// A weighted moving average (1, 2, 1) applied twice, ends kept where they were: takes out
/// the jitter of a finger without rounding off the shape.
pub fn smooth(points: &[RawPoint]) -> Vec<RawPoint> {
    let mut out = points.to_vec();
    for _ in 0..2 {
        if out.len() < 3 {
            return out;
        }
        let prev = out.clone();
        for i in 1..prev.len() - 1 {
            let (a, b, c) = (prev[i - 1], prev[i], prev[i + 1]);
            out[i].x = (a.x + 2.0 * b.x + c.x) / 4.0;
            out[i].y = (a.y + 2.0 * b.y + c.y) / 4.0;
        }
    }
    out
}

/// Ramer–Douglas–Peucker: the fewest points that stay within `tolerance` of the line.
pub fn simplify(points: &[RawPoint], tolerance: f64) -> Vec<RawPoint> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let mut far = (0.0, first);
        for i in first + 1..last {
            let d = distance_to_segment(
                (points[i].x, points[i].y),
                (points[first].x, points[first].y),
                (points[last].x, points[last].y),
            );
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            stack.push((first, far.1));
            stack.push((far.1, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt()
}

/// The stroke's line width in drawing units.
pub fn line_width(s: &Stroke) -> f64 {
    f64::from(s.width) * UNITS_PER_WIDTH
}

fn num(out: &mut String, v: f64) {
    let r = (v * 10.0).round() / 10.0;
    let _ = write!(out, "{r}");
}

/// A smooth path through points: quadratic curves from midpoint to midpoint.
fn curve_through(out: &mut String, pts: &[(f64, f64)], start: bool) {
    let Some(first) = pts.first() else { return };
    out.push(if start { 'M' } else { 'L' });
    num(out, first.0);
    out.push(' ');
    num(out, first.1);
    if pts.len() == 1 {
        out.push_str("l0 0");
        return;
    }
    for w in pts.windows(2).skip(1) {
        let (c, n) = (w[0], w[1]);
        out.push('Q');
        num(out, c.0);
        out.push(' ');
        num(out, c.1);
        out.push(' ');
        num(out, (c.0 + n.0) / 2.0);
        out.push(' ');
        num(out, (c.1 + n.1) / 2.0);
    }
    let last = pts[pts.len() - 1];
    out.push('L');
    num(out, last.0);
    out.push(' ');
    num(out, last.1);
}

/// The stroke as one SVG element.
pub fn stroke_svg(s: &Stroke) -> String {
    let mut out = String::with_capacity(s.points.len() * 16 + 80);
    if s.has_pressure() {
        out.push_str("<path class=\"ink\" d=\"");
        out.push_str(&outline(s));
        let _ = write!(out, "\" fill=\"{}\"/>", s.ink.css());
    } else {
        out.push_str("<path class=\"ink\" d=\"");
        let pts: Vec<(f64, f64)> = s
            .points
            .iter()
            .map(|p| (f64::from(p.x), f64::from(p.y)))
            .collect();
        curve_through(&mut out, &pts, true);
        let _ = write!(
            out,
            "\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>",
            s.ink.css(),
            line_width(s)
        );
    }
    out
}

/// A pen stroke's outline: each point pushed out either side by half its width at its
/// pressure, along the two sides and round the ends.
pub fn outline(s: &Stroke) -> String {
    let full = line_width(s);
    let half = |p: &Point| {
        let level = f64::from(p.pressure.max(1)) / f64::from(PRESSURE_LEVELS);
        full * (0.25 + 0.75 * level) / 2.0
    };
    let pts = &s.points;
    let mut out = String::new();
    if pts.len() == 1 {
        let (x, y, r) = (f64::from(pts[0].x), f64::from(pts[0].y), half(&pts[0]));
        let _ = write!(
            out,
            "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 {} 0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        );
        return out;
    }
    let mut left = Vec::with_capacity(pts.len());
    let mut right = Vec::with_capacity(pts.len());
    for i in 0..pts.len() {
        let a = pts[i.saturating_sub(1)];
        let b = pts[(i + 1).min(pts.len() - 1)];
        let (dx, dy) = (f64::from(b.x - a.x), f64::from(b.y - a.y));
        let len = (dx * dx + dy * dy).sqrt().max(1e-6);
        let (nx, ny) = (-dy / len, dx / len);
        let r = half(&pts[i]);
        let (x, y) = (f64::from(pts[i].x), f64::from(pts[i].y));
        left.push((x + nx * r, y + ny * r));
        right.push((x - nx * r, y - ny * r));
    }
    right.reverse();
    curve_through(&mut out, &left, true);
    let end = half(&pts[pts.len() - 1]);
    let _ = write!(out, "A{end} {end} 0 0 0 ");
    num(&mut out, right[0].0);
    out.push(' ');
    num(&mut out, right[0].1);
    curve_through(&mut out, &right, false);
    let start = half(&pts[0]);
    let _ = write!(out, "A{start} {start} 0 0 0 ");
    num(&mut out, left[0].0);
    out.push(' ');
    num(&mut out, left[0].1);
    out.push('Z');
    out
}

/// Whether an eraser of radius `r` at (`x`, `y`) touches the stroke.
pub fn touches(s: &Stroke, x: f64, y: f64, r: f64) -> bool {
    let reach = r + line_width(s) / 2.0;
    let pts = &s.points;
    let at = |p: &Point| (f64::from(p.x), f64::from(p.y));
    if pts.len() == 1 {
        return distance_to_segment((x, y), at(&pts[0]), at(&pts[0])) <= reach;
    }
    pts.windows(2)
        .any(|w| distance_to_segment((x, y), at(&w[0]), at(&w[1])) <= reach)
}

/// A position on the surface, rounded and kept inside it.
pub fn on_board(x: f64, y: f64) -> (i32, i32) {
    let x = x.round().clamp(0.0, f64::from(WIDTH)) as i32;
    let y = y.round().clamp(0.0, f64::from(HEIGHT)) as i32;
    debug_assert!(on_surface(x, y));
    (x, y)
}

/// Lines like a child's, for tests, the demonstration and the benchmark.
pub mod sample {
    use super::RawPoint;

    /// A wobbly line as a finger draws it: 60 points a second along a curve, with jitter.
    pub fn scribble(seed: u64, n: usize) -> Vec<RawPoint> {
        let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let mut rnd = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as f64) / f64::from(u32::MAX)
        };
        let (mut x, mut y) = (100.0 + rnd() * 800.0, 100.0 + rnd() * 500.0);
        let mut heading = rnd() * std::f64::consts::TAU;
        let turn = (rnd() - 0.5) * 0.2;
        (0..n)
            .map(|_| {
                heading += turn + (rnd() - 0.5) * 0.1;
                x += heading.cos() * 6.0 + (rnd() - 0.5) * 1.5;
                y += heading.sin() * 6.0 + (rnd() - 0.5) * 1.5;
                RawPoint {
                    x,
                    y,
                    pressure: None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::sample::scribble;
    use super::*;

    fn raw(points: &[(f64, f64)]) -> Vec<RawPoint> {
        points
            .iter()
            .map(|&(x, y)| RawPoint {
                x,
                y,
                pressure: None,
            })
            .collect()
    }

    #[test]
    fn a_straight_line_keeps_only_its_ends() {
        let line = raw(&(0..50)
            .map(|i| (10.0 + f64::from(i) * 4.0, 300.0))
            .collect::<Vec<_>>());
        let s = finish(&line, Ink::Black, 3).unwrap();
        assert_eq!(s.points.len(), 2);
        assert_eq!((s.points[0].x, s.points[1].x), (10, 206));
    }

    #[test]
    fn smoothing_takes_out_jitter_and_keeps_the_ends() {
        let zigzag: Vec<(f64, f64)> = (0..40)
            .map(|i| {
                (
                    f64::from(i) * 5.0,
                    300.0 + if i % 2 == 0 { 2.0 } else { -2.0 },
                )
            })
            .collect();
        let smoothed = smooth(&raw(&zigzag));
        assert_eq!(smoothed[0], raw(&zigzag)[0]);
        assert_eq!(smoothed[39], raw(&zigzag)[39]);
        let worst = smoothed[2..38]
            .iter()
            .map(|p| (p.y - 300.0).abs())
            .fold(0.0, f64::max);
        assert!(worst < 0.6, "jitter left: {worst}");
        let s = finish(&raw(&zigzag), Ink::Black, 2).unwrap();
        assert!(s.points.len() < 10, "{} points kept", s.points.len());
    }

    #[test]
    fn the_kept_stroke_stays_close_to_what_was_drawn() {
        let drawn = scribble(7, 80);
        let s = finish(&drawn, Ink::Green, 4).unwrap();
        let smoothed = smooth(&drawn);
        for p in &smoothed {
            let near = s
                .points
                .windows(2)
                .map(|w| {
                    distance_to_segment(
                        (p.x, p.y),
                        (f64::from(w[0].x), f64::from(w[0].y)),
                        (f64::from(w[1].x), f64::from(w[1].y)),
                    )
                })
                .fold(f64::MAX, f64::min);
            assert!(near <= TOLERANCE + 1.0, "{near}");
        }
        assert!(s.points.len() < drawn.len() / 2);
    }

    #[test]
    fn two_thousand_strokes_store_in_under_200_kb() {
        let drawing = crate::model::drawing::Drawing {
            strokes: (0..2000)
                .map(|i| finish(&scribble(i, 40), Ink::ALL[i as usize % 6], 3).unwrap())
                .collect(),
            ..Default::default()
        };
        let bytes = serde_json::to_string(&drawing).unwrap().len();
        assert!(bytes < 200_000, "{bytes} bytes");
        let back: crate::model::drawing::Drawing =
            serde_json::from_str(&serde_json::to_string(&drawing).unwrap()).unwrap();
        assert_eq!(back, drawing);
    }

    #[test]
    fn pen_pressure_is_kept_and_drawn_as_an_outline() {
        let mut drawn = scribble(3, 30);
        for (i, p) in drawn.iter_mut().enumerate() {
            p.pressure = Some(i as f64 / 30.0);
        }
        let s = finish(&drawn, Ink::Blue, 5).unwrap();
        assert!(s.has_pressure());
        assert!(s
            .points
            .iter()
            .all(|p| (1..=PRESSURE_LEVELS).contains(&p.pressure)));
        let first = s.points.first().unwrap().pressure;
        let last = s.points.last().unwrap().pressure;
        assert!(first < last, "lighter at the start: {first} < {last}");
        let svg = stroke_svg(&s);
        assert!(
            svg.contains("fill=\"#1d5bbf\"")
                && svg.contains('A')
                && svg.ends_with("Z\" fill=\"#1d5bbf\"/>")
        );
        let plain = finish(&scribble(3, 30), Ink::Blue, 5).unwrap();
        assert!(!plain.has_pressure());
        assert!(stroke_svg(&plain).contains("stroke-width=\"20\""));
    }

    #[test]
    fn a_tap_is_a_dot_and_points_off_the_surface_are_kept_on_it() {
        let s = finish(&raw(&[(-50.0, 900.0)]), Ink::Red, 9).unwrap();
        assert_eq!(
            s.points,
            vec![Point {
                x: 0,
                y: 700,
                pressure: 0
            }]
        );
        assert!(s.on_surface());
        assert!(stroke_svg(&s).starts_with("<path class=\"ink\" d=\"M0 700l0 0"));
        assert_eq!(finish(&[], Ink::Red, 1), None);
    }

    #[test]
    fn the_eraser_finds_the_stroke_it_touches() {
        let s = finish(&raw(&[(100.0, 100.0), (300.0, 100.0)]), Ink::Black, 2).unwrap();
        assert!(touches(&s, 200.0, 110.0, 8.0));
        assert!(!touches(&s, 200.0, 130.0, 8.0));
        assert!(touches(&s, 95.0, 100.0, 2.0));
    }
}
