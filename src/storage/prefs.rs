//! Small preferences kept in localStorage through gloo-storage (never assessment content).

use gloo_storage::{LocalStorage, Storage};

const LAST_PROFILE: &str = "assessment-workbench.last-profile";

/// The procedure profile chosen for the last new assessment, if any.
pub fn last_profile() -> Option<String> {
    LocalStorage::get(LAST_PROFILE).ok()
}

/// Remembers the profile chosen for a new assessment. Failure to remember is harmless.
pub fn set_last_profile(id: &str) {
    let _ = LocalStorage::set(LAST_PROFILE, id);
}

const LIST_SORT: &str = "assessment-workbench.list-sort";

/// How the assessment list is sorted: `"changed"` (default) or `"due"`.
pub fn list_sort() -> String {
    LocalStorage::get(LIST_SORT).unwrap_or_else(|_| "changed".to_owned())
}

/// Remembers how the assessment list is sorted.
pub fn set_list_sort(v: &str) {
    let _ = LocalStorage::set(LIST_SORT, v);
}

const LA_CODE: &str = "assessment-workbench.la-code";

/// The council's local authority code, set once for the case-system exports.
pub fn la_code() -> Option<u32> {
    LocalStorage::get(LA_CODE).ok()
}

/// Remembers the council's code.
pub fn set_la_code(code: u32) {
    let _ = LocalStorage::set(LA_CODE, code);
}

const BACKUP_LOG: &str = "assessment-workbench.backup-log";

/// When each assessment was last backed up or exported from this device.
pub fn backup_log() -> super::backup_log::BackupLog {
    LocalStorage::get(BACKUP_LOG).unwrap_or_default()
}

/// Changes the backup log (read afresh, so another tab's notes are kept). Failure to remember
/// is harmless: the reminder comes sooner.
pub fn note_in_backup_log(change: impl FnOnce(&mut super::backup_log::BackupLog)) {
    let mut log = backup_log();
    change(&mut log);
    let _ = LocalStorage::set(BACKUP_LOG, &log);
}

const REMINDER_DAYS: &str = "assessment-workbench.backup-reminder-days";

/// Working days after which a change not backed up brings the reminder.
pub fn backup_reminder_days() -> u32 {
    LocalStorage::get(REMINDER_DAYS).unwrap_or(super::backup_log::DEFAULT_REMINDER_DAYS)
}

/// Sets the working days before the reminder.
pub fn set_backup_reminder_days(days: u32) {
    let _ = LocalStorage::set(REMINDER_DAYS, days);
}
