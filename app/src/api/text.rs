//! Public pages of one resolution and one session's agenda.

use crate::error::AppError;
use crate::model::text::{ResolutionText, SessionAgenda};
use leptos::prelude::*;

/// Resolution `id` with its paragraphs and the mandates found in each.
#[server(endpoint = "resolution_text")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(resolution = id)))]
pub async fn get_resolution_text(id: i64) -> Result<ResolutionText, AppError> {
    let pool = crate::db::pool()?;
    crate::db::resolution::text(&pool, id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("There is no resolution {id}.")))
}

/// Everything due at session `number` of the body with acronym `body` (any case).
#[server(endpoint = "session_agenda")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(body = %body, number = number)))]
pub async fn get_session_agenda(body: String, number: i32) -> Result<SessionAgenda, AppError> {
    use crate::model::finder::{FinderSort, ObligationFilter};
    let pool = crate::db::pool()?;
    let head = crate::db::session::agenda_head(&pool, &body, number)
        .await?
        .ok_or_else(|| {
            AppError::NotFound(format!(
                "The calendar has no session {number} of a body called {body}."
            ))
        })?;
    let filter = ObligationFilter {
        body: Some(head.body_code.to_lowercase()),
        session: Some(number),
        sort: FinderSort::Source,
        page: 1,
        ..ObligationFilter::default()
    };
    let today = chrono::Utc::now().date_naive();
    let found =
        crate::db::finder::find(&pool, &filter, today, crate::db::at_risk_days(), None).await?;
    Ok(SessionAgenda {
        deadlines: crate::domain::deadlines(&head.dates, &head.lead),
        body_code: head.body_code,
        body_name: head.body_name,
        number: head.number,
        label: head.label,
        opens_on: head.dates.opening,
        closes_on: head.dates.closing,
        venue: head.venue,
        state: head.state,
        rows: found.rows,
        today,
    })
}
