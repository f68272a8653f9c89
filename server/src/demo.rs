//! `mandate-tracker demo progress FILE`: records the illustrative progress of the demo
//! (`data/demo-progress.json`) through the status workflow, as a staff member would, so that
//! `make run` shows reports in preparation, issued, deferred to a later session and due ahead.
//!
//! Idempotent: a step applies only while its obligation is in the step's `from` status and the
//! actor has not recorded that step on it before, so running it again (every `make run`) changes
//! nothing, also after staff have moved the obligation on.

pub mod at_risk;
pub mod corpus;

use crate::settings::DatabaseArgs;
use anyhow::{Context, bail};
use app::db;
use app::domain::{DocumentSymbol, Status, StatusChange};
use serde::Deserialize;
use sqlx::PgPool;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressFile {
    /// What the file is, for whoever opens it.
    #[serde(default, rename = "_about")]
    pub about: Option<String>,
    /// Who the history says recorded the steps.
    pub actor: String,
    pub steps: Vec<Step>,
    /// The report kept at risk whatever the run date (`demo/at_risk.rs`).
    #[serde(default)]
    pub at_risk: Option<at_risk::AtRisk>,
}

/// One status change of one report obligation, found by where its mandate is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub document: String,
    pub resolution: String,
    pub paragraph: String,
    /// Which of the paragraph's reporting mandates (1 = the first), when it has several.
    #[serde(default = "first")]
    pub report: usize,
    /// Which occurrence of that report (1 = the one first asked for; 2 = a recurring report's
    /// next one).
    #[serde(default = "first_occurrence")]
    pub occurrence: i32,
    pub from: Status,
    pub to: Status,
    pub document_symbol: Option<String>,
    /// The later session a deferral moves it to.
    pub session: Option<SessionRef>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRef {
    pub body: String,
    pub number: i32,
}

fn first() -> usize {
    1
}

fn first_occurrence() -> i32 {
    1
}

pub async fn run(db: DatabaseArgs, file: &Path) -> anyhow::Result<()> {
    let progress: ProgressFile = crate::read_json_file(file, "progress file")?;
    let pool = crate::database::connect(&db).await?;
    crate::database::migrate(&pool).await?;
    let applied = apply(&pool, &progress).await?;
    println!(
        "demo: {applied} of {} illustrative steps recorded ({} already there)",
        progress.steps.len(),
        progress.steps.len() - applied
    );
    // The run date: what is at risk is judged on the day the server serves, from the clock.
    let today = chrono::Utc::now().date_naive();
    if let Some(due) = at_risk::keep_at_risk(&pool, &progress, today).await? {
        println!("demo: one report made due on {due}, so that something is at risk (illustrative)");
    }
    Ok(())
}

/// `demo generate`: synthetic obligations for the scale benchmark.
pub async fn generate(db: DatabaseArgs, obligations: i64) -> anyhow::Result<()> {
    let pool = crate::database::connect(&db).await?;
    crate::database::migrate(&pool).await?;
    let made = db::synthetic::generate(&pool, obligations).await?;
    println!(
        "demo: generated {} obligations in {} resolutions ({} bodies and {} sessions added)",
        made.obligations, made.resolutions, made.bodies, made.sessions
    );
    Ok(())
}

/// Applies every step whose obligation is still in its `from` status; returns how many did.
pub async fn apply(pool: &PgPool, progress: &ProgressFile) -> anyhow::Result<usize> {
    let mut applied = 0;
    for step in &progress.steps {
        let place = format!(
            "{} {} ¶{} (report {}, occurrence {})",
            step.document, step.resolution, step.paragraph, step.report, step.occurrence
        );
        let found = report_at(
            pool,
            (&step.document, &step.resolution, &step.paragraph),
            step.report,
            step.occurrence,
        )
        .await?;
        let Some(report) = found else {
            bail!("{place}: there is no such report");
        };
        if report.status != step.from
            || db::obligation::recorded_by(pool, report.id, &progress.actor, step.to).await?
        {
            continue;
        }
        let change = StatusChange {
            to: step.to,
            document_symbol: step
                .document_symbol
                .as_deref()
                .map(DocumentSymbol::parse)
                .transpose()
                .with_context(|| place.clone())?,
            new_session: match &step.session {
                Some(session) => Some(session_id(pool, session).await.context(place.clone())?),
                None => None,
            },
            merged_into: None,
            reason: step.note.clone(),
            public_note: true,
        };
        db::obligation::change_status(pool, report.id, report.version, &change, &progress.actor)
            .await
            .with_context(|| place.clone())?;
        applied += 1;
    }
    Ok(applied)
}

/// Occurrence `occurrence` of the `report`th reporting mandate (1 = the first) of paragraph
/// (document, resolution, paragraph).
async fn report_at(
    pool: &PgPool,
    (document, resolution, paragraph): (&str, &str, &str),
    report: usize,
    occurrence: i32,
) -> anyhow::Result<Option<db::mandate::ParagraphReport>> {
    let reports = db::mandate::reports_at(pool, document, resolution, paragraph).await?;
    let mut positions: Vec<i32> = reports.iter().map(|r| r.position).collect();
    positions.dedup();
    let position = report.checked_sub(1).and_then(|i| positions.get(i));
    Ok(position.and_then(|&p| {
        reports
            .into_iter()
            .find(|r| r.position == p && r.occurrence == occurrence)
    }))
}

async fn session_id(pool: &PgPool, session: &SessionRef) -> anyhow::Result<i64> {
    let mut conn = pool.acquire().await?;
    let body = db::body::id_by_code(&mut conn, &session.body)
        .await?
        .with_context(|| format!("no body {}", session.body))?;
    let found = db::session::find(&mut conn, body, session.number)
        .await?
        .with_context(|| format!("no session {} {}", session.body, session.number))?;
    Ok(found.id)
}
