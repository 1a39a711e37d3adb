//! "Procedures on this device": the built-in profiles and those a council loaded, each with its
//! council, title, version and date. A profile file is loaded here: checked completely (its
//! size, its shape with the line and column, every rule with its place) and stored only when
//! the whole file passes. A loaded version can be withdrawn (no longer offered for new
//! assessments; those that follow it keep it) and previewed.

use crate::procedure::{
    identity, parse_profile, registry, Profile, ProfileError, MAX_PROFILE_BYTES,
};
use crate::storage::procedures::Unreadable;
use crate::ui::platform::{input_file_text, now, repo};
use crate::ui::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use wasm_bindgen::JsCast;

thread_local! {
    static REGISTERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static UNREADABLE: RefCell<Vec<Unreadable>> = const { RefCell::new(Vec::new()) };
}

/// Renders `children` once the profiles stored on this device are registered, so every page
/// of the workbench finds the profile its assessment follows.
#[component]
pub fn WithProfiles(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(REGISTERED.with(|r| r.get()));
    if !ready.get_untracked() {
        spawn_local(async move {
            match async { repo().await?.register_profiles().await }.await {
                Ok(unreadable) => UNREADABLE.with(|u| *u.borrow_mut() = unreadable),
                Err(e) => UNREADABLE.with(|u| {
                    *u.borrow_mut() = vec![Unreadable {
                        key: "the procedures store".into(),
                        reason: e.to_string(),
                    }]
                }),
            }
            REGISTERED.with(|r| r.set(true));
            ready.try_set(true);
        });
    }
    move || {
        if ready.get() {
            children().into_any()
        } else {
            view! { <p class="body" aria-busy="true">"Opening…"</p> }.into_any()
        }
    }
}

/// The facts that tell one profile version from another, as a summary list.
#[component]
pub fn ProfileFacts(profile: Profile) -> impl IntoView {
    let published = profile
        .published
        .map_or_else(|| "Not given".to_owned(), crate::report::words::long_date);
    let council = if profile.council.is_empty() {
        "Not given".to_owned()
    } else {
        profile.council.clone()
    };
    let questions: usize = profile.sections.iter().map(|s| s.questions().count()).sum();
    let rows = [
        ("Council", council),
        ("Procedure", profile.name.clone()),
        ("Version", profile.version.to_string()),
        ("Published", published),
        ("Taken from", profile.source.clone()),
        (
            "Sections",
            format!("{} sections, {questions} questions", profile.sections.len()),
        ),
        ("Content check", identity::short(&profile.hash).to_owned()),
    ];
    view! {
        <dl class="summary-list" data-testid="profile-facts">
            {rows.into_iter().map(|(k, v)| view! {
                <div class="summary-list__row"><dt class="summary-list__key">{k}</dt><dd class="summary-list__value">{v}</dd></div>
            }).collect_view()}
        </dl>
    }
}

/// Why a file was refused, as the error summary's lines: one per problem, each with its place.
fn refusal(e: &ProfileError) -> Vec<String> {
    match e {
        ProfileError::Invalid(problems) => problems
            .iter()
            .map(|p| format!("{}: {}.", p.at, p.problem))
            .collect(),
        other => vec![other.to_string()],
    }
}

/// The page at `/procedures`.
#[component]
pub fn ProceduresPage() -> impl IntoView {
    let errors = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(None::<String>);
    // Bumped after a change, so the table reads the registry again.
    let changed = RwSignal::new(0u32);
    let input = NodeRef::<leptos::html::Input>::new();

    let on_load = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(el) = input.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlInputElement = el.unchecked_into();
        errors.set(Vec::new());
        done.set(None);
        spawn_local(async move {
            let text = match input_file_text(
                &el,
                "Select a profile file to load.",
                MAX_PROFILE_BYTES,
                |bytes| ProfileError::TooLarge { bytes }.to_string(),
            )
            .await
            {
                Ok(t) => t,
                Err(m) => return errors.set(vec![m]),
            };
            let profile = match parse_profile(&text) {
                Ok(p) => p,
                Err(e) => return errors.set(refusal(&e)),
            };
            if let Err(clash) = registry::can_add(&profile) {
                return errors.set(vec![clash.to_string()]);
            }
            let canonical = identity::canonical(&text).unwrap_or_default();
            let words = format!(
                "Loaded: {}, version {}. It is offered when you start a new assessment.",
                profile.name, profile.version
            );
            match async { repo().await?.add_profile(profile, canonical).await }.await {
                Ok(_) => {
                    el.set_value("");
                    done.set(Some(words));
                    changed.update(|n| *n += 1);
                }
                Err(e) => errors.set(vec![format!(
                    "The profile could not be stored: {e}. Nothing was loaded."
                )]),
            }
        });
    };

    let set_withdrawn = move |id: String, version: u32, withdraw: bool| {
        done.set(None);
        errors.set(Vec::new());
        spawn_local(async move {
            let at = withdraw.then(now);
            match async { repo().await?.set_profile_withdrawn(&id, version, at).await }.await {
                Ok(()) => {
                    done.set(Some(if withdraw {
                        format!("Version {version} of \"{id}\" is withdrawn: it is no longer offered for new assessments. Assessments that follow it keep it.")
                    } else {
                        format!("Version {version} of \"{id}\" is offered again.")
                    }));
                    changed.update(|n| *n += 1);
                }
                Err(e) => errors.set(vec![format!("Nothing was changed: {e}.")]),
            }
        });
    };

    let built_in_rows = crate::procedure::built_in()
        .iter()
        .map(|p| {
            view! {
                <tr class="table__row">
                    <td class="table__cell" data-label="Procedure">{p.name.clone()}</td>
                    <td class="table__cell" data-label="Council">"Built in"</td>
                    <td class="table__cell" data-label="Version">{p.version}</td>
                    <td class="table__cell" data-label="Published">"Not given"</td>
                    <td class="table__cell" data-label="For new assessments">"Always offered"</td>
                    <td class="table__cell" data-label="Actions"><a class="link" href=preview_url(p)>{format!("Preview {}", p.name)}</a></td>
                </tr>
            }
        })
        .collect_view();

    let loaded_rows = move || {
        changed.track();
        let loaded = registry::loaded();
        if loaded.is_empty() {
            return view! { <tr class="table__row"><td class="table__cell" colspan="6">"No council has loaded a procedure on this device yet."</td></tr> }.into_any();
        }
        loaded
            .into_iter()
            .map(|l| {
                let p = l.profile;
                let (id, version) = (p.id.clone(), p.version);
                let label = format!("{} version {}", p.name, p.version);
                let toggle = move |_| set_withdrawn(id.clone(), version, !l.withdrawn);
                view! {
                    <tr class="table__row" data-testid="loaded-profile">
                        <td class="table__cell" data-label="Procedure">{p.name.clone()}<br/><span class="secondary-text">{format!("Content check {}", identity::short(&p.hash))}</span></td>
                        <td class="table__cell" data-label="Council">{p.council.clone()}</td>
                        <td class="table__cell" data-label="Version">{p.version}</td>
                        <td class="table__cell" data-label="Published">{p.published.map_or_else(|| "Not given".to_owned(), crate::report::words::long_date)}</td>
                        <td class="table__cell" data-label="For new assessments">{if l.withdrawn { "Withdrawn" } else { "Offered" }}</td>
                        <td class="table__cell" data-label="Actions">
                            <a class="link" href=preview_url(p)>{format!("Preview {label}")}</a>
                            <br/>
                            <button type="button" class="link-button" on:click=toggle>
                                {if l.withdrawn { format!("Offer {label} again") } else { format!("Withdraw {label}") }}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };

    let unreadable = UNREADABLE.with(|u| u.borrow().clone());

    view! {
        <a href="/" class="back-link">"Back to assessments"</a>
        <h1 class="heading-xl">"Procedures on this device"</h1>
        <p class="body">"Each assessment follows a procedure: its council's assessment chapter written as a profile. The built-in ones come with the app. A council's practice lead can write its own (see the guide, writing-a-profile.md, that comes with the app's documentation) and load it here."</p>
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary title="The profile cannot be loaded" messages=errors.get()/> })}
        {move || done.get().map(|m| view! {
            <div class="banner banner--success" role="status" data-testid="procedures-done"><p class="body">{m}</p></div>
        })}
        <div class="table-scroll">
            <table class="table" data-testid="procedures">
                <caption class="caption">"Procedures"</caption>
                <thead><tr>
                    <th scope="col" class="table__header">"Procedure"</th>
                    <th scope="col" class="table__header">"Council"</th>
                    <th scope="col" class="table__header">"Version"</th>
                    <th scope="col" class="table__header">"Published"</th>
                    <th scope="col" class="table__header">"For new assessments"</th>
                    <th scope="col" class="table__header">"Actions"</th>
                </tr></thead>
                <tbody>{built_in_rows}{loaded_rows}</tbody>
            </table>
        </div>
        {(!unreadable.is_empty()).then(|| view! {
            <div class="inset-text inset-text--warning" data-testid="unreadable-profiles">
                <p class="body">"These stored procedures cannot be used by this version of the app. They are kept as they are:"</p>
                <ul class="list list--bullet">
                    {unreadable.into_iter().map(|u| view! { <li>{format!("{}: {}", u.key, u.reason)}</li> }).collect_view()}
                </ul>
            </div>
        })}
        <h2 class="heading-l">"Load a procedure"</h2>
        <form novalidate on:submit=on_load>
            <div class="form-group">
                <label class="label" for="profile-file">"Upload a profile file"</label>
                <div class="hint" id="profile-file-hint">{format!("A .json file of up to {} KB, written as the guide describes. It is checked completely; nothing is stored unless the whole file passes.", MAX_PROFILE_BYTES / 1024)}</div>
                <input class="file-upload" id="profile-file" name="profile-file" type="file"
                    accept=".json,application/json" aria-describedby="profile-file-hint" node_ref=input/>
            </div>
            <button class="button" type="submit">"Check and load"</button>
        </form>
    }
}

/// The address of a profile version's preview.
pub fn preview_url(p: &Profile) -> String {
    format!("/procedures/preview?profile={}&version={}", p.id, p.version)
}
