//! The child's own summary: short, in the plain words already written for the family (their
//! words first), about the worries, what everyone wants to see, the rules of the plan and what
//! the child is told, and who will help. Made from the document as the child may see it.

use super::scale_chart::escape;
use crate::model::planning::{danger_words, goal_words, theirs};
use crate::model::{Assessment, PersonId};

/// The summary for the child `child`.
pub fn summary(a: &Assessment, child: &PersonId) -> String {
    let name = a
        .person(child)
        .map_or_else(String::new, |p| p.given_name.trim().to_owned());
    let worker = a.lead_worker.trim();
    let mut out = format!(
        "<h1>About you and your family{}</h1><p class=\"lead\">This tells you what the grown-ups are worried about, what we all want to see, and the rules your family has agreed.{}</p>",
        if name.is_empty() { String::new() } else { format!(", {}", escape(&name)) },
        if worker.is_empty() { String::new() } else { format!(" Your social worker is {}.", escape(worker)) }
    );
    out.push_str("<p class=\"meta\" data-made-for>The child's version.</p>");
    let pairs: Vec<_> = a
        .planning
        .pairs
        .iter()
        .filter(|p| p.about.concerns(child))
        .collect();
    if !pairs.is_empty() {
        out.push_str("<h2>What the grown-ups are worried about</h2><ul>");
        for p in &pairs {
            out.push_str(&format!(
                "<li>{}</li>",
                escape(&theirs(&p.danger.family_words, danger_words(&p.danger)))
            ));
        }
        out.push_str("</ul><h2>What we all want to see</h2><ul>");
        for p in &pairs {
            out.push_str(&format!(
                "<li>{}</li>",
                escape(&theirs(&p.goal.family_words, goal_words(&p.goal)))
            ));
        }
        out.push_str("</ul>");
    }
    if let Some(v) = a.planning.plan.agreed() {
        let rules: String = v
            .rules
            .iter()
            .filter(|r| !r.rule.is_empty())
            .map(|r| {
                let told = if r.child_told.is_empty() {
                    String::new()
                } else {
                    format!("<br>{}", escape(&r.child_told))
                };
                format!("<li><strong>{}</strong>{told}</li>", escape(&r.rule))
            })
            .collect();
        if !rules.is_empty() {
            out.push_str(&format!("<h2>Our family's rules</h2><ol>{rules}</ol>"));
        }
    }
    // The child's own safety network when their own map is drawn, else the group's.
    let own = Some(child.clone());
    let map = a.map(&own).unwrap_or(&a.network);
    let helpers: Vec<String> = map
        .members
        .iter()
        .filter(|m| m.safety_network)
        .map(|m| crate::diagram::network::render::entry_name(a, m))
        .collect();
    if !helpers.is_empty() {
        out.push_str(&format!(
            "<h2>People who will help</h2><p>{}</p>",
            escape(&helpers.join(", "))
        ));
    }
    out.push_str(&super::child_tools::for_the_child(a, child));
    out.push_str("<h2>If you are worried</h2><p>You can talk to your social worker, or to any grown-up you trust, at any time.</p>");
    out
}
