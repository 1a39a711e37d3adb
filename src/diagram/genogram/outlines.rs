//! The genogram's geometry: the outlines of households (round their members, clear of
//! everyone else) and the routes of emotional lines round the people in their way. The drawing
//! ([`super::render`]) uses them; so do the tests of what they leave clear.

use crate::diagram::geometry::{hull, inside, route_clear_of, to_segment};

/// Half the width of a person's symbol.
pub const R: f64 = 20.0;

/// The outline round one symbol and its name, padded by `pad`.
fn padded(centres: &[(f64, f64)], pad: f64) -> Vec<(f64, f64)> {
    let mut pts = Vec::new();
    for &(x, y) in centres {
        for k in 0..12 {
            let t = f64::from(k) * std::f64::consts::PI / 6.0;
            let (dx, dy) = ((R + pad) * t.cos(), (R + pad) * t.sin());
            pts.push((x + dx * 1.5, y + if dy > 0.0 { dy + 30.0 } else { dy }));
        }
    }
    hull(pts)
}

/// The outlines of one household: one round all its members when that leaves everyone else
/// out (and clear of their symbols); otherwise members are joined greedily, nearest first,
/// into as few outlines as keep everyone else out.
pub fn household_outlines(
    members: &[(f64, f64)],
    others: &[(f64, f64)],
    pad: f64,
) -> Vec<Vec<(f64, f64)>> {
    let clear = |outline: &[(f64, f64)]| {
        others.iter().all(|&o| {
            !inside(outline, o)
                && (0..outline.len())
                    .all(|i| to_segment(o, outline[i], outline[(i + 1) % outline.len()]) > R)
        })
    };
    let gap = |a: &[(f64, f64)], b: &[(f64, f64)]| {
        a.iter()
            .flat_map(|p| b.iter().map(move |q| (p.0 - q.0).hypot(p.1 - q.1)))
            .fold(f64::MAX, f64::min)
    };
    let whole = padded(members, pad);
    if clear(&whole) {
        return vec![whole];
    }
    let mut groups: Vec<Vec<(f64, f64)>> = members.iter().map(|&m| vec![m]).collect();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in 0..groups.len() {
            for j in i + 1..groups.len() {
                let d = gap(&groups[i], &groups[j]);
                if best.is_some_and(|b| b.0 <= d) {
                    continue;
                }
                let joined = [groups[i].as_slice(), groups[j].as_slice()].concat();
                if clear(&padded(&joined, pad)) {
                    best = Some((d, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        let g = groups.remove(j);
        groups[i].extend(g);
    }
    groups.iter().map(|g| padded(g, pad)).collect()
}

/// The route of an emotional line from `a` to `b`: straight when nobody is in the way,
/// otherwise a curve round them (to the side that keeps furthest from everyone).
pub fn route(a: (f64, f64), b: (f64, f64), others: &[(f64, f64)]) -> Vec<(f64, f64)> {
    route_clear_of(a, b, others, R + 8.0)
}
