//! A child's drawing: freehand strokes, typed words and simple pictures on one surface of
//! [`WIDTH`] by [`HEIGHT`] drawing units. A stroke is stored as one compact string (its ink,
//! its width and its points as delta-coded whole units, see [`Stroke`]), so a drawing of 2,000
//! strokes stays well under 200 KB; the smoothing that makes the points is in
//! [`crate::diagram::ink`].

use super::ids::PersonId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The width of every drawing surface, in drawing units.
pub const WIDTH: i32 = 1000;
/// The height of every drawing surface.
pub const HEIGHT: i32 = 700;
/// The most points one stroke keeps.
pub const MAX_POINTS: usize = 2000;
/// The pressure levels a pen stroke records (1 the lightest).
pub const PRESSURE_LEVELS: u8 = 31;

coded_enum!(
    /// The colours a child can draw and write with.
    Ink {
        Black => ("black", "Black"),
        Red => ("red", "Red"),
        Blue => ("blue", "Blue"),
        Green => ("green", "Green"),
        Orange => ("orange", "Orange"),
        Purple => ("purple", "Purple"),
    }
);

impl Ink {
    /// The colour drawn, dark enough to read on white.
    pub fn css(self) -> &'static str {
        match self {
            Ink::Black => "#0b0c0c",
            Ink::Red => "#c41e3a",
            Ink::Blue => "#1d5bbf",
            Ink::Green => "#00703c",
            Ink::Orange => "#c75000",
            Ink::Purple => "#6f2c91",
        }
    }
    /// The one letter a stored stroke starts with.
    fn letter(self) -> char {
        match self {
            Ink::Black => 'k',
            Ink::Red => 'r',
            Ink::Blue => 'b',
            Ink::Green => 'g',
            Ink::Orange => 'o',
            Ink::Purple => 'p',
        }
    }
    fn from_letter(c: char) -> Option<Ink> {
        Ink::ALL.iter().copied().find(|i| i.letter() == c)
    }
}

coded_enum!(
    /// The simple pictures a child can place.
    PictureKind {
        Person => ("person", "Person"),
        House => ("house", "House"),
        Heart => ("heart", "Heart"),
        Cloud => ("cloud", "Cloud"),
        Sun => ("sun", "Sun"),
        Star => ("star", "Star"),
    }
);

/// One point of a stroke, in whole drawing units; `pressure` 1 to [`PRESSURE_LEVELS`] for a
/// pen that gives it, 0 otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Point {
    pub x: i32,
    pub y: i32,
    pub pressure: u8,
}

/// One freehand line. Stored as text: the ink's letter, the width (1 to 9), `p` when the
/// points carry pressure, `:`, then the points: the first absolute, each after it the change
/// from the one before, every number zigzag-coded in base-64 digits of five bits (a sixth bit
/// says another digit follows). A line of 15 points takes about 50 characters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Stroke {
    pub ink: Ink,
    /// 1 (fine) to 9 (thick): the width drawn is 4 units for each.
    pub width: u8,
    pub points: Vec<Point>,
}

/// Why stored stroke text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadStroke(pub String);

impl fmt::Display for BadStroke {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn push_number(out: &mut String, n: i32) {
    let mut z = ((n << 1) ^ (n >> 31)) as u32;
    loop {
        let five = z & 31;
        z >>= 5;
        let digit = if z == 0 { five } else { five | 32 };
        out.push(DIGITS[digit as usize] as char);
        if z == 0 {
            return;
        }
    }
}

fn digit_value(c: u8) -> Option<u32> {
    DIGITS.iter().position(|d| *d == c).map(|i| i as u32)
}

fn read_number(bytes: &[u8], at: &mut usize) -> Option<i32> {
    let mut z: u32 = 0;
    let mut shift = 0;
    loop {
        let d = digit_value(*bytes.get(*at)?)?;
        *at += 1;
        z |= (d & 31).checked_shl(shift)?;
        if d & 32 == 0 {
            break;
        }
        shift += 5;
        if shift > 30 {
            return None;
        }
    }
    Some(((z >> 1) as i32) ^ -((z & 1) as i32))
}

impl Stroke {
    /// Whether the points carry pen pressure.
    pub fn has_pressure(&self) -> bool {
        self.points.iter().any(|p| p.pressure > 0)
    }

    /// The stored text (see the type's comment).
    pub fn encode(&self) -> String {
        let pressure = self.has_pressure();
        let mut out = String::with_capacity(8 + self.points.len() * 4);
        out.push(self.ink.letter());
        out.push(char::from(b'0' + self.width.clamp(1, 9)));
        if pressure {
            out.push('p');
        }
        out.push(':');
        let (mut x, mut y) = (0, 0);
        for p in &self.points {
            push_number(&mut out, p.x - x);
            push_number(&mut out, p.y - y);
            if pressure {
                out.push(DIGITS[usize::from(p.pressure.min(PRESSURE_LEVELS))] as char);
            }
            (x, y) = (p.x, p.y);
        }
        out
    }

    /// Reads stored text; says what is wrong with text that is not a stroke.
    pub fn decode(text: &str) -> Result<Stroke, BadStroke> {
        let bad = |why: &str| BadStroke(format!("\"{}\" is not a stroke: {why}", short(text)));
        let (head, body) = text.split_once(':').ok_or_else(|| bad("no \":\""))?;
        let mut head = head.chars();
        let ink = head
            .next()
            .and_then(Ink::from_letter)
            .ok_or_else(|| bad("the ink letter is not one of k r b g o p"))?;
        let width = head
            .next()
            .and_then(|c| c.to_digit(10))
            .filter(|w| (1..=9).contains(w))
            .ok_or_else(|| bad("the width is not 1 to 9"))? as u8;
        let pressure = match head.next() {
            None => false,
            Some('p') if head.next().is_none() => true,
            Some(_) => return Err(bad("only \"p\" may follow the width")),
        };
        let bytes = body.as_bytes();
        let mut at = 0;
        let (mut x, mut y) = (0i32, 0i32);
        let mut points = Vec::new();
        while at < bytes.len() {
            let dx = read_number(bytes, &mut at).ok_or_else(|| bad("a point is cut short"))?;
            let dy = read_number(bytes, &mut at).ok_or_else(|| bad("a point is cut short"))?;
            x = x
                .checked_add(dx)
                .ok_or_else(|| bad("a point is out of range"))?;
            y = y
                .checked_add(dy)
                .ok_or_else(|| bad("a point is out of range"))?;
            let level = if pressure {
                let d = bytes
                    .get(at)
                    .and_then(|c| digit_value(*c))
                    .filter(|d| *d >= 1 && *d <= u32::from(PRESSURE_LEVELS))
                    .ok_or_else(|| bad("a pressure is missing or out of range"))?;
                at += 1;
                d as u8
            } else {
                0
            };
            points.push(Point {
                x,
                y,
                pressure: level,
            });
        }
        if points.is_empty() {
            return Err(bad("it has no points"));
        }
        if points.len() > MAX_POINTS {
            return Err(bad("it has too many points"));
        }
        Ok(Stroke { ink, width, points })
    }

    /// Whether every point is on the surface.
    pub fn on_surface(&self) -> bool {
        self.points.iter().all(|p| on_surface(p.x, p.y))
    }
}

fn short(text: &str) -> String {
    let s: String = text.chars().take(24).collect();
    if s.len() < text.len() {
        format!("{s}…")
    } else {
        s
    }
}

/// Whether a position is on the surface.
pub fn on_surface(x: i32, y: i32) -> bool {
    (0..=WIDTH).contains(&x) && (0..=HEIGHT).contains(&y)
}

impl TryFrom<String> for Stroke {
    type Error = BadStroke;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Stroke::decode(&s)
    }
}

impl From<Stroke> for String {
    fn from(s: Stroke) -> String {
        s.encode()
    }
}

/// Words typed and placed on a drawing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedWords {
    pub text: String,
    pub x: i32,
    pub y: i32,
    pub ink: Ink,
}

/// A simple picture placed on a drawing. A person can be someone in the register, so "Nan" on
/// the drawing is Rita on the genogram; `label` is what the child called them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PlacedPicture {
    pub kind: PictureKind,
    pub x: i32,
    pub y: i32,
    pub label: String,
    pub person: Option<PersonId>,
}

/// One drawing surface: what was drawn, written and placed, oldest first (later on top).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Drawing {
    pub strokes: Vec<Stroke>,
    pub words: Vec<PlacedWords>,
    pub pictures: Vec<PlacedPicture>,
}

impl Drawing {
    /// Whether nothing has been drawn, written or placed.
    pub fn is_empty(&self) -> bool {
        self.strokes.is_empty() && self.words.is_empty() && self.pictures.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: i32, y: i32, pressure: u8) -> Point {
        Point { x, y, pressure }
    }

    #[test]
    fn a_stroke_is_stored_as_compact_text_and_read_back_exactly() {
        let s = Stroke {
            ink: Ink::Red,
            width: 3,
            points: vec![
                pt(500, 350, 0),
                pt(503, 349, 0),
                pt(510, 340, 0),
                pt(0, 700, 0),
            ],
        };
        let text = s.encode();
        assert!(text.starts_with("r3:"), "{text}");
        assert_eq!(Stroke::decode(&text), Ok(s.clone()));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<Stroke>(&json).unwrap(), s);
        // Moves under 16 units take one digit each, the first point and the long jump two.
        assert_eq!(text.len(), "r3:".len() + 4 + 2 + 2 + 4);
    }

    #[test]
    fn pen_pressure_travels_with_each_point() {
        let s = Stroke {
            ink: Ink::Blue,
            width: 5,
            points: vec![pt(1, 2, 1), pt(-4, 9, 31), pt(1000, 0, 16)],
        };
        let text = s.encode();
        assert!(text.starts_with("b5p:"));
        assert_eq!(Stroke::decode(&text), Ok(s));
    }

    #[test]
    fn bad_stroke_text_says_what_is_wrong() {
        let why = |t: &str| Stroke::decode(t).unwrap_err().0;
        assert!(why("r3").contains("no \":\""));
        assert!(why("x3:AA").contains("ink letter"));
        assert!(why("r0:AA").contains("width"));
        assert!(why("r3q:AA").contains("only \"p\""));
        assert!(why("r3:").contains("no points"));
        assert!(why("r3:A").contains("cut short"));
        assert!(why("r3:A*").contains("cut short"));
        assert!(why("r3p:AA").contains("pressure"));
        assert!(why("r3:gggggggggA").contains("cut short"));
        assert!(serde_json::from_str::<Stroke>("\"k1:\"").is_err());
    }

    #[test]
    fn numbers_of_every_size_survive_the_coding() {
        for n in [
            0,
            1,
            -1,
            15,
            -16,
            16,
            511,
            -512,
            70_000,
            -70_000,
            i32::MAX / 2,
        ] {
            let mut s = String::new();
            push_number(&mut s, n);
            let mut at = 0;
            assert_eq!(read_number(s.as_bytes(), &mut at), Some(n), "{n} as {s}");
            assert_eq!(at, s.len());
        }
    }
}

#[cfg(test)]
mod readme_example {
    use super::*;

    /// The stroke the README gives as an example is what it says it is.
    #[test]
    fn the_example_in_the_readme_decodes() {
        let s = Stroke {
            ink: Ink::Red,
            width: 3,
            points: [(500, 350), (503, 349), (510, 340), (512, 341)]
                .map(|(x, y)| Point { x, y, pressure: 0 })
                .to_vec(),
        };
        let text = s.encode();
        let readme = include_str!("../../README.md");
        assert!(
            readme.contains(&format!("`{text}` is a red line of four points")),
            "{text}"
        );
        assert_eq!(Stroke::decode(&text), Ok(s));
    }
}
