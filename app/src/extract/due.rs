//! Deadlines stated as dates or delays rather than sessions: "by 31 December 2023", "no later
//! than the end of 2026", "within 90 days of the adoption of the present resolution", "within
//! six months", "within 100 working days".

use chrono::{Datelike, Days, Months, NaiveDate};

use super::Due;

/// The date `due` falls on for a text adopted on `adopted` (YYYY-MM-DD).
pub fn due_date_from(due: &Due, adopted: &str) -> Option<String> {
    if let Some(date) = &due.due_date {
        return Some(date.clone());
    }
    let adopted = NaiveDate::parse_from_str(adopted.trim(), "%Y-%m-%d").ok()?;
    let date = if let Some(months) = due.due_within_months {
        adopted.checked_add_months(Months::new(months))?
    } else {
        adopted.checked_add_days(Days::new(u64::from(due.due_within_days?)))?
    };
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month(),
        date.day()
    ))
}
