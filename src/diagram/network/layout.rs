//! Where the network map's words and lines go: each connection from the centre to an entry,
//! bent round any other symbol in its way, and each entry's words put in the first place
//! round its symbol (away from the centre first) that covers no other words, no symbol and no
//! line. Pure geometry, so "nothing overlaps" is tested natively on a real family.

use super::grid::Grid;
pub use super::rect::Rect;
use crate::diagram::geometry::route_clear_of;

/// Radius of an entry's symbol.
pub const SYMBOL: f64 = 22.0;
/// Type sizes (in drawing units) of an entry's name and its other lines: large enough to be
/// read at "fit to screen" on a tablet.
pub const NAME_FONT: f64 = 24.0;
pub const LINE_FONT: f64 = 18.0;

/// How far from a straight connection a symbol is looked for when routing it: past the
/// clearance kept (30) and the most a curve round a symbol strays from the straight line (52),
/// with room to spare for choosing the side with more room.
const ROUTE_REACH: f64 = 200.0;

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

/// One straight piece of an entry's line: the line's number and its two ends.
type Piece = (usize, (f64, f64), (f64, f64));

/// An entry to lay out: its symbol's centre and its lines of words (the first is the name).
#[derive(Clone, Debug, PartialEq)]
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

/// The places tried for an entry's words, in order: away from the centre first, then below,
/// above, to each side and at the corners, and the same again further out.
pub(super) fn word_boxes(it: &Item) -> Vec<Rect> {
    let (w, h) = label_size(&it.lines);
    let (x, y) = it.at;
    let len = (x * x + y * y).sqrt().max(1.0);
    let (ux, uy) = (x / len, y / len);
    let gap = SYMBOL + 6.0;
    let mut centres: Vec<(f64, f64)> = Vec::with_capacity(45);
    for far in [0.0, 0.6, 1.2, 2.0, 3.0] {
        let push = far * (h + 6.0);
        // Centre of the box along the outward direction, far enough that it clears the symbol.
        let along = gap + push + (ux.abs() * w / 2.0).max(uy.abs() * h / 2.0);
        centres.push((x + ux * along, y + uy * along));
        centres.push((x, y + gap + push + h / 2.0));
        centres.push((x, y - gap - push - h / 2.0));
        centres.push((x + gap + push + w / 2.0, y));
        centres.push((x - gap - push - w / 2.0, y));
        for (sx, sy) in [(1.0, 1.0), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0)] {
            centres.push((
                x + sx * (gap * 0.7 + push + w / 2.0),
                y + sy * (gap * 0.7 + push + h / 2.0),
            ));
        }
    }
    centres
        .into_iter()
        .map(|(cx, cy)| Rect {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        })
        .collect()
}

/// Lays out `items` round a centre circle of radius `centre`, keeping words inside the outer
/// circle (radius `outer`) where there is a clear spot there, so the map fits the screen larger,
/// and off the `reserved` boxes (the circles' names).
pub fn lay_out(items: &[Item], centre: f64, outer: f64, reserved: &[Rect]) -> Vec<Placed> {
    if items.is_empty() {
        return Vec::new();
    }
    let symbols: Vec<(f64, f64)> = items.iter().map(|i| i.at).collect();
    // Everything is filed in grids, so each question "what is near here?" looks at a few cells.
    let area = Rect::around(&symbols).grown(outer.max(400.0));
    let mut near_symbols = Grid::over(area, items.len());
    for (k, &p) in symbols.iter().enumerate() {
        near_symbols.insert(k, &Rect::around(&[p]).grown(SYMBOL + 3.0));
    }
    let routes: Vec<Vec<(f64, f64)>> = items
        .iter()
        .enumerate()
        .map(|(k, it)| {
            let (x, y) = it.at;
            let len = (x * x + y * y).sqrt().max(1.0);
            let (ux, uy) = (x / len, y / len);
            let from = (ux * (centre + 4.0), uy * (centre + 4.0));
            // Only symbols near the straight line can be in its way or in the way of the
            // curves round them (which stray at most about 50 units from it).
            let mut others: Vec<(f64, f64)> = Vec::new();
            near_symbols.near(&Rect::around(&[from, (x, y)]).grown(ROUTE_REACH), |j| {
                if j != k {
                    others.push(symbols[j]);
                }
            });
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
    // Each piece of each line, filed by where it runs (the lines all meet near the centre, so a
    // whole line's box would be found almost everywhere).
    let pieces: Vec<Piece> = routes
        .iter()
        .enumerate()
        .flat_map(|(k, route)| route.windows(2).map(move |s| (k, s[0], s[1])))
        .collect();
    let piece_boxes: Vec<Rect> = pieces
        .iter()
        .map(|&(_, a, b)| Rect::around(&[a, b]))
        .collect();
    let mut near_pieces = Grid::over(area, pieces.len());
    for (j, r) in piece_boxes.iter().enumerate() {
        near_pieces.insert(j, r);
    }
    // The query in which each line was last counted, so a line is counted once per box.
    let mut counted = vec![usize::MAX; routes.len()];
    let mut taken: Vec<Rect> = reserved.to_vec();
    let mut near_words = Grid::over(area, reserved.len() + items.len());
    for (k, r) in taken.iter().enumerate() {
        near_words.insert(k, r);
    }
    let mut out = Vec::with_capacity(items.len());
    for (k, it) in items.iter().enumerate() {
        // How many words, symbols and lines the box `r` (candidate number `c`) covers, and the
        // centre, counted only as far as `enough` (a box that covers more cannot be chosen).
        let mut score = |c: usize, r: &Rect, enough: usize| -> usize {
            let mut hits = usize::from(r.near_point((0.0, 0.0), centre + 2.0));
            near_words.near_while(r, |j| {
                hits += usize::from(taken[j].overlaps(r));
                hits <= enough
            });
            near_symbols.near_while(r, |j| {
                hits += usize::from(r.near_point(symbols[j], SYMBOL + 2.0));
                hits <= enough
            });
            let query = k * 64 + c;
            near_pieces.near_while(r, |j| {
                let (line, a, b) = pieces[j];
                if counted[line] != query && piece_boxes[j].overlaps(r) && r.crosses(a, b) {
                    counted[line] = query;
                    hits += 1;
                }
                hits <= enough
            });
            hits
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
        for (c, r) in word_boxes(it).into_iter().enumerate() {
            let enough = best.as_ref().map_or(usize::MAX, |((b, _), _)| *b);
            if enough == 0 && beyond(&r) {
                continue;
            }
            let s = (score(c, &r, enough), beyond(&r));
            if best.as_ref().is_none_or(|(b, _)| s < *b) {
                best = Some((s, r));
            }
            if s == (0, false) {
                break;
            }
        }
        let label = best.map(|(_, r)| r).expect("there are candidates");
        near_words.insert(taken.len(), &label);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of a crowded map of 300 entries go where counting everything on the map
    /// (without the grids) would put them: the first place that covers the least.
    #[test]
    fn the_grids_place_words_as_counting_everything_would() {
        let (centre, outer) = (76.0, 406.0);
        let items: Vec<Item> = (0..300)
            .map(|i| {
                let r = centre + (f64::from(i % 3) + 0.5) * 110.0;
                let t = f64::from((i * 137) % 360).to_radians();
                Item {
                    at: (r * t.sin(), -r * t.cos()),
                    lines: vec![format!("Person {i}"), "Family".to_owned()],
                }
            })
            .collect();
        let reserved = [Rect {
            x: -40.0,
            y: -200.0,
            w: 80.0,
            h: 24.0,
        }];
        let placed = lay_out(&items, centre, outer, &reserved);
        let mut taken: Vec<Rect> = reserved.to_vec();
        for (it, p) in items.iter().zip(&placed) {
            let cost = |r: &Rect| {
                let hits = taken.iter().filter(|t| t.overlaps(r)).count()
                    + items
                        .iter()
                        .filter(|o| r.near_point(o.at, SYMBOL + 2.0))
                        .count()
                    + placed
                        .iter()
                        .filter(|q| route_crosses(r, &q.route, &Rect::around(&q.route)))
                        .count()
                    + usize::from(r.near_point((0.0, 0.0), centre + 2.0));
                let beyond = [
                    (r.x, r.y),
                    (r.x + r.w, r.y),
                    (r.x, r.y + r.h),
                    (r.x + r.w, r.y + r.h),
                ]
                .iter()
                .any(|(x, y)| (x * x + y * y).sqrt() > outer);
                (hits, beyond)
            };
            let boxes = word_boxes(it);
            let least = boxes.iter().map(cost).min().unwrap();
            let first = boxes.iter().find(|r| cost(r) == least).unwrap();
            assert_eq!(&p.label, first, "{}", it.lines[0]);
            taken.push(p.label);
        }
    }
}
