//! Assessments in and out of a [`RecordStore`]: serialising, restoring (with migration),
//! listing newest first, and the bin that makes deleting undoable. A state that breaks
//! [`validity`]'s rules is never written; a stored record that breaks them (from an older
//! version, or a bug) is still listed and opens repaired ([`repair`]), and one that cannot be
//! read at all is listed too, so its owner can export it as it is.

use super::summary::{fingerprint, Summary};
use super::{Area, RecordStore, StorageError, StoredRecord};
use crate::exchange::{self, SCHEMA_VERSION};
use crate::model::repair::{repair, Repaired};
use crate::model::{validity, Assessment, AssessmentId};
use chrono::{DateTime, Duration, Utc};

/// How many days a deleted assessment stays in the bin.
pub const BIN_DAYS: i64 = 30;

/// Every live assessment, newest change first, and any record that could not be read.
#[derive(Clone, Debug, Default)]
pub struct Listing {
    pub assessments: Vec<Assessment>,
    /// Records that break the rules: listed as they will open, repaired, with what changes.
    pub needs_repair: Vec<(Assessment, Repaired)>,
    /// Records that cannot be read at all (their id and why); they can still be exported.
    pub unreadable: Vec<StorageError>,
}

/// A stored record as it reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    /// Passes every rule.
    Valid(Assessment),
    /// Breaks a rule; here repaired, with what was changed (nothing stored has changed yet).
    Repaired(Assessment, Repaired),
}

/// An assessment opened for editing.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub assessment: Assessment,
    /// The stored revision it was read at.
    pub revision: u64,
    /// What a repair changed, when the stored record broke the rules.
    pub repaired: Option<Repaired>,
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

fn known_profile(a: &Assessment) -> bool {
    crate::procedure::of(a).is_some()
}

/// The record for `a`; refused, with nothing written, when `a` breaks a rule.
pub(super) fn to_record(
    a: &Assessment,
    deleted_at: Option<DateTime<Utc>>,
) -> Result<StoredRecord, StorageError> {
    validity::check(a).map_err(|p| StorageError::Invalid {
        reason: p.to_string(),
    })?;
    let data = serde_json::to_string(a).expect("an assessment always serialises");
    Ok(StoredRecord {
        revision: 0,
        id: a.id.to_string(),
        schema_version: SCHEMA_VERSION,
        summary: Some(Summary::of(a, &data, false).to_text()),
        data,
        deleted_at: deleted_at.map(|t| t.to_rfc3339()),
    })
}

/// The summary stored with a record, when it is of the record as it is stored: of this
/// document text, in this version's schema and summary format, for this record.
fn stored_summary(r: &StoredRecord) -> Option<Summary> {
    if r.schema_version != SCHEMA_VERSION {
        return None;
    }
    Summary::from_text(r.summary.as_deref()?)
        .filter(|s| s.id == r.id && s.of == fingerprint(&r.data))
}

/// Summaries most recently changed first (by id on a tie), as the list shows them.
fn newest_first(entries: &mut [Summary]) {
    entries.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
}

/// What the list can show without reading any document: every fresh summary, and how many
/// records have none (or a stale one) and must be read whole to be listed.
#[derive(Clone, Debug, Default)]
pub struct StoredSummaries {
    pub entries: Vec<Summary>,
    pub to_read: usize,
}

/// What the list shows: every live assessment's summary, most recently changed first, and any
/// record that cannot be read.
#[derive(Clone, Debug, Default)]
pub struct Summaries {
    pub entries: Vec<Summary>,
    /// Records that cannot be read at all (their id and why); they can still be exported.
    pub unreadable: Vec<StorageError>,
}

/// Reads a record: valid, repairable, or (an error) not readable at all.
pub fn read_record(r: &StoredRecord) -> Result<Read, StorageError> {
    let corrupt = |reason: String| StorageError::Corrupt {
        id: r.id.clone(),
        reason,
    };
    let value = serde_json::from_str(&r.data).map_err(|e| corrupt(e.to_string()))?;
    let mut a = exchange::read_shape(value, r.schema_version, "assessment")
        .map_err(|e| corrupt(e.to_string()))?;
    if !known_profile(&a) {
        return Err(corrupt(
            exchange::ImportError::UnknownProfile {
                id: a.profile,
                version: a.profile_version,
            }
            .to_string(),
        ));
    }
    if validity::is_valid(&a) {
        return Ok(Read::Valid(a));
    }
    let repaired = repair(&mut a);
    Ok(Read::Repaired(a, repaired))
}

/// A record that passes every rule, or an error that says what is wrong.
fn from_record(r: &StoredRecord) -> Result<Assessment, StorageError> {
    match read_record(r)? {
        Read::Valid(a) => Ok(a),
        Read::Repaired(_, repaired) => Err(StorageError::Corrupt {
            id: r.id.clone(),
            reason: format!("it needs repair ({})", repaired.changes.join(" ")),
        }),
    }
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

    /// Every live assessment, most recently changed first; none is left out.
    pub async fn list(&self) -> Result<Listing, StorageError> {
        let mut listing = Listing::default();
        for r in self.store.all(Area::Active).await? {
            match read_record(&r) {
                Ok(Read::Valid(a)) => listing.assessments.push(a),
                Ok(Read::Repaired(a, repaired)) => listing.needs_repair.push((a, repaired)),
                Err(e) => listing.unreadable.push(e),
            }
        }
        listing
            .assessments
            .sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(a.id.cmp(&b.id)));
        Ok(listing)
    }

    /// What the list shows of every live assessment: each from the summary stored with it, or
    /// (when that is missing or stale) from the record itself, which always wins.
    pub async fn summaries(&self) -> Result<Summaries, StorageError> {
        let mut out = Summaries::default();
        for r in self.store.all(Area::Active).await? {
            if let Some(s) = stored_summary(&r) {
                out.entries.push(s);
                continue;
            }
            match read_record(&r) {
                Ok(Read::Valid(a)) => out.entries.push(Summary::of(&a, &r.data, false)),
                Ok(Read::Repaired(a, _)) => out.entries.push(Summary::of(&a, &r.data, true)),
                Err(e) => out.unreadable.push(e),
            }
        }
        newest_first(&mut out.entries);
        Ok(out)
    }

    /// The summaries stored with the live assessments, reading no document (the front's list):
    /// records without a fresh summary are only counted.
    pub async fn stored_summaries(&self) -> Result<StoredSummaries, StorageError> {
        let mut out = StoredSummaries::default();
        for r in self.store.all(Area::Active).await? {
            match stored_summary(&r) {
                Some(s) => out.entries.push(s),
                None => out.to_read += 1,
            }
        }
        newest_first(&mut out.entries);
        Ok(out)
    }

    /// One live assessment as it opens (repaired, when its record breaks a rule), for an export
    /// from the list.
    pub async fn as_it_opens(&self, id: &str) -> Result<Option<Assessment>, StorageError> {
        match self.store.get(Area::Active, id).await? {
            Some(r) => match read_record(&r)? {
                Read::Valid(a) | Read::Repaired(a, _) => Ok(Some(a)),
            },
            None => Ok(None),
        }
    }

    /// One live assessment.
    pub async fn load(&self, id: &AssessmentId) -> Result<Option<Assessment>, StorageError> {
        match self.store.get(Area::Active, id.as_str()).await? {
            Some(r) => from_record(&r).map(Some),
            None => Ok(None),
        }
    }

    /// One live assessment opened for editing: repaired (nothing stored changes until it is
    /// saved) when the stored record breaks the rules. An error when it cannot be read at all,
    /// or when the repair could not mend everything (then it can only be exported as stored).
    pub async fn open(&self, id: &AssessmentId) -> Result<Option<Opened>, StorageError> {
        let Some(r) = self.store.get(Area::Active, id.as_str()).await? else {
            return Ok(None);
        };
        let (assessment, repaired) = match read_record(&r)? {
            Read::Valid(a) => (a, None),
            Read::Repaired(a, repaired) => {
                if !repaired.remaining.is_empty() {
                    return Err(StorageError::Corrupt {
                        id: r.id.clone(),
                        reason: format!(
                            "it breaks rules that cannot be repaired ({})",
                            repaired.remaining.join("; ")
                        ),
                    });
                }
                (a, Some(repaired))
            }
        };
        Ok(Some(Opened {
            assessment,
            revision: r.revision,
            repaired,
        }))
    }

    /// The stored text of a live record exactly as it is (decrypted, if protected), for
    /// exporting a record that cannot be opened.
    pub async fn stored_text(&self, id: &str) -> Result<Option<String>, StorageError> {
        Ok(self.store.get(Area::Active, id).await?.map(|r| r.data))
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
            .put_versioned(Area::Active, &to_record(a, None)?, None)
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
            .put_versioned(Area::Active, &to_record(a, None)?, Some(expected))
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

    /// What is in the bin, most recently deleted first. Records that need repair are listed as
    /// they will open; records that cannot be read at all are left out (a restore puts them
    /// back in the list, where they are shown).
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
                let assessment = match read_record(r).ok()? {
                    Read::Valid(a) | Read::Repaired(a, _) => a,
                };
                Some(BinEntry {
                    assessment,
                    deleted_at,
                })
            })
            .collect();
        out.sort_by_key(|e| std::cmp::Reverse(e.deleted_at));
        Ok(out)
    }

    /// Ids of records in the bin that cannot be read at all (they are never purged; restoring
    /// one puts it in the list, where it can be downloaded as stored).
    pub async fn bin_unreadable(&self) -> Result<Vec<String>, StorageError> {
        Ok(self
            .store
            .all(Area::Bin)
            .await?
            .iter()
            .filter(|r| {
                read_record(r).is_err()
                    || r.deleted_at
                        .as_deref()
                        .is_none_or(|t| DateTime::parse_from_rfc3339(t).is_err())
            })
            .map(|r| r.id.clone())
            .collect())
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
