//! One person's record in the register: every field saves as it is typed.

use crate::edit::merge::born;
use crate::edit::register::{impact, remove_person, set_role, Change};
use crate::model::{Gender, Life, Person, PersonId, PersonRole};
use crate::ui::platform::{long_date, today};
use crate::ui::router::use_params_map;
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{Checkbox, Choice, DateField, RadioGroup, TextArea, TextField};
use chrono::NaiveDate;
use leptos::prelude::*;

use super::not_found::NotFound;

/// The page at `/assessments/:id/person/:pid`.
#[component]
pub fn PersonPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let pid = Memo::new(move |_| params.read().get("pid").and_then(|p| PersonId::parse(&p)));
    let exists = move || {
        pid.get()
            .is_some_and(|id| s.doc.read().person(&id).is_some())
    };

    move || {
        if !exists() {
            return view! { <NotFound/> }.into_any();
        }
        let id = pid.get_untracked().expect("checked above");
        view! { <PersonForm id=id/> }.into_any()
    }
}

#[component]
fn PersonForm(id: PersonId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let read = move |f: fn(&Person) -> String| {
        Signal::derive(move || {
            s.doc
                .read()
                .person(&id.get_value())
                .map(f)
                .unwrap_or_default()
        })
    };
    // "change Jo Example's address": one undo step for the typing in one field.
    let write = move |field: &'static str, f: fn(&mut Person, String)| {
        Callback::new(move |v: String| {
            let who = s.doc.with_untracked(|a| {
                a.person(&id.get_value())
                    .map(|p| p.display_name())
                    .unwrap_or_default()
            });
            s.typing(
                format!("change {who}'s {field}"),
                format!("{field}:{}", id.get_value()),
                |a| {
                    if let Some(p) = a.person_mut(&id.get_value()) {
                        f(p, v)
                    }
                },
            )
        })
    };
    let role = Memo::new(move |_| s.doc.read().person(&id.get_value()).map(|p| p.role));
    let unborn = move || {
        s.doc
            .read()
            .person(&id.get_value())
            .is_some_and(|p| p.life == Life::Pregnancy)
    };
    let born_on = RwSignal::new(None::<NaiveDate>);
    let born_error = RwSignal::new(false);
    // A role change that takes something with it waits for "Yes".
    let pending_role = RwSignal::new(None::<PersonRole>);
    // "Add another child", then "Back" with nothing typed, leaves no "Unnamed child" behind.
    on_cleanup(move || {
        let Some(pid) = id.try_get_value() else {
            return;
        };
        let blank = s.doc.try_with_untracked(|a| {
            a.person(&pid).is_some_and(|p| p.is_blank())
                && impact(a, &pid, Change::Remove).is_empty()
        });
        if blank == Some(true) {
            s.edit("leave out the empty entry", |a| {
                remove_person(a, &pid);
            });
        }
    });
    let is_prof = move || role.get() == Some(PersonRole::Professional);
    let back_section = move || match role.get() {
        Some(PersonRole::SubjectChild) => "children",
        _ => "people",
    };
    let back = move || format!("/assessments/{}/{}", s.doc.read().id, back_section());
    let heading = move || {
        s.doc
            .read()
            .person(&id.get_value())
            .map(Person::display_name)
            .unwrap_or_default()
    };
    let roles: Vec<Choice> = PersonRole::ALL
        .iter()
        .map(|r| Choice::new(r.code(), r.label()))
        .collect();
    let genders: Vec<Choice> = Gender::ALL
        .iter()
        .map(|g| Choice::new(g.code(), g.label()))
        .collect();

    view! {
        <a href=back class="back-link">"Back"</a>
        <span class="caption">"Person"</span>
        <h1 class="heading-xl" data-testid="person-heading">{heading}</h1>
        <TextField id="given-name" label="First name" value=read(|p| p.given_name.clone())
            on_change=write("first name", |p, v| p.given_name = v) width_class="input--w20"/>
        <TextField id="family-name" label="Last name" value=read(|p| p.family_name.clone())
            on_change=write("last name", |p, v| p.family_name = v) width_class="input--w20"/>
        <RadioGroup name="role" legend="How are they part of this assessment?" choices=roles
            value=Signal::derive(move || pending_role.get().map_or_else(|| role.get().map(|r| r.code().to_owned()).unwrap_or_default(), |r| r.code().to_owned()))
            on_change=Callback::new(move |v: String| {
                let Some(r) = PersonRole::from_code(&v) else { return };
                let words = s.doc.with_untracked(|a| impact(a, &id.get_value(), Change::Role(r)));
                if words.is_empty() {
                    s.edit(format!("change {}'s role to “{}”", heading(), r.label()), |a| set_role(a, &id.get_value(), r));
                } else {
                    pending_role.set(Some(r));
                }
            })/>
        {move || pending_role.get().map(|r| {
            let words = s.doc.with_untracked(|a| impact(a, &id.get_value(), Change::Role(r)));
            view! {
                <div class="card__confirm" role="alert" data-testid="role-confirm">
                    <p class="body">{format!("Change {} to \"{}\"? This also changes:", heading(), r.label())}</p>
                    <ul class="list list--bullet">{words.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                    <div class="button-group">
                        <button type="button" class="button button--warning button--small" on:click=move |_| {
                            let label = format!("{} is now \"{}\".", heading(), r.label());
                            s.edit_register(&format!("change {}'s role", heading()), label, |a| set_role(a, &id.get_value(), r));
                            pending_role.set(None);
                        }>"Yes, change the role"</button>
                        <button type="button" class="button button--secondary button--small"
                            on:click=move |_| pending_role.set(None)>"Cancel"</button>
                    </div>
                </div>
            }
        })}
        <Show when=move || !is_prof()>
            <RadioGroup name="gender" legend="Sex or gender" choices=genders.clone() inline=true
                value=read(|p| p.gender.code().to_owned())
                on_change=write("sex or gender", |p, v| if let Some(g) = Gender::from_code(&v) { p.gender = g })/>
            {move || (!unborn()).then(|| view! {
                <DateField id="date-of-birth" label="Date of birth"
                    value=Signal::derive(move || s.doc.read().person(&id.get_value()).and_then(|p| p.date_of_birth))
                    on_change=Callback::new(move |v: Option<NaiveDate>| s.typing(format!("change {}'s date of birth", heading()), "date-of-birth", |a| if let Some(p) = a.person_mut(&id.get_value()) { p.date_of_birth = v }))/>
            })}
            {move || unborn().then(|| view! {
                <DateField id="expected-delivery" label="Expected delivery date"
                    hint=if matches!(s.doc.read().assessment_type, crate::model::AssessmentType::PreBirth { .. }) { "The same date as the pre-birth assessment's, on \"About the assessment\": changing one changes both." } else { "When the baby is due." }
                    value=Signal::derive(move || s.doc.with(|a| a.person(&id.get_value()).and_then(|p| a.expected_delivery_of(p))))
                    on_change=Callback::new(move |v: Option<NaiveDate>| s.typing(format!("change when {} is due", heading()), "expected-delivery", |a| a.set_expected_delivery(&id.get_value(), v)))/>
                <div class="inset-text" data-testid="born">
                    <h2 class="heading-m">"The baby has been born"</h2>
                    <p class="body">"Recording the birth keeps everything recorded about the baby; the questions for a born child are then asked."</p>
                    <DateField id="born-on" label="Date of birth" value=Signal::derive(move || born_on.get())
                        refuse=Callback::new(move |d: NaiveDate| (d > today()).then(|| "Date of birth must be today or in the past".to_owned()))
                        on_change=Callback::new(move |v: Option<NaiveDate>| born_on.set(v))/>
                    {move || born_error.get().then(|| view! { <p class="error-message" role="alert">"Enter the date of birth first"</p> })}
                    <button type="button" class="button" on:click=move |_| {
                        match born_on.get_untracked() {
                            Some(on) => {
                                born_error.set(false);
                                s.edit_register(&format!("record {}'s birth", heading()), format!("{} was born on {}.", heading(), long_date(on)), move |a| { born(a, &id.get_value(), on); });
                            }
                            None => born_error.set(true),
                        }
                    }>"Record the birth"</button>
                </div>
            })}
            <Checkbox id="lives-in-household" label="Lives in the child's household"
                checked=Signal::derive(move || s.doc.read().person(&id.get_value()).is_some_and(|p| p.lives_in_household))
                on_change=Callback::new(move |v: bool| s.edit(format!("change whether {} lives in the household", heading()), |a| if let Some(p) = a.person_mut(&id.get_value()) { p.lives_in_household = v }))/>
        </Show>
        <TextField id="relationship" label="Relationship to the child or children"
            hint="In your words, for example: Mother, Father (lives apart), Mother's partner, Maternal grandmother, Brother of Mia."
            value=read(|p| p.relationship.clone()) on_change=write("relationship to the child or children", |p, v| p.relationship = v) width_class="input--w30"/>
        <Show when=move || matches!(role.get(), Some(PersonRole::FamilyMember | PersonRole::OtherSignificant))>
            <RadioGroup name="parental-responsibility" legend="Do they have parental responsibility for the child or children?"
                hint="It decides who is offered a family group decision-making meeting before proceedings (Children Act 1989, section 31ZA)."
                choices={crate::model::family_group::ParentalResponsibility::ALL.iter().map(|r| Choice::new(r.code(), r.label())).collect::<Vec<_>>()}
                value=Signal::derive(move || s.doc.read().person(&id.get_value()).map(|p| p.parental_responsibility.code().to_owned()).unwrap_or_default())
                on_change=Callback::new(move |v: String| {
                    if let Some(r) = crate::model::family_group::ParentalResponsibility::from_code(&v) {
                        s.edit(format!("record whether {} has parental responsibility", heading()), |a| if let Some(p) = a.person_mut(&id.get_value()) { p.parental_responsibility = r });
                    }
                })/>
            <TextField id="pr-note" label="About their parental responsibility (optional)" hint="For example: Named on the birth certificate; By a child arrangements order, 2024."
                value=read(|p| p.parental_responsibility_note.clone()) on_change=write("note about parental responsibility", |p, v| p.parental_responsibility_note = v) width_class="input--w30"/>
        </Show>
        <Show when=is_prof>
            <TextField id="organisation" label="Agency and role" hint="For example: Class teacher, Fictional Primary School."
                value=read(|p| p.organisation.clone()) on_change=write("agency and role", |p, v| p.organisation = v) width_class="input--w30"/>
        </Show>
        <Show when=move || s.doc.read().person(&id.get_value()).is_some_and(|p| p.role != crate::model::PersonRole::SubjectChild)>
            <TextField id="address" label="Address" value=read(|p| p.address.clone()) on_change=write("address", |p, v| p.address = v) width_class="input--w30" autocomplete="off"/>
            <TextField id="phone" label="Phone number" value=read(|p| p.phone.clone()) on_change=write("phone number", |p, v| p.phone = v) width_class="input--w20" autocomplete="off"/>
        </Show>
        <TextArea id="notes" label="Notes" value=read(|p| p.notes.clone()) on_change=write("notes", |p, v| p.notes = v)/>
        <Show when=move || s.doc.read().person(&id.get_value()).is_some_and(|p| p.role != crate::model::PersonRole::SubjectChild)>
            <crate::ui::widgets::mark_control::MarkControl target=crate::model::marks::Target::PersonDetails { person: id.get_value() } what="these details"/>
        </Show>
        <Show when=move || role.get() == Some(PersonRole::SubjectChild)>
            <crate::ui::child::list::ChildTools child=id.get_value()/>
        </Show>
        <a href=back class="button" role="button" data-testid="person-done">"Save and go back"</a>
    }
}
