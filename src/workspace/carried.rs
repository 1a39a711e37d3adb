//! An open assessment's undo history on its way to another app module (see `ui::handoff`),
//! with the version of the document it was made on: the next module goes on with it only on
//! that same version, since Undo must never reach across a document it did not make.

use super::History;
use serde::{Deserialize, Serialize};

/// The history, and the assessment and saved revision it belongs to.
#[derive(Serialize, Deserialize)]
struct Carried<H> {
    id: String,
    revision: u64,
    history: H,
}

/// `history`, made on assessment `id` as saved at `revision`, as text to carry.
pub fn carry(id: &str, revision: u64, history: &History) -> String {
    let carried = Carried {
        id: id.to_owned(),
        revision,
        history,
    };
    serde_json::to_string(&carried).unwrap_or_default()
}

/// The history `text` carries, if it was made on assessment `id` as saved at `revision`.
pub fn carried_history(text: &str, id: &str, revision: u64) -> Option<History> {
    let c: Carried<History> = serde_json::from_str(text).ok()?;
    (c.id == id && c.revision == revision).then_some(c.history)
}
