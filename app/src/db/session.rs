//! The `session` table: a numbered meeting of a body. Sessions come into being here and only
//! here ([`create`]): added by an administrator, loaded from the calendar file, or named by an
//! imported text or a recurring report before anyone knows their dates.

mod change;

pub use change::{SessionChange, SessionDetails, reschedule_session};

use crate::domain::{SessionDates, SessionState};
use crate::error::AppError;
use crate::model::SessionChoice;
use chrono::NaiveDate;

/// A session to add to a body's calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    pub body_id: i64,
    pub number: i32,
    /// "thirty-fifth session"; `session N` when blank.
    pub label: Option<String>,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub venue: Option<String>,
}

impl NewSession {
    /// Session `number` of a body, nothing else known yet ("date not set").
    pub fn undated(body_id: i64, number: i32, label: Option<&str>) -> Self {
        NewSession {
            body_id,
            number,
            label: label.map(str::to_owned),
            opens_on: None,
            closes_on: None,
            venue: None,
        }
    }
}

/// Creates a session in `state` unless the body already has one with its number; returns the
/// new id, or `None` when the number is taken. Its dates must be in order.
pub async fn create(
    conn: &mut sqlx::PgConnection,
    session: &NewSession,
    state: SessionState,
) -> Result<Option<i64>, AppError> {
    SessionDates {
        opening: session.opens_on,
        closing: session.closes_on,
    }
    .check_order("The session")?;
    let label = session
        .label
        .clone()
        .unwrap_or_else(|| format!("session {}", session.number));
    Ok(sqlx::query_scalar!(
        "insert into session (body_id, number, label, opens_on, closes_on, venue, state)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict on constraint session_body_number_key do nothing
         returning id",
        session.body_id,
        session.number,
        label,
        session.opens_on,
        session.closes_on,
        session.venue,
        state.as_str()
    )
    .fetch_optional(&mut *conn)
    .await?)
}

/// Adds a planned session for an administrator; returns its id. A body has one session per
/// number, so a number already taken is a conflict with a way out.
pub async fn add(pool: &sqlx::PgPool, session: &NewSession) -> Result<i64, AppError> {
    let mut tx = pool.begin().await?;
    let body = super::body::name(&mut tx, session.body_id).await?;
    let id = create(&mut tx, session, SessionState::Planned)
        .await?
        .ok_or_else(|| {
            AppError::Conflict(format!(
                "{body} already has a session {}. Choose another number, or edit that session.",
                session.number
            ))
        })?;
    tx.commit().await?;
    Ok(id)
}

/// The id of session `number` of a body, creating it without dates when the calendar does not
/// know it yet, so an obligation can point at it and gets its dates when someone sets them.
/// Used by the import and by recurring obligations.
pub async fn ensure(
    conn: &mut sqlx::PgConnection,
    body_id: i64,
    number: i32,
    label: Option<&str>,
) -> Result<i64, AppError> {
    let session = NewSession::undated(body_id, number, label);
    if let Some(id) = create(conn, &session, SessionState::Planned).await? {
        return Ok(id);
    }
    // The number was taken, so the session is there (sessions are never deleted).
    find(conn, body_id, number)
        .await?
        .map(|found| found.id)
        .ok_or(AppError::Internal)
}

/// A session found by its body and number: its id, and whether it has dates yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundSession {
    pub id: i64,
    pub opens_on: Option<NaiveDate>,
}

/// Session `number` of a body, if the calendar has it.
pub async fn find(
    conn: &mut sqlx::PgConnection,
    body_id: i64,
    number: i32,
) -> Result<Option<FoundSession>, AppError> {
    Ok(sqlx::query_as!(
        FoundSession,
        "select id, opens_on from session where body_id = $1 and number = $2",
        body_id,
        number
    )
    .fetch_optional(&mut *conn)
    .await?)
}

/// Gives a session that was created without dates (by an import) the dates, venue and state the
/// calendar file has for it. Not a staff edit, so not versioned: nobody has seen it dated yet.
pub async fn date_undated(
    conn: &mut sqlx::PgConnection,
    id: i64,
    dates: SessionDates,
    venue: Option<&str>,
    state: SessionState,
) -> Result<(), AppError> {
    dates.check_order("The session")?;
    sqlx::query!(
        "update session set opens_on = $2, closes_on = $3, venue = coalesce(venue, $4),
                state = $5
          where id = $1 and opens_on is null",
        id,
        dates.opening,
        dates.closing,
        venue,
        state.as_str()
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Gives session `id` the dates of its reconvened part from the calendar file, unless it has
/// a reconvened part already. Like [`date_undated`], for a session the calendar has just added
/// or dated: not a staff edit, so not versioned.
pub async fn set_first_reconvened(
    conn: &mut sqlx::PgConnection,
    id: i64,
    dates: SessionDates,
) -> Result<(), AppError> {
    dates.check_order("The reconvened part")?;
    sqlx::query!(
        "update session set reconvened_opens_on = $2, reconvened_closes_on = $3
          where id = $1 and reconvened_opens_on is null and reconvened_closes_on is null",
        id,
        dates.opening,
        dates.closing
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The current version of session `id` (what a change must name).
pub async fn version(conn: &mut sqlx::PgConnection, id: i64) -> Result<i32, AppError> {
    sqlx::query_scalar!("select version from session where id = $1", id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("There is no session {id}.")))
}

/// The sessions of a body after session `after`, the targets a deferral may choose.
pub async fn later_sessions(
    pool: &sqlx::PgPool,
    body_id: i64,
    after: i32,
) -> Result<Vec<SessionChoice>, AppError> {
    Ok(sqlx::query_as!(
        SessionChoice,
        "select id, label, opens_on from session where body_id = $1 and number > $2
          order by number",
        body_id,
        after
    )
    .fetch_all(pool)
    .await?)
}

/// Session `number` of the body with acronym `code` (any case), with its body and lead times,
/// as the agenda page heads it; `None` when the calendar has no such session.
pub async fn agenda_head(
    pool: &sqlx::PgPool,
    code: &str,
    number: i32,
) -> Result<Option<AgendaHead>, AppError> {
    let Some(row) = sqlx::query!(
        "select b.code, b.name, b.submission_lead_weeks, b.issuance_lead_weeks, s.number, s.label,
                s.opens_on, s.closes_on, s.venue, s.state
           from session s join body b on b.id = s.body_id
          where lower(b.code) = lower($1) and s.number = $2",
        code,
        number
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(AgendaHead {
        body_code: row.code,
        body_name: row.name,
        number: row.number,
        label: row.label,
        dates: SessionDates {
            opening: row.opens_on,
            closing: row.closes_on,
        },
        venue: row.venue,
        state: super::stored(&row.state, "session state")?,
        lead: crate::domain::LeadTimes::stored(
            Some(row.submission_lead_weeks),
            Some(row.issuance_lead_weeks),
        ),
    }))
}

/// A session with its body, for the agenda page's heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaHead {
    pub body_code: String,
    pub body_name: String,
    pub number: i32,
    pub label: String,
    pub dates: SessionDates,
    pub venue: Option<String>,
    pub state: SessionState,
    pub lead: crate::domain::LeadTimes,
}
