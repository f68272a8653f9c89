//! The outbox page's data.

use serde::{Deserialize, Serialize};

/// The states a mail goes through.
pub const STATES: [&str; 4] = ["queued", "sending", "sent", "failed"];

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxView {
    pub queued: i64,
    pub sending: i64,
    pub sent: i64,
    pub failed: i64,
    /// The state listed, if only one.
    pub state: Option<String>,
    pub rows: Vec<OutboxMail>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMail {
    pub id: i64,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    /// The mail's text, with its links' tokens taken out
    /// ([`crate::domain::mail_text::without_tokens`]).
    pub text_body: String,
    pub state: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}
