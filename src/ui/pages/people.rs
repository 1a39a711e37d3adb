//! "Family, network and professionals": everyone else in the people register.

use crate::model::progress::PEOPLE;
use crate::model::PersonRole;
use crate::ui::session::use_session;
use crate::ui::widgets::duplicates::DuplicatesNotice;
use crate::ui::widgets::people_list::PeopleList;
use crate::ui::widgets::section_footer::SectionFooter;
use leptos::prelude::*;

/// The page at `/assessments/:id/people`.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let s = use_session();
    let back = move || format!("/assessments/{}", s.doc.read().id);
    view! {
        <a href=back class="back-link">"Back to overview"</a>
        <h1 class="heading-xl">"Family, network and professionals"</h1>
        <p class="body">"Include fathers, even when they do not live with the children, and mothers' partners. The same people are used later in the genogram, the network map and the safety scales."</p>
        <DuplicatesNotice/>
        <crate::ui::widgets::mark_suggestions::MarkSuggestions/>
        <h2 class="heading-l">"Family members"</h2>
        <PeopleList role=PersonRole::FamilyMember add_label="Add a family member" empty_text="No family members have been added yet."/>
        <h2 class="heading-l">"Other significant people"</h2>
        <PeopleList role=PersonRole::OtherSignificant add_label="Add someone significant" empty_text="No one has been added yet."/>
        <h2 class="heading-l">"Professionals"</h2>
        <PeopleList role=PersonRole::Professional add_label="Add a professional" empty_text="No professionals have been added yet."/>
        <SectionFooter section=PEOPLE/>
    }
}
