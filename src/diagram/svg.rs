//! A small SVG text writer shared by the diagrams: every word is escaped, styles are
//! presentation attributes (the Content Security Policy forbids inline `style`).

use std::fmt::Write;

/// Escapes text for SVG/XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Ink colours with at least 4.5:1 contrast on white.
pub const INK: &str = "#0b0c0c";
pub const SECONDARY: &str = "#505a5f";
pub const FOCUS: &str = "#ffdd00";
pub const EMOTION: &str = "#6f2c91";
pub const DANGER: &str = "#aa1a1a";

/// SVG markup being built; with `symbols_only` set, words are left out (a drawing shown so
/// small that no word could be read: a big family at "fit to screen").
#[derive(Default)]
pub struct Svg(pub String, pub bool);

impl Svg {
    /// A new buffer that leaves words out when `self` does.
    pub fn like(&self) -> Self {
        Svg(String::new(), self.1)
    }
    /// A straight line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, attrs: &str) {
        let _ = write!(
            self.0,
            r##"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" {attrs}/>"##
        );
    }
    /// A path.
    pub fn path(&mut self, d: &str, attrs: &str) {
        let _ = write!(self.0, r##"<path d="{d}" {attrs}/>"##);
    }
    /// A rectangle.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, attrs: &str) {
        let _ = write!(
            self.0,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" {attrs}/>"##
        );
    }
    /// A circle.
    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, attrs: &str) {
        let _ = write!(
            self.0,
            r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="{r:.1}" {attrs}/>"##
        );
    }
    /// Text, escaped.
    pub fn text(&mut self, x: f64, y: f64, attrs: &str, words: &str) {
        if self.1 {
            return;
        }
        let _ = write!(
            self.0,
            r##"<text x="{x:.1}" y="{y:.1}" {attrs}>{}</text>"##,
            escape(words)
        );
    }
    /// Raw markup the caller has already made safe.
    pub fn raw(&mut self, markup: &str) {
        self.0.push_str(markup);
    }
}

/// A zigzag path from one point to another (for conflict and hostility lines).
pub fn zigzag(x1: f64, y1: f64, x2: f64, y2: f64, amplitude: f64) -> String {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let (nx, ny) = (-uy, ux);
    let teeth = ((len / 10.0).floor() as usize).max(2);
    let mut d = format!("M{x1:.1} {y1:.1}");
    for i in 1..teeth {
        let t = len * i as f64 / teeth as f64;
        let side = if i % 2 == 0 { -amplitude } else { amplitude };
        let _ = write!(
            d,
            " L{:.1} {:.1}",
            x1 + ux * t + nx * side,
            y1 + uy * t + ny * side
        );
    }
    let _ = write!(d, " L{x2:.1} {y2:.1}");
    d
}

/// A whole SVG document around `body`, with a title for screen readers and a white background.
pub fn document(title: &str, min_x: f64, min_y: f64, w: f64, h: f64, body: &str) -> String {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{min_x:.0} {min_y:.0} {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" font-family="Arial, Helvetica, sans-serif" role="img"><title>{}</title><rect x="{min_x:.0}" y="{min_y:.0}" width="{w:.0}" height="{h:.0}" fill="#ffffff"/>{body}</svg>"##,
        escape(title)
    )
}

/// Checks that SVG text is well formed enough for an image viewer: tags balance and no element
/// repeats an attribute. Returns the first problem found.
pub fn check_well_formed(svg: &str) -> Result<(), String> {
    let mut open: Vec<&str> = Vec::new();
    for piece in svg.split('<').skip(1) {
        let tag = piece.split('>').next().unwrap_or_default();
        if let Some(name) = tag.strip_prefix('/') {
            match open.pop() {
                Some(o) if o == name.trim() => continue,
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        }
        let name = tag
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        let mut seen = Vec::new();
        for attr in tag.split('"').step_by(2) {
            if let Some(a) = attr.trim().strip_suffix('=') {
                let a = a.split_whitespace().last().unwrap_or_default();
                if seen.contains(&a) {
                    return Err(format!("<{name}> repeats {a}"));
                }
                seen.push(a);
            }
        }
        if !tag.ends_with('/') {
            open.push(name);
        }
    }
    match open.is_empty() {
        true => Ok(()),
        false => Err(format!("unclosed {open:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checker_finds_repeated_attributes_and_unbalanced_tags() {
        assert!(check_well_formed(r#"<svg a="1"><g><line x="1" y="2"/></g></svg>"#).is_ok());
        assert!(check_well_formed(r#"<svg><line x="1" x="2"/></svg>"#).is_err());
        assert!(check_well_formed(r#"<svg><g></svg>"#).is_err());
    }
}
