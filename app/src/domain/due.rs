//! Deadlines written as a date rather than a session: "no later than 31 March 2027", "by the end
//! of 2026", "within 90 days of the adoption of the present resolution", "within six months",
//! "within 100 working days". The Security Council and many funds and programmes write this way.
//!
//! The extractor reads a [`Due`] from the text; the import stores it with the mandate (its
//! [`Display`](fmt::Display) text, read back by [`FromStr`]) and resolves it to a date with the
//! adoption date ([`Due::date`]). An obligation with such a date is due *on* it: the date is both
//! the submission and the issuance deadline, whatever session the body then holds.

#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// What a span counted from the adoption is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueUnit {
    /// Calendar days ("within 90 days").
    Days,
    /// Monday to Friday ("within 100 working days"); official holidays are not known here.
    WorkingDays,
    /// Calendar months ("within six months": 24 May → 24 November; the end of a shorter month
    /// when the day does not exist there).
    Months,
}

impl DueUnit {
    const fn words(self, count: u32) -> &'static str {
        match (self, count) {
            (DueUnit::Days, 1) => "day",
            (DueUnit::Days, _) => "days",
            (DueUnit::WorkingDays, 1) => "working day",
            (DueUnit::WorkingDays, _) => "working days",
            (DueUnit::Months, 1) => "month",
            (DueUnit::Months, _) => "months",
        }
    }
}

/// A deadline given as a date, or as a span from the adoption of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Due {
    /// A day the text names ("no later than 31 March 2027"; "by the end of 2026" is
    /// 31 December 2026).
    On { date: NaiveDate },
    /// `count` units after the adoption ("within 90 days of its adoption").
    Within { count: u32, unit: DueUnit },
}

impl Due {
    /// The day it falls on, for a text adopted on `adopted` (`None` when the span cannot be
    /// counted: no adoption date recorded, or a date outside chrono's range).
    pub fn date(self, adopted: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            Due::On { date } => Some(date),
            Due::Within { count, unit } => {
                let from = adopted?;
                match unit {
                    DueUnit::Days => from.checked_add_days(Days::new(u64::from(count))),
                    DueUnit::Months => from.checked_add_months(Months::new(count)),
                    DueUnit::WorkingDays => add_working_days(from, count),
                }
            }
        }
    }

    /// The deadline in words for pages: "by 31 March 2027", "within 90 days of adoption".
    pub fn words(self) -> String {
        match self {
            Due::On { date } => format!("by {}", super::calendar::day(date)),
            Due::Within { count, unit } => {
                format!("within {count} {} of adoption", unit.words(count))
            }
        }
    }
}

impl Due {
    /// The span between occurrences of a periodic deadline the extractor read ("every 90 days",
    /// "on a monthly basis"): months first, then days.
    pub fn every_of_extracted(found: &crate::extract::Due) -> Option<Due> {
        let span = |count: Option<u32>, unit| {
            count
                .filter(|c| (1..10_000).contains(c))
                .map(|count| Due::Within { count, unit })
        };
        span(found.every_months, DueUnit::Months).or_else(|| span(found.every_days, DueUnit::Days))
    }

    /// The day one span after `day` (the next occurrence of a periodic deadline); `None` for a
    /// named day, which is no span.
    pub fn after(self, day: NaiveDate) -> Option<NaiveDate> {
        match self {
            Due::On { .. } => None,
            span => span.date(Some(day)),
        }
    }

    /// A span as a rhythm, for pages: "every 60 days", "every month", "every 6 months";
    /// `None` for a named day.
    pub fn every_words(self) -> Option<String> {
        match self {
            Due::On { .. } => None,
            Due::Within { count: 1, unit } => Some(format!("every {}", unit.words(1))),
            Due::Within { count, unit } => Some(format!("every {count} {}", unit.words(count))),
        }
    }

    /// What the extractor read, as one deadline: a named day first, then a span in months,
    /// calendar days or working days.
    pub fn of_extracted(found: &crate::extract::Due) -> Option<Due> {
        let day = found
            .due_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        if let Some(date) = day {
            return Some(Due::On { date });
        }
        let within = |count: Option<u32>, unit| count.map(|count| Due::Within { count, unit });
        within(found.due_within_months, DueUnit::Months)
            .or_else(|| within(found.due_within_days, DueUnit::Days))
            .or_else(|| within(found.due_within_working_days, DueUnit::WorkingDays))
    }
}

/// Monday to Friday after `from`; `from` itself does not count.
fn add_working_days(from: NaiveDate, count: u32) -> Option<NaiveDate> {
    let mut day = from;
    let mut left = count;
    while left > 0 {
        day = day.succ_opt()?;
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    Some(day)
}

/// The stored text: `2027-03-31`, `90 days`, `100 working days`, `6 months`.
impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Due::On { date } => write!(f, "{}", date.format("%Y-%m-%d")),
            Due::Within { count, unit } => {
                let unit = match unit {
                    DueUnit::Days => "days",
                    DueUnit::WorkingDays => "working days",
                    DueUnit::Months => "months",
                };
                write!(f, "{count} {unit}")
            }
        }
    }
}

/// A stored deadline text that is not one [`Due`] writes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a deadline: {0:?}")]
pub struct DueError(pub String);

impl FromStr for Due {
    type Err = DueError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let refuse = || DueError(s.to_owned());
        if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            return Ok(Due::On { date });
        }
        let (count, unit) = s.split_once(' ').ok_or_else(refuse)?;
        let count: u32 = count.parse().map_err(|_| refuse())?;
        let unit = match unit {
            "days" => DueUnit::Days,
            "working days" => DueUnit::WorkingDays,
            "months" => DueUnit::Months,
            _ => return Err(refuse()),
        };
        Ok(Due::Within { count, unit })
    }
}
