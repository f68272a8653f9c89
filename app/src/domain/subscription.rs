//! Email subscriptions: what a subscriber chooses (a filter, a cadence, a horizon) and how the
//! form that chooses it is checked. Every field is checked at once, so the form can list every
//! problem in its error summary and each by its field.

use crate::model::finder::FinderQuery;
use chrono::Weekday;
use serde::{Deserialize, Serialize};

/// The horizons offered: deadlines in the next N weeks.
pub const HORIZON_WEEKS: std::ops::RangeInclusive<i16> = 1..=26;

/// When digests are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cadence {
    Daily,
    /// Weekly, on this day.
    Weekly(Weekday),
}

impl Cadence {
    /// "every day", "every Monday".
    pub fn words(self) -> String {
        match self {
            Cadence::Daily => "every day".into(),
            Cadence::Weekly(day) => format!("every {}", weekday_name(day)),
        }
    }

    /// The stored `cadence` and `weekday` (ISO, 1 = Monday) columns.
    pub fn columns(self) -> (&'static str, Option<i16>) {
        match self {
            Cadence::Daily => ("daily", None),
            Cadence::Weekly(day) => ("weekly", i16::try_from(day.number_from_monday()).ok()),
        }
    }

    /// Back from the stored columns; `None` for values the database should never hold.
    pub fn from_columns(cadence: &str, weekday: Option<i16>) -> Option<Self> {
        match (cadence, weekday) {
            ("daily", _) => Some(Cadence::Daily),
            ("weekly", Some(n)) => weekday_from_number(n).map(Cadence::Weekly),
            _ => None,
        }
    }

    /// Whether a digest is due on `day` (a daily one every day, a weekly one on its weekday).
    pub fn falls_on(self, day: chrono::NaiveDate) -> bool {
        use chrono::Datelike;
        match self {
            Cadence::Daily => true,
            Cadence::Weekly(weekday) => day.weekday() == weekday,
        }
    }
}

pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

fn weekday_from_number(n: i16) -> Option<Weekday> {
    let index = u8::try_from(n).ok()?.checked_sub(1)?;
    Weekday::try_from(index).ok()
}

/// The subscription form exactly as posted (every field text, any of them missing), so a
/// refused form can be shown again with what was typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubscriptionForm {
    pub email: String,
    /// `daily` or `weekly`.
    pub cadence: String,
    /// `1`–`7` (Monday–Sunday), for a weekly digest.
    pub weekday: String,
    pub horizon: String,
    /// Present (any value) when the box "also when there is nothing to report" is ticked.
    pub send_empty: Option<String>,
}

/// A problem with one field of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's `id` (and `name`), so the summary can link to it.
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// A checked subscription request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionChoice {
    pub email: String,
    pub cadence: Cadence,
    pub horizon_weeks: i16,
    pub send_empty: bool,
}

impl SubscriptionForm {
    /// Checks every field; all the problems, or the choice.
    pub fn check(&self) -> Result<SubscriptionChoice, Vec<FieldError>> {
        let mut errors = Vec::new();
        let email = subscriber_address(&self.email)
            .map_err(|e| errors.push(e))
            .ok();
        let (cadence, horizon) = match self.settings() {
            Ok(settings) => (Some(settings.0), Some(settings.1)),
            Err(mut more) => {
                errors.append(&mut more);
                (None, None)
            }
        };
        match (email, cadence, horizon) {
            (Some(email), Some(cadence), Some(horizon_weeks)) if errors.is_empty() => {
                Ok(SubscriptionChoice {
                    email,
                    cadence,
                    horizon_weeks,
                    send_empty: self.send_empty.is_some(),
                })
            }
            _ => Err(errors),
        }
    }

    /// The cadence and horizon alone (the manage form has no address).
    pub fn settings(&self) -> Result<(Cadence, i16), Vec<FieldError>> {
        let mut errors = Vec::new();
        let cadence = match self.cadence.trim() {
            "daily" => Some(Cadence::Daily),
            "weekly" => match self
                .weekday
                .trim()
                .parse::<i16>()
                .ok()
                .and_then(weekday_from_number)
            {
                Some(day) => Some(Cadence::Weekly(day)),
                None => {
                    errors.push(FieldError::new(
                        "weekday",
                        "Choose the day of the week the digest comes on.",
                    ));
                    None
                }
            },
            _ => {
                errors.push(FieldError::new(
                    "cadence",
                    "Choose how often the digest comes: daily or weekly.",
                ));
                None
            }
        };
        let horizon = self
            .horizon
            .trim()
            .parse::<i16>()
            .ok()
            .filter(|h| HORIZON_WEEKS.contains(h));
        if horizon.is_none() {
            errors.push(FieldError::new(
                "horizon",
                format!(
                    "Enter the number of weeks ahead to include, from {} to {}.",
                    HORIZON_WEEKS.start(),
                    HORIZON_WEEKS.end()
                ),
            ));
        }
        match (cadence, horizon) {
            (Some(cadence), Some(horizon)) if errors.is_empty() => Ok((cadence, horizon)),
            _ => Err(errors),
        }
    }
}

/// An address mail can be sent to: one `@`, a dotted domain, no spaces, quotes or brackets
/// (which mail headers would need to escape); trimmed and lower-cased.
pub fn subscriber_address(input: &str) -> Result<String, FieldError> {
    let email = input.trim().to_lowercase();
    if email.is_empty() {
        return Err(FieldError::new("email", "Enter your email address."));
    }
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-'".contains(c))
    };
    let valid = email.len() <= 254
        && matches!(email.split_once('@'), Some((local, domain))
            if plain(local) && local.len() <= 64 && !domain.contains('@')
                && domain.split('.').count() >= 2 && domain.split('.').all(plain));
    if valid {
        Ok(email)
    } else {
        Err(FieldError::new(
            "email",
            "Enter an email address in the correct format, like name@example.org.",
        ))
    }
}

/// The filter a subscription keeps: the finder's, without its page (a digest lists every match)
/// and with blank fields absent, so one filter is stored one way however it was typed.
pub fn subscription_filter(query: &FinderQuery) -> FinderQuery {
    let kept = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    FinderQuery {
        body: kept(&query.body),
        session: kept(&query.session),
        addressee: kept(&query.addressee),
        status: kept(&query.status),
        urgency: kept(&query.urgency),
        kind: kept(&query.kind),
        adopted_by: kept(&query.adopted_by),
        resolution: kept(&query.resolution),
        year: kept(&query.year),
        q: kept(&query.q),
        sort: kept(&query.sort),
        page: None,
    }
}

/// The filter in words: "body CCPCJ, status pending, words “cybercrime”"; "every obligation".
pub fn filter_words(query: &FinderQuery) -> String {
    let parts: Vec<String> = [
        ("body", &query.body),
        ("session", &query.session),
        ("addressee", &query.addressee),
        ("status", &query.status),
        ("urgency", &query.urgency),
        ("kind", &query.kind),
        ("adopted by", &query.adopted_by),
        ("resolution", &query.resolution),
        ("year", &query.year),
        ("words", &query.q),
    ]
    .iter()
    .filter_map(|(name, value)| {
        let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
        Some(format!("{name} “{value}”"))
    })
    .collect();
    if parts.is_empty() {
        "every obligation".into()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(email: &str, cadence: &str, weekday: &str, horizon: &str) -> SubscriptionForm {
        SubscriptionForm {
            email: email.into(),
            cadence: cadence.into(),
            weekday: weekday.into(),
            horizon: horizon.into(),
            send_empty: None,
        }
    }

    #[test]
    fn a_good_form_is_a_choice_and_a_bad_one_lists_every_problem() {
        let choice = form(" Delegate@Mission.Example ", "weekly", "1", "4")
            .check()
            .unwrap();
        assert_eq!(choice.email, "delegate@mission.example");
        assert_eq!(choice.cadence, Cadence::Weekly(Weekday::Mon));
        assert_eq!(choice.cadence.columns(), ("weekly", Some(1)));
        assert_eq!(choice.horizon_weeks, 4);
        let errors = form("not an address", "weekly", "9", "0")
            .check()
            .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "weekday", "horizon"]);
        let errors = form("", "hourly", "", "x").check().unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["email", "cadence", "horizon"]);
    }

    #[test]
    fn addresses_are_plain_and_dotted() {
        for good in ["a@b.org", "first.last+un@mission.example", "o'neil@un.org"] {
            assert!(subscriber_address(good).is_ok(), "{good}");
        }
        for bad in [
            "a@b",
            "a b@c.org",
            "<a@b.org>",
            "a@b@c.org",
            "\"a\"@b.org",
            "a@.org",
            "a@b..org",
        ] {
            assert!(subscriber_address(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cadences_fall_on_their_days_and_survive_the_database() {
        let monday = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert!(Cadence::Weekly(Weekday::Mon).falls_on(monday));
        assert!(!Cadence::Weekly(Weekday::Tue).falls_on(monday));
        assert!(Cadence::Daily.falls_on(monday));
        for cadence in [Cadence::Daily, Cadence::Weekly(Weekday::Sun)] {
            let (name, day) = cadence.columns();
            assert_eq!(Cadence::from_columns(name, day), Some(cadence));
        }
        assert_eq!(Cadence::from_columns("weekly", Some(8)), None);
        assert_eq!(Cadence::Weekly(Weekday::Fri).words(), "every Friday");
    }
}
