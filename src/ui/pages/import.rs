//! Importing an assessment from an export file. The file is checked completely before
//! anything is stored; an id that already exists asks whether to replace or keep both.

use crate::exchange::{import_json, CarriedProfile, ImportError, MAX_IMPORT_BYTES};
use crate::model::{Assessment, AssessmentId};
use crate::ui::platform::{input_file_text, long_time, random_bytes, repo};
use crate::ui::router::use_navigate;
use crate::ui::widgets::fields::{Choice, RadioGroup};
use crate::ui::widgets::messages::ErrorSummary;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// An imported assessment whose id is already on this device.
#[derive(Clone)]
struct Clash {
    incoming: Assessment,
    /// The copy here, as it opens (repaired if need be); `None` when it cannot be read at all.
    existing: Option<Assessment>,
}

async fn read_file(input: &web_sys::HtmlInputElement) -> Result<String, String> {
    input_file_text(
        input,
        "Select a file to import.",
        MAX_IMPORT_BYTES,
        |bytes| {
            ImportError::TooLarge {
                bytes,
                limit: MAX_IMPORT_BYTES,
            }
            .to_string()
        },
    )
    .await
}

/// The page at `/import`.
#[component]
pub fn ImportPage() -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let clash = RwSignal::new(None::<Clash>);
    let choice = RwSignal::new(String::new());
    let input = NodeRef::<leptos::html::Input>::new();
    let passphrase = RwSignal::new(String::new());
    let navigate = use_navigate();

    let store = move |a: Assessment| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match async { repo().await?.save(&a).await }.await {
                Ok(()) => {
                    crate::ui::platform::ask_to_keep_data();
                    navigate(&format!("/assessments/{}", a.id), Default::default())
                }
                Err(e) => error.set(Some(format!(
                    "The assessment could not be stored: {e}. Nothing was changed."
                ))),
            }
        });
    };

    // The assessment on its way in: stored at once, or after the worker chooses between it
    // and the copy already here.
    let store_for_arrival = store.clone();
    let arrive = move |a: Assessment| {
        let store = store_for_arrival.clone();
        spawn_local(async move {
            // The copy here may be one that needs repair or cannot be read: the choice is
            // offered all the same, so a good export can take its place.
            let here = async {
                let r = repo().await?;
                if !r.exists(&a.id).await? {
                    return Ok(None);
                }
                Ok::<_, crate::storage::StorageError>(Some(match r.open(&a.id).await {
                    Ok(opened) => opened.map(|o| o.assessment),
                    Err(_) => None,
                }))
            }
            .await;
            match here {
                Ok(Some(existing)) => clash.set(Some(Clash {
                    incoming: a,
                    existing,
                })),
                Ok(None) => store(a),
                Err(e) => error.set(Some(format!("Your assessments cannot be opened: {e}."))),
            }
        });
    };
    let offer = RwSignal::new(None::<(Assessment, CarriedProfile)>);
    let arrive_checked = arrive.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Take the file input before anything could re-render the form.
        let Some(el) = input.get_untracked() else {
            return;
        };
        let el: web_sys::HtmlInputElement = el.unchecked_into();
        error.set(None);
        let arrive_checked = arrive_checked.clone();
        spawn_local(async move {
            let mut text = match read_file(&el).await {
                Ok(t) => t,
                Err(m) => return error.set(Some(m)),
            };
            // An encrypted export is decrypted first; then it is checked like any other.
            if let Some(sealed) = crate::exchange::encrypted::read(&text) {
                let sealed = match sealed {
                    Ok(s) => s,
                    Err(e) => return error.set(Some(e.to_string())),
                };
                let pass = passphrase.get_untracked();
                if pass.is_empty() {
                    return error.set(Some(
                        "This file is encrypted. Enter the passphrase it was exported with.".into(),
                    ));
                }
                text = match crate::ui::crypto::decrypt_export(&sealed, &pass).await {
                    Ok(t) => t,
                    Err(crate::ui::crypto::PassphraseError::Wrong) => {
                        return error.set(Some("The passphrase for this encrypted file is not right. Nothing has been imported.".into()))
                    }
                    Err(crate::ui::crypto::PassphraseError::Failed(e)) => {
                        return error.set(Some(format!("The encrypted file could not be decrypted: {e}")))
                    }
                };
            }
            let imported = match import_json(&text, crate::procedure::known_hash) {
                Ok(i) => i,
                Err(e) => return error.set(Some(crate::exchange::explain(&text, &e))),
            };
            match imported.profile_to_add {
                Some(p) => offer.set(Some((imported.assessment, p))),
                None => arrive_checked(imported.assessment),
            }
        });
    };

    let arrive_with_profile = arrive.clone();
    let on_add_profile = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((a, p)) = offer.get_untracked() else {
            return;
        };
        let arrive = arrive_with_profile.clone();
        spawn_local(async move {
            match async { repo().await?.add_profile(p.profile, p.canonical).await }.await {
                Ok(_) => {
                    offer.set(None);
                    arrive(a)
                }
                Err(e) => error.set(Some(format!(
                    "The procedure could not be stored: {e}. Nothing was imported."
                ))),
            }
        });
    };

    let on_resolve = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(c) = clash.get_untracked() else {
            return;
        };
        match choice.get_untracked().as_str() {
            "replace" => store(c.incoming),
            "copy" => {
                let mut a = c.incoming;
                a.id = AssessmentId::from_random(random_bytes());
                store(a)
            }
            _ => error.set(Some(
                "Select whether to replace the assessment or keep both.".into(),
            )),
        }
    };

    view! {
        <a href="/" class="back-link">"Back"</a>
        <h1 class="heading-xl">"Import an assessment"</h1>
        {move || error.get().map(|m| view! { <ErrorSummary title="The file cannot be imported" messages=vec![m]/> })}
        {move || offer.get().map(|(a, p)| view! {
            <form novalidate on:submit=on_add_profile.clone() data-testid="profile-offer">
                <h2 class="heading-l">"This assessment follows a procedure this device does not have"</h2>
                <p class="body">{format!("{} follows this procedure. The file carries it, and it has passed every check a procedure loaded on this device must pass.", a.title())}</p>
                <super::procedures::ProfileFacts profile=p.profile.clone()/>
                <p class="body">"Adding it puts it beside the procedures on this device, where it can be previewed and withdrawn. Nothing is stored if you cancel."</p>
                <div class="button-group">
                    <button class="button" type="submit">"Add the procedure and import"</button>
                    <a href="/import" class="link" on:click=move |_| offer.set(None)>"Cancel"</a>
                </div>
            </form>
        })}
        {move || match clash.get() {
            None if offer.get().is_some() => ().into_any(),
            None => view! {
                <p class="body">"Choose an assessment exported from Assessment Workbench (a .json file). It is checked before anything is stored."</p>
                <form novalidate on:submit=on_submit.clone()>
                    <div class="form-group">
                        <label class="label" for="import-file">"Upload a file"</label>
                        <div class="hint" id="import-file-hint">{format!("A .json file of up to {} MB", MAX_IMPORT_BYTES / 1024 / 1024)}</div>
                        <input class="file-upload" id="import-file" name="import-file" type="file"
                            accept=".json,application/json" aria-describedby="import-file-hint" node_ref=input/>
                    </div>
                    <div class="form-group">
                        <label class="label" for="import-passphrase">"Passphrase, if the file is encrypted"</label>
                        <input class="input input--w20" id="import-passphrase" name="import-passphrase" type="password"
                            autocomplete="off" prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                    <button class="button" type="submit">"Import"</button>
                </form>
            }.into_any(),
            Some(c) => view! {
                <form novalidate on:submit=on_resolve.clone()>
                    <p class="body" data-testid="clash">{match &c.existing {
                        Some(e) => format!(
                            "This device already has this assessment ({}, last changed {}). The file's copy was last changed {}.",
                            e.title(), long_time(e.updated_at), long_time(c.incoming.updated_at)
                        ),
                        None => format!(
                            "This device already has a copy of this assessment that cannot be read. The file's copy ({}) was last changed {}. Replacing the copy on this device cannot be undone: download it first from the list if you may need it.",
                            c.incoming.title(), long_time(c.incoming.updated_at)
                        ),
                    }}</p>
                    <RadioGroup
                        name="clash"
                        legend="What do you want to do?"
                        choices=vec![
                            Choice::with_hint("replace", "Replace the assessment on this device", "The copy on this device is overwritten by the file."),
                            Choice::with_hint("copy", "Keep both", "The file is imported as a separate copy with a new id."),
                        ]
                        value=choice
                        on_change=Callback::new(move |v| choice.set(v))
                    />
                    <button class="button" type="submit">"Continue"</button>
                </form>
            }.into_any(),
        }}
    }
}
