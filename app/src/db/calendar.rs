//! Bodies, sessions and the dates derived from them.
//!
//! Deadlines are computed from the session row and the body's lead times on every read
//! ([`crate::domain::deadlines`]); nothing date-like is copied onto obligations, so moving a
//! session moves every obligation due there.

pub use super::session::{SessionChange, SessionDetails, reschedule_session};
use crate::domain::{LeadTimes, SessionDates, Status, deadlines, urgency};
pub use crate::model::{ObligationSchedule, ObligationUrgency};
use chrono::NaiveDate;

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
