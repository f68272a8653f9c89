//! How dates read on every page ("3 December 2020"), in one place.

pub use crate::domain::calendar::day;
use chrono::NaiveDate;

/// A date that may not be known yet.
pub fn day_or_unset(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "date not set".to_string(), day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_day_month_year() {
        let date = NaiveDate::from_ymd_opt(2020, 12, 3).unwrap();
        assert_eq!(day(date), "3 December 2020");
        assert_eq!(day_or_unset(None), "date not set");
    }
}
