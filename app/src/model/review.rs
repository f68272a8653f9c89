//! The import and review pages' data: drafts being brought in, and a document's mandates as
//! the review queue shows them.

use crate::domain::review::{Decision, MandateFields, Review};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A text being brought in, as its author edits it before the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: i64,
    pub symbol: String,
    pub adopted_on: Option<NaiveDate>,
    /// The uploaded file's name, or "pasted text".
    pub source_name: String,
    /// "PDF", "Word (.docx)", "Akoma Ntoso XML", "plain text".
    pub source_format: String,
    pub text: String,
    pub updated_at: DateTime<Utc>,
}

/// A document already stored under a draft's symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredUnder {
    pub id: i64,
    pub title: String,
    pub resolutions: i64,
    pub tracked: i64,
}

/// One line of the import page's lists: a draft, or a document with mandates to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportListing {
    pub drafts: Vec<DraftSummary>,
    pub awaiting_review: Vec<DocumentInReview>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: i64,
    pub symbol: String,
    pub source_name: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInReview {
    pub id: i64,
    pub symbol: String,
    pub title: String,
    pub proposed: i64,
    /// How many of them the extractor is unsure of.
    pub doubtful: i64,
    pub imported_at: DateTime<Utc>,
}

/// A document's review page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewDocument {
    pub id: i64,
    pub symbol: String,
    pub title: String,
    pub adopted_on: Option<NaiveDate>,
    pub imported_by: Option<String>,
    pub proposed: usize,
    pub resolutions: Vec<ReviewResolution>,
    /// Whether the reader may decide (editors and administrators).
    pub can_edit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewResolution {
    pub id: i64,
    pub label: String,
    pub title: String,
    pub adopted_symbol: Option<String>,
    pub adopted_on: Option<NaiveDate>,
    pub mandates: Vec<ReviewMandate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewMandate {
    pub id: i64,
    pub paragraph: String,
    /// The whole paragraph, in which `quote` is marked.
    pub paragraph_text: String,
    pub verb: String,
    pub quote: String,
    pub fields: MandateFields,
    pub review: Review,
    pub merged_into: Option<i64>,
    pub obligation_id: Option<i64>,
    /// A deadline the text writes as a date or a span from adoption.
    pub due: Option<crate::domain::Due>,
    /// Why the extractor is unsure of it, when it is ("several Secretariat actors asked
    /// together").
    pub doubt: Option<String>,
    /// The fields it is unsure of, each with its reason.
    pub field_doubts: Vec<crate::extract::Doubt>,
    pub history: Vec<ReviewEntry>,
}

/// One decision in a mandate's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub decision: Decision,
    pub actor: String,
    pub at: DateTime<Utc>,
    /// (field, before, after).
    pub changes: Vec<(String, String, String)>,
    pub other_mandate_id: Option<i64>,
}
