//! Plane geometry the drawings share: hulls, point in polygon, distance to a segment, a line
//! routed clear of points, and points sampled along a line. Pure, with no idea of people.

/// The convex hull of points, anticlockwise (Andrew's monotone chain).
pub fn hull(mut pts: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    pts.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    pts.dedup();
    if pts.len() < 3 {
        return pts;
    }
    let cross = |o: (f64, f64), a: (f64, f64), b: (f64, f64)| {
        (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
    };
    let mut out: Vec<(f64, f64)> = Vec::new();
    for pass in 0..2 {
        let start = out.len();
        let iter: Box<dyn Iterator<Item = &(f64, f64)>> = if pass == 0 {
            Box::new(pts.iter())
        } else {
            Box::new(pts.iter().rev())
        };
        for &p in iter {
            while out.len() >= start + 2 && cross(out[out.len() - 2], out[out.len() - 1], p) <= 0.0
            {
                out.pop();
            }
            out.push(p);
        }
        out.pop();
    }
    out
}

/// Whether a point is inside a polygon (even-odd rule).
pub fn inside(poly: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut c = false;
    for i in 0..poly.len() {
        let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
        if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
            c = !c;
        }
    }
    c
}

/// Distance from a point to a segment.
pub fn to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = (dx * dx + dy * dy).max(1e-9);
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0);
    let (x, y) = (a.0 + t * dx, a.1 + t * dy);
    ((p.0 - x).powi(2) + (p.1 - y).powi(2)).sqrt()
}

/// Distance from a point to a line of several segments.
pub fn to_line(p: (f64, f64), pts: &[(f64, f64)]) -> f64 {
    pts.windows(2)
        .map(|w| to_segment(p, w[0], w[1]))
        .fold(f64::MAX, f64::min)
}

/// A line from `a` to `b` that keeps `clear` from every point in `others`: straight when it
/// can, else a curve round them (the network map's connections use it too).
pub fn route_clear_of(
    a: (f64, f64),
    b: (f64, f64),
    others: &[(f64, f64)],
    clear: f64,
) -> Vec<(f64, f64)> {
    let clearance = |pts: &[(f64, f64)]| {
        others
            .iter()
            .map(|&o| to_line(o, pts))
            .fold(f64::MAX, f64::min)
    };
    let straight = vec![a, b];
    if clearance(&straight) > clear {
        return straight;
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (nx, ny) = (-dy / len, dx / len);
    let curve = |side: f64| -> Vec<(f64, f64)> {
        let off = side * (clear * 2.0 + 44.0);
        let c = ((a.0 + b.0) / 2.0 + nx * off, (a.1 + b.1) / 2.0 + ny * off);
        (0..=16)
            .map(|i| {
                let t = f64::from(i) / 16.0;
                let u = 1.0 - t;
                (
                    u * u * a.0 + 2.0 * u * t * c.0 + t * t * b.0,
                    u * u * a.1 + 2.0 * u * t * c.1 + t * t * b.1,
                )
            })
            .collect()
    };
    let (left, right) = (curve(1.0), curve(-1.0));
    // Prefer the side with more room; on a tie, the side further from everyone nearby.
    let room =
        |pts: &[(f64, f64)]| -> f64 { others.iter().map(|&o| to_line(o, pts).min(300.0)).sum() };
    let (cl, cr) = (clearance(&left), clearance(&right));
    let left_wins = if (cl - cr).abs() > 1.0 {
        cl > cr
    } else {
        room(&left) >= room(&right)
    };
    if left_wins {
        left
    } else {
        right
    }
}

/// A point along a line and the unit normal there.
pub type Sample = ((f64, f64), (f64, f64));

/// Points every `step` units along a polyline, each with the unit normal there.
pub fn resample(pts: &[(f64, f64)], step: f64) -> Vec<Sample> {
    let mut out = Vec::new();
    let mut carry = 0.0;
    for w in pts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let len = (dx * dx + dy * dy).sqrt();
        if len < 1e-6 {
            continue;
        }
        let n = (-dy / len, dx / len);
        let mut t = carry;
        while t < len {
            out.push(((a.0 + dx * t / len, a.1 + dy * t / len), n));
            t += step;
        }
        carry = t - len;
    }
    if let (Some(&last), Some(&(_, n))) = (pts.last(), out.last()) {
        out.push((last, n));
    }
    out
}
