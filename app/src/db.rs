//! Queries, server side only. One module per table family.

pub mod bodies;
pub mod calendar;
pub mod detail;
pub mod obligation;
pub mod resolution;
pub mod session;
pub mod user;

use crate::error::AppError;
use sqlx::PgPool;

/// The pool the server put into the Leptos context for server functions and rendering.
pub fn pool() -> Result<PgPool, AppError> {
    leptos::prelude::use_context::<PgPool>().ok_or_else(|| {
        tracing::error!("no PgPool in the Leptos context");
        AppError::Internal
    })
}

/// How many days before a submission deadline an obligation counts as at risk: the server's
/// setting (`--at-risk-days`), or the default of three weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AtRiskWindow(pub i64);

/// The at-risk window the server put into the Leptos context.
pub fn at_risk_days() -> i64 {
    leptos::prelude::use_context::<AtRiskWindow>()
        .map_or(crate::domain::DEFAULT_WINDOW_DAYS, |window| window.0)
}
