//! A list of people from the register as summary cards, with change, remove and add.

use crate::edit::register::{impact, remove_person, Change};
use crate::model::{Person, PersonId, PersonRole};
use crate::ui::platform::{long_date, random_bytes, today};
use crate::ui::router::use_navigate;
use crate::ui::session::use_session;
use leptos::prelude::*;

fn describe(p: &Person, due: Option<chrono::NaiveDate>) -> Vec<(&'static str, String)> {
    let mut rows = Vec::new();
    if !p.relationship.is_empty() {
        rows.push(("Relationship", p.relationship.clone()));
    }
    if matches!(
        p.role,
        PersonRole::FamilyMember | PersonRole::OtherSignificant
    ) && p.parental_responsibility
        != crate::model::family_group::ParentalResponsibility::NotAsked
    {
        let mut pr = p.parental_responsibility.label().to_owned();
        if !p.parental_responsibility_note.trim().is_empty() {
            pr = format!("{pr} ({})", p.parental_responsibility_note.trim());
        }
        rows.push(("Parental responsibility", pr));
    }
    if p.role == PersonRole::Professional && !p.organisation.is_empty() {
        rows.push(("Agency and role", p.organisation.clone()));
    }
    if let Some(due) = due {
        rows.push(("Expected delivery date", long_date(due)));
    }
    if let Some(dob) = p.date_of_birth {
        let age = p
            .age_on(today())
            .map(|a| format!(" (age {a})"))
            .unwrap_or_default();
        rows.push(("Date of birth", format!("{}{age}", long_date(dob))));
    }
    if p.role != PersonRole::Professional {
        rows.push(("Sex or gender", p.gender.label().to_owned()));
        rows.push((
            "Lives in the child's household",
            if p.lives_in_household { "Yes" } else { "No" }.to_owned(),
        ));
    }
    rows
}

/// The people of one role, as cards, with a button to add another.
#[component]
pub fn PeopleList(
    role: PersonRole,
    add_label: &'static str,
    empty_text: &'static str,
) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let confirming = RwSignal::new(None::<PersonId>);
    let people = move || {
        session
            .doc
            .read()
            .people
            .iter()
            .filter(|p| p.role == role)
            .cloned()
            .collect::<Vec<_>>()
    };
    let add = move |_| {
        let mut new_id = None;
        let made = session.try_edit("add a person", |a| {
            let id = a.fresh_person_id(random_bytes);
            a.people.push(Person::new(id.clone(), role));
            new_id = Some(id);
        });
        if let (true, Some(id)) = (made, new_id) {
            let path = format!(
                "/assessments/{}/person/{id}",
                session.doc.read_untracked().id
            );
            navigate(&path, Default::default());
        }
    };
    view! {
        <div class="people-list" data-testid=format!("people-{}", role.code())>
            {move || {
                let list = people();
                if list.is_empty() {
                    return view! { <p class="body">{empty_text}</p> }.into_any();
                }
                list.into_iter().map(|p| {
                    let name = p.display_name();
                    let id = p.id.clone();
                    let id_confirm = p.id.clone();
                    let id_remove = p.id.clone();
                    let href = format!("/assessments/{}/person/{}", session.doc.read_untracked().id, p.id);
                    let due = session.doc.with_untracked(|a| a.expected_delivery_of(&p));
                    let rows = describe(&p, due).into_iter().map(|(k, v)| view! {
                        <div class="summary-list__row"><dt class="summary-list__key">{k}</dt><dd class="summary-list__value">{v}</dd></div>
                    }).collect_view();
                    let change_label = format!("Change {name}");
                    let remove_label = format!("Remove {name}");
                    let question = format!("Remove {name} from this assessment?");
                    let done = format!("{name} was removed from the register.");
                    let remove_what = format!("remove {name}");
                    view! {
                        <section class="card" aria-label=name.clone()>
                            <div class="card__header">
                                <h3 class="card__title">{name.clone()}</h3>
                                {session.doc.with_untracked(|a| {
                                    a.mark(&crate::model::marks::Target::PersonDetails { person: p.id.clone() })
                                        .map(|m| crate::model::marks::mark_words(a, m))
                                }).map(|w| view! { <strong class="tag tag--purple" data-testid="mark-tag">{format!("Details: {w}")}</strong> })}
                                <div class="card__actions">
                                    <a href=href class="link-button" aria-label=change_label>"Change"</a>
                                    <button type="button" class="link-button link-button--danger" aria-label=remove_label
                                        on:click=move |_| confirming.set(Some(id_confirm.clone()))>"Remove"</button>
                                </div>
                            </div>
                            <Show when={ let id = id.clone(); move || confirming.get().as_ref() == Some(&id) }>
                                <div class="card__confirm" role="alert" data-testid="remove-confirm">
                                    <p class="body">{question.clone()}</p>
                                    {
                                        let impact = session.doc.with_untracked(|a| impact(a, &id, Change::Remove));
                                        (!impact.is_empty()).then(|| view! {
                                            <p class="body">"This also changes:"</p>
                                            <ul class="list list--bullet" data-testid="remove-impact">
                                                {impact.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                                            </ul>
                                        })
                                    }
                                    <div class="button-group">
                                        <button type="button" class="button button--warning button--small"
                                            on:click={ let id = id_remove.clone(); let done = done.clone(); let remove_what = remove_what.clone(); move |_| { let id = id.clone(); session.edit_register(&remove_what, done.clone(), move |a| { remove_person(a, &id); }); confirming.set(None); } }>
                                            "Yes, remove"
                                        </button>
                                        <button type="button" class="button button--secondary button--small" on:click=move |_| confirming.set(None)>"Cancel"</button>
                                    </div>
                                </div>
                            </Show>
                            <dl class="summary-list summary-list--card">{rows}</dl>
                        </section>
                    }
                }).collect_view().into_any()
            }}
            <button type="button" class="button button--secondary" on:click=add>{add_label}</button>
        </div>
    }
}
