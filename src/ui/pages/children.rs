//! "Children": each child the assessment is about, assessed individually.

use crate::model::progress::CHILDREN;
use crate::model::PersonRole;
use crate::ui::session::use_session;
use crate::ui::widgets::people_list::PeopleList;
use crate::ui::widgets::section_footer::SectionFooter;
use leptos::prelude::*;

/// The page at `/assessments/:id/children`.
#[component]
pub fn ChildrenPage() -> impl IntoView {
    let s = use_session();
    let back = move || format!("/assessments/{}", s.doc.read().id);
    view! {
        <a href=back class="back-link">"Back to overview"</a>
        <h1 class="heading-xl">"Children"</h1>
        <p class="body">"Each child has an individual assessment. Where the referral is about one child, other children in the household or family should be equally considered, and each child's circumstances assessed separately."</p>
        <PeopleList role=PersonRole::SubjectChild add_label="Add another child" empty_text="No child has been added yet."/>
        <SectionFooter section=CHILDREN/>
    }
}
