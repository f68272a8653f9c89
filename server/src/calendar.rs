//! `mandate-tracker calendar FILE`: loads bodies and sessions (the demo calendar in
//! `data/calendar.json`) without overwriting what staff have edited.
//!
//! A body or session that already exists is left alone, except that a session created by an
//! import (number known, dates not) gets its dates. A session whose file entry says it was
//! rescheduled is created with its planned dates and then moved, so its history shows the move.

use crate::settings::DatabaseArgs;
use anyhow::{Context, bail};
use app::db::calendar::{SessionChange, reschedule_session};
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
    pub state: app::domain::SessionState,
    pub planned: Dates,
    pub rescheduled: Option<Moved>,
}

/// `mandate-tracker calendar FILE`.
pub async fn run(db: DatabaseArgs, file: &Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let calendar: CalendarFile = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a valid calendar file", file.display()))?;
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
    for body in &calendar.bodies {
        let id = sqlx::query_scalar!(
            r#"
            insert into body (code, name, kind, cadence_years) values ($1, $2, $3, $4)
            on conflict on constraint body_code_key do update set code = excluded.code
            returning id
            "#,
            body.code,
            body.name,
            body.kind,
            body.cadence_years
        )
        .fetch_one(&mut *tx)
        .await
        .with_context(|| format!("cannot store body {}", body.code))?;
        for alias in &body.aliases {
            sqlx::query!(
                "insert into body_alias (alias, body_id) values ($1, $2) on conflict do nothing",
                alias,
                id
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    let mut changed = 0;
    for entry in &calendar.sessions {
        let Some(body_id) = sqlx::query_scalar!("select id from body where code = $1", entry.body)
            .fetch_optional(&mut *tx)
            .await?
        else {
            bail!(
                "session {} names an unknown body {}",
                entry.number,
                entry.body
            );
        };
        let existing = sqlx::query!(
            "select id, opens_on from session where body_id = $1 and number = $2",
            body_id,
            entry.number
        )
        .fetch_optional(&mut *tx)
        .await?;
        // A session that moved starts from its planned dates; the move is then recorded.
        let first_state = if entry.rescheduled.is_some() {
            app::domain::SessionState::Planned
        } else {
            entry.state
        }
        .as_str();
        let session_id = match existing {
            Some(row) if row.opens_on.is_some() => continue,
            Some(row) => {
                sqlx::query!(
                    "update session set opens_on = $2, closes_on = $3, venue = coalesce(venue, $4),
                            state = $5
                      where id = $1",
                    row.id,
                    entry.planned.opens_on,
                    entry.planned.closes_on,
                    entry.venue,
                    first_state
                )
                .execute(&mut *tx)
                .await?;
                row.id
            }
            None => {
                sqlx::query_scalar!(
                    r#"
                    insert into session (body_id, number, label, opens_on, closes_on, venue, state)
                    values ($1, $2, $3, $4, $5, $6, $7)
                    returning id
                    "#,
                    body_id,
                    entry.number,
                    entry.label,
                    entry.planned.opens_on,
                    entry.planned.closes_on,
                    entry.venue,
                    first_state
                )
                .fetch_one(&mut *tx)
                .await?
            }
        };
        changed += 1;
        if let Some(moved) = &entry.rescheduled {
            let version = current_version(&mut tx, session_id).await?;
            reschedule_session(
                &mut tx,
                session_id,
                version,
                &SessionChange {
                    details: None,
                    opens_on: moved.opens_on,
                    closes_on: moved.closes_on,
                    state: entry.state,
                    note: Some(moved.note.clone()),
                },
                "calendar data",
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(changed)
}

async fn current_version(tx: &mut sqlx::PgConnection, session_id: i64) -> anyhow::Result<i32> {
    Ok(
        sqlx::query_scalar!("select version from session where id = $1", session_id)
            .fetch_one(&mut *tx)
            .await?,
    )
}
