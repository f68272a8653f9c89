//! The demo's one report kept at risk: whatever day `make run` runs on, the demo shows a report
//! whose deadline is days away.
//!
//! The real calendar cannot give that: a report is at risk in the `--at-risk-days` (21) before
//! its submission deadline, ten weeks before its session opens, and the sessions ahead leave
//! months with no such deadline (from 29 December 2026 to 14 February 2027, from 6 July to
//! 12 December 2027). So one report named in `data/demo-progress.json` (`at_risk`) is given an
//! illustrative due day `days_ahead` days after the run date, each time `demo progress` finds it
//! overdue or further ahead than that. Each change writes an event in its history (status
//! unchanged, by the demo's actor) whose note says that the day is illustrative.

use super::ProgressFile;
use anyhow::{Context, bail};
use chrono::{Days, NaiveDate};
use serde::Deserialize;
use sqlx::PgPool;

/// The report kept at risk, found like a progress step.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AtRisk {
    pub document: String,
    pub resolution: String,
    pub paragraph: String,
    /// Which of the paragraph's reporting mandates (1 = the first).
    #[serde(default = "super::first")]
    pub report: usize,
    /// How many days after the run date it is made due: at most the at-risk window (21 by
    /// default), so it is at risk from the day it is set.
    pub days_ahead: u32,
    /// Said first in the history, before the day it is due.
    pub note: String,
}

/// Gives the `at_risk` report of `progress` a due day `days_ahead` after `today` unless it is
/// due within that already (or is no longer awaiting submission: then staff have moved it on
/// and it is left alone). Returns the new due day when it set one.
pub async fn keep_at_risk(
    pool: &PgPool,
    progress: &ProgressFile,
    today: NaiveDate,
) -> anyhow::Result<Option<NaiveDate>> {
    let Some(at_risk) = &progress.at_risk else {
        return Ok(None);
    };
    let place = format!(
        "{} {} ¶{} (report {})",
        at_risk.document, at_risk.resolution, at_risk.paragraph, at_risk.report
    );
    let found = super::report_at(
        pool,
        (&at_risk.document, &at_risk.resolution, &at_risk.paragraph),
        at_risk.report,
        1,
    )
    .await?;
    let Some(report) = found else {
        bail!("{place}: there is no such report");
    };
    if !report.status.awaits_submission() {
        return Ok(None);
    }
    let due = today
        .checked_add_days(Days::new(u64::from(at_risk.days_ahead)))
        .context("a due day out of range")?;
    let mut tx = pool.begin().await?;
    // Runtime-checked queries, tested by server/tests/demo.rs: demo-only code, kept out of the
    // compile-time query data (.sqlx/) the application's queries are checked against.
    let current: Option<NaiveDate> =
        sqlx::query_scalar("select due_on from obligation where id = $1 for update")
            .bind(report.id)
            .fetch_one(&mut *tx)
            .await
            .with_context(|| place.clone())?;
    if current.is_some_and(|day| day >= today && day <= due) {
        return Ok(None);
    }
    sqlx::query("update obligation set due_on = $2, version = version + 1 where id = $1")
        .bind(report.id)
        .bind(due)
        .execute(&mut *tx)
        .await
        .with_context(|| place.clone())?;
    let note = format!(
        "{} Due on {} (set {} days after the day the demo was loaded).",
        at_risk.note,
        app::domain::calendar::day(due),
        at_risk.days_ahead
    );
    sqlx::query(
        "insert into obligation_event (obligation_id, actor, from_status, to_status, note, note_public)
         values ($1, $2, $3, $3, $4, true)",
    )
    .bind(report.id)
    .bind(&progress.actor)
    .bind(report.status.as_str())
    .bind(note)
    .execute(&mut *tx)
    .await
    .with_context(|| place.clone())?;
    tx.commit().await?;
    Ok(Some(due))
}
