//! The one control beside anything recorded that says who may read it: a tag showing the mark
//! (wherever the item shows), and a small panel to set it: everyone, not for the family, not for
//! particular people, or restricted to the professional record, with why.

use crate::edit::marks::{clear_mark, set_mark};
use crate::model::marks::{mark_words, Restriction, Target};
use crate::model::{PersonId, PersonRole};
use crate::ui::platform::today;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The mark control for `target`; `what` names the item for screen readers ("this answer").
#[component]
pub fn MarkControl(target: Target, #[prop(into)] what: String) -> impl IntoView {
    let s = use_session();
    let target = StoredValue::new(target);
    let open = RwSignal::new(false);
    let kind = RwSignal::new(String::new());
    let people = RwSignal::new(Vec::<PersonId>::new());
    let why = RwSignal::new(String::new());
    let mark = move || {
        s.doc.with(|a| {
            a.mark(&target.get_value())
                .map(|m| (mark_words(a, m), m.why.clone()))
        })
    };
    let start = move |_| {
        let current = s
            .doc
            .with_untracked(|a| a.mark(&target.get_value()).cloned());
        let (k, p, w) = match current {
            None => ("everyone", Vec::new(), String::new()),
            Some(m) => match m.restriction {
                Restriction::NotForFamily => ("family", Vec::new(), m.why),
                Restriction::Restricted => ("restricted", Vec::new(), m.why),
                Restriction::NotFor { people } => ("people", people, m.why),
            },
        };
        kind.set(k.to_owned());
        people.set(p);
        why.set(w);
        open.set(true);
    };
    let error = RwSignal::new(None::<&'static str>);
    let step = StoredValue::new(format!("change who may read {what}"));
    let save = move |_| {
        let restriction = match kind.get_untracked().as_str() {
            "family" => Some(Restriction::NotForFamily),
            "restricted" => Some(Restriction::Restricted),
            "people" if people.get_untracked().is_empty() => {
                error.set(Some("Choose who it is not for"));
                return;
            }
            "people" => Some(Restriction::NotFor {
                people: people.get_untracked(),
            }),
            _ => None,
        };
        error.set(None);
        let by = s.doc.with_untracked(|a| a.lead_worker.clone());
        let w = why.get_untracked();
        s.edit(step.get_value(), |a| match restriction {
            Some(r) => set_mark(a, target.get_value(), r, &by, today(), &w),
            None => clear_mark(a, &target.get_value()),
        });
        open.set(false);
    };
    let key = move || {
        let t = serde_json::to_string(&target.get_value()).unwrap_or_default();
        t.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
    };
    let id = StoredValue::new(key());
    // For finding the control in tests and styles: "answer:pastHarm", "personDetails:p-…".
    let code = {
        let v = serde_json::to_value(target.get_value()).unwrap_or_default();
        let kind = v["kind"].as_str().unwrap_or_default().to_owned();
        let rest: Vec<String> = v
            .as_object()
            .map(|o| {
                o.iter()
                    .filter(|(k, _)| *k != "kind")
                    .filter_map(|(_, x)| x.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        format!("{kind}:{}", rest.join(":"))
    };
    let who_choices = move || {
        s.doc.with(|a| {
            a.people
                .iter()
                .filter(|p| p.role != PersonRole::Professional)
                .map(|p| (p.id.clone(), p.display_name()))
                .collect::<Vec<_>>()
        })
    };
    let what_label = what.clone();
    let group_label = format!("Who may read {what}");
    view! {
        <div class="mark" data-testid="mark-control" data-mark=code>
            {move || mark().map(|(words, why)| view! {
                <strong class="tag tag--purple mark__tag" data-testid="mark-tag" title=why>{words}</strong>
            })}
            <button type="button" class="link-button mark__button" aria-expanded=move || open.get().to_string()
                aria-label=move || format!("Who may read this? ({what_label})")
                on:click=start>"Who may read this?"</button>
            <Show when=move || open.get()>
                <div class="mark__panel" role="group" aria-label=group_label.clone()>
                    {move || error.get().map(|e| view! { <p class="error-message" role="alert">{e}</p> })}
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend">"Who may read this"</legend>
                        <div class="radios">
                            {[("everyone", "Everyone it is shared with"), ("family", "Not for the family"), ("people", "Not for particular people"), ("restricted", "Restricted: the professional record only")]
                                .into_iter()
                                .map(|(v, l)| {
                                    let input = format!("mark-{}-{v}", id.get_value());
                                    view! {
                                        <div class="radios__item">
                                            <input class="radios__input" type="radio" id=input.clone() name=format!("mark-{}", id.get_value()) value=v
                                                prop:checked=move || kind.get() == v on:change=move |_| kind.set(v.to_owned())/>
                                            <label class="radios__label" for=input>{l}</label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                        </div>
                    </fieldset>
                    <Show when=move || kind.get() == "people">
                        <fieldset class="fieldset">
                            <legend class="fieldset__legend">"Not for"</legend>
                            <div class="checkboxes">
                                {move || who_choices().into_iter().map(|(pid, name)| {
                                    let input = format!("mark-{}-{}", id.get_value(), pid);
                                    let (p1, p2) = (pid.clone(), pid.clone());
                                    view! {
                                        <div class="checkboxes__item">
                                            <input class="checkboxes__input" type="checkbox" id=input.clone()
                                                prop:checked=move || people.get().contains(&p1)
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    people.update(|v| { v.retain(|x| x != &p2); if on { v.push(p2.clone()) } });
                                                }/>
                                            <label class="checkboxes__label" for=input>{name}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                    </Show>
                    <div class="form-group">
                        <label class="label" for=format!("mark-{}-why", id.get_value())>"Why"</label>
                        <input class="input" type="text" id=format!("mark-{}-why", id.get_value()) prop:value=move || why.get() on:input=move |ev| why.set(event_target_value(&ev))/>
                    </div>
                    <div class="button-group">
                        <button type="button" class="button" on:click=save>"Save who may read this"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| open.set(false)>"Cancel"</button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
