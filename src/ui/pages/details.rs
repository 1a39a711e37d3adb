//! "About the assessment": procedure, type, dates and the workers responsible.

use crate::model::progress::DETAILS;
use crate::model::AssessmentType;
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{profile_choices, type_choices, DateField, RadioGroup, TextField};
use crate::ui::widgets::section_footer::SectionFooter;
use chrono::NaiveDate;
use leptos::prelude::*;

/// The page at `/assessments/:id/details`.
#[component]
pub fn DetailsPage() -> impl IntoView {
    let s = use_session();
    let doc = s.doc;
    let back = move || format!("/assessments/{}", doc.read().id);
    let profiles = profile_choices();
    let kinds = type_choices();
    // Each field's changes in a row are one undo step, called after the field.
    let text = move |field: &'static str, f: fn(&mut crate::model::Assessment, String)| {
        Callback::new(move |v: String| s.typing(format!("change {field}"), field, |a| f(a, v)))
    };
    let date = move |field: &'static str,
                     f: fn(&mut crate::model::Assessment, Option<NaiveDate>)| {
        Callback::new(move |v: Option<NaiveDate>| {
            s.typing(format!("change {field}"), field, |a| f(a, v))
        })
    };
    view! {
        <a href=back class="back-link">"Back to overview"</a>
        <h1 class="heading-xl">"About the assessment"</h1>
        <RadioGroup
            name="profile"
            legend="Which procedure does this assessment follow?"
            choices=profiles
            value=Signal::derive(move || doc.read().profile.clone())
            on_change=text("the procedure", |a, v| a.profile = v)
        />
        <RadioGroup
            name="kind"
            legend="What type of assessment is it?"
            choices=kinds
            value=Signal::derive(move || doc.read().assessment_type.code().to_owned())
            on_change=text("the type of assessment", |a, v| {
                let edd = a.assessment_type.expected_delivery_date();
                if let Some(t) = AssessmentType::from_code(&v, edd) {
                    a.assessment_type = t;
                }
            })
        />
        <Show when=move || matches!(doc.read().assessment_type, AssessmentType::PreBirth { .. })>
            <div class="conditional">
                <DateField
                    id="edd"
                    label="Expected delivery date"
                    hint="The assessment should be completed at least 4 weeks before this date."
                    value=Signal::derive(move || doc.read().assessment_type.expected_delivery_date())
                    on_change=date("the expected delivery date", |a, v| a.assessment_type = AssessmentType::PreBirth { expected_delivery_date: v })
                />
            </div>
        </Show>
        <DateField
            id="referral-date"
            label="Referral date"
            hint="Timescales are counted in working days from this day."
            value=Signal::derive(move || doc.read().referral_date)
            on_change=date("the referral date", |a, v| a.referral_date = v)
        />
        <DateField
            id="start-date"
            label="Date the assessment started"
            value=Signal::derive(move || doc.read().start_date)
            on_change=date("the start date", |a, v| a.start_date = v)
        />
        <TextField
            id="lead-worker"
            label="Lead social worker"
            hint="The qualified social worker leading the assessment."
            value=Signal::derive(move || doc.read().lead_worker.clone())
            on_change=text("the lead social worker", |a, v| a.lead_worker = v)
            width_class="input--w20"
        />
        <crate::ui::widgets::fields::RadioGroup
            name="lead-worker-role"
            legend="The lead worker's role"
            hint="Under Families First, a Lead Child Protection Practitioner or a Family Help Lead Practitioner may lead. The DfE and SSD exports carry the lead worker as before."
            choices={crate::model::LeadRole::ALL.iter().map(|r| crate::ui::widgets::fields::Choice::new(r.code(), r.label())).collect::<Vec<_>>()}
            value=Signal::derive(move || doc.read().lead_worker_role.code().to_owned())
            on_change=Callback::new(move |v: String| {
                if let Some(r) = crate::model::LeadRole::from_code(&v) {
                    s.edit(format!("change the lead worker's role to {}", r.label()), |a| a.lead_worker_role = r);
                }
            })
        />
        <TextField
            id="allocated-team"
            label="Allocated team"
            hint="The team that holds the case, as the case system names it. Returns such as Annex A carry it."
            value=Signal::derive(move || doc.read().allocated_team.clone())
            on_change=text("the allocated team", |a, v| a.allocated_team = v)
            width_class="input--w20"
        />
        <TextField
            id="team-manager"
            label="Team manager or practice supervisor"
            hint="The qualified social work manager who supervises and approves the assessment."
            value=Signal::derive(move || doc.read().team_manager.clone())
            on_change=text("the team manager", |a, v| a.team_manager = v)
            width_class="input--w20"
        />
        <SectionFooter section=DETAILS/>
    }
}
