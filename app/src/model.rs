//! Types shared by the server and the browser.

mod calendar;
pub mod finder;
mod obligation;
pub mod overview;
pub mod text;

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

impl ResolutionSummary {
    /// Whether the row matches a free-text filter: every word of the filter must occur,
    /// case-insensitively, in the label, title, adopting body or document symbol.
    /// The same function runs on the server (GET form) and in the browser (typing).
    pub fn matches(&self, filter: &str) -> bool {
        let haystack = format!(
            "{} {} {} {}",
            self.label,
            self.title,
            self.adopting_body.as_deref().unwrap_or_default(),
            self.document_symbol
        )
        .to_lowercase();
        filter
            .split_whitespace()
            .all(|word| haystack.contains(&word.to_lowercase()))
    }
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
}

impl ObligationSchedule {
    /// Where the obligation is due, as pages show it: "body, session", the body alone, or "—".
    pub fn target(&self) -> String {
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

    fn row() -> ResolutionSummary {
        ResolutionSummary {
            id: 1,
            document_symbol: "E/2019/30".into(),
            label: "A. Draft resolution IV".into(),
            title: "Promoting technical assistance to combat cybercrime".into(),
            adopting_body: Some("General Assembly".into()),
            operative_paragraphs: 11,
            mandates: 6,
            reporting_mandates: 2,
        }
    }

    #[test]
    fn empty_filter_matches_everything() {
        assert!(row().matches(""));
        assert!(row().matches("   "));
    }

    #[test]
    fn filter_words_match_any_field_case_insensitively() {
        assert!(row().matches("CYBERCRIME"));
        assert!(row().matches("assembly cyber"));
        assert!(row().matches("e/2019"));
        assert!(!row().matches("wildlife"));
        assert!(!row().matches("cybercrime wildlife"));
    }
}
