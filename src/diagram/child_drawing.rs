//! Drawing a child's tool as SVG: the surface's picture underneath (a house, the Safety House
//! with its path), then the strokes, the words and the pictures placed, oldest first. The
//! editor shows these same pieces; exports and summaries use [`surface_svg`].

use super::ink::stroke_svg;
use super::svg::escape;
use crate::model::child_tools::{safety_house, Surface};
use crate::model::drawing::{Drawing, PictureKind, PlacedPicture, PlacedWords, HEIGHT, WIDTH};
use std::fmt::Write;

/// The type size of placed words, in drawing units.
pub const WORDS_FONT: f64 = 34.0;
/// The type size of a picture's name.
pub const LABEL_FONT: f64 = 24.0;

/// About half the width of placed words, for finding them under the eraser.
pub fn words_half_width(text: &str) -> f64 {
    text.chars().count() as f64 * WORDS_FONT * 0.3
}

/// What is drawn under a surface.
pub fn background(s: &Surface) -> String {
    match s {
        Surface::Worries => house(
            "#dfe7f2",
            "#4c6a92",
            cloud_shape(400.0, 170.0, 1.1, "#4c6a92"),
        ),
        Surface::GoodThings => house(
            "#e2f1e4",
            "#00703c",
            heart_shape(500.0, 165.0, 1.1, "#c41e3a"),
        ),
        Surface::Dreams => house(
            "#efe6f5",
            "#6f2c91",
            star_shape(500.0, 165.0, 1.2, "#c79500"),
        ),
        Surface::SafetyHouse => safety_house_background(),
        Surface::Page(_) => String::new(),
    }
}

fn house(fill: &str, line: &str, emblem: String) -> String {
    format!(
        "<g class=\"surface-bg\" aria-hidden=\"true\"><path d=\"M120 300L500 40L880 300Z\" fill=\"{fill}\" stroke=\"{line}\" stroke-width=\"6\" stroke-linejoin=\"round\"/>\
<rect x=\"170\" y=\"300\" width=\"660\" height=\"380\" fill=\"{fill}\" fill-opacity=\"0.45\" stroke=\"{line}\" stroke-width=\"6\"/>{emblem}</g>"
    )
}

fn safety_house_background() -> String {
    let (l, t, r, b) = safety_house::WALLS;
    let (ax, ay) = safety_house::APEX;
    let e = safety_house::EAVES;
    let (dl, dt, dr) = safety_house::DOOR;
    let mut out = String::from("<g class=\"surface-bg\" aria-hidden=\"true\">");
    let _ = write!(
        out,
        "<path d=\"M{} {t}L{ax} {ay}L{} {t}Z\" fill=\"#f6d7c3\" stroke=\"#8a3b12\" stroke-width=\"6\" stroke-linejoin=\"round\"/>\
<rect x=\"{l}\" y=\"{t}\" width=\"{}\" height=\"{}\" fill=\"#fff7e6\" stroke=\"#8a3b12\" stroke-width=\"6\"/>\
<rect x=\"{dl}\" y=\"{dt}\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"#b1572a\"/>",
        l - e,
        r + e,
        r - l,
        b - t,
        dr - dl,
        b - dt
    );
    for i in 0..=safety_house::TOP {
        let (x, y) = safety_house::stone(i);
        let _ = write!(
            out,
            "<ellipse cx=\"{x}\" cy=\"{y}\" rx=\"30\" ry=\"18\" fill=\"#d8d2c4\" stroke=\"#6f6a5f\" stroke-width=\"3\"/>"
        );
    }
    out.push_str("</g>");
    out
}

/// The child on the path, at `at` (0 to 10).
pub fn path_marker(at: u8) -> String {
    let (x, y) = safety_house::stone(at);
    format!(
        "<g class=\"path-me\">{}</g>",
        person_shape(f64::from(x), f64::from(y - 70), 1.4, "#c75000")
    )
}

fn person_shape(x: f64, y: f64, k: f64, colour: &str) -> String {
    format!(
        "<circle cx=\"{x}\" cy=\"{}\" r=\"{}\" fill=\"{colour}\"/><path d=\"M{} {}Q{x} {} {} {}Z\" fill=\"{colour}\"/>",
        y - 22.0 * k,
        16.0 * k,
        x - 24.0 * k,
        y + 36.0 * k,
        y - 18.0 * k,
        x + 24.0 * k,
        y + 36.0 * k,
    )
}

fn heart_shape(x: f64, y: f64, k: f64, colour: &str) -> String {
    format!(
        "<path d=\"M{x} {}C{} {} {} {} {x} {}C{} {} {} {} {x} {}Z\" fill=\"{colour}\"/>",
        y + 30.0 * k,
        x - 50.0 * k,
        y - 5.0 * k,
        x - 25.0 * k,
        y - 45.0 * k,
        y - 15.0 * k,
        x + 25.0 * k,
        y - 45.0 * k,
        x + 50.0 * k,
        y - 5.0 * k,
        y + 30.0 * k,
    )
}

fn cloud_shape(x: f64, y: f64, k: f64, colour: &str) -> String {
    let c = |dx: f64, dy: f64, r: f64| {
        format!(
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"/>",
            x + dx * k,
            y + dy * k,
            r * k
        )
    };
    format!(
        "<g fill=\"{colour}\" fill-opacity=\"0.75\">{}{}{}{}</g>",
        c(-28.0, 8.0, 22.0),
        c(0.0, -8.0, 28.0),
        c(28.0, 6.0, 22.0),
        c(0.0, 14.0, 20.0)
    ) + &format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{colour}\" fill-opacity=\"0.75\"/>",
        x - 28.0 * k,
        y + 8.0 * k,
        56.0 * k,
        22.0 * k
    )
}

fn star_shape(x: f64, y: f64, k: f64, colour: &str) -> String {
    let mut d = String::new();
    for i in 0..10 {
        let r = if i % 2 == 0 { 40.0 } else { 17.0 } * k;
        let a = std::f64::consts::PI * f64::from(i) / 5.0 - std::f64::consts::FRAC_PI_2;
        let _ = write!(
            d,
            "{}{:.1} {:.1}",
            if i == 0 { 'M' } else { 'L' },
            x + r * a.cos(),
            y + r * a.sin()
        );
    }
    format!("<path d=\"{d}Z\" fill=\"{colour}\"/>")
}

fn sun_shape(x: f64, y: f64, k: f64) -> String {
    let mut out = format!(
        "<circle cx=\"{x}\" cy=\"{y}\" r=\"{}\" fill=\"#f2b600\"/>",
        22.0 * k
    );
    for i in 0..8 {
        let a = std::f64::consts::PI * f64::from(i) / 4.0;
        let _ = write!(
            out,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#f2b600\" stroke-width=\"{}\" stroke-linecap=\"round\"/>",
            x + 30.0 * k * a.cos(),
            y + 30.0 * k * a.sin(),
            x + 42.0 * k * a.cos(),
            y + 42.0 * k * a.sin(),
            6.0 * k
        );
    }
    out
}

fn small_house(x: f64, y: f64, k: f64) -> String {
    format!(
        "<path d=\"M{} {}L{x} {}L{} {}Z\" fill=\"#b1572a\"/><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f6d7c3\" stroke=\"#8a3b12\" stroke-width=\"3\"/>",
        x - 40.0 * k,
        y - 5.0 * k,
        y - 40.0 * k,
        x + 40.0 * k,
        y - 5.0 * k,
        x - 30.0 * k,
        y - 5.0 * k,
        60.0 * k,
        40.0 * k
    )
}

/// A picture's shape at (`x`, `y`), `k` its scale (1 on a drawing).
pub fn picture_shape(kind: PictureKind, x: f64, y: f64, k: f64) -> String {
    match kind {
        PictureKind::Person => person_shape(x, y, k, "#1d5bbf"),
        PictureKind::House => small_house(x, y, k),
        PictureKind::Heart => heart_shape(x, y, k * 0.8, "#c41e3a"),
        PictureKind::Cloud => cloud_shape(x, y, k * 0.9, "#4c6a92"),
        PictureKind::Sun => sun_shape(x, y, k),
        PictureKind::Star => star_shape(x, y, k, "#c79500"),
    }
}

/// A picture as a button's icon, filling a 100 by 100 box.
pub fn icon(kind: PictureKind) -> String {
    match kind {
        PictureKind::Person => person_shape(50.0, 50.0, 1.3, "#1d5bbf"),
        PictureKind::Heart => heart_shape(50.0, 58.0, 1.05, "#c41e3a"),
        other => picture_shape(other, 50.0, 52.0, 1.15),
    }
}

/// The child's own figure as a button's icon.
pub fn me_icon() -> String {
    person_shape(50.0, 50.0, 1.3, "#c75000")
}

/// A placed picture, with its name under it.
pub fn picture_svg(p: &PlacedPicture) -> String {
    let mut out = picture_shape(p.kind, f64::from(p.x), f64::from(p.y), 1.0);
    if !p.label.trim().is_empty() {
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{LABEL_FONT}\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#0b0c0c\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"5\">{}</text>",
            p.x,
            p.y + 62,
            escape(p.label.trim())
        );
    }
    out
}

/// Placed words.
pub fn words_svg(w: &PlacedWords) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{WORDS_FONT}\" font-weight=\"700\" text-anchor=\"middle\" fill=\"{}\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"6\">{}</text>",
        w.x,
        w.y,
        w.ink.css(),
        escape(&w.text)
    )
}

/// Everything on a drawing, oldest first: ink, then words, then pictures.
pub fn marks_svg(d: &Drawing) -> String {
    let mut out = String::with_capacity(d.strokes.len() * 80);
    for s in &d.strokes {
        out.push_str(&stroke_svg(s));
    }
    for w in &d.words {
        out.push_str(&words_svg(w));
    }
    for p in &d.pictures {
        out.push_str(&picture_svg(p));
    }
    out
}

/// A whole surface as a standalone SVG document, titled.
pub fn surface_svg(title: &str, s: &Surface, d: &Drawing, path: Option<u8>) -> String {
    let me = path.map(path_marker).unwrap_or_default();
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"{WIDTH}\" height=\"{HEIGHT}\" role=\"img\" font-family=\"Arial, Helvetica, sans-serif\"><title>{}</title><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#fff\"/>{}{}{me}</svg>",
        escape(title),
        background(s),
        marks_svg(d)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::drawing::Ink;

    #[test]
    fn a_surface_draws_its_house_and_everything_on_it_in_order() {
        let d = Drawing {
            strokes: vec![crate::model::drawing::Stroke::decode("r3:AACC").unwrap()],
            words: vec![PlacedWords {
                text: "Mum & me <3".into(),
                x: 500,
                y: 400,
                ink: Ink::Blue,
            }],
            pictures: vec![PlacedPicture {
                kind: PictureKind::Person,
                x: 300,
                y: 400,
                label: "Nan".into(),
                person: None,
            }],
        };
        let svg = surface_svg("Ava's house of good things", &Surface::GoodThings, &d, None);
        assert!(svg.starts_with("<svg xmlns"));
        assert!(svg.contains("<title>Ava&#39;s house of good things</title>"));
        let ink = svg.find("stroke=\"#c41e3a\" stroke-width=\"12\"").unwrap();
        let words = svg.find("Mum &amp; me &lt;3").unwrap();
        let nan = svg.find(">Nan</text>").unwrap();
        assert!(svg.find("surface-bg").unwrap() < ink && ink < words && words < nan);
        let house = surface_svg(
            "Safety House",
            &Surface::SafetyHouse,
            &Drawing::default(),
            Some(4),
        );
        assert_eq!(house.matches("<ellipse").count(), 11);
        assert!(house.contains("path-me"));
    }
}
