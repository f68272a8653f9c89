//! The finder's rules: which obligations an urgency filter means on a given day, and how a
//! search for a body's usual acronym also finds its full name.

use super::{Status, Urgency};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The urgency a delegate filters by. `Upcoming` is [`Urgency::OnTrack`]: not yet at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UrgencyFilter {
    Overdue,
    AtRisk,
    Upcoming,
    Done,
}

impl UrgencyFilter {
    pub const ALL: [UrgencyFilter; 4] = [
        UrgencyFilter::Overdue,
        UrgencyFilter::AtRisk,
        UrgencyFilter::Upcoming,
        UrgencyFilter::Done,
    ];

    /// The text in the address (`urgency=at_risk`).
    pub const fn as_str(self) -> &'static str {
        match self {
            UrgencyFilter::Overdue => "overdue",
            UrgencyFilter::AtRisk => "at_risk",
            UrgencyFilter::Upcoming => "upcoming",
            UrgencyFilter::Done => "done",
        }
    }

    /// The words of the filter's option.
    pub const fn label(self) -> &'static str {
        match self {
            UrgencyFilter::Overdue => "Overdue",
            UrgencyFilter::AtRisk => "At risk",
            UrgencyFilter::Upcoming => "Upcoming",
            UrgencyFilter::Done => "Submitted, issued or closed",
        }
    }

    /// Whether an obligation judged `urgency` is one this filter keeps.
    pub fn keeps(self, urgency: Urgency) -> bool {
        matches!(
            (self, urgency),
            (UrgencyFilter::Overdue, Urgency::Overdue { .. })
                | (UrgencyFilter::AtRisk, Urgency::AtRisk { .. })
                | (UrgencyFilter::Upcoming, Urgency::OnTrack { .. })
                | (UrgencyFilter::Done, Urgency::Done)
        )
    }

    /// The same filter as the database applies it: the statuses it keeps and the range its
    /// submission deadline must lie in, on `today` with an at-risk window of `window_days`.
    /// Written from [`super::urgency`]'s rules; a database test checks that both agree on every
    /// obligation of the demo.
    pub fn deadline_range(self, today: NaiveDate, window_days: i64) -> DeadlineRange {
        let awaiting: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| s.awaits_submission())
            .collect();
        let window = u64::try_from(window_days.max(0)).unwrap_or(0);
        let after = |days: u64| today.checked_add_days(Days::new(days));
        match self {
            UrgencyFilter::Overdue => DeadlineRange {
                statuses: awaiting,
                from: None,
                to: today.checked_sub_days(Days::new(1)),
                needs_deadline: true,
            },
            UrgencyFilter::AtRisk => DeadlineRange {
                statuses: awaiting,
                from: Some(today),
                to: after(window),
                needs_deadline: true,
            },
            UrgencyFilter::Upcoming => DeadlineRange {
                statuses: awaiting,
                from: after(window + 1),
                to: None,
                needs_deadline: true,
            },
            UrgencyFilter::Done => DeadlineRange {
                statuses: Status::ALL
                    .into_iter()
                    .filter(|s| !s.awaits_submission() && *s != Status::Ongoing)
                    .collect(),
                from: None,
                to: None,
                needs_deadline: false,
            },
        }
    }
}

super::stored::parse_by_stored_text!(UrgencyFilter, "urgency");

/// Statuses and a range of submission deadlines (inclusive; `None` is open-ended).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineRange {
    pub statuses: Vec<Status>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Whether an obligation without a deadline is left out.
    pub needs_deadline: bool,
}

/// The usual acronyms of bodies and offices, and the names texts use for them. A search word
/// that is one of them also finds the name.
pub const ACRONYMS: [(&str, &str); 8] = [
    (
        "CCPCJ",
        "Commission on Crime Prevention and Criminal Justice",
    ),
    ("CND", "Commission on Narcotic Drugs"),
    ("UNODC", "United Nations Office on Drugs and Crime"),
    ("GA", "General Assembly"),
    ("ECOSOC", "Economic and Social Council"),
    ("HRC", "Human Rights Council"),
    ("SC", "Security Council"),
    (
        "OHCHR",
        "Office of the United Nations High Commissioner for Human Rights",
    ),
];

/// The search terms of a query, one per word (a quoted phrase is one word), each in
/// PostgreSQL's `websearch_to_tsquery` syntax; every term must match. An acronym's term also
/// matches its name: `CCPCJ` becomes `"Commission on Crime Prevention and Criminal Justice" or
/// CCPCJ`.
pub fn search_terms(query: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut rest = query.trim();
    while !rest.is_empty() {
        let (word, tail) = if let Some(quoted) = rest.strip_prefix('"') {
            match quoted.split_once('"') {
                Some((phrase, tail)) => (format!("\"{phrase}\""), tail),
                None => (format!("\"{quoted}\""), ""),
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (rest[..end].to_string(), &rest[end..])
        };
        rest = tail.trim_start();
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() || bare.eq_ignore_ascii_case("or") {
            continue;
        }
        match ACRONYMS
            .iter()
            .find(|(acronym, _)| acronym.eq_ignore_ascii_case(bare))
        {
            Some((acronym, name)) => terms.push(format!("\"{name}\" or {acronym}")),
            None => terms.push(with_other_spelling(&word.replace('-', " "))),
        }
    }
    terms
}

/// A word with its other spelling, for the `-ise`/`-ize` words British and UN (Oxford) English
/// spell apart and stemming does not join: `organised` also finds `organized`, and back.
fn with_other_spelling(word: &str) -> String {
    const ENDINGS: [(&str, &str); 6] = [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ];
    let lower = word.to_lowercase();
    if word.starts_with('"') || lower.len() < 6 {
        return word.to_owned();
    }
    for (british, oxford) in ENDINGS {
        let other = if let Some(stem) = lower.strip_suffix(british) {
            format!("{stem}{oxford}")
        } else if let Some(stem) = lower.strip_suffix(oxford) {
            format!("{stem}{british}")
        } else {
            continue;
        };
        return format!("{word} or {other}");
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Deadlines, urgency};

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn acronyms_find_their_names_and_words_stay_words() {
        assert_eq!(
            search_terms("ccpcj  cybercrime"),
            vec![
                "\"Commission on Crime Prevention and Criminal Justice\" or CCPCJ".to_string(),
                "cybercrime".to_string()
            ]
        );
        assert_eq!(
            search_terms("\"technical assistance\" Africa"),
            vec!["\"technical assistance\"", "Africa"]
        );
        assert_eq!(search_terms("  "), Vec::<String>::new());
        assert_eq!(search_terms("a -- or"), vec!["a"]);
        assert_eq!(
            search_terms("\"unclosed phrase"),
            vec!["\"unclosed phrase\""]
        );
    }

    #[test]
    fn the_ranges_agree_with_the_urgency_rules_day_by_day() {
        let today = date("2026-12-01");
        let window = 21;
        for offset in -40i64..60 {
            let submission = today + chrono::Duration::days(offset);
            let deadlines = Deadlines {
                session_opens: Some(submission),
                submission,
                issuance: submission,
            };
            for status in Status::ALL {
                let judged = urgency(status, Some(&deadlines), today, window);
                for filter in UrgencyFilter::ALL {
                    let range = filter.deadline_range(today, window);
                    let in_range = range.statuses.contains(&status)
                        && range.from.is_none_or(|from| submission >= from)
                        && range.to.is_none_or(|to| submission <= to);
                    assert_eq!(
                        in_range,
                        filter.keeps(judged),
                        "{filter:?} {status:?} {offset}"
                    );
                }
            }
        }
    }

    #[test]
    fn urgency_filters_round_trip_through_the_address() {
        for filter in UrgencyFilter::ALL {
            assert_eq!(filter.as_str().parse::<UrgencyFilter>(), Ok(filter));
        }
        assert!("soon".parse::<UrgencyFilter>().is_err());
    }
}
