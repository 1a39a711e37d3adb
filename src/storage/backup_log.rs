//! When each assessment was last backed up or exported from this device, and when to remind
//! the worker to back up: when any assessment has changed since its last backup and the last
//! backup is more than a set number of working days old. Kept with the preferences (times as
//! milliseconds, which the front reads without a date parser); never assessment content.

use super::summary::Summary;
use crate::procedure::calendar::Calendar;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Working days after which an unsaved change brings the reminder, unless the worker sets
/// another number.
pub const DEFAULT_REMINDER_DAYS: u32 = 2;

/// The times (milliseconds since 1970) one assessment was last copied off the device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Copied {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export: Option<i64>,
}

/// The device's record of backups and exports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupLog {
    /// When the last backup was made.
    #[serde(default)]
    pub last_backup: Option<i64>,
    /// One entry per assessment (a list, not a map: less code in the list's front module).
    #[serde(default)]
    pub each: Vec<Copied>,
}

/// How the list shows an assessment's last copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LastCopy {
    BackedUp(DateTime<Utc>),
    Exported(DateTime<Utc>),
}

/// Why the list asks the worker to back up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Assessments changed since their last backup.
    pub changed: usize,
    pub last_backup: Option<DateTime<Utc>>,
}

fn time(ms: i64) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp_millis(ms)
}

impl BackupLog {
    fn of(&self, id: &str) -> Option<&Copied> {
        self.each.iter().find(|c| c.id == id)
    }

    fn entry(&mut self, id: &str) -> &mut Copied {
        let at = match self.each.iter().position(|c| c.id == id) {
            Some(i) => i,
            None => {
                self.each.push(Copied {
                    id: id.to_owned(),
                    ..Copied::default()
                });
                self.each.len() - 1
            }
        };
        &mut self.each[at]
    }

    /// Notes a backup, made at `at`, of these assessments.
    pub fn backed_up<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>, at: DateTime<Utc>) {
        let ms = at.timestamp_millis();
        self.last_backup = Some(ms);
        for id in ids {
            self.entry(id).backup = Some(ms);
        }
    }

    /// Notes an export of one assessment.
    pub fn exported(&mut self, id: &str, at: DateTime<Utc>) {
        self.entry(id).export = Some(at.timestamp_millis());
    }

    /// The later of the assessment's last backup and last export.
    pub fn last_copy(&self, id: &str) -> Option<LastCopy> {
        let c = self.of(id)?;
        match (c.backup.and_then(time), c.export.and_then(time)) {
            (Some(b), Some(e)) if e > b => Some(LastCopy::Exported(e)),
            (Some(b), _) => Some(LastCopy::BackedUp(b)),
            (None, Some(e)) => Some(LastCopy::Exported(e)),
            (None, None) => None,
        }
    }

    /// Whether the assessment has changed since it was last in a backup (or never was).
    pub fn changed_since_backup(&self, s: &Summary) -> bool {
        match self.of(&s.id).and_then(|c| c.backup).and_then(time) {
            Some(t) => s.updated_at > t,
            None => true,
        }
    }

    /// The reminder, when some assessment has changed since its last backup and the backup
    /// (or, with none yet, the earliest change not backed up) is more than `after` working
    /// days before `today`.
    pub fn reminder(
        &self,
        summaries: &[Summary],
        today: NaiveDate,
        after: u32,
        calendar: &Calendar,
    ) -> Option<Reminder> {
        let changed: Vec<&Summary> = summaries
            .iter()
            .filter(|s| self.changed_since_backup(s))
            .collect();
        let last_backup = self.last_backup.and_then(time);
        let since = match last_backup {
            Some(t) => t,
            None => changed.iter().map(|s| s.updated_at).min()?,
        };
        let days = calendar.working_days_between(since.date_naive(), today).0;
        (!changed.is_empty() && days > after).then_some(Reminder {
            changed: changed.len(),
            last_backup,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn summary(id: &str, updated: &str) -> Summary {
        Summary {
            format: super::super::summary::SUMMARY_FORMAT,
            of: String::new(),
            id: id.into(),
            title: id.into(),
            kind: String::new(),
            referral: None,
            deadlines: Vec::new(),
            authorised: None,
            updated_at: t(updated),
            needs_repair: false,
        }
    }

    #[test]
    fn the_reminder_comes_after_the_set_working_days_and_goes_with_a_backup() {
        let cal = Calendar::england_and_wales();
        let list = vec![
            summary("a", "2026-12-01T10:00:00Z"),
            summary("b", "2026-12-02T10:00:00Z"),
        ];
        let mut log = BackupLog::default();
        // Never backed up: counted from the earliest change (Tuesday 1 December).
        assert_eq!(log.reminder(&list, day("2026-12-03"), 2, cal), None);
        assert_eq!(
            log.reminder(&list, day("2026-12-04"), 2, cal),
            Some(Reminder {
                changed: 2,
                last_backup: None
            })
        );
        // Backed up on Friday 4 December: nothing changed since, no reminder.
        log.backed_up(["a", "b"], t("2026-12-04T17:00:00Z"));
        assert_eq!(log.reminder(&list, day("2026-12-20"), 2, cal), None);
        // One changes on Monday; the backup is two working days old on Tuesday (the weekend
        // does not count), three on Wednesday.
        let list = vec![summary("a", "2026-12-07T09:00:00Z"), list[1].clone()];
        assert_eq!(log.reminder(&list, day("2026-12-08"), 2, cal), None);
        assert_eq!(
            log.reminder(&list, day("2026-12-09"), 2, cal),
            Some(Reminder {
                changed: 1,
                last_backup: Some(t("2026-12-04T17:00:00Z"))
            })
        );
        // A preference of 5 working days waits longer.
        assert_eq!(log.reminder(&list, day("2026-12-09"), 5, cal), None);
        // Bank holidays do not count: Friday 24 December 2026 backup; Christmas Day and Boxing
        // Day (substitute Monday 28th) are holidays.
        let mut log = BackupLog::default();
        log.backed_up(["a"], t("2026-12-24T12:00:00Z"));
        let list = vec![summary("a", "2026-12-24T15:00:00Z")];
        assert_eq!(log.reminder(&list, day("2026-12-30"), 2, cal), None);
        assert!(log.reminder(&list, day("2026-12-31"), 2, cal).is_some());
    }

    #[test]
    fn the_last_copy_is_the_later_of_a_backup_and_an_export() {
        let mut log = BackupLog::default();
        assert_eq!(log.last_copy("a"), None);
        log.exported("a", t("2026-12-01T10:00:00Z"));
        assert_eq!(
            log.last_copy("a"),
            Some(LastCopy::Exported(t("2026-12-01T10:00:00Z")))
        );
        log.backed_up(["a"], t("2026-12-02T10:00:00Z"));
        assert_eq!(
            log.last_copy("a"),
            Some(LastCopy::BackedUp(t("2026-12-02T10:00:00Z")))
        );
        // An export does not count as a backup for the reminder.
        log.exported("a", t("2026-12-03T10:00:00Z"));
        assert_eq!(
            log.last_copy("a"),
            Some(LastCopy::Exported(t("2026-12-03T10:00:00Z")))
        );
        assert!(log.changed_since_backup(&summary("a", "2026-12-02T11:00:00Z")));
        // Stored as numbers and read back.
        let text = serde_json::to_string(&log).unwrap();
        assert!(text.contains("\"lastBackup\":1796"), "{text}");
        assert_eq!(serde_json::from_str::<BackupLog>(&text).unwrap(), log);
    }
}
