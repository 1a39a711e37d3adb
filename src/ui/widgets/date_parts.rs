//! Reading a date typed as day, month and year (the GOV.UK date input), with the messages GOV.UK
//! uses when it is incomplete or not a real date. No browser involved: tested natively.

use chrono::{Datelike, NaiveDate};

/// The earliest and latest years accepted.
pub const YEARS: (i32, i32) = (1900, 2100);

/// What three typed parts amount to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateEntry {
    /// Nothing typed.
    Empty,
    /// A real date.
    Date(NaiveDate),
    /// Something typed that is not a real date: the message says what is wrong.
    Invalid(String),
}

impl DateEntry {
    /// The value this entry stands for (a date, or none when all is empty); `None` while it
    /// is not a real date.
    pub fn value(&self) -> Option<Option<NaiveDate>> {
        match self {
            DateEntry::Date(d) => Some(Some(*d)),
            DateEntry::Empty => Some(None),
            DateEntry::Invalid(_) => None,
        }
    }
}

/// The typed day, month and year of `date`, as a person would write them (no leading zeros).
pub fn parts(date: NaiveDate) -> (String, String, String) {
    (
        date.day().to_string(),
        date.month().to_string(),
        date.year().to_string(),
    )
}

/// Reads the three parts; `label` names the date in the message (e.g. "Date of birth").
pub fn read(day: &str, month: &str, year: &str, label: &str) -> DateEntry {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    let missing: Vec<&str> = [("day", d), ("month", m), ("year", y)]
        .iter()
        .filter(|(_, v)| v.is_empty())
        .map(|(name, _)| *name)
        .collect();
    match missing.len() {
        3 => return DateEntry::Empty,
        0 => {}
        _ => {
            let list = match missing.as_slice() {
                [one] => (*one).to_string(),
                [a, b] => format!("{a} and {b}"),
                _ => unreachable!("three missing is empty"),
            };
            return DateEntry::Invalid(format!("{label} must include a {list}"));
        }
    }
    let number = |s: &str| -> Option<u32> {
        (s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())?
    };
    if y.len() != 4 || number(y).is_none() {
        return DateEntry::Invalid("Year must include 4 numbers".into());
    }
    let real = match (number(d), number(m).or_else(|| month_named(m)), number(y)) {
        (Some(d), Some(m), Some(y)) => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    };
    match real {
        None => DateEntry::Invalid(format!("{label} must be a real date")),
        Some(date) if !(YEARS.0..=YEARS.1).contains(&date.year()) => DateEntry::Invalid(format!(
            "{label} must be between {} and {}",
            YEARS.0, YEARS.1
        )),
        Some(date) => DateEntry::Date(date),
    }
}

/// A month written as a word ("March", "mar", "Sept"), as GOV.UK's date input accepts.
fn month_named(s: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let s = s.to_lowercase();
    if s.len() < 3 {
        return None;
    }
    let s = if s == "sept" { "sep".to_string() } else { s };
    MONTHS
        .iter()
        .position(|m| m.starts_with(&s))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn real_dates_are_read_with_or_without_leading_zeros() {
        assert_eq!(
            read("9", "11", "2026", "Referral date"),
            DateEntry::Date(ymd(2026, 11, 9))
        );
        assert_eq!(
            read(" 09 ", "03", "2027", "x"),
            DateEntry::Date(ymd(2027, 3, 9))
        );
        assert_eq!(
            read("29", "2", "2028", "x"),
            DateEntry::Date(ymd(2028, 2, 29))
        );
        assert_eq!(read("", " ", "", "x"), DateEntry::Empty);
        assert_eq!(read("", "", "", "x").value(), Some(None));
        assert_eq!(
            read("9", "11", "2026", "x").value(),
            Some(Some(ymd(2026, 11, 9)))
        );
        assert_eq!(read("9", "", "2026", "x").value(), None);
        for (month, n) in [("March", 3), ("sept", 9), ("DEC", 12), ("feb", 2)] {
            assert_eq!(
                read("1", month, "2027", "x"),
                DateEntry::Date(ymd(2027, n, 1)),
                "{month}"
            );
        }
    }

    #[test]
    fn incomplete_dates_say_what_is_missing() {
        let cases = [
            (("", "4", "2017"), "Date of birth must include a day"),
            (("2", "", "2017"), "Date of birth must include a month"),
            (("2", "4", ""), "Date of birth must include a year"),
            (("2", "", ""), "Date of birth must include a month and year"),
            (
                ("", "", "2017"),
                "Date of birth must include a day and month",
            ),
            (("2", "4", "17"), "Year must include 4 numbers"),
            (("30", "2", "2017"), "Date of birth must be a real date"),
            (("2", "13", "2017"), "Date of birth must be a real date"),
            (("2", "ju", "2017"), "Date of birth must be a real date"),
            (
                ("2", "marching", "2017"),
                "Date of birth must be a real date",
            ),
            (("two", "4", "2017"), "Date of birth must be a real date"),
            (("-1", "4", "2017"), "Date of birth must be a real date"),
            (
                ("1", "1", "1899"),
                "Date of birth must be between 1900 and 2100",
            ),
        ];
        for ((d, m, y), want) in cases {
            assert_eq!(
                read(d, m, y, "Date of birth"),
                DateEntry::Invalid(want.into()),
                "{d}/{m}/{y}"
            );
        }
    }

    #[test]
    fn parts_round_trip() {
        let d = ymd(2021, 9, 3);
        let (day, month, year) = parts(d);
        assert_eq!(
            (day.as_str(), month.as_str(), year.as_str()),
            ("3", "9", "2021")
        );
        assert_eq!(read(&day, &month, &year, "x"), DateEntry::Date(d));
    }
}
