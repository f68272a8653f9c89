//! The calendar: reading it (public) and changing it (administrators).

// A server function's arguments are its form's fields, one each; a struct would only rename them.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::model::BodyCalendar;
use leptos::prelude::*;

/// Every body with its sessions.
#[server(endpoint = "list_calendar")]
pub async fn list_calendar() -> Result<Vec<BodyCalendar>, AppError> {
    let pool = crate::db::pool()?;
    Ok(crate::db::bodies::calendar(&pool).await?)
}

/// A form's date (`YYYY-MM-DD`); blank means "not set".
#[cfg(feature = "ssr")]
fn form_date(value: Option<String>, what: &str) -> Result<Option<chrono::NaiveDate>, AppError> {
    value
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .map(|v| {
            chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| {
                AppError::Validation(format!("the {what} date '{v}' is not YYYY-MM-DD"))
            })
        })
        .transpose()
}

/// A form's whole number.
#[cfg(feature = "ssr")]
fn form_number(value: &str, what: &str) -> Result<i32, AppError> {
    value
        .trim()
        .parse()
        .map_err(|_| AppError::Validation(format!("{what} must be a whole number, not '{value}'")))
}

#[cfg(feature = "ssr")]
fn calendar_error(err: crate::db::bodies::CalendarEditError) -> AppError {
    use crate::db::bodies::CalendarEditError;
    match err {
        CalendarEditError::NotFound(_) => AppError::NotFound(err.to_string()),
        CalendarEditError::Exists(_) => AppError::Conflict(err.to_string()),
        CalendarEditError::Invalid(_) => AppError::Validation(err.to_string()),
        CalendarEditError::Database(err) => AppError::from(err),
    }
}

/// Sets a session's dates and state (a reschedule, a postponement, marking it held), made on a
/// page that showed `version`; administrators only. Every obligation due at the session moves
/// with it, and the change is recorded in the session's history. Dates are `YYYY-MM-DD`; a
/// blank date means "not set".
///
/// The label, venue and reconvened part are changed only when `label` is sent (the page's form
/// always sends them); an API client may send dates and state alone.
#[server(endpoint = "change_session")]
pub async fn change_session(
    id: i64,
    version: i32,
    opens_on: Option<String>,
    closes_on: Option<String>,
    state: String,
    note: Option<String>,
    label: Option<String>,
    venue: Option<String>,
    reconvened_opens_on: Option<String>,
    reconvened_closes_on: Option<String>,
) -> Result<i32, AppError> {
    use crate::db::calendar::{
        SessionChange, SessionChangeError, SessionDetails, reschedule_session,
    };
    use crate::error::with_status;

    let user = crate::auth::login::require_admin()
        .await
        .map_err(with_status)?;
    let change = SessionChange {
        opens_on: form_date(opens_on, "opening").map_err(with_status)?,
        closes_on: form_date(closes_on, "closing").map_err(with_status)?,
        state,
        note: note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
        details: match label {
            Some(label) => Some(SessionDetails {
                label: label.trim().to_owned(),
                venue: venue.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()),
                reconvened_opens_on: form_date(reconvened_opens_on, "reconvened opening")
                    .map_err(with_status)?,
                reconvened_closes_on: form_date(reconvened_closes_on, "reconvened closing")
                    .map_err(with_status)?,
            }),
            None => None,
        },
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

/// Adds a session to a body's calendar (e.g. a future session an obligation is deferred to);
/// administrators only. Returns the new session's id.
#[server(endpoint = "add_session")]
pub async fn add_session(
    body_id: i64,
    number: String,
    label: Option<String>,
    opens_on: Option<String>,
    closes_on: Option<String>,
    venue: Option<String>,
) -> Result<i64, AppError> {
    use crate::db::bodies::NewSession;
    use crate::error::with_status;

    let user = crate::auth::login::require_admin()
        .await
        .map_err(with_status)?;
    let session = NewSession {
        body_id,
        number: form_number(&number, "the session number").map_err(with_status)?,
        label,
        opens_on: form_date(opens_on, "opening").map_err(with_status)?,
        closes_on: form_date(closes_on, "closing").map_err(with_status)?,
        venue,
    };
    let pool = crate::db::pool()?;
    let id = crate::db::bodies::add_session(&pool, &session)
        .await
        .map_err(|err| with_status(calendar_error(err)))?;
    tracing::info!(user = user.id, session = id, "added a session");
    Ok(id)
}

/// Sets a body's documentation lead times (weeks before the opening that documents are due and
/// issued); administrators only. Every deadline at the body's sessions follows.
#[server(endpoint = "change_lead_times")]
pub async fn change_lead_times(
    body_id: i64,
    submission_weeks: String,
    issuance_weeks: String,
) -> Result<(), AppError> {
    use crate::error::with_status;

    let user = crate::auth::login::require_admin()
        .await
        .map_err(with_status)?;
    let submission =
        form_number(&submission_weeks, "the submission lead time").map_err(with_status)?;
    let issuance = form_number(&issuance_weeks, "the issuance lead time").map_err(with_status)?;
    let pool = crate::db::pool()?;
    crate::db::bodies::set_lead_times(&pool, body_id, submission, issuance)
        .await
        .map_err(|err| with_status(calendar_error(err)))?;
    tracing::info!(
        user = user.id,
        body = body_id,
        submission,
        issuance,
        "changed lead times"
    );
    Ok(())
}
