//! The procedure profiles a council loaded on this device, kept in their own area of the store
//! (one record per version, keyed `id@version`, the profile's canonical JSON as its data, the
//! time it was withdrawn as its `deleted_at`). Nothing here deletes one: assessments started
//! under a version keep needing it.

use super::{Area, RecordStore, Repository, StorageError, StoredRecord};
use crate::procedure::{parse_profile, registry, Profile};
use chrono::{DateTime, Utc};

/// The profile format version a record's data is written in.
const PROFILE_FORMAT: u32 = 1;

fn key(id: &str, version: u32) -> String {
    format!("{id}@{version}")
}

/// A stored profile that no longer passes the checks (written by another version of the app):
/// kept and shown, never dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
}

impl<S: RecordStore> Repository<S> {
    /// Registers every stored profile with [`registry`]; returns those that cannot be used.
    pub async fn register_profiles(&self) -> Result<Vec<Unreadable>, StorageError> {
        let mut unreadable = Vec::new();
        for r in self.store().all(Area::Procedures).await? {
            match parse_profile(&r.data) {
                Ok(p) => {
                    registry::register(p, r.data, r.deleted_at.is_some());
                }
                Err(e) => unreadable.push(Unreadable {
                    key: r.id,
                    reason: e.to_string(),
                }),
            }
        }
        Ok(unreadable)
    }

    /// Stores a checked profile (with its canonical text) and registers it.
    pub async fn add_profile(
        &self,
        p: Profile,
        canonical: String,
    ) -> Result<&'static Profile, StorageError> {
        let record = StoredRecord {
            id: key(&p.id, p.version),
            schema_version: PROFILE_FORMAT,
            data: canonical.clone(),
            ..Default::default()
        };
        self.store().put(Area::Procedures, &record).await?;
        Ok(registry::register(p, canonical, false))
    }

    /// Withdraws a version (no longer offered for new assessments) or offers it again.
    pub async fn set_profile_withdrawn(
        &self,
        id: &str,
        version: u32,
        at: Option<DateTime<Utc>>,
    ) -> Result<(), StorageError> {
        let Some(mut r) = self
            .store()
            .get(Area::Procedures, &key(id, version))
            .await?
        else {
            return Err(StorageError::Invalid {
                reason: format!("version {version} of \"{id}\" is not stored on this device"),
            });
        };
        r.deleted_at = at.map(|t| t.to_rfc3339());
        self.store().put(Area::Procedures, &r).await?;
        registry::set_withdrawn(id, version, at.is_some());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::memory::MemoryStore;
    use futures::executor::block_on;

    #[test]
    fn a_stored_profile_is_registered_again_when_the_app_starts_and_stays_withdrawn() {
        let (p, text) = crate::procedure::registry::tests::example_with(|v| {
            v["id"] = "storedshire-2026".into()
        });
        let repo = Repository::new(MemoryStore::default());
        block_on(async {
            repo.add_profile(p.clone(), text.clone()).await.unwrap();
            repo.set_profile_withdrawn("storedshire-2026", 1, Some(Utc::now()))
                .await
                .unwrap();
            let stored = repo.store().all(Area::Procedures).await.unwrap();
            assert_eq!(stored.len(), 1);
            assert_eq!(stored[0].id, "storedshire-2026@1");
            assert_eq!(stored[0].data, text);
            assert!(stored[0].deleted_at.is_some());
            assert!(repo.store().all(Area::Active).await.unwrap().is_empty());

            // a damaged record is reported, not dropped
            let damaged = StoredRecord {
                id: "broken@1".into(),
                data: "{\"id\": \"broken\"".into(),
                ..Default::default()
            };
            repo.store().put(Area::Procedures, &damaged).await.unwrap();
            let unreadable = repo.register_profiles().await.unwrap();
            assert_eq!(unreadable.len(), 1);
            assert_eq!(unreadable[0].key, "broken@1");
            assert!(
                unreadable[0].reason.contains("line 1"),
                "{}",
                unreadable[0].reason
            );
            assert_eq!(repo.store().all(Area::Procedures).await.unwrap().len(), 2);
            let loaded = registry::find_version("storedshire-2026", 1).unwrap();
            assert_eq!(loaded.hash, p.hash);
            assert!(!registry::offered()
                .iter()
                .any(|o| o.id == "storedshire-2026"));
            assert!(repo
                .set_profile_withdrawn("nowhere", 1, None)
                .await
                .is_err());
        });
    }
}
