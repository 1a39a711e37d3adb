//! Ready for the case system: each child's census facts (factors picked by meaning, codes
//! shown), the census rules as messages, the worker's completion with what is missing, the team
//! manager's authorisation, the read-only authorised assessment and its updates, every
//! authorised version, and the exports councils load.

use super::case_exports::Exports;
use super::flow_common::profile_of;
use crate::edit::case::{authorise, complete, edit_census, gaps, start_update};
use crate::flow::Flow;
use crate::model::PersonId;
use crate::procedure::{census, durations};
use crate::ui::platform::{download, long_date, now, today};
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{Choice, DateField, RadioGroup, TextArea, TextField};
use chrono::NaiveDate;
use leptos::prelude::*;

/// The page at `/assessments/:id/case-record`.
#[component]
pub fn CaseRecordPage() -> impl IntoView {
    let s = use_session();
    let base = move || format!("/assessments/{}", s.doc.read().id);
    let kids = Memo::new(move |_| {
        s.doc
            .read()
            .children()
            .map(|c| c.id.clone())
            .collect::<Vec<_>>()
    });
    let issues = move || census::issues(&s.doc.read());
    view! {
        <a href=base class="back-link">"Back to overview"</a>
        <span class="caption">"The case system"</span>
        <h1 class="heading-xl">"Completion, authorisation and the census"</h1>
        <super::family_group::DutyGaps link=true/>
        <Status/>
        <h2 class="heading-l">"Each child's census facts"</h2>
        <p class="body">"What the Children in Need census asks of this assessment, for each child. The factors are the ones identified at the end of the assessment."</p>
        {move || {
            let list = issues();
            (!list.is_empty()).then(|| view! {
                <div class="error-summary" role="alert" data-testid="census-issues">
                    <h2 class="error-summary__title">"The census rules"</h2>
                    <ul class="list">
                        {list.into_iter().map(|i| {
                            let words = format!("{} (rule {}): {}", if i.query { "Query" } else { "Error" }, i.rule, i.words);
                            match (&i.child, i.about) {
                                (Some(c), Some(about)) => view! { <li><a href=format!("#census-{c}-{about}")>{words}</a></li> }.into_any(),
                                _ => view! { <li>{words}</li> }.into_any(),
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        <For each=move || kids.get() key=|id| id.clone() let:child>
            <ChildCensusCard child=child/>
        </For>
        <Complete/>
        <Authorise/>
        <Versions/>
        <Exports/>
    }
}

/// Where the assessment stands, and "Start an update" once it is authorised.
#[component]
fn Status() -> impl IntoView {
    let s = use_session();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let start = move |_| {
        let r = reason.get_untracked();
        let mut out = Ok(());
        s.edit("start an update", |a| out = start_update(a, &r, today()));
        error.set(out.err());
    };
    move || {
        let a = s.doc.read();
        let took = durations::taken(&a).map(|d| {
            format!(
                " It took {d} working days from referral ({}).",
                durations::band(d)
            )
        });
        if let Some(x) = a.case.authorisations.last().filter(|_| a.is_locked()) {
            view! {
                <div class="panel panel--authorised" data-testid="case-status">
                    <p class="body"><strong class="tag tag--green">"Authorised"</strong>{format!(" by {} on {}. The assessment is read-only.{}", x.manager, long_date(x.on), took.unwrap_or_default())}</p>
                    <h2 class="heading-m">"Update the authorised assessment"</h2>
                    <p class="hint">"For example after the birth of a baby assessed before birth. The authorised version stays as it is."</p>
                    {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
                    <TextArea id="update-reason" label="Why it is being updated" value=reason on_change=Callback::new(move |v| reason.set(v))/>
                    <button type="button" class="button button--secondary" on:click=start>"Start an update"</button>
                </div>
            }
            .into_any()
        } else if let Some(c) = &a.case.completion {
            let update = a
                .case
                .update
                .as_ref()
                .map(|u| format!(" This is an update: {}.", u.reason))
                .unwrap_or_default();
            let on = Flow::new(&a, profile_of(s), today())
                .completed_on()
                .map(|d| format!(" on {}", long_date(d)))
                .unwrap_or_default();
            view! {
                <div class="panel" data-testid="case-status">
                    <p class="body"><strong class="tag tag--blue">"Complete"</strong>{format!("{on}, marked by {}. Waiting for the team manager's authorisation.{update}", c.by)}</p>
                    <CompletedOn/>
                </div>
            }.into_any()
        } else if let Some(u) = &a.case.update {
            view! {
                <div class="panel" data-testid="case-status">
                    <p class="body"><strong class="tag tag--yellow">"Being updated"</strong>{format!(" since {}: {}", long_date(u.started_on), u.reason)}</p>
                </div>
            }
            .into_any()
        } else {
            view! { <div class="panel" data-testid="case-status"><p class="body"><strong class="tag tag--grey">"In progress"</strong></p></div> }.into_any()
        }
    }
}

#[component]
fn ChildCensusCard(child: PersonId) -> impl IntoView {
    let s = use_session();
    let child = StoredValue::new(child);
    let facts = move || s.doc.with(|a| a.census_for(&child.get_value()));
    let name = move || {
        s.doc.with(|a| {
            a.person(&child.get_value())
                .map(|p| p.display_name())
                .unwrap_or_default()
        })
    };
    let key = child.get_value().to_string();
    let search = RwSignal::new(String::new());
    // The factor last ticked or unticked here: a rule it breaks is said beside it.
    let last_ticked = RwSignal::new(None::<String>);
    let said = move |about: &'static str| {
        census::issues(&s.doc.read())
            .into_iter()
            .filter(|i| i.child.as_ref() == Some(&child.get_value()) && i.about == Some(about))
            .map(|i| i.words)
            .collect::<Vec<_>>()
    };
    let beside = move |about: &'static str| {
        let words = said(about);
        (!words.is_empty()).then(|| view! {
            <div class="error-message" data-testid=format!("census-error-{about}")>
                {words.into_iter().map(|w| view! { <p class="body"><span class="visually-hidden">"Error: "</span>{w}</p> }).collect_view()}
            </div>
        })
    };
    let ethnicities: Vec<Choice> = std::iter::once(Choice::new("", "Not recorded"))
        .chain(
            census::ethnicities()
                .iter()
                .map(|e| Choice::new(&e.code, &format!("{} ({})", e.description, e.code))),
        )
        .collect();
    let set_factors = move |code: String, on: bool| {
        last_ticked.set(Some(code.clone()));
        let label = if on {
            format!("choose factor {code} for {}", name())
        } else {
            format!("remove factor {code} for {}", name())
        };
        s.edit(label, |a| {
            edit_census(a, &child.get_value(), |c| {
                c.factors.retain(|f| f != &code);
                if on {
                    c.factors.push(code);
                }
            })
        })
    };
    let needs: Vec<Choice> = std::iter::once(Choice::new("", "Not recorded"))
        .chain(
            census::needs()
                .iter()
                .map(|n| Choice::new(&n.code, &format!("{}: {}", n.code, n.description))),
        )
        .collect();
    let groups = move || {
        let found = census::search(&search.get());
        let mut out: Vec<(String, Vec<&'static census::Factor>)> = Vec::new();
        for f in found {
            match out.iter_mut().find(|(g, _)| g == &f.group) {
                Some((_, v)) => v.push(f),
                None => out.push((f.group.clone(), vec![f])),
            }
        }
        out
    };
    let suggested = move || {
        s.doc.with(|a| {
            census::suggested_factors(a)
                .iter()
                .map(|f| format!("{} ({})", f.meaning, f.code))
                .collect::<Vec<_>>()
        })
    };
    let k2 = key.clone();
    view! {
        <section class="card" data-testid="child-census" aria-label=move || format!("Census facts for {}", name())>
            <div class="card__header"><h3 class="card__title">{name}</h3></div>
            <div class="card__body">
                <TextField id=format!("la-id-{key}") label="The council's id for this child" hint="As it is in the case system."
                    value=Signal::derive(move || facts().la_child_id) width_class="input--w20"
                    on_change=Callback::new(move |v: String| s.typing(format!("change the council's id for {}", name()), format!("la-id-{}", child.get_value()), |a| edit_census(a, &child.get_value(), |c| c.la_child_id = v)))/>
                <div class="form-group">
                    <label class="label" for=format!("census-{key}-need")>"Primary need at referral"</label>
                    {move || beside("need")}
                    <select class="select" id=format!("census-{key}-need") prop:value=move || facts().primary_need.unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); s.edit(format!("change the primary need for {}", name()), |a| edit_census(a, &child.get_value(), |c| c.primary_need = (!v.is_empty()).then_some(v))) }>
                        {needs.into_iter().map(|c| view! { <option value=c.value.clone()>{c.label}</option> }).collect_view()}
                    </select>
                </div>
                <RadioGroup name=format!("seen-{key}") legend="Was the child seen during the assessment?" inline=true
                    choices=vec![Choice::new("yes", "Yes"), Choice::new("no", "No")]
                    value=Signal::derive(move || match crate::exchange::targets::seen(&s.doc.read(), &child.get_value()) { Some(true) => "yes".into(), Some(false) => "no".into(), None => String::new() })
                    on_change=Callback::new(move |v: String| s.edit(format!("change whether {} was seen", name()), |a| edit_census(a, &child.get_value(), |c| c.seen = Some(v == "yes"))))/>
                <DateField id=format!("seen-on-{key}") label="When the child was seen"
                    value=Signal::derive(move || facts().seen_on)
                    on_change=Callback::new(move |d: Option<NaiveDate>| s.edit(format!("change when {} was seen", name()), |a| edit_census(a, &child.get_value(), |c| c.seen_on = d)))/>
                <div class="form-group">
                    <label class="label" for=format!("census-{key}-ethnicity")>"Ethnicity"</label>
                    <div class="hint">"As the child or family describe it. The census code is in brackets."</div>
                    {move || beside("ethnicity")}
                    <select class="select" id=format!("census-{key}-ethnicity") prop:value=move || facts().ethnicity.unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); s.edit(format!("change the ethnicity of {}", name()), |a| edit_census(a, &child.get_value(), |c| c.ethnicity = (!v.is_empty()).then_some(v))) }>
                        {ethnicities.into_iter().map(|c| view! { <option value=c.value.clone()>{c.label}</option> }).collect_view()}
                    </select>
                </div>
                <fieldset class="fieldset" id=format!("census-{key}-disabilities")>
                    <legend class="fieldset__legend">"Disability"</legend>
                    <div class="hint">"Tick each that applies, or \"No disability\"."</div>
                    {move || beside("disabilities")}
                    <div class="checkboxes checkboxes--small">
                        {census::disabilities().iter().map(|d| {
                            let input = format!("disability-{}-{}", child.get_value(), d.code);
                            let (c1, c2) = (d.code.clone(), d.code.clone());
                            view! {
                                <div class="checkboxes__item">
                                    <input class="checkboxes__input" type="checkbox" id=input.clone()
                                        prop:checked=move || facts().disabilities.contains(&c1)
                                        on:change=move |ev| { let on = event_target_checked(&ev); let code = c2.clone(); s.edit(format!("{} disability {code} for {}", if on { "choose" } else { "remove" }, name()), |a| edit_census(a, &child.get_value(), |c| c.set_disability(&code, on))) }/>
                                    <label class="checkboxes__label" for=input>{format!("{} ({})", d.description, d.code)}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <h4 class="heading-s" id=format!("census-{key}-factors") tabindex="-1">"Factors identified at the end of assessment"</h4>
                <p class="body" data-testid="chosen-factors">{move || {
                    let f = facts().factors;
                    if f.is_empty() { "None chosen yet.".to_owned() } else { format!("Chosen: {}", f.iter().map(|c| census::factor(c).map_or_else(|| c.clone(), |x| format!("{} ({c})", x.meaning))).collect::<Vec<_>>().join("; ")) }
                }}</p>
                {move || { let s = suggested(); (!s.is_empty()).then(|| view! { <p class="hint" data-testid="suggested-factors">{format!("The mapping and analysis mention: {}. You choose.", s.join("; "))}</p> }) }}
                <div class="form-group">
                    <label class="label" for=format!("factor-search-{k2}")>"Find a factor"</label>
                    <div class="hint">"By meaning, everyday words or code, for example: drinking, neglect, county lines, 3B."</div>
                    <input class="input input--w20" type="search" id=format!("factor-search-{k2}") prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
                </div>
                {move || last_ticked.get().is_none().then(|| beside("factors"))}
                <div class="factor-picker">
                    {move || groups().into_iter().map(|(group, list)| view! {
                        <fieldset class="fieldset">
                            <legend class="fieldset__legend">{group}</legend>
                            <div class="checkboxes checkboxes--small">
                                {list.into_iter().map(|f| {
                                    let input = format!("factor-{}-{}", child.get_value(), f.code);
                                    let (c1, c2) = (f.code.clone(), f.code.clone());
                                    view! {
                                        <div class="checkboxes__item">
                                            <input class="checkboxes__input" type="checkbox" id=input.clone()
                                                prop:checked=move || facts().factors.contains(&c1)
                                                on:change=move |ev| set_factors(c2.clone(), event_target_checked(&ev))/>
                                            <label class="checkboxes__label" for=input>{format!("{} ({})", f.meaning, f.code)}</label>
                                            {let c3 = f.code.clone(); move || (last_ticked.get().as_ref() == Some(&c3)).then(|| beside("factors"))}
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                    }).collect_view()}
                </div>
            </div>
        </section>
    }
}

/// "This assessment is complete", with what is missing first.
#[component]
fn Complete() -> impl IntoView {
    let s = use_session();
    let tried = RwSignal::new(false);
    let missing = move || gaps(&s.doc.read(), profile_of(s), today());
    let mark = move |_| {
        tried.set(true);
        let by = s.doc.with_untracked(|a| a.lead_worker.clone());
        // Read before the change: the document cannot be read while it is being changed.
        let profile = profile_of(s);
        s.edit("mark the assessment complete", |a| {
            let _ = complete(a, profile, &by, today());
        });
    };
    view! {
        <Show when=move || s.doc.with(|a| a.case.completion.is_none() && !a.is_locked())>
            <div class="panel" data-testid="complete">
                <h2 class="heading-m">"Mark the assessment complete"</h2>
                {move || {
                    let m = missing();
                    if m.is_empty() {
                        view! { <p class="body">"Nothing is missing."</p> }.into_any()
                    } else {
                        view! {
                            <p class="body">{format!("{} thing{} to do first:", m.len(), if m.len() == 1 { "" } else { "s" })}</p>
                            <ul class="list list--bullet" data-testid="gaps" class:error-message=move || tried.get()>{m.into_iter().map(|g| view! { <li>{g}</li> }).collect_view()}</ul>
                        }.into_any()
                    }
                }}
                <CompletedOn/>
                <button type="button" class="button" on:click=mark>"Mark the assessment complete"</button>
            </div>
        </Show>
    }
}

/// The one completion date: the procedure's answer for it, with a link to where it is asked.
#[component]
fn CompletedOn() -> impl IntoView {
    let s = use_session();
    move || {
        let a = s.doc.read();
        let profile = profile_of(s);
        let id = &profile.timescales.completed_answer;
        let label = profile.question_label(id);
        let href = profile
            .question_page(id)
            .map(|(sec, g)| format!("/assessments/{}/s/{}/{}", a.id, sec.id, g.id))
            .unwrap_or_default();
        let said = match Flow::new(&a, profile, today()).completed_on() {
            Some(d) => format!("{label}: {}. ", long_date(d)),
            None => format!("{label}: not given yet. "),
        };
        view! {
            <p class="body" data-testid="completed-on">{said}
                <a href=href class="link">{format!("Change \"{label}\"")}</a>
            </p>
        }
    }
}

/// The team manager's authorisation.
#[component]
fn Authorise() -> impl IntoView {
    let s = use_session();
    let manager = RwSignal::new(s.doc.with_untracked(|a| a.team_manager.clone()));
    let comment = RwSignal::new(String::new());
    let on = RwSignal::new(Some(today()));
    let error = RwSignal::new(None::<String>);
    let go = move |_| {
        let (m, c, d) = (
            manager.get_untracked(),
            comment.get_untracked(),
            on.get_untracked().unwrap_or_else(today),
        );
        let mut out = None;
        let profile = profile_of(s);
        s.edit("authorise", |a| {
            out = Some(authorise(a, profile, &m, &c, d, now()))
        });
        error.set(match out {
            Some(Err(e)) => Some(e.words()),
            _ => None,
        });
    };
    view! {
        <Show when=move || s.doc.with(|a| a.case.completion.is_some() && !a.is_locked())>
            <div class="panel" data-testid="authorise">
                <h2 class="heading-m">"Authorisation by the team manager"</h2>
                <p class="hint">"Once authorised, the assessment is kept as it is and becomes read-only."</p>
                {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
                <TextField id="auth-manager" label="Team manager" value=manager on_change=Callback::new(move |v| manager.set(v)) width_class="input--w20"/>
                <DateField id="auth-date" label="Date authorised" value=on on_change=Callback::new(move |d: Option<NaiveDate>| on.set(d))/>
                <TextArea id="auth-comment" label="The manager's comment" value=comment on_change=Callback::new(move |v| comment.set(v))/>
                <button type="button" class="button" on:click=go>"Authorise the assessment"</button>
            </div>
        </Show>
    }
}

/// Every authorised version, each exportable as it was authorised.
#[component]
fn Versions() -> impl IntoView {
    let s = use_session();
    move || {
        let a = s.doc.read();
        if a.case.authorisations.is_empty() {
            return ().into_any();
        }
        let id = a.id.to_string();
        view! {
            <h2 class="heading-l">"Authorised versions"</h2>
            <table class="table" data-testid="authorised-versions">
                <thead><tr><th scope="col">"Version"</th><th scope="col">"Authorised"</th><th scope="col">"Why it was updated"</th><th scope="col">"The version"</th></tr></thead>
                <tbody>
                    {a.case.authorisations.iter().map(|x| {
                        let record = x.record.clone();
                        let name = format!("assessment-{id}-authorised-{}.json", x.number);
                        view! {
                            <tr>
                                <td>{x.number}</td>
                                <td>{format!("{}, by {}", long_date(x.on), x.manager)}{(!x.comment.is_empty()).then(|| format!(": {}", x.comment))}</td>
                                <td>{if x.update_reason.is_empty() { "The first authorisation".to_owned() } else { x.update_reason.clone() }}</td>
                                <td><button type="button" class="link-button" on:click=move |_| { let _ = download(&name, "application/json", &record); }>{format!("Export version {} (JSON)", x.number)}</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    }
}
