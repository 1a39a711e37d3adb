//! Setting, changing and removing the passphrase: every stored assessment is rewritten under
//! the new protection (and the other tabs told to reload), or, should that fail, nothing is.
//! Above [`super::crypto`] (the keys) and [`super::platform`] (the repository they protect).

use super::crypto::{
    key_for, new_vault, protection, vault, PassphraseError, Vault, WebCrypto, VAULT,
};
use super::platform::repo;
use super::tabs;
use crate::storage::encrypted::{EncryptedStore, Protection};
use crate::storage::StorageError;
use gloo_storage::{LocalStorage, Storage};
use std::rc::Rc;
use wasm_bindgen_futures::JsFuture;

/// Rewrites every stored assessment under `next`, reading with `previous`; keeps the vault in
/// step (removed when `next_vault` is `None`). On failure the old protection is put back.
async fn switch(
    store: &EncryptedStore<crate::storage::indexeddb::IndexedDbStore, WebCrypto>,
    next: Protection<WebCrypto>,
    next_vault: Option<Vault>,
) -> Result<usize, StorageError> {
    let shared = protection();
    let previous = shared.replace(Rc::new(next));
    match store.rewrite_all(&previous).await {
        Ok(n) => {
            match next_vault {
                Some(v) => {
                    LocalStorage::set(VAULT, v).map_err(|e| StorageError::Failed(e.to_string()))?
                }
                None => LocalStorage::delete(VAULT),
            }
            tabs::announce_protection_changed();
            leptos::task::spawn_local(reseal_stragglers(previous));
            Ok(n)
        }
        Err(e) => {
            // Nothing was lost: the store put back what it had rewritten; so does the key.
            shared.replace(previous);
            Err(e)
        }
    }
}

/// A save another tab had in flight when the protection changed may land after the rewrite,
/// under the old protection; the other tabs reload on the announcement, so two sweeps a little
/// later re-store anything that did (see `EncryptedStore::reseal_stragglers`).
async fn reseal_stragglers(previous: Rc<Protection<WebCrypto>>) {
    for wait in [1_500, 6_000] {
        let timer = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, wait);
            }
        });
        let _ = JsFuture::from(timer).await;
        if let Ok(repo) = repo().await {
            if let Err(e) = repo.store().reseal_stragglers(&previous).await {
                leptos::logging::warn!("re-storing saves from other tabs failed: {e}");
            }
        }
    }
}

/// Turns protection on with a new passphrase: every stored assessment is encrypted.
pub async fn protect(passphrase: &str) -> Result<usize, StorageError> {
    let (v, key) = new_vault(passphrase).await?;
    let repo = repo().await?;
    switch(repo.store(), Protection::Unlocked(key), Some(v)).await
}

/// Changes the passphrase: checks the current one, then re-encrypts everything.
pub async fn change(current: &str, next: &str) -> Result<usize, PassphraseError> {
    let v = vault().ok_or(PassphraseError::Failed("no passphrase is set".into()))?;
    key_for(current, &v).await?;
    let (nv, key) = new_vault(next)
        .await
        .map_err(|e| PassphraseError::Failed(e.to_string()))?;
    let repo = repo()
        .await
        .map_err(|e| PassphraseError::Failed(e.to_string()))?;
    switch(repo.store(), Protection::Unlocked(key), Some(nv))
        .await
        .map_err(|e| PassphraseError::Failed(e.to_string()))
}

/// Turns protection off after checking the passphrase: everything is stored decrypted.
pub async fn unprotect(current: &str) -> Result<usize, PassphraseError> {
    let v = vault().ok_or(PassphraseError::Failed("no passphrase is set".into()))?;
    key_for(current, &v).await?;
    let repo = repo()
        .await
        .map_err(|e| PassphraseError::Failed(e.to_string()))?;
    switch(repo.store(), Protection::Off, None)
        .await
        .map_err(|e| PassphraseError::Failed(e.to_string()))
}
