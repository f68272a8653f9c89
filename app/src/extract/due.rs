//! Deadlines stated as dates or delays rather than sessions: "by 31 December 2023", "no later
//! than the end of 2026", "within 90 days of the adoption of the present resolution", "within
//! six months", "within 100 working days".

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;

use super::Due;
use super::ordinal::parse_cardinal;
use super::text::any_byte;
use crate::domain::calendar::MONTHS;

/// "within 90 days", "no later than 12 months after", "within a period of six months".
static DELAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?i)(?-u:\b)(?:within(?:\s+the\s+next)?|no later than|not later than|in the next)\s+(?:a\s+period\s+of\s+)?",
        r"(?P<n>\d{1,4}|[a-z]+(?:[- ][a-z]+){0,3})\s+(?P<work>working\s+|business\s+)?",
        r"(?P<unit>days?|weeks?|months?|years?)(?-u:\b)"
    ))
});

/// "by 31 December 2023", "no later than 31 March 2027", "by the end of 2026",
/// "before the end of March 2027".
static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::re(concat!(
        r"(?-u:\b)(?:[Bb]y|[Bb]efore|[Nn]o later than|[Nn]ot later than|[Oo]n or before|[Uu]ntil)\s+",
        r"(?P<end>the end of\s+)?(?:(?P<day>\d{1,2})\s+)?(?:(?P<month>[A-Z][a-z]{2,8})\s+)?",
        r"(?P<year>(?:19|20)\d{2})(?-u:\b)"
    ))
});

/// The first date or delay `text` sets as a deadline, if any.
pub fn due_in(text: &str) -> Due {
    let mut due = Due::default();
    // most clauses set no such deadline: substring scans spare them the regexes
    let may_date = any_byte(text.as_bytes(), |b| b.is_ascii_digit());
    let may_delay = may_date
        || text.contains("within")
        || text.contains("later than")
        || text.contains(" next ");
    if !may_delay && !may_date {
        return due;
    }
    let delay = DELAY.as_ref().filter(|_| may_delay).and_then(|re| {
        re.captures_iter(text).find_map(|c| {
            let n = parse_cardinal(c.name("n")?.as_str())?;
            let unit = c.name("unit")?.as_str().to_lowercase();
            Some((c.get(0)?.start(), n, unit, c.name("work").is_some()))
        })
    });
    let date = DATE.as_ref().filter(|_| may_date).and_then(|re| {
        re.captures_iter(text)
            .find_map(|c| Some((c.get(0)?.start(), date_of(&c)?)))
    });
    match (delay, date) {
        (Some((at, ..)), Some((date_at, date))) if date_at < at => due.due_date = Some(date),
        (Some((_, n, unit, working)), _) => {
            if working {
                due.due_within_working_days = Some(n);
            } else if unit.starts_with("day") {
                due.due_within_days = Some(n);
            } else if unit.starts_with("week") {
                due.due_within_days = n.checked_mul(7);
            } else if unit.starts_with("month") {
                due.due_within_months = Some(n);
            } else {
                due.due_within_months = n.checked_mul(12);
            }
        }
        (None, Some((_, date))) => due.due_date = Some(date),
        (None, None) => {}
    }
    due
}

/// The day a [`DATE`] match names; a month alone is its last day, a year alone only counts
/// as "the end of" it.
fn date_of(c: &regex::Captures) -> Option<String> {
    let year: i32 = c.name("year")?.as_str().parse().ok()?;
    let month = match c.name("month") {
        Some(m) => 1 + MONTHS.iter().position(|name| *name == m.as_str())? as u32,
        None if c.name("end").is_some() && c.name("day").is_none() => 12,
        None => return None,
    };
    let date = match c.name("day") {
        Some(d) => NaiveDate::from_ymd_opt(year, month, d.as_str().parse().ok()?)?,
        None => last_day(year, month)?,
    };
    Some(iso(date))
}

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::{Due, due_in};

    fn due(text: &str) -> Due {
        due_in(text)
    }

    #[test]
    fn delays() {
        let d = due("to report to the Council within 60 days of the adoption of this resolution");
        assert_eq!(d.due_within_days, Some(60));
        assert_eq!(due("within six months").due_within_months, Some(6));
        assert_eq!(
            due("no later than twelve months after its adoption").due_within_months,
            Some(12)
        );
        assert_eq!(
            due("within a year of its adoption").due_within_months,
            Some(12)
        );
        assert_eq!(due("within two weeks").due_within_days, Some(14));
        assert_eq!(
            due("within 45 working days of its adoption").due_within_working_days,
            Some(45)
        );
        assert_eq!(due("within its existing mandate"), Due::default());
        assert_eq!(due("within existing resources"), Due::default());
    }

    #[test]
    fn dates() {
        assert_eq!(
            due("no later than 31 March 2027").due_date.as_deref(),
            Some("2027-03-31")
        );
        assert_eq!(
            due("by the end of 2026").due_date.as_deref(),
            Some("2026-12-31")
        );
        assert_eq!(
            due("before the end of February 2028").due_date.as_deref(),
            Some("2028-02-29")
        );
        assert_eq!(
            due("by 15 September 2025, and").due_date.as_deref(),
            Some("2025-09-15")
        );
        // a target year is no deadline, nor is a date that is not one
        assert_eq!(due("to achieve the Goals by 2030"), Due::default());
        assert_eq!(due("adopted on 17 December 2018"), Due::default());
        assert_eq!(due("by 31 February 2026"), Due::default());
    }
}
