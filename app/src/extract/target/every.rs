//! How often a periodic task falls due, when the text says it in days or months: "every 90
//! days thereafter", "on a monthly basis", "quarterly", "every six months", "twice a year".
//! Rhythms in years are recurrences of their own (annual, biennial, ...). The phrases are those
//! of `target::RECURRENCE`, read from the same matches.

use regex::Captures;

use super::super::Due;
use super::super::ordinal::parse_cardinal;

/// What a rhythm phrase that counts in days or months says.
enum Interval {
    /// "every 90 days", "weekly", "90-day reports"
    Days(u32),
    /// "quarterly", "every six months", "twice a year", "6-month reports", "six-monthly"
    Months(u32),
    /// A count that cannot be read ("every few months", "every 0 days", "bi-monthly"): none
    /// is set.
    Unread,
}

/// The interval a rhythm phrase states, or nothing when it counts in years or not at all
/// ("every five years", "periodically").
fn interval_of(c: &Captures) -> Option<Interval> {
    if let Some((n, unit)) = super::count_and_unit(c) {
        if unit == "years" {
            return None;
        }
        let Some(n) = parse_cardinal(n).filter(|n| *n > 0) else {
            return Some(Interval::Unread);
        };
        return Some(match unit.as_str() {
            "days" => Interval::Days(n),
            "weeks" => Interval::Days(n.saturating_mul(7)),
            _ => Interval::Months(n),
        });
    }
    // "6-month reports", "six-monthly", as "90-day reports" counts its days
    if let Some(n) = c.name("m").or_else(|| c.name("mly")) {
        return Some(parse_cardinal(n.as_str()).map_or(Interval::Unread, Interval::Months));
    }
    let months = [("monthly", 1), ("quarterly", 3), ("half", 6)];
    if let Some((_, n)) = months.iter().find(|(group, _)| c.name(group).is_some()) {
        return Some(Interval::Months(*n));
    }
    if c.name("weekly").is_some() {
        return Some(Interval::Days(7));
    }
    c.name("d")
        .and_then(|d| d.as_str().parse().ok())
        .map(Interval::Days)
}

/// The rhythm of `text` in days or months, from its first phrase that counts in them, set on
/// `due`; nothing when it states none.
pub fn set_every(text: &str, due: &mut Due) {
    let (m, d) = match super::rhythm_phrases(text).find_map(|c| interval_of(&c)) {
        Some(Interval::Days(n)) => (None, Some(n)),
        Some(Interval::Months(n)) => (Some(n), None),
        Some(Interval::Unread) | None => return,
    };
    due.every_months = m;
    due.every_days = d;
}
