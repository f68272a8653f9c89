//! The outbox as administrators see it: what is queued, sent and failed, with the last error,
//! and each mail's text with its links' tokens taken out.

use crate::error::AppError;
use crate::model::outbox::OutboxView;
use leptos::prelude::*;

/// How many mails are listed.
#[cfg(feature = "ssr")]
const LISTED: i64 = 100;

/// The outbox's counts and its latest mails, optionally only those in `state`; administrators
/// only (the mails name subscribers' addresses).
#[server(endpoint = "list_outbox")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_outbox(#[server(default)] state: Option<String>) -> Result<OutboxView, AppError> {
    crate::auth::login::require_admin().await?;
    let state = state.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    if let Some(state) = &state
        && !crate::model::outbox::STATES.contains(&state.as_str())
    {
        return Err(AppError::invalid(
            "The state must be one of queued, sending, sent and failed.",
        ));
    }
    let pool = crate::db::pool()?;
    let (queued, sending, sent, failed) = crate::db::outbox::counts(&pool).await?;
    let mut rows = crate::db::outbox::recent(&pool, state.as_deref(), LISTED).await?;
    // Links' tokens stand for their recipients: they stay on the server.
    for row in &mut rows {
        row.text_body = crate::domain::mail_text::without_tokens(&row.text_body);
    }
    Ok(OutboxView {
        queued,
        sending,
        sent,
        failed,
        state,
        rows,
    })
}
