//! Storage failures, each with plain words for the "Not saved" status and error pages.

use std::fmt;

/// Why the store could not do what was asked. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused the write for lack of space (IndexedDB quota).
    QuotaExceeded,
    /// The database could not be opened: private browsing, storage turned off, or an upgrade
    /// blocked by another tab.
    Unavailable(String),
    /// The browser cancelled the write without saying why (IndexedDB reports a full disk at
    /// commit time as an abort whose reason rexie does not pass on).
    WriteAborted,
    /// Another tab or window saved this record since it was loaded here.
    Conflict { stored: u64, expected: u64 },
    /// A stored record could not be read back.
    Corrupt { id: String, reason: String },
    /// The assessment breaks a rule of a valid assessment, so it was not written.
    Invalid { reason: String },
    /// The assessments are protected with a passphrase and the app is locked.
    Locked,
    /// A protected record could not be decrypted (the wrong key, or the record was damaged).
    Undecryptable { id: String },
    /// The browser gave no cryptographic random numbers, so nothing was encrypted or written.
    NoSecureRandom,
    /// Anything else the browser reported.
    Failed(String),
}

impl StorageError {
    /// Classifies a browser error message.
    pub fn from_browser_message(msg: &str) -> Self {
        let lower = msg.to_ascii_lowercase();
        if lower.contains("quota") {
            StorageError::QuotaExceeded
        } else {
            StorageError::Failed(msg.to_owned())
        }
    }
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::QuotaExceeded => f.write_str(
                "this device has run out of storage space for the app. Free some space (for example, empty the bin or delete exported assessments), then try again",
            ),
            StorageError::Unavailable(why) => write!(
                f,
                "the browser's storage cannot be opened ({why}). Private browsing, turning off site data, or the app being open in another tab during an update can cause this"
            ),
            StorageError::WriteAborted => f.write_str(
                "the browser cancelled the write, most often because this device is out of storage space for the app. Free some space (for example, empty the bin), then try again",
            ),
            StorageError::Conflict { .. } => f.write_str(
                "this assessment was changed in another tab or window since you opened it here",
            ),
            StorageError::NoSecureRandom => f.write_str(
                "this browser could not supply secure random numbers, so nothing was encrypted or saved. Try again, or use an up-to-date browser",
            ),
            StorageError::Invalid { reason } => write!(
                f,
                "the change was not saved, because the assessment could not then be opened again ({reason}). Nothing stored was changed"
            ),
            StorageError::Corrupt { id, reason } => {
                write!(f, "the stored assessment {id} could not be read: {reason}")
            }
            StorageError::Locked => f.write_str(
                "the app is locked. Unlock it with your passphrase to see and change assessments",
            ),
            StorageError::Undecryptable { id } => write!(
                f,
                "the stored assessment {id} could not be decrypted with this passphrase"
            ),
            StorageError::Failed(why) => write!(f, "the browser reported an error: {why}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_errors_are_recognised_in_browser_messages() {
        assert_eq!(
            StorageError::from_browser_message(
                "DOMException: QuotaExceededError: The quota has been exceeded."
            ),
            StorageError::QuotaExceeded
        );
        assert!(matches!(
            StorageError::from_browser_message("AbortError"),
            StorageError::Failed(_)
        ));
        assert!(StorageError::QuotaExceeded
            .to_string()
            .contains("run out of storage space"));
    }
}
