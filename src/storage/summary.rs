//! What the list of assessments shows of each one, stored beside its record (in the same write,
//! sealed the same way), so the list can be drawn without reading, checking or migrating whole
//! documents. The record always wins: a summary that is missing, of an older format, or not of
//! the document as stored (its fingerprint differs) is not used; the list rebuilds it from the
//! record.

use crate::flow::Flow;
use crate::model::Assessment;
use crate::procedure::timescales::DueState;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The summary format written now; a stored summary of another format is rebuilt (by the
/// workbench, which reads the record). Raise it when what a summary holds changes, or when a
/// release adds a rule to `model::validity` without a new schema version: a summary says
/// whether its record needs repair, which a new rule can change though the record has not.
///
/// Format 2 stores dates as numbers (days of the common era; milliseconds since 1970), so the
/// front reads them without chrono's text parser.
pub const SUMMARY_FORMAT: u32 = 2;

/// One assessment as the list shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub format: u32,
    /// The fingerprint of the stored document text it summarises ([`fingerprint`]).
    pub of: String,
    pub id: String,
    /// The children's names, as the assessment's title.
    pub title: String,
    /// The type of assessment, in words.
    pub kind: String,
    #[serde(with = "days::optional")]
    pub referral: Option<NaiveDate>,
    /// Every dated obligation in the profile's order: what it is, when, and whether done.
    pub deadlines: Vec<Due>,
    /// When it was authorised, and the working days from referral it took.
    pub authorised: Option<Authorised>,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    /// The stored record breaks a rule: it opens repaired.
    pub needs_repair: bool,
}

/// A dated obligation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Due {
    pub label: String,
    #[serde(with = "days")]
    pub due: NaiveDate,
    pub done: bool,
}

/// An authorised assessment's date and the working days it took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Authorised {
    #[serde(with = "days")]
    pub on: NaiveDate,
    pub working_days: Option<u32>,
}

impl Summary {
    /// The summary of `a`, stored as `text` (`needs_repair` when it was read from a record that
    /// breaks a rule).
    pub fn of(a: &Assessment, text: &str, needs_repair: bool) -> Summary {
        let deadlines = crate::procedure::of(a)
            .map(|p| {
                // Due dates do not depend on the day they are worked out; only their state does.
                Flow::new(a, p, a.updated_at.date_naive())
                    .deadlines()
                    .into_iter()
                    .map(|d| Due {
                        done: matches!(d.state, DueState::Done { .. }),
                        label: d.label,
                        due: d.due,
                    })
                    .collect()
            })
            .unwrap_or_default();
        Summary {
            format: SUMMARY_FORMAT,
            of: fingerprint(text),
            id: a.id.to_string(),
            title: a.title(),
            kind: a.assessment_type.label().to_owned(),
            referral: a.referral_date,
            deadlines,
            authorised: a.case.authorised_on().map(|on| Authorised {
                on,
                working_days: crate::procedure::durations::taken(a),
            }),
            // To the millisecond, as stored: a summary equals its stored form.
            updated_at: DateTime::from_timestamp_millis(a.updated_at.timestamp_millis())
                .unwrap_or(a.updated_at),
            needs_repair,
        }
    }

    /// The stored form: JSON text.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a summary always serialises")
    }

    /// A stored summary of this format, or `None` (then it is rebuilt from the record).
    pub fn from_text(text: &str) -> Option<Summary> {
        serde_json::from_str::<Summary>(text)
            .ok()
            .filter(|s| s.format == SUMMARY_FORMAT)
    }

    /// The first obligation not yet done.
    pub fn next_due(&self) -> Option<&Due> {
        self.deadlines.iter().find(|d| !d.done)
    }

    /// How many obligations are past their date and not done, on `today`.
    pub fn overdue(&self, today: NaiveDate) -> usize {
        self.deadlines
            .iter()
            .filter(|d| !d.done && today > d.due)
            .count()
    }
}

/// A fingerprint of a stored document's text (64-bit FNV-1a, in hex): cheap to work out for the
/// list, and different whenever the text is, for any change a writer makes.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A date as its day of the common era (1 January of year 1 is day 1): a number the front reads
/// without parsing text.
mod days {
    use chrono::{Datelike, NaiveDate};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i32(d.num_days_from_ce())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let n = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| D::Error::custom("no such day"))
    }

    /// The same for a date that may be missing.
    pub mod optional {
        use chrono::NaiveDate;
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            #[derive(Deserialize)]
            struct Day(#[serde(with = "super")] NaiveDate);
            Ok(Option::<Day>::deserialize(d)?.map(|Day(d)| d))
        }
    }
}
