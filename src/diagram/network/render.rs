//! Draws the network map as SVG: the child or children in the centre, labelled circles of
//! closeness, each entry as a shape for its category with its name and what it is, connection
//! lines by pattern (thick, thin, dashed, zigzag) with arrows for the direction of support.

use super::layout::{baseline, lay_out, Item, Placed, LINE_FONT, NAME_FONT};
use super::{Category, Connection, MapFor, NetworkMap, NetworkMember, Support, Who};
use crate::diagram::svg::{self, zigzag, Svg, FOCUS, INK, SECONDARY};
use crate::model::{Assessment, ItemId, Person};

/// Radius of the centre, where the children are.
pub const CENTRE: f64 = 76.0;
/// Width of each circle's band.
pub const BAND: f64 = 110.0;
const SIZE: f64 = 22.0;
/// The size of the circles' names.
const CIRCLE_FONT: f64 = 16.0;

/// What to draw besides the document.
#[derive(Clone, Debug, Default)]
pub struct View {
    pub selected: Option<ItemId>,
    /// An entry being dragged, drawn at this point instead of on its circle.
    pub dragging: Option<(ItemId, f64, f64)>,
    pub interactive: bool,
    /// Show only the safety network, with what each person agreed to do.
    pub safety_only: bool,
    /// Which map: the sibling group's or one child's.
    pub map: MapFor,
}

/// The map `view` names, or an empty one when that child's map has not been started.
pub fn map_of<'a>(a: &'a Assessment, which: &MapFor) -> std::borrow::Cow<'a, NetworkMap> {
    a.map(which)
        .map(std::borrow::Cow::Borrowed)
        .unwrap_or_default()
}

/// Where an entry on `circle` at `angle` sits.
pub fn point(circle: u8, angle: u16) -> (f64, f64) {
    let r = CENTRE + (f64::from(circle) + 0.5) * BAND;
    let t = f64::from(angle).to_radians();
    (r * t.sin(), -r * t.cos())
}

/// The circle and angle nearest a point (for dropping a dragged entry).
pub fn nearest(x: f64, y: f64, circles: usize) -> (u8, u16) {
    let r = (x * x + y * y).sqrt();
    let band = ((r - CENTRE) / BAND).floor().max(0.0) as usize;
    let circle = band.min(circles.saturating_sub(1)) as u8;
    let deg = x.atan2(-y).to_degrees();
    let angle = ((deg.round() as i32).rem_euclid(360)) as u16;
    (circle, angle)
}

/// The name shown for an entry.
pub fn entry_name(a: &Assessment, m: &NetworkMember) -> String {
    match &m.who {
        Who::Person { person } => a
            .person(person)
            .map(Person::display_name)
            .unwrap_or_else(|| "Unknown person".into()),
        Who::Organisation { name, .. } => name.trim().to_owned(),
    }
}

/// What an entry is: relationship or role for a person, the kind for an organisation.
pub fn entry_role(a: &Assessment, m: &NetworkMember) -> String {
    match &m.who {
        Who::Person { person } => a
            .person(person)
            .map(|p| {
                let r = if p.relationship.trim().is_empty() {
                    p.organisation.trim()
                } else {
                    p.relationship.trim()
                };
                r.to_owned()
            })
            .unwrap_or_default(),
        Who::Organisation { organisation, .. } => organisation.label().to_owned(),
    }
}

fn outer(map: &NetworkMap) -> f64 {
    CENTRE + map.circles.len() as f64 * BAND
}

/// The extent of map `which`'s drawing: (min x, min y, width, height).
pub fn extent(a: &Assessment, which: &MapFor) -> (f64, f64, f64, f64) {
    extent_of(a, &lay(a, which))
}

/// The whole of a map laid out once (every entry where it sits, not the safety view), so the
/// editor draws it and fits the screen to it from one layout: a big map's layout is its
/// drawing's largest cost.
#[derive(Clone, Debug, PartialEq)]
pub struct Laid {
    pub which: MapFor,
    pub items: Vec<Item>,
    pub placed: Vec<Placed>,
}

/// Lays out the whole of map `which`.
pub fn lay(a: &Assessment, which: &MapFor) -> Laid {
    let view = View {
        map: which.clone(),
        ..View::default()
    };
    let (items, placed) = layout_of(a, &view);
    Laid {
        which: which.clone(),
        items,
        placed,
    }
}

/// The extent of a laid-out map: the circles, and any words that reach beyond the outer one.
pub fn extent_of(a: &Assessment, laid: &Laid) -> (f64, f64, f64, f64) {
    let r = outer(&map_of(a, &laid.which)) + 16.0;
    let (mut x0, mut y0, mut x1, mut y1) = (-r, -r, r, r);
    for p in &laid.placed {
        let l = &p.label;
        x0 = x0.min(l.x - 10.0);
        y0 = y0.min(l.y - 10.0);
        x1 = x1.max(l.x + l.w + 10.0);
        y1 = y1.max(l.y + l.h + 10.0);
    }
    (x0, y0, x1 - x0, y1 - y0)
}

/// Each circle's name and where it is written (its baseline's middle): just inside the
/// circle's edge, where its ring has the most room.
fn circle_names(map: &NetworkMap) -> Vec<(f64, f64, &str)> {
    map.circles
        .iter()
        .enumerate()
        .map(|(k, label)| {
            let r = CENTRE + (k as f64 + 1.0) * BAND - 14.0;
            let t = f64::from(name_angle(map, k as u8)).to_radians();
            (r * t.sin(), -r * t.cos() + 5.0, label.as_str())
        })
        .collect()
}

/// Where round circle `k` its name goes: the angle furthest from every entry in that circle or
/// beyond it (their lines cross the circle's edge at about their own angle on the way in).
fn name_angle(map: &NetworkMap, k: u8) -> u16 {
    let angles: Vec<i32> = map
        .members
        .iter()
        .filter(|m| m.circle >= k)
        .map(|m| i32::from(m.angle))
        .collect();
    if angles.is_empty() {
        return 0;
    }
    let gap = |t: i32| {
        angles
            .iter()
            .map(|&a| {
                let d = (t - a).rem_euclid(360);
                d.min(360 - d)
            })
            .min()
            .unwrap_or(180)
    };
    // The first best in steps of 5 degrees from the top, so the name stays put as far as it can.
    let mut best = (0, -1);
    for t in (0..360).step_by(5) {
        let g = gap(t);
        if g > best.1 {
            best = (t, g);
        }
    }
    best.0 as u16
}

/// The boxes the circles' names take, which no entry's words may cover.
fn circle_name_boxes(map: &NetworkMap) -> Vec<super::layout::Rect> {
    circle_names(map)
        .into_iter()
        .map(|(x, y, label)| {
            let w = super::layout::bold_width(label, CIRCLE_FONT);
            super::layout::Rect {
                x: x - w / 2.0,
                y: y - CIRCLE_FONT,
                w,
                h: CIRCLE_FONT * 1.3,
            }
        })
        .collect()
}

/// The map's drawing, without the outer `<svg>` element.
pub fn body(a: &Assessment, view: &View) -> String {
    draw(a, view, None)
}

/// The map as `view` shows it, from its layout `laid` when that is the layout `view` needs (the
/// whole map, nothing dragged), else laid out afresh.
pub fn body_laid(a: &Assessment, view: &View, laid: &Laid) -> String {
    if view.safety_only || view.dragging.is_some() || laid.which != view.map {
        return body_split(a, view, true);
    }
    let map = map_of(a, &view.map);
    // A layout of another state of the map is never drawn: each entry must sit and read as laid.
    let current = map.members.len() == laid.items.len()
        && map.members.iter().zip(&laid.items).all(|(m, it)| {
            it.at == point(m.circle, m.angle) && it.lines == entry_lines(a, m, view)
        });
    if !current {
        return body_split(a, view, true);
    }
    let mut s = Svg::default();
    backdrop(&mut s, a, view);
    for (m, p) in map.members.iter().zip(&laid.placed) {
        connection(&mut s, m, &p.route);
    }
    for ((m, it), p) in map.members.iter().zip(&laid.items).zip(&laid.placed) {
        entry(&mut s, a, m, it, p, view);
    }
    s.0
}

/// The map, leaving out the entry `skip` (while it is dragged, it is drawn on its own).
fn draw(a: &Assessment, view: &View, skip: Option<&ItemId>) -> String {
    let mut s = Svg::default();
    backdrop(&mut s, a, view);
    let map = map_of(a, &view.map);
    let shown: Vec<&NetworkMember> = map
        .members
        .iter()
        .filter(|m| !view.safety_only || in_safety_view(a, m))
        .filter(|m| Some(&m.id) != skip)
        .collect();
    let at = |m: &NetworkMember| match &view.dragging {
        Some((id, x, y)) if id == &m.id => (*x, *y),
        _ => point(m.circle, m.angle),
    };
    draw_entries(&mut s, a, &shown, &at, view);
    s.0
}

/// The circles with their names, and the children at the centre.
fn backdrop(s: &mut Svg, a: &Assessment, view: &View) {
    let map = map_of(a, &view.map);
    let n = map.circles.len();
    for k in (0..n).rev() {
        let r = CENTRE + (k as f64 + 1.0) * BAND;
        let fill = if k % 2 == 0 { "#f3f2f1" } else { "#ffffff" };
        s.circle(
            0.0,
            0.0,
            r,
            &format!(r##"fill="{fill}" stroke="{SECONDARY}" stroke-width="1.5""##),
        );
    }
    s.circle(
        0.0,
        0.0,
        CENTRE,
        &format!(r##"fill="#ffffff" stroke="{INK}" stroke-width="3""##),
    );
    for (x, y, label) in circle_names(&map) {
        s.text(
            x,
            y,
            &format!(
                r##"font-size="{CIRCLE_FONT}" text-anchor="middle" fill="{SECONDARY}" font-weight="bold" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke""##
            ),
            label,
        );
    }
    let children: Vec<String> = a
        .centre_children(&view.map)
        .into_iter()
        .map(Person::display_name)
        .collect();
    let lines = if children.is_empty() {
        vec!["The child".to_owned()]
    } else {
        children
    };
    let top = -((lines.len() as f64 - 1.0) * 10.5);
    for (i, name) in lines.iter().enumerate() {
        s.text(
            0.0,
            top + i as f64 * 21.0 + 6.0,
            r##"font-size="18" text-anchor="middle" font-weight="bold" fill="#0b0c0c""##,
            name,
        );
    }
}

/// Each entry's line and symbol with its words, laid out so that nothing covers anything else.
fn draw_entries(
    s: &mut Svg,
    a: &Assessment,
    shown: &[&NetworkMember],
    at: &dyn Fn(&NetworkMember) -> (f64, f64),
    view: &View,
) {
    let (items, placed) = lay_out_entries(a, shown, at, view);
    for (m, p) in shown.iter().zip(&placed) {
        connection(s, m, &p.route);
    }
    for ((m, it), p) in shown.iter().zip(&items).zip(&placed) {
        entry(s, a, m, it, p, view);
    }
}

fn lay_out_entries(
    a: &Assessment,
    shown: &[&NetworkMember],
    at: &dyn Fn(&NetworkMember) -> (f64, f64),
    view: &View,
) -> (Vec<Item>, Vec<Placed>) {
    let items: Vec<Item> = shown
        .iter()
        .map(|m| Item {
            at: at(m),
            lines: entry_lines(a, m, view),
        })
        .collect();
    let map = map_of(a, &view.map);
    let placed = lay_out(&items, CENTRE, outer(&map), &circle_name_boxes(&map));
    (items, placed)
}

/// The map's entries as shown in `view`, with where their words and lines go.
pub fn layout_of(a: &Assessment, view: &View) -> (Vec<Item>, Vec<Placed>) {
    let map = map_of(a, &view.map);
    let shown: Vec<&NetworkMember> = map
        .members
        .iter()
        .filter(|m| !view.safety_only || in_safety_view(a, m))
        .collect();
    lay_out_entries(a, &shown, &|m| point(m.circle, m.angle), view)
}

/// The words drawn for an entry: the name, what they are, and (when there is something to
/// say) what they agreed, their rules in the plan or that they know the worries.
pub fn entry_lines(a: &Assessment, m: &NetworkMember, view: &View) -> Vec<String> {
    let short = |w: String, n: usize| {
        if w.chars().count() > n {
            w.chars().take(n - 1).collect::<String>() + "…"
        } else {
            w
        }
    };
    let mut lines = vec![short(entry_name(a, m), 20)];
    let role = entry_role(a, m);
    lines.push(if role.is_empty() {
        m.category.label().to_owned()
    } else {
        short(format!("{role}, {}", m.category.label()), 26)
    });
    let rules = plan_rules(a, m);
    let third = if view.safety_only && !m.agreed.trim().is_empty() {
        short(m.agreed.trim().to_owned(), 30)
    } else if view.safety_only && rules > 0 {
        format!(
            "In the safety plan: {rules} rule{}",
            if rules == 1 { "" } else { "s" }
        )
    } else if m.knows_worries {
        "Knows the worries".to_owned()
    } else {
        String::new()
    };
    if !third.is_empty() {
        lines.push(third);
    }
    lines
}

/// What is drawn for the entry being dragged (its line and symbol), or, with `still`, the
/// whole map without it: the editor redraws only the first while a drag is under way.
pub fn body_split(a: &Assessment, view: &View, still: bool) -> String {
    let Some((id, x, y)) = &view.dragging else {
        return if still { body(a, view) } else { String::new() };
    };
    if still {
        return draw(a, view, Some(id));
    }
    let mut s = Svg::default();
    if let Some(m) = map_of(a, &view.map)
        .member(id)
        .filter(|m| !view.safety_only || in_safety_view(a, m))
    {
        let (x, y) = (*x, *y);
        draw_entries(&mut s, a, &[m], &move |_| (x, y), view);
    }
    s.0
}

/// Whether an entry is drawn in the safety view: marked as part of the safety network, or a
/// person the safety plan names as making sure of a rule.
pub fn in_safety_view(a: &Assessment, m: &NetworkMember) -> bool {
    m.safety_network || plan_rules(a, m) > 0
}

/// How many of the safety plan's rules this entry makes sure of.
pub fn plan_rules(a: &Assessment, m: &NetworkMember) -> usize {
    match &m.who {
        Who::Person { person } => a.planning.rules_naming(person),
        Who::Organisation { .. } => 0,
    }
}

/// A standalone SVG file of map `which` (or of its safety network), for reports.
pub fn standalone(a: &Assessment, which: &MapFor, safety_only: bool) -> String {
    let view = View {
        safety_only,
        map: which.clone(),
        ..View::default()
    };
    let (x, y, w, h) = extent(a, which);
    let title = map_title(a, which, safety_only);
    svg::document(&title, x, y, w, h, &body(a, &view))
}

/// What a map is called: "Family network map: Noah Sample" (one child's) or "…: Noah, Rowan".
pub fn map_title(a: &Assessment, which: &MapFor, safety_only: bool) -> String {
    let what = if safety_only {
        "Safety network"
    } else {
        "Family network map"
    };
    let whose = match which {
        None => a.title(),
        Some(child) => a
            .person(child)
            .map(Person::display_name)
            .unwrap_or_default(),
    };
    format!("{what}: {whose}")
}

fn arrow(s: &mut Svg, tip_x: f64, tip_y: f64, ux: f64, uy: f64) {
    let (bx, by) = (tip_x - ux * 14.0, tip_y - uy * 14.0);
    s.path(
        &format!(
            "M{tip_x:.1} {tip_y:.1} L{:.1} {:.1} L{:.1} {:.1} Z",
            bx - uy * 7.0,
            by + ux * 7.0,
            bx + uy * 7.0,
            by - ux * 7.0
        ),
        &format!(r##"fill="{INK}""##),
    );
}

fn connection(s: &mut Svg, m: &NetworkMember, route: &[(f64, f64)]) {
    let (Some(&(x1, y1)), Some(&(x2, y2))) = (route.first(), route.last()) else {
        return;
    };
    // Too close to the centre for a line to show.
    if route.len() < 2 || ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt() < 12.0 {
        return;
    }
    let base = format!(r##"stroke="{INK}" fill="none" data-connection="{}""##, m.id);
    let d = route
        .iter()
        .enumerate()
        .map(|(i, (x, y))| format!("{}{x:.1} {y:.1}", if i == 0 { "M" } else { " L" }))
        .collect::<String>();
    match m.connection {
        Connection::Strong => s.path(&d, &format!(r##"{base} stroke-width="6""##)),
        Connection::Moderate => s.path(&d, &format!(r##"{base} stroke-width="2""##)),
        Connection::Tenuous => s.path(
            &d,
            &format!(r##"{base} stroke-width="2" stroke-dasharray="7 6""##),
        ),
        Connection::Stressful => {
            let zig: String = route
                .windows(2)
                .map(|w| zigzag(w[0].0, w[0].1, w[1].0, w[1].1, 6.0))
                .collect::<Vec<_>>()
                .join(" ");
            s.path(&zig, &format!(r##"{base} stroke-width="2""##))
        }
    }
    let unit = |from: (f64, f64), to: (f64, f64)| {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let l = (dx * dx + dy * dy).sqrt().max(1e-6);
        (dx / l, dy / l)
    };
    let n = route.len();
    if matches!(m.support, Support::ToChild | Support::Both) {
        let (ux, uy) = unit(route[1], route[0]);
        arrow(s, x1, y1, ux, uy);
    }
    if matches!(m.support, Support::FromChild | Support::Both) {
        let (ux, uy) = unit(route[n - 2], route[n - 1]);
        arrow(s, x2, y2, ux, uy);
    }
}

/// The shape for a category at (x, y).
pub fn category_shape(s: &mut Svg, c: Category, x: f64, y: f64, r: f64, attrs: &str) {
    match c {
        Category::Family => s.circle(x, y, r, attrs),
        Category::Friends => s.path(
            &format!(
                "M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z",
                y - r * 1.15,
                x + r * 1.1,
                y + r * 0.85,
                x - r * 1.1,
                y + r * 0.85
            ),
            attrs,
        ),
        Category::Community => {
            let pts: Vec<String> = (0..6)
                .map(|i| {
                    let t = (f64::from(i) * 60.0 + 30.0).to_radians();
                    format!("{:.1} {:.1}", x + r * 1.1 * t.cos(), y + r * 1.1 * t.sin())
                })
                .collect();
            s.path(&format!("M{} Z", pts.join(" L")), attrs);
        }
        Category::Professional => s.rect(x - r, y - r, 2.0 * r, 2.0 * r, attrs),
    }
}

fn entry(s: &mut Svg, a: &Assessment, m: &NetworkMember, it: &Item, p: &Placed, view: &View) {
    let (x, y) = it.at;
    let selected = view.selected.as_ref() == Some(&m.id);
    let mut b = Svg::default();
    if selected {
        b.circle(
            x,
            y,
            SIZE + 14.0,
            &format!(r##"fill="{FOCUS}" stroke="{INK}" stroke-width="3""##),
        );
        let r = &p.label;
        b.rect(
            r.x - 3.0,
            r.y - 2.0,
            r.w + 6.0,
            r.h + 4.0,
            &format!(r##"fill="{FOCUS}" rx="4""##),
        );
    }
    // A generous target for fingers: the symbol and its words.
    let t = &p.label;
    let (left, top) = ((x - SIZE - 8.0).min(t.x), (y - SIZE - 8.0).min(t.y));
    let (right, bottom) = (
        (x + SIZE + 8.0).max(t.x + t.w),
        (y + SIZE + 8.0).max(t.y + t.h),
    );
    b.rect(
        left,
        top,
        right - left,
        bottom - top,
        r##"fill="#ffffff" fill-opacity="0""##,
    );
    let stroke = if m.safety_network { "5" } else { "2" };
    let outline = format!(r##"fill="#ffffff" stroke="{INK}" stroke-width="{stroke}""##);
    category_shape(&mut b, m.category, x, y, SIZE, &outline);
    if m.safety_network {
        // The safety network: a thick outline with a second one inside.
        category_shape(
            &mut b,
            m.category,
            x,
            y,
            SIZE - 8.0,
            &format!(r##"fill="none" stroke="{INK}" stroke-width="2""##),
        );
    }
    if matches!(m.who, Who::Organisation { .. }) {
        b.rect(x - 6.0, y - 6.0, 12.0, 12.0, &format!(r##"fill="{INK}""##));
    }
    let halo =
        r##"stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke""##;
    let cx = t.x + t.w / 2.0;
    for (i, line) in it.lines.iter().enumerate() {
        let style = match i {
            0 => format!(r##"font-size="{NAME_FONT}" font-weight="bold""##),
            1 => format!(r##"font-size="{LINE_FONT}""##),
            _ => format!(r##"font-size="{LINE_FONT}" font-style="italic""##),
        };
        // A space before each later line keeps the label's words apart when read as text.
        let words = if i == 0 {
            line.clone()
        } else {
            format!(" {line}")
        };
        b.text(
            cx,
            baseline(t, i),
            &format!(r##"{style} text-anchor="middle" fill="#0b0c0c" {halo}"##),
            &words,
        );
    }
    if view.interactive {
        let mut words = it.lines.join(", ");
        words.push_str(&format!(
            ", {} circle, {} connection",
            map_of(a, &view.map)
                .circles
                .get(usize::from(m.circle))
                .map_or("", String::as_str),
            m.connection.label().to_lowercase()
        ));
        if m.safety_network {
            words.push_str(", in the safety network");
        }
        s.raw(&format!(
            r##"<g class="g-person" data-id="{}" tabindex="0" role="button" aria-pressed="{selected}" aria-label="{}">"##,
            m.id,
            svg::escape(&words)
        ));
    } else {
        s.raw(&format!(r##"<g data-id="{}">"##, m.id));
    }
    s.raw(&b.0);
    s.raw("</g>");
}
