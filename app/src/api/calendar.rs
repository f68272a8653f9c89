//! The calendar: reading it (public) and changing sessions (administrators).

use crate::error::AppError;
use crate::model::BodyCalendar;
use leptos::prelude::*;

/// Every body with its sessions.
#[server(endpoint = "list_calendar")]
pub async fn list_calendar() -> Result<Vec<BodyCalendar>, AppError> {
    let pool = crate::db::pool()?;
    Ok(crate::db::bodies::calendar(&pool).await?)
}

/// Sets a session's dates and state (a reschedule, a postponement, marking it held), made on a
/// page that showed `version`; administrators only. Every obligation due at the session moves
/// with it, and the change is recorded in the session's history. Dates are `YYYY-MM-DD`; a
/// blank date means "not set".
#[server(endpoint = "change_session")]
pub async fn change_session(
    id: i64,
    version: i32,
    opens_on: Option<String>,
    closes_on: Option<String>,
    state: String,
    note: Option<String>,
) -> Result<i32, AppError> {
    use crate::db::calendar::{SessionChange, SessionChangeError, reschedule_session};
    use crate::error::with_status;

    let user = crate::auth::session::require_admin()
        .await
        .map_err(with_status)?;
    let invalid = |message: String| with_status(AppError::Validation(message));
    let date = |value: Option<String>, what: &str| {
        value
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .map(|v| {
                chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| invalid(format!("the {what} date '{v}' is not YYYY-MM-DD")))
            })
            .transpose()
    };
    let change = SessionChange {
        opens_on: date(opens_on, "opening")?,
        closes_on: date(closes_on, "closing")?,
        state,
        note: note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
    };
    let pool = crate::db::pool()?;
    let mut tx = pool.begin().await?;
    let version = reschedule_session(&mut tx, id, version, &change, &user.email)
        .await
        .map_err(|err| {
            with_status(match err {
                SessionChangeError::NotFound(_) => AppError::NotFound(err.to_string()),
                SessionChangeError::Stale { .. } => AppError::Conflict(err.to_string()),
                SessionChangeError::Invalid(_) => AppError::Validation(err.to_string()),
                SessionChangeError::Database(err) => AppError::from(err),
            })
        })?;
    tx.commit().await?;
    Ok(version)
}
