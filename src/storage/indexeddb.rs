//! The IndexedDB [`RecordStore`], on `rexie`. Database `assessment-workbench`, version 2, with
//! three object stores keyed by `id`: `assessments`, `bin` and (from version 2) `procedures`. Every later version must declare
//! every store again on open (rexie deletes undeclared stores on upgrade), and the database
//! version is independent of the document schema version (documents migrate on read).

use super::{next_revision, Area, RecordStore, StorageError, StoredRecord};
use js_sys::{Object, Reflect};
use rexie::{ObjectStore, Rexie, TransactionMode};
use wasm_bindgen::JsValue;

/// The database name the app uses.
pub const DB_NAME: &str = "assessment-workbench";
/// The IndexedDB schema version (stores and indexes, not the document format).
pub const DB_VERSION: u32 = 2;

fn store_name(area: Area) -> &'static str {
    match area {
        Area::Active => "assessments",
        Area::Bin => "bin",
        Area::Procedures => "procedures",
    }
}

fn err(e: rexie::Error) -> StorageError {
    let msg = match &e {
        rexie::Error::IdbError(inner) => inner.to_string(),
        other => other.to_string(),
    };
    StorageError::from_browser_message(&msg)
}

fn to_js(r: &StoredRecord) -> JsValue {
    let o = Object::new();
    let set = |k: &str, v: JsValue| {
        Reflect::set(&o, &JsValue::from_str(k), &v).expect("setting a field on a new object");
    };
    set("id", JsValue::from_str(&r.id));
    set(
        "schemaVersion",
        JsValue::from_f64(f64::from(r.schema_version)),
    );
    set("data", JsValue::from_str(&r.data));
    if let Some(d) = &r.deleted_at {
        set("deletedAt", JsValue::from_str(d));
    }
    set("revision", JsValue::from_f64(r.revision as f64));
    if let Some(summary) = &r.summary {
        set("summary", JsValue::from_str(summary));
    }
    o.into()
}

fn from_js(v: &JsValue) -> Result<StoredRecord, StorageError> {
    let get = |k: &str| Reflect::get(v, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let id = get("id").as_string().unwrap_or_default();
    let corrupt = |reason: &str| StorageError::Corrupt {
        id: id.clone(),
        reason: reason.to_owned(),
    };
    let schema_version = get("schemaVersion")
        .as_f64()
        .filter(|n| n.fract() == 0.0 && *n >= 1.0)
        .ok_or_else(|| corrupt("no schema version"))? as u32;
    let data = get("data").as_string().ok_or_else(|| corrupt("no data"))?;
    Ok(StoredRecord {
        id: id.clone(),
        schema_version,
        data,
        deleted_at: get("deletedAt").as_string(),
        revision: get("revision").as_f64().map_or(0, |n| n as u64),
        summary: get("summary").as_string(),
    })
}

/// Records kept in the browser's IndexedDB.
pub struct IndexedDbStore {
    db: Rexie,
}

impl IndexedDbStore {
    /// Opens (creating or upgrading) the database called `name`.
    pub async fn open(name: &str) -> Result<Self, StorageError> {
        let db = Rexie::builder(name)
            .version(DB_VERSION)
            .add_object_store(ObjectStore::new(store_name(Area::Active)).key_path("id"))
            .add_object_store(ObjectStore::new(store_name(Area::Bin)).key_path("id"))
            .add_object_store(ObjectStore::new(store_name(Area::Procedures)).key_path("id"))
            .build()
            .await
            .map_err(|e| StorageError::Unavailable(err(e).to_string()))?;
        Ok(Self { db })
    }

    /// Deletes the database called `name` (for tests).
    pub async fn delete(name: &str) -> Result<(), StorageError> {
        Rexie::delete(name).await.map_err(err)
    }

    async fn write(
        &self,
        stores: &[&str],
        op: impl AsyncFnOnce(&rexie::Transaction) -> Result<(), StorageError>,
    ) -> Result<(), StorageError> {
        let tx = self
            .db
            .transaction(stores, TransactionMode::ReadWrite)
            .map_err(err)?;
        op(&tx).await?;
        match tx.done().await.map_err(err)? {
            r if r.is_committed() => Ok(()),
            _ => Err(StorageError::WriteAborted),
        }
    }
}

impl RecordStore for IndexedDbStore {
    async fn all(&self, area: Area) -> Result<Vec<StoredRecord>, StorageError> {
        let tx = self
            .db
            .transaction(&[store_name(area)], TransactionMode::ReadOnly)
            .map_err(err)?;
        let store = tx.store(store_name(area)).map_err(err)?;
        let values = store.get_all(None, None).await.map_err(err)?;
        values.iter().map(from_js).collect()
    }

    async fn get(&self, area: Area, id: &str) -> Result<Option<StoredRecord>, StorageError> {
        let tx = self
            .db
            .transaction(&[store_name(area)], TransactionMode::ReadOnly)
            .map_err(err)?;
        let store = tx.store(store_name(area)).map_err(err)?;
        match store.get(JsValue::from_str(id)).await.map_err(err)? {
            Some(v) if !v.is_undefined() => from_js(&v).map(Some),
            _ => Ok(None),
        }
    }

    async fn put(&self, area: Area, record: &StoredRecord) -> Result<(), StorageError> {
        self.write(&[store_name(area)], async |tx| {
            let store = tx.store(store_name(area)).map_err(err)?;
            store.put(&to_js(record), None).await.map_err(err)?;
            Ok(())
        })
        .await
    }

    async fn put_versioned(
        &self,
        area: Area,
        record: &StoredRecord,
        expected: Option<u64>,
    ) -> Result<u64, StorageError> {
        let tx = self
            .db
            .transaction(&[store_name(area)], TransactionMode::ReadWrite)
            .map_err(err)?;
        let store = tx.store(store_name(area)).map_err(err)?;
        let stored = match store
            .get(JsValue::from_str(&record.id))
            .await
            .map_err(err)?
        {
            Some(v) if !v.is_undefined() => from_js(&v)?.revision,
            _ => 0,
        };
        let next = match next_revision(record, stored, expected) {
            Ok(next) => next,
            Err(e) => {
                let _ = tx.abort().await;
                return Err(e);
            }
        };
        store.put(&to_js(&next), None).await.map_err(err)?;
        match tx.done().await.map_err(err)? {
            r if r.is_committed() => Ok(stored + 1),
            _ => Err(StorageError::WriteAborted),
        }
    }

    async fn transfer(
        &self,
        from: Area,
        to: Area,
        record: &StoredRecord,
    ) -> Result<(), StorageError> {
        self.write(&[store_name(from), store_name(to)], async |tx| {
            let source = tx.store(store_name(from)).map_err(err)?;
            let target = tx.store(store_name(to)).map_err(err)?;
            target.put(&to_js(record), None).await.map_err(err)?;
            source
                .delete(JsValue::from_str(&record.id))
                .await
                .map_err(err)
        })
        .await
    }

    async fn remove(&self, area: Area, id: &str) -> Result<(), StorageError> {
        self.write(&[store_name(area)], async |tx| {
            let store = tx.store(store_name(area)).map_err(err)?;
            store.delete(JsValue::from_str(id)).await.map_err(err)
        })
        .await
    }
}
