//! Types shared by the server and the browser.

pub mod accounts;
mod calendar;
pub mod finder;
mod obligation;
pub mod outbox;
pub mod overview;
pub mod review;
pub mod subscription;
pub mod text;
pub mod work;

pub use calendar::{BodyCalendar, CalendarSession};
pub use obligation::{
    HistoryChange, HistoryEntry, ObligationDetail, ObligationState, SessionChoice,
};

use serde::{Deserialize, Serialize};

/// One resolution or decision as listed on the front page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionSummary {
    pub id: i64,
    pub document_symbol: String,
    pub label: String,
    pub title: String,
    pub adopting_body: Option<String>,
    pub operative_paragraphs: i64,
    pub mandates: i64,
    pub reporting_mandates: i64,
}

/// Resolutions on one page of the front page's list.
pub const RESOLUTIONS_PER_PAGE: i64 = 50;

/// One page of the front page's list, with how many match the filter and how many there are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionPage {
    pub rows: Vec<ResolutionSummary>,
    /// How many match the filter, on every page.
    pub matching: i64,
    /// How many there are, filter or not.
    pub total: i64,
    /// From 1.
    pub page: i64,
}

impl ResolutionPage {
    /// Pages of matching rows (at least one).
    pub fn pages(&self) -> i64 {
        ((self.matching + RESOLUTIONS_PER_PAGE - 1) / RESOLUTIONS_PER_PAGE).max(1)
    }
}

/// The words of the front page's filter, lower case: a resolution matches when every word
/// occurs in its label, title, adopting body or document symbol.
pub fn filter_words(filter: &str) -> Vec<String> {
    filter.split_whitespace().map(str::to_lowercase).collect()
}

/// An obligation with the session it is due at and the dates derived from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationSchedule {
    pub obligation_id: i64,
    pub kind: crate::domain::ObligationKind,
    pub status: crate::domain::Status,
    pub resolution_label: String,
    pub paragraph: String,
    pub addressee: String,
    /// The session's body, else the body the text names when no session is known.
    pub body: Option<String>,
    pub session_number: Option<i32>,
    pub session_label: Option<String>,
    pub deadlines: Option<crate::domain::Deadlines>,
    /// The deadline the text writes as a date or a span from adoption, when it does (the
    /// obligation is then due on [`Deadlines::on`](crate::domain::Deadlines::on) that day).
    pub due: Option<crate::domain::Due>,
    /// For a periodic one, the span between occurrences ("every 60 days").
    pub every: Option<crate::domain::Due>,
}

impl ObligationSchedule {
    /// A date deadline in words: "by 31 March 2027"; "by 13 June 2018 (within 90 days of
    /// adoption)"; "within 90 days of adoption (the adoption date is not recorded)"; a later
    /// occurrence "by 31 March 2028 (the first by 31 March 2027)"; a periodic one with its
    /// rhythm, "..., then every 60 days". `None` for an obligation due at a session.
    pub fn due_words(&self) -> Option<String> {
        let due = self.due?;
        let day = self.deadlines.filter(|d| d.session_opens.is_none());
        let then = self
            .every
            .and_then(|e| e.every_words())
            .map(|every| format!(", then {every}"))
            .unwrap_or_default();
        Some(match (due, day) {
            // a later occurrence of a deadline first due on a named day
            (crate::domain::Due::On { date }, Some(d)) if d.submission != date => format!(
                "by {} (the first {}{then})",
                crate::domain::calendar::day(d.submission),
                due.words()
            ),
            (crate::domain::Due::On { .. }, _) => format!("{}{then}", due.words()),
            (_, Some(d)) => format!(
                "by {} ({}{then})",
                crate::domain::calendar::day(d.submission),
                due.words()
            ),
            (_, None) => format!("{}{then} (the adoption date is not recorded)", due.words()),
        })
    }

    /// Where the obligation is due, as pages show it: "body, session", the body alone, or "—".
    pub fn target(&self) -> String {
        if let Some(due) = self.due_words() {
            return match &self.body {
                Some(body) => format!("{body}, {due}"),
                None => due,
            };
        }
        match (&self.body, &self.session_label) {
            (Some(body), Some(session)) => format!("{body}, {session}"),
            (Some(body), None) => body.clone(),
            _ => "—".to_string(),
        }
    }
}

/// An obligation with how urgent it is on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationUrgency {
    pub schedule: ObligationSchedule,
    pub urgency: crate::domain::Urgency,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_filter_has_no_words() {
        assert!(filter_words("").is_empty());
        assert!(filter_words("   ").is_empty());
    }

    #[test]
    fn filter_words_are_lower_case_and_split_on_spaces() {
        assert_eq!(
            filter_words(" General  ASSEMBLY e/2019 "),
            ["general", "assembly", "e/2019"]
        );
    }

    #[test]
    fn pages_count_whole_pages_of_matching_rows() {
        let page = |matching| ResolutionPage {
            rows: vec![],
            matching,
            total: 2014,
            page: 1,
        };
        assert_eq!(page(0).pages(), 1);
        assert_eq!(page(50).pages(), 1);
        assert_eq!(page(51).pages(), 2);
        assert_eq!(page(2014).pages(), 41);
    }
}
