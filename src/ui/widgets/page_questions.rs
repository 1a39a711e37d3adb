//! A flow page's questions, each shown while its condition holds: the guided flow's page and a
//! profile's preview draw the same page.

use crate::flow::Flow;
use crate::model::PersonId;
use crate::procedure::profile::{GroupDef, SectionDef};
use crate::procedure::Profile;
use crate::ui::platform::today;
use crate::ui::session::use_session;
use crate::ui::widgets::question::Question;
use leptos::prelude::*;

/// The questions of `group` (for `child` in a per-child section) under `profile`; with
/// `marks`, each with its "Who may read this?" control.
pub fn page_questions(
    profile: &'static Profile,
    section: &'static SectionDef,
    group: &'static GroupDef,
    child: Option<PersonId>,
    marks: bool,
) -> impl IntoView {
    let s = use_session();
    group
        .questions
        .iter()
        .map(|q| {
            let child_vis = child.clone();
            let visible = move || {
                Flow::new(&s.doc.read(), profile, today()).is_visible(section, q, child_vis.as_ref())
            };
            let child = child.clone();
            let key = crate::model::answer_key(&q.id, child.as_ref());
            view! {
                <Show when=visible>
                    <div class="conditional-wrap" class:conditional=q.show_if.is_some()>
                        <Question q=q child=child.clone()/>
                        {marks.then(|| view! { <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::Answer { key: key.clone() } what="this answer"/> })}
                    </div>
                </Show>
            }
        })
        .collect_view()
}
