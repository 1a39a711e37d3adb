//! The child's own tools in the summaries: each drawing, the child's words (marked as theirs),
//! how the conversation went, the Safety House read as words (who is inside and outside, the
//! rules, where the child put themselves on the path) and a story's versions. The family
//! summary and the child's own get only the tools the worker chose for the family
//! ([`crate::edit::for_reader`] has already taken out the rest).

use super::scale_chart::escape;
use super::words::long_date;
use crate::diagram::child_drawing::surface_svg;
use crate::model::child_tools::{read_safety_house, ChildTool, Place, Work};
use crate::model::Assessment;

fn name(a: &Assessment, t: &ChildTool) -> String {
    a.person(&t.child)
        .map_or_else(|| "The child".to_owned(), |p| p.display_name())
}

/// A title for a tool: "Mia Sample's Three Houses".
pub fn title(a: &Assessment, t: &ChildTool) -> String {
    format!("{}'s {}", name(a, t), t.kind().label())
}

fn drawings(a: &Assessment, t: &ChildTool) -> String {
    let path = match &t.work {
        Work::SafetyHouse { path, .. } => *path,
        _ => None,
    };
    let mut out = String::from("<div class=\"child-drawings\">");
    for (i, (surface, d)) in t.drawings().enumerate() {
        let label = match surface {
            crate::model::child_tools::Surface::Page(_) if d.is_empty() => continue,
            crate::model::child_tools::Surface::Page(_) => {
                format!("The picture for page {}", i + 1)
            }
            _ => surface.label().to_owned(),
        };
        let caption = format!("{}: {label}", name(a, t));
        out.push_str(&format!(
            "<figure class=\"child-drawing\">{}<figcaption>{}</figcaption></figure>",
            surface_svg(&caption, &surface, d, path),
            escape(&label)
        ));
    }
    out.push_str("</div>");
    out
}

fn words_of(t: &ChildTool, child: &str) -> String {
    let mut out = String::new();
    for place in Place::of(t.kind()) {
        let said: Vec<_> = t
            .child_words
            .iter()
            .filter(|w| w.place == *place && !w.words.trim().is_empty())
            .collect();
        if said.is_empty() {
            continue;
        }
        out.push_str(&format!("<h4>{}</h4>", escape(place.label())));
        for w in said {
            out.push_str(&format!(
                "<blockquote class=\"child-words\"><p>\u{201c}{}\u{201d}</p><footer>In {}'s own words</footer></blockquote>",
                escape(w.words.trim()),
                escape(child)
            ));
        }
    }
    out
}

fn safety_house_words(t: &ChildTool, child: &str) -> String {
    let Work::SafetyHouse { house, path } = &t.work else {
        return String::new();
    };
    let r = read_safety_house(house);
    let names = |ps: &[&crate::model::drawing::PlacedPicture]| {
        ps.iter()
            .map(|p| {
                if p.label.trim().is_empty() {
                    "someone not named".to_owned()
                } else {
                    p.label.trim().to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = String::from("<dl class=\"safety-house\">");
    let mut row = |k: &str, v: String| {
        out.push_str(&format!("<dt>{}</dt><dd>{}</dd>", escape(k), escape(&v)))
    };
    row(
        "Inside the house",
        if r.inside.is_empty() {
            "Nobody placed".into()
        } else {
            names(&r.inside)
        },
    );
    row(
        "Outside the house",
        if r.outside.is_empty() {
            "Nobody placed".into()
        } else {
            names(&r.outside)
        },
    );
    row(
        "The rules on the roof",
        if r.rules.is_empty() {
            "None written".into()
        } else {
            r.rules.join("; ")
        },
    );
    row(
        "On the path",
        match path {
            Some(p) => {
                format!("{child} put themselves at {p} of 10 (10 is at the door, feeling safe)")
            }
            None => "Not yet".into(),
        },
    );
    out.push_str("</dl>");
    out
}

fn story(t: &ChildTool) -> String {
    let Work::WordsAndPictures { pages, versions } = &t.work else {
        return String::new();
    };
    let mut out = String::from("<ol class=\"story\">");
    for (text, _) in crate::edit::child_tools::reading(t) {
        out.push_str(&format!("<li>{}</li>", escape(&text)));
    }
    out.push_str("</ol>");
    if let Some(v) = versions.iter().rev().find(|v| v.agreed_by_family) {
        out.push_str(&format!(
            "<p class=\"meta\">The wording of version {} was agreed with the family.</p>",
            v.number
        ));
    } else if !pages.is_empty() {
        out.push_str("<p class=\"meta\">The family has not yet agreed this wording.</p>");
    }
    if !versions.is_empty() {
        out.push_str("<table class=\"versions\"><tr><th>Version</th><th>Made</th><th>Who suggested the words</th><th>Shared with</th><th>Agreed</th></tr>");
        for v in versions {
            let mut who: Vec<&str> = v
                .pages
                .iter()
                .map(|p| p.suggested_by.as_str())
                .filter(|s| !s.is_empty())
                .collect();
            who.dedup();
            let shared: Vec<String> = v
                .shared
                .iter()
                .map(|s| format!("{}, {}", s.with, long_date(s.on)))
                .collect();
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                v.number,
                long_date(v.made_on),
                escape(&who.join("; ")),
                escape(&shared.join("; ")),
                if v.agreed_by_family { "Yes" } else { "No" }
            ));
        }
        out.push_str("</table>");
    }
    out
}

fn conversation(t: &ChildTool) -> String {
    let c = &t.conversation;
    let mut out = String::from("<dl class=\"conversation\">");
    let mut row = |k: &str, v: &str| {
        if !v.trim().is_empty() {
            out.push_str(&format!(
                "<dt>{}</dt><dd>{}</dd>",
                escape(k),
                escape(v.trim())
            ));
        }
    };
    row("Where", &c.place);
    row("Who else was there", &c.present);
    row(
        "Seen alone",
        match c.seen_alone {
            Some(true) => "Yes",
            Some(false) => "No",
            None => "",
        },
    );
    row("How it went", &c.notes);
    out.push_str("</dl>");
    out
}

/// One tool: its heading, the worker's notes of the conversation (`notes`), the drawings, the
/// Safety House in words, the story and the child's words.
fn section(a: &Assessment, t: &ChildTool, heading: String, notes: bool) -> String {
    let child = name(a, t);
    format!(
        "<section class=\"child-tool\" data-tool=\"{}\"><h3>{}</h3>{}{}{}{}{}</section>",
        t.kind().code(),
        escape(&heading),
        if notes {
            conversation(t)
        } else {
            String::new()
        },
        drawings(a, t),
        safety_house_words(t, &child),
        story(t),
        words_of(t, &child)
    )
}

/// The tools in the professional summary: everything.
pub fn professional(a: &Assessment) -> String {
    if a.child_tools.is_empty() {
        return String::new();
    }
    let mut out = String::from("<h2>The child&#39;s own tools</h2>");
    for t in &a.child_tools {
        let heading = format!("{}, started {}", title(a, t), long_date(t.started_on));
        out.push_str(&section(a, t, heading, true));
    }
    out
}

/// The tools in a family's summary (those chosen for the family): the drawings and the
/// child's words, without the worker's notes of the conversation.
pub fn family(a: &Assessment) -> String {
    if a.child_tools.is_empty() {
        return String::new();
    }
    let mut out = String::from("<h2>What the children drew and told us</h2><p>These are the children's own drawings and words, shared with their agreement.</p>");
    for t in &a.child_tools {
        out.push_str(&section(a, t, title(a, t), false));
    }
    out
}

/// The story as the child reads it (the agreed wording, see
/// [`crate::edit::child_tools::reading`]): each page's words, with its picture as SVG where it
/// has one. For the reading view, the small book and the child's summary.
pub fn story_pages(t: &ChildTool) -> Vec<(String, Option<String>)> {
    crate::edit::child_tools::reading(t)
        .into_iter()
        .map(|(text, d)| {
            let svg = d.filter(|d| !d.is_empty()).map(|d| {
                surface_svg(
                    "A picture for this page",
                    &crate::model::child_tools::Surface::Page(t.id.clone()),
                    d,
                    None,
                )
            });
            (text, svg)
        })
        .collect()
}

/// In the child's own summary: their story, page by page, and their own drawings.
pub fn for_the_child(a: &Assessment, child: &crate::model::PersonId) -> String {
    let mut out = String::new();
    for t in a.child_tools.iter().filter(|t| &t.child == child) {
        match &t.work {
            Work::WordsAndPictures { .. } => {
                out.push_str("<h2>Your story</h2>");
                for (text, svg) in story_pages(t) {
                    out.push_str(&format!("<p class=\"story-page\">{}</p>", escape(&text)));
                    out.push_str(&svg.unwrap_or_default());
                }
            }
            _ => {
                out.push_str(&format!("<h2>Your {}</h2>", escape(t.kind().label())));
                out.push_str(&drawings(a, t));
            }
        }
    }
    out
}
