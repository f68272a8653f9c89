//! One resolution as its page shows it (`/resolutions/<id>`), and one session's agenda of what is
//! due there (`/sessions/<body>/<number>`).

use super::finder::FoundObligation;
use crate::domain::{Deadlines, SessionState, Status};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A resolution with its paragraphs, each operative one with the mandates found in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionText {
    pub id: i64,
    pub document_symbol: String,
    pub label: String,
    pub title: String,
    pub adopting_body: Option<String>,
    pub paragraphs: Vec<ParagraphText>,
}

/// A paragraph, preambular or operative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphText {
    pub operative: bool,
    pub number: Option<String>,
    pub text: String,
    pub mandates: Vec<MandateLink>,
}

/// A mandate of a paragraph and the obligation tracking it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MandateLink {
    pub addressee: String,
    pub quote: String,
    pub obligation_id: Option<i64>,
    pub status: Option<Status>,
}

/// A session of a body and everything due at it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionAgenda {
    pub body_code: String,
    pub body_name: String,
    pub number: i32,
    pub label: String,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub venue: Option<String>,
    pub state: SessionState,
    /// The session's documentation deadlines, when its opening is known.
    pub deadlines: Option<Deadlines>,
    pub rows: Vec<FoundObligation>,
    pub today: NaiveDate,
}
