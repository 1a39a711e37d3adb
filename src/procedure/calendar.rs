//! Working days in England and Wales: Monday to Friday, less the bank holidays in a built-in
//! table (data, `data/bank-holidays-england-wales.json`, 2024 to 2030).
//!
//! How days are counted: the referral (or start) day is day 0, whatever day of the week it
//! is; day 1 is the first working day after it, and so on. "Within 45 working days" means on or
//! before day 45.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct Table {
    from: i32,
    to: i32,
    /// `YYYY-MM-DD`, read by [`iso_day`] rather than chrono's parser, which the list's small
    /// front module would otherwise carry for this table alone.
    dates: Vec<String>,
}

/// A `YYYY-MM-DD` date.
fn iso_day(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, '-').map(str::parse::<u32>);
    let (y, m, d) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// The bank holiday table.
pub struct Calendar {
    /// In order (the table is written in order; a test checks), searched by halves.
    holidays: Vec<NaiveDate>,
    /// First and last year the table covers.
    pub years: (i32, i32),
}

/// A count of working days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct WorkingDays(pub u32);

impl Calendar {
    /// The built-in England and Wales calendar.
    pub fn england_and_wales() -> &'static Calendar {
        static CAL: OnceLock<Calendar> = OnceLock::new();
        CAL.get_or_init(|| {
            // No formatting of the error (less code in the front): the tests check the table.
            let Ok(t) = serde_json::from_str::<Table>(include_str!(
                "data/bank-holidays-england-wales.json"
            )) else {
                panic!("the bank holiday table is checked by tests")
            };
            Calendar {
                holidays: t
                    .dates
                    .iter()
                    .map(|d| iso_day(d).expect("the bank holiday table is checked by tests"))
                    .collect(),
                years: (t.from, t.to),
            }
        })
    }

    /// The last year the bank holiday table holds.
    pub fn last_year(&self) -> i32 {
        self.years.1
    }

    /// Whether the table covers this date's year (outside it, only weekends are known).
    pub fn covers(&self, d: NaiveDate) -> bool {
        (self.years.0..=self.years.1).contains(&d.year())
    }

    /// Whether `d` is a bank holiday.
    pub fn is_bank_holiday(&self, d: NaiveDate) -> bool {
        self.holidays.binary_search(&d).is_ok()
    }

    /// Whether `d` is a working day.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_bank_holiday(d)
    }

    /// The date of working day `n`, counting `from` as day 0.
    pub fn add_working_days(&self, from: NaiveDate, n: WorkingDays) -> NaiveDate {
        let mut d = from;
        let mut left = n.0;
        while left > 0 {
            d = d.succ_opt().expect("dates stay in range");
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// How many working days after `from` the date `to` is (0 when `to` is not after `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> WorkingDays {
        let mut n = 0;
        let mut d = from;
        while d < to {
            d = d.succ_opt().expect("dates stay in range");
            if self.is_working_day(d) {
                n += 1;
            }
        }
        WorkingDays(n)
    }

    /// All bank holidays in the table, in order.
    pub fn bank_holidays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.holidays.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse::<NaiveDate>().unwrap()
    }

    /// Easter Sunday by the anonymous Gregorian algorithm: an independent check of the table.
    fn easter(y: i32) -> NaiveDate {
        let a = y % 19;
        let b = y / 100;
        let c = y % 100;
        let dd = b / 4;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - dd - g + 15) % 30;
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        NaiveDate::from_ymd_opt(y, month as u32, day as u32).unwrap()
    }

    #[test]
    fn table_has_eight_weekday_holidays_a_year_including_good_friday_and_easter_monday() {
        let cal = Calendar::england_and_wales();
        assert_eq!(cal.years, (2024, 2030));
        for y in 2024..=2030 {
            let in_year: Vec<_> = cal.bank_holidays().filter(|h| h.year() == y).collect();
            assert_eq!(in_year.len(), 8, "{y}");
            assert!(
                in_year
                    .iter()
                    .all(|h| !matches!(h.weekday(), Weekday::Sat | Weekday::Sun)),
                "{y}"
            );
            let e = easter(y);
            assert!(
                cal.is_bank_holiday(e - chrono::Duration::days(2)),
                "Good Friday {y}"
            );
            assert!(
                cal.is_bank_holiday(e + chrono::Duration::days(1)),
                "Easter Monday {y}"
            );
        }
    }

    #[test]
    fn the_table_is_in_order_with_no_day_twice_so_it_can_be_searched_by_halves() {
        let days: Vec<NaiveDate> = Calendar::england_and_wales().bank_holidays().collect();
        assert!(days.len() > 40);
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
        assert_eq!(iso_day("2026-12-28"), Some(d("2026-12-28")));
        assert_eq!(iso_day("2026-13-01"), None);
        assert_eq!(iso_day("28/12/2026"), None);
    }

    #[test]
    fn weekends_and_bank_holidays_are_not_working_days() {
        let cal = Calendar::england_and_wales();
        assert!(!cal.is_working_day(d("2026-11-28"))); // Saturday
        assert!(!cal.is_working_day(d("2026-12-28"))); // substitute Boxing Day
        assert!(cal.is_working_day(d("2026-12-24")));
        assert!(!cal.is_working_day(d("2028-01-03"))); // substitute New Year's Day
    }

    #[test]
    fn day_zero_is_the_day_itself() {
        let cal = Calendar::england_and_wales();
        assert_eq!(
            cal.add_working_days(d("2026-11-25"), WorkingDays(0)),
            d("2026-11-25")
        );
        assert_eq!(
            cal.add_working_days(d("2026-11-28"), WorkingDays(1)),
            d("2026-11-30")
        ); // from a Saturday
        assert_eq!(
            cal.working_days_between(d("2026-11-25"), d("2026-11-25")),
            WorkingDays(0)
        );
        assert_eq!(
            cal.working_days_between(d("2026-11-27"), d("2026-11-30")),
            WorkingDays(1)
        );
    }

    #[test]
    fn counting_crosses_christmas_with_a_substitute_day() {
        let cal = Calendar::england_and_wales();
        // Thu 24 Dec 2026 + 1 = Tue 29 Dec (25 Fri, 26-27 weekend, 28 substitute).
        assert_eq!(
            cal.add_working_days(d("2026-12-24"), WorkingDays(1)),
            d("2026-12-29")
        );
        // Fri 24 Dec 2027 + 1 = Wed 29 Dec (27 and 28 both substitutes).
        assert_eq!(
            cal.add_working_days(d("2027-12-24"), WorkingDays(1)),
            d("2027-12-29")
        );
        // Thu 30 Dec 2027 + 2 = Tue 4 Jan 2028 (31 Fri, then 3 Jan substitute).
        assert_eq!(
            cal.add_working_days(d("2027-12-30"), WorkingDays(2)),
            d("2028-01-04")
        );
    }

    #[test]
    fn counting_crosses_easter() {
        let cal = Calendar::england_and_wales();
        // Thu 2 Apr 2026 + 1 = Tue 7 Apr (Good Friday 3rd, Easter Monday 6th).
        assert_eq!(
            cal.add_working_days(d("2026-04-02"), WorkingDays(1)),
            d("2026-04-07")
        );
        assert_eq!(
            cal.working_days_between(d("2026-04-02"), d("2026-04-07")),
            WorkingDays(1)
        );
    }

    #[test]
    fn between_inverts_add() {
        let cal = Calendar::england_and_wales();
        let start = d("2026-10-30");
        for n in [0, 1, 5, 10, 15, 25, 45, 60] {
            let end = cal.add_working_days(start, WorkingDays(n));
            assert_eq!(cal.working_days_between(start, end), WorkingDays(n));
        }
    }
}
