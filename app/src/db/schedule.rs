//! Obligations with the dates derived from their sessions, and how urgent each is.
//!
//! Deadlines are computed from the session row and the body's lead times on every read
//! ([`crate::domain::deadlines`]); nothing date-like is copied onto obligations, so moving a
//! session moves every obligation due there.

use super::stored;
use crate::domain::{LeadTimes, SessionDates, obligation_deadlines, urgency};
use crate::error::AppError;
pub use crate::model::{ObligationSchedule, ObligationUrgency};
use chrono::NaiveDate;

/// An obligation row with its mandate, resolution, session and body.
pub(super) struct ScheduleRow {
    pub id: i64,
    pub kind: String,
    pub status: String,
    pub resolution_label: String,
    pub paragraph_number: String,
    pub addressee: String,
    pub body: Option<String>,
    pub number: Option<i32>,
    pub label: Option<String>,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub submission_lead_weeks: Option<i32>,
    pub issuance_lead_weeks: Option<i32>,
    /// The obligation's own day (a date deadline), and the mandate's deadline as written.
    pub due_on: Option<NaiveDate>,
    pub due: Option<String>,
    /// The span between occurrences of a periodic one ("60 days"), as stored.
    pub every: Option<String>,
}

impl TryFrom<ScheduleRow> for ObligationSchedule {
    type Error = AppError;

    fn try_from(row: ScheduleRow) -> Result<Self, AppError> {
        let lead = LeadTimes::stored(row.submission_lead_weeks, row.issuance_lead_weeks);
        let dates = SessionDates {
            opening: row.opens_on,
            closing: row.closes_on,
        };
        Ok(ObligationSchedule {
            obligation_id: row.id,
            kind: stored(&row.kind, "obligation kind")?,
            status: stored(&row.status, "obligation status")?,
            resolution_label: row.resolution_label,
            paragraph: row.paragraph_number,
            addressee: row.addressee,
            body: row.body,
            session_number: row.number,
            session_label: row.label,
            deadlines: obligation_deadlines(row.due_on, &dates, &lead),
            due: row
                .due
                .as_deref()
                .map(|d| stored(d, "mandate deadline"))
                .transpose()?,
            every: row
                .every
                .as_deref()
                .map(|d| stored(d, "mandate rhythm"))
                .transpose()?,
        })
    }
}

/// The query of [`ScheduleRow`]s, completed by each caller's `where` or `order by`: one select
/// list, and each use its own statement, planned for its own parameters.
macro_rules! schedule_rows {
    ($tail:literal $(, $arg:expr)*) => {
        sqlx::query_as!(
            ScheduleRow,
            r#"
            select o.id, o.kind, o.status, resolution_name(r.label, r.adopted_symbol) as "resolution_label!",
                   m.paragraph_number,
                   m.addressee, coalesce(b.name, o.target_body) as "body?",
                   s.number as "number?", s.label as "label?", s.opens_on, s.closes_on,
                   b.submission_lead_weeks as "submission_lead_weeks?",
                   b.issuance_lead_weeks as "issuance_lead_weeks?", o.due_on, m.due, m.every
              from obligation o
              join mandate m on m.id = o.mandate_id
              join resolution r on r.id = m.resolution_id
              left join session s on s.id = o.session_id
              left join body b on b.id = s.body_id
            "# + $tail
            $(, $arg)*
        )
    };
}

/// Every obligation with its derived deadlines (None when the session or its date is unknown).
pub async fn obligation_schedules(
    pool: &sqlx::PgPool,
) -> Result<Vec<ObligationSchedule>, AppError> {
    schedule_rows!("order by coalesce(o.due_on, s.opens_on) nulls last, o.id")
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(ObligationSchedule::try_from)
        .collect()
}

/// One obligation with its derived deadlines, or `None` when there is no such obligation. Its
/// own statement (`where o.id = $1`): sharing the list's `$1 is null or o.id = $1` let a
/// generic plan scan every obligation for each page (10 ms instead of 0.15 ms at 100,000).
pub async fn obligation_schedule(
    pool: &sqlx::PgPool,
    id: i64,
) -> Result<Option<ObligationSchedule>, AppError> {
    schedule_rows!("where o.id = $1", id)
        .fetch_optional(pool)
        .await?
        .map(ObligationSchedule::try_from)
        .transpose()
}

/// Obligations `ids` with their derived deadlines, by id.
pub async fn obligation_schedules_of(
    pool: &sqlx::PgPool,
    ids: &[i64],
) -> Result<Vec<ObligationSchedule>, AppError> {
    schedule_rows!("where o.id = any($1) order by o.id", ids)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(ObligationSchedule::try_from)
        .collect()
}

/// The obligations due on a date (not at a session) that still await submission, earliest
/// first, judged on `today`; at most `limit`.
pub async fn dated_awaiting(
    pool: &sqlx::PgPool,
    today: NaiveDate,
    window_days: i64,
    limit: i64,
) -> Result<Vec<ObligationUrgency>, AppError> {
    let awaiting: Vec<&str> = crate::domain::Status::ALL
        .into_iter()
        .filter(|s| s.awaits_submission())
        .map(|s| s.as_str())
        .collect();
    schedule_rows!(
        "where o.due_on is not null and o.status = any($1) order by o.due_on, o.id limit $2",
        &awaiting as &[&str],
        limit
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| {
        Ok(judged(
            ObligationSchedule::try_from(row)?,
            today,
            window_days,
        ))
    })
    .collect()
}

/// Every obligation judged on `today` (passed in, never read from a clock): overdue when not
/// submitted by the submission deadline, at risk when that deadline is `window_days` or fewer
/// days away.
pub async fn obligations_by_urgency(
    pool: &sqlx::PgPool,
    today: NaiveDate,
    window_days: i64,
) -> Result<Vec<ObligationUrgency>, AppError> {
    Ok(obligation_schedules(pool)
        .await?
        .into_iter()
        .map(|schedule| judged(schedule, today, window_days))
        .collect())
}

/// `schedule` with how urgent it is on `today`, for an at-risk window of `window_days`.
fn judged(schedule: ObligationSchedule, today: NaiveDate, window_days: i64) -> ObligationUrgency {
    let urgency = urgency(
        schedule.status,
        schedule.deadlines.as_ref(),
        today,
        window_days,
    );
    ObligationUrgency { schedule, urgency }
}
