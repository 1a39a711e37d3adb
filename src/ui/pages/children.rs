//! "Children": each child the assessment is about, assessed individually.

use crate::model::progress::CHILDREN;
use crate::model::{Life, Person, PersonRole};
use crate::ui::platform::random_bytes;
use crate::ui::router::use_navigate;
use crate::ui::session::use_session;
use crate::ui::widgets::duplicates::DuplicatesNotice;
use crate::ui::widgets::people_list::PeopleList;
use crate::ui::widgets::section_footer::SectionFooter;
use leptos::prelude::*;

/// The page at `/assessments/:id/children`.
#[component]
pub fn ChildrenPage() -> impl IntoView {
    let s = use_session();
    let back = move || format!("/assessments/{}", s.doc.read().id);
    let navigate = use_navigate();
    let add_baby = move |_| {
        let mut id = None;
        let made = s.try_edit("add an expected baby", |a| {
            let mut baby = Person::new(a.fresh_person_id(random_bytes), PersonRole::SubjectChild);
            baby.given_name = "Unborn baby".into();
            baby.life = Life::Pregnancy;
            id = Some(baby.id.clone());
            a.people.push(baby);
        });
        if let (true, Some(id)) = (made, id) {
            navigate(&format!("{}/person/{id}", back()), Default::default());
        }
    };
    view! {
        <a href=back class="back-link">"Back to overview"</a>
        <h1 class="heading-xl">"Children"</h1>
        <p class="body">"Each child has an individual assessment. Where the referral is about one child, other children in the household or family should be equally considered, and each child's circumstances assessed separately."</p>
        <DuplicatesNotice/>
        <PeopleList role=PersonRole::SubjectChild add_label="Add another child" empty_text="No child has been added yet."/>
        <p class="body">"An expected baby is a child too: add them here, and record the birth on their page when it happens."</p>
        <button type="button" class="button button--secondary" data-testid="add-expected-baby" on:click=add_baby>"Add an expected baby"</button>
        <SectionFooter section=CHILDREN/>
    }
}
