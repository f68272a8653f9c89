//! Server functions: the browser's typed entry points into the server.
//!
//! Each one is a public HTTP endpoint; those that read public data need no role, those that
//! change data check the caller's role first (none exist yet).

use crate::error::AppError;
use crate::model::ResolutionSummary;
use leptos::prelude::*;

/// Every resolution and decision of every imported document, in document order.
#[server]
pub async fn list_resolutions() -> Result<Vec<ResolutionSummary>, AppError> {
    let pool = crate::db::pool()?;
    Ok(crate::db::resolution::list_summaries(&pool).await?)
}
