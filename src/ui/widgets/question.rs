//! A profile question rendered as the right form control, reading and writing its answer in
//! the open assessment. Empty answers are removed, so exports hold only what was said.

use crate::edit::answers::{self, Item};
use crate::model::{answer_key, Answer, PersonId};
use crate::procedure::profile::{QuestionDef, QuestionKind};
use crate::ui::platform::today;
use crate::ui::session::{use_session, Session};
use crate::ui::widgets::fields::{
    CheckboxGroup, Choice, DateField, RadioGroup, TextArea, TextField,
};
use crate::workspace::Change;
use chrono::NaiveDate;
use leptos::prelude::*;

fn choices(q: &QuestionDef) -> Vec<Choice> {
    match q.kind {
        QuestionKind::YesNo => vec![Choice::new("yes", "Yes"), Choice::new("no", "No")],
        _ => q
            .options
            .iter()
            .map(|o| Choice::with_hint(&o.value, &o.label, &o.hint))
            .collect(),
    }
}

/// "change the answer to “Who lives at home?”", shortened to be read on a button.
fn answer_label(q: &QuestionDef) -> String {
    let words: String = q.label.chars().take(60).collect();
    let more = if words.len() < q.label.len() {
        "…"
    } else {
        ""
    };
    format!("change the answer to “{words}{more}”")
}

/// Changes to one answer in a row are one undo step.
fn set_answer(s: Session, q: &QuestionDef, key: String, answer: Option<Answer>) {
    let _ = s.change(Change::answering(answer_label(q), key.clone()), move |a| {
        answers::set_answer(a, &key, answer)
    });
}

/// The flow's reason to refuse a date for `q` (a "done" date after today).
fn refuse_date(s: Session, q: &'static QuestionDef) -> Callback<NaiveDate, Option<String>> {
    Callback::new(move |d: NaiveDate| {
        s.doc.with_untracked(|a| {
            let profile = crate::procedure::of(a)?;
            crate::flow::Flow::new(a, profile, today()).refuse_date(q, d)
        })
    })
}

/// One question of the flow, for `child` when the section is per child.
#[component]
pub fn Question(q: &'static QuestionDef, child: Option<PersonId>) -> impl IntoView {
    let s = use_session();
    let key = answer_key(&q.id, child.as_ref());
    let k = key.clone();
    let text = Signal::derive(move || {
        s.doc
            .read()
            .answers
            .get(&k)
            .and_then(|a| a.text().map(str::to_owned))
            .unwrap_or_default()
    });
    let k = key.clone();
    let on_text =
        Callback::new(move |v: String| set_answer(s, q, k.clone(), Some(Answer::Text(v))));
    let id = format!("q-{}", q.id);
    match q.kind {
        QuestionKind::Text => view! {
            <TextField id=id label=q.label.clone() hint=q.hint.clone() value=text on_change=on_text width_class="input--w30"/>
        }
        .into_any(),
        QuestionKind::LongText => view! {
            <TextArea id=id label=q.label.clone() hint=q.hint.clone() value=text on_change=on_text/>
        }
        .into_any(),
        QuestionKind::YesNo | QuestionKind::Choice => view! {
            <RadioGroup name=id legend=q.label.clone() hint=q.hint.clone() choices=choices(q)
                inline=q.kind == QuestionKind::YesNo value=text on_change=on_text/>
        }
        .into_any(),
        QuestionKind::Date => {
            let k = key.clone();
            view! {
                <DateField id=id label=q.label.clone() hint=q.hint.clone()
                    value=Signal::derive(move || text.get().parse::<NaiveDate>().ok())
                    refuse=refuse_date(s, q)
                    on_change=Callback::new(move |d: Option<NaiveDate>| set_answer(s, q, k.clone(), d.map(|d| Answer::Text(d.to_string()))))/>
            }
            .into_any()
        }
        QuestionKind::Multi => {
            let (k1, k2) = (key.clone(), key.clone());
            let value = Signal::derive(move || match s.doc.read().answers.get(&k1) {
                Some(Answer::Choices(c)) => c.clone(),
                _ => Vec::new(),
            });
            view! {
                <CheckboxGroup name=id legend=q.label.clone() hint=q.hint.clone() choices=choices(q) value=value
                    on_change=Callback::new(move |v: Vec<String>| set_answer(s, q, k2.clone(), Some(Answer::Choices(v))))/>
            }
            .into_any()
        }
        QuestionKind::List => view! { <ListQuestion q=q key=key/> }.into_any(),
    }
}

/// A change to a list answer's items.
type ItemsEdit = Box<dyn FnOnce(&mut Vec<Item>)>;

/// A repeating question: one card per item, each with the question's fields; add and remove.
#[component]
fn ListQuestion(q: &'static QuestionDef, key: String) -> impl IntoView {
    let s = use_session();
    let k = key.clone();
    let items = Memo::new(move |_| match s.doc.read().answers.get(&k) {
        Some(Answer::Items(i)) => i.clone(),
        _ => Vec::new(),
    });
    let k = key.clone();
    let write = move |f: ItemsEdit| {
        let k = k.clone();
        let _ = s.change(Change::answering(answer_label(q), k.clone()), move |a| {
            answers::edit_items(a, &k, f)
        });
    };
    let write_add = write.clone();
    let item_label = q.item_label.clone();
    view! {
        <div class="form-group list-question">
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{q.label.clone()}</legend>
                {(!q.hint.is_empty()).then(|| view! { <div class="hint">{q.hint.clone()}</div> })}
                {move || {
                    let n = items.read().len();
                    (0..n).map(|i| {
                        let write = write.clone();
                        let write_rm = write.clone();
                        let fields = q.fields.iter().map(|f| {
                            let write = write.clone();
                            let id = format!("q-{}-{}-{}", q.id, i + 1, f.id);
                            let value = Signal::derive(move || items.read().get(i).and_then(|m| m.get(&f.id).cloned()).unwrap_or_default());
                            let set = Callback::new(move |v: String| {
                                let fid = f.id.clone();
                                write(Box::new(move |list| {
                                    if let Some(m) = list.get_mut(i) {
                                        m.insert(fid, v);
                                    }
                                }))
                            });
                            match f.kind {
                                QuestionKind::LongText => view! { <TextArea id=id label=f.label.clone() hint=f.hint.clone() value=value on_change=set/> }.into_any(),
                                QuestionKind::Date => view! {
                                    <DateField id=id label=f.label.clone() hint=f.hint.clone()
                                        value=Signal::derive(move || value.get().parse::<NaiveDate>().ok())
                                        refuse=refuse_date(s, f)
                                        on_change=Callback::new(move |d: Option<NaiveDate>| set.run(d.map(|d| d.to_string()).unwrap_or_default()))/>
                                }.into_any(),
                                QuestionKind::Choice | QuestionKind::YesNo => view! {
                                    <RadioGroup name=id legend=f.label.clone() hint=f.hint.clone() choices=choices(f) inline=true value=value on_change=set/>
                                }.into_any(),
                                _ => view! { <TextField id=id label=f.label.clone() hint=f.hint.clone() value=value on_change=set width_class="input--w30"/> }.into_any(),
                            }
                        }).collect_view();
                        let title = format!("{} {}", item_label, i + 1);
                        let remove_label = format!("Remove {title}");
                        view! {
                            <section class="card list-item" aria-label=title.clone()>
                                <div class="card__header">
                                    <h3 class="card__title">{title.clone()}</h3>
                                    <button type="button" class="link-button link-button--danger" aria-label=remove_label
                                        on:click=move |_| write_rm(Box::new(move |list| { if i < list.len() { list.remove(i); } }))>"Remove"</button>
                                </div>
                                <div class="card__body">{fields}</div>
                            </section>
                        }
                    }).collect_view()
                }}
                <button type="button" class="button button--secondary"
                    on:click=move |_| write_add(Box::new(|list| list.push(Item::new())))>
                    {move || if items.read().is_empty() { "Add an item".to_owned() } else { "Add another".to_owned() }}
                </button>
            </fieldset>
        </div>
    }
}
