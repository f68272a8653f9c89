//! Changing a session: its dates and state (which move every obligation due there), its label,
//! venue and reconvened part. Every change is versioned and recorded in `session_event`.

use crate::domain::{SessionDates, SessionState};
use crate::error::AppError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The new dates and state of a session (a reschedule, a postponement, or marking it held).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionChange {
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub state: SessionState,
    pub note: Option<String>,
    /// New label, venue and reconvened part; `None` leaves them as they are.
    pub details: Option<SessionDetails>,
}

/// What a session is called, where it meets, and the dates of its reconvened part, if any.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SessionDetails {
    pub label: String,
    pub venue: Option<String>,
    pub reconvened_opens_on: Option<NaiveDate>,
    pub reconvened_closes_on: Option<NaiveDate>,
}

/// Changes a session's dates or state if `expected_version` is still current, and records the
/// change in `session_event` in the same transaction. Returns the new version.
pub async fn reschedule_session(
    conn: &mut sqlx::PgConnection,
    session_id: i64,
    expected_version: i32,
    change: &SessionChange,
    actor: &str,
) -> Result<i32, AppError> {
    SessionDates {
        opening: change.opens_on,
        closing: change.closes_on,
    }
    .check_order("The session")?;
    if let Some(details) = &change.details {
        check_details(details)?;
    }
    let current = sqlx::query!(
        "select version, opens_on, closes_on, state, label, venue, reconvened_opens_on,
                reconvened_closes_on
           from session where id = $1 for update",
        session_id
    )
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::NotFound(format!("There is no session {session_id}.")))?;
    if current.version != expected_version {
        return Err(AppError::stale("session"));
    }
    let details = change.details.clone().unwrap_or(SessionDetails {
        label: current.label.clone(),
        venue: current.venue.clone(),
        reconvened_opens_on: current.reconvened_opens_on,
        reconvened_closes_on: current.reconvened_closes_on,
    });
    let version = sqlx::query_scalar!(
        "update session set opens_on = $2, closes_on = $3, state = $4, label = $5, venue = $6,
                reconvened_opens_on = $7, reconvened_closes_on = $8, version = version + 1
          where id = $1 returning version",
        session_id,
        change.opens_on,
        change.closes_on,
        change.state.as_str(),
        details.label,
        details.venue,
        details.reconvened_opens_on,
        details.reconvened_closes_on
    )
    .fetch_one(&mut *conn)
    .await?;
    // The event table keeps dates and state; other changes are spelt out in its note.
    let mut notes: Vec<String> = change.note.iter().cloned().collect();
    if details.label.trim() != current.label.trim() {
        notes.push(format!(
            "renamed from '{}' to '{}'",
            current.label, details.label
        ));
    }
    if details.venue != current.venue {
        notes.push(format!(
            "venue {} → {}",
            current.venue.as_deref().unwrap_or("not set"),
            details.venue.as_deref().unwrap_or("not set")
        ));
    }
    if (details.reconvened_opens_on, details.reconvened_closes_on)
        != (current.reconvened_opens_on, current.reconvened_closes_on)
    {
        let part = |opens: Option<NaiveDate>, closes: Option<NaiveDate>| match (opens, closes) {
            (None, None) => "none".to_string(),
            (o, c) => format!(
                "{}–{}",
                o.map_or_else(|| "?".into(), |d| d.to_string()),
                c.map_or_else(|| "?".into(), |d| d.to_string())
            ),
        };
        notes.push(format!(
            "reconvened part {} → {}",
            part(current.reconvened_opens_on, current.reconvened_closes_on),
            part(details.reconvened_opens_on, details.reconvened_closes_on)
        ));
    }
    let note = (!notes.is_empty()).then(|| notes.join("; "));
    sqlx::query!(
        r#"
        insert into session_event (session_id, actor, old_opens_on, new_opens_on, old_closes_on,
                                   new_closes_on, old_state, new_state, note, label)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        "#,
        session_id,
        actor,
        current.opens_on,
        change.opens_on,
        current.closes_on,
        change.closes_on,
        current.state,
        change.state.as_str(),
        note,
        details.label
    )
    .execute(&mut *conn)
    .await?;
    Ok(version)
}

fn check_details(details: &SessionDetails) -> Result<(), AppError> {
    if details.label.trim().is_empty() {
        return Err(AppError::invalid(
            "The session needs a name, for example \"thirtieth session\".",
        ));
    }
    SessionDates {
        opening: details.reconvened_opens_on,
        closing: details.reconvened_closes_on,
    }
    .check_order("The reconvened part")?;
    Ok(())
}
