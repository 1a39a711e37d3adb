//! Answers and dates in words, for summaries and "check your answers" pages.

use crate::model::Answer;
use crate::procedure::profile::{QuestionDef, QuestionKind};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date the GOV.UK way: 2 November 2026.
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// A short date: 2 Nov 2026.
pub fn short_date(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        &MONTHS[d.month0() as usize][..3],
        d.year()
    )
}

/// A date and time: 2 November 2026 at 3:04pm.
pub fn long_date_time(t: NaiveDateTime) -> String {
    let (pm, hour) = t.hour12();
    format!(
        "{} at {hour}:{:02}{}",
        long_date(t.date()),
        t.minute(),
        if pm { "pm" } else { "am" }
    )
}

fn date_words(v: &str) -> String {
    v.parse::<NaiveDate>()
        .map_or_else(|_| v.to_owned(), long_date)
}

fn field_words(f: &QuestionDef, v: &str) -> String {
    match f.kind {
        QuestionKind::Date => date_words(v),
        QuestionKind::YesNo | QuestionKind::Choice => f.value_label(v),
        _ => v.to_owned(),
    }
}

/// An answer in words, one line per entry.
pub fn answer_words(q: &QuestionDef, a: &Answer) -> Vec<String> {
    match a {
        Answer::Text(v) => vec![field_words(q, v)],
        Answer::Choices(vs) => vs.iter().map(|v| q.value_label(v)).collect(),
        Answer::Items(items) => items
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let parts: Vec<String> = q
                    .fields
                    .iter()
                    .filter_map(|f| {
                        m.get(&f.id)
                            .filter(|v| !v.trim().is_empty())
                            .map(|v| format!("{}: {}", f.label, field_words(f, v)))
                    })
                    .collect();
                let body = if parts.is_empty() {
                    "(empty)".to_owned()
                } else {
                    parts.join("; ")
                };
                format!("{}. {body}", i + 1)
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_in_words() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(long_date(d), "2 November 2026");
        assert_eq!(short_date(d), "2 Nov 2026");
        assert_eq!(
            long_date_time(d.and_hms_opt(15, 4, 0).unwrap()),
            "2 November 2026 at 3:04pm"
        );
        assert_eq!(
            long_date_time(d.and_hms_opt(0, 30, 0).unwrap()),
            "2 November 2026 at 12:30am"
        );
        assert_eq!(
            long_date_time(d.and_hms_opt(12, 0, 0).unwrap()),
            "2 November 2026 at 12:00pm"
        );
    }
}
