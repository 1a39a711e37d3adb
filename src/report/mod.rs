//! Printable summaries as HTML: the professional summary of the whole assessment, and a
//! plain-language summary for the family and the child. Pure: every word typed is escaped here,
//! and the same HTML is shown in the app, printed, and saved as a standalone file.

mod child;
pub mod child_tools;
mod family_group;
mod planning;
pub mod scale_chart;
pub mod trajectory;
pub mod words;

use crate::flow::Flow;
use crate::model::marks::Reader;
use crate::model::{Answer, Assessment, Scale};
use crate::procedure::profile::QuestionKind;
use crate::procedure::timescales::DueState;
use crate::procedure::Profile;
use crate::report::scale_chart::{escape, history_svg};
use crate::views::for_reader::for_reader;
use chrono::NaiveDate;
use words::{answer_words, long_date};

/// The style sheet of the summaries, embedded in saved files.
pub const REPORT_CSS: &str = include_str!("report.css");

fn p(text: &str) -> String {
    format!("<p>{}</p>", escape(text).replace('\n', "<br>"))
}

fn facts(a: &Assessment, profile: &Profile) -> String {
    let date = |d: Option<NaiveDate>| d.map(long_date).unwrap_or_else(|| "Not recorded".into());
    let mut rows = vec![
        ("Children", a.title()),
        ("Procedure", profile.name.clone()),
        ("Type", a.assessment_type.label().to_owned()),
        ("Referral date", date(a.referral_date)),
        ("Start date", date(a.start_date)),
        ("Lead social worker", a.lead_worker.clone()),
        ("Team manager", a.team_manager.clone()),
    ];
    if let Some(edd) = a.assessment_type.expected_delivery_date() {
        rows.push(("Expected delivery date", long_date(edd)));
    }
    let body: String = rows
        .into_iter()
        .map(|(k, v)| {
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                escape(k),
                escape(&v)
            )
        })
        .collect();
    format!("<table class=\"facts\">{body}</table>")
}

fn scale_block(a: &Assessment, s: &Scale, with_chart: bool) -> String {
    let mut out = format!("<h3>{}</h3>{}", escape(&a.scale_title(s)), p(&s.question));
    out.push_str(&format!(
        "<p class=\"anchors\">0 means: {}. 10 means: {}.</p><ul class=\"ratings\">",
        escape(s.low_anchor.trim().trim_end_matches('.')),
        escape(s.high_anchor.trim().trim_end_matches('.'))
    ));
    for m in &s.markers {
        let value = m.value.map_or_else(
            || "not placed".to_owned(),
            |v| format!("{} out of 10", v.short()),
        );
        let reason = if m.reason.trim().is_empty() {
            String::new()
        } else {
            format!(": “{}”", escape(m.reason.trim()))
        };
        out.push_str(&format!(
            "<li><strong>{}</strong>, {}{reason}</li>",
            escape(&m.rater.label()),
            escape(&value)
        ));
    }
    out.push_str("</ul>");
    if let Some(sp) = crate::model::scales::spread(&s.markers) {
        out.push_str(&p(&sp.words()));
    }
    if with_chart && !s.history.is_empty() {
        out.push_str(&format!(
            "<figure class=\"chart\">{}</figure>",
            history_svg(s)
        ));
    }
    out
}

/// The professional summary: facts, timescales, every section's answers, scales and outcome.
pub fn professional_summary(a: &Assessment, profile: &Profile, today: NaiveDate) -> String {
    let flow = Flow::new(a, profile, today);
    let mut out = format!(
        "<h1>Child and Family Assessment: {}</h1><p class=\"meta\">Professional summary, printed {}</p>{}",
        escape(&a.title()),
        long_date(today),
        facts(a, profile)
    );
    out.push_str("<h2>Timescales</h2><table class=\"timescales\"><tr><th>Due</th><th>What</th><th>Status</th></tr>");
    for d in flow.deadlines() {
        let status = match d.state {
            DueState::Done { on, late } => {
                format!("Done{} {}", if late { " late," } else { "" }, long_date(on))
            }
            DueState::Overdue => "Overdue".into(),
            DueState::DueToday => "Due today".into(),
            DueState::Upcoming => "Upcoming".into(),
        };
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            long_date(d.due),
            escape(&d.label),
            escape(&status)
        ));
    }
    out.push_str("</table><h2>People</h2><ul>");
    for person in &a.people {
        let mut line = format!(
            "<strong>{}</strong> ({})",
            escape(&person.display_name()),
            escape(person.role.label())
        );
        if !person.relationship.is_empty() {
            line.push_str(&format!(": {}", escape(&person.relationship)));
        }
        if !person.organisation.is_empty() {
            line.push_str(&format!(", {}", escape(&person.organisation)));
        }
        out.push_str(&format!("<li>{line}</li>"));
    }
    out.push_str("</ul>");
    for section in &profile.sections {
        let passes: Vec<Option<crate::model::PersonId>> = if section.per_child {
            flow.children().into_iter().map(Some).collect()
        } else {
            vec![None]
        };
        let mut body = String::new();
        for child in passes {
            let mut rows = String::new();
            for q in section.questions() {
                if !flow.is_visible(section, q, child.as_ref()) {
                    continue;
                }
                if let Some(ans) = flow.answer(&q.id, child.as_ref()).filter(|x| x.is_given()) {
                    let lines: String = answer_words(q, ans).iter().map(|l| p(l)).collect();
                    rows.push_str(&format!("<dt>{}</dt><dd>{lines}</dd>", escape(&q.label)));
                }
            }
            if rows.is_empty() {
                continue;
            }
            if let Some(c) = &child {
                let name = a.person(c).map(|x| x.display_name()).unwrap_or_default();
                body.push_str(&format!("<h3>{}</h3>", escape(&name)));
            }
            body.push_str(&format!("<dl>{rows}</dl>"));
        }
        if !body.is_empty() {
            out.push_str(&format!("<h2>{}</h2>{body}", escape(&section.title)));
        }
    }
    // A danger statement's scale is shown with its statement, below.
    let scales: Vec<&Scale> = a
        .scales
        .iter()
        .filter(|s| !matches!(s.kind, crate::model::ScaleKind::Pair { .. }))
        .collect();
    if !scales.is_empty() {
        out.push_str("<h2>Scales</h2>");
        for s in scales {
            out.push_str(&scale_block(a, s, true));
        }
    }
    out.push_str(&planning::professional(a));
    out.push_str(&family_group::professional(a));
    if !a.chronology.is_empty() {
        out.push_str("<h2>Chronology</h2><table class=\"chronology\"><tr><th>Date</th><th>What happened</th><th>Source</th><th>Significance</th></tr>");
        for e in crate::model::chronology::sorted(&a.chronology) {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e.date.map(long_date).unwrap_or_default(),
                escape(&e.what),
                escape(&e.source),
                escape(&e.significance)
            ));
        }
        out.push_str("</table>");
    }
    out.push_str(&diagrams(a, today));
    out.push_str(&child_tools::professional(a));
    out.push_str(&marks_table(a, profile));
    out
}

/// Who may read what, for the professional record: each mark on something still there.
fn marks_table(a: &Assessment, profile: &Profile) -> String {
    let label = |id: &str| profile.question_label(id);
    let rows: String = a
        .marks
        .iter()
        .filter_map(|m| {
            let what = crate::views::for_reader::describe(a, &m.target, label)?;
            Some(format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}, {}</td></tr>",
                escape(&what),
                escape(&crate::model::marks::mark_words(a, m)),
                escape(&m.why),
                escape(&m.set_by),
                long_date(m.set_on)
            ))
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    format!("<h2>Who may read what</h2><table class=\"marks\"><tr><th>What</th><th>Mark</th><th>Why</th><th>Set by</th></tr>{rows}</table>")
}

/// The genogram, the network map and the safety network, for the professional summary.
fn diagrams(a: &Assessment, today: NaiveDate) -> String {
    let mut out = String::new();
    if !a.genogram.members.is_empty() {
        let on = a.as_at(today);
        out.push_str(&format!(
            "<h2>Genogram</h2><p class=\"meta\">Ages at {}.</p><div class=\"diagram\">{}</div>",
            long_date(on),
            crate::diagram::genogram::render::standalone(a, Some(on))
        ));
    }
    use crate::diagram::network::render::{map_title, standalone};
    for (which, map) in a.maps() {
        if map.members.is_empty() {
            continue;
        }
        let title = match which {
            None if a.child_networks.is_empty() => "Family network map".to_owned(),
            _ => map_title(a, &which, false),
        };
        out.push_str(&format!(
            "<h2>{}</h2><div class=\"diagram\">{}</div>",
            escape(&title),
            standalone(a, &which, false)
        ));
        let helpers = safety_network(a, map).concat();
        if !helpers.is_empty() {
            let title = match which {
                None if a.child_networks.is_empty() => "Safety network".to_owned(),
                _ => map_title(a, &which, true),
            };
            out.push_str(&format!("<h2>{}</h2><ul>{helpers}</ul>", escape(&title)));
        }
    }
    out
}

/// Each person in a map's safety network and what they have agreed to do, as list items.
fn safety_network(a: &Assessment, map: &crate::model::network::NetworkMap) -> Vec<String> {
    use crate::diagram::network::render::{entry_name, entry_role};
    map.members
        .iter()
        .filter(|m| m.safety_network)
        .map(|m| {
            let role = entry_role(a, m);
            let role = if role.is_empty() {
                String::new()
            } else {
                format!(" ({})", escape(&role))
            };
            let agreed = if m.agreed.trim().is_empty() {
                "Has not yet said what they will do.".to_owned()
            } else {
                escape(m.agreed.trim())
            };
            format!(
                "<li><strong>{}</strong>{role}: {agreed}</li>",
                escape(&entry_name(a, m))
            )
        })
        .collect()
}

/// What the family summary takes from the answers: a plain heading, a sentence saying what it
/// is, and the questions (from either profile) whose answers go under it.
const FAMILY_PARTS: [(&str, &str, &[&str]); 4] = [
    (
        "What we are worried about",
        "These are the things that worry children's social care.",
        &[
            "dangerStatements",
            "pastHarm",
            "worries",
            "complicatingFactors",
        ],
    ),
    (
        "What is working well",
        "These are the good things we have seen, and what is already keeping the children safe.",
        &[
            "existingStrengths",
            "existingSafety",
            "parentingStrengths",
            "safetyFactors",
        ],
    ),
    (
        "What needs to happen",
        "This is what needs to happen so that the children are safe, and what happens next.",
        &["safetyGoals", "familyGoals", "nextSteps", "planOfAction"],
    ),
    (
        "What the children told us",
        "We listened to the children. This is what they said and what life is like for them.",
        &["wishesAndFeelings", "livedExperience"],
    ),
];

/// The family summary for `reader`: the worries, what is working well, what needs to happen,
/// the scales and the plan, in words a parent can read, made from the document as that reader
/// may see it (nothing marked away from them can be in it); for a child, their own shorter one.
pub fn family_summary(
    a: &Assessment,
    profile: &Profile,
    today: NaiveDate,
    reader: &Reader,
) -> String {
    let shown = for_reader(a, reader);
    match reader {
        Reader::Child(c) => child::summary(&shown, c),
        _ => family_body(&shown, profile, today, &reader.words(a)),
    }
}

/// The family's summary of a document already made for its reader.
fn family_body(a: &Assessment, profile: &Profile, today: NaiveDate, made_for: &str) -> String {
    let flow = Flow::new(a, profile, today);
    let questions: Vec<_> = profile
        .sections
        .iter()
        .flat_map(|s| s.questions().map(move |q| (s, q)))
        .collect();
    let mut out = format!(
        "<h1>What we found: a summary for the family of {}</h1>\
         <p class=\"lead\">This is a short summary of the assessment that children's social care has done with your family. \
         It says what we are worried about, what is going well, and what needs to happen next. \
         If anything here is wrong or you do not understand it, please tell your social worker{}.</p>",
        escape(&words::children_in_words(a)),
        if a.lead_worker.trim().is_empty() { String::new() } else { format!(", {}", escape(a.lead_worker.trim())) }
    );
    out.push_str(&format!(
        "<p class=\"meta\" data-made-for>Made for {}.</p>",
        escape(made_for)
    ));
    for (heading, intro, ids) in FAMILY_PARTS {
        let mut body = String::new();
        for id in ids {
            let Some((section, q)) = questions.iter().find(|(_, q)| q.id == *id) else {
                continue;
            };
            let passes: Vec<Option<crate::model::PersonId>> = if section.per_child {
                flow.children().into_iter().map(Some).collect()
            } else {
                vec![None]
            };
            for child in passes {
                let Some(ans) = flow.answer(id, child.as_ref()).filter(|x| x.is_given()) else {
                    continue;
                };
                let who = child
                    .as_ref()
                    .and_then(|c| a.person(c))
                    .map(|x| format!("<strong>{}:</strong> ", escape(&x.display_name())))
                    .unwrap_or_default();
                match (q.kind, ans) {
                    // for the list of worries, just say what each one is
                    (QuestionKind::List, Answer::Items(items)) => {
                        for item in items {
                            if let Some(w) = item.get("worry").filter(|w| !w.trim().is_empty()) {
                                body.push_str(&format!("<li>{}</li>", escape(w.trim())));
                            }
                        }
                    }
                    _ => {
                        for line in answer_words(q, ans) {
                            body.push_str(&format!("<li>{who}{}</li>", escape(&line)));
                        }
                    }
                }
            }
        }
        if !body.is_empty() {
            out.push_str(&format!(
                "<h2>{}</h2><p>{}</p><ul>{body}</ul>",
                escape(heading),
                escape(intro)
            ));
        }
    }
    let safety: Vec<&Scale> = a
        .scales
        .iter()
        .filter(|s| matches!(s.kind, crate::model::ScaleKind::Safety { .. }))
        .collect();
    if !safety.is_empty() {
        out.push_str("<h2>How safe things are now</h2><p>Everyone put a number from 0 to 10 on how safe they think things are. \
            0 means it is too unsafe for the children to stay at home; 10 means the children are safe enough for children's social care to stop being involved. \
            People see it differently, and that is what we talk about together.</p>");
        for s in safety {
            out.push_str(&scale_block(a, s, false));
        }
    }
    out.push_str(&planning::family(a));
    out.push_str(&family_group::family(a));
    if let Some(Answer::Choices(outcomes)) = flow.answer("outcomes", None) {
        let q = profile
            .sections
            .iter()
            .flat_map(|s| s.questions())
            .find(|q| q.id == "outcomes");
        if let Some(q) = q {
            let items: String = outcomes
                .iter()
                .map(|o| format!("<li>{}</li>", escape(&q.value_label(o))))
                .collect();
            out.push_str(&format!("<h2>What we decided</h2><ul>{items}</ul>"));
        }
    }
    if let Some(why) = flow
        .answer("decisionReasons", None)
        .and_then(Answer::text)
        .filter(|t| !t.trim().is_empty())
    {
        out.push_str(&format!(
            "<h2>Why we decided this</h2><p>{}</p>",
            escape(why).replace('\n', "<br>")
        ));
    }
    // Everyone in any map's safety network (the group's and each child's), each once.
    let mut items: Vec<String> = Vec::new();
    for li in a.maps().flat_map(|(_, map)| safety_network(a, map)) {
        if !items.contains(&li) {
            items.push(li);
        }
    }
    let helpers = items.concat();
    if !helpers.is_empty() {
        out.push_str(&format!(
            "<h2>Who will help keep the children safe</h2><p>These people have said they will help.</p><ul>{helpers}</ul>"
        ));
    }
    out.push_str(&child_tools::family(a));
    out.push_str("<h2>If you disagree</h2><p>You can tell your social worker or their manager if you disagree with anything in this summary, and your views will be written down. You can also ask for a copy of the full assessment.</p>");
    out
}

/// A complete HTML file of a summary, to keep or send: its own styles, no scripts, nothing
/// fetched from anywhere.
pub fn standalone_html(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{REPORT_CSS}</style></head>\
         <body><main class=\"report\">{body}</main></body></html>\n",
        escape(title)
    )
}

#[cfg(test)]
mod tests;
