//! "These may be the same person": two register records with one name (and the same date of
//! birth, where both are known), with what differs and one step to make them one record.

use crate::edit::merge::{differences, duplicates, merge, Field};
use crate::model::{Person, PersonId};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Pairs of records that may be one person (at most `limit`, then how many more), each with
/// "These are the same person".
#[component]
pub fn DuplicatesNotice(#[prop(default = 10)] limit: usize) -> impl IntoView {
    let s = use_session();
    // Pairs the worker said are different people, for as long as the assessment is open.
    let kept_apart = RwSignal::new(Vec::<(PersonId, PersonId)>::new());
    // Why the last "These are the same person" could not be done, if it could not.
    let not_merged = RwSignal::new(None::<String>);
    move || {
        let (pairs, hidden): (Vec<(Person, Person)>, usize) = s.doc.with(|a| {
            let all: Vec<(PersonId, PersonId)> = duplicates(a)
                .into_iter()
                .filter(|pair| !kept_apart.with(|k| k.contains(pair)))
                .collect();
            let hidden = all.len().saturating_sub(limit);
            let shown = all
                .into_iter()
                .take(limit)
                .filter_map(|(x, y)| Some((a.person(&x)?.clone(), a.person(&y)?.clone())))
                .collect();
            (shown, hidden)
        });
        (!pairs.is_empty()).then(|| {
            let items = pairs
                .into_iter()
                .map(|(keep, gone)| {
                    let diffs = differences(&keep, &gone);
                    let label = format!(
                        "{} and {} were made one record.",
                        keep.display_name(),
                        gone.display_name()
                    );
                    let (k, g) = (keep.id.clone(), gone.id.clone());
                    let (k2, g2) = (k.clone(), g.clone());
                    // The other record's value, for the fields the worker picks it for.
                    let theirs = RwSignal::new(Vec::<Field>::new());
                    let choices = diffs
                        .iter()
                        .enumerate()
                        .map(|(i, diff)| match diff.field {
                            Some(field) => {
                                let name = format!("dup-{}-{i}", gone.id);
                                let (first, second) = (format!("{name}-a"), format!("{name}-b"));
                                view! {
                                    <fieldset class="fieldset">
                                        <legend class="fieldset__legend">{diff.label}</legend>
                                        <div class="radios radios--inline">
                                            <div class="radios__item">
                                                <input class="radios__input" type="radio" id=first.clone() name=name.clone()
                                                    prop:checked=move || !theirs.with(|t| t.contains(&field))
                                                    on:change=move |_| theirs.update(|t| t.retain(|f| *f != field))/>
                                                <label class="label radios__label" for=first>{diff.mine.clone()}</label>
                                            </div>
                                            <div class="radios__item">
                                                <input class="radios__input" type="radio" id=second.clone() name=name
                                                    prop:checked=move || theirs.with(|t| t.contains(&field))
                                                    on:change=move |_| theirs.update(|t| if !t.contains(&field) { t.push(field) })/>
                                                <label class="label radios__label" for=second>{diff.theirs.clone()}</label>
                                            </div>
                                        </div>
                                    </fieldset>
                                }
                                .into_any()
                            }
                            None => view! { <p class="hint">{diff.words()}</p> }.into_any(),
                        })
                        .collect_view();
                    let has_diffs = !diffs.is_empty();
                    view! {
                        <li class="duplicates__pair" data-testid="duplicate-pair">
                            <p class="body">{format!("{} is in the register twice.", keep.display_name())}</p>
                            {has_diffs.then(|| view! {
                                <p class="hint">"Where the two records differ, choose what to keep; what is not chosen is written into the notes."</p>
                            })}
                            {choices}
                            <div class="button-group">
                                <button type="button" class="button button--small" data-testid="merge"
                                    on:click=move |_| {
                                        let (k, g) = (k.clone(), g.clone());
                                        let chosen = theirs.get_untracked();
                                        match s.doc.with_untracked(|a| crate::edit::merge::why_not(a, &k, &g)) {
                                            Some(why) => not_merged.set(Some(why)),
                                            None => {
                                                not_merged.set(None);
                                                s.edit_register("make two records one", label.clone(), move |a| { merge(a, &k, &g, &chosen); });
                                            }
                                        }
                                    }>"These are the same person"</button>
                                <button type="button" class="button button--secondary button--small"
                                    on:click=move |_| kept_apart.update(|v| v.push((k2.clone(), g2.clone())))>"They are different people"</button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="duplicates" role="region" aria-label="People who may be in the register twice" data-testid="duplicates">
                    <h2 class="heading-m">"The same person twice?"</h2>
                    {move || not_merged.get().map(|w| view! { <p class="error-message" role="alert" data-testid="not-merged">{w}</p> })}
                    <ul class="picker__list">{items}</ul>
                    {(hidden > 0).then(|| view! {
                        <p class="body">{format!("{hidden} more pair{} of records share a name. Merge or keep apart the ones above to see them.", if hidden == 1 { "" } else { "s" })}</p>
                    })}
                </div>
            }
        })
    }
}
