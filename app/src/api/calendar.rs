//! The calendar: reading it (public) and changing it (administrators).

// A server function's arguments are its form's fields, one each; a struct would only rename them.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::model::BodyCalendar;
use leptos::prelude::*;

/// Every body with its sessions.
#[server(endpoint = "list_calendar")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_calendar() -> Result<Vec<BodyCalendar>, AppError> {
    let pool = crate::db::pool()?;
    crate::db::calendar::calendar(&pool).await
}

/// The deadlines set by date rather than session that still await submission (the first 100,
/// earliest first), judged today; with the day they are judged on.
#[server(endpoint = "list_dated_deadlines")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all))]
pub async fn list_dated_deadlines()
-> Result<(chrono::NaiveDate, Vec<crate::model::ObligationUrgency>), AppError> {
    let pool = crate::db::pool()?;
    let today = chrono::Utc::now().date_naive();
    let rows =
        crate::db::schedule::dated_awaiting(&pool, today, crate::db::at_risk_days(), 100).await?;
    Ok((today, rows))
}

/// Sets a session's dates and state (a reschedule, a postponement, marking it held), made on a
/// page that showed `version`; administrators only. Every obligation due at the session moves
/// with it, and the change is recorded in the session's history. Dates are `YYYY-MM-DD`; a
/// blank date means "not set".
///
/// The label, venue and reconvened part are changed only when `label` is sent (the page's form
/// always sends them); an API client may send dates and state alone.
#[server(endpoint = "change_session")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(session = id, version = version)))]
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
    use super::form::date;
    use crate::db::session::{SessionChange, SessionDetails, reschedule_session};
    use crate::domain::text::{NOTE, SESSION_LABEL, VENUE};

    let user = crate::auth::login::require_admin().await?;
    let state = state.parse().map_err(|_| {
        AppError::invalid("Choose whether the session is planned, held or postponed.")
    })?;
    let change = SessionChange {
        opens_on: date(opens_on, "opening")?,
        closes_on: date(closes_on, "closing")?,
        state,
        note: NOTE.check(note.as_deref())?,
        details: match label {
            Some(label) => Some(SessionDetails {
                label: SESSION_LABEL.check(Some(&label))?.unwrap_or_default(),
                venue: VENUE.check(venue.as_deref())?,
                reconvened_opens_on: date(reconvened_opens_on, "reconvened opening")?,
                reconvened_closes_on: date(reconvened_closes_on, "reconvened closing")?,
            }),
            None => None,
        },
    };
    let pool = crate::db::pool()?;
    let mut tx = pool.begin().await?;
    let version = reschedule_session(&mut tx, id, version, &change, &user.email).await?;
    tx.commit().await?;
    tracing::info!(user = user.id, session = id, "changed a session");
    Ok(version)
}

/// Adds a session to a body's calendar (e.g. a future session an obligation is deferred to);
/// administrators only. Returns the new session's id.
#[server(endpoint = "add_session")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(body = body_id)))]
pub async fn add_session(
    body_id: i64,
    number: String,
    label: Option<String>,
    opens_on: Option<String>,
    closes_on: Option<String>,
    venue: Option<String>,
) -> Result<i64, AppError> {
    use super::form::{date, number as whole_number};
    use crate::db::session::NewSession;
    use crate::domain::text::{SESSION_LABEL, VENUE};

    let user = crate::auth::login::require_admin().await?;
    let session = NewSession {
        body_id,
        number: whole_number(&number, "The session number", 1..=10_000)?,
        label: SESSION_LABEL.check(label.as_deref())?,
        opens_on: date(opens_on, "opening")?,
        closes_on: date(closes_on, "closing")?,
        venue: VENUE.check(venue.as_deref())?,
    };
    let pool = crate::db::pool()?;
    let id = crate::db::session::add(&pool, &session).await?;
    tracing::info!(user = user.id, session = id, "added a session");
    Ok(id)
}

/// Sets a body's documentation lead times (weeks before the opening that documents are due and
/// issued); administrators only. Every deadline at the body's sessions follows.
#[server(endpoint = "change_lead_times")]
#[cfg_attr(feature = "ssr", tracing::instrument(skip_all, fields(body = body_id)))]
pub async fn change_lead_times(
    body_id: i64,
    submission_weeks: String,
    issuance_weeks: String,
) -> Result<(), AppError> {
    use super::form::number;

    let user = crate::auth::login::require_admin().await?;
    let submission = number(&submission_weeks, "The submission lead time", 0..=52)?;
    let issuance = number(&issuance_weeks, "The issuance lead time", 0..=52)?;
    let pool = crate::db::pool()?;
    let lead = crate::domain::LeadTimes {
        submission_weeks: submission.unsigned_abs(),
        issuance_weeks: issuance.unsigned_abs(),
    };
    crate::db::body::set_lead_times(&pool, body_id, lead).await?;
    tracing::info!(
        user = user.id,
        body = body_id,
        submission,
        issuance,
        "changed lead times"
    );
    Ok(())
}
