//! `mandate-tracker calendar FILE`: loads bodies and sessions (the demo calendar in
//! `data/calendar.json`) without overwriting what staff have edited.
//!
//! A body or session that already exists is left alone, except that a session created by an
//! import (number known, dates not) gets its dates. A session whose file entry says it was
//! rescheduled is created with its planned dates and then moved, so its history shows the move.
//! A session's reconvened part (`"reconvened"`) is set when the session is created or dated.

use crate::settings::DatabaseArgs;
use anyhow::{Context, bail};
use app::db;
use app::db::body::NewBody;
use app::db::session::{NewSession, SessionChange, reschedule_session};
use app::domain::{SessionDates, SessionState};
use chrono::NaiveDate;
use serde::Deserialize;
use sqlx::PgPool;
use std::path::Path;

#[derive(Debug, Deserialize)]
pub struct CalendarFile {
    pub bodies: Vec<BodyEntry>,
    pub sessions: Vec<SessionEntry>,
}

#[derive(Debug, Deserialize)]
pub struct BodyEntry {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub cadence_years: i32,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Dates {
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize)]
pub struct Moved {
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub note: String,
}

#[derive(Debug, Deserialize)]
pub struct SessionEntry {
    pub body: String,
    pub number: i32,
    pub label: String,
    pub venue: Option<String>,
    pub state: SessionState,
    pub planned: Dates,
    pub rescheduled: Option<Moved>,
    /// The reconvened part (the Vienna commissions meet again in December), if any.
    #[serde(default)]
    pub reconvened: Option<Dates>,
}

/// `mandate-tracker calendar FILE`.
pub async fn run(db: DatabaseArgs, file: &Path) -> anyhow::Result<()> {
    let calendar: CalendarFile = crate::read_json_file(file, "calendar file")?;
    let pool = crate::database::connect(&db).await?;
    crate::database::migrate(&pool).await?;
    let created = load(&pool, &calendar).await?;
    println!(
        "calendar: {} bodies, {} sessions in {} ({created} sessions added or dated)",
        calendar.bodies.len(),
        calendar.sessions.len(),
        file.display()
    );
    Ok(())
}

/// Loads the calendar in one transaction; returns how many sessions were added or dated.
#[tracing::instrument(skip_all, fields(sessions = calendar.sessions.len()))]
pub async fn load(pool: &PgPool, calendar: &CalendarFile) -> anyhow::Result<usize> {
    let mut tx = pool.begin().await?;
    for entry in &calendar.bodies {
        let body = NewBody {
            code: &entry.code,
            name: &entry.name,
            kind: &entry.kind,
            cadence_years: entry.cadence_years,
        };
        let id = db::body::ensure(&mut tx, &body)
            .await
            .with_context(|| format!("cannot store body {}", entry.code))?;
        for alias in &entry.aliases {
            db::body::add_alias(&mut tx, id, alias).await?;
        }
    }
    let mut changed = 0;
    for entry in &calendar.sessions {
        let Some(body_id) = db::body::id_by_code(&mut tx, &entry.body).await? else {
            bail!(
                "session {} names an unknown body {}",
                entry.number,
                entry.body
            );
        };
        // A session that moved starts from its planned dates; the move is then recorded.
        let first_state = if entry.rescheduled.is_some() {
            SessionState::Planned
        } else {
            entry.state
        };
        let planned = SessionDates {
            opening: entry.planned.opens_on,
            closing: entry.planned.closes_on,
        };
        let session_id = match db::session::find(&mut tx, body_id, entry.number).await? {
            Some(found) if found.opens_on.is_some() => continue,
            Some(found) => {
                let venue = entry.venue.as_deref();
                db::session::date_undated(&mut tx, found.id, planned, venue, first_state).await?;
                found.id
            }
            None => {
                let session = NewSession {
                    body_id,
                    number: entry.number,
                    label: Some(entry.label.clone()),
                    opens_on: planned.opening,
                    closes_on: planned.closing,
                    venue: entry.venue.clone(),
                };
                db::session::create(&mut tx, &session, first_state)
                    .await?
                    .with_context(|| format!("session {} is listed twice", entry.number))?
            }
        };
        changed += 1;
        // Only a session nobody has dated before gets the file's reconvened part.
        if let Some(reconvened) = &entry.reconvened {
            let dates = SessionDates {
                opening: reconvened.opens_on,
                closing: reconvened.closes_on,
            };
            db::session::set_first_reconvened(&mut tx, session_id, dates).await?;
        }
        if let Some(moved) = &entry.rescheduled {
            let version = db::session::version(&mut tx, session_id).await?;
            let change = SessionChange {
                details: None,
                opens_on: moved.opens_on,
                closes_on: moved.closes_on,
                state: entry.state,
                note: Some(moved.note.clone()),
            };
            reschedule_session(&mut tx, session_id, version, &change, "calendar data").await?;
        }
    }
    tx.commit().await?;
    Ok(changed)
}
