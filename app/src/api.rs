//! Server functions: the browser's typed entry points into the server.
//!
//! Each one is a public HTTP endpoint; those that read public data need no role, those that
//! change data check the caller's role first (none exist yet).

use crate::error::AppError;
use crate::model::{ObligationListItem, ResolutionSummary};
use leptos::prelude::*;

/// Every resolution and decision of every imported document, in document order.
#[server]
pub async fn list_resolutions() -> Result<Vec<ResolutionSummary>, AppError> {
    let pool = crate::db::pool()?;
    Ok(crate::db::resolution::list_summaries(&pool).await?)
}

/// Every reporting obligation with its deadlines and how urgent it is today (server's date).
/// Public: delegations browse pending mandates without an account.
#[server]
pub async fn list_obligations() -> Result<Vec<ObligationListItem>, AppError> {
    let pool = crate::db::pool()?;
    let today = chrono::Utc::now().date_naive();
    let rows = crate::db::calendar::obligations_by_urgency(
        &pool,
        today,
        crate::domain::DEFAULT_WINDOW_DAYS,
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ObligationListItem {
            id: row.schedule.obligation_id,
            resolution_label: row.schedule.resolution_label,
            paragraph: row.schedule.paragraph,
            addressee: row.schedule.addressee,
            body: row.schedule.body,
            session_label: row.schedule.session_label,
            status: row.schedule.status,
            deadlines: row.schedule.deadlines,
            urgency: row.urgency,
        })
        .collect())
}
