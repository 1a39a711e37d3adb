//! The browser services the UI needs: the repository over IndexedDB, randomness, the clock
//! and file downloads. Kept in one place so pages stay free of web-sys details.

use crate::storage::encrypted::EncryptedStore;
use crate::storage::indexeddb::{IndexedDbStore, DB_NAME};
use crate::storage::{Repository, StorageError};
use chrono::{DateTime, Local, NaiveDate, Utc};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};

/// The repository the app uses: IndexedDB, encrypted while a passphrase is set.
pub type Repo = Repository<EncryptedStore<IndexedDbStore, super::crypto::WebCrypto>>;

thread_local! {
    static REPO: RefCell<Option<Rc<Repo>>> = const { RefCell::new(None) };
}

/// The app's repository, opening the database on first use.
pub async fn repo() -> Result<Rc<Repo>, StorageError> {
    if let Some(r) = REPO.with(|c| c.borrow().clone()) {
        return Ok(r);
    }
    let store = IndexedDbStore::open(DB_NAME).await?;
    let store = EncryptedStore::new(store, super::crypto::protection());
    let r = Rc::new(Repository::new(store));
    REPO.with(|c| *c.borrow_mut() = Some(r.clone()));
    Ok(r)
}

pub use super::randomness::{random_bytes, secure_random_bytes};

/// Asks the browser to keep this site's data when space runs low (persistent storage), once per
/// page load, after something is first stored: a browser that asks the user does so when it
/// matters. The storage page says whether it agreed.
pub fn ask_to_keep_data() {
    thread_local!(static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if ASKED.with(|a| a.replace(true)) {
        return;
    }
    let Some(m) = web_sys::window().map(|w| w.navigator().storage()) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let persisted = match m.persisted() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.ok(),
            Err(_) => None,
        };
        if persisted.and_then(|v| v.as_bool()) == Some(false) {
            if let Ok(p) = m.persist() {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            }
        }
    });
}

/// The current time.
/// Puts `class` on the body for as long as the calling page is shown (presentation mode,
/// the editors' full-screen mode).
pub fn body_class_while_shown(class: &'static str) {
    set_body_class(class, true);
    leptos::prelude::on_cleanup(move || set_body_class(class, false));
}

fn set_body_class(class: &str, on: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let list = body.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today's date on this device.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Offers `text` to the user as a file download called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("{e:?}"))?;
    download_blob(name, &blob)
}

/// Offers a blob to the user as a file download called `name`.
pub fn download_blob(name: &str, blob: &web_sys::Blob) -> Result<(), String> {
    let to_s = |e: JsValue| format!("{e:?}");
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(to_s)?;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(to_s)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_owned())?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

pub use crate::report::words::long_date;

/// Formats a time of change in local time: 2 November 2026 at 3:04pm.
pub fn long_time(t: DateTime<Utc>) -> String {
    crate::report::words::long_date_time(t.with_timezone(&Local).naive_local())
}

/// The file chosen in the file input an event came from, if any.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0))
}

/// A chosen file's text, or the words for why it could not be read.
pub async fn file_text(file: &web_sys::File) -> Result<String, String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map(|t| t.as_string().unwrap_or_default())
        .map_err(|_| "The file could not be read.".to_owned())
}

/// The text of the file chosen in a file input, or the words for why not: none chosen (`none`),
/// larger than `limit` bytes (`too_large`, given the size), or unreadable.
pub async fn input_file_text(
    input: &web_sys::HtmlInputElement,
    none: &str,
    limit: usize,
    too_large: impl FnOnce(usize) -> String,
) -> Result<String, String> {
    let file = input
        .files()
        .and_then(|f| f.get(0))
        .ok_or_else(|| none.to_owned())?;
    if file.size() > limit as f64 {
        return Err(too_large(file.size() as usize));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| {
            "The file could not be read. Check it is still there and try again.".to_owned()
        })?;
    text.as_string()
        .ok_or_else(|| "The file could not be read as text.".to_owned())
}

/// Downloads a live record's stored text exactly as it is (decrypted, if protected): the way
/// out for a record that cannot be opened. A failure is put in `failed`.
pub fn download_stored_record(id: String, failed: leptos::prelude::RwSignal<Option<String>>) {
    use leptos::prelude::Set;
    leptos::task::spawn_local(async move {
        let text = async { repo().await?.stored_text(&id).await }.await;
        let result = match text {
            Ok(Some(t)) => download(
                &format!("assessment-{id}-as-stored.json"),
                "application/json",
                &t,
            ),
            Ok(None) => Err("it is no longer on this device".into()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = result {
            failed.set(Some(format!(
                "The stored copy could not be downloaded: {e}."
            )));
        }
    });
}

/// Downloads an assessment as its JSON export file.
pub fn export_download(a: &crate::model::Assessment) -> Result<(), String> {
    let text = crate::exchange::export_json(a, now(), crate::APP_VERSION);
    download(
        &crate::exchange::export_file_name(a),
        "application/json",
        &text,
    )?;
    note_exported(&a.id);
    Ok(())
}

/// Notes that a whole assessment was exported now (the list shows it; see `backup_log`).
pub fn note_exported(id: &crate::model::AssessmentId) {
    crate::storage::prefs::note_in_backup_log(|l| l.exported(id.as_str(), now()));
}
