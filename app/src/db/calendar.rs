//! Bodies, sessions and the dates derived from them.
//!
//! Deadlines are computed from the session row and the body's lead times on every read
//! ([`crate::domain::deadlines`]); nothing date-like is copied onto obligations, so moving a
//! session moves every obligation due there.

use crate::domain::{LeadTimes, SessionDates, Status, deadlines, urgency};
pub use crate::model::{ObligationSchedule, ObligationUrgency};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The new dates and state of a session (a reschedule, a postponement, or marking it held).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionChange {
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub state: String,
    pub note: Option<String>,
}

/// Why a session change was refused.
#[derive(Debug, thiserror::Error)]
pub enum SessionChangeError {
    #[error("no session with id {0}")]
    NotFound(i64),
    #[error(
        "the session was changed by someone else (version {current}, not {expected}); reload and try again"
    )]
    Stale { expected: i32, current: i32 },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

const STATES: [&str; 3] = ["planned", "held", "postponed"];

/// Changes a session's dates or state if `expected_version` is still current, and records the
/// change in `session_event` in the same transaction. Returns the new version.
pub async fn reschedule_session(
    conn: &mut sqlx::PgConnection,
    session_id: i64,
    expected_version: i32,
    change: &SessionChange,
    actor: &str,
) -> Result<i32, SessionChangeError> {
    if !STATES.contains(&change.state.as_str()) {
        return Err(SessionChangeError::Invalid(format!(
            "unknown session state '{}' (planned, held or postponed)",
            change.state
        )));
    }
    if let (Some(opens), Some(closes)) = (change.opens_on, change.closes_on)
        && closes < opens
    {
        return Err(SessionChangeError::Invalid(format!(
            "the session cannot close ({closes}) before it opens ({opens})"
        )));
    }
    let current = sqlx::query!(
        "select version, opens_on, closes_on, state from session where id = $1 for update",
        session_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(SessionChangeError::NotFound(session_id))?;
    if current.version != expected_version {
        return Err(SessionChangeError::Stale {
            expected: expected_version,
            current: current.version,
        });
    }
    let version = sqlx::query_scalar!(
        "update session set opens_on = $2, closes_on = $3, state = $4, version = version + 1
          where id = $1 returning version",
        session_id,
        change.opens_on,
        change.closes_on,
        change.state
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!(
        r#"
        insert into session_event (session_id, actor, old_opens_on, new_opens_on, old_closes_on,
                                   new_closes_on, old_state, new_state, note)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        "#,
        session_id,
        actor,
        current.opens_on,
        change.opens_on,
        current.closes_on,
        change.closes_on,
        current.state,
        change.state,
        change.note
    )
    .execute(&mut *conn)
    .await?;
    Ok(version)
}

/// The id of session `number` of a body, creating it without dates ("date not set") when the
/// calendar does not know it yet, so an obligation can point at it and gets its dates when
/// someone sets them. Used by the import and by recurring obligations.
pub async fn ensure_session(
    conn: &mut sqlx::PgConnection,
    body_id: i64,
    number: i32,
    label: Option<&str>,
) -> Result<i64, sqlx::Error> {
    let label = label.map_or_else(|| format!("session {number}"), str::to_owned);
    sqlx::query!(
        "insert into session (body_id, number, label) values ($1, $2, $3)
         on conflict on constraint session_body_number_key do nothing",
        body_id,
        number,
        label
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query_scalar!(
        "select id from session where body_id = $1 and number = $2",
        body_id,
        number
    )
    .fetch_one(&mut *conn)
    .await
}

/// Every obligation with its derived deadlines (None when the session or its date is unknown).
pub async fn obligation_schedules(
    pool: &sqlx::PgPool,
) -> Result<Vec<ObligationSchedule>, sqlx::Error> {
    schedules(pool, None).await
}

/// One obligation with its derived deadlines, or `None` when there is no such obligation.
pub async fn obligation_schedule(
    pool: &sqlx::PgPool,
    id: i64,
) -> Result<Option<ObligationSchedule>, sqlx::Error> {
    Ok(schedules(pool, Some(id)).await?.into_iter().next())
}

async fn schedules(
    pool: &sqlx::PgPool,
    only: Option<i64>,
) -> Result<Vec<ObligationSchedule>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"
        select o.id, o.kind, o.status, r.label as resolution_label, m.paragraph_number, m.addressee,
               coalesce(b.name, o.target_body) as "body?", s.number as "number?",
               s.label as "label?", s.opens_on, s.closes_on,
               b.submission_lead_weeks as "submission_lead_weeks?",
               b.issuance_lead_weeks as "issuance_lead_weeks?"
          from obligation o
          join mandate m on m.id = o.mandate_id
          join resolution r on r.id = m.resolution_id
          left join session s on s.id = o.session_id
          left join body b on b.id = s.body_id
         where $1::bigint is null or o.id = $1
         order by s.opens_on nulls last, o.id
        "#,
        only
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let lead = lead_times(row.submission_lead_weeks, row.issuance_lead_weeks);
            let dates = SessionDates {
                opening: row.opens_on,
                closing: row.closes_on,
            };
            ObligationSchedule {
                obligation_id: row.id,
                kind: row.kind,
                status: row.status,
                resolution_label: row.resolution_label,
                paragraph: row.paragraph_number,
                addressee: row.addressee,
                body: row.body,
                session_number: row.number,
                session_label: row.label,
                deadlines: deadlines(&dates, &lead),
            }
        })
        .collect())
}

/// A body's lead times as stored, or the documentation rules' defaults (10 and 6 weeks) when the
/// obligation has no session yet.
fn lead_times(submission_weeks: Option<i32>, issuance_weeks: Option<i32>) -> LeadTimes {
    LeadTimes {
        submission_weeks: submission_weeks
            .and_then(|w| u32::try_from(w).ok())
            .unwrap_or(10),
        issuance_weeks: issuance_weeks
            .and_then(|w| u32::try_from(w).ok())
            .unwrap_or(6),
    }
}

/// Every obligation judged on `today` (passed in, never read from a clock): overdue when not
/// submitted by the submission deadline, at risk when that deadline is `window_days` or fewer
/// days away. A status the database holds but the domain does not know is logged and skipped.
pub async fn obligations_by_urgency(
    pool: &sqlx::PgPool,
    today: NaiveDate,
    window_days: i64,
) -> Result<Vec<ObligationUrgency>, sqlx::Error> {
    Ok(obligation_schedules(pool)
        .await?
        .into_iter()
        .filter_map(|schedule| {
            let status: Status = match schedule.status.parse() {
                Ok(status) => status,
                Err(_) => {
                    tracing::error!(status = %schedule.status, "unknown obligation status");
                    return None;
                }
            };
            let urgency = urgency(status, schedule.deadlines.as_ref(), today, window_days);
            Some(ObligationUrgency { schedule, urgency })
        })
        .collect())
}
