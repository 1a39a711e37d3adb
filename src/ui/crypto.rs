//! Encryption at rest in the browser: AES-GCM 256 through WebCrypto, the key derived from the
//! passphrase with PBKDF2-SHA-256 (600,000 iterations, a random 16-byte salt), never
//! extractable and never stored. What is stored (in localStorage) is the "vault": the salt, the
//! iteration count, and a sealed check phrase that tells a right passphrase from a wrong one.
//! Locking drops the key and reloads the page, so nothing readable stays in memory.

use super::randomness::secure_random_bytes;
use crate::exchange::base64;
use crate::storage::encrypted::{open_text, seal_text, Cipher, Protection, SharedProtection};
use crate::storage::StorageError;
use gloo_storage::{LocalStorage, Storage};
use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

/// PBKDF2 iterations for new passphrases.
pub const ITERATIONS: u32 = 600_000;
/// The fewest characters a passphrase may have.
pub const MIN_LENGTH: usize = 12;

/// A new passphrase typed twice, or why it cannot be used: one rule for setting one and for an
/// encrypted export.
pub fn new_passphrase(first: String, again: &str) -> Result<String, String> {
    if first.chars().count() < MIN_LENGTH {
        return Err(format!("The passphrase must be at least {MIN_LENGTH} characters. A few ordinary words in a row are easy to remember and hard to guess."));
    }
    if first != again {
        return Err("The two passphrases are not the same.".into());
    }
    Ok(first)
}

pub(super) const VAULT: &str = "assessment-workbench.vault";
const IDLE: &str = "assessment-workbench.idle-minutes";
const CHECK: &str = "assessment-workbench passphrase check";

/// AES-GCM with a key derived from the passphrase.
pub struct WebCrypto {
    key: CryptoKey,
}

fn subtle() -> Result<web_sys::SubtleCrypto, StorageError> {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.subtle())
        .ok_or_else(|| StorageError::Failed("this browser has no Web Cryptography".into()))
}

fn failed(e: JsValue) -> StorageError {
    StorageError::Failed(format!("{e:?}"))
}

impl Cipher for WebCrypto {
    async fn seal(&self, plain: &[u8]) -> Result<(Vec<u8>, Vec<u8>), StorageError> {
        let iv: [u8; 12] = secure_random_bytes()?;
        let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]));
        let p = subtle()?
            .encrypt_with_object_and_u8_array(&params, &self.key, plain)
            .map_err(failed)?;
        let buf = JsFuture::from(p).await.map_err(failed)?;
        Ok((iv.to_vec(), Uint8Array::new(&buf).to_vec()))
    }

    async fn open(&self, iv: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
        let params = web_sys::AesGcmParams::new("AES-GCM", &Uint8Array::from(iv));
        let p = subtle()
            .ok()?
            .decrypt_with_object_and_u8_array(&params, &self.key, sealed)
            .ok()?;
        let buf = JsFuture::from(p).await.ok()?;
        Some(Uint8Array::new(&buf).to_vec())
    }
}

/// Derives the AES-GCM key for a passphrase and salt (non-extractable).
pub async fn derive(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
) -> Result<WebCrypto, StorageError> {
    let s = subtle()?;
    let usages_base = Array::of1(&JsValue::from_str("deriveKey"));
    let raw = Uint8Array::from(passphrase.as_bytes());
    let base = JsFuture::from(
        s.import_key_with_str("raw", &raw, "PBKDF2", false, &usages_base)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    let base: CryptoKey = base.dyn_into().map_err(failed)?;
    let params = web_sys::Pbkdf2Params::new_with_str(
        "PBKDF2",
        "SHA-256",
        iterations,
        &Uint8Array::from(salt),
    );
    let target = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    let usages = Array::of2(&JsValue::from_str("encrypt"), &JsValue::from_str("decrypt"));
    let key = JsFuture::from(
        s.derive_key_with_object_and_object(&params, &base, &target, false, &usages)
            .map_err(failed)?,
    )
    .await
    .map_err(failed)?;
    Ok(WebCrypto {
        key: key.dyn_into().map_err(failed)?,
    })
}

/// What is kept to unlock: the salt, the iterations and a sealed check phrase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Vault {
    pub salt: String,
    pub iterations: u32,
    pub check: String,
}

/// The vault, when a passphrase is set.
pub fn vault() -> Option<Vault> {
    LocalStorage::get(VAULT).ok()
}

/// Minutes without use before the app locks itself.
pub fn idle_minutes() -> u32 {
    LocalStorage::get(IDLE).unwrap_or(10)
}

/// Sets the idle time.
pub fn set_idle_minutes(m: u32) {
    let _ = LocalStorage::set(IDLE, m);
}

thread_local! {
    static HANDED: Option<(CryptoKey, f64)> = take_handed_over();
    static PROTECTION: SharedProtection<WebCrypto> = Rc::new(RefCell::new(Rc::new(
        match (vault(), HANDED.with(|h| h.as_ref().map(|(k, _)| k.clone()))) {
            (None, _) => Protection::Off,
            (Some(_), Some(key)) => Protection::Unlocked(WebCrypto { key }),
            (Some(_), None) => Protection::Locked,
        },
    )));
    static LAST_ACTIVE: Cell<f64> = Cell::new(
        HANDED.with(|h| h.as_ref().map(|(_, t)| *t)).unwrap_or_else(js_sys::Date::now),
    );
}

/// Where one app module leaves the key for the next while the page is handed over (see
/// `ui::handoff`); the next module takes it at once, so it lingers only while that module loads.
const HANDOFF: &str = "__awHandoff";

/// Leaves the key (while unlocked) and the time of the last activity for the module that takes
/// the page over next.
pub fn hand_over() {
    let Some(w) = web_sys::window() else { return };
    if let Protection::Unlocked(c) = &*protection().borrow().clone() {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"key".into(), &c.key);
        let _ = js_sys::Reflect::set(
            &o,
            &"lastActive".into(),
            &LAST_ACTIVE.with(Cell::get).into(),
        );
        let _ = js_sys::Reflect::set(&w, &HANDOFF.into(), &o);
    }
}

/// Removes what [`hand_over`] left, if it is still there.
pub fn take_back() {
    let _ = take_handed_over();
}

fn take_handed_over() -> Option<(CryptoKey, f64)> {
    let w = web_sys::window()?;
    let o = js_sys::Reflect::get(&w, &HANDOFF.into()).ok()?;
    if o.is_undefined() {
        return None;
    }
    let _ = js_sys::Reflect::delete_property(&w, &HANDOFF.into());
    let key = js_sys::Reflect::get(&o, &"key".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let at = js_sys::Reflect::get(&o, &"lastActive".into())
        .ok()?
        .as_f64()?;
    Some((key, at))
}

/// The protection shared with the store.
pub fn protection() -> SharedProtection<WebCrypto> {
    PROTECTION.with(Rc::clone)
}

/// Whether a passphrase is set and the key is not in memory.
pub fn is_locked() -> bool {
    matches!(&*protection().borrow().clone(), Protection::Locked)
}

/// Whether a passphrase is set.
pub fn is_protected() -> bool {
    !matches!(&*protection().borrow().clone(), Protection::Off)
}

/// Why a passphrase was not accepted.
#[derive(Clone, Debug, PartialEq)]
pub enum PassphraseError {
    Wrong,
    Failed(String),
}

pub(super) async fn key_for(passphrase: &str, v: &Vault) -> Result<WebCrypto, PassphraseError> {
    let salt = base64::decode(&v.salt)
        .ok_or(PassphraseError::Failed("the stored salt is damaged".into()))?;
    let key = derive(passphrase, &salt, v.iterations)
        .await
        .map_err(|e| PassphraseError::Failed(e.to_string()))?;
    match open_text(&key, &v.check).await {
        Some(t) if t == CHECK => Ok(key),
        _ => Err(PassphraseError::Wrong),
    }
}

/// Checks a passphrase against the one set, changing nothing (leaving child mode asks for it).
pub async fn check_passphrase(passphrase: &str) -> Result<(), PassphraseError> {
    let v = vault().ok_or(PassphraseError::Failed("no passphrase is set".into()))?;
    key_for(passphrase, &v).await.map(|_| ())
}

/// Unlocks with a passphrase; a wrong one changes nothing.
pub async fn unlock(passphrase: &str) -> Result<(), PassphraseError> {
    let v = vault().ok_or(PassphraseError::Failed("no passphrase is set".into()))?;
    let key = key_for(passphrase, &v).await?;
    *protection().borrow_mut() = Rc::new(Protection::Unlocked(key));
    touch();
    Ok(())
}

pub(super) async fn new_vault(passphrase: &str) -> Result<(Vault, WebCrypto), StorageError> {
    let salt: [u8; 16] = secure_random_bytes()?;
    let key = derive(passphrase, &salt, ITERATIONS).await?;
    let check = seal_text(&key, CHECK).await?;
    Ok((
        Vault {
            salt: base64::encode(&salt),
            iterations: ITERATIONS,
            check,
        },
        key,
    ))
}

/// Notes that the user did something (for the idle lock).
pub fn touch() {
    LAST_ACTIVE.with(|c| c.set(js_sys::Date::now()));
}

/// Locks now: waits a moment for a pending save, drops the key and reloads the page so no
/// assessment stays in memory.
pub fn lock_now() {
    leptos::prelude::set_timeout(
        || {
            *protection().borrow_mut() = Rc::new(Protection::Locked);
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        },
        std::time::Duration::from_millis(600),
    );
}

/// Whether the idle time has passed while unlocked.
pub fn idle_expired() -> bool {
    let unlocked = matches!(&*protection().borrow().clone(), Protection::Unlocked(_));
    let idle_ms = f64::from(idle_minutes()) * 60_000.0;
    unlocked && js_sys::Date::now() - LAST_ACTIVE.with(Cell::get) > idle_ms
}

/// Encrypts an export file's text to a passphrase (see `exchange::encrypted` for the format).
pub async fn encrypt_export(text: &str, passphrase: &str) -> Result<String, StorageError> {
    let salt: [u8; 16] = secure_random_bytes()?;
    let key = derive(passphrase, &salt, ITERATIONS).await?;
    let (iv, data) = key.seal(text.as_bytes()).await?;
    Ok(crate::exchange::encrypted::write(
        ITERATIONS, &salt, &iv, &data,
    ))
}

/// Encrypts a file's text with this device's passphrase, without asking for it again: the key
/// in memory seals it, and the file carries the device's salt and iteration count, so the same
/// passphrase opens it on any device (the encrypted export format).
pub async fn encrypt_with_device_passphrase(text: &str) -> Result<String, StorageError> {
    let v = vault().ok_or_else(|| StorageError::Failed("no passphrase is set".into()))?;
    let salt = base64::decode(&v.salt)
        .ok_or_else(|| StorageError::Failed("the stored salt is damaged".into()))?;
    let protection = protection().borrow().clone();
    let Protection::Unlocked(key) = &*protection else {
        return Err(StorageError::Failed("the app is locked".into()));
    };
    let (iv, data) = key.seal(text.as_bytes()).await?;
    Ok(crate::exchange::encrypted::write(
        v.iterations,
        &salt,
        &iv,
        &data,
    ))
}

/// Decrypts a file this device sealed with its own passphrase (same salt and iterations as
/// its vault), with the key in memory: `None` when the file is another's, or the app locked.
pub async fn decrypt_with_device_passphrase(
    sealed: &crate::exchange::encrypted::Sealed,
) -> Option<String> {
    let v = vault()?;
    if base64::decode(&v.salt)? != sealed.salt || v.iterations != sealed.iterations {
        return None;
    }
    let protection = protection().borrow().clone();
    let Protection::Unlocked(key) = &*protection else {
        return None;
    };
    String::from_utf8(key.open(&sealed.iv, &sealed.data).await?).ok()
}

/// Decrypts an encrypted export with its passphrase.
pub async fn decrypt_export(
    sealed: &crate::exchange::encrypted::Sealed,
    passphrase: &str,
) -> Result<String, PassphraseError> {
    let key = derive(passphrase, &sealed.salt, sealed.iterations)
        .await
        .map_err(|e| PassphraseError::Failed(e.to_string()))?;
    let plain = key
        .open(&sealed.iv, &sealed.data)
        .await
        .ok_or(PassphraseError::Wrong)?;
    String::from_utf8(plain)
        .map_err(|_| PassphraseError::Failed("the decrypted file is not text".into()))
}
