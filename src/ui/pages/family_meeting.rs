//! One family group decision-making meeting: the referral and the independent coordinator, who
//! was invited (the safety network and those willing on the network map first) and who came,
//! the child's views, what professionals said, private family time, the family's plan in their
//! own words (each point can become a rule of the safety plan), the council's response, and
//! the agreed versions with their differences.

use crate::edit::family_group as fg;
use crate::model::family_group::{Meeting, Response};
use crate::model::{ItemId, PersonId, PersonRole};
use crate::ui::pages::not_found::NotFound;
use crate::ui::platform::{long_date, random_bytes, today};
use crate::ui::router::use_params_map;
use crate::ui::session::{use_session, Session};
use crate::ui::widgets::fields::{
    Checkbox, CheckboxGroup, Choice, DateField, RadioGroup, TextArea, TextField,
};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The page at `/assessments/:id/family-group/:meeting`.
#[component]
pub fn FamilyMeetingPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    // Only whether the meeting is there: the form is not built again on every edit (which would
    // take the focus and the half-typed fields with it).
    let found = Memo::new(move |_| {
        let id = params
            .read()
            .get("meeting")
            .and_then(|m| ItemId::parse(&m))?;
        s.doc
            .read()
            .family_group
            .meetings
            .iter()
            .any(|m| m.id == id)
            .then_some(id)
    });
    move || match found.get() {
        Some(id) => view! { <MeetingForm id=id/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

fn strings<T: std::fmt::Display>(v: &[T]) -> Vec<String> {
    v.iter().map(ToString::to_string).collect()
}

fn ids(v: Vec<String>) -> Vec<PersonId> {
    v.iter().filter_map(|p| PersonId::parse(p)).collect()
}

/// A text field of the meeting, typed as one step per field.
fn words(
    s: Session,
    id: StoredValue<ItemId>,
    field: &'static str,
    get: fn(&Meeting) -> String,
    put: fn(&mut Meeting, String),
) -> (Signal<String>, Callback<String>) {
    let value = Signal::derive(move || {
        s.doc
            .read()
            .family_group
            .meetings
            .iter()
            .find(|m| m.id == id.get_value())
            .map(get)
            .unwrap_or_default()
    });
    let change = Callback::new(move |v: String| {
        s.typing(
            format!("change the meeting's {field}"),
            format!("meeting:{field}:{}", id.get_value()),
            |a| fg::update_meeting(a, &id.get_value(), |m| put(m, v)),
        )
    });
    (value, change)
}

#[component]
fn MeetingForm(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let meeting = move || {
        s.doc
            .read()
            .family_group
            .meetings
            .iter()
            .find(|m| m.id == id.get_value())
            .cloned()
    };
    let date = |get: fn(&Meeting) -> Option<NaiveDate>| {
        Signal::derive(move || meeting().and_then(|m| get(&m)))
    };
    let set_date = move |what: &'static str, put: fn(&mut Meeting, Option<NaiveDate>)| {
        Callback::new(move |d: Option<NaiveDate>| {
            s.edit(format!("change the {what}"), |a| {
                fg::update_meeting(a, &id.get_value(), |m| put(m, d))
            })
        })
    };
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let heading = move || {
        meeting().map_or_else(String::new, |m| match m.date {
            Some(d) => format!("Meeting, {}", long_date(d)),
            None => "Meeting, date not set".to_owned(),
        })
    };
    let name = move |p: &PersonId| {
        s.doc
            .read()
            .person(p)
            .map(|x| x.display_name())
            .unwrap_or_default()
    };
    let invitees = Memo::new(move |_| {
        let a = s.doc.read();
        fg::suggested_invitees(&a)
            .into_iter()
            .map(|(p, why)| {
                let n = a.person(&p).map(|x| x.display_name()).unwrap_or_default();
                if why.is_empty() {
                    Choice::new(p.as_str(), &n)
                } else {
                    Choice::with_hint(p.as_str(), &n, why)
                }
            })
            .collect::<Vec<_>>()
    });
    // Who is on each list, as the check boxes' values.
    let listed = move |f: fn(&Meeting) -> Vec<String>| {
        Signal::derive(move || meeting().map(|m| f(&m)).unwrap_or_default())
    };
    let invited = listed(|m| strings(&m.invited));
    let came = listed(|m| strings(&m.came));
    let children_came = listed(|m| strings(&m.children_came));
    let child_words_chosen = listed(|m| strings(&m.child_words));
    let set_list =
        move |what: &'static str, f: fn(&mut crate::model::Assessment, &ItemId, &[PersonId])| {
            Callback::new(move |v: Vec<String>| {
                let want = ids(v);
                s.edit(what, |a| f(a, &id.get_value(), &want))
            })
        };
    let set_invited = set_list("change who was invited", fg::set_invited_list);
    let set_came = set_list("change who came", fg::set_came_list);
    let set_children = set_list("change which children came", fg::set_children_came_list);
    let set_child_words = Callback::new(move |v: Vec<String>| {
        let chosen: Vec<ItemId> = v.iter().filter_map(|w| ItemId::parse(w)).collect();
        s.edit("choose what the child said to be heard", |a| {
            fg::update_meeting(a, &id.get_value(), |m| m.child_words = chosen)
        })
    });
    let has_invited = Memo::new(move |_| meeting().is_some_and(|m| !m.invited.is_empty()));
    let came_choices = Memo::new(move |_| {
        meeting()
            .map(|m| {
                m.invited
                    .iter()
                    .map(|p| Choice::new(p.as_str(), &name(p)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let child_choices = Memo::new(move |_| {
        s.doc
            .read()
            .children()
            .map(|c| Choice::new(c.id.as_str(), &c.display_name()))
            .collect::<Vec<_>>()
    });
    let word_choices = Memo::new(move |_| {
        let a = s.doc.read();
        a.child_tools
            .iter()
            .flat_map(|t| {
                let who = a
                    .person(&t.child)
                    .map(|c| c.given_name.clone())
                    .unwrap_or_default();
                t.child_words.iter().map(move |w| {
                    Choice::with_hint(
                        w.id.as_str(),
                        &w.words,
                        &format!("{who}, {}", t.kind().label()),
                    )
                })
            })
            .collect::<Vec<_>>()
    });
    let (coordinator, set_coordinator) = words(
        s,
        id,
        "coordinator",
        |m| m.coordinator.clone(),
        |m, v| m.coordinator = v,
    );
    let (place, set_place) = words(s, id, "place", |m| m.place.clone(), |m, v| m.place = v);
    let (views, set_views) = words(
        s,
        id,
        "child's views",
        |m| m.child_views.clone(),
        |m, v| m.child_views = v,
    );
    let (info, set_info) = words(
        s,
        id,
        "information given",
        |m| m.information_given.clone(),
        |m, v| m.information_given = v,
    );
    let (lives, set_lives) = words(
        s,
        id,
        "where the child will live",
        |m| m.plan.where_child_lives.clone(),
        |m, v| m.plan.where_child_lives = v,
    );
    let (contact, set_contact) = words(
        s,
        id,
        "contact",
        |m| m.plan.contact.clone(),
        |m, v| m.plan.contact = v,
    );
    let (fails, set_fails) = words(
        s,
        id,
        "plan if it does not work",
        |m| m.plan.if_it_does_not_work.clone(),
        |m, v| m.plan.if_it_does_not_work = v,
    );
    let (reasons, set_reasons) = words(
        s,
        id,
        "response's reasons",
        |m| m.response_reasons.clone(),
        |m, v| m.response_reasons = v,
    );
    let response = Signal::derive(move || {
        meeting()
            .and_then(|m| m.response)
            .map(|r| r.code().to_owned())
            .unwrap_or_default()
    });
    let set_response = Callback::new(move |v: String| {
        let r = Response::from_code(&v);
        s.edit("record the council's response", |a| {
            fg::update_meeting(a, &id.get_value(), |m| m.response = r)
        })
    });
    let private = Signal::derive(move || meeting().is_some_and(|m| m.private_family_time));
    let set_private = Callback::new(move |v: bool| {
        s.edit("change whether the family had private time", |a| {
            fg::update_meeting(a, &id.get_value(), |m| m.private_family_time = v)
        })
    });
    let agreed_on = RwSignal::new(Some(today()));
    let agree_error = RwSignal::new(None::<String>);
    let agree = move |_| {
        let Some(on) = agreed_on.get_untracked() else {
            return agree_error.set(Some("Enter the date the plan was agreed.".into()));
        };
        if meeting().and_then(|m| m.response).is_none() {
            return agree_error.set(Some("Record the council's response first.".into()));
        }
        agree_error.set(None);
        s.edit("keep the family's plan as agreed", |a| {
            fg::agree_version(a, &id.get_value(), on);
        });
    };
    let add_point = move |_| {
        s.edit("add a point to the family's plan", |a| {
            fg::add_point(a, &id.get_value(), ItemId::from_random(random_bytes()))
        })
    };
    let point_ids = Memo::new(move |_| {
        meeting()
            .map(|m| {
                m.plan
                    .points
                    .iter()
                    .map(|p| p.id.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let navigate = crate::ui::router::use_navigate();
    let remove_meeting = move |_| {
        let back = format!("{}/family-group", base());
        if s.try_edit("remove the meeting", |a| {
            fg::remove_meeting(a, &id.get_value())
        }) {
            navigate(&back, Default::default());
        }
    };
    view! {
        <a href=move || format!("{}/family-group", base()) class="back-link">"Back to family group decision-making"</a>
        <span class="caption">"Family group decision-making"</span>
        <h1 class="heading-xl" data-testid="meeting-heading">{heading}</h1>
        <h2 class="heading-l">"Arranging it"</h2>
        <DateField id="referred-on" label="Date of the referral to the family group conference service" value=date(|m| m.referred_on) on_change=set_date("date of the referral", |m, d| m.referred_on = d)/>
        <TextField id="coordinator" label="The coordinator" hint="Independent of the case." value=coordinator on_change=set_coordinator width_class="input--w30"/>
        <DateField id="meeting-date" label="Date of the meeting" value=date(|m| m.date) on_change=set_date("date of the meeting", |m, d| m.date = d)/>
        <TextField id="meeting-place" label="Where it was held" value=place on_change=set_place width_class="input--w30"/>
        <h2 class="heading-l">"Who was there"</h2>
        {move || view! { <CheckboxGroup name="invited" legend="Who was invited" hint="The safety network and those willing to attend on the network map come first." choices=invitees.get() value=invited on_change=set_invited/> }}
        {move || has_invited.get().then(|| view! { <CheckboxGroup name="came" legend="Who came" choices=came_choices.get() value=came on_change=set_came/> })}
        {move || view! { <CheckboxGroup name="children-came" legend="Which children came" choices=child_choices.get() value=children_came on_change=set_children/> }}
        <h2 class="heading-l">"The child's views"</h2>
        <TextArea id="child-views" label="The child's views" hint="In the words they were given, by the child or for them." value=views on_change=set_views/>
        {move || { let c = word_choices.get(); (!c.is_empty()).then(|| view! { <CheckboxGroup name="child-words" legend="Things the child said in their own tools, to be heard at the meeting" choices=c value=child_words_chosen on_change=set_child_words/> }) }}
        <h2 class="heading-l">"The meeting"</h2>
        <TextArea id="information-given" label="Information given by professionals" value=info on_change=set_info/>
        <Checkbox id="private-time" label="The family had private time without professionals" checked=private on_change=set_private/>
        <h2 class="heading-l">"The family's plan, in their words"</h2>
        <For each=move || point_ids.get() key=|p| p.clone() let:point>
            <PointCard meeting=id.get_value() point=point/>
        </For>
        <button type="button" class="button button--secondary" on:click=add_point>"Add a point to the plan"</button>
        <TextArea id="where-child-lives" label="Where the child will live" value=lives on_change=set_lives/>
        <TextArea id="contact" label="Contact" value=contact on_change=set_contact/>
        <TextArea id="if-it-does-not-work" label="What happens if the plan does not work" value=fails on_change=set_fails/>
        <h2 class="heading-l">"The council's response"</h2>
        <RadioGroup name="response" legend="The council's response to the family's plan" choices={Response::ALL.iter().map(|r| Choice::new(r.code(), r.label())).collect::<Vec<_>>()} value=response on_change=set_response/>
        <TextArea id="response-reasons" label="Reasons" value=reasons on_change=set_reasons/>
        <DateField id="review-date" label="Date of the review meeting" value=date(|m| m.review_date) on_change=set_date("date of the review", |m, d| m.review_date = d)/>
        <h2 class="heading-l">"Agreed versions"</h2>
        <Versions meeting=id.get_value()/>
        <DateField id="agreed-on" label="Date the plan was agreed" value=agreed_on on_change=Callback::new(move |d| agreed_on.set(d))/>
        {move || agree_error.get().map(|m| view! { <p class="error-message" role="alert">{m}</p> })}
        <div class="button-group">
            <button type="button" class="button" on:click=agree>"Keep the plan as agreed"</button>
            <a class="button button--secondary" role="button" href=move || format!("{}/family-group/{}/print", base(), id.get_value())>"Print the family's plan"</a>
        </div>
        <button type="button" class="link-button link-button--danger" on:click=remove_meeting>"Remove this meeting"</button>
    }
}

/// One point of the family's plan: what, who, when; and the safety plan rule made from it.
#[component]
fn PointCard(meeting: ItemId, point: ItemId) -> impl IntoView {
    let s = use_session();
    let (meeting, point) = (StoredValue::new(meeting), StoredValue::new(point));
    let get = move || {
        s.doc
            .read()
            .family_group
            .meetings
            .iter()
            .find(|m| m.id == meeting.get_value())
            .and_then(|m| {
                m.plan
                    .points
                    .iter()
                    .find(|p| p.id == point.get_value())
                    .cloned()
            })
    };
    let text = |f: fn(&crate::model::family_group::PlanPoint) -> String| {
        Signal::derive(move || get().map(|p| f(&p)).unwrap_or_default())
    };
    let put = move |field: &'static str,
                    f: fn(&mut crate::model::family_group::PlanPoint, String)| {
        Callback::new(move |v: String| {
            s.typing(
                format!("change a point's {field}"),
                format!("point:{field}:{}", point.get_value()),
                |a| fg::update_point(a, &meeting.get_value(), &point.get_value(), |p| f(p, v)),
            )
        })
    };
    let who = Signal::derive(move || {
        get()
            .map(|p| p.who.iter().map(|x| x.to_string()).collect())
            .unwrap_or_default()
    });
    let set_who = Callback::new(move |v: Vec<String>| {
        let chosen = ids(v);
        s.edit("change who does it", |a| {
            fg::update_point(a, &meeting.get_value(), &point.get_value(), |p| {
                p.who = chosen
            })
        })
    });
    let people = Memo::new(move |_| {
        s.doc
            .read()
            .people
            .iter()
            .filter(|p| {
                matches!(
                    p.role,
                    PersonRole::FamilyMember | PersonRole::OtherSignificant
                )
            })
            .map(|p| Choice::new(p.id.as_str(), &p.display_name()))
            .collect::<Vec<_>>()
    });
    // Some(true): already a rule; Some(false): can be made one; None: nothing written yet.
    let is_rule = Memo::new(move |_| {
        let p = get()?;
        let made = p
            .rule
            .is_some_and(|r| s.doc.read().planning.plan.rules.iter().any(|x| x.id == r));
        (made || !p.words.trim().is_empty()).then_some(made)
    });
    let make_rule = move |_| {
        s.edit(
            "make a point of the family's plan a rule of the safety plan",
            |a| {
                fg::point_to_rule(
                    a,
                    &meeting.get_value(),
                    &point.get_value(),
                    ItemId::from_random(random_bytes()),
                );
            },
        )
    };
    let remove = move |_| {
        s.edit("remove a point of the family's plan", |a| {
            fg::remove_point(a, &meeting.get_value(), &point.get_value())
        })
    };
    let key = point.get_value().to_string();
    view! {
        <div class="card card--padded" data-testid="plan-point">
            <TextArea id=format!("point-{key}") label="What will be done" value=text(|p| p.words.clone()) on_change=put("words", |p, v| p.words = v)/>
            {move || view! { <CheckboxGroup name=format!("point-who-{}", point.get_value()) legend="Who will do it" choices=people.get() value=who on_change=set_who/> }}
            <TextField id=format!("point-when-{key}") label="When" value=text(|p| p.when.clone()) on_change=put("when", |p, v| p.when = v) width_class="input--w20"/>
            <div class="button-group">
                {move || match is_rule.get() {
                    Some(true) => view! { <strong class="tag tag--green" data-testid="point-is-rule">"A rule of the safety plan"</strong> }.into_any(),
                    Some(false) => view! { <button type="button" class="button button--secondary button--small" on:click=make_rule>"Make this a rule of the safety plan"</button> }.into_any(),
                    None => ().into_any(),
                }}
                <button type="button" class="link-button" on:click=remove>"Remove this point"</button>
            </div>
        </div>
    }
}

/// The agreed versions, newest first, each with what changed from the one before.
#[component]
fn Versions(meeting: ItemId) -> impl IntoView {
    let s = use_session();
    let meeting = StoredValue::new(meeting);
    move || {
        let versions = s
            .doc
            .read()
            .family_group
            .meetings
            .iter()
            .find(|m| m.id == meeting.get_value())
            .map(|m| m.versions.clone())
            .unwrap_or_default();
        if versions.is_empty() {
            return view! { <p class="body">"Not agreed yet."</p> }.into_any();
        }
        versions
            .iter()
            .enumerate()
            .rev()
            .map(|(i, v)| {
                let changes = (i > 0).then(|| fg::differences(&versions[i - 1], v));
                view! {
                    <section class="card card--padded" data-testid="plan-version">
                        <h3 class="heading-m">{format!("Version {}, agreed {} ({})", v.number, long_date(v.agreed_on), v.response.label().to_lowercase())}</h3>
                        <ul class="list list--bullet">{v.points.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                        {changes.map(|c| view! {
                            <p class="body"><strong>"What changed: "</strong>{if c.is_empty() { "nothing".to_owned() } else { c.join("; ") }}</p>
                        })}
                    </section>
                }
            })
            .collect_view()
            .into_any()
    }
}
