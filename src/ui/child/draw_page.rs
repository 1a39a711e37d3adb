//! Drawing a story page's picture full screen, with the worker and the parents (not child
//! mode: "Done" goes back to the story).

use super::board::Board;
use crate::edit::child_tools::tool;
use crate::model::child_tools::Surface;
use crate::model::ItemId;
use crate::ui::router::use_params_map;
use crate::ui::session::use_session;
use leptos::prelude::*;

/// The page at `/assessments/:id/tools/:tool/draw/:surface`.
#[component]
pub fn ToolDrawPage() -> impl IntoView {
    let s = use_session();
    let params = use_params_map();
    let p = params.read_untracked();
    let found = ItemId::parse(&p.get("tool").unwrap_or_default())
        .zip(Surface::from_code(&p.get("surface").unwrap_or_default()))
        .filter(|(t, sf)| {
            s.doc
                .with_untracked(|a| tool(a, t).is_some_and(|t| t.drawing(sf).is_some()))
        });
    let Some((id, surface)) = found else {
        return view! { <super::super::pages::not_found::NotFound/> }.into_any();
    };
    crate::ui::platform::body_class_while_shown("child-mode");
    let child = s
        .doc
        .with_untracked(|a| tool(a, &id).map(|t| t.child.clone()))
        .expect("checked");
    let done = format!(
        "/assessments/{}/tools/{}",
        s.doc.with_untracked(|a| a.id.clone()),
        id.as_str()
    );
    view! {
        <div class="child-screen" data-testid="draw-page">
            <div class="child-bar">
                <p class="child-bar__title">"The picture for this page"</p>
                <a href=done class="button child-bar__done" role="button" data-testid="draw-done">"Done"</a>
            </div>
            <Board id=id surface=Signal::stored(surface) child=child/>
        </div>
    }
    .into_any()
}
