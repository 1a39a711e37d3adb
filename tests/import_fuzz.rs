//! In the browser: 1,000 generated malformed files are each refused with a message, and the
//! IndexedDB store is unchanged afterwards.
#![cfg(target_arch = "wasm32")]

use assessment_workbench::exchange::{import_json, malformed};
use assessment_workbench::storage::indexeddb::IndexedDbStore;
use assessment_workbench::storage::Repository;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn a_thousand_malformed_imports_are_refused_and_the_store_is_unchanged() {
    let valid = include_str!("fixtures/assessment-v4.json");
    let name = "aw-test-fuzz";
    IndexedDbStore::delete(name).await.unwrap();
    let repo = Repository::new(IndexedDbStore::open(name).await.unwrap());
    let good = import_json(valid, assessment_workbench::procedure::known_hash)
        .unwrap()
        .assessment;
    repo.save(&good).await.unwrap();
    let before = repo.list().await.unwrap().assessments;

    for (i, text) in malformed::variants(valid, 424242, 1000).iter().enumerate() {
        // what the import page does: check first, store only what passed
        match import_json(text, assessment_workbench::procedure::known_hash) {
            Ok(_) => panic!("variant {i} was accepted"),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
    assert_eq!(repo.list().await.unwrap().assessments, before);
}
