//! Sending the digests: a scheduler inside the server composes each day's digests from
//! `--digest-hour` (UTC), writes the day's at-risk notices to focal points, and deletes
//! subscription requests left unconfirmed; `mandate-tracker digest send [--dry-run]` does the
//! same on demand and prints what it sends.

use crate::mail::Mailer;
use crate::mail::worker::Worker;
use crate::settings::{DatabaseArgs, DigestArgs};
use app::mail::MailContext;
use app::mail::digest::{Outcome, compose_due};
use app::mail::notice::warn_at_risk;
use chrono::{Timelike, Utc};
use sqlx::PgPool;
use std::time::Duration;

/// How often the scheduler looks for due digests.
const EVERY: Duration = Duration::from_secs(60);

/// Composes the digests due, every minute from `hour` each day, until the pool closes.
pub fn spawn_scheduler(pool: PgPool, mail: MailContext, window_days: i64, hour: u32) {
    tokio::spawn(async move {
        let mut minutely = tokio::time::interval(EVERY);
        // At-risk notices are looked for once a day (each is written once per obligation and
        // deadline however often they are looked for, by whichever process).
        let mut warned_on = None;
        loop {
            minutely.tick().await;
            if pool.is_closed() {
                return;
            }
            if let Err(err) = app::db::subscription::delete_expired(&pool).await {
                tracing::warn!(error = %err, "cannot delete unconfirmed subscription requests");
            }
            let now = Utc::now();
            if now.hour() < hour {
                continue;
            }
            match compose_due(&pool, &mail, now.date_naive(), window_days, false).await {
                Ok(outcomes) if !outcomes.is_empty() => {
                    let sent = outcomes.iter().filter(|o| o.subject.is_some()).count();
                    tracing::info!(composed = outcomes.len(), sent, "digests of the day");
                }
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "cannot compose the digests"),
            }
            let today = now.date_naive();
            if warned_on != Some(today) {
                match warn_at_risk(&pool, &mail, today, window_days).await {
                    Ok(written) => {
                        warned_on = Some(today);
                        tracing::info!(written, "at-risk notices of the day");
                    }
                    Err(err) => tracing::warn!(error = %err, "cannot write at-risk notices"),
                }
            }
        }
    });
}

/// `mandate-tracker digest send [--dry-run]`.
pub async fn run(db: DatabaseArgs, args: DigestArgs) -> anyhow::Result<()> {
    let pool = crate::database::connect(&db).await?;
    let mailer = Mailer::from_settings(&args.mail)?;
    println!("{}", mailer.describe());
    let worker = Worker::new(pool.clone(), mailer, &args.mail)?;
    let mail = MailContext {
        site_url: args.public_origin.trim_end_matches('/').into(),
        message_domain: args.mail.message_domain().into(),
        written: worker.waker(),
    };
    let today = Utc::now().date_naive();
    let started = std::time::Instant::now();
    let outcomes = compose_due(&pool, &mail, today, args.at_risk_days, args.dry_run).await?;
    let composed_in = started.elapsed().as_secs_f64();
    for outcome in &outcomes {
        print_outcome(outcome, args.dry_run);
    }
    let sent = outcomes.iter().filter(|o| o.subject.is_some()).count();
    if args.dry_run {
        println!(
            "dry run: {sent} digests would be sent, {} due; nothing was written",
            outcomes.len()
        );
        return Ok(());
    }
    println!(
        "{sent} digests written to the outbox ({} due) in {composed_in:.2} s",
        outcomes.len()
    );
    let warned = warn_at_risk(&pool, &mail, today, args.at_risk_days).await?;
    println!("{warned} at-risk notices written to focal points");
    // Send what the outbox holds now (these digests and anything waiting).
    let started = std::time::Instant::now();
    let mut tried = 0;
    loop {
        let batch = worker.send_due().await?;
        if batch == 0 {
            break;
        }
        tried += batch;
    }
    let seconds = started.elapsed().as_secs_f64();
    let (queued, _, _, failed) = app::db::outbox::counts(&pool).await?;
    println!(
        "{tried} mails tried in {seconds:.2} s ({:.0} a second); {queued} waiting for a retry, {failed} given up",
        tried as f64 / seconds.max(0.001)
    );
    Ok(())
}

fn print_outcome(outcome: &Outcome, dry_run: bool) {
    match &outcome.subject {
        Some(subject) => {
            println!(
                "to {}: {subject} ({} obligations)",
                outcome.recipient, outcome.listed
            );
            if dry_run && let Some(text) = &outcome.text {
                println!(
                    "{}",
                    text.lines()
                        .map(|l| format!("    {l}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                );
            }
        }
        None => println!(
            "to {}: nothing to report; no mail (the subscriber asked for none)",
            outcome.recipient
        ),
    }
}
