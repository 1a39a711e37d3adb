//! Browser tests of the storage adapter against real IndexedDB in headless Chromium.
//! Run with `cargo test --target wasm32-unknown-unknown --features test-support --test '*'`.
#![cfg(target_arch = "wasm32")]

use assessment_workbench::exchange::import_json;
use assessment_workbench::model::AssessmentId;
use assessment_workbench::storage::contract::record_store_contract;
use assessment_workbench::storage::indexeddb::IndexedDbStore;
use assessment_workbench::storage::{
    prefs, Area, RecordStore, Repository, StorageError, StoredRecord,
};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn fresh(name: &str) -> IndexedDbStore {
    IndexedDbStore::delete(name)
        .await
        .expect("delete old test database");
    IndexedDbStore::open(name)
        .await
        .expect("open test database")
}

fn fixture() -> assessment_workbench::model::Assessment {
    import_json(
        include_str!("fixtures/assessment-v1.json"),
        assessment_workbench::exchange::any_profile,
    )
    .expect("fixture imports")
    .assessment
}

#[wasm_bindgen_test]
async fn indexeddb_store_meets_the_contract() {
    let store = fresh("aw-test-contract").await;
    record_store_contract(&store).await;
}

#[wasm_bindgen_test]
async fn repository_round_trips_through_indexeddb_and_survives_reopening() {
    let name = "aw-test-repo";
    let a = fixture();
    {
        let repo = Repository::new(fresh(name).await);
        repo.save(&a).await.unwrap();
        assert_eq!(repo.load(&a.id).await.unwrap(), Some(a.clone()));
    }
    // a new connection (as after a reload) reads the same
    let repo = Repository::new(IndexedDbStore::open(name).await.unwrap());
    let listing = repo.list().await.unwrap();
    assert_eq!(listing.assessments, vec![a.clone()]);

    let now = chrono::Utc::now();
    assert!(repo.move_to_bin(&a.id, now).await.unwrap());
    assert!(repo.list().await.unwrap().assessments.is_empty());
    assert_eq!(repo.bin().await.unwrap()[0].assessment, a);
    assert!(repo.restore(&a.id).await.unwrap());
    assert_eq!(repo.load(&a.id).await.unwrap(), Some(a));
}

#[wasm_bindgen_test]
async fn a_damaged_record_is_reported_and_the_rest_still_list() {
    let store = fresh("aw-test-corrupt").await;
    let bad = StoredRecord {
        id: "a-00000000000000ff".into(),
        schema_version: 1,
        data: "{not json".into(),
        deleted_at: None,
        revision: 0,
        ..Default::default()
    };
    store.put(Area::Active, &bad).await.unwrap();
    let repo = Repository::new(store);
    repo.save(&fixture()).await.unwrap();
    let listing = repo.list().await.unwrap();
    assert_eq!(listing.assessments.len(), 1);
    assert!(
        matches!(&listing.unreadable[..], [StorageError::Corrupt { id, .. }] if id == "a-00000000000000ff")
    );
    assert!(repo
        .load(&AssessmentId::parse("a-00000000000000ff").unwrap())
        .await
        .is_err());
}

#[wasm_bindgen_test]
fn preferences_round_trip_in_local_storage() {
    prefs::set_last_profile("assessments-2024");
    assert_eq!(prefs::last_profile().as_deref(), Some("assessments-2024"));
    prefs::set_last_profile("signs-of-safety-2020");
    assert_eq!(
        prefs::last_profile().as_deref(),
        Some("signs-of-safety-2020")
    );
}

#[wasm_bindgen_test]
async fn webcrypto_encrypted_store_meets_the_contract_and_seals_records() {
    use assessment_workbench::storage::encrypted::{is_sealed, EncryptedStore, Protection};
    use assessment_workbench::ui::crypto::derive;
    use std::cell::RefCell;
    use std::rc::Rc;
    // Few iterations here to keep the test quick; the app uses 600,000.
    let key = derive("a test passphrase", &[7u8; 16], 1000).await.unwrap();
    let protection = Rc::new(RefCell::new(Rc::new(Protection::Unlocked(key))));
    let store = EncryptedStore::new(fresh("aw-test-encrypted").await, protection.clone());
    record_store_contract(&store).await;
    let r = StoredRecord {
        id: "a-0000000000000001".into(),
        schema_version: 4,
        data: r#"{"givenName":"Secretname"}"#.into(),
        deleted_at: None,
        revision: 0,
        ..Default::default()
    };
    store.put(Area::Active, &r).await.unwrap();
    let raw = store
        .inner()
        .get(Area::Active, &r.id)
        .await
        .unwrap()
        .unwrap();
    assert!(is_sealed(&raw.data) && !raw.data.contains("Secretname"));
    assert_eq!(
        store.get(Area::Active, &r.id).await.unwrap(),
        Some(r.clone())
    );
    // A key from another passphrase cannot open it.
    let wrong = derive("another passphrase", &[7u8; 16], 1000)
        .await
        .unwrap();
    *protection.borrow_mut() = Rc::new(Protection::Unlocked(wrong));
    assert!(matches!(
        store.get(Area::Active, &r.id).await,
        Err(StorageError::Undecryptable { .. })
    ));
}
