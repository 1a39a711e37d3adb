//! Starting a new assessment: the procedure profile, the type, the dates and the first child.

use crate::model::{dates, Assessment, AssessmentId, AssessmentType, Life, Person, PersonRole};
use crate::procedure;
use crate::storage::prefs;
use crate::ui::platform::{now, random_bytes, repo, today};
use crate::ui::router::use_navigate;
use crate::ui::widgets::fields::{profile_choices, type_choices, DateField, RadioGroup, TextField};
use crate::ui::widgets::messages::ErrorSummary;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The profile offered for new assessments with this id (its newest version not withdrawn).
fn offered(id: &str) -> Option<&'static procedure::Profile> {
    procedure::registry::offered()
        .into_iter()
        .find(|p| p.id == id)
}

/// The form's answers before the assessment exists.
#[derive(Clone, Default)]
struct Draft {
    profile: String,
    kind: String,
    edd: Option<NaiveDate>,
    referral: Option<NaiveDate>,
    start: Option<NaiveDate>,
    given: String,
    family: String,
    dob: Option<NaiveDate>,
}

impl Draft {
    fn problems(&self) -> Vec<String> {
        let mut p = Vec::new();
        if offered(&self.profile).is_none() {
            p.push("Select the procedure this assessment follows".to_owned());
        }
        if AssessmentType::from_code(&self.kind, None).is_none() {
            p.push("Select the type of assessment".to_owned());
        }
        if p.is_empty() {
            // The dates' rules are the document's, checked on what would be created.
            let a = self.build();
            p.extend(
                dates::new_assessment_problems(&a)
                    .into_iter()
                    .map(str::to_owned),
            );
        }
        p
    }

    fn build(&self) -> Assessment {
        let kind = AssessmentType::from_code(&self.kind, self.edd).expect("checked");
        let mut a = match offered(&self.profile) {
            Some(p) => procedure::start(p, AssessmentId::from_random(random_bytes()), now(), kind),
            None => Assessment::new(
                AssessmentId::from_random(random_bytes()),
                now(),
                &self.profile,
                kind,
            ),
        };
        a.referral_date = self.referral;
        a.start_date = self.start;
        let mut child = Person::new(a.fresh_person_id(random_bytes), PersonRole::SubjectChild);
        child.given_name = self.given.trim().to_owned();
        child.family_name = self.family.trim().to_owned();
        if matches!(kind, AssessmentType::PreBirth { .. }) {
            // The child of a pre-birth assessment is the unborn baby: the flow asks about the
            // pregnancy and the plan for the birth, not whether the baby was seen.
            child.life = Life::Pregnancy;
            if child.given_name.is_empty() {
                child.given_name = "Unborn baby".to_owned();
            }
        } else {
            child.date_of_birth = self.dob;
        }
        a.people.push(child);
        a
    }
}

/// The "Start a new assessment" page.
#[component]
pub fn NewAssessmentPage() -> impl IntoView {
    let draft = RwSignal::new(Draft {
        profile: prefs::last_profile().unwrap_or_default(),
        start: Some(today()),
        ..Draft::default()
    });
    let errors = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let navigate = use_navigate();

    let profiles = profile_choices();
    let kinds = type_choices();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let d = draft.get_untracked();
        let problems = d.problems();
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        busy.set(true);
        let a = d.build();
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = async { repo().await?.save(&a).await }.await;
            busy.set(false);
            match result {
                Ok(()) => {
                    crate::ui::platform::ask_to_keep_data();
                    prefs::set_last_profile(&a.profile);
                    navigate(&format!("/assessments/{}", a.id), Default::default());
                }
                Err(e) => errors.set(vec![format!("The assessment could not be created: {e}.")]),
            }
        });
    };

    let set =
        move |f: fn(&mut Draft, String)| Callback::new(move |v: String| draft.update(|d| f(d, v)));
    let set_date = move |f: fn(&mut Draft, Option<NaiveDate>)| {
        Callback::new(move |v: Option<NaiveDate>| draft.update(|d| f(d, v)))
    };

    view! {
        <a href="/" class="back-link">"Back"</a>
        <h1 class="heading-xl">"Start a new assessment"</h1>
        {move || {
            let e = errors.get();
            (!e.is_empty()).then(|| view! { <ErrorSummary title="There is a problem" messages=e/> })
        }}
        <form novalidate on:submit=submit class="form">
            <RadioGroup
                name="profile"
                legend="Which procedure does this assessment follow?"
                hint="The procedure sets the questions, outcomes and timescales. A council's own procedure is loaded on the Procedures page."
                choices=profiles
                value=Signal::derive(move || draft.read().profile.clone())
                on_change=set(|d, v| d.profile = v)
            />
            <RadioGroup
                name="kind"
                legend="What type of assessment is it?"
                choices=kinds
                value=Signal::derive(move || draft.read().kind.clone())
                on_change=set(|d, v| d.kind = v)
            />
            <Show when=move || draft.read().kind == "preBirth">
                <div class="conditional">
                    <DateField
                        id="edd"
                        label="Expected delivery date"
                        value=Signal::derive(move || draft.read().edd)
                        on_change=set_date(|d, v| d.edd = v)
                    />
                </div>
            </Show>
            <DateField
                id="referral-date"
                label="Referral date"
                hint="The date the referral was received. Timescales count from this day."
                value=Signal::derive(move || draft.read().referral)
                on_change=set_date(|d, v| d.referral = v)
            />
            <DateField
                id="start-date"
                label="Date the assessment started"
                value=Signal::derive(move || draft.read().start)
                on_change=set_date(|d, v| d.start = v)
            />
            <h2 class="heading-m">"The first child"</h2>
            <p class="hint">"You can add brothers and sisters, family members and professionals next. For an unborn baby, leave the names empty."</p>
            <TextField
                id="child-given-name"
                label="First name"
                value=Signal::derive(move || draft.read().given.clone())
                on_change=set(|d, v| d.given = v)
                width_class="input--w20"
            />
            <TextField
                id="child-family-name"
                label="Last name"
                value=Signal::derive(move || draft.read().family.clone())
                on_change=set(|d, v| d.family = v)
                width_class="input--w20"
            />
            <Show when=move || draft.read().kind != "preBirth">
                <DateField
                    id="child-dob"
                    label="Date of birth"
                    hint="For example, 27 3 2019. Leave it empty if it is not known yet."
                    value=Signal::derive(move || draft.read().dob)
                    on_change=set_date(|d, v| d.dob = v)
                />
            </Show>
            <button class="button" type="submit" prop:disabled=move || busy.get()>"Create assessment"</button>
        </form>
    }
}
