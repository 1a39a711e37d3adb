//! The behaviour every [`RecordStore`] must have, as one suite run against the in-memory store
//! natively and against IndexedDB in headless Chromium. It panics on the first difference.

use super::{Area, RecordStore, StorageError, StoredRecord};

fn rec(id: &str, data: &str) -> StoredRecord {
    StoredRecord {
        id: id.to_owned(),
        schema_version: 1,
        data: data.to_owned(),
        deleted_at: None,
        revision: 0,
        ..Default::default()
    }
}

/// Runs the suite against an empty store.
pub async fn record_store_contract<S: RecordStore>(s: &S) {
    assert!(
        s.all(Area::Active).await.unwrap().is_empty(),
        "starts empty"
    );
    assert_eq!(s.get(Area::Active, "a-00000001").await.unwrap(), None);

    // put then get, in the right area only
    let one = rec("a-00000001", "{\"n\":1}");
    s.put(Area::Active, &one).await.unwrap();
    assert_eq!(
        s.get(Area::Active, "a-00000001").await.unwrap(),
        Some(one.clone())
    );
    assert_eq!(s.get(Area::Bin, "a-00000001").await.unwrap(), None);

    // put replaces
    let one_v2 = rec(
        "a-00000001",
        "{\"n\":2, \"text\":\"caf\u{e9} \u{1f600} <b>&amp;</b>\"}",
    );
    s.put(Area::Active, &one_v2).await.unwrap();
    assert_eq!(
        s.get(Area::Active, "a-00000001").await.unwrap(),
        Some(one_v2.clone())
    );
    assert_eq!(s.all(Area::Active).await.unwrap().len(), 1);

    // all lists every record of the area
    let two = rec("a-00000002", "{}");
    s.put(Area::Active, &two).await.unwrap();
    let mut ids: Vec<String> = s
        .all(Area::Active)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.id)
        .collect();
    ids.sort();
    assert_eq!(ids, ["a-00000001", "a-00000002"]);

    // transfer moves atomically and keeps the deletion time
    let binned = StoredRecord {
        deleted_at: Some("2026-11-20T10:00:00+00:00".into()),
        ..one_v2.clone()
    };
    s.transfer(Area::Active, Area::Bin, &binned).await.unwrap();
    assert_eq!(s.get(Area::Active, "a-00000001").await.unwrap(), None);
    assert_eq!(s.get(Area::Bin, "a-00000001").await.unwrap(), Some(binned));
    assert_eq!(s.all(Area::Bin).await.unwrap().len(), 1);

    // remove, and removing twice is fine
    s.remove(Area::Bin, "a-00000001").await.unwrap();
    s.remove(Area::Bin, "a-00000001").await.unwrap();
    assert!(s.all(Area::Bin).await.unwrap().is_empty());
    assert_eq!(s.all(Area::Active).await.unwrap(), vec![two]);
    s.remove(Area::Active, "a-00000002").await.unwrap();

    // versioned writes count up, and refuse a writer that expected an older revision
    let v = rec("a-00000003", "{\"v\":1}");
    assert_eq!(s.put_versioned(Area::Active, &v, None).await.unwrap(), 1);
    assert_eq!(s.put_versioned(Area::Active, &v, Some(1)).await.unwrap(), 2);
    let stale = rec("a-00000003", "{\"v\":\"stale\"}");
    assert_eq!(
        s.put_versioned(Area::Active, &stale, Some(1)).await,
        Err(StorageError::Conflict {
            stored: 2,
            expected: 1
        })
    );
    let kept = s.get(Area::Active, "a-00000003").await.unwrap().unwrap();
    assert_eq!((kept.data.as_str(), kept.revision), ("{\"v\":1}", 2));
    assert_eq!(
        s.put_versioned(Area::Active, &rec("a-00000004", "{}"), Some(0))
            .await
            .unwrap(),
        1
    );
    s.remove(Area::Active, "a-00000003").await.unwrap();
    s.remove(Area::Active, "a-00000004").await.unwrap();

    // the list's summary is kept with its record; a record written without one has none
    let summed = StoredRecord {
        summary: Some("{\"title\":\"Ava\"}".into()),
        ..rec("a-00000005", "{}")
    };
    s.put(Area::Active, &summed).await.unwrap();
    assert_eq!(
        s.get(Area::Active, "a-00000005").await.unwrap(),
        Some(summed.clone())
    );
    assert_eq!(
        s.put_versioned(Area::Active, &summed, Some(0))
            .await
            .unwrap(),
        1
    );
    let got = s.get(Area::Active, "a-00000005").await.unwrap().unwrap();
    assert_eq!(
        (got.summary.as_deref(), got.revision),
        (summed.summary.as_deref(), 1)
    );
    s.put_versioned(Area::Active, &rec("a-00000005", "{}"), Some(1))
        .await
        .unwrap();
    let got = s.get(Area::Active, "a-00000005").await.unwrap().unwrap();
    assert_eq!((got.summary, got.revision), (None, 2));
    s.remove(Area::Active, "a-00000005").await.unwrap();
}
