//! How long an assessment took: working days from referral to authorisation (the referral day
//! is day 0, as the DfE's "same day" band reads), and the DfE's published duration bands.

use super::calendar::Calendar;
use crate::model::Assessment;

/// The DfE's bands, in order: the label and the most working days in it.
pub const BANDS: [(&str, u32); 9] = [
    ("Same day", 0),
    ("1-10", 10),
    ("11-20", 20),
    ("21-30", 30),
    ("31-40", 40),
    ("41-45", 45),
    ("46-50", 50),
    ("51-60", 60),
    ("61+", u32::MAX),
];

/// The band of a number of working days.
pub fn band(days: u32) -> &'static str {
    BANDS
        .iter()
        .find(|(_, most)| days <= *most)
        .map_or("61+", |(label, _)| label)
}

/// Working days from referral to the first authorisation, when both are recorded.
pub fn taken(a: &Assessment) -> Option<u32> {
    let (from, to) = (a.referral_date?, a.case.authorised_on()?);
    Some(
        Calendar::england_and_wales()
            .working_days_between(from, to)
            .0,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn every_band_edge() {
        let cases = [
            (0, "Same day"),
            (1, "1-10"),
            (10, "1-10"),
            (11, "11-20"),
            (20, "11-20"),
            (21, "21-30"),
            (30, "21-30"),
            (31, "31-40"),
            (40, "31-40"),
            (41, "41-45"),
            (45, "41-45"),
            (46, "46-50"),
            (50, "46-50"),
            (51, "51-60"),
            (60, "51-60"),
            (61, "61+"),
            (400, "61+"),
        ];
        for (days, want) in cases {
            assert_eq!(band(days), want, "{days} working days");
        }
    }

    #[test]
    fn working_days_count_from_the_referral_to_authorisation_over_a_bank_holiday() {
        let mut a = crate::edit::register::tests::demo_case();
        assert_eq!(taken(&a), None);
        // Referred on Friday 18 December 2026; authorised Tuesday 29 December: Monday 21 to
        // Thursday 24 are 4 working days, Christmas Day (Friday 25) and Boxing Day (substitute
        // Monday 28) are bank holidays, Tuesday 29 is the 5th.
        a.referral_date = NaiveDate::from_ymd_opt(2026, 12, 18);
        a.case
            .authorisations
            .push(crate::model::case_record::Authorisation {
                number: 1,
                on: NaiveDate::from_ymd_opt(2026, 12, 29).unwrap(),
                manager: "Pat".into(),
                comment: String::new(),
                update_reason: String::new(),
                record: String::new(),
            });
        assert_eq!(taken(&a), Some(5));
        assert_eq!(band(taken(&a).unwrap()), "1-10");
    }
}
