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
            ..Default::default()
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

/// The first marker of the demonstration case's first scale that names a register person.
fn rated(a: &crate::model::Assessment) -> (usize, crate::model::PersonId) {
    a.scales[0]
        .markers
        .iter()
        .enumerate()
        .find_map(|(i, m)| m.rater.person.clone().map(|p| (i, p)))
        .unwrap()
}

/// The demonstration case with Casey-style damage: a marker naming someone not in the
/// register, written straight into the store as an older version (or a bug) might have.
fn broken_record() -> (crate::model::Assessment, StoredRecord) {
    let mut a = crate::edit::register::tests::demo_case();
    let (_, rater) = rated(&a);
    a.people.retain(|p| p.id != rater);
    let record = StoredRecord {
        id: a.id.to_string(),
        schema_version: crate::exchange::SCHEMA_VERSION,
        data: serde_json::to_string(&a).unwrap(),
        deleted_at: None,
        revision: 3,
        ..Default::default()
    };
    (a, record)
}

#[test]
fn a_save_that_breaks_the_rules_is_refused_and_changes_nothing_stored() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let a = crate::edit::register::tests::demo_case();
        repo.save(&a).await.unwrap();
        let stored = repo.store().get(Area::Active, a.id.as_str()).await.unwrap();
        let mut bad = a.clone();
        let (_, rater) = rated(&bad);
        bad.people.retain(|p| p.id != rater);
        let e = repo.save_if_unchanged(&bad, 1).await.unwrap_err();
        assert!(
            matches!(&e, StorageError::Invalid { reason } if reason.contains("rater.person")),
            "{e}"
        );
        assert!(repo.save(&bad).await.is_err());
        assert_eq!(
            repo.store().get(Area::Active, a.id.as_str()).await.unwrap(),
            stored
        );
        assert_eq!(repo.load(&a.id).await.unwrap(), Some(a));
    });
}

#[test]
fn a_record_that_breaks_the_rules_is_listed_and_opens_repaired_without_changing_what_is_stored() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let (a, record) = broken_record();
        let (m, _) = rated(&crate::edit::register::tests::demo_case());
        repo.store().put(Area::Active, &record).await.unwrap();
        let list = repo.list().await.unwrap();
        assert!(list.assessments.is_empty());
        assert!(list.unreadable.is_empty());
        assert_eq!(list.needs_repair.len(), 1, "listed, not hidden");
        let (listed, repaired) = &list.needs_repair[0];
        assert_eq!(listed.title(), a.title());
        assert!(repaired.remaining.is_empty());
        assert!(
            repaired
                .changes
                .iter()
                .any(|c| c.contains("removed from the register")),
            "{repaired:?}"
        );
        let opened = repo.open(&a.id).await.unwrap().unwrap();
        assert_eq!(opened.revision, 3);
        assert!(opened.repaired.is_some());
        assert!(crate::model::validity::is_valid(&opened.assessment));
        // Every judgement is kept, the one whose rater is gone under their typed name.
        assert_eq!(
            opened.assessment.scales[0].markers.len(),
            a.scales[0].markers.len()
        );
        assert_eq!(opened.assessment.scales[0].markers[m].rater.person, None);
        assert!(opened.assessment.scales[0].markers[m]
            .rater
            .name
            .starts_with(&a.scales[0].markers[m].rater.name));
        // Nothing stored changed by opening; it can still be exported as it is.
        assert_eq!(
            repo.stored_text(a.id.as_str()).await.unwrap(),
            Some(record.data.clone())
        );
        // Saving the repaired version makes it an ordinary assessment again.
        repo.save_if_unchanged(&opened.assessment, 3).await.unwrap();
        let list = repo.list().await.unwrap();
        assert_eq!(list.assessments.len(), 1);
        assert!(list.needs_repair.is_empty());
    });
}

#[test]
fn a_record_that_cannot_be_read_is_listed_and_can_be_exported_as_stored() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let (a, mut record) = broken_record();
        record.data = record.data.replacen("\"people\"", "\"persons\"", 1);
        repo.store().put(Area::Active, &record).await.unwrap();
        let list = repo.list().await.unwrap();
        assert_eq!(list.unreadable.len(), 1);
        assert!(
            matches!(&list.unreadable[0], StorageError::Corrupt { id, .. } if id == a.id.as_str())
        );
        assert!(repo.open(&a.id).await.is_err());
        assert_eq!(
            repo.stored_text(a.id.as_str()).await.unwrap(),
            Some(record.data)
        );
    });
}

#[test]
fn a_record_in_the_bin_that_cannot_be_read_is_listed_not_purged_and_can_be_restored() {
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let (a, mut record) = broken_record();
        record.data = "{ not json".into();
        record.deleted_at = Some("2026-01-01T00:00:00Z".into());
        repo.store().put(Area::Bin, &record).await.unwrap();
        assert!(repo.bin().await.unwrap().is_empty());
        assert_eq!(repo.bin_unreadable().await.unwrap(), vec![a.id.to_string()]);
        assert_eq!(
            repo.purge_expired(t("2026-12-01T00:00:00Z")).await.unwrap(),
            0
        );
        assert!(repo.restore(&a.id).await.unwrap());
        assert_eq!(repo.list().await.unwrap().unreadable.len(), 1);
    });
}

#[test]
fn the_list_reads_each_summary_stored_with_its_record_and_rebuilds_a_missing_or_stale_one() {
    use super::summary::Summary;
    block_on(async {
        let repo = Repository::new(MemoryStore::new());
        let demo = crate::edit::register::tests::demo_case();
        repo.save(&demo).await.unwrap();
        repo.save(&demo).await.unwrap();
        // Written with the record.
        let stored = repo
            .store()
            .get(Area::Active, demo.id.as_str())
            .await
            .unwrap()
            .unwrap();
        let summary = Summary::of(&demo, &stored.data, false);
        assert_eq!(
            Summary::from_text(stored.summary.as_deref().unwrap()),
            Some(summary.clone())
        );
        assert!(
            !summary.deadlines.is_empty() && summary.title == demo.title(),
            "{summary:?}"
        );
        assert_eq!(
            repo.summaries().await.unwrap().entries,
            vec![summary.clone()]
        );

        // Without a summary (written by an older version): rebuilt from the record.
        let older = StoredRecord {
            summary: None,
            ..stored.clone()
        };
        repo.store().put(Area::Active, &older).await.unwrap();
        assert_eq!(
            repo.summaries().await.unwrap().entries,
            vec![summary.clone()]
        );

        // The document changed under a summary of its earlier text (a writer that kept the old
        // summary): the record wins.
        let mut renamed = demo.clone();
        renamed.people[0].given_name = "Renamed".into();
        let text = serde_json::to_string(&renamed).unwrap();
        let changed = StoredRecord {
            data: text.clone(),
            ..stored.clone()
        };
        repo.store().put(Area::Active, &changed).await.unwrap();
        let listed = repo.summaries().await.unwrap().entries;
        assert_eq!(listed, vec![Summary::of(&renamed, &text, false)]);
        assert_ne!(listed[0].title, summary.title);

        // A summary of another record: not used.
        let mut wrong = summary.clone();
        wrong.id = "a-0000000000000000".into();
        wrong.title = "Someone Else".into();
        let other = StoredRecord {
            summary: Some(wrong.to_text()),
            ..stored.clone()
        };
        repo.store().put(Area::Active, &other).await.unwrap();
        assert_eq!(
            repo.summaries().await.unwrap().entries,
            vec![summary.clone()]
        );
        // A summary of another format, or one that does not parse: rebuilt.
        for text in [
            summary.to_text().replace(
                &format!("\"format\":{}", super::summary::SUMMARY_FORMAT),
                "\"format\":99",
            ),
            "{".into(),
        ] {
            let odd = StoredRecord {
                summary: Some(text),
                ..stored.clone()
            };
            repo.store().put(Area::Active, &odd).await.unwrap();
            assert_eq!(
                repo.summaries().await.unwrap().entries,
                vec![summary.clone()]
            );
        }

        // A record that breaks a rule is listed as it will open, marked; one that cannot be read
        // is listed apart.
        let (broken, mut record) = broken_record();
        record.id = broken.id.to_string();
        repo.store().put(Area::Active, &record).await.unwrap();
        let listed = repo.summaries().await.unwrap();
        assert!(listed
            .entries
            .iter()
            .any(|s| s.id == broken.id.to_string() && s.needs_repair));
        let junk = StoredRecord {
            id: "a-0101010101010101".into(),
            schema_version: crate::exchange::SCHEMA_VERSION,
            data: "{".into(),
            ..Default::default()
        };
        repo.store().put(Area::Active, &junk).await.unwrap();
        assert_eq!(repo.summaries().await.unwrap().unreadable.len(), 1);
    });
}

#[test]
fn a_summary_says_what_is_due_next_and_how_much_is_overdue_on_a_given_day() {
    use super::summary::Summary;
    let demo = crate::edit::register::tests::demo_case();
    let s = Summary::of(&demo, "", false);
    let next = s.next_due().expect("something is due").clone();
    assert!(!next.done);
    assert_eq!(
        s.overdue(next.due),
        s.deadlines
            .iter()
            .filter(|d| !d.done && d.due < next.due)
            .count()
    );
    assert!(s.overdue(next.due + chrono::Duration::days(1)) >= 1);
    assert_eq!(
        s.overdue(chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()),
        0
    );
}

#[test]
fn a_summary_reads_back_as_written_and_one_with_dates_as_text_is_rebuilt() {
    use super::summary::Summary;
    let mut demo = crate::edit::register::tests::demo_case();
    demo.updated_at = t("2026-12-06T10:11:12.345678901Z");
    let s = Summary::of(&demo, "text", false);
    assert_eq!(s.updated_at, t("2026-12-06T10:11:12.345Z"));
    let text = s.to_text();
    assert_eq!(Summary::from_text(&text), Some(s.clone()));
    let referral = demo.referral_date.expect("the demo has a referral date");
    // Stored as numbers: the front reads them without a date parser.
    assert!(text.contains(&format!(
        "\"referral\":{}",
        chrono::Datelike::num_days_from_ce(&referral)
    )));
    // Format 1 wrote dates as text; such a summary is rebuilt from its record.
    let old = text.replace("\"format\":2", "\"format\":1").replace(
        &format!(
            "\"referral\":{}",
            chrono::Datelike::num_days_from_ce(&referral)
        ),
        &format!("\"referral\":\"{referral}\""),
    );
    assert_eq!(Summary::from_text(&old), None);
}
