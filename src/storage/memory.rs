//! An in-memory [`RecordStore`], for native tests and as a fallback when IndexedDB is missing.

use super::{next_revision, Area, RecordStore, StorageError, StoredRecord};
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Records held in memory; can be told to fail writes, to test error paths.
#[derive(Default)]
pub struct MemoryStore {
    records: RefCell<BTreeMap<(Area, String), StoredRecord>>,
    fail_writes: RefCell<Option<StorageError>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
    /// Makes every write fail with `err` until called with `None`.
    pub fn fail_writes_with(&self, err: Option<StorageError>) {
        *self.fail_writes.borrow_mut() = err;
    }
    fn check_write(&self) -> Result<(), StorageError> {
        match &*self.fail_writes.borrow() {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

impl RecordStore for MemoryStore {
    async fn all(&self, area: Area) -> Result<Vec<StoredRecord>, StorageError> {
        Ok(self
            .records
            .borrow()
            .iter()
            .filter(|((a, _), _)| *a == area)
            .map(|(_, r)| r.clone())
            .collect())
    }

    async fn get(&self, area: Area, id: &str) -> Result<Option<StoredRecord>, StorageError> {
        Ok(self.records.borrow().get(&(area, id.to_owned())).cloned())
    }

    async fn put(&self, area: Area, record: &StoredRecord) -> Result<(), StorageError> {
        self.check_write()?;
        self.records
            .borrow_mut()
            .insert((area, record.id.clone()), record.clone());
        Ok(())
    }

    async fn put_versioned(
        &self,
        area: Area,
        record: &StoredRecord,
        expected: Option<u64>,
    ) -> Result<u64, StorageError> {
        self.check_write()?;
        let mut map = self.records.borrow_mut();
        let key = (area, record.id.clone());
        let stored = map.get(&key).map_or(0, |r| r.revision);
        let next = next_revision(record, stored, expected)?;
        map.insert(key, next);
        Ok(stored + 1)
    }

    async fn transfer(
        &self,
        from: Area,
        to: Area,
        record: &StoredRecord,
    ) -> Result<(), StorageError> {
        self.check_write()?;
        let mut map = self.records.borrow_mut();
        map.remove(&(from, record.id.clone()));
        map.insert((to, record.id.clone()), record.clone());
        Ok(())
    }

    async fn remove(&self, area: Area, id: &str) -> Result<(), StorageError> {
        self.check_write()?;
        self.records.borrow_mut().remove(&(area, id.to_owned()));
        Ok(())
    }
}
