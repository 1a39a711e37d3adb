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

/// A list in words: "Poppy", "Poppy and Alfie", "Poppy, Alfie and Rose".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The children as a family says them: "Poppy and Alfie Fairweather" when they share a
/// family name, else each full name ("Mia Sample and Leo Other").
pub fn children_in_words(a: &crate::model::Assessment) -> String {
    let kids: Vec<&crate::model::Person> = a.children().collect();
    let family = kids.first().map(|p| p.family_name.trim()).unwrap_or("");
    let shared = kids.len() > 1
        && !family.is_empty()
        && kids
            .iter()
            .all(|p| p.family_name.trim() == family && !p.given_name.trim().is_empty());
    if shared {
        let given: Vec<String> = kids
            .iter()
            .map(|p| p.given_name.trim().to_owned())
            .collect();
        format!("{} {family}", and_list(&given))
    } else {
        let names: Vec<String> = kids.iter().map(|p| p.display_name()).collect();
        and_list(&names)
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

#[cfg(test)]
mod names_tests {
    use super::*;
    use crate::model::{Person, PersonId, PersonRole};

    fn with_children(names: &[(&str, &str)]) -> crate::model::Assessment {
        let mut a = crate::edit::register::tests::demo_case();
        a.people.retain(|p| p.role != PersonRole::SubjectChild);
        for (i, (given, family)) in names.iter().enumerate() {
            let mut p = Person::new(
                PersonId::from_random([9, 9, 9, i as u8]),
                PersonRole::SubjectChild,
            );
            p.given_name = (*given).into();
            p.family_name = (*family).into();
            a.people.push(p);
        }
        a
    }

    #[test]
    fn children_are_named_as_a_family_says_them() {
        let words = |n: &[(&str, &str)]| children_in_words(&with_children(n));
        assert_eq!(words(&[("Poppy", "Fairweather")]), "Poppy Fairweather");
        assert_eq!(
            words(&[("Poppy", "Fairweather"), ("Alfie", "Fairweather")]),
            "Poppy and Alfie Fairweather"
        );
        assert_eq!(
            words(&[
                ("Poppy", "Fairweather"),
                ("Alfie", "Fairweather"),
                ("Rose", "Fairweather")
            ]),
            "Poppy, Alfie and Rose Fairweather"
        );
        assert_eq!(
            words(&[("Mia", "Sample"), ("Leo", "Other")]),
            "Mia Sample and Leo Other"
        );
        assert_eq!(
            words(&[("Mia", "Sample"), ("", "Sample")]),
            "Mia Sample and Sample"
        );
    }
}

/// An answer whose question the assessment's profile version does not ask, in words: as the
/// version that asked it would write it, or plainly when no version here asks it.
pub fn earlier_answer_words(e: &crate::procedure::upgrade::EarlierAnswer) -> Vec<String> {
    use crate::model::Answer;
    match (e.question, &e.answer) {
        (Some(q), a) => answer_words(q, a),
        (None, Answer::Text(t)) => vec![t.clone()],
        (None, Answer::Choices(vs)) => vs.clone(),
        (None, Answer::Items(items)) => items
            .iter()
            .map(|m| m.values().cloned().collect::<Vec<_>>().join("; "))
            .collect(),
    }
}
