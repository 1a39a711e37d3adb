//! Family group decision-making in the summaries: the professional summary has the offers,
//! the exception, each meeting and the application; the family's has each meeting's plan in
//! the family's own words (the latest agreed version), and who came. Addresses are never in it
//! (the record holds none); names come from the register the reader may see.

use super::words::long_date;
use crate::model::family_group::{Meeting, OfferAnswer};
use crate::model::{Assessment, PersonId};
use crate::report::scale_chart::escape;

fn names(a: &Assessment, ids: &[PersonId]) -> String {
    let list: Vec<String> = ids
        .iter()
        .filter_map(|p| a.person(p).map(|x| x.display_name()))
        .collect();
    if list.is_empty() {
        "Nobody recorded".into()
    } else {
        list.join(", ")
    }
}

fn plan_list(points: &[String]) -> String {
    let items: String = points
        .iter()
        .map(|p| format!("<li>{}</li>", escape(p)))
        .collect();
    format!("<ol>{items}</ol>")
}

/// The family's plan as last agreed, or as it stands.
fn plan_words(a: &Assessment, m: &Meeting) -> (String, Vec<String>, [String; 3]) {
    let shown = crate::edit::family_group::plan_to_show(a, m);
    let status = match shown.agreed {
        Some((on, response)) => format!(
            "Agreed on {} ({}).",
            long_date(on),
            response.label().to_lowercase()
        ),
        None => "Not agreed yet.".into(),
    };
    (
        status,
        shown.points,
        [
            shown.where_child_lives,
            shown.contact,
            shown.if_it_does_not_work,
        ],
    )
}

fn meeting_block(a: &Assessment, m: &Meeting, full: bool) -> String {
    let mut out = format!(
        "<h3>Meeting{}</h3>",
        m.date
            .map(|d| format!(", {}", long_date(d)))
            .unwrap_or_default()
    );
    out.push_str(&format!(
        "<p><strong>Who came:</strong> {}</p>",
        escape(&names(a, &m.came))
    ));
    if full {
        out.push_str(&format!(
            "<p><strong>Invited:</strong> {}. <strong>Coordinator:</strong> {}.</p>",
            escape(&names(a, &m.invited)),
            escape(if m.coordinator.trim().is_empty() {
                "not recorded"
            } else {
                m.coordinator.trim()
            })
        ));
        if !m.child_views.trim().is_empty() {
            out.push_str(&format!(
                "<p><strong>The child's views:</strong> {}</p>",
                escape(m.child_views.trim())
            ));
        }
    }
    let (status, points, [lives, contact, fails]) = plan_words(a, m);
    out.push_str(&format!(
        "<p><strong>The family's plan.</strong> {}</p>",
        escape(&status)
    ));
    out.push_str(&plan_list(&points));
    for (k, v) in [
        ("Where the children will live", lives),
        ("Contact", contact),
        ("If the plan does not work", fails),
    ] {
        if !v.trim().is_empty() {
            out.push_str(&format!(
                "<p><strong>{k}:</strong> {}</p>",
                escape(v.trim())
            ));
        }
    }
    if full {
        if let Some(r) = m.response {
            out.push_str(&format!(
                "<p><strong>The council's response:</strong> {}. {}</p>",
                r.label(),
                escape(m.response_reasons.trim())
            ));
        }
    }
    if let Some(d) = m.review_date {
        out.push_str(&format!("<p>Review: {}.</p>", long_date(d)));
    }
    out
}

/// The professional summary's section.
pub fn professional(a: &Assessment) -> String {
    let g = &a.family_group;
    if g.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("<h2>Family group decision-making (Children Act 1989, section 31ZA)</h2>");
    if let Some(d) = g.letter_before_proceedings {
        out.push_str(&format!(
            "<p>Letter before proceedings: {}.</p>",
            long_date(d)
        ));
    }
    if !g.offers.is_empty() {
        out.push_str("<ul>");
        for o in &g.offers {
            let who = a
                .person(&o.person)
                .map(|p| p.display_name())
                .unwrap_or_default();
            let answer = match (o.answer, o.answered_on) {
                (OfferAnswer::NoAnswerYet, _) | (_, None) => o.answer.label().to_lowercase(),
                (x, Some(d)) => format!("{} on {}", x.label().to_lowercase(), long_date(d)),
            };
            out.push_str(&format!(
                "<li>{}: offered on {}, {}.{}</li>",
                escape(&who),
                long_date(o.offered_on),
                answer,
                if o.their_words.trim().is_empty() {
                    String::new()
                } else {
                    format!(" “{}”", escape(o.their_words.trim()))
                }
            ));
        }
        out.push_str("</ul>");
    }
    if let Some(e) = &g.exception {
        out.push_str(&format!(
            "<p><strong>{}</strong> {} (agreed by {} on {}).</p>",
            escape(e.kind.label()),
            escape(&e.reasons),
            escape(&e.agreed_by),
            long_date(e.on)
        ));
    }
    for m in &g.meetings {
        out.push_str(&meeting_block(a, m, true));
    }
    if let Some(x) = &g.application {
        out.push_str(&format!(
            "<p>{} applied for on {}.</p>",
            x.order.label(),
            long_date(x.on)
        ));
    }
    for gap in crate::procedure::family_group::gaps(a) {
        out.push_str(&format!(
            "<p><strong>Still to do:</strong> {}</p>",
            escape(&gap.words)
        ));
    }
    out
}

/// The family's summary's section: each meeting's plan in their words.
pub fn family(a: &Assessment) -> String {
    let held: Vec<&Meeting> = a
        .family_group
        .meetings
        .iter()
        .filter(|m| m.held() || !m.versions.is_empty())
        .collect();
    if held.is_empty() {
        return String::new();
    }
    let mut out = String::from("<h2>Our family meeting</h2>");
    for m in held {
        out.push_str(&meeting_block(a, m, false));
    }
    out
}
