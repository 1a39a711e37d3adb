//! Where assessments are kept. A narrow [`RecordStore`] trait stores opaque records (the
//! assessment's JSON as text), so encryption at rest can wrap it later; [`Repository`] turns
//! records into assessments and back, with the bin for undoable deletes.

/// The shared tests every record store passes (memory, encrypted, IndexedDB): for tests only.
pub mod backup_log;
pub mod backups;
#[cfg(any(test, feature = "test-support"))]
pub mod contract;
pub mod encrypted;
pub mod errors;
#[cfg(feature = "web")]
pub mod indexeddb;
pub mod memory;
#[cfg(feature = "web")]
pub mod prefs;
pub mod procedures;
pub mod repository;
pub mod summary;

pub use errors::StorageError;
pub use repository::{Listing, Repository, StoredSummaries, Summaries};

/// The areas of the store: live assessments, the bin of deleted ones, and the procedure
/// profiles loaded on this device.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    Active,
    Bin,
    Procedures,
}

impl Area {
    /// Every area, for what must touch every record (a change of passphrase).
    pub const ALL: [Area; 3] = [Area::Active, Area::Bin, Area::Procedures];
}

/// One stored record: an assessment document as JSON text, with the schema version it was
/// written in and, in the bin, when it was deleted; and what the list shows of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoredRecord {
    pub id: String,
    pub schema_version: u32,
    pub data: String,
    /// RFC 3339 time of deletion, for records in the bin.
    pub deleted_at: Option<String>,
    /// Counts the writes of this record; a write that expected an older revision is refused.
    pub revision: u64,
    /// The list's summary of the document ([`summary::Summary`] as JSON text), written with it.
    pub summary: Option<String>,
}

/// The record to write over one stored at revision `stored`, when the writer expected
/// `expected` (or did not check): the next revision, or [`StorageError::Conflict`].
pub fn next_revision(
    record: &StoredRecord,
    stored: u64,
    expected: Option<u64>,
) -> Result<StoredRecord, StorageError> {
    match expected {
        Some(exp) if exp != stored => Err(StorageError::Conflict {
            stored,
            expected: exp,
        }),
        _ => Ok(StoredRecord {
            revision: stored + 1,
            ..record.clone()
        }),
    }
}

/// A key-value store of records in two areas. Every method either completes or changes nothing.
#[allow(async_fn_in_trait)] // used from one thread only (the browser's main thread)
pub trait RecordStore {
    /// Every record in an area.
    async fn all(&self, area: Area) -> Result<Vec<StoredRecord>, StorageError>;
    /// One record, if present.
    async fn get(&self, area: Area, id: &str) -> Result<Option<StoredRecord>, StorageError>;
    /// Writes a record, replacing any with the same id.
    async fn put(&self, area: Area, record: &StoredRecord) -> Result<(), StorageError>;
    /// Writes a record as the next revision, in one transaction: when `expected` is given and the
    /// stored revision differs (another tab saved since), nothing is written and
    /// [`StorageError::Conflict`] says so. Returns the revision written.
    async fn put_versioned(
        &self,
        area: Area,
        record: &StoredRecord,
        expected: Option<u64>,
    ) -> Result<u64, StorageError>;
    /// Writes `record` to `to` and removes its id from `from`, in one transaction.
    async fn transfer(
        &self,
        from: Area,
        to: Area,
        record: &StoredRecord,
    ) -> Result<(), StorageError>;
    /// Removes a record; removing a missing id is not an error.
    async fn remove(&self, area: Area, id: &str) -> Result<(), StorageError>;
}
#[cfg(test)]
mod tests;
