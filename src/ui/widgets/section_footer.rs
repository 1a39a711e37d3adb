//! The end of every section page: "Have you completed this section?" and the way back.

use crate::ui::platform::today;
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{Choice, RadioGroup};
use leptos::prelude::*;

/// Marks a section completed or not, then offers the way back to the overview.
#[component]
pub fn SectionFooter(#[prop(into)] section: String) -> impl IntoView {
    let section = StoredValue::new(section);
    let session = use_session();
    let value = Signal::derive(move || {
        if session
            .doc
            .read()
            .completed_sections
            .contains(&section.get_value())
        {
            "yes".to_owned()
        } else {
            "no".to_owned()
        }
    });
    let on_change = Callback::new(move |v: String| {
        let label = if v == "yes" {
            "mark the section as completed"
        } else {
            "mark the section as not completed"
        };
        session.edit(label, |a| {
            if v == "yes" {
                a.completed_sections.insert(section.get_value());
            } else {
                a.completed_sections.remove(&section.get_value());
            }
        })
    });
    // What is still required, said as soon as the section is ticked as completed.
    let missing = Memo::new(move |_| {
        let a = session.doc.read();
        let Some(profile) = crate::procedure::of(&a) else {
            return Vec::new();
        };
        crate::flow::Flow::new(&a, profile, today())
            .task_list()
            .into_iter()
            .find(|s| s.id == section.get_value())
            .map(|s| s.missing)
            .unwrap_or_default()
    });
    let gaps = move || {
        let list = missing.get();
        (value.get() == "yes" && !list.is_empty()).then(|| {
            view! {
                <div class="inset-text inset-text--warning" role="alert" data-testid="completed-with-gaps">
                    <p class="body"><strong>"This section still shows as in progress. These required answers are missing:"</strong></p>
                    <ul class="list list--bullet">{list.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };
    let overview = move || format!("/assessments/{}", session.doc.read().id);
    view! {
        <RadioGroup
            name="section-completed"
            legend="Have you completed this section?"
            hint="You can come back and change it at any time. Everything is saved as you type."
            choices=vec![Choice::new("yes", "Yes, I've completed this section"), Choice::new("no", "No, I'll come back to it later")]
            value=value
            on_change=on_change
        />
        {gaps}
        <a href=overview class="button" role="button" data-testid="return-to-overview">"Save and return to overview"</a>
    }
}
