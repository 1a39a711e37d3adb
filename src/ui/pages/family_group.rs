//! Family group decision-making (Children Act 1989, section 31ZA): the letter before
//! proceedings, the offer of a meeting to each parent and person with parental responsibility
//! and their answer, the exception, the meetings, and the application to court; what the duty
//! still asks for is said at the top, naming the person.

use crate::edit::family_group as fg;
use crate::model::family_group::{
    Application, Exception, ExceptionKind, OfferAnswer, OfferedHow, OrderKind,
};
use crate::model::{ItemId, PersonId};
use crate::procedure::family_group::{gaps, to_be_offered};
use crate::ui::platform::{long_date, random_bytes, today};
use crate::ui::router::use_navigate;
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{Choice, DateField, RadioGroup, TextArea, TextField};
use chrono::NaiveDate;
use leptos::prelude::*;

/// What the duty still asks for, as a warning list (nothing when it is all done or not engaged).
#[component]
pub fn DutyGaps(#[prop(optional)] link: bool) -> impl IntoView {
    let s = use_session();
    move || {
        let a = s.doc.read();
        let list = gaps(&a);
        (!list.is_empty()).then(|| {
            let href = format!("/assessments/{}/family-group", a.id);
            view! {
                <div class="panel panel--warning" data-testid="duty-gaps">
                    <h2 class="heading-m">"Family group decision-making: still to do"</h2>
                    <ul class="list list--bullet">
                        {list.into_iter().map(|g| view! { <li>{g.words}</li> }).collect_view()}
                    </ul>
                    {link.then(|| view! { <p class="body"><a href=href>"Record it in family group decision-making"</a></p> })}
                </div>
            }
        })
    }
}

/// The page at `/assessments/:id/family-group`.
#[component]
pub fn FamilyGroupPage() -> impl IntoView {
    let s = use_session();
    let navigate = use_navigate();
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let letter = Signal::derive(move || s.doc.read().family_group.letter_before_proceedings);
    let set_letter = Callback::new(move |d: Option<NaiveDate>| {
        s.edit("record the date of the letter before proceedings", |a| {
            fg::set_letter(a, d)
        })
    });
    let add_meeting = move |_| {
        let id = ItemId::from_random(random_bytes());
        let url = format!("{}/family-group/{}", base(), id);
        if s.try_edit("add a family group decision-making meeting", |a| {
            fg::add_meeting(a, id)
        }) {
            navigate(&url, Default::default());
        }
    };
    // The people as a memo, each card keyed by person: an edit on one card keeps the others
    // (and their half-filled forms) as they are.
    let people = Memo::new(move |_| {
        let a = s.doc.read();
        let mut ids = to_be_offered(&a);
        for o in &a.family_group.offers {
            if !ids.contains(&o.person) {
                ids.push(o.person.clone());
            }
        }
        ids
    });
    let unrecorded = move || {
        let a = s.doc.read();
        a.people
            .iter()
            .filter(|p| {
                matches!(p.role, crate::model::PersonRole::FamilyMember)
                    && p.parental_responsibility
                        == crate::model::family_group::ParentalResponsibility::NotAsked
            })
            .map(|p| {
                (
                    p.display_name(),
                    format!("/assessments/{}/person/{}", a.id, p.id),
                )
            })
            .collect::<Vec<_>>()
    };
    view! {
        <a href=base class="back-link">"Back to the overview"</a>
        <span class="caption">"Family group decision-making"</span>
        <h1 class="heading-xl">"Family group decision-making"</h1>
        <p class="body">"Before applying for a care or supervision order, the council must offer a family group decision-making meeting to the child's parents and everyone with parental responsibility, in the letter before proceedings. If anyone accepts, the meeting is held before the application, unless the council considers that offering or holding it would not be in the child's best interests (Children Act 1989, section 31ZA)."</p>
        <DutyGaps/>
        <h2 class="heading-l">"The letter before proceedings"</h2>
        <DateField id="letter-before-proceedings" label="Date of the letter before proceedings" hint="The offers made in the letter take its date." value=letter on_change=set_letter/>
        <h2 class="heading-l">"The offer of a meeting"</h2>
        {move || {
            let list = unrecorded();
            (!list.is_empty()).then(|| view! {
                <div class="inset-text" data-testid="pr-not-recorded">
                    <p class="body">"Parental responsibility is not recorded for:"</p>
                    <ul class="list list--bullet">{list.into_iter().map(|(n, href)| view! { <li><a href=href>{n}</a></li> }).collect_view()}</ul>
                </div>
            })
        }}
        <Show when=move || people.read().is_empty()>
            <p class="body">"Nobody is recorded as a parent (on the genogram) or as having parental responsibility yet."</p>
        </Show>
        <For each=move || people.get() key=|p| p.clone() let:p>
            <OfferCard person=p/>
        </For>
        <h2 class="heading-l">"If a meeting would not be in the child's best interests"</h2>
        <ExceptionForm/>
        <h2 class="heading-l">"Meetings"</h2>
        <MeetingList/>
        <button type="button" class="button button--secondary" on:click=add_meeting>"Add a meeting"</button>
        <h2 class="heading-l">"The application to court"</h2>
        <ApplicationForm/>
    }
}

/// One person's offer: recording it, then their answer.
#[component]
fn OfferCard(person: PersonId) -> impl IntoView {
    let s = use_session();
    let person = StoredValue::new(person);
    let name = move || {
        s.doc
            .read()
            .person(&person.get_value())
            .map(|p| p.display_name())
            .unwrap_or_default()
    };
    let facts = move || {
        s.doc.read().person(&person.get_value()).map(|p| {
            let mut f = p.parental_responsibility.label().to_owned();
            if !p.parental_responsibility_note.trim().is_empty() {
                f = format!("{f} ({})", p.parental_responsibility_note.trim());
            }
            f
        })
    };
    // Which offer, not what it says: the answer's fields are not built again as they change.
    let offer = Memo::new(move |_| {
        s.doc
            .read()
            .family_group
            .offer_to(&person.get_value())
            .map(|o| o.id.clone())
    });
    view! {
        <section class="card card--padded" data-testid="offer-card" aria-label=move || format!("The offer to {}", name())>
            <h3 class="heading-m">{name}</h3>
            <p class="hint">{facts}</p>
            {move || match offer.get() {
                None => view! { <NewOffer person=person.get_value()/> }.into_any(),
                Some(id) => view! { <OfferAnswerForm id=id/> }.into_any(),
            }}
        </section>
    }
}

/// Recording that the meeting was offered to one person.
#[component]
fn NewOffer(person: PersonId) -> impl IntoView {
    let s = use_session();
    let has_letter = Memo::new(move |_| {
        s.doc
            .read()
            .family_group
            .letter_before_proceedings
            .is_some()
    });
    let how = RwSignal::new(String::new());
    let on = RwSignal::new(Some(today()));
    let words = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let key = person.to_string();
    let person = StoredValue::new(person);
    let record = move |_| {
        let how = match OfferedHow::from_code(&how.get_untracked()) {
            Some(h) => h,
            None => return error.set(Some("Select how the meeting was offered.".into())),
        };
        if how == OfferedHow::LetterBeforeProceedings && !has_letter.get_untracked() {
            return error.set(Some(
                "Enter the date of the letter before proceedings first.".into(),
            ));
        }
        let Some(day) = on.get_untracked() else {
            return error.set(Some("Enter the date it was offered.".into()));
        };
        error.set(None);
        let who = s.doc.with_untracked(|a| {
            a.person(&person.get_value())
                .map(|p| p.display_name())
                .unwrap_or_default()
        });
        s.edit(format!("record the offer to {who}"), |a| {
            fg::add_offer(
                a,
                ItemId::from_random(random_bytes()),
                person.get_value(),
                how,
                day,
                &words.get_untracked(),
            )
        });
    };
    let choices = move || {
        let mut c = vec![Choice::with_hint(
            "otherwise",
            "Another way",
            "At a meeting, by phone or in another letter.",
        )];
        if has_letter.get() {
            c.insert(
                0,
                Choice::with_hint(
                    "letterBeforeProceedings",
                    "In the letter before proceedings",
                    "Dated as the letter.",
                ),
            );
        }
        c
    };
    view! {
        {move || view! {
            <RadioGroup name=format!("offer-how-{key}") legend="How was the meeting offered?" choices=choices()
                value=how on_change=Callback::new(move |v| how.set(v))/>
        }}
        <Show when=move || how.get() == "otherwise">
            <DateField id=format!("offer-on-{}", person.get_value()) label="Date it was offered" value=on on_change=Callback::new(move |d| on.set(d))/>
            <TextField id=format!("offer-words-{}", person.get_value()) label="How it was offered" value=words on_change=Callback::new(move |v| words.set(v))/>
        </Show>
        {move || error.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
        <button type="button" class="button button--secondary" on:click=record>"Record the offer"</button>
    }
}

/// A person's answer to the offer.
#[component]
fn OfferAnswerForm(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let offer = move || {
        s.doc
            .read()
            .family_group
            .offers
            .iter()
            .find(|o| o.id == id.get_value())
            .cloned()
    };
    let answer = move |f: fn(&crate::model::family_group::Offer) -> String| {
        Signal::derive(move || offer().map(|o| f(&o)).unwrap_or_default())
    };
    let set = move |what: &'static str,
                    answer: Option<OfferAnswer>,
                    on: Option<Option<NaiveDate>>,
                    words: Option<String>| {
        let Some(o) = offer() else { return };
        let answer = answer.unwrap_or(o.answer);
        // An answer given now is dated today, or the day of the offer if that is later.
        let on = on
            .unwrap_or(o.answered_on)
            .or((answer != OfferAnswer::NoAnswerYet).then(|| today().max(o.offered_on)));
        let words = words.unwrap_or(o.their_words.clone());
        // Their words are typed: one Undo step for the typing in that field.
        s.typing(what, format!("offer:{what}:{}", id.get_value()), |a| {
            fg::answer_offer(a, &id.get_value(), answer, on, &words)
        });
    };
    let offered = move || {
        offer().map(|o| {
            let how = match o.how {
                OfferedHow::LetterBeforeProceedings => {
                    "in the letter before proceedings".to_owned()
                }
                OfferedHow::Otherwise if o.how_words.is_empty() => "another way".to_owned(),
                OfferedHow::Otherwise => o.how_words.clone(),
            };
            format!("Offered on {}, {how}.", long_date(o.offered_on))
        })
    };
    let answered = move || offer().is_some_and(|o| o.answer != OfferAnswer::NoAnswerYet);
    let remove = move |_| {
        s.edit("remove the offer", |a| fg::remove_offer(a, &id.get_value()));
    };
    view! {
        <p class="body" data-testid="offer-made">{offered}</p>
        <RadioGroup name=format!("answer-{}", id.get_value()) legend="Their answer" inline=true
            choices={OfferAnswer::ALL.iter().map(|x| Choice::new(x.code(), x.label())).collect::<Vec<_>>()}
            value=answer(|o| o.answer.code().to_owned())
            on_change=Callback::new(move |v: String| set("record their answer", OfferAnswer::from_code(&v), None, None))/>
        <Show when=answered>
            <DateField id=format!("answered-{}", id.get_value()) label="Date of their answer"
                value=Signal::derive(move || offer().and_then(|o| o.answered_on))
                on_change=Callback::new(move |d| set("change the date of their answer", None, Some(d), None))/>
        </Show>
        <TextArea id=format!("their-words-{}", id.get_value()) label="Their words, if they gave any"
            value=answer(|o| o.their_words.clone())
            on_change=Callback::new(move |v| set("record their words", None, None, Some(v)))/>
        <button type="button" class="link-button" on:click=remove>"Remove this offer"</button>
    }
}

/// The exception: recorded whole, with reasons and the manager who agreed it.
#[component]
fn ExceptionForm() -> impl IntoView {
    let s = use_session();
    let recorded = Memo::new(move |_| s.doc.read().family_group.exception.clone());
    let kind = RwSignal::new(String::new());
    let reasons = RwSignal::new(String::new());
    let manager = RwSignal::new(String::new());
    let on = RwSignal::new(Some(today()));
    let error = RwSignal::new(None::<String>);
    let record = move |_| {
        let mut missing = Vec::new();
        let k = ExceptionKind::from_code(&kind.get_untracked());
        if k.is_none() {
            missing.push("Select what was decided.");
        }
        if reasons.get_untracked().trim().is_empty() {
            missing.push("Say why it would not be in the child's best interests.");
        }
        if manager.get_untracked().trim().is_empty() {
            missing.push("Name the manager who agreed it.");
        }
        if on.get_untracked().is_none() {
            missing.push("Enter the date it was agreed.");
        }
        if !missing.is_empty() {
            return error.set(Some(missing.join(" ")));
        }
        error.set(None);
        let e = Exception {
            kind: k.expect("checked"),
            reasons: reasons.get_untracked().trim().to_owned(),
            agreed_by: manager.get_untracked().trim().to_owned(),
            on: on.get_untracked().expect("checked"),
        };
        s.edit(
            "record that a meeting would not be in the child's best interests",
            |a| fg::set_exception(a, Some(e)),
        );
    };
    move || {
        match recorded.get() {
        Some(e) => view! {
            <div class="inset-text" data-testid="exception">
                <p class="body"><strong>{e.kind.label()}</strong></p>
                <p class="body">{e.reasons.clone()}</p>
                <p class="body">{format!("Agreed by {} on {}.", e.agreed_by, long_date(e.on))}</p>
                <button type="button" class="link-button" on:click=move |_| s.edit("remove the exception", |a| fg::set_exception(a, None))>"Remove the exception"</button>
            </div>
        }.into_any(),
        None => view! {
            <details class="details">
                <summary class="details__summary">"Record that a meeting would not be in the child's best interests"</summary>
                <div class="details__text">
                    <RadioGroup name="exception-kind" legend="What did the council decide?"
                        choices={ExceptionKind::ALL.iter().map(|x| Choice::new(x.code(), x.label())).collect::<Vec<_>>()}
                        value=kind on_change=Callback::new(move |v| kind.set(v))/>
                    <TextArea id="exception-reasons" label="Why it would not be in the child's best interests" value=reasons on_change=Callback::new(move |v| reasons.set(v))/>
                    <TextField id="exception-manager" label="The manager who agreed it" value=manager on_change=Callback::new(move |v| manager.set(v)) width_class="input--w20"/>
                    <DateField id="exception-on" label="Date it was agreed" value=on on_change=Callback::new(move |d| on.set(d))/>
                    {move || error.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
                    <button type="button" class="button button--secondary" on:click=record>"Record the decision"</button>
                </div>
            </details>
        }.into_any(),
    }
    }
}

/// The meetings, each with what it came to.
#[component]
fn MeetingList() -> impl IntoView {
    let s = use_session();
    move || {
        let a = s.doc.read();
        if a.family_group.meetings.is_empty() {
            return view! { <p class="body">"No meeting recorded yet."</p> }.into_any();
        }
        let rows = a
            .family_group
            .meetings
            .iter()
            .map(|m| {
                let href = format!("/assessments/{}/family-group/{}", a.id, m.id);
                let when = m.date.map_or_else(|| "Date not set".to_owned(), long_date);
                let came = format!("{} came", m.came.len() + m.children_came.len());
                let response = m.response.map_or("No response yet", |r| r.label());
                view! {
                    <tr>
                        <th scope="row" data-label="Meeting"><a href=href>{format!("Meeting, {when}")}</a></th>
                        <td data-label="Who came">{came}</td>
                        <td data-label="The council's response">{response}</td>
                        <td data-label="The family's plan">{format!("{} agreed version{}", m.versions.len(), if m.versions.len() == 1 { "" } else { "s" })}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="table" data-testid="meetings">
                <thead><tr><th scope="col">"Meeting"</th><th scope="col">"Who came"</th><th scope="col">"The council's response"</th><th scope="col">"The family's plan"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    }
}

/// "Record that proceedings were applied for", saying first what the duty still asks.
#[component]
fn ApplicationForm() -> impl IntoView {
    let s = use_session();
    let made = Memo::new(move |_| s.doc.read().family_group.application.clone());
    let order = RwSignal::new(String::new());
    let on = RwSignal::new(Some(today()));
    let error = RwSignal::new(None::<String>);
    let record = move |_| {
        let (Some(order), Some(on)) = (
            OrderKind::from_code(&order.get_untracked()),
            on.get_untracked(),
        ) else {
            return error.set(Some(
                "Select the order and enter the date of the application.".into(),
            ));
        };
        error.set(None);
        s.edit("record that proceedings were applied for", |a| {
            fg::set_application(a, Some(Application { order, on }))
        });
    };
    move || {
        match made.get() {
        Some(x) => view! {
            <p class="body" data-testid="application">{format!("{} applied for on {}.", x.order.label(), long_date(x.on))}</p>
            <button type="button" class="link-button" on:click=move |_| s.edit("remove the application", |a| fg::set_application(a, None))>"Remove the application"</button>
        }.into_any(),
        None => view! {
            <RadioGroup name="order" legend="Which order was applied for?" inline=true
                choices={OrderKind::ALL.iter().map(|x| Choice::new(x.code(), x.label())).collect::<Vec<_>>()}
                value=order on_change=Callback::new(move |v| order.set(v))/>
            <DateField id="application-on" label="Date of the application" value=on on_change=Callback::new(move |d| on.set(d))/>
            {move || error.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
            <button type="button" class="button button--secondary" on:click=record>"Record that proceedings were applied for"</button>
        }.into_any(),
    }
    }
}
