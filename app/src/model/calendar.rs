//! The calendar as pages show it: bodies and their sessions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A body with its documentation lead times and its sessions in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyCalendar {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub submission_lead_weeks: i32,
    pub issuance_lead_weeks: i32,
    /// Years between regular sessions.
    pub cadence_years: i32,
    pub sessions: Vec<CalendarSession>,
}

/// A session, with how many obligations are due at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarSession {
    pub id: i64,
    pub number: i32,
    pub label: String,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub venue: Option<String>,
    pub state: crate::domain::SessionState,
    pub reconvened_opens_on: Option<NaiveDate>,
    pub reconvened_closes_on: Option<NaiveDate>,
    /// Sent back with a change, so a change based on a stale page is refused.
    pub version: i32,
    pub obligations: i64,
}
