//! GEDCOM on the genogram page: a family tree file from family-history software joins the
//! people register and becomes the genogram (one undoable step), and the genogram can be saved
//! as GEDCOM 7 for other tools.

use super::dispatch::Dispatcher;
use super::export::file_name;
use crate::diagram::genogram::transfer::{doubtful_matches, import_ops};
use crate::exchange::gedcom;
use crate::ui::platform::{chosen_file, download, file_text, random_bytes};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// Import a GEDCOM file, or save the genogram as one.
#[component]
pub fn GedcomInOut(d: Dispatcher) -> impl IntoView {
    let s = use_session();
    let message = RwSignal::new(None::<(bool, String)>);
    let on_file = move |ev: web_sys::Event| {
        let Some(file) = chosen_file(&ev) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = match file_text(&file).await {
                Ok(t) => t,
                Err(e) => return message.set(Some((false, e))),
            };
            let tree = match gedcom::read(&text) {
                Ok(t) => t,
                Err(e) => return message.set(Some((false, e.to_string()))),
            };
            let source = s
                .doc
                .with_untracked(|a| gedcom::as_assessment(&tree, a, random_bytes));
            let doubtful = s.doc.with_untracked(|a| doubtful_matches(a, &source));
            let before = s.doc.with_untracked(|a| a.people.len());
            if d.run("import a GEDCOM file", |a| {
                import_ops(a, &source, random_bytes)
            }) {
                let added = s.doc.with_untracked(|a| a.people.len()) - before;
                let mut words = format!(
                    "The family tree from the file is now the genogram: {} people, {added} of them new to the register. Undo puts the previous genogram back.",
                    tree.len()
                );
                if !doubtful.is_empty() {
                    words.push_str(&format!(
                        " Matched by name only, with no date of birth: {}. Check these are the same people.",
                        doubtful.join(", ")
                    ));
                }
                message.set(Some((true, words)));
            }
        });
    };
    let save = move |_| {
        let (text, title) = s.doc.with_untracked(|a| (gedcom::write(a), a.title()));
        if let Err(e) = download(
            &file_name(&format!("genogram {title}"), "ged"),
            "text/plain",
            &text,
        ) {
            message.set(Some((false, format!("The file could not be saved: {e}"))));
        }
    };
    view! {
        <details class="details" data-testid="gedcom">
            <summary class="details__summary">"GEDCOM: family tree files"</summary>
            <div class="details__text">
                <p class="body">"Family history software and other genogram tools save family trees as GEDCOM (.ged). Importing one makes it this genogram: people already in the register (same name and date of birth) are matched, the rest are added."</p>
                <div class="form-group">
                    <label class="label" for="gedcom-file">"GEDCOM file to import"</label>
                    <input class="file-upload" id="gedcom-file" type="file" accept=".ged,text/plain" on:change=on_file/>
                </div>
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "body" } else { "error-message" } role=if ok { "status" } else { "alert" } data-testid="gedcom-message">{m}</p>
                })}
                <button type="button" class="button button--secondary" on:click=save>"Save the genogram as GEDCOM"</button>
            </div>
        </details>
    }
}
