//! Server functions: the browser's typed entry points into the server.
//!
//! Each one is a public HTTP endpoint; those that read public data need no role, those that
//! change data check the caller's role first, in their first line, whatever page calls them:
//! hiding a form is not protection.

mod account;
mod calendar;
#[cfg(feature = "ssr")]
mod form;
mod obligation;

pub use account::{GetCurrentUser, LogIn, LogOut, get_current_user, log_in, log_out};
pub use calendar::{
    AddSession, ChangeLeadTimes, ChangeSession, ListCalendar, add_session, change_lead_times,
    change_session, list_calendar,
};
pub use obligation::{GetObligation, RecordStatusChange, get_obligation, record_status_change};

use crate::error::AppError;
use crate::model::{ObligationUrgency, ResolutionSummary};
use leptos::prelude::*;

/// Every resolution and decision of every imported document, in document order.
#[server(endpoint = "list_resolutions")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_resolutions() -> Result<Vec<ResolutionSummary>, AppError> {
    let pool = crate::db::pool()?;
    crate::db::resolution::list_summaries(&pool).await
}

/// Every reporting obligation with its deadlines and how urgent it is today (server's date).
/// Public: delegations browse pending mandates without an account.
#[server(endpoint = "list_obligations")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_obligations() -> Result<Vec<ObligationUrgency>, AppError> {
    let pool = crate::db::pool()?;
    let today = chrono::Utc::now().date_naive();
    crate::db::schedule::obligations_by_urgency(&pool, today, crate::db::at_risk_days()).await
}
