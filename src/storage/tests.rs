//! Native tests of the repository over the in-memory store.

use super::memory::MemoryStore;
use super::*;
use crate::model::assessment::tests::sample;
use chrono::{DateTime, Duration, Utc};
use futures::executor::block_on;

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn memory_store_meets_the_contract() {
    block_on(contract::record_store_contract(&MemoryStore::new()));
}

#[test]
fn save_load_and_list_newest_first() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let a = sample();
        let mut b = sample();
        b.id = crate::model::AssessmentId::from_random([9; 8]);
        b.updated_at = a.updated_at + Duration::hours(1);
        repo.save(&a).await.unwrap();
        repo.save(&b).await.unwrap();
        assert_eq!(repo.load(&a.id).await.unwrap(), Some(a.clone()));
        let list = repo.list().await.unwrap();
        assert_eq!(list.assessments, vec![b, a]);
        assert!(list.unreadable.is_empty());
    });
}

#[test]
fn delete_goes_to_the_bin_and_can_be_undone() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let a = sample();
        repo.save(&a).await.unwrap();
        let now = t("2026-11-21T12:00:00Z");
        assert!(repo.move_to_bin(&a.id, now).await.unwrap());
        assert!(repo.list().await.unwrap().assessments.is_empty());
        assert_eq!(repo.load(&a.id).await.unwrap(), None);
        let bin = repo.bin().await.unwrap();
        assert_eq!(bin.len(), 1);
        assert_eq!(bin[0].deleted_at, now);
        assert!(repo.restore(&a.id).await.unwrap());
        assert_eq!(repo.load(&a.id).await.unwrap(), Some(a.clone()));
        assert!(repo.bin().await.unwrap().is_empty());
        assert!(!repo.restore(&a.id).await.unwrap());
        assert!(!repo
            .move_to_bin(&crate::model::AssessmentId::from_random([0; 8]), now)
            .await
            .unwrap());
    });
}

#[test]
fn the_bin_empties_itself_after_thirty_days() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let a = sample();
        repo.save(&a).await.unwrap();
        repo.move_to_bin(&a.id, t("2026-10-01T12:00:00Z"))
            .await
            .unwrap();
        assert_eq!(
            repo.purge_expired(t("2026-10-31T11:00:00Z")).await.unwrap(),
            0
        );
        assert_eq!(
            repo.purge_expired(t("2026-10-31T13:00:00Z")).await.unwrap(),
            1
        );
        assert!(repo.bin().await.unwrap().is_empty());
    });
}

#[test]
fn a_failed_write_changes_nothing_and_says_why() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let a = sample();
        repo.save(&a).await.unwrap();
        repo.store()
            .fail_writes_with(Some(StorageError::QuotaExceeded));
        let mut changed = a.clone();
        changed.lead_worker = "Someone New".into();
        assert_eq!(repo.save(&changed).await, Err(StorageError::QuotaExceeded));
        assert_eq!(
            repo.move_to_bin(&a.id, t("2026-11-21T12:00:00Z")).await,
            Err(StorageError::QuotaExceeded)
        );
        assert_eq!(repo.load(&a.id).await.unwrap(), Some(a));
    });
}

#[test]
fn an_unreadable_record_is_reported_not_fatal() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        repo.save(&sample()).await.unwrap();
        let bad = StoredRecord {
            id: "a-0000000000000bad".into(),
            schema_version: 1,
            data: "{\"id\": 3}".into(),
            deleted_at: None,
            revision: 0,
        };
        repo.store().put(Area::Active, &bad).await.unwrap();
        let list = repo.list().await.unwrap();
        assert_eq!(list.assessments.len(), 1);
        assert_eq!(list.unreadable.len(), 1);
        assert!(
            matches!(&list.unreadable[0], StorageError::Corrupt { id, .. } if id == "a-0000000000000bad")
        );
    });
}

#[test]
fn a_stale_tab_cannot_overwrite_a_newer_save() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let a = sample();
        repo.save(&a).await.unwrap();
        let (_, rev) = repo.load_with_revision(&a.id).await.unwrap().unwrap();
        // tab one saves
        let mut one = a.clone();
        one.lead_worker = "Tab one".into();
        let rev_one = repo.save_if_unchanged(&one, rev).await.unwrap();
        assert_eq!(rev_one, rev + 1);
        // tab two still thinks it is at `rev`
        let mut two = a.clone();
        two.lead_worker = "Tab two".into();
        assert!(matches!(
            repo.save_if_unchanged(&two, rev).await,
            Err(StorageError::Conflict { .. })
        ));
        assert_eq!(
            repo.load(&a.id).await.unwrap().unwrap().lead_worker,
            "Tab one"
        );
        // after reloading, tab two can save
        let (_, now) = repo.load_with_revision(&a.id).await.unwrap().unwrap();
        assert!(repo.save_if_unchanged(&two, now).await.is_ok());
    });
}
