//! Signs of Safety planning in the summaries: harm and danger statements with their safety
//! goals, each pair's scale with its trajectory and what changed, and the safety plan. The
//! professional summary has every field and every agreed version's differences; the family's
//! uses the family's own words where they were given, and only the plan as last agreed.

use super::trajectory::{at_last_meeting, Move};
use super::words::long_date;
use super::{p, scale_block};
use crate::edit::planning::{pair_scale, plan_status};
use crate::model::planning::{danger_words, goal_words, theirs, StatementPair};
use crate::model::safety_plan::{differences, PlanVersion};
use crate::model::Assessment;
use crate::report::scale_chart::escape;

fn rows(fields: &[(&str, &str)]) -> String {
    let body: String = fields
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| {
            format!(
                "<dt>{}</dt><dd>{}</dd>",
                escape(k),
                escape(v.trim()).replace('\n', "<br>")
            )
        })
        .collect();
    format!("<dl>{body}</dl>")
}

fn changes(pair: &StatementPair, a: &Assessment) -> String {
    let Some((from, to, moves)) = pair_scale(a, &pair.id).and_then(at_last_meeting) else {
        return String::new();
    };
    let items: String = moves
        .iter()
        .map(|m| format!("<li>{}</li>", escape(&Move::words(m))))
        .collect();
    format!(
        "<p><strong>At {}, compared with {}:</strong></p><ul>{items}</ul>",
        escape(&to),
        escape(&from)
    )
}

/// The planning part of the professional summary.
pub fn professional(a: &Assessment) -> String {
    let plan = &a.planning;
    let mut out = String::new();
    if !plan.harms.is_empty() {
        out.push_str("<h2>Harm statements</h2>");
        for (i, h) in plan.harms.iter().enumerate() {
            out.push_str(&format!("<h3>Harm statement {}</h3>", i + 1));
            out.push_str(&rows(&[
                ("About", &h.about.words(a)),
                ("What happened", &h.what_happened),
                ("When", &h.when),
                ("How serious", &h.how_serious),
                ("Impact on the children", &h.impact),
                ("The family's words", &h.family_words),
                ("Where the family disagrees", &h.dispute),
                ("Written by", &h.about.written_by),
            ]));
        }
    }
    if !plan.pairs.is_empty() {
        out.push_str("<h2>Danger statements and safety goals</h2>");
        for (i, x) in plan.pairs.iter().enumerate() {
            out.push_str(&format!("<h3>Danger statement {}</h3>", i + 1));
            let d = &x.danger;
            out.push_str(&rows(&[
                ("About", &x.about.words(a)),
                ("Who is worried", &d.who_is_worried),
                ("About what", &d.worry),
                ("What might happen if nothing changes", &d.might_happen),
                ("Impact on the children", &d.impact),
                ("The family's words", &d.family_words),
                ("Where the family disagrees", &d.dispute),
            ]));
            out.push_str(&format!("<h3>Safety goal {}</h3>", i + 1));
            let g = &x.goal;
            out.push_str(&rows(&[
                ("What the caregivers will be doing", &g.caregivers_will),
                (
                    "What the children will experience",
                    &g.child_will_experience,
                ),
                ("What professionals will see", &g.professionals_will_see),
                ("For how long", &g.for_how_long),
                ("The family's words", &g.family_words),
            ]));
            if let Some(s) = pair_scale(a, &x.id) {
                out.push_str(&scale_block(a, s, true));
            }
            out.push_str(&changes(x, a));
        }
    }
    let sp = &plan.plan;
    if !sp.rules.is_empty() || !sp.versions.is_empty() {
        out.push_str(&format!(
            "<h2>Safety plan</h2><p class=\"meta\">{}{}</p>",
            escape(plan_status(a).label()),
            if sp.immediate {
                ", an immediate safety plan"
            } else {
                ""
            }
        ));
        out.push_str(&rules_table(&crate::edit::planning::written_version(
            a,
            chrono::NaiveDate::MIN,
            plan_status(a),
        )));
        for (i, v) in sp.versions.iter().enumerate() {
            out.push_str(&format!(
                "<h3>Version {}: {}, {}</h3>",
                v.number,
                escape(v.status.label()),
                long_date(v.agreed_on)
            ));
            if i > 0 {
                let items: String = differences(&sp.versions[i - 1], v)
                    .iter()
                    .map(|d| format!("<li>{}</li>", escape(&d.words())))
                    .collect();
                out.push_str(&format!(
                    "<p>What changed from version {}:</p><ul>{items}</ul>",
                    i
                ));
            }
        }
    }
    out
}

/// A plan's rules as a table, then its contacts, how it is checked and when it is reviewed.
fn rules_table(v: &PlanVersion) -> String {
    let mut out = String::from(
        "<table class=\"plan\"><tr><th>Rule</th><th>Who makes sure</th><th>What the children are told</th><th>Warning signs, and then</th></tr>",
    );
    for r in v.rules.iter().filter(|r| !r.rule.is_empty()) {
        let answers = if r.answers.is_empty() {
            String::new()
        } else {
            format!(
                "<br><span class=\"meta\">Answers: {}</span>",
                escape(&r.answers.join("; "))
            )
        };
        out.push_str(&format!(
            "<tr><td><strong>{}</strong>{answers}</td><td>{}</td><td>{}</td><td>{}{}</td></tr>",
            escape(&r.rule),
            escape(&r.who.join(", ")),
            escape(&r.child_told),
            escape(&r.warning_signs),
            if r.then.is_empty() {
                String::new()
            } else {
                format!(" Then: {}", escape(&r.then))
            }
        ));
    }
    out.push_str("</table>");
    if !v.contacts.is_empty() {
        let items: String = v
            .contacts
            .iter()
            .map(|c| format!("<li>{}</li>", escape(c)))
            .collect();
        out.push_str(&format!(
            "<p><strong>Who to call</strong></p><ul>{items}</ul>"
        ));
    }
    if !v.checked_how.is_empty() {
        out.push_str(&format!(
            "<p><strong>How the plan is checked:</strong> {}</p>",
            escape(&v.checked_how)
        ));
    }
    if let Some(d) = v.review_date {
        out.push_str(&format!(
            "<p><strong>Review by:</strong> {}</p>",
            long_date(d)
        ));
    }
    out
}

/// The planning part of the family's summary.
pub fn family(a: &Assessment) -> String {
    let plan = &a.planning;
    let mut out = String::new();
    if !plan.pairs.is_empty() {
        out.push_str("<h2>What we are worried about, and what we want to see</h2>");
        for (i, x) in plan.pairs.iter().enumerate() {
            out.push_str(&format!("<h3>Worry {}</h3>", i + 1));
            out.push_str(&p(&theirs(&x.danger.family_words, danger_words(&x.danger))));
            out.push_str("<p><strong>What we want to see instead:</strong></p>");
            out.push_str(&p(&theirs(&x.goal.family_words, goal_words(&x.goal))));
            if !x.goal.for_how_long.trim().is_empty() {
                out.push_str(&p(&format!("For how long: {}", x.goal.for_how_long.trim())));
            }
            if let Some(s) = pair_scale(a, &x.id) {
                out.push_str(&scale_block(a, s, true));
            }
        }
    }
    if let Some(v) = plan.plan.agreed() {
        out.push_str(&format!(
            "<h2>The safety plan we agreed</h2><p>{} on {}.</p>",
            escape(v.status.label()),
            long_date(v.agreed_on)
        ));
        out.push_str(&rules_table(v));
    }
    out
}
