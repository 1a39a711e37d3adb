//! Draws a genogram as SVG following the McGoldrick conventions: squares for males, circles
//! for females, diamonds otherwise; a double outline for the child being assessed; a cross for
//! someone who has died; partnership lines with slashes when ended; children hanging from the
//! partnership line (dashed when adopted, dotted when fostered); emotional lines by pattern.
//! The same text is shown in the editor and saved as the SVG export.

use super::outlines::{household_outlines, route};
use super::{ChildKind, EmotionalKind, Genogram, Parents, PartnershipKind};
use crate::diagram::geometry::{resample, Sample};
use crate::diagram::svg::{self, Svg, DANGER, EMOTION, FOCUS, INK, SECONDARY};
use crate::model::{Assessment, Gender, Life, Person, PersonId, PersonRole};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

pub use super::outlines::R;
/// The names' size: 16 units reads at 14 px or more when a family of fifteen fits a tablet.
pub const NAME_FONT: f64 = 16.0;
/// How far beside a lone parent their children's line comes down (clear of their name).
const ALONE: f64 = 24.0;

/// What to draw besides the document.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// The selected person, drawn with a focus ring.
    pub selected: Option<PersonId>,
    /// A person being dragged, drawn at this point instead of their stored one.
    pub dragging: Option<(PersonId, i32, i32)>,
    /// Make people focusable buttons (in the editor, not in exports).
    pub interactive: bool,
    /// Ages are worked out on this date.
    pub on: Option<NaiveDate>,
    /// Draw the symbols and lines but no words: the editor sets it when the drawing is shown so
    /// small that names would be under 5 px (they come back as soon as they could be read).
    pub symbols_only: bool,
}

const STROKE: &str = r##"fill="none" stroke="#0b0c0c" stroke-width="2""##;

fn dash(kind: ChildKind) -> &'static str {
    match kind {
        ChildKind::Birth => "",
        ChildKind::Adopted => r##"stroke-dasharray="8 5""##,
        ChildKind::Fostered => r##"stroke-dasharray="2 4""##,
        ChildKind::Step => r##"stroke-dasharray="10 4 2 4""##,
        ChildKind::SpecialGuardianship | ChildKind::Kinship => {
            r##"stroke-dasharray="6 3 2 3 2 3""##
        }
    }
}

fn partnership_dash(kind: PartnershipKind) -> &'static str {
    match kind {
        PartnershipKind::Cohabiting => r##"stroke-dasharray="8 5""##,
        PartnershipKind::Engaged => r##"stroke-dasharray="14 4 2 4""##,
        PartnershipKind::ShortTerm => r##"stroke-dasharray="2 4""##,
        _ => "",
    }
}

fn year(d: Option<NaiveDate>) -> String {
    d.map(|d| d.year().to_string()).unwrap_or_default()
}

/// The words under a partnership line: kind and years.
pub fn partnership_words(
    kind: PartnershipKind,
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> String {
    let begin = match kind {
        PartnershipKind::Married | PartnershipKind::Separated | PartnershipKind::Divorced => {
            start.map(|_| "m.")
        }
        PartnershipKind::CivilPartnership => Some("c.p."),
        PartnershipKind::Cohabiting => Some("lived together"),
        PartnershipKind::Engaged => Some("engaged"),
        PartnershipKind::ShortTerm => Some("short-term"),
    };
    let ended = match kind {
        PartnershipKind::Separated => Some("sep."),
        PartnershipKind::Divorced => Some("div."),
        _ => None,
    };
    let parts = [
        begin.map(|b| format!("{b} {}", year(start))),
        ended.map(|e| format!("{e} {}", year(end))),
    ];
    parts
        .iter()
        .flatten()
        .map(|p| p.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Where each person is drawn.
pub fn positions(g: &Genogram, view: &View) -> HashMap<PersonId, (f64, f64)> {
    g.members
        .iter()
        .map(|m| {
            let (x, y) = match &view.dragging {
                Some((p, x, y)) if p == &m.person => (*x, *y),
                _ => (m.x, m.y),
            };
            (m.person.clone(), (f64::from(x), f64::from(y)))
        })
        .collect()
}

/// Which part of the drawing to make. While someone is dragged, the editor draws what does
/// not move once and redraws only what does (their symbol and every line touching them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    All,
    Still,
    Moving,
}

impl Layer {
    /// Whether an element that does (or does not) involve the dragged person belongs here.
    fn keeps(self, involves: bool) -> bool {
        match self {
            Layer::All => true,
            Layer::Still => !involves,
            Layer::Moving => involves,
        }
    }
}

/// The genogram's drawing, without the outer `<svg>` element.
pub fn body(a: &Assessment, view: &View) -> String {
    body_layer(a, view, Layer::All)
}

/// One layer of the drawing (see [`Layer`]).
pub fn body_layer(a: &Assessment, view: &View, layer: Layer) -> String {
    let g = &a.genogram;
    let at = positions(g, view);
    let moving = view.dragging.as_ref().map(|d| &d.0);
    let involves = |p: &PersonId| moving == Some(p);
    let mut s = Svg(String::new(), view.symbols_only);
    let keep = |inv: bool| layer.keeps(moving.is_some() && inv);
    households(&mut s, a, &at, &|h: &super::Household| {
        keep(h.members.iter().any(involves))
    });
    relationships(&mut s, g, &at, &|r: &super::Relationship| {
        keep(involves(&r.a) || involves(&r.b))
    });
    partnerships_and_children(&mut s, g, &at, &|people: &[&PersonId]| {
        keep(people.iter().any(|p| involves(p)))
    });
    for m in &g.members {
        if !keep(involves(&m.person)) {
            continue;
        }
        if let (Some(p), Some(&(x, y))) = (a.person(&m.person), at.get(&m.person)) {
            person(&mut s, p, x, y, view, m.pinned);
        }
    }
    s.0
}

/// The extent of the drawing: (min x, min y, width, height), with a margin.
pub fn extent(a: &Assessment, view: &View) -> (f64, f64, f64, f64) {
    let at = positions(&a.genogram, view);
    if at.is_empty() {
        return (-200.0, -100.0, 400.0, 250.0);
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (id, &(x, y)) in &at {
        let half = a.person(id).map_or(R + 14.0, half_width) + 8.0;
        x0 = x0.min(x - half);
        y0 = y0.min(y);
        x1 = x1.max(x + half);
        y1 = y1.max(y);
    }
    // The partnership's words above, and two lines of name and the dates below.
    (x0, y0 - 52.0, x1 - x0, y1 - y0 + 52.0 + 92.0)
}

/// A standalone SVG file of the genogram with its legend, for reports.
pub fn standalone(a: &Assessment, on: Option<NaiveDate>) -> String {
    let view = View {
        on,
        ..View::default()
    };
    let (x, y, w, h) = extent(a, &view);
    let legend_w = 300.0;
    let mut body = body(a, &view);
    let (legend, legend_h) = legend();
    body.push_str(&format!(
        r##"<g transform="translate({:.0} {:.0})">{legend}</g>"##,
        x + w + 10.0,
        y + 10.0
    ));
    svg::document(
        &format!("Genogram: {}", a.title()),
        x,
        y,
        w + legend_w,
        h.max(legend_h + 20.0),
        &body,
    )
}

fn households(
    s: &mut Svg,
    a: &Assessment,
    at: &HashMap<PersonId, (f64, f64)>,
    keep: &dyn Fn(&super::Household) -> bool,
) {
    for (n, h) in a.genogram.households.iter().enumerate() {
        if !keep(h) {
            continue;
        }
        let centres: Vec<(f64, f64)> = h
            .members
            .iter()
            .filter_map(|p| at.get(p).copied())
            .collect();
        if centres.is_empty() {
            continue;
        }
        let others: Vec<(f64, f64)> = at
            .iter()
            .filter(|(p, _)| !h.members.contains(p))
            .map(|(_, &c)| c)
            .collect();
        // A boundary round each member's symbol and name, joined into one outline; in pieces
        // when one outline would take in someone who lives elsewhere.
        let pad = 30.0 + (n % 3) as f64 * 5.0;
        let name = if h.name.trim().is_empty() {
            "Household"
        } else {
            h.name.trim()
        };
        for outline in household_outlines(&centres, &others, pad) {
            let d: Vec<String> = outline
                .iter()
                .map(|(x, y)| format!("{x:.1} {y:.1}"))
                .collect();
            s.path(
                &format!("M{} Z", d.join(" L")),
                &format!(r##"fill="none" stroke="{SECONDARY}" stroke-width="2" stroke-dasharray="10 6" stroke-linejoin="round" data-household="{}""##, h.id),
            );
            let top = outline.iter().copied().fold((f64::MAX, f64::MAX), |m, p| {
                if p.1 < m.1 - 0.5 || (p.1 < m.1 + 0.5 && p.0 < m.0) {
                    p
                } else {
                    m
                }
            });
            s.text(
                top.0,
                top.1 - 6.0,
                &format!(r##"font-size="13" fill="{SECONDARY}""##),
                name,
            );
        }
    }
}

fn relationships(
    s: &mut Svg,
    g: &Genogram,
    at: &HashMap<PersonId, (f64, f64)>,
    keep: &dyn Fn(&super::Relationship) -> bool,
) {
    for r in g.relationships.iter().filter(|r| keep(r)) {
        let (Some(&a), Some(&b)) = (at.get(&r.a), at.get(&r.b)) else {
            continue;
        };
        let others: Vec<(f64, f64)> = at
            .iter()
            .filter(|(p, _)| **p != r.a && **p != r.b)
            .map(|(_, &xy)| xy)
            .collect();
        let mut pts = route(a, b, &others);
        // Start and end just outside the two symbols.
        let trim = |from: (f64, f64), towards: (f64, f64)| {
            let (dx, dy) = (towards.0 - from.0, towards.1 - from.1);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let cut = (R + 6.0).min(len / 2.0);
            (from.0 + dx / len * cut, from.1 + dy / len * cut)
        };
        let n = pts.len();
        pts[0] = trim(a, pts[1]);
        pts[n - 1] = trim(b, pts[n - 2]);
        emotional_line(s, r.kind, &pts, &r.id.to_string());
        let along = resample(&pts, 4.0);
        let ((mx, my), (nx, ny)) = along[along.len() / 2];
        s.text(
            mx + nx * 12.0,
            my + ny * 12.0 + 4.0,
            &format!(r##"font-size="11" text-anchor="middle" fill="{EMOTION}" stroke="#ffffff" stroke-width="3" paint-order="stroke""##),
            &r.kind.label().to_lowercase(),
        );
    }
}

fn polyline(pts: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in pts.iter().enumerate() {
        d.push_str(&format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { " L" }));
    }
    d
}

/// One emotional line along a route, in its pattern.
pub fn emotional_line(s: &mut Svg, kind: EmotionalKind, route: &[(f64, f64)], id: &str) {
    let along = resample(route, 5.0);
    if along.len() < 2 {
        return;
    }
    let colour = match kind {
        EmotionalKind::Violence | EmotionalKind::Abuse => DANGER,
        _ => EMOTION,
    };
    let width = if kind == EmotionalKind::Violence {
        3
    } else {
        2
    };
    let attrs = format!(
        r##"stroke="{colour}" stroke-width="{width}" fill="none" data-relationship="{id}""##
    );
    let offset = |o: f64, part: &[Sample]| -> Vec<(f64, f64)> {
        part.iter()
            .map(|((x, y), (nx, ny))| (x + nx * o, y + ny * o))
            .collect()
    };
    let zig = |amp: f64, part: &[Sample]| -> Vec<(f64, f64)> {
        let last = part.len() - 1;
        part.iter()
            .enumerate()
            .map(|(i, ((x, y), (nx, ny)))| {
                let side = if i == 0 || i == last {
                    0.0
                } else if i % 2 == 0 {
                    -amp
                } else {
                    amp
                };
                (x + nx * side, y + ny * side)
            })
            .collect()
    };
    let parallel = |s: &mut Svg, offsets: &[f64]| {
        for &o in offsets {
            s.path(&polyline(&offset(o, &along)), &attrs);
        }
    };
    match kind {
        EmotionalKind::Close => parallel(s, &[-3.0, 3.0]),
        EmotionalKind::VeryClose => parallel(s, &[-5.0, 0.0, 5.0]),
        EmotionalKind::Fused => parallel(s, &[-7.0, -2.5, 2.5, 7.0]),
        EmotionalKind::Distant => s.path(
            &polyline(&offset(0.0, &along)),
            &format!(r##"{attrs} stroke-dasharray="6 6""##),
        ),
        EmotionalKind::Conflict => s.path(&polyline(&zig(5.0, &along)), &attrs),
        EmotionalKind::Hostile => {
            s.path(&polyline(&zig(5.0, &along)), &attrs);
            parallel(s, &[-8.0, 8.0]);
        }
        EmotionalKind::Violence => s.path(&polyline(&zig(7.0, &along)), &attrs),
        EmotionalKind::Abuse => {
            let head = along.len().saturating_sub(3).max(1);
            s.path(&polyline(&zig(6.0, &along[..=head])), &attrs);
            let ((x2, y2), _) = along[along.len() - 1];
            let ((bx, by), (nx, ny)) = along[head];
            s.path(
                &format!(
                    "M{:.1} {:.1} L{x2:.1} {y2:.1} L{:.1} {:.1} Z",
                    bx + nx * 6.0,
                    by + ny * 6.0,
                    bx - nx * 6.0,
                    by - ny * 6.0
                ),
                &format!(r##"fill="{colour}" stroke="{colour}""##),
            );
        }
        EmotionalKind::CutOff => {
            let mid = along.len() / 2;
            let gap = 1.min(mid);
            s.path(&polyline(&offset(0.0, &along[..=mid - gap])), &attrs);
            s.path(&polyline(&offset(0.0, &along[mid + gap..])), &attrs);
            for k in [mid - gap, mid + gap] {
                let ((cx, cy), (nx, ny)) = along[k];
                s.line(
                    cx + nx * 9.0,
                    cy + ny * 9.0,
                    cx - nx * 9.0,
                    cy - ny * 9.0,
                    &attrs,
                );
            }
        }
    }
}

fn partnerships_and_children(
    s: &mut Svg,
    g: &Genogram,
    at: &HashMap<PersonId, (f64, f64)>,
    keep: &dyn Fn(&[&PersonId]) -> bool,
) {
    // Where each partnership's children hang from: the middle of its bar.
    let mut drop_from: HashMap<String, (f64, f64)> = HashMap::new();
    for u in &g.partnerships {
        let (Some(&(ax, ay)), Some(&(bx, by))) = (at.get(&u.a), at.get(&u.b)) else {
            continue;
        };
        // The partnership line joins the two symbols' sides at their middles, so it never
        // runs through the names written below them; children hang from its middle.
        let (dx, dy) = (bx - ax, by - ay);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / len, dy / len);
        let cut = R.min(len / 2.0);
        let (sx, sy, ex, ey) = (ax + ux * cut, ay + uy * cut, bx - ux * cut, by - uy * cut);
        let (mx, my) = ((ax + bx) / 2.0, (ay + by) / 2.0);
        drop_from.insert(u.id.to_string(), (mx, my));
        if !keep(&[&u.a, &u.b]) {
            continue;
        }
        let attrs = format!(
            r##"{STROKE} {} data-partnership="{}""##,
            partnership_dash(u.kind),
            u.id
        );
        s.path(&format!("M{sx:.1} {sy:.1} L{ex:.1} {ey:.1}"), &attrs);
        let slashes = match u.kind {
            PartnershipKind::Separated => 1,
            PartnershipKind::Divorced => 2,
            _ => 0,
        };
        // The slashes sit between the first partner and the middle, clear of the children's line.
        let (qx, qy) = ((sx + mx) / 2.0, (sy + my) / 2.0);
        for k in 0..slashes {
            let off = if slashes == 2 {
                k as f64 * 10.0 - 5.0
            } else {
                0.0
            };
            s.line(qx + off - 6.0, qy + 9.0, qx + off + 6.0, qy - 9.0, STROKE);
        }
        let words = partnership_words(u.kind, u.start, u.end);
        if !words.is_empty() {
            // Above the pair, clear of the symbols and of the lines down to them.
            s.text(
                mx,
                ay.min(by) - R - 8.0,
                r##"font-size="12" text-anchor="middle" fill="#0b0c0c" stroke="#ffffff" stroke-width="3" paint-order="stroke""##,
                &words,
            );
        }
    }
    // Children grouped by what they hang from.
    let mut groups: Vec<((f64, f64), Vec<&super::Parentage>)> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for l in &g.parentage {
        let (key, from) = match &l.parents {
            Parents::Partnership { partnership } => (
                partnership.to_string(),
                drop_from.get(partnership.as_str()).copied(),
            ),
            Parents::Parent { person } => (
                person.to_string(),
                at.get(person).map(|&(x, y)| (x + R + ALONE, y)),
            ),
        };
        let Some(from) = from else { continue };
        match index.get(&key) {
            Some(&i) => groups[i].1.push(l),
            None => {
                index.insert(key, groups.len());
                groups.push((from, vec![l]));
            }
        }
    }
    let mut bars: Vec<(f64, f64, f64)> = Vec::new();
    for ((fx, fy), lines) in groups {
        let kids: Vec<(f64, f64, &super::Parentage)> = lines
            .iter()
            .filter_map(|l| at.get(&l.child).map(|&(x, y)| (x, y, *l)))
            .collect();
        if kids.is_empty() {
            continue;
        }
        let mut people: Vec<&PersonId> = kids.iter().map(|k| &k.2.child).collect();
        match &lines[0].parents {
            Parents::Partnership { partnership } => {
                if let Some(u) = g.partnership(partnership) {
                    people.extend([&u.a, &u.b]);
                }
            }
            Parents::Parent { person } => people.push(person),
        }
        if !keep(&people) {
            continue;
        }
        let top = kids.iter().map(|k| k.1).fold(f64::MAX, f64::min) - R;
        let mut sib = (top - 28.0).max(fy + 10.0);
        // Twins meet at one point on the sibling bar.
        let mut twin_x: HashMap<u32, Vec<f64>> = HashMap::new();
        for (x, _, l) in &kids {
            if let Some(t) = l.twin {
                twin_x.entry(t.group).or_default().push(*x);
            }
        }
        let hang = |x: f64, l: &super::Parentage| match l.twin {
            Some(t) => {
                let xs = &twin_x[&t.group];
                if xs.len() > 1 {
                    xs.iter().sum::<f64>() / xs.len() as f64
                } else {
                    x
                }
            }
            None => x,
        };
        let xs: Vec<f64> = kids
            .iter()
            .map(|(x, _, l)| hang(*x, l))
            .chain([fx])
            .collect();
        let lo = xs.iter().copied().fold(f64::MAX, f64::min);
        let hi = xs.iter().copied().fold(f64::MIN, f64::max);
        // Two families' bars at one height and side by side would read as one: raise this one.
        while sib - 12.0 > fy + 86.0
            && bars.iter().any(|&(y, l, h): &(f64, f64, f64)| {
                (y - sib).abs() < 6.0 && l < hi + 12.0 && lo < h + 12.0
            })
        {
            sib -= 12.0;
        }
        bars.push((sib, lo, hi));
        if let Parents::Parent { .. } = &lines[0].parents {
            // A child of one parent hangs from a short line out of the parent's side.
            s.line(fx - ALONE, fy, fx, fy, STROKE);
        }
        s.line(fx, fy, fx, sib, STROKE);
        if hi > lo {
            s.line(lo, sib, hi, sib, STROKE);
        }
        for (x, y, l) in &kids {
            let hx = hang(*x, l);
            let attrs = format!(r##"{STROKE} {} data-parentage="{}""##, dash(l.kind), l.id);
            s.path(&format!("M{hx:.1} {sib:.1} L{x:.1} {:.1}", y - R), &attrs);
            if matches!(l.kind, ChildKind::SpecialGuardianship | ChildKind::Kinship) {
                let tag = if l.kind == ChildKind::Kinship {
                    "kin"
                } else {
                    "SGO"
                };
                s.text(
                    x + 5.0,
                    (sib + y - R) / 2.0 + 4.0,
                    r##"font-size="11" fill="#0b0c0c""##,
                    tag,
                );
            }
        }
        // Identical twins: a bar between their lines.
        let mut drawn = Vec::new();
        for (x, y, l) in &kids {
            if let Some(t) = l.twin.filter(|t| t.identical && !drawn.contains(&t.group)) {
                let xs = &twin_x[&t.group];
                if xs.len() > 1 {
                    drawn.push(t.group);
                    let hx = hang(*x, l);
                    let mid_y = (sib + y - R) / 2.0;
                    let lo = xs.iter().copied().fold(f64::MAX, f64::min);
                    let hi = xs.iter().copied().fold(f64::MIN, f64::max);
                    let frac = (mid_y - sib) / (y - R - sib);
                    s.line(
                        hx + (lo - hx) * frac,
                        mid_y,
                        hx + (hi - hx) * frac,
                        mid_y,
                        STROKE,
                    );
                }
            }
        }
    }
}

fn shape(s: &mut Svg, gender: Gender, x: f64, y: f64, r: f64, attrs: &str) {
    match gender {
        Gender::Male => s.rect(x - r, y - r, 2.0 * r, 2.0 * r, attrs),
        Gender::Female => s.circle(x, y, r, attrs),
        Gender::Other | Gender::Unknown => s.path(
            &format!(
                "M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z",
                y - r * 1.2,
                x + r * 1.2,
                y + r * 1.2,
                x - r * 1.2
            ),
            attrs,
        ),
    }
}

fn cross(s: &mut Svg, x: f64, y: f64, r: f64) {
    s.line(x - r, y - r, x + r, y + r, STROKE);
    s.line(x - r, y + r, x + r, y - r, STROKE);
}

/// What a person's label adds to the words drawn: their part in the assessment and whether
/// they are living.
fn extra_words(p: &Person) -> String {
    let mut w = String::new();
    if p.role == PersonRole::SubjectChild {
        w.push_str(", child being assessed");
    }
    if p.life != Life::Living {
        w.push_str(&format!(", {}", p.life.label().to_lowercase()));
    }
    w
}

/// A name part as drawn: at most 14 characters, longer ones cut with an ellipsis.
fn short(w: &str) -> String {
    if w.chars().count() > 14 {
        w.chars().take(13).collect::<String>() + "…"
    } else {
        w.to_owned()
    }
}

/// Half the width of a person's words (an estimate from the widest line in bold), or of their
/// symbol when that is wider: how far the drawing reaches each side of them.
fn half_width(p: &Person) -> f64 {
    let widest = [p.given_name.trim(), p.family_name.trim()]
        .iter()
        .map(|w| short(w).chars().count())
        .max()
        .unwrap_or(0)
        .max(
            if p.given_name.trim().is_empty() || p.family_name.trim().is_empty() {
                short(&p.display_name()).chars().count()
            } else {
                0
            },
        );
    (widest as f64 * NAME_FONT * 0.62 / 2.0).max(R + 14.0)
}

fn person(s: &mut Svg, p: &Person, x: f64, y: f64, view: &View, pinned: bool) {
    let selected = view.selected.as_ref() == Some(&p.id);
    // Drawn first into a buffer: the label is made of the words drawn, in the order drawn, so
    // what a speech-input user sees is what they can say.
    let mut b = s.like();
    let mut seen: Vec<String> = Vec::new();
    if selected {
        b.circle(
            x,
            y,
            R + 14.0,
            &format!(r##"fill="{FOCUS}" stroke="{INK}" stroke-width="3""##),
        );
    }
    // A generous invisible target for fingers (at least 44 px).
    b.rect(
        x - 28.0,
        y - 28.0,
        56.0,
        76.0,
        r##"fill="#ffffff" fill-opacity="0""##,
    );
    let filled = r##"fill="#ffffff" stroke="#0b0c0c" stroke-width="2""##;
    match p.life {
        Life::Pregnancy => b.path(
            &format!(
                "M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z",
                y - 18.0,
                x + 18.0,
                y + 14.0,
                x - 18.0,
                y + 14.0
            ),
            filled,
        ),
        Life::Miscarriage => b.circle(x, y, 8.0, r##"fill="#0b0c0c""##),
        Life::Termination => cross(&mut b, x, y, 9.0),
        Life::Stillbirth => {
            shape(&mut b, p.gender, x, y, 12.0, filled);
            cross(&mut b, x, y, 12.0);
        }
        Life::Living | Life::Deceased => {
            if p.role == PersonRole::SubjectChild {
                shape(&mut b, p.gender, x, y, R + 5.0, filled);
            }
            shape(&mut b, p.gender, x, y, R, filled);
            if p.life == Life::Deceased {
                cross(&mut b, x, y, R);
            }
        }
    }
    let below = y
        + R
        + if p.role == PersonRole::SubjectChild {
            22.0
        } else {
            17.0
        };
    let halo =
        r##"stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke""##;
    let bold = format!(
        r##"font-size="{NAME_FONT}" text-anchor="middle" fill="#0b0c0c" font-weight="bold" {halo}"##
    );
    let (given, family) = (p.given_name.trim(), p.family_name.trim());
    let mut line = below;
    if given.is_empty() || family.is_empty() {
        let name = short(&p.display_name());
        b.text(x, line, &bold, &name);
        seen.push(name);
    } else {
        let (g, f) = (short(given), short(family));
        b.text(x, line, &bold, &g);
        line += NAME_FONT + 2.0;
        // A leading space (not drawn) keeps the words apart for assistive technology.
        b.text(x, line, &bold, &format!(" {f}"));
        seen.push(format!("{g} {f}"));
    }
    let dates = match (p.date_of_birth, p.life, p.date_of_death) {
        (Some(born), Life::Deceased, d) => format!("b. {} – d. {}", born.year(), year(d)),
        (None, Life::Deceased, Some(d)) => format!("d. {}", d.year()),
        (Some(born), Life::Living, _) => format!("b. {}", born.year()),
        (_, life, _) if life.is_pregnancy() => life.label().to_owned(),
        _ => String::new(),
    };
    let dates = dates.trim().to_owned();
    if !dates.is_empty() {
        b.text(
            x,
            line + NAME_FONT + 1.0,
            &format!(r##"font-size="13" text-anchor="middle" fill="#0b0c0c" {halo}"##),
            &format!(" {dates}"),
        );
        seen.push(dates);
    }
    // The age (or a question mark when nothing is known) sits inside the symbol.
    let centre = r##"font-size="14" text-anchor="middle" fill="#0b0c0c""##;
    if !p.life.is_pregnancy() {
        if let Some(age) = view.on.and_then(|d| p.age_on(d)) {
            b.text(x, y + 5.0, centre, &format!(" {age}"));
            seen.push(age.to_string());
        } else if p.gender == Gender::Unknown {
            b.text(x, y + 5.0, centre, " ?");
        }
    }
    if pinned && view.interactive {
        b.circle(
            x + R + 2.0,
            y - R - 2.0,
            4.0,
            &format!(r##"fill="{SECONDARY}""##),
        );
    }
    if view.interactive {
        s.raw(&format!(
            r##"<g class="g-person" data-id="{}" tabindex="0" role="button" aria-pressed="{selected}" aria-label="{}{}">"##,
            p.id,
            svg::escape(&seen.join(", ")),
            svg::escape(&extra_words(p))
        ));
    } else {
        s.raw(&format!(r##"<g data-id="{}">"##, p.id));
    }
    s.raw(&b.0);
    s.raw("</g>");
}

/// The legend: each symbol and line with its meaning. Returns the markup and its height.
pub fn legend() -> (String, f64) {
    let mut s = Svg::default();
    let mut y = 10.0;
    let row = |s: &mut Svg, y: &mut f64, words: &str| {
        s.text(70.0, *y + 5.0, r##"font-size="13" fill="#0b0c0c""##, words);
        *y += 34.0;
    };
    s.text(
        0.0,
        y,
        r##"font-size="15" font-weight="bold" fill="#0b0c0c""##,
        "Key",
    );
    y += 28.0;
    let filled = r##"fill="#ffffff" stroke="#0b0c0c" stroke-width="2""##;
    for (g, words) in [
        (Gender::Male, "Male"),
        (Gender::Female, "Female"),
        (Gender::Other, "Other or not known"),
    ] {
        shape(&mut s, g, 30.0, y, 12.0, filled);
        row(&mut s, &mut y, words);
    }
    shape(&mut s, Gender::Female, 30.0, y, 15.0, filled);
    shape(&mut s, Gender::Female, 30.0, y, 11.0, filled);
    row(&mut s, &mut y, "Child being assessed");
    shape(&mut s, Gender::Male, 30.0, y, 12.0, filled);
    cross(&mut s, 30.0, y, 12.0);
    row(&mut s, &mut y, "Died");
    s.path(
        &format!(
            "M30 {:.1} L42 {:.1} L18 {:.1} Z",
            y - 12.0,
            y + 10.0,
            y + 10.0
        ),
        filled,
    );
    row(&mut s, &mut y, "Pregnancy");
    s.circle(30.0, y, 7.0, r##"fill="#0b0c0c""##);
    row(&mut s, &mut y, "Miscarriage");
    shape(&mut s, Gender::Male, 30.0, y, 9.0, filled);
    cross(&mut s, 30.0, y, 9.0);
    row(&mut s, &mut y, "Stillbirth");
    cross(&mut s, 30.0, y, 8.0);
    row(&mut s, &mut y, "Termination");
    for kind in PartnershipKind::ALL {
        s.line(
            5.0,
            y,
            55.0,
            y,
            &format!("{STROKE} {}", partnership_dash(*kind)),
        );
        let slashes = match kind {
            PartnershipKind::Separated => vec![30.0],
            PartnershipKind::Divorced => vec![25.0, 35.0],
            _ => vec![],
        };
        for sx in slashes {
            s.line(sx - 5.0, y + 8.0, sx + 5.0, y - 8.0, STROKE);
        }
        row(&mut s, &mut y, kind.label());
    }
    for kind in ChildKind::ALL {
        s.line(
            30.0,
            y - 12.0,
            30.0,
            y + 12.0,
            &format!("{STROKE} {}", dash(*kind)),
        );
        row(
            &mut s,
            &mut y,
            &format!("Child: {}", kind.label().to_lowercase()),
        );
    }
    for kind in EmotionalKind::ALL {
        emotional_line(&mut s, *kind, &[(5.0, y), (55.0, y)], "legend");
        row(&mut s, &mut y, kind.label());
    }
    (s.0, y)
}
