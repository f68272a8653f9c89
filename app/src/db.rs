//! Queries, server side only. One module per table family.

pub mod bodies;
pub mod calendar;
pub mod detail;
pub mod obligation;
pub mod resolution;
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
