//! On a child's page: the tools used with them, each with its date and what is in it, and the
//! buttons that start a new one.

use crate::edit::child_tools::{start, used_with};
use crate::model::child_tools::{ChildTool, ToolKind, Work};
use crate::model::PersonId;
use crate::ui::platform::{long_date, random_bytes, today};
use crate::ui::router::use_navigate;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// What is in a tool, in a few words: "12 lines, 2 words, 1 person; 3 things said".
pub fn contents(t: &ChildTool) -> String {
    let (mut lines, mut words, mut pictures) = (0, 0, 0);
    for (_, d) in t.drawings() {
        lines += d.strokes.len();
        words += d.words.len();
        pictures += d.pictures.len();
    }
    let mut parts = Vec::new();
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if let Work::WordsAndPictures { pages, versions } = &t.work {
        parts.push(count(pages.len(), "page", "pages"));
        parts.push(count(versions.len(), "version", "versions"));
    } else {
        parts.push(count(lines, "line", "lines"));
        parts.push(count(words, "word placed", "words placed"));
        parts.push(count(pictures, "picture", "pictures"));
    }
    if let Work::SafetyHouse { path: Some(p), .. } = &t.work {
        parts.push(format!("{p} of 10 on the path"));
    }
    parts.push(count(t.child_words.len(), "thing said", "things said"));
    parts.join(", ")
}

/// The child's own tools, on the page of a child being assessed.
#[component]
pub fn ChildTools(child: PersonId) -> impl IntoView {
    let s = use_session();
    let navigate = use_navigate();
    let child = StoredValue::new(child);
    let rows = Memo::new(move |_| {
        s.doc.with(|a| {
            used_with(a, &child.get_value())
                .map(|t| {
                    (
                        t.id.clone(),
                        t.kind().label(),
                        long_date(t.started_on),
                        contents(t),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let base = move || format!("/assessments/{}", s.doc.read().id);
    view! {
        <h2 class="heading-l" id="child-tools">"The child's own tools"</h2>
        <p class="body">"Tools the child uses with their own hands, on this tablet: the Three Houses, the Safety House, and the Words and Pictures story written with the parents."</p>
        <Show when=move || !rows.with(Vec::is_empty)>
            <table class="table" data-testid="tools-used">
                <thead><tr><th scope="col">"Tool"</th><th scope="col">"Started"</th><th scope="col">"What is in it"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|(id, kind, on, what)| view! {
                        <tr>
                            <td><a class="link" href=format!("{}/tools/{}", base(), id.as_str())>{kind}</a></td>
                            <td>{on}</td>
                            <td>{what}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
        <div class="button-group">
            {ToolKind::ALL.iter().map(|&kind| {
                let navigate = navigate.clone();
                view! {
                    <button type="button" class="button button--secondary" data-testid=format!("start-{}", kind.code())
                        on:click=move |_| {
                            let mut made = None;
                            if s.try_edit(format!("start {}", kind.label().to_lowercase()), |a| made = Some(start(a, &child.get_value(), kind, today(), random_bytes))) {
                                if let Some(id) = made {
                                    navigate(&format!("{}/tools/{}", base(), id.as_str()), Default::default());
                                }
                            }
                        }>{format!("Start {}", kind.label())}</button>
                }
            }).collect_view()}
        </div>
    }
}
