//! Queries, server side only: every SQL statement of the application is here, one module per
//! table or aggregate. Rows are read into `*Row` structs and turned into domain types once,
//! with [`stored`] for the text columns that hold a closed vocabulary.
//!
//! - [`body`], [`session`]: the calendar's tables; [`calendar`]: the calendar as a list;
//! - [`document`]: an imported text and what the extractor found in it (resolutions,
//!   paragraphs, mandates, and the obligations they create);
//! - [`obligation`]: the status workflow; [`schedule`]: obligations with derived deadlines;
//!   [`detail`]: one obligation in full, with its timeline;
//! - [`feed`]: what the calendar and change feeds read besides the finder's rows;
//! - [`resolution`]: the front page's list; [`user`], [`login`]: accounts and logins;
//!   [`migrations`]: what the schema has applied;
//! - [`outbox`]: mail waiting to be sent, written in the transaction that causes it;
//!   [`subscription`]: email subscriptions;
//! - [`work`]: offices, focal points, follows and the staff's choice of notices.
//! - [`accounts`]: staff accounts as administrators manage them, and invitations.

pub mod accounts;
pub mod body;
pub mod calendar;
pub mod detail;
pub mod digest;
pub mod document;
pub mod draft;
pub mod feed;
pub mod finder;
pub mod import;
pub mod login;
pub mod mandate;
pub mod migrations;
pub mod obligation;
pub mod outbox;
pub mod overview;
pub mod resolution;
pub mod review;
pub mod schedule;
pub mod session;
pub mod subscription;
pub mod synthetic;
pub mod user;
pub mod work;

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

/// A value the database holds, read as its domain type; one it does not know is a bug of ours
/// (the columns are checked), logged, never the caller's mistake.
pub(crate) fn stored<T: std::str::FromStr>(value: &str, what: &str) -> Result<T, AppError> {
    value.parse().map_err(|_| {
        tracing::error!(value, what, "unknown value in the database");
        AppError::Internal
    })
}
