//! The calendar as a list: every body with its sessions.

use crate::domain::SessionDates;
use crate::error::AppError;
use crate::model::{BodyCalendar, SessionRow};

/// Every body (by code) with its sessions in number order and the obligations due at each.
pub async fn calendar(pool: &sqlx::PgPool) -> Result<Vec<BodyCalendar>, AppError> {
    let bodies = sqlx::query!(
        "select id, code, name, kind, submission_lead_weeks, issuance_lead_weeks
           from body order by code"
    )
    .fetch_all(pool)
    .await?;
    let sessions = sqlx::query!(
        r#"
        select s.id, s.body_id, s.number, s.label, s.opens_on, s.closes_on, s.venue, s.state,
               s.reconvened_opens_on, s.reconvened_closes_on, s.version,
               count(o.id) as "obligations!"
          from session s
          left join obligation o on o.session_id = s.id
         group by s.id
         order by s.body_id, s.number
        "#
    )
    .fetch_all(pool)
    .await?;
    bodies
        .into_iter()
        .map(|b| {
            Ok(BodyCalendar {
                sessions: sessions
                    .iter()
                    .filter(|s| s.body_id == b.id)
                    .map(|s| {
                        Ok(SessionRow {
                    id: s.id,
                    number: s.number,
                    label: s.label.clone(),
                    opens_on: s.opens_on,
                    closes_on: s.closes_on,
                    venue: s.venue.clone(),
                    state: s.state.parse().map_err(|_| {
                        tracing::error!(state = %s.state, "unknown session state in the database");
                        AppError::Internal
                    })?,
                    reconvened_opens_on: s.reconvened_opens_on,
                    reconvened_closes_on: s.reconvened_closes_on,
                    version: s.version,
                    obligations: s.obligations,
                })
                    })
                    .collect::<Result<_, AppError>>()?,
                id: b.id,
                code: b.code,
                name: b.name,
                kind: b.kind,
                submission_lead_weeks: b.submission_lead_weeks,
                issuance_lead_weeks: b.issuance_lead_weeks,
            })
        })
        .collect()
}

/// A session to add to a body's calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub body_id: i64,
    pub number: i32,
    /// "thirty-fifth session"; `session N` when blank.
    pub label: Option<String>,
    pub opens_on: Option<chrono::NaiveDate>,
    pub closes_on: Option<chrono::NaiveDate>,
    pub venue: Option<String>,
}

/// Adds a planned session; returns its id. A body has one session per number.
pub async fn add_session(pool: &sqlx::PgPool, session: &NewSession) -> Result<i64, AppError> {
    SessionDates {
        opening: session.opens_on,
        closing: session.closes_on,
    }
    .check_order("The session")?;
    let body = sqlx::query_scalar!("select name from body where id = $1", session.body_id)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("There is no body {}.", session.body_id)))?;
    let label = session
        .label
        .clone()
        .unwrap_or_else(|| format!("session {}", session.number));
    sqlx::query_scalar!(
        "insert into session (body_id, number, label, opens_on, closes_on, venue)
         values ($1, $2, $3, $4, $5, $6)
         on conflict on constraint session_body_number_key do nothing
         returning id",
        session.body_id,
        session.number,
        label,
        session.opens_on,
        session.closes_on,
        session.venue
    )
    .fetch_optional(pool)
    .await?
    .ok_or_else(|| {
        AppError::Conflict(format!(
            "{body} already has a session {}. Choose another number, or edit that session.",
            session.number
        ))
    })
}

/// Sets how many weeks before a session's opening its documents are due and issued. Every
/// deadline of the body's obligations follows, since deadlines are derived on read.
pub async fn set_lead_times(
    pool: &sqlx::PgPool,
    body_id: i64,
    submission_weeks: i32,
    issuance_weeks: i32,
) -> Result<(), AppError> {
    if issuance_weeks > submission_weeks {
        return Err(AppError::invalid(format!(
            "A document cannot be issued ({issuance_weeks} weeks before the session) before it \
             is submitted ({submission_weeks} weeks before)."
        )));
    }
    let updated = sqlx::query!(
        "update body set submission_lead_weeks = $2, issuance_lead_weeks = $3 where id = $1",
        body_id,
        submission_weeks,
        issuance_weeks
    )
    .execute(pool)
    .await?
    .rows_affected();
    if updated == 0 {
        return Err(AppError::NotFound(format!("There is no body {body_id}.")));
    }
    Ok(())
}
