//! Where the network map's words and lines go: each connection from the centre to an entry,
//! bent round any other symbol in its way, and each entry's words put in the first place
//! round its symbol (away from the centre first) that covers no other words, no symbol and no
//! line. Pure geometry, so "nothing overlaps" is tested natively on a real family.

use crate::diagram::geometry::route_clear_of;

/// Radius of an entry's symbol.
pub const SYMBOL: f64 = 22.0;
/// Type sizes (in drawing units) of an entry's name and its other lines: large enough to be
/// read at "fit to screen" on a tablet.
pub const NAME_FONT: f64 = 24.0;
pub const LINE_FONT: f64 = 18.0;

/// A box: left, top, width, height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
    fn near_point(&self, (px, py): (f64, f64), r: f64) -> bool {
        let cx = px.clamp(self.x, self.x + self.w);
        let cy = py.clamp(self.y, self.y + self.h);
        (cx - px).powi(2) + (cy - py).powi(2) < r * r
    }
    /// Whether the segment a-b passes through the box's inside (Liang-Barsky clipping).
    fn crosses(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
        for (p, q) in [
            (-dx, a.0 - self.x),
            (dx, self.x + self.w - a.0),
            (-dy, a.1 - self.y),
            (dy, self.y + self.h - a.1),
        ] {
            if p.abs() < 1e-12 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 >= t1 {
                    return false;
                }
            }
        }
        true
    }
    fn around(points: &[(f64, f64)]) -> Rect {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in points {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        Rect {
            x: x0,
            y: y0,
            w: x1 - x0,
            h: y1 - y0,
        }
    }
}

/// Whether a route passes through `r`, its own box checked first.
fn route_crosses(r: &Rect, route: &[(f64, f64)], bounds: &Rect) -> bool {
    let grown = Rect {
        x: bounds.x - 1.0,
        y: bounds.y - 1.0,
        w: bounds.w + 2.0,
        h: bounds.h + 2.0,
    };
    grown.overlaps(r) && route.windows(2).any(|s| r.crosses(s[0], s[1]))
}

/// An entry to lay out: its symbol's centre and its lines of words (the first is the name).
#[derive(Clone, Debug)]
pub struct Item {
    pub at: (f64, f64),
    pub lines: Vec<String>,
}

/// Where one entry's words and line go.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The words' box; each line is drawn centred in it.
    pub label: Rect,
    /// The connection from the centre's edge to the symbol's edge, as points.
    pub route: Vec<(f64, f64)>,
}

/// Width of a line of words in `font` (a generous average for the system sans-serif).
pub fn text_width(words: &str, font: f64) -> f64 {
    words.chars().count() as f64 * font * 0.58 + 6.0
}

/// Width of a line of bold words (names, the circles' names): bold is wider.
pub fn bold_width(words: &str, font: f64) -> f64 {
    words.chars().count() as f64 * font * 0.66 + 6.0
}

fn label_size(lines: &[String]) -> (f64, f64) {
    let w = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                bold_width(l, NAME_FONT)
            } else {
                text_width(l, LINE_FONT)
            }
        })
        .fold(0.0, f64::max);
    let h = NAME_FONT * 1.25 + (lines.len().saturating_sub(1)) as f64 * LINE_FONT * 1.25;
    (w, h)
}

/// The baseline of line `i` of a label whose box is `r`.
pub fn baseline(r: &Rect, i: usize) -> f64 {
    if i == 0 {
        r.y + NAME_FONT
    } else {
        r.y + NAME_FONT * 1.25 + (i - 1) as f64 * LINE_FONT * 1.25 + LINE_FONT
    }
}

/// Lays out `items` round a centre circle of radius `centre`, keeping words inside the outer
/// circle (radius `outer`) where there is a clear spot there, so the map fits the screen larger,
/// and off the `reserved` boxes (the circles' names).
pub fn lay_out(items: &[Item], centre: f64, outer: f64, reserved: &[Rect]) -> Vec<Placed> {
    let symbols: Vec<(f64, f64)> = items.iter().map(|i| i.at).collect();
    let routes: Vec<Vec<(f64, f64)>> = items
        .iter()
        .enumerate()
        .map(|(k, it)| {
            let (x, y) = it.at;
            let len = (x * x + y * y).sqrt().max(1.0);
            let (ux, uy) = (x / len, y / len);
            let from = (ux * (centre + 4.0), uy * (centre + 4.0));
            let others: Vec<(f64, f64)> = symbols
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, &p)| p)
                .collect();
            let mut pts = route_clear_of(from, (x, y), &others, SYMBOL + 8.0);
            // End just outside the symbol, towards where the line comes from.
            let n = pts.len();
            if n >= 2 {
                let (px, py) = pts[n - 2];
                let (dx, dy) = (px - x, py - y);
                let d = (dx * dx + dy * dy).sqrt().max(1.0);
                pts[n - 1] = (x + dx / d * (SYMBOL + 8.0), y + dy / d * (SYMBOL + 8.0));
            }
            pts
        })
        .collect();
    let bounds: Vec<Rect> = routes.iter().map(|r| Rect::around(r)).collect();
    let mut taken: Vec<Rect> = reserved.to_vec();
    let mut out = Vec::with_capacity(items.len());
    for (k, it) in items.iter().enumerate() {
        let (w, h) = label_size(&it.lines);
        let (x, y) = it.at;
        let len = (x * x + y * y).sqrt().max(1.0);
        let (ux, uy) = (x / len, y / len);
        let gap = SYMBOL + 6.0;
        // Candidates: away from the centre first, then below, above, to each side, and the
        // same again further out.
        let mut candidates: Vec<(f64, f64)> = Vec::new();
        for far in [0.0, 0.6, 1.2, 2.0, 3.0] {
            let push = far * (h + 6.0);
            // Centre of the box along the outward direction, far enough that it clears the symbol.
            let along = gap + push + (ux.abs() * w / 2.0).max(uy.abs() * h / 2.0);
            candidates.push((x + ux * along, y + uy * along));
            candidates.push((x, y + gap + push + h / 2.0));
            candidates.push((x, y - gap - push - h / 2.0));
            candidates.push((x + gap + push + w / 2.0, y));
            candidates.push((x - gap - push - w / 2.0, y));
            // The four corners.
            for (sx, sy) in [(1.0, 1.0), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0)] {
                candidates.push((
                    x + sx * (gap * 0.7 + push + w / 2.0),
                    y + sy * (gap * 0.7 + push + h / 2.0),
                ));
            }
        }
        let score = |r: &Rect| -> usize {
            let words = taken.iter().filter(|t| t.overlaps(r)).count();
            let symbols_hit = symbols
                .iter()
                .filter(|&&p| r.near_point(p, SYMBOL + 2.0))
                .count();
            let lines = routes
                .iter()
                .zip(&bounds)
                .filter(|(route, b)| route_crosses(r, route, b))
                .count();
            let centre_hit = usize::from(r.near_point((0.0, 0.0), centre + 2.0));
            words + symbols_hit + lines + centre_hit
        };
        // Whether the words reach beyond the outer circle.
        let beyond = |r: &Rect| {
            [
                (r.x, r.y),
                (r.x + r.w, r.y),
                (r.x, r.y + r.h),
                (r.x + r.w, r.y + r.h),
            ]
            .iter()
            .any(|(px, py)| (px * px + py * py).sqrt() > outer)
        };
        let mut best: Option<((usize, bool), Rect)> = None;
        for (cx, cy) in candidates {
            let r = Rect {
                x: cx - w / 2.0,
                y: cy - h / 2.0,
                w,
                h,
            };
            let s = (score(&r), beyond(&r));
            if best.as_ref().is_none_or(|(b, _)| s < *b) {
                best = Some((s, r));
            }
            if s == (0, false) {
                break;
            }
        }
        let label = best.map(|(_, r)| r).expect("there are candidates");
        taken.push(label);
        out.push(Placed {
            label,
            route: routes[k].clone(),
        });
    }
    out
}

/// Pairs of things that overlap in a layout, in words: labels over labels, symbols or lines.
/// Empty when the map is clear (used by the tests and the benchmark's check of a real family).
pub fn overlaps(items: &[Item], placed: &[Placed], centre: f64) -> Vec<String> {
    let mut out = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        let name = &items[i].lines[0];
        for (j, q) in placed.iter().enumerate().skip(i + 1) {
            if p.label.overlaps(&q.label) {
                out.push(format!("{name}'s words over {}'s", items[j].lines[0]));
            }
        }
        for (j, it) in items.iter().enumerate() {
            if p.label.near_point(it.at, SYMBOL) {
                out.push(format!("{name}'s words over {}'s symbol", it.lines[0]));
            }
            if route_crosses(&p.label, &placed[j].route, &Rect::around(&placed[j].route)) {
                out.push(format!("{name}'s words over {}'s line", it.lines[0]));
            }
            if j != i {
                let through = placed[i]
                    .route
                    .windows(2)
                    .any(|s| crate::diagram::geometry::to_segment(it.at, s[0], s[1]) < SYMBOL);
                if through {
                    out.push(format!("{name}'s line through {}", it.lines[0]));
                }
            }
        }
        if p.label.near_point((0.0, 0.0), centre) {
            out.push(format!("{name}'s words over the centre"));
        }
    }
    out
}
