//! Draws the network map as SVG: the child or children in the centre, labelled circles of
//! closeness, each entry as a shape for its category with its name and what it is, connection
//! lines by pattern (thick, thin, dashed, zigzag) with arrows for the direction of support.

use super::{Category, Connection, NetworkMember, Support, Who};
use crate::diagram::svg::{self, zigzag, Svg, FOCUS, INK, SECONDARY};
use crate::model::{Assessment, ItemId, Person};

/// Radius of the centre, where the children are.
pub const CENTRE: f64 = 75.0;
/// Width of each circle's band.
pub const BAND: f64 = 125.0;
const SIZE: f64 = 22.0;

/// What to draw besides the document.
#[derive(Clone, Debug, Default)]
pub struct View {
    pub selected: Option<ItemId>,
    /// An entry being dragged, drawn at this point instead of on its circle.
    pub dragging: Option<(ItemId, f64, f64)>,
    pub interactive: bool,
    /// Show only the safety network, with what each person agreed to do.
    pub safety_only: bool,
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

fn outer(a: &Assessment) -> f64 {
    CENTRE + a.network.circles.len() as f64 * BAND
}

/// The extent of the drawing: (min x, min y, width, height).
pub fn extent(a: &Assessment) -> (f64, f64, f64, f64) {
    let r = outer(a) + 30.0;
    (-r, -r, 2.0 * r, 2.0 * r)
}

/// The map's drawing, without the outer `<svg>` element.
pub fn body(a: &Assessment, view: &View) -> String {
    draw(a, view, None)
}

/// The map, leaving out the entry `skip` (while it is dragged, it is drawn on its own).
fn draw(a: &Assessment, view: &View, skip: Option<&ItemId>) -> String {
    let mut s = Svg::default();
    let n = a.network.circles.len();
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
    for (k, label) in a.network.circles.iter().enumerate() {
        // Each circle's name sits just inside its edge, where its ring has the most room.
        let r = CENTRE + (k as f64 + 1.0) * BAND - 14.0;
        let t = f64::from(super::commands::free_angle(a, k as u8)).to_radians();
        s.text(
            r * t.sin(),
            -r * t.cos() + 5.0,
            &format!(
                r##"font-size="14" text-anchor="middle" fill="{SECONDARY}" font-weight="bold" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke""##
            ),
            label,
        );
    }
    let children: Vec<String> = a.children().map(Person::display_name).collect();
    let lines = if children.is_empty() {
        vec!["The child".to_owned()]
    } else {
        children
    };
    let top = -((lines.len() as f64 - 1.0) * 9.0);
    for (i, name) in lines.iter().enumerate() {
        s.text(
            0.0,
            top + i as f64 * 18.0 + 5.0,
            r##"font-size="15" text-anchor="middle" font-weight="bold" fill="#0b0c0c""##,
            name,
        );
    }
    let shown: Vec<&NetworkMember> = a
        .network
        .members
        .iter()
        .filter(|m| !view.safety_only || in_safety_view(a, m))
        .filter(|m| Some(&m.id) != skip)
        .collect();
    let at = |m: &NetworkMember| match &view.dragging {
        Some((id, x, y)) if id == &m.id => (*x, *y),
        _ => point(m.circle, m.angle),
    };
    for m in &shown {
        let (x, y) = at(m);
        connection(&mut s, m, x, y);
    }
    for m in &shown {
        let (x, y) = at(m);
        entry(&mut s, a, m, x, y, view);
    }
    s.0
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
    if let Some(m) = a
        .network
        .member(id)
        .filter(|m| !view.safety_only || in_safety_view(a, m))
    {
        connection(&mut s, m, *x, *y);
        entry(&mut s, a, m, *x, *y, view);
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
        Who::Person { person } => crate::edit::planning::rules_naming(a, person),
        Who::Organisation { .. } => 0,
    }
}

/// A standalone SVG file of the map (or of the safety network), for reports.
pub fn standalone(a: &Assessment, safety_only: bool) -> String {
    let view = View {
        safety_only,
        ..View::default()
    };
    let (x, y, w, h) = extent(a);
    let title = if safety_only {
        "Safety network"
    } else {
        "Family network map"
    };
    svg::document(
        &format!("{title}: {}", a.title()),
        x,
        y,
        w,
        h,
        &body(a, &view),
    )
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

fn connection(s: &mut Svg, m: &NetworkMember, x: f64, y: f64) {
    let len = (x * x + y * y).sqrt().max(1.0);
    let (ux, uy) = (x / len, y / len);
    let (x1, y1) = (ux * (CENTRE + 4.0), uy * (CENTRE + 4.0));
    let (x2, y2) = (x - ux * (SIZE + 8.0), y - uy * (SIZE + 8.0));
    if len < CENTRE + SIZE + 20.0 {
        return;
    }
    let base = format!(r##"stroke="{INK}" fill="none" data-connection="{}""##, m.id);
    match m.connection {
        Connection::Strong => s.line(x1, y1, x2, y2, &format!(r##"{base} stroke-width="6""##)),
        Connection::Moderate => s.line(x1, y1, x2, y2, &format!(r##"{base} stroke-width="2""##)),
        Connection::Tenuous => s.line(
            x1,
            y1,
            x2,
            y2,
            &format!(r##"{base} stroke-width="2" stroke-dasharray="7 6""##),
        ),
        Connection::Stressful => s.path(
            &zigzag(x1, y1, x2, y2, 6.0),
            &format!(r##"{base} stroke-width="2""##),
        ),
    }
    if matches!(m.support, Support::ToChild | Support::Both) {
        arrow(s, x1, y1, -ux, -uy);
    }
    if matches!(m.support, Support::FromChild | Support::Both) {
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

fn entry(s: &mut Svg, a: &Assessment, m: &NetworkMember, x: f64, y: f64, view: &View) {
    let selected = view.selected.as_ref() == Some(&m.id);
    // Drawn into a buffer first: the label starts with the words drawn, in order.
    let mut b = Svg::default();
    let mut seen: Vec<String> = Vec::new();
    if selected {
        b.circle(
            x,
            y,
            SIZE + 14.0,
            &format!(r##"fill="{FOCUS}" stroke="{INK}" stroke-width="3""##),
        );
    }
    // A generous target for fingers, over the symbol and its words.
    let top = if y < -10.0 { y - 50.0 } else { y - 30.0 };
    b.rect(
        x - 30.0,
        top,
        60.0,
        80.0,
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
    let short = |w: String, n: usize| {
        if w.chars().count() > n {
            w.chars().take(n - 1).collect::<String>() + "…"
        } else {
            w
        }
    };
    // Words go on the side away from the child, so the connection line does not cross them.
    let lines = if m.knows_worries
        || (view.safety_only && (!m.agreed.trim().is_empty() || plan_rules(a, m) > 0))
    {
        3.0
    } else {
        2.0
    };
    let above = y < -10.0;
    let line_y = |i: u8| {
        if above {
            y - SIZE - 12.0 - 15.0 * (lines - 1.0 - f64::from(i))
        } else {
            y + SIZE + 18.0 + 15.0 * f64::from(i)
        }
    };
    let halo =
        r##"stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke""##;
    let name = short(entry_name(a, m), 20);
    b.text(
        x,
        line_y(0),
        &format!(
            r##"font-size="13" text-anchor="middle" font-weight="bold" fill="#0b0c0c" {halo}"##
        ),
        &name,
    );
    seen.push(name);
    let role = entry_role(a, m);
    let second = if role.is_empty() {
        m.category.label().to_owned()
    } else {
        format!("{role}, {}", m.category.label())
    };
    b.text(
        x,
        line_y(1),
        &format!(r##"font-size="12" text-anchor="middle" fill="#0b0c0c" {halo}"##),
        &format!(" {second}"),
    );
    seen.push(second);
    let rules = plan_rules(a, m);
    let third = if view.safety_only && !m.agreed.trim().is_empty() {
        short(m.agreed.trim().to_owned(), 34)
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
        b.text(
            x,
            line_y(2),
            &format!(
                r##"font-size="12" text-anchor="middle" fill="#0b0c0c" font-style="italic" {halo}"##
            ),
            &format!(" {third}"),
        );
        seen.push(third);
    }
    if view.interactive {
        let mut words = seen.join(", ");
        words.push_str(&format!(
            ", {} circle, {} connection",
            a.network
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
