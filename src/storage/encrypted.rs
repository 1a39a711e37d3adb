//! Encryption at rest: a [`RecordStore`] wrapper that seals each record's JSON before it is
//! stored and opens it when read. The cipher is a trait so this wrapper is tested natively;
//! in the browser it is AES-GCM through WebCrypto with a key derived from the passphrase
//! (`ui::crypto`). Record ids, areas and revisions stay visible; the content does not.
//!
//! A sealed record's data is `enc1:` + base64(12-byte IV) + `:` + base64(ciphertext and tag).
//! A fresh IV is drawn for every write.

use super::{Area, RecordStore, StorageError, StoredRecord};
use crate::exchange::base64;
use std::cell::RefCell;
use std::rc::Rc;

/// Seals and opens bytes. `seal` must use a fresh IV every time.
#[allow(async_fn_in_trait)]
pub trait Cipher {
    /// Encrypts `plain`, returning the IV and the ciphertext.
    async fn seal(&self, plain: &[u8]) -> Result<(Vec<u8>, Vec<u8>), StorageError>;
    /// Decrypts; `None` when the key is wrong or the data was changed.
    async fn open(&self, iv: &[u8], sealed: &[u8]) -> Option<Vec<u8>>;
}

/// Whether records are protected, and if so whether the key is at hand.
pub enum Protection<C> {
    /// No passphrase: records are stored as plain JSON.
    Off,
    /// A passphrase is set but the key is not in memory: nothing can be read or written.
    Locked,
    /// A passphrase is set and the key is in memory.
    Unlocked(C),
}

/// The protection state shared between the store and the UI that locks and unlocks it.
pub type SharedProtection<C> = Rc<RefCell<Rc<Protection<C>>>>;

const PREFIX: &str = "enc1:";

/// Whether stored data is sealed.
pub fn is_sealed(data: &str) -> bool {
    data.starts_with(PREFIX)
}

/// Seals text with a cipher into the stored form.
pub async fn seal_text<C: Cipher>(c: &C, plain: &str) -> Result<String, StorageError> {
    let (iv, data) = c.seal(plain.as_bytes()).await?;
    Ok(format!(
        "{PREFIX}{}:{}",
        base64::encode(&iv),
        base64::encode(&data)
    ))
}

/// Opens text in the stored form; `None` when it is malformed or the key is wrong.
pub async fn open_text<C: Cipher>(c: &C, stored: &str) -> Option<String> {
    let rest = stored.strip_prefix(PREFIX)?;
    let (iv, data) = rest.split_once(':')?;
    let plain = c.open(&base64::decode(iv)?, &base64::decode(data)?).await?;
    String::from_utf8(plain).ok()
}

/// A record store whose records are sealed while a passphrase is set.
pub struct EncryptedStore<S, C> {
    inner: S,
    protection: SharedProtection<C>,
}

impl<S: RecordStore, C: Cipher> EncryptedStore<S, C> {
    /// Wraps `inner`; `protection` is shared with whoever locks and unlocks.
    pub fn new(inner: S, protection: SharedProtection<C>) -> Self {
        Self { inner, protection }
    }

    /// The store underneath (raw, sealed records).
    pub fn inner(&self) -> &S {
        &self.inner
    }

    fn state(&self) -> Rc<Protection<C>> {
        self.protection.borrow().clone()
    }

    async fn seal(&self, r: &StoredRecord) -> Result<StoredRecord, StorageError> {
        seal_with(&self.state(), r).await
    }

    async fn open(&self, r: StoredRecord) -> Result<StoredRecord, StorageError> {
        let state = self.state();
        if matches!(*state, Protection::Locked) {
            return Err(StorageError::Locked);
        }
        open_with(&state, r).await
    }

    /// Rewrites every record in every area under the current protection (after a passphrase
    /// is set, changed or removed), reading each with `old`. Every record is read first, so a
    /// wrong key changes nothing; if a write fails part way, the records already rewritten are
    /// put back as they were. Returns how many were rewritten.
    pub async fn rewrite_all(&self, old: &Protection<C>) -> Result<usize, StorageError> {
        let mut plain = Vec::new();
        for area in Area::ALL {
            for r in self.inner.all(area).await? {
                plain.push((area, open_with(old, r).await?));
            }
        }
        for (k, (area, r)) in plain.iter().enumerate() {
            let written = match self.seal(r).await {
                Ok(sealed) => self.inner.put(*area, &sealed).await,
                Err(e) => Err(e),
            };
            if let Err(e) = written {
                for (area, r) in &plain[..k] {
                    if let Ok(back) = seal_with(old, r).await {
                        let _ = self.inner.put(*area, &back).await;
                    }
                }
                return Err(e);
            }
        }
        Ok(plain.len())
    }

    /// After [`rewrite_all`](Self::rewrite_all): re-stores under the current protection any
    /// record that another tab wrote under `old` while the change was under way (a save in flight
    /// when the passphrase was set, changed or removed). Records the current protection can
    /// read are left alone; so are records neither can read. Returns how many were re-stored.
    pub async fn reseal_stragglers(&self, old: &Protection<C>) -> Result<usize, StorageError> {
        let current = self.state();
        let mut count = 0;
        for area in Area::ALL {
            for r in self.inner.all(area).await? {
                if readable_as_stored(&current, &r).await {
                    continue;
                }
                let Ok(plain) = open_with(old, r).await else {
                    continue;
                };
                let restored = seal_with(&current, &plain).await?;
                self.inner.put(area, &restored).await?;
                count += 1;
            }
        }
        Ok(count)
    }
}

/// A stored record in plain text, read under `p`: a sealed one needs its key.
async fn open_with<C: Cipher>(
    p: &Protection<C>,
    r: StoredRecord,
) -> Result<StoredRecord, StorageError> {
    // The list's summary opens with the record's key; one that does not open is left out (the
    // list rebuilds it from the record).
    let summary = match (&r.summary, p) {
        (Some(t), _) if !is_sealed(t) => Some(t.clone()),
        (Some(t), Protection::Unlocked(c)) => open_text(c, t).await,
        _ => None,
    };
    if !is_sealed(&r.data) {
        return Ok(StoredRecord { summary, ..r });
    }
    match p {
        Protection::Unlocked(c) => match open_text(c, &r.data).await {
            Some(data) => Ok(StoredRecord { data, summary, ..r }),
            None => Err(StorageError::Undecryptable { id: r.id }),
        },
        _ => Err(StorageError::Locked),
    }
}

/// Whether a stored record is as `p` would store it: plain when off, sealed with its key when
/// unlocked.
async fn readable_as_stored<C: Cipher>(p: &Protection<C>, r: &StoredRecord) -> bool {
    match (p, is_sealed(&r.data)) {
        (Protection::Off, sealed) => !sealed,
        (Protection::Unlocked(c), true) => open_text(c, &r.data).await.is_some(),
        (Protection::Unlocked(_), false) => false,
        (Protection::Locked, _) => true,
    }
}

/// A record as it is stored under a protection.
async fn seal_with<C: Cipher>(
    p: &Protection<C>,
    r: &StoredRecord,
) -> Result<StoredRecord, StorageError> {
    match p {
        Protection::Off => Ok(r.clone()),
        Protection::Locked => Err(StorageError::Locked),
        Protection::Unlocked(c) => Ok(StoredRecord {
            data: seal_text(c, &r.data).await?,
            summary: match &r.summary {
                Some(t) => Some(seal_text(c, t).await?),
                None => None,
            },
            ..r.clone()
        }),
    }
}

impl<S: RecordStore, C: Cipher> RecordStore for EncryptedStore<S, C> {
    async fn all(&self, area: Area) -> Result<Vec<StoredRecord>, StorageError> {
        let mut out = Vec::new();
        for r in self.inner.all(area).await? {
            out.push(self.open(r).await?);
        }
        Ok(out)
    }

    async fn get(&self, area: Area, id: &str) -> Result<Option<StoredRecord>, StorageError> {
        match self.inner.get(area, id).await? {
            Some(r) => Ok(Some(self.open(r).await?)),
            None => Ok(None),
        }
    }

    async fn put(&self, area: Area, record: &StoredRecord) -> Result<(), StorageError> {
        let sealed = self.seal(record).await?;
        self.inner.put(area, &sealed).await
    }

    async fn put_versioned(
        &self,
        area: Area,
        record: &StoredRecord,
        expected: Option<u64>,
    ) -> Result<u64, StorageError> {
        let sealed = self.seal(record).await?;
        self.inner.put_versioned(area, &sealed, expected).await
    }

    async fn transfer(
        &self,
        from: Area,
        to: Area,
        record: &StoredRecord,
    ) -> Result<(), StorageError> {
        let sealed = self.seal(record).await?;
        self.inner.transfer(from, to, &sealed).await
    }

    async fn remove(&self, area: Area, id: &str) -> Result<(), StorageError> {
        if matches!(&*self.state(), Protection::Locked) {
            return Err(StorageError::Locked);
        }
        self.inner.remove(area, id).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::contract::record_store_contract;
    use crate::storage::memory::MemoryStore;
    use futures::executor::block_on;
    use std::cell::Cell;

    /// A toy cipher for tests only: XOR with a key byte, a counter as the IV, a check byte.
    struct Toy {
        key: u8,
        counter: Cell<u8>,
    }

    impl Cipher for Toy {
        async fn seal(&self, plain: &[u8]) -> Result<(Vec<u8>, Vec<u8>), StorageError> {
            self.counter.set(self.counter.get() + 1);
            let iv = vec![self.counter.get(); 12];
            let mut data: Vec<u8> = plain.iter().map(|b| b ^ self.key ^ iv[0]).collect();
            data.push(self.key);
            Ok((iv, data))
        }
        async fn open(&self, iv: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
            let (check, body) = sealed.split_last()?;
            (*check == self.key).then(|| body.iter().map(|b| b ^ self.key ^ iv[0]).collect())
        }
    }

    /// A record exactly as the store underneath holds it.
    async fn stored_raw<C: Cipher>(
        store: &EncryptedStore<MemoryStore, C>,
        area: Area,
        id: &str,
    ) -> StoredRecord {
        store.inner().get(area, id).await.unwrap().unwrap()
    }

    fn toy(key: u8) -> Toy {
        Toy {
            key,
            counter: Cell::new(0),
        }
    }

    fn shared(p: Protection<Toy>) -> SharedProtection<Toy> {
        Rc::new(RefCell::new(Rc::new(p)))
    }

    #[test]
    fn base64_round_trips_and_refuses_garbage() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n).map(|i| i.wrapping_mul(37)).collect();
            assert_eq!(base64::decode(&base64::encode(&bytes)), Some(bytes));
        }
        assert_eq!(base64::encode(b"Man"), "TWFu");
        assert_eq!(base64::encode(b"Ma"), "TWE=");
        assert_eq!(base64::decode("TWE="), Some(b"Ma".to_vec()));
        assert_eq!(base64::decode("TW!="), None);
        assert_eq!(base64::decode("TWE"), None);
    }

    #[test]
    fn the_store_meets_the_contract_when_off_and_when_unlocked() {
        block_on(record_store_contract(&EncryptedStore::new(
            MemoryStore::new(),
            shared(Protection::Off),
        )));
        block_on(record_store_contract(&EncryptedStore::new(
            MemoryStore::new(),
            shared(Protection::Unlocked(toy(7))),
        )));
    }

    #[test]
    fn sealed_records_hold_no_plain_text_and_need_the_key() {
        block_on(async {
            let protection = shared(Protection::Unlocked(toy(7)));
            let store = EncryptedStore::new(MemoryStore::new(), protection.clone());
            let r = StoredRecord {
                id: "a-01".into(),
                schema_version: 4,
                data: r#"{"givenName":"Ava"}"#.into(),
                deleted_at: None,
                revision: 0,
                summary: Some(r#"{"title":"Ava Example"}"#.into()),
            };
            store.put(Area::Active, &r).await.unwrap();
            let raw = stored_raw(&store, Area::Active, "a-01").await;
            assert!(is_sealed(&raw.data) && !raw.data.contains("Ava"));
            // The list's summary is sealed the same way.
            let summary = raw.summary.clone().unwrap();
            assert!(is_sealed(&summary) && !summary.contains("Ava"));
            store.put(Area::Active, &r).await.unwrap();
            let again = stored_raw(&store, Area::Active, "a-01").await;
            assert_ne!(raw.data, again.data, "a fresh IV every write");
            assert_eq!(
                store.get(Area::Active, "a-01").await.unwrap(),
                Some(r.clone())
            );
            // Locked: nothing can be read, written or removed.
            *protection.borrow_mut() = Rc::new(Protection::Locked);
            assert_eq!(
                store.get(Area::Active, "a-01").await,
                Err(StorageError::Locked)
            );
            assert_eq!(store.put(Area::Active, &r).await, Err(StorageError::Locked));
            assert_eq!(
                store.remove(Area::Active, "a-01").await,
                Err(StorageError::Locked)
            );
            // The wrong key cannot open it.
            *protection.borrow_mut() = Rc::new(Protection::Unlocked(toy(9)));
            assert_eq!(
                store.get(Area::Active, "a-01").await,
                Err(StorageError::Undecryptable { id: "a-01".into() })
            );
        });
    }

    #[test]
    fn turning_protection_on_changing_and_off_rewrites_every_record() {
        block_on(async {
            let protection = shared(Protection::Off);
            let store = EncryptedStore::new(MemoryStore::new(), protection.clone());
            for (i, area) in [Area::Active, Area::Bin].into_iter().enumerate() {
                let r = StoredRecord {
                    id: format!("a-0{i}"),
                    schema_version: 4,
                    data: format!(r#"{{"n":"secret {i}"}}"#),
                    deleted_at: None,
                    revision: 0,
                    ..Default::default()
                };
                store.put(area, &r).await.unwrap();
            }
            let old = protection.replace(Rc::new(Protection::Unlocked(toy(3))));
            assert_eq!(store.rewrite_all(&old).await.unwrap(), 2);
            for area in [Area::Active, Area::Bin] {
                for r in store.inner().all(area).await.unwrap() {
                    assert!(is_sealed(&r.data) && !r.data.contains("secret"));
                }
            }
            let old = protection.replace(Rc::new(Protection::Unlocked(toy(4))));
            store.rewrite_all(&old).await.unwrap();
            assert_eq!(
                store.get(Area::Bin, "a-01").await.unwrap().unwrap().data,
                r#"{"n":"secret 1"}"#
            );
            let old = protection.replace(Rc::new(Protection::Off));
            store.rewrite_all(&old).await.unwrap();
            assert_eq!(
                stored_raw(&store, Area::Active, "a-00").await.data,
                r#"{"n":"secret 0"}"#
            );
        });
    }
    #[test]
    fn a_save_from_another_tab_during_a_change_is_resealed_not_lost() {
        block_on(async {
            let protection = shared(Protection::Unlocked(toy(3)));
            let store = EncryptedStore::new(MemoryStore::new(), protection.clone());
            let record = |id: &str, text: &str| StoredRecord {
                id: id.into(),
                schema_version: 4,
                data: format!(r#"{{"n":"{text}"}}"#),
                deleted_at: None,
                revision: 0,
                ..Default::default()
            };
            store
                .put(Area::Active, &record("a-01", "kept"))
                .await
                .unwrap();
            // The passphrase changes (key 3 to key 4) ...
            let old = protection.replace(Rc::new(Protection::Unlocked(toy(4))));
            store.rewrite_all(&old).await.unwrap();
            // ... while another tab, still on key 3, saves one record and creates another.
            let late =
                EncryptedStore::new(MemoryStore::new(), shared(Protection::Unlocked(toy(3))));
            for r in [record("a-01", "late edit"), record("a-02", "new")] {
                late.put(Area::Active, &r).await.unwrap();
                let sealed = stored_raw(&late, Area::Active, &r.id).await;
                store.inner().put(Area::Active, &sealed).await.unwrap();
            }
            // A record neither key opens is left as it is.
            let foreign =
                EncryptedStore::new(MemoryStore::new(), shared(Protection::Unlocked(toy(9))));
            foreign
                .put(Area::Bin, &record("a-03", "other"))
                .await
                .unwrap();
            let stranger = stored_raw(&foreign, Area::Bin, "a-03").await;
            store.inner().put(Area::Bin, &stranger).await.unwrap();
            assert!(matches!(
                store.get(Area::Active, "a-01").await,
                Err(StorageError::Undecryptable { .. })
            ));

            assert_eq!(store.reseal_stragglers(&old).await.unwrap(), 2);
            assert_eq!(
                store.get(Area::Active, "a-01").await.unwrap().unwrap().data,
                r#"{"n":"late edit"}"#
            );
            assert_eq!(
                store.get(Area::Active, "a-02").await.unwrap().unwrap().data,
                r#"{"n":"new"}"#
            );
            assert_eq!(stored_raw(&store, Area::Bin, "a-03").await, stranger);
            assert_eq!(
                store.reseal_stragglers(&old).await.unwrap(),
                0,
                "nothing left to do"
            );

            // Protection turned on while another tab, still off, saves in plain text.
            let protection = shared(Protection::Off);
            let store = EncryptedStore::new(MemoryStore::new(), protection.clone());
            let old = protection.replace(Rc::new(Protection::Unlocked(toy(5))));
            store.rewrite_all(&old).await.unwrap();
            store
                .inner()
                .put(Area::Active, &record("a-04", "plain late"))
                .await
                .unwrap();
            assert_eq!(store.reseal_stragglers(&old).await.unwrap(), 1);
            let raw = stored_raw(&store, Area::Active, "a-04").await;
            assert!(is_sealed(&raw.data) && !raw.data.contains("plain late"));

            // Protection turned off while another tab, still unlocked, saves sealed.
            let protection = shared(Protection::Unlocked(toy(6)));
            let store = EncryptedStore::new(MemoryStore::new(), protection.clone());
            store
                .put(Area::Active, &record("a-05", "sealed late"))
                .await
                .unwrap();
            let old = protection.replace(Rc::new(Protection::Off));
            assert_eq!(store.reseal_stragglers(&old).await.unwrap(), 1);
            assert_eq!(
                stored_raw(&store, Area::Active, "a-05").await.data,
                r#"{"n":"sealed late"}"#
            );
        });
    }
}
