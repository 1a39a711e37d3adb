//! GEDCOM on the genogram page: a family tree file from family-history software joins the
//! people register and becomes the genogram (one undoable step), and the genogram can be saved
//! as GEDCOM 7 for other tools.

use super::dispatch::Dispatcher;
use super::export::file_name;
use crate::diagram::genogram::transfer::{doubtful_matches, import_ops, Doubt};
use crate::exchange::gedcom;
use crate::model::PersonId;
use crate::ui::platform::{chosen_file, download, file_text, random_bytes};
use crate::ui::session::use_session;
use leptos::prelude::*;

/// A file read and waiting for the worker's answers about matches on a name alone.
#[derive(Clone)]
struct Pending {
    source: crate::model::Assessment,
    people: usize,
    doubts: Vec<Doubt>,
}

/// Saves the genogram as a GEDCOM file; the reason when it could not be saved.
pub fn save_gedcom() -> Result<(), String> {
    let s = use_session();
    let (text, title) = s.doc.with_untracked(|a| (gedcom::write(a), a.title()));
    download(
        &file_name(&format!("genogram {title}"), "ged"),
        "text/plain",
        &text,
    )
    .map_err(|e| format!("The file could not be saved: {e}"))
}

/// Import a GEDCOM file, or save the genogram as one.
#[component]
pub fn GedcomInOut(d: Dispatcher) -> impl IntoView {
    let s = use_session();
    let message = RwSignal::new(None::<(bool, String)>);
    let pending = RwSignal::new(None::<Pending>);
    // The register people the worker said are not the person of the same name in the file.
    let apart = RwSignal::new(Vec::<PersonId>::new());
    let import = move |p: Pending| {
        let separate = apart.get_untracked();
        let before = s.doc.with_untracked(|a| a.people.len());
        if d.run("import a GEDCOM file", |a| {
            import_ops(a, &p.source, random_bytes, &separate)
        }) {
            let added = s.doc.with_untracked(|a| a.people.len()) - before;
            message.set(Some((true, format!(
                "The family tree from the file is now the genogram: {} people, {added} of them new to the register. Undo puts the previous genogram back.",
                p.people
            ))));
        }
        pending.set(None);
    };
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
            let doubts = s.doc.with_untracked(|a| doubtful_matches(a, &source));
            let p = Pending {
                source,
                people: tree.len(),
                doubts,
            };
            message.set(None);
            apart.set(Vec::new());
            if p.doubts.is_empty() {
                import(p);
            } else {
                pending.set(Some(p));
            }
        });
    };
    let questions = move || {
        pending.get().map(|p| {
            let rows = p
                .doubts
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    let ours = d.ours.clone();
                    let (o1, o2) = (ours.clone(), ours.clone());
                    let same = Signal::derive(move || !apart.with(|v| v.contains(&o1)));
                    view! {
                        <fieldset class="fieldset" data-testid="gedcom-doubt">
                            <legend class="fieldset__legend">{format!("Is the {} in the file the person already in the register?", d.words.split(':').next().unwrap_or_default())}</legend>
                            <p class="hint">{format!("In the register: {}. Neither has a date of birth, so only the name matches.", d.words)}</p>
                            <div class="radios radios--inline">
                                <div class="radios__item">
                                    <input class="radios__input" type="radio" id=format!("gd-{i}-same") name=format!("gd-{i}")
                                        prop:checked=same on:change=move |_| apart.update(|v| v.retain(|x| x != &o2))/>
                                    <label class="label radios__label" for=format!("gd-{i}-same")>"Yes, the same person"</label>
                                </div>
                                <div class="radios__item">
                                    <input class="radios__input" type="radio" id=format!("gd-{i}-other") name=format!("gd-{i}")
                                        prop:checked=move || !same.get() on:change=move |_| apart.update(|v| if !v.contains(&ours) { v.push(ours.clone()) })/>
                                    <label class="label radios__label" for=format!("gd-{i}-other")>"No, someone else"</label>
                                </div>
                            </div>
                        </fieldset>
                    }
                })
                .collect_view();
            let go = p.clone();
            view! {
                <div class="panel" data-testid="gedcom-questions" role="region" aria-label="Before importing">
                    <h3 class="heading-s">{format!("Before importing {} people: check {} match{} made on the name alone", p.people, p.doubts.len(), if p.doubts.len() == 1 { "" } else { "es" })}</h3>
                    {rows}
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| import(go.clone())>"Import the family tree"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                </div>
            }
        })
    };
    let save = move |_| {
        if let Err(e) = save_gedcom() {
            message.set(Some((false, e)));
        }
    };
    view! {
        <details class="details" data-testid="gedcom">
            <summary class="details__summary">"GEDCOM: family tree files"</summary>
            <div class="details__text">
                <p class="body">"Family history software and other genogram tools save family trees as GEDCOM (.ged). Importing one makes it this genogram: people already in the register (same name and date of birth) are matched, the rest are added. Where only a name matches, you are asked first."</p>
                <div class="form-group">
                    <label class="label" for="gedcom-file">"GEDCOM file to import"</label>
                    <input class="file-upload" id="gedcom-file" type="file" accept=".ged,text/plain" on:change=on_file/>
                </div>
                {questions}
                {move || message.get().map(|(ok, m)| view! {
                    <p class=if ok { "body" } else { "error-message" } role=if ok { "status" } else { "alert" } data-testid="gedcom-message">{m}</p>
                })}
                <button type="button" class="button button--secondary" on:click=save>"Save the genogram as GEDCOM"</button>
            </div>
        </details>
    }
}
