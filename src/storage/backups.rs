//! Backing up every assessment on the device and restoring a backup, one assessment at a time:
//! each is written in one transaction, so a restore cut short (the tab closed, the browser
//! killed) leaves every assessment either restored whole or as it was, and restoring again
//! finishes the job.

use super::repository::{read_record, to_record, Read, Repository};
use super::{Area, RecordStore, StorageError};
use crate::exchange::backup::BackupItem;
use crate::model::{Assessment, AssessmentId};
use chrono::{DateTime, Utc};

/// What a backup holds of this device: every assessment in the list and in the bin as it opens,
/// and the ids of records that cannot be read at all (left out; the list offers to download
/// each as it is stored).
#[derive(Clone, Debug, Default)]
pub struct ForBackup {
    pub items: Vec<BackupItem>,
    pub left_out: Vec<String>,
}

/// What this device has of an assessment in a backup.
#[derive(Clone, Debug, PartialEq)]
pub enum Here {
    /// Nothing: it is added.
    Absent,
    /// The same document (in the list or the bin).
    Same,
    /// A different copy, last changed then, in the bin or not.
    Different {
        updated_at: DateTime<Utc>,
        in_bin: bool,
    },
    /// A record with this id that cannot be read.
    Unreadable,
}

/// What the worker chose for an assessment the device already has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Whichever copy was changed last stays.
    KeepNewer,
    /// The backup's copy is added beside the device's, under a new id.
    KeepBoth,
    /// The device's copy stays; the backup's is not restored.
    Skip,
}

/// What restoring one assessment did.
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    Added,
    /// The backup's newer copy took the device's place.
    Replaced,
    /// The device's copy was the same or newer and stays.
    KeptDevice,
    /// The backup's copy was added under this new id.
    Copied(AssessmentId),
    Skipped,
}

fn area_of(item: &BackupItem) -> Area {
    if item.deleted_at.is_some() {
        Area::Bin
    } else {
        Area::Active
    }
}

fn same_document(a: &Assessment, b: &Assessment) -> bool {
    serde_json::to_value(a).ok() == serde_json::to_value(b).ok()
}

impl<S: RecordStore> Repository<S> {
    /// Everything a backup of this device holds.
    pub async fn for_backup(&self) -> Result<ForBackup, StorageError> {
        let mut out = ForBackup::default();
        for area in [Area::Active, Area::Bin] {
            for r in self.store().all(area).await? {
                let deleted_at = match area {
                    Area::Active | Area::Procedures => None,
                    Area::Bin => r
                        .deleted_at
                        .as_deref()
                        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                        .map(|t| t.with_timezone(&Utc)),
                };
                match (read_record(&r), area, deleted_at) {
                    (Ok(Read::Valid(a) | Read::Repaired(a, _)), Area::Active, _) => {
                        out.items.push(BackupItem {
                            assessment: a,
                            deleted_at: None,
                        })
                    }
                    (Ok(Read::Valid(a) | Read::Repaired(a, _)), Area::Bin, Some(t)) => {
                        out.items.push(BackupItem {
                            assessment: a,
                            deleted_at: Some(t),
                        })
                    }
                    _ => out.left_out.push(r.id.clone()),
                }
            }
        }
        Ok(out)
    }

    /// Where the device's copy of an id is, and the record.
    async fn find(
        &self,
        id: &AssessmentId,
    ) -> Result<Option<(Area, super::StoredRecord)>, StorageError> {
        for area in [Area::Active, Area::Bin] {
            if let Some(r) = self.store().get(area, id.as_str()).await? {
                return Ok(Some((area, r)));
            }
        }
        Ok(None)
    }

    /// What this device has of `item`, for the restore's choices.
    pub async fn compare(&self, item: &BackupItem) -> Result<Here, StorageError> {
        Ok(match self.find(&item.assessment.id).await? {
            None => Here::Absent,
            Some((area, r)) => match read_record(&r) {
                Ok(Read::Valid(a) | Read::Repaired(a, _))
                    if same_document(&a, &item.assessment) =>
                {
                    Here::Same
                }
                Ok(Read::Valid(a) | Read::Repaired(a, _)) => Here::Different {
                    updated_at: a.updated_at,
                    in_bin: area == Area::Bin,
                },
                Err(_) => Here::Unreadable,
            },
        })
    }

    /// Restores one assessment from a backup as `choice` says when the device has it already
    /// (`fresh` is the id a copy is given). One write: it is restored whole or not at all. A
    /// copy here that cannot be read is never overwritten: "keep the newer" keeps both.
    pub async fn restore_item(
        &self,
        item: &BackupItem,
        choice: Choice,
        fresh: AssessmentId,
    ) -> Result<Restored, StorageError> {
        let to = area_of(item);
        let copy = || async {
            let mut a = item.assessment.clone();
            a.id = fresh.clone();
            self.store()
                .put_versioned(to, &to_record(&a, item.deleted_at)?, None)
                .await?;
            Ok::<_, StorageError>(Restored::Copied(fresh.clone()))
        };
        let Some((from, record)) = self.find(&item.assessment.id).await? else {
            self.store()
                .put_versioned(to, &to_record(&item.assessment, item.deleted_at)?, None)
                .await?;
            return Ok(Restored::Added);
        };
        match choice {
            Choice::Skip => Ok(Restored::Skipped),
            Choice::KeepBoth => copy().await,
            Choice::KeepNewer => match read_record(&record) {
                Err(_) => copy().await,
                Ok(Read::Valid(here) | Read::Repaired(here, _)) => {
                    if same_document(&here, &item.assessment)
                        || here.updated_at >= item.assessment.updated_at
                    {
                        return Ok(Restored::KeptDevice);
                    }
                    let fresh_record = to_record(&item.assessment, item.deleted_at)?;
                    if from == to {
                        self.store().put_versioned(to, &fresh_record, None).await?;
                    } else {
                        self.store().transfer(from, to, &fresh_record).await?;
                    }
                    Ok(Restored::Replaced)
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::register::tests::demo_case;
    use crate::storage::memory::MemoryStore;
    use futures::executor::block_on;

    fn id(n: u8) -> AssessmentId {
        AssessmentId::parse(&format!("a-00000000000000{n:02x}")).unwrap()
    }

    fn item(n: u8, minutes: i64, in_bin: bool) -> BackupItem {
        let mut a = demo_case();
        a.id = id(n);
        a.updated_at += chrono::Duration::minutes(minutes);
        BackupItem {
            assessment: a,
            deleted_at: in_bin.then(|| {
                DateTime::parse_from_rfc3339("2026-12-01T09:00:00Z")
                    .unwrap()
                    .with_timezone(&Utc)
            }),
        }
    }

    #[test]
    fn a_backup_holds_the_list_and_the_bin_and_restores_into_an_empty_device_as_it_was() {
        block_on(async {
            let device = Repository::new(MemoryStore::default());
            let (live, binned) = (item(1, 0, false), item(2, 0, false));
            device.save(&live.assessment).await.unwrap();
            device.save(&binned.assessment).await.unwrap();
            let when = DateTime::parse_from_rfc3339("2026-12-02T10:00:00Z")
                .unwrap()
                .with_timezone(&Utc);
            device
                .move_to_bin(&binned.assessment.id, when)
                .await
                .unwrap();
            let junk = super::super::StoredRecord {
                id: "a-0101010101010101".into(),
                data: "{".into(),
                ..Default::default()
            };
            device.store().put(Area::Active, &junk).await.unwrap();

            let got = device.for_backup().await.unwrap();
            assert_eq!(got.left_out, vec![junk.id.clone()]);
            assert_eq!(got.items.len(), 2);
            let text = crate::exchange::backup::backup_json(&got.items, when, "0.8.0");
            let back =
                crate::exchange::backup::read_backup(&text, crate::exchange::any_profile).unwrap();

            let other = Repository::new(MemoryStore::default());
            for i in &back.items {
                assert_eq!(other.compare(i).await.unwrap(), Here::Absent);
                assert_eq!(
                    other
                        .restore_item(i, Choice::KeepNewer, id(99))
                        .await
                        .unwrap(),
                    Restored::Added
                );
                assert_eq!(other.compare(i).await.unwrap(), Here::Same);
            }
            assert_eq!(
                other.load(&live.assessment.id).await.unwrap(),
                Some(live.assessment.clone())
            );
            let bin = other.bin().await.unwrap();
            assert_eq!((bin.len(), bin[0].deleted_at), (1, when));
            // Restoring again changes nothing.
            for i in &back.items {
                assert_eq!(
                    other
                        .restore_item(i, Choice::KeepNewer, id(99))
                        .await
                        .unwrap(),
                    Restored::KeptDevice
                );
            }
            assert_eq!(other.for_backup().await.unwrap().items, got.items);
        });
    }

    #[test]
    fn each_choice_for_an_assessment_already_here_does_what_it_says() {
        block_on(async {
            let device = Repository::new(MemoryStore::default());
            let older = item(1, 0, false);
            let newer = item(1, 30, false);
            device.save(&older.assessment).await.unwrap();
            assert!(matches!(
                device.compare(&newer).await.unwrap(),
                Here::Different { in_bin: false, .. }
            ));

            assert_eq!(
                device
                    .restore_item(&newer, Choice::Skip, id(9))
                    .await
                    .unwrap(),
                Restored::Skipped
            );
            assert_eq!(
                device.load(&older.assessment.id).await.unwrap(),
                Some(older.assessment.clone())
            );

            assert_eq!(
                device
                    .restore_item(&newer, Choice::KeepBoth, id(9))
                    .await
                    .unwrap(),
                Restored::Copied(id(9))
            );
            assert_eq!(
                device.load(&id(9)).await.unwrap().unwrap().updated_at,
                newer.assessment.updated_at
            );
            assert_eq!(
                device.load(&older.assessment.id).await.unwrap(),
                Some(older.assessment.clone())
            );

            assert_eq!(
                device
                    .restore_item(&newer, Choice::KeepNewer, id(8))
                    .await
                    .unwrap(),
                Restored::Replaced
            );
            assert_eq!(
                device.load(&older.assessment.id).await.unwrap(),
                Some(newer.assessment.clone())
            );
            // The device's copy is now the newer one: it stays.
            assert_eq!(
                device
                    .restore_item(&older, Choice::KeepNewer, id(8))
                    .await
                    .unwrap(),
                Restored::KeptDevice
            );
            assert_eq!(
                device.load(&older.assessment.id).await.unwrap(),
                Some(newer.assessment.clone())
            );

            // A newer copy from the backup's bin replaces the one in the list, in one move.
            let binned_newer = item(1, 60, true);
            assert_eq!(
                device
                    .restore_item(&binned_newer, Choice::KeepNewer, id(8))
                    .await
                    .unwrap(),
                Restored::Replaced
            );
            assert!(!device.exists(&older.assessment.id).await.unwrap());
            assert_eq!(
                device.bin().await.unwrap()[0].assessment,
                binned_newer.assessment
            );
        });
    }

    #[test]
    fn a_copy_here_that_cannot_be_read_is_never_overwritten() {
        block_on(async {
            let device = Repository::new(MemoryStore::default());
            let incoming = item(1, 0, false);
            let junk = super::super::StoredRecord {
                id: incoming.assessment.id.to_string(),
                data: "{".into(),
                ..Default::default()
            };
            device.store().put(Area::Active, &junk).await.unwrap();
            assert_eq!(device.compare(&incoming).await.unwrap(), Here::Unreadable);
            assert_eq!(
                device
                    .restore_item(&incoming, Choice::KeepNewer, id(7))
                    .await
                    .unwrap(),
                Restored::Copied(id(7))
            );
            assert_eq!(
                device
                    .store()
                    .get(Area::Active, &junk.id)
                    .await
                    .unwrap()
                    .unwrap()
                    .data,
                "{"
            );
        });
    }
}
