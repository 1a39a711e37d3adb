//! Links from a page of questions to the records its answers lead to (the profile's `tools`):
//! the danger statements and safety goals, and the safety plan, with where each stands.

use crate::edit::planning::plan_status;
use crate::procedure::profile::Tool;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The tools `tools` names, as links with a line on where each stands.
#[component]
pub fn ToolLinks(tools: Vec<Tool>) -> impl IntoView {
    let s = use_session();
    if tools.is_empty() {
        return ().into_any();
    }
    let items = move || {
        let a = s.doc.read();
        let base = format!("/assessments/{}", a.id);
        tools
            .iter()
            .map(|t| {
                let (href, name, state) = match t {
                    Tool::Planning => {
                        let n = a.planning.pairs.len();
                        (
                            format!("{base}/planning"),
                            "Danger statements and safety goals",
                            match n {
                                0 => "None written yet".to_owned(),
                                1 => "1 written".to_owned(),
                                n => format!("{n} written"),
                            },
                        )
                    }
                    Tool::SafetyPlan => (
                        format!("{base}/safety-plan"),
                        "Safety plan",
                        format!(
                            "{}: {} rule{}",
                            plan_status(&a).label(),
                            a.planning.plan.rules.len(),
                            if a.planning.plan.rules.len() == 1 { "" } else { "s" }
                        ),
                    ),
                };
                view! {
                    <li><a href=href class="link">{name}</a><span class="hint">{format!(" – {state}")}</span></li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="inset-text" data-testid="tool-links">
            <p class="body"><strong>"Write these as records too, to rate and plan with the family:"</strong></p>
            <ul class="list">{items}</ul>
        </div>
    }
    .into_any()
}
