//! One obligation in full: what the pages show and the staff form needs.

use super::ObligationSchedule;
use crate::domain::{Recurrence, SessionState, Status, Urgency};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// An obligation with its source text, dates, history and the changes open to it now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationDetail {
    pub schedule: ObligationSchedule,
    pub urgency: Urgency,
    /// The day `urgency` was judged on.
    pub today: NaiveDate,
    /// Sent back with a change, so a change based on a stale page is refused.
    pub version: i32,
    pub document_symbol: Option<String>,
    /// The office responsible for the work, when staff have set one.
    pub office: Option<String>,
    pub merged_into_id: Option<i64>,
    pub status_reason: Option<String>,
    /// The reason is for staff only (visitors are sent the page without it).
    pub status_reason_internal: bool,
    pub source_document: String,
    pub resolution_title: String,
    pub verb: String,
    pub quote: String,
    /// The whole operative paragraph the mandate was found in (cleaned of page noise).
    pub paragraph_text: Option<String>,
    pub recurrence: Option<Recurrence>,
    /// The statuses the workflow allows next, in workflow order.
    pub allowed_next: Vec<Status>,
    /// Later sessions of the same body, the targets a deferral may choose.
    pub later_sessions: Vec<SessionChoice>,
    /// Oldest first.
    pub history: Vec<HistoryEntry>,
}

/// A session offered as a deferral target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionChoice {
    pub id: i64,
    pub label: String,
    pub opens_on: Option<NaiveDate>,
}

/// One line of an obligation's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub change: HistoryChange,
    pub note: Option<String>,
    /// The note is for staff only (visitors are sent the entry without it).
    pub note_internal: bool,
}

/// What happened: a status change of the obligation, or a move of the session it is due at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HistoryChange {
    Status {
        from: Status,
        to: Status,
        document_symbol: Option<String>,
        merged_into_id: Option<i64>,
        from_session: Option<String>,
        to_session: Option<String>,
    },
    Session {
        session: String,
        old_opens_on: Option<NaiveDate>,
        new_opens_on: Option<NaiveDate>,
        old_state: SessionState,
        new_state: SessionState,
    },
}

/// The obligation after a successful status change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObligationState {
    pub id: i64,
    pub status: Status,
    pub version: i32,
    pub session_id: Option<i64>,
    /// The obligation created for the next occurrence of a recurring mandate, if this change
    /// created one.
    pub next_occurrence: Option<i64>,
}
