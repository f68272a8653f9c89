//! Reading a form's fields: every server function's text arguments become typed values here,
//! once, with a message a person can act on when a value cannot be read.

use crate::error::AppError;
use chrono::{Datelike, NaiveDate};

/// The years a session or deadline date may fall in. PostgreSQL stores dates from 4713 BC, but a
/// date outside these years is a typing mistake in this domain, and refusing it here keeps a
/// value like `-4713-01-01` from ever reaching the database.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A form's date (`YYYY-MM-DD`); blank means "not set".
pub fn date(value: Option<String>, what: &str) -> Result<Option<NaiveDate>, AppError> {
    let Some(text) = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        AppError::invalid(format!(
            "The {what} date must be written as year-month-day, for example 2027-05-17."
        ))
    })?;
    if !YEARS.contains(&date.year()) {
        return Err(AppError::invalid(format!(
            "The {what} date must fall between {} and {}.",
            YEARS.start(),
            YEARS.end()
        )));
    }
    Ok(Some(date))
}

/// A form's whole number within `range`.
pub fn number(
    value: &str,
    what: &str,
    range: std::ops::RangeInclusive<i32>,
) -> Result<i32, AppError> {
    value
        .trim()
        .parse()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            AppError::invalid(format!(
                "{what} must be a whole number from {} to {}.",
                range.start(),
                range.end()
            ))
        })
}

/// An optional record number such as an obligation's ("42" or "#42"); blank means absent.
pub fn record_id(value: Option<String>, what: &str) -> Result<Option<i64>, AppError> {
    value
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.trim_start_matches('#')
                .parse::<i64>()
                .ok()
                .filter(|id| *id > 0)
                .ok_or_else(|| AppError::invalid(format!("{what} must be a number, such as 42.")))
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_year_month_day_within_sensible_years() {
        assert_eq!(date(None, "opening"), Ok(None));
        assert_eq!(date(Some(" ".into()), "opening"), Ok(None));
        assert_eq!(
            date(Some("2027-05-17".into()), "opening"),
            Ok(NaiveDate::from_ymd_opt(2027, 5, 17))
        );
        for bad in ["-4713-01-01", "17/05/2027", "2027-02-30", "99999-01-01"] {
            let err = date(Some(bad.into()), "opening").unwrap_err();
            assert_eq!(err.status(), 422, "{bad}");
        }
    }

    #[test]
    fn numbers_and_ids_refuse_what_is_not_one() {
        assert_eq!(number(" 35 ", "The session number", 1..=10_000), Ok(35));
        assert!(number("0", "The session number", 1..=10_000).is_err());
        assert!(number("99999999999", "The session number", 1..=10_000).is_err());
        assert_eq!(record_id(Some("#42".into()), "It"), Ok(Some(42)));
        assert_eq!(record_id(None, "It"), Ok(None));
        assert!(record_id(Some("abc".into()), "It").is_err());
    }
}
