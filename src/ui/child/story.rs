//! Words and Pictures: the worker and the parents write the story page by page (who suggested
//! each page's words is kept), keep versions of it, record who each version was shared with
//! and whether the family agreed it; the child reads it one page at a time, in large type, on
//! the tablet or printed as a small book.

use crate::diagram::child_drawing::surface_svg;
use crate::edit::child_tools::{
    add_page, edit_page, move_page, record_sharing, remove_page, save_version, set_agreed,
    story_changed, tool,
};
use crate::model::child_tools::{story_differences, StoryPage, StoryVersion, Surface, Work};
use crate::model::marks::Target;
use crate::model::ItemId;
use crate::report::child_tools::story_pages;
use crate::ui::platform::{long_date, random_bytes, today};
use crate::ui::session::use_session;
use crate::ui::widgets::fields::{Checkbox, DateField, TextArea, TextField};
use crate::ui::widgets::mark_control::MarkControl;
use leptos::prelude::*;

fn pages_of(a: &crate::model::Assessment, id: &ItemId) -> (Vec<StoryPage>, Vec<StoryVersion>) {
    match tool(a, id).map(|t| &t.work) {
        Some(Work::WordsAndPictures { pages, versions }) => (pages.clone(), versions.clone()),
        _ => (Vec::new(), Vec::new()),
    }
}

/// The story as the child reads it: one page at a time, large type, its picture under it.
#[component]
pub fn StoryReader(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let at = RwSignal::new(0usize);
    let pages = Memo::new(move |_| {
        s.doc
            .with(|a| tool(a, &id.get_value()).map(story_pages))
            .unwrap_or_default()
    });
    let count = move || pages.with(Vec::len);
    view! {
        <div class="story-reader" data-testid="story-reader">
            {move || {
                let all = pages.get();
                match all.get(at.get().min(all.len().saturating_sub(1))) {
                    Some((text, svg)) => view! {
                        <p class="story-reader__text" data-testid="story-text">{text.clone()}</p>
                        {svg.clone().map(|svg| view! { <div class="story-reader__picture" inner_html=svg></div> })}
                    }.into_any(),
                    None => view! { <p class="story-reader__text">"The story has no pages yet."</p> }.into_any(),
                }
            }}
            <div class="story-reader__turn">
                <button type="button" class="tool-button tool-button--wide" data-testid="story-back" disabled=move || at.get() == 0
                    on:click=move |_| at.update(|n| *n = n.saturating_sub(1))>"Back"</button>
                <p class="story-reader__count" aria-live="polite">{move || format!("Page {} of {}", (at.get() + 1).min(count().max(1)), count().max(1))}</p>
                <button type="button" class="tool-button tool-button--wide" data-testid="story-next" disabled=move || { at.get() + 1 >= count() }
                    on:click=move |_| at.update(|n| *n += 1)>"Next"</button>
            </div>
        </div>
    }
}

/// The story as the worker and the parents write it, with its versions.
#[component]
pub fn StoryEditor(id: ItemId) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let base = move || {
        format!(
            "/assessments/{}/tools/{}",
            s.doc.read().id,
            id.get_value().as_str()
        )
    };
    let ids = Memo::new(move |_| {
        s.doc.with(|a| {
            pages_of(a, &id.get_value())
                .0
                .into_iter()
                .map(|p| p.id)
                .collect::<Vec<_>>()
        })
    });
    let numbered = Memo::new(move |_| ids.get().into_iter().enumerate().collect::<Vec<_>>());
    let versions = Memo::new(move |_| s.doc.with(|a| pages_of(a, &id.get_value()).1));
    let changed = Memo::new(move |_| {
        s.doc
            .with(|a| tool(a, &id.get_value()).is_some_and(story_changed))
    });
    let new_by = RwSignal::new(String::new());
    view! {
        <h2 class="heading-l">"The story"</h2>
        <p class="body">"Write the story with the parents, in words the child will understand. Say who suggested each page's words."</p>
        <ol class="story-pages" data-testid="story-pages">
            <For each=move || numbered.get() key=|(i, p)| (*i, p.clone()) let:((i, page))>
                <StoryPageEditor id=id.get_value() page=page number=i + 1 base=Signal::derive(base)/>
            </For>
        </ol>
        <div class="inset-text">
            <TextField id="new-page-by" label="Who suggested the next page's words?" hint="For example: Mum, the social worker, Dana and Sam together."
                value=Signal::derive(move || new_by.get()) on_change=Callback::new(move |v| new_by.set(v)) width_class="input--w20"/>
            <button type="button" class="button button--secondary" data-testid="add-page" on:click=move |_| {
                let by = new_by.get_untracked();
                s.edit("add a page", |a| { add_page(a, &id.get_value(), &by, random_bytes); });
            }>"Add a page"</button>
        </div>
        <h2 class="heading-l">"Versions"</h2>
        <p class="body">{move || if versions.with(Vec::is_empty) { "Keep a version each time the story is shared or agreed." } else { "Each version keeps the words as they were." }}</p>
        <button type="button" class="button" data-testid="save-version" disabled=move || !changed.get() || ids.with(Vec::is_empty)
            on:click=move |_| s.edit(format!("keep version {}", versions.with_untracked(Vec::len) + 1), |a| { save_version(a, &id.get_value(), today()); })>
            {move || format!("Keep these words as version {}", versions.with(Vec::len) + 1)}
        </button>
        {move || (!changed.get() && !versions.with(Vec::is_empty)).then(|| view! { <p class="hint">"The words are the same as the latest version."</p> })}
        <ol class="story-versions" data-testid="story-versions">
            {move || {
                let all = versions.get();
                all.iter().enumerate().rev().map(|(i, v)| {
                    let diff = i.checked_sub(1).map(|p| story_differences(&all[p], v));
                    view! { <VersionCard id=id.get_value() version=v.clone() diff=diff/> }
                }).collect_view()
            }}
        </ol>
    }
}

#[component]
fn StoryPageEditor(id: ItemId, page: ItemId, number: usize, base: Signal<String>) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let page = StoredValue::new(page);
    let get = move |f: fn(&StoryPage) -> String| {
        Signal::derive(move || {
            s.doc.with(|a| {
                pages_of(a, &id.get_value())
                    .0
                    .into_iter()
                    .find(|p| p.id == page.get_value())
                    .map(|p| f(&p))
                    .unwrap_or_default()
            })
        })
    };
    let set = move |field: &'static str, f: fn(&mut StoryPage, String)| {
        Callback::new(move |v: String| {
            let label = format!("change {field} of page {number}");
            let key = format!("{field}:{}", page.get_value().as_str());
            s.typing(label, key, |a| {
                edit_page(a, &id.get_value(), &page.get_value(), |p| f(p, v))
            })
        })
    };
    let picture = Memo::new(move |_| {
        s.doc.with(|a| {
            let here = Surface::Page(page.get_value());
            tool(a, &id.get_value())
                .and_then(|t| t.drawing(&here))
                .filter(|d| !d.is_empty())
                .map(|d| surface_svg("The page's picture", &here, d, None))
        })
    });
    let draw = move || format!("{}/draw/{}", base.get(), page.get_value().as_str());
    view! {
        <li class="story-page" data-testid="story-page">
            <h3 class="heading-s">{format!("Page {number}")}</h3>
            <MarkControl target=Target::StoryPage { page: page.get_value() } what=format!("page {number}")/>
            <TextArea id=format!("page-text-{number}") label="The words on this page" value=get(|p| p.text.clone()) on_change=set("the words", |p, v| p.text = v)/>
            <TextField id=format!("page-by-{number}") label="Who suggested these words" value=get(|p| p.suggested_by.clone())
                on_change=set("who suggested the words", |p, v| p.suggested_by = v) width_class="input--w20"/>
            {move || picture.get().map(|svg| view! { <div class="story-page__picture" inner_html=svg></div> })}
            <div class="button-group">
                <a class="button button--secondary button--small" role="button" href=draw data-testid="draw-picture">
                    {move || if picture.with(Option::is_some) { "Change the picture" } else { "Draw a picture" }}</a>
                <button type="button" class="button button--secondary button--small" on:click=move |_| s.edit(format!("move page {number} up"), |a| move_page(a, &id.get_value(), &page.get_value(), true))>"Move up"</button>
                <button type="button" class="button button--secondary button--small" on:click=move |_| s.edit(format!("move page {number} down"), |a| move_page(a, &id.get_value(), &page.get_value(), false))>"Move down"</button>
                <button type="button" class="button button--warning button--small" on:click=move |_| s.edit(format!("remove page {number}"), |a| remove_page(a, &id.get_value(), &page.get_value()))>"Remove this page"</button>
            </div>
        </li>
    }
}

#[component]
fn VersionCard(
    id: ItemId,
    version: StoryVersion,
    /// What changed from the version before (`None` for the first).
    diff: Option<Vec<crate::model::safety_plan::Difference>>,
) -> impl IntoView {
    let s = use_session();
    let id = StoredValue::new(id);
    let n = version.number;
    let with = RwSignal::new(String::new());
    let on = RwSignal::new(Some(today()));
    let missing = RwSignal::new(false);
    let agreed = Signal::derive(move || {
        s.doc.with(|a| {
            pages_of(a, &id.get_value())
                .1
                .iter()
                .any(|v| v.number == n && v.agreed_by_family)
        })
    });
    view! {
        <li class="story-version" data-testid="story-version">
            <h3 class="heading-s">{format!("Version {n}, kept {}", long_date(version.made_on))}</h3>
            {diff.map(|d| view! {
                <p class="body"><strong>{format!("What changed from version {}:", n - 1)}</strong></p>
                <ul class="list list--bullet" data-testid="version-differences">
                    {if d.is_empty() { view! { <li>"Nothing: the words are the same."</li> }.into_any() } else { d.iter().map(|x| view! { <li>{x.words()}</li> }).collect_view().into_any() }}
                </ul>
            })}
            <ol class="list">
                {version.pages.iter().map(|p| view! {
                    <li>{p.text.clone()}{(!p.suggested_by.is_empty()).then(|| view! { <span class="hint">{format!(" (suggested by {})", p.suggested_by)}</span> })}</li>
                }).collect_view()}
            </ol>
            {(!version.shared.is_empty()).then(|| view! {
                <p class="body" data-testid="version-shared">{format!("Shared with {}.", version.shared.iter().map(|x| format!("{} on {}", x.with, long_date(x.on))).collect::<Vec<_>>().join("; "))}</p>
            })}
            <Checkbox id=format!("agreed-{n}") label="The family agreed this wording" checked=agreed
                on_change=Callback::new(move |v: bool| s.edit(format!("change whether the family agreed version {n}"), |a| set_agreed(a, &id.get_value(), n, v)))/>
            <details class="details">
                <summary class="details__summary">"Record who it was shared with"</summary>
                <div class="details__text">
                    <TextField id=format!("shared-with-{n}") label="Shared with" hint="For example: Mum and Dad, Mia's school."
                        value=Signal::derive(move || with.get()) on_change=Callback::new(move |v| with.set(v)) width_class="input--w20"/>
                    <DateField id=format!("shared-on-{n}") label="When" value=Signal::derive(move || on.get()) on_change=Callback::new(move |v| on.set(v))/>
                    {move || missing.get().then(|| view! { <p class="error-message" role="alert">"Enter who it was shared with and when"</p> })}
                    <button type="button" class="button button--secondary" data-testid=format!("record-sharing-{n}") on:click=move |_| {
                        let who = with.get_untracked();
                        match on.get_untracked() {
                            Some(day) if !who.trim().is_empty() => {
                                missing.set(false);
                                s.edit(format!("record sharing version {n}"), |a| record_sharing(a, &id.get_value(), n, &who, day));
                                with.set(String::new());
                            }
                            _ => missing.set(true),
                        }
                    }>"Record the sharing"</button>
                </div>
            </details>
        </li>
    }
}

/// The story printed as a small book: one page a sheet of A5, large type.
#[component]
pub fn StoryBook(id: ItemId) -> impl IntoView {
    let s = use_session();
    let pages = move || {
        s.doc
            .with(|a| tool(a, &id).map(story_pages))
            .unwrap_or_default()
    };
    view! {
        <div class="story-book print-only" aria-hidden="true">
            {move || pages().into_iter().map(|(text, svg)| view! {
                <section class="story-book__page">
                    <p class="story-book__text">{text}</p>
                    {svg.map(|svg| view! { <div class="story-book__picture" inner_html=svg></div> })}
                </section>
            }).collect_view()}
        </div>
    }
}
