//! GOV.UK-style labelled form fields. Each takes its current value as a signal and reports
//! every change through a callback, so the page decides what an edit means.

use super::date_parts::{parts, read, DateEntry};
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of a field's hint, when it has one (for `aria-describedby`).
fn hint_id(id: &str, hint: &str) -> Option<String> {
    (!hint.is_empty()).then(|| format!("{id}-hint"))
}

/// A field's label and, when there is one, its hint.
#[component]
fn LabelAndHint(id: String, label: String, hint: String) -> impl IntoView {
    let hid = hint_id(&id, &hint);
    view! {
        <label class="label" for=id>{label}</label>
        {hid.map(|h| view! { <div class="hint" id=h>{hint}</div> })}
    }
}

/// A single-line text input with label and optional hint.
#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] width_class: &'static str,
) -> impl IntoView {
    let described = hint_id(&id, &hint);
    view! {
        <div class="form-group">
            <LabelAndHint id=id.clone() label=label hint=hint/>
            <input
                class=format!("input {width_class}")
                id=id.clone()
                name=id.clone()
                type="text"
                autocomplete=if autocomplete.is_empty() { "off" } else { autocomplete }
                spellcheck="false"
                aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            />
        </div>
    }
}

/// A multi-line text input.
#[component]
pub fn TextArea(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    let described = hint_id(&id, &hint);
    view! {
        <div class="form-group">
            <LabelAndHint id=id.clone() label=label hint=hint/>
            <textarea
                class="textarea"
                id=id.clone()
                name=id.clone()
                rows="4"
                aria-describedby=described.clone()
                prop:value=move || value.get()
                on:input=move |ev| on_change.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// A GOV.UK date input: day, month and year in a labelled group. A real date is reported as
/// it is typed, clearing all three reports `None`; anything else keeps the last date and, once
/// the person leaves the group, says what is wrong.
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    #[prop(into)] on_change: Callback<Option<NaiveDate>>,
    /// Why a real date cannot be saved here (a "done" date after today), if it cannot: it is
    /// shown at once and nothing stored changes.
    #[prop(optional, into)]
    refuse: Option<Callback<NaiveDate, Option<String>>>,
) -> impl IntoView {
    let split = |d: Option<NaiveDate>| d.map(parts).unwrap_or_default();
    let (d0, m0, y0) = split(value.get_untracked());
    let (day, month, year) = (RwSignal::new(d0), RwSignal::new(m0), RwSignal::new(y0));
    let error = RwSignal::new(None::<String>);
    let name = label.clone();
    let entry = move || read(&day.read(), &month.read(), &year.read(), &name);
    // A change from elsewhere (undo, another tab) shows here unless it is what is typed.
    let typed = entry.clone();
    Effect::new(move || {
        let v = value.get();
        // Only a change of the stored value re-runs this (not typing, which may be refused).
        let Some(shown) = untrack(|| typed().value()) else {
            return;
        };
        if shown != v {
            let (d, m, y) = split(v);
            day.set(d);
            month.set(m);
            year.set(y);
            error.set(None);
        }
    });
    let on_typed = {
        let entry = entry.clone();
        move || {
            if let Some(v) = entry().value() {
                if let Some(why) = v.and_then(|d| refuse.and_then(|r| r.run(d))) {
                    error.set(Some(why));
                    return;
                }
                error.set(None);
                on_change.run(v);
            }
        }
    };
    let group = NodeRef::<leptos::html::Fieldset>::new();
    let on_leave = move |ev: web_sys::FocusEvent| {
        // Focus also leaves when the page removes the field (its signals go with it).
        if error.is_disposed() {
            return;
        }
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(group.get_untracked())
            .is_some_and(|(to, g)| g.contains(Some(&to)));
        if !inside {
            error.set(match entry() {
                DateEntry::Invalid(m) => Some(m),
                e => e
                    .value()
                    .flatten()
                    .and_then(|d| refuse.and_then(|r| r.run(d))),
            });
        }
    };
    let hint_for = hint_id(&id, &hint);
    let error_id = format!("{id}-error");
    let described = {
        let (h, e) = (hint_for.clone(), error_id.clone());
        move || {
            let mut ids: Vec<String> = h.iter().cloned().collect();
            if error.read().is_some() {
                ids.push(e.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let part = move |suffix: &'static str,
                     text: &'static str,
                     sig: RwSignal<String>,
                     width: &'static str| {
        let pid = if suffix == "day" {
            id.clone()
        } else {
            format!("{id}-{suffix}")
        };
        let on_typed = on_typed.clone();
        view! {
            <div class="date-input__item">
                <label class="label date-input__label" for=pid.clone()>{text}</label>
                <input
                    class=move || format!("input date-input__input {width}{}", if error.read().is_some() { " input--error" } else { "" })
                    id=pid.clone()
                    name=pid
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || sig.get()
                    on:input=move |ev| {
                        sig.set(event_target_value(&ev));
                        on_typed();
                    }
                />
            </div>
        }
    };
    let error_id2 = error_id.clone();
    view! {
        <div class=move || if error.read().is_some() { "form-group form-group--error" } else { "form-group" }>
            <fieldset class="fieldset" role="group" aria-describedby=described node_ref=group on:focusout=on_leave>
                <legend class="fieldset__legend fieldset__legend--label">{label}</legend>
                {hint_for.map(|h| view! { <div class="hint" id=h>{hint}</div> })}
                {move || error.get().map(|m| view! {
                    <p class="error-message" id=error_id2.clone()><span class="visually-hidden">"Error: "</span>{m}</p>
                })}
                <div class="date-input">
                    {part("day", "Day", day, "input--width-2")}
                    {part("month", "Month", month, "input--width-2")}
                    {part("year", "Year", year, "input--width-4")}
                </div>
            </fieldset>
        </div>
    }
}

/// One choice in a radio group: value and label, with an optional hint.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: String,
}

impl Choice {
    /// A choice without a hint.
    pub fn new(value: &str, label: &str) -> Self {
        Self {
            value: value.to_owned(),
            label: label.to_owned(),
            hint: String::new(),
        }
    }
    /// A choice with a hint under its label.
    pub fn with_hint(value: &str, label: &str, hint: &str) -> Self {
        Self {
            hint: hint.to_owned(),
            ..Self::new(value, label)
        }
    }
}

/// A fieldset of radio buttons with a legend.
#[component]
pub fn RadioGroup(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: String,
    choices: Vec<Choice>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] inline: bool,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let has_hint = !hint.is_empty();
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let input_id = format!("{name}-{i}");
            let name = name.clone();
            let item_hint_id = format!("{input_id}-hint");
            let has_item_hint = !c.hint.is_empty();
            let v = c.value.clone();
            let v2 = c.value.clone();
            view! {
                <div class="radios__item">
                    <input
                        class="radios__input"
                        id=input_id.clone()
                        name=name.clone()
                        type="radio"
                        value=c.value.clone()
                        aria-describedby=has_item_hint.then(|| item_hint_id.clone())
                        prop:checked=move || value.get() == v
                        on:change=move |_| on_change.run(v2.clone())
                    />
                    <label class="radios__label" for=input_id>{c.label}</label>
                    {has_item_hint.then(|| view! { <div class="hint radios__hint" id=item_hint_id>{c.hint}</div> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group">
            <fieldset class="fieldset" aria-describedby=has_hint.then(|| hint_id.clone())>
                <legend class="fieldset__legend">{legend}</legend>
                {has_hint.then(|| view! { <div class="hint" id=hint_id.clone()>{hint}</div> })}
                <div class=if inline { "radios radios--inline" } else { "radios" }>{items}</div>
            </fieldset>
        </div>
    }
}

/// A single checkbox with its label.
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <div class="form-group">
            <div class="checkboxes__item">
                <input
                    class="checkboxes__input"
                    id=id.clone()
                    name=id.clone()
                    type="checkbox"
                    prop:checked=move || checked.get()
                    on:change=move |ev| on_change.run(event_target_checked(&ev))
                />
                <label class="checkboxes__label" for=id.clone()>{label}</label>
            </div>
        </div>
    }
}

/// A fieldset of checkboxes: any number of choices.
#[component]
pub fn CheckboxGroup(
    #[prop(into)] name: String,
    #[prop(into)] legend: String,
    #[prop(optional, into)] hint: String,
    choices: Vec<Choice>,
    #[prop(into)] value: Signal<Vec<String>>,
    #[prop(into)] on_change: Callback<Vec<String>>,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let has_hint = !hint.is_empty();
    let order: Vec<String> = choices.iter().map(|c| c.value.clone()).collect();
    let items = choices
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let input_id = format!("{name}-{i}");
            let item_hint_id = format!("{input_id}-hint");
            let has_item_hint = !c.hint.is_empty();
            let (v, v2) = (c.value.clone(), c.value.clone());
            let order = order.clone();
            view! {
                <div class="checkboxes__item">
                    <input
                        class="checkboxes__input"
                        id=input_id.clone()
                        name=name.clone()
                        type="checkbox"
                        value=c.value.clone()
                        aria-describedby=has_item_hint.then(|| item_hint_id.clone())
                        prop:checked=move || value.get().contains(&v)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let mut now = value.get_untracked();
                            now.retain(|x| x != &v2);
                            if on {
                                now.push(v2.clone());
                            }
                            // keep the profile's order, so exports are stable
                            now.sort_by_key(|x| order.iter().position(|o| o == x));
                            on_change.run(now);
                        }
                    />
                    <label class="checkboxes__label" for=input_id>{c.label}</label>
                    {has_item_hint.then(|| view! { <div class="hint checkboxes__hint" id=item_hint_id>{c.hint}</div> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group">
            <fieldset class="fieldset" aria-describedby=has_hint.then(|| hint_id.clone())>
                <legend class="fieldset__legend">{legend}</legend>
                {has_hint.then(|| view! { <div class="hint" id=hint_id.clone()>{hint}</div> })}
                <div class="checkboxes">{items}</div>
            </fieldset>
        </div>
    }
}

/// The procedure profiles as choices, with their summaries as hints.
pub fn profile_choices() -> Vec<Choice> {
    crate::procedure::registry::offered()
        .into_iter()
        .map(|p| {
            let name = if p.council.is_empty() {
                p.name.clone()
            } else {
                format!("{} (version {})", p.name, p.version)
            };
            Choice::with_hint(&p.id, &name, &p.summary)
        })
        .collect()
}

/// The types of assessment as choices.
pub fn type_choices() -> Vec<Choice> {
    vec![
        Choice::with_hint(
            "section17",
            "Section 17 (child in need)",
            "Children Act 1989, section 17",
        ),
        Choice::with_hint(
            "section47",
            "Section 47 (child protection enquiry)",
            "Reasonable cause to suspect significant harm",
        ),
        Choice::with_hint(
            "preBirth",
            "Pre-birth",
            "To be completed at least 4 weeks before the expected delivery date",
        ),
    ]
}

/// A drop-down list with a label. `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<String>,
) -> impl IntoView {
    let described = hint_id(&id, &hint);
    view! {
        <div class="form-group">
            <LabelAndHint id=id.clone() label=label hint=hint/>
            <select class="select" id=id.clone() name=id aria-describedby=described
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let sel = v == current;
                            view! { <option value=v selected=sel>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
}

/// (value, label) pairs for a drop-down list from an enum's values, codes and labels.
pub fn coded_options<T: Copy>(
    all: &[T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|&v| (code(v).to_owned(), label(v).to_owned()))
        .collect()
}
