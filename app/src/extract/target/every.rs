//! How often a periodic task falls due, when the text says it in days or months: "every 90
//! days thereafter", "on a monthly basis", "quarterly", "every six months", "twice a year".
//! Rhythms in years are recurrences of their own (annual, biennial, ...).

use std::sync::LazyLock;

use regex::Regex;

use super::super::Due;
use super::super::ordinal::parse_cardinal;

static EVERY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::super::re(concat!(
        r"(?i)(?-u:\b)(?:every\s+(?P<n>\d{1,3}|[a-z]+)\s+(?P<unit>days|weeks|months)|",
        r"(?P<monthly>monthly|every month)|(?P<quarterly>quarterly|every quarter)|",
        r"(?P<half>semi-annually|semi-annual|twice a year|every half year)|",
        r"(?P<weekly>weekly|every week)|(?P<d>\d{1,3})-day\s+reports?)(?-u:\b)"
    ))
});

/// The rhythm of `text` in days or months, set on `due`; nothing when it states none.
pub fn set_every(text: &str, due: &mut Due) {
    let Some(re) = EVERY.as_ref() else { return };
    let Some(found) = re.find(text) else { return };
    let Some(c) = re.captures_at(text, found.start()) else {
        return;
    };
    let months = |n| (Some(n), None);
    let days = |n| (None, Some(n));
    let (m, d) = if let (Some(n), Some(unit)) = (c.name("n"), c.name("unit")) {
        let Some(n) = parse_cardinal(n.as_str()).filter(|n| *n > 0) else {
            return;
        };
        match unit.as_str().to_lowercase().as_str() {
            "days" => days(n),
            "weeks" => days(n.saturating_mul(7)),
            _ => months(n),
        }
    } else if let Some(n) = c.name("d").and_then(|n| n.as_str().parse().ok()) {
        days(n)
    } else if c.name("monthly").is_some() {
        months(1)
    } else if c.name("quarterly").is_some() {
        months(3)
    } else if c.name("half").is_some() {
        months(6)
    } else {
        days(7)
    };
    due.every_months = m;
    due.every_days = d;
}
