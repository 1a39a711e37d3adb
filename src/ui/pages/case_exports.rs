//! The exports councils load, for one assessment: the council's code (set once on this device),
//! and each format; an export that would break a census rule says which, for which child, and
//! asks before writing.

use crate::exchange::targets::{export_issues, Format};
use crate::storage::prefs;
use crate::ui::platform::download;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The council's code field, shared by this page and the list's exports.
#[component]
pub fn CouncilCode(code: RwSignal<Option<u32>>) -> impl IntoView {
    let text = RwSignal::new(
        code.get_untracked()
            .map(|c| c.to_string())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<&'static str>);
    let save = move |v: String| {
        text.set(v.clone());
        match v.trim().parse::<u32>() {
            Ok(n) if n > 0 => {
                prefs::set_la_code(n);
                code.set(Some(n));
                error.set(None);
            }
            _ if v.trim().is_empty() => code.set(None),
            _ => error.set(Some("The council's code is a number, for example 123")),
        }
    };
    view! {
        <div class="form-group" class:form-group--error=move || error.get().is_some()>
            <label class="label" for="la-code">"Your council's local authority code"</label>
            <div class="hint" id="la-code-hint">"Set once on this device; the DfE API records carry it."</div>
            {move || error.get().map(|e| view! { <p class="error-message" id="la-code-error">{e}</p> })}
            <input class="input input--w5" id="la-code" inputmode="numeric" aria-describedby="la-code-hint"
                prop:value=move || text.get() on:change=move |ev| save(event_target_value(&ev))/>
        </div>
    }
}

/// The exports of the open assessment.
#[component]
pub fn Exports() -> impl IntoView {
    let s = use_session();
    let code = RwSignal::new(prefs::la_code());
    let asking = RwSignal::new(None::<Format>);
    let done = RwSignal::new(None::<String>);
    let write = move |f: Format| {
        let a = s.doc.read_untracked().clone();
        let text = f.write(std::slice::from_ref(&a), code.get_untracked().unwrap_or(0));
        let name = f.file_name(&format!("assessment-{}", a.id));
        done.set(Some(match download(&name, f.mime(), &text) {
            Ok(()) => format!("Saved {name}."),
            Err(e) => format!("The file could not be saved: {e}."),
        }));
        asking.set(None);
    };
    let start = move |f: Format| {
        if f == Format::DfeApi && code.get_untracked().is_none() {
            done.set(Some(
                "Enter your council's code first: the DfE records carry it.".into(),
            ));
            return;
        }
        if export_issues(&s.doc.read_untracked()).is_empty() {
            write(f);
        } else {
            asking.set(Some(f));
        }
    };
    view! {
        <h2 class="heading-l">"Exports for the case system and returns"</h2>
        <CouncilCode code=code/>
        <div class="button-group">
            {Format::ALL.into_iter().map(|f| view! {
                <button type="button" class="button button--secondary" on:click=move |_| start(f)>{f.label()}</button>
            }).collect_view()}
        </div>
        {move || asking.get().map(|f| {
            let list = export_issues(&s.doc.read());
            view! {
                <div class="panel panel--warning" role="alert" data-testid="export-issues">
                    <h3 class="heading-m">"This export would break the census rules"</h3>
                    <ul class="list list--bullet">
                        {list.into_iter().map(|i| view! { <li>{format!("Rule {}: {}", i.rule, i.words)}</li> }).collect_view()}
                    </ul>
                    <div class="button-group">
                        <button type="button" class="button button--warning" on:click=move |_| write(f)>"Export anyway"</button>
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(None)>"Do not export"</button>
                    </div>
                </div>
            }
        })}
        {move || done.get().map(|d| view! { <p class="body" role="status" data-testid="export-done">{d}</p> })}
    }
}
