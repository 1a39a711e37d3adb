//! GOV.UK-style labelled form fields. Each takes its current value as a signal and reports
//! every change through a callback, so the page decides what an edit means.

use chrono::NaiveDate;
use leptos::prelude::*;

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

/// A date input; an empty or partial date reports `None`.
#[component]
pub fn DateField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: String,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    #[prop(into)] on_change: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    let described = hint_id(&id, &hint);
    view! {
        <div class="form-group">
            <LabelAndHint id=id.clone() label=label hint=hint/>
            <input
                class="input input--date"
                id=id.clone()
                name=id.clone()
                type="date"
                min="1900-01-01"
                max="2100-12-31"
                aria-describedby=described.clone()
                prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    on_change.run(v.parse::<NaiveDate>().ok())
                }
            />
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
    crate::procedure::built_in()
        .iter()
        .map(|p| Choice::with_hint(&p.id, &p.name, &p.summary))
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
