//! Assessments in and out of a [`RecordStore`]: serialising, restoring (with migration),
//! listing newest first, and the bin that makes deleting undoable.

use super::{Area, RecordStore, StorageError, StoredRecord};
use crate::exchange::{self, SCHEMA_VERSION};
use crate::model::{Assessment, AssessmentId};
use chrono::{DateTime, Duration, Utc};

/// How many days a deleted assessment stays in the bin.
pub const BIN_DAYS: i64 = 30;

/// Every live assessment, newest change first, and any record that could not be read.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    pub assessments: Vec<Assessment>,
    pub unreadable: Vec<StorageError>,
}

/// An assessment in the bin.
#[derive(Clone, Debug, PartialEq)]
pub struct BinEntry {
    pub assessment: Assessment,
    pub deleted_at: DateTime<Utc>,
}

/// Reads and writes whole assessments through a record store.
pub struct Repository<S> {
    store: S,
}

fn known_profile(id: &str) -> bool {
    crate::procedure::find(id).is_some()
}

fn to_record(a: &Assessment, deleted_at: Option<DateTime<Utc>>) -> StoredRecord {
    StoredRecord {
        revision: 0,
        id: a.id.to_string(),
        schema_version: SCHEMA_VERSION,
        data: serde_json::to_string(a).expect("an assessment always serialises"),
        deleted_at: deleted_at.map(|t| t.to_rfc3339()),
    }
}

fn from_record(r: &StoredRecord) -> Result<Assessment, StorageError> {
    let corrupt = |reason: String| StorageError::Corrupt {
        id: r.id.clone(),
        reason,
    };
    let value = serde_json::from_str(&r.data).map_err(|e| corrupt(e.to_string()))?;
    exchange::restore(value, r.schema_version, "assessment", known_profile)
        .map_err(|e| corrupt(e.to_string()))
}

impl<S: RecordStore> Repository<S> {
    /// A repository over `store`.
    pub fn new(store: S) -> Self {
        Self { store }
    }

    /// The underlying store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Every live assessment, most recently changed first.
    pub async fn list(&self) -> Result<Listing, StorageError> {
        let mut listing = Listing::default();
        for r in self.store.all(Area::Active).await? {
            match from_record(&r) {
                Ok(a) => listing.assessments.push(a),
                Err(e) => listing.unreadable.push(e),
            }
        }
        listing
            .assessments
            .sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
        Ok(listing)
    }

    /// One live assessment.
    pub async fn load(&self, id: &AssessmentId) -> Result<Option<Assessment>, StorageError> {
        match self.store.get(Area::Active, id.as_str()).await? {
            Some(r) => from_record(&r).map(Some),
            None => Ok(None),
        }
    }

    /// Whether a live assessment has this id.
    pub async fn exists(&self, id: &AssessmentId) -> Result<bool, StorageError> {
        Ok(self.store.get(Area::Active, id.as_str()).await?.is_some())
    }

    /// One live assessment with the revision it is stored at.
    pub async fn load_with_revision(
        &self,
        id: &AssessmentId,
    ) -> Result<Option<(Assessment, u64)>, StorageError> {
        match self.store.get(Area::Active, id.as_str()).await? {
            Some(r) => from_record(&r).map(|a| Some((a, r.revision))),
            None => Ok(None),
        }
    }

    /// Writes an assessment, replacing the stored copy whatever its revision.
    pub async fn save(&self, a: &Assessment) -> Result<(), StorageError> {
        self.store
            .put_versioned(Area::Active, &to_record(a, None), None)
            .await
            .map(|_| ())
    }

    /// Writes an assessment only if the stored copy is still at `expected` (nobody else saved
    /// since); returns the new revision.
    pub async fn save_if_unchanged(
        &self,
        a: &Assessment,
        expected: u64,
    ) -> Result<u64, StorageError> {
        self.store
            .put_versioned(Area::Active, &to_record(a, None), Some(expected))
            .await
    }

    /// Moves an assessment to the bin. Returns false if there was no such assessment.
    pub async fn move_to_bin(
        &self,
        id: &AssessmentId,
        now: DateTime<Utc>,
    ) -> Result<bool, StorageError> {
        let Some(r) = self.store.get(Area::Active, id.as_str()).await? else {
            return Ok(false);
        };
        let moved = StoredRecord {
            deleted_at: Some(now.to_rfc3339()),
            ..r
        };
        self.store.transfer(Area::Active, Area::Bin, &moved).await?;
        Ok(true)
    }

    /// Brings an assessment back from the bin. Returns false if it was not in the bin.
    pub async fn restore(&self, id: &AssessmentId) -> Result<bool, StorageError> {
        let Some(r) = self.store.get(Area::Bin, id.as_str()).await? else {
            return Ok(false);
        };
        let back = StoredRecord {
            deleted_at: None,
            ..r
        };
        self.store.transfer(Area::Bin, Area::Active, &back).await?;
        Ok(true)
    }

    /// What is in the bin, most recently deleted first. Unreadable records are skipped.
    pub async fn bin(&self) -> Result<Vec<BinEntry>, StorageError> {
        let mut out: Vec<BinEntry> = self
            .store
            .all(Area::Bin)
            .await?
            .iter()
            .filter_map(|r| {
                let deleted_at = DateTime::parse_from_rfc3339(r.deleted_at.as_deref()?)
                    .ok()?
                    .with_timezone(&Utc);
                Some(BinEntry {
                    assessment: from_record(r).ok()?,
                    deleted_at,
                })
            })
            .collect();
        out.sort_by_key(|e| std::cmp::Reverse(e.deleted_at));
        Ok(out)
    }

    /// Deletes an assessment from the bin for good.
    pub async fn purge(&self, id: &AssessmentId) -> Result<(), StorageError> {
        self.store.remove(Area::Bin, id.as_str()).await
    }

    /// Deletes for good everything that has been in the bin longer than [`BIN_DAYS`].
    pub async fn purge_expired(&self, now: DateTime<Utc>) -> Result<usize, StorageError> {
        let cutoff = now - Duration::days(BIN_DAYS);
        let mut n = 0;
        for e in self.bin().await? {
            if e.deleted_at < cutoff {
                self.purge(&e.assessment.id).await?;
                n += 1;
            }
        }
        Ok(n)
    }
}
