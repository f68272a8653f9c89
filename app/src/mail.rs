//! Mail the tracker writes (server side): what the server tells the application about mail, and
//! the texts of the mails. Every mail has a plain-text part and, where it helps, an HTML part
//! with inline styles only (Outlook ignores style sheets).

pub mod digest;
pub mod notice;

use crate::db::outbox::{MailKind, NewMail};
use crate::domain::subscription::{SubscriptionChoice, filter_words};
use crate::model::finder::FinderQuery;
use std::sync::Arc;

/// Provided by the server to pages and forms that write mail.
#[derive(Clone)]
pub struct MailContext {
    /// `scheme://host[:port]` of the site, for links in mails.
    pub site_url: Arc<str>,
    /// The domain of `Message-ID`s (the sender's).
    pub message_domain: Arc<str>,
    /// Wakes the outbox worker when mail has been written.
    pub written: Arc<tokio::sync::Notify>,
}

/// Days a subscription request can be confirmed in.
pub const CONFIRM_WITHIN_DAYS: i32 = 7;

/// Escapes text for HTML.
pub fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The mail that asks the owner of an address to confirm a subscription.
pub fn confirmation(
    site: &str,
    choice: &SubscriptionChoice,
    filter: &FinderQuery,
    token: &str,
) -> NewMail {
    let link = format!("{site}/subscriptions/confirm?token={token}");
    let what = filter_words(filter);
    let when = choice.cadence.words();
    let weeks = choice.horizon_weeks;
    let text_body = format!(
        "Someone, probably you, asked Mandate Tracker to email this address {when} with the \
         deadlines of: {what} (overdue, and due in the next {weeks} weeks).\n\n\
         To start receiving them, open this link and press \"Confirm\":\n{link}\n\n\
         The link works for {CONFIRM_WITHIN_DAYS} days. If you did not ask for this, ignore this \
         mail: nothing will be sent.\n"
    );
    let html_body = format!(
        "<p style=\"font-family:Arial,sans-serif;font-size:16px\">Someone, probably you, asked \
         Mandate Tracker to email this address {when} with the deadlines of: <strong>{}</strong> \
         (overdue, and due in the next {weeks} weeks).</p>\
         <p style=\"font-family:Arial,sans-serif;font-size:16px\"><a href=\"{}\">Confirm the \
         subscription</a></p>\
         <p style=\"font-family:Arial,sans-serif;font-size:14px;color:#505a5f\">The link works \
         for {CONFIRM_WITHIN_DAYS} days. If you did not ask for this, ignore this mail: nothing \
         will be sent.</p>",
        html_text(&what),
        html_text(&link),
    );
    NewMail {
        kind: MailKind::Confirmation,
        dedupe_key: None,
        recipient: choice.email.clone(),
        subject: "Confirm your Mandate Tracker subscription".into(),
        text_body,
        html_body: Some(html_body),
        unsubscribe_url: None,
    }
}
